# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError

DEFAULT_DURATION = 0.5


class ContactOrderBooking(models.Model):
    """The next contact agreed with the customer. It lives in the assignee's
    calendar (a calendar.event) and to-do list (the event's mail.activity)."""

    _name = "contact.order.booking"
    _description = "Contact Order Booking"
    _order = "start, id"
    _check_company_auto = True

    def _default_duration(self):
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("contact_order.default_booking_duration")
        )
        try:
            return float(value) if value else DEFAULT_DURATION
        except ValueError:
            return DEFAULT_DURATION

    order_id = fields.Many2one(
        "contact.order",
        string="Contact Order",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    booking_type = fields.Selection(
        [("phone", "Phone Call"), ("meeting", "Meeting"), ("digital", "Digital")],
        string="Type",
        required=True,
        default="phone",
    )
    start = fields.Datetime(required=True, index=True)
    duration = fields.Float(default=_default_duration, help="Duration in hours.")
    user_id = fields.Many2one(
        "res.users",
        string="Assigned to",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        check_company=True,
    )
    description = fields.Text()
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="planned",
        required=True,
        readonly=True,
        copy=False,
        index=True,
    )
    calendar_event_id = fields.Many2one(
        "calendar.event", string="Calendar Event", readonly=True, copy=False,
        ondelete="set null",
    )
    activity_id = fields.Many2one(
        "mail.activity", string="To-do", readonly=True, copy=False,
        ondelete="set null",
    )
    reminder_sent_at = fields.Datetime(readonly=True, copy=False)
    company_id = fields.Many2one(related="order_id.company_id", store=True)
    partner_id = fields.Many2one(
        related="order_id.partner_id", string="Customer", store=True
    )
    status_id = fields.Many2one(related="order_id.status_id", string="Status")

    @api.depends("order_id", "booking_type", "start")
    def _compute_display_name(self):
        types = dict(self._fields["booking_type"]._description_selection(self.env))
        for booking in self:
            booking.display_name = " - ".join(
                part
                for part in (types.get(booking.booking_type), booking.order_id.display_name)
                if part
            )

    @api.constrains("duration")
    def _check_duration(self):
        for booking in self:
            if booking.duration <= 0:
                raise ValidationError(
                    self.env._(
                        "The duration of a booking must be more than zero hours."
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("start"):
                raise ValidationError(
                    self.env._("A booking needs a start date and time.")
                )
        bookings = super().create(vals_list)
        bookings._check_order_open()
        bookings._check_assignee()
        bookings.order_id._check_edit_right()
        bookings._sync_calendar()
        return bookings

    def write(self, vals):
        if "start" in vals and not vals["start"]:
            raise ValidationError(self.env._("A booking needs a start date and time."))
        if "user_id" in vals:
            self.filtered(lambda b: b.user_id.id != vals["user_id"])._check_assignee(
                vals["user_id"]
            )
        result = super().write(vals)
        if vals.keys() - {"state", "reminder_sent_at", "calendar_event_id", "activity_id"}:
            self._check_order_open()
            self.order_id._check_edit_right()
            self._sync_calendar()
        return result

    def unlink(self):
        self.order_id._check_edit_right()
        self._remove_calendar()
        return super().unlink()

    def action_done(self):
        self.order_id._check_edit_right()
        planned = self.filtered(lambda b: b.state == "planned")
        planned.activity_id.action_feedback(
            feedback=self.env._("Booking done.")
        )
        planned.write({"state": "done"})
        return True

    def action_cancel(self):
        self.order_id._check_edit_right()
        planned = self.filtered(lambda b: b.state == "planned")
        planned._remove_calendar()
        planned.write({"state": "cancelled"})
        return True

    def _check_order_open(self):
        for booking in self:
            if booking.order_id.state == "done" and booking.state == "planned":
                raise ValidationError(
                    self.env._(
                        "Contact order %s is completed: reopen it before booking "
                        "a new contact.",
                        booking.order_id.name,
                    )
                )

    def _check_assignee(self, user_id=None):
        """Assigning a booking to someone follows the same rights as assigning
        the order."""
        for booking in self:
            new_user = user_id if user_id is not None else booking.user_id.id
            self.env["contact.order"]._check_assign_vals(
                {"user_id": new_user}, creating=not booking.calendar_event_id
            )

    def _prepare_calendar_event_vals(self):
        self.ensure_one()
        order = self.order_id
        stop = self.start + timedelta(hours=self.duration)
        return {
            "name": self.display_name,
            "start": self.start,
            "stop": stop,
            "duration": self.duration,
            "user_id": self.user_id.id,
            "partner_ids": [Command.set(self.user_id.partner_id.ids)],
            "description": self.description,
            "res_model_id": self.env["ir.model"]._get_id(order._name),
            "res_id": order.id,
        }

    def _prepare_activity_vals(self):
        self.ensure_one()
        return {
            "activity_type_id": self.env.ref(
                "contact_order.mail_activity_type_booking"
            ).id,
            "res_model_id": self.env["ir.model"]._get_id(self.order_id._name),
            "res_id": self.order_id.id,
            "user_id": self.user_id.id,
            "summary": self.display_name,
            "note": self.description,
            "date_deadline": fields.Date.context_today(
                self.with_context(tz=self.user_id.tz or "UTC"), self.start
            ),
        }

    def _sync_calendar(self):
        """Keep exactly one event and one to-do entry per planned booking: the
        event carries the activity, and calendar keeps the two in step."""
        for booking in self.filtered(lambda b: b.state == "planned").sudo():
            event_vals = booking._prepare_calendar_event_vals()
            if booking.calendar_event_id:
                booking.calendar_event_id.write(event_vals)
                continue
            event_vals["activity_ids"] = [
                Command.create(booking._prepare_activity_vals())
            ]
            event = self.env["calendar.event"].create(event_vals)
            booking.write(
                {"calendar_event_id": event.id, "activity_id": event.activity_ids[:1].id}
            )

    def _remove_calendar(self):
        for booking in self.sudo():
            booking.activity_id.unlink()
            booking.calendar_event_id.unlink()
