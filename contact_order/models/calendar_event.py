# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.exceptions import UserError

from .contact_order_system_mixin import is_syncing, sync_context

# what Calendar can change of a booking's event that the booking keeps too
BOOKING_EVENT_FIELDS = {"start", "stop", "duration", "allday", "user_id"}
# what ties a booking's event to its order and assignee: the booking's own
BOOKING_EVENT_LOCKED = {"res_model", "res_model_id", "res_id", "partner_ids"}


class CalendarEvent(models.Model):
    """A booking's event changed, archived or deleted in Calendar changes or
    cancels the booking, with the rights of whoever did it."""

    _inherit = "calendar.event"

    def write(self, vals):
        if is_syncing(self.env):
            return super().write(vals)
        Booking = self.env["contact.order.booking"]
        if BOOKING_EVENT_LOCKED & vals.keys() and Booking._planned_linked_to(
            self, "calendar_event_id"
        ):
            raise UserError(
                self.env._(
                    "This meeting is a booking of a contact order: its order and "
                    "attendee follow the booking. Reassign or cancel the booking "
                    "instead."
                )
            )
        # calendar moves the event's activity along: that is no change of
        # the to-do of its own (see mail.activity.write)
        result = super(CalendarEvent, self.with_context(**sync_context())).write(vals)
        if BOOKING_EVENT_FIELDS & vals.keys():
            Booking._planned_linked_to(self, "calendar_event_id")._write_from_events()
        if "active" in vals and not vals["active"]:
            bookings = Booking._planned_linked_to(self, "calendar_event_id")
            bookings._cancel_from_other_app(self, archived=True)
        return result

    def unlink(self):
        if is_syncing(self.env):
            return super().unlink()
        return self.env["contact.order.booking"]._unlink_linked(
            self, "calendar_event_id", super().unlink
        )
