# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.exceptions import ValidationError

PRIORITIES = [
    ("0", "Normal"),
    ("1", "Good"),
    ("2", "Very Good"),
    ("3", "Excellent"),
]
OUTCOMES = [
    ("won", "Won"),
    ("lost", "Lost"),
    ("no_interest", "No Interest"),
    ("other", "Other"),
]


class ContactOrder(models.Model):
    """The follow-up habits of issue #18 on the order, in one extension:
    how promising it is, as CRM qualifies a lead (tags, priority stars, an
    estimated value in the company's currency); how it ended (the outcome
    and lost reason, asked when it is completed, see
    contact.order.complete, cleared when it is reopened; only completing
    sets them)."""

    _inherit = "contact.order"
    _system_fields = ("outcome", "lost_reason_id")

    tag_ids = fields.Many2many(
        "contact.order.tag",
        "contact_order_tag_rel",
        "order_id",
        "tag_id",
        string="Tags",
    )
    priority = fields.Selection(
        PRIORITIES, default="0", index=True, tracking=True, required=True
    )
    expected_value = fields.Monetary(
        string="Estimated Value",
        currency_field="currency_id",
        tracking=True,
        aggregator="sum",
        help="What the contact may bring in, in the company's currency.",
    )
    outcome = fields.Selection(
        OUTCOMES, readonly=True, copy=False, tracking=True, index="btree_not_null"
    )
    lost_reason_id = fields.Many2one(
        "contact.order.lost.reason",
        string="Reason",
        readonly=True,
        copy=False,
        tracking=True,
        index="btree_not_null",
        ondelete="restrict",
    )

    def action_reopen(self):
        done = self.filtered(lambda order: order.state == "done")
        result = super().action_reopen()
        done._as_system().write({"outcome": False, "lost_reason_id": False})
        return result

    def _complete_with_outcome(self, outcome, reason):
        """Complete the orders with this outcome and, unless won, reason
        (a lost reason record, read with the user's rights)."""
        self._assert_edit_right()
        if outcome not in dict(OUTCOMES):
            raise ValidationError(
                self.env._("Choose how the contact ended: %s is no outcome.", outcome)
            )
        reason = reason if outcome != "won" else reason.browse()
        if reason:
            reason.check_access("read")
            if not reason.active:
                raise ValidationError(
                    self.env._(
                        "Reason %s is archived: choose another one.", reason.name
                    )
                )
        open_orders = self.filtered(lambda order: order.state != "done")
        open_orders._as_system().write(
            {"outcome": outcome, "lost_reason_id": reason.id}
        )
        return open_orders.action_complete()
