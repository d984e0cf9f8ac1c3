# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import clean_context, plaintext2html

from ..models.contact_order_booking import NEXT_CONTACT_DELAYS
from ..models.contact_order_count_mixin import contact_order_users_domain


def _booking_types(self):
    return (
        self.env["contact.order.booking"]
        ._fields["booking_type"]
        ._description_selection(self.env)
    )


class ContactOrderLogContact(models.TransientModel):
    """ "I just called: note it, book the next one" in one dialog: a note
    with the time spent, the booking it came from done, and optionally the
    next booking, with the rights of the user (Edit on the order, Assign or
    Assign self for the next booking's assignee)."""

    _name = "contact.order.log.contact"
    _description = "Log a Contact"

    def _default_booking_id(self):
        """The planned booking of the order that is due by the end of today:
        the contact being logged."""
        order = self.env["contact.order"].browse(
            self.env.context.get("default_order_id")
        )
        if not order:
            return False
        today = fields.Date.context_today(self)
        due = order.booking_ids.filtered(
            lambda b: b.state == "planned" and b._local_start().date() <= today
        )
        return due[:1].id

    order_id = fields.Many2one(
        "contact.order", string="Contact Order", required=True, ondelete="cascade"
    )
    booking_id = fields.Many2one(
        "contact.order.booking",
        string="Booking Done",
        default=_default_booking_id,
        ondelete="cascade",
        domain="[('order_id', '=', order_id), ('state', '=', 'planned')]",
        help="The planned booking this contact was: it is marked done.",
    )
    contact_type = fields.Selection(
        selection=_booking_types, string="Contact", required=True, default="phone"
    )
    note = fields.Text(required=True)
    hours = fields.Float(string="Time Spent")
    next_step = fields.Selection(
        [
            ("none", "No next contact"),
            ("1_week", "In 1 week"),
            ("1_month", "In 1 month"),
            ("3_months", "In 3 months"),
            ("6_months", "In 6 months"),
            ("date", "On a date"),
        ],
        string="Next Contact",
        required=True,
        default="none",
    )
    next_date = fields.Date(string="Next Contact Date")
    next_type = fields.Selection(
        selection=_booking_types, string="Next Contact Type", default="phone"
    )
    next_user_id = fields.Many2one(
        "res.users",
        string="Next Contact Assigned to",
        default=lambda self: self.env.user,
        domain=lambda self: contact_order_users_domain(self.env),
    )
    next_description = fields.Text(string="Next Contact Description")

    @api.onchange("booking_id")
    def _onchange_booking_id(self):
        if self.booking_id:
            self.contact_type = self.booking_id.booking_type
            self.next_type = self.booking_id.booking_type
            self.next_user_id = self.booking_id.user_id
            if self.booking_id._series_books_next():
                # the series books the next occurrence itself
                self.next_step = "none"

    def action_log(self):
        self.ensure_one()
        # the dialog's defaults are not for the note and booking it writes
        next_booking = self.with_context(clean_context(self.env.context))._log()
        if next_booking:
            message = self.env._(
                "Contact logged; next contact: %s.", next_booking._summary()
            )
        else:
            message = self.env._("Contact logged.")
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": message,
                "type": "success",
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _log(self):
        """Write the note, mark the booking done, book the next contact;
        return the next booking, the dialog's or the series' (empty without
        one)."""
        order = self.order_id
        order._assert_edit_right()
        booking = self.booking_id
        if booking and booking.order_id != order:
            raise UserError(
                self.env._(
                    "Booking %s is not one of this order's.", booking.display_name
                )
            )
        next_start = self._next_start()
        if next_start and booking and booking._series_books_next():
            # whatever the dialog showed: two next contacts otherwise
            raise UserError(
                self.env._(
                    "This booking repeats: its series books the next contact. "
                    "Choose 'No next contact', or stop the repetition first."
                )
            )
        self.env["contact.order.note"].create(self._prepare_note_vals())
        if booking.state == "planned":
            booking.action_done()
        if next_start:
            return self.env["contact.order.booking"].create(
                self._prepare_booking_vals(next_start)
            )
        # the one its series booked, if any
        return booking.next_occurrence_id.filtered(lambda b: b.state == "planned")

    def _next_start(self):
        """The next booking's start, or False without one."""
        if self.next_step == "none":
            return False
        if self.next_step == "date":
            if not self.next_date:
                raise ValidationError(self.env._("Pick the date of the next contact."))
            if self.next_date < fields.Date.context_today(self):
                raise ValidationError(
                    self.env._("The next contact cannot be in the past.")
                )
            day = self.next_date
        else:
            day = fields.Date.context_today(self) + NEXT_CONTACT_DELAYS[self.next_step]
        return self.env["contact.order.booking"]._preset_start(day)

    def _prepare_note_vals(self):
        return {
            "order_id": self.order_id.id,
            "body": plaintext2html(self.note),
            "hours": self.hours,
            "contact_type": self.contact_type,
        }

    def _prepare_booking_vals(self, start):
        return {
            "order_id": self.order_id.id,
            "start": start,
            "booking_type": self.next_type or "phone",
            "user_id": (self.next_user_id or self.env.user).id,
            "description": self.next_description,
        }
