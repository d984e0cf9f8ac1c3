# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError


class ContactOrderStatus(models.Model):
    """Where in the process a contact is; the list is kept by the admins."""

    _name = "contact.order.status"
    _description = "Contact Order Status"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    fold = fields.Boolean(
        string="Folded in Kanban",
        help="Folded statuses are collapsed in the kanban view.",
    )
    color = fields.Integer()
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        help="Leave empty to share the status between all companies.",
    )
    description = fields.Text(translate=True)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        """A status in use is archived, not deleted: orders keep their status
        (uninstalling the module removes both, in any order)."""
        used = (
            self.env["contact.order"]
            .sudo()
            .search_count([("status_id", "in", self.ids)], limit=1)
        )
        if used:
            raise UserError(
                self.env._(
                    "This status is used by contact orders: archive it instead of "
                    "deleting it."
                )
            )
