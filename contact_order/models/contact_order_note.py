# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import is_html_empty

# a sanity bound for the time spent on one contact (a month of days)
MAX_HOURS = 744


class ContactOrderNote(models.Model):
    """One entry of an order's notes log: what was said, by whom, when."""

    _name = "contact.order.note"
    _inherit = ["contact.order.system.mixin"]
    _description = "Contact Order Note"
    _order = "date desc, id desc"
    # copies of the order's, stored for the Time report (grouped by them)
    _system_fields = (
        "company_id",
        "partner_id",
        "facility_id",
        "equipment_id",
        "status_id",
        "state",
    )

    order_id = fields.Many2one(
        "contact.order",
        string="Contact Order",
        required=True,
        index=True,
        ondelete="cascade",
    )
    body = fields.Html(string="Note", required=True, sanitize=True)
    author_id = fields.Many2one(
        "res.users",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
        ondelete="restrict",
    )
    date = fields.Datetime(
        required=True, readonly=True, default=fields.Datetime.now, index=True
    )
    hours = fields.Float(string="Time Spent", aggregator="sum")
    share_with_customer = fields.Boolean(
        help="Print this note on the contact report sent to the customer."
    )
    is_author = fields.Boolean(
        compute="_compute_is_author", help="The current user wrote this note."
    )
    company_id = fields.Many2one(related="order_id.company_id", store=True)
    partner_id = fields.Many2one(
        related="order_id.partner_id", string="Customer", store=True
    )
    facility_id = fields.Many2one(related="order_id.facility_id", store=True)
    equipment_id = fields.Many2one(
        related="order_id.equipment_id", string="Service Object", store=True
    )
    status_id = fields.Many2one(related="order_id.status_id", store=True)
    state = fields.Selection(related="order_id.state", string="Order State", store=True)

    @api.depends("author_id")
    @api.depends_context("uid")
    def _compute_is_author(self):
        for note in self:
            note.is_author = note.author_id == self.env.user

    @api.constrains("hours")
    def _check_hours(self):
        for note in self:
            if not 0 <= note.hours <= MAX_HOURS:
                raise ValidationError(
                    self.env._(
                        "The time spent on a note must be between 0 and %(max)s "
                        "hours, not %(hours)s.",
                        max=MAX_HOURS,
                        hours=note.hours,
                    )
                )

    def init(self):
        """The Time report of a View only assigned user sums the notes of
        their orders, found through the orders' assignees: this index gives
        the notes of an order with what the report groups and sums, without
        reading the notes themselves (benchmarks/, "time report")."""
        self.env.cr.execute(
            """
            CREATE INDEX IF NOT EXISTS contact_order_note_order_cover_index
                ON contact_order_note (order_id)
                INCLUDE (company_id, partner_id, hours)
            """
        )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._refuse_system_fields(vals)
            if not self.env.su:
                # the log records who wrote what and when: not up to the writer
                vals["author_id"] = self.env.uid
                vals["date"] = fields.Datetime.now()
            if is_html_empty(vals.get("body")):
                raise ValidationError(self.env._("A note cannot be empty."))
        notes = super().create(vals_list)
        notes.order_id._assert_edit_right(notes._edit_right_message())
        return notes

    def write(self, vals):
        self._refuse_system_fields(vals)
        if not self.env.su:
            if {"author_id", "date"} & vals.keys():
                raise UserError(
                    self.env._(
                        "The author and time of a note are logged and cannot be "
                        "changed."
                    )
                )
            if "order_id" in vals:
                raise UserError(
                    self.env._("A note cannot be moved to another contact order.")
                )
            if self.filtered(lambda note: note.author_id != self.env.user):
                raise AccessError(
                    self.env._("Only the author of a note can change it.")
                )
        if "body" in vals and is_html_empty(vals["body"]):
            raise ValidationError(self.env._("A note cannot be empty."))
        self.order_id._assert_edit_right(self._edit_right_message())
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_others_notes(self):
        if not self.env.su:
            user = self.env.user
            may_delete_any = user.has_group(
                "contact_order.group_delete"
            ) and user.has_group("contact_order.group_edit")
            others = self.filtered(lambda note: note.author_id != user)
            if others and not may_delete_any:
                raise AccessError(
                    self.env._(
                        "Only the author of a note, or a user with the contact order "
                        "rights 'Edit' and 'Delete', can remove it."
                    )
                )
        self.order_id._assert_edit_right(self._edit_right_message())
        self._assert_files_deletable()

    def _edit_right_message(self):
        return self.env._(
            "You need the contact order right 'Edit' to change the notes of a "
            "contact order."
        )
