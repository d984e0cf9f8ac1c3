# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, models
from odoo.exceptions import UserError

from .contact_order_system_mixin import is_syncing, sync_context

# what Calendar can change of a booking's event that the booking keeps too
BOOKING_EVENT_FIELDS = {"start", "stop", "duration", "allday", "user_id"}
# what ties a booking's event to its order, assignee and to-do entry, and
# what would make it more than one private meeting: the booking's own
BOOKING_EVENT_LOCKED = {
    "res_model",
    "res_model_id",
    "res_id",
    "partner_ids",
    "attendee_ids",
    "activity_ids",
    "privacy",
    "recurrency",
}


class CalendarEvent(models.Model):
    """A booking's event changed, archived or deleted in Calendar changes or
    cancels the booking, with the rights of whoever did it."""

    _inherit = "calendar.event"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._refuse_booking_activities(vals.get("activity_ids"))
        return super().create(vals_list)

    def write(self, vals):
        if is_syncing(self.env):
            return super().write(vals)
        Booking = self.env["contact.order.booking"]
        locked = BOOKING_EVENT_LOCKED & vals.keys() or vals.get("allday")
        if locked and Booking._planned_linked_to(self, "calendar_event_id"):
            raise UserError(
                self.env._(
                    "This meeting is a booking of a contact order: its order and "
                    "attendee follow the booking. Reassign or cancel the booking "
                    "instead."
                )
            )
        self._refuse_booking_activities(vals.get("activity_ids"))
        # calendar moves the event's activity along: that is no change of
        # the to-do of its own (see mail.activity.write)
        result = super(CalendarEvent, self.with_context(**sync_context())).write(vals)
        if BOOKING_EVENT_FIELDS & vals.keys():
            Booking._planned_linked_to(self, "calendar_event_id")._write_from_events()
        if "active" in vals and not vals["active"]:
            bookings = Booking._planned_linked_to(self, "calendar_event_id")
            # the archived meeting stays (archived): calendar may still be
            # working on it (action_mass_archive)
            bookings._cancel_from_other_app(self, archived=True)
        return result

    def unlink(self):
        if is_syncing(self.env):
            return super().unlink()
        return self.env["contact.order.booking"]._unlink_linked(
            self, "calendar_event_id", super().unlink
        )

    def _refuse_booking_activities(self, commands):
        """A booking's to-do entry is carried by the booking's own event: no
        other event takes it (its moves would move the to-do alone)."""
        if not commands or is_syncing(self.env):
            return
        ids = set()
        for command in commands:
            if command[0] in (Command.UPDATE, Command.DELETE, Command.UNLINK):
                ids.add(command[1])
            elif command[0] == Command.LINK:
                ids.add(command[1])
            elif command[0] == Command.SET:
                ids.update(command[2])
        activities = self.env["mail.activity"].browse(ids)
        if self.env["contact.order.booking"]._planned_linked_to(
            activities, "activity_id"
        ):
            raise UserError(
                self.env._(
                    "A to-do entry of a contact order's booking stays with the "
                    "booking's meeting. Reschedule or cancel the booking instead."
                )
            )


class CalendarAttendee(models.Model):
    """A booking's meeting has its assignee as only attendee: no attendee is
    added to it directly either (see BOOKING_EVENT_LOCKED)."""

    _inherit = "calendar.attendee"

    @api.model_create_multi
    def create(self, vals_list):
        if not is_syncing(self.env):
            events = self.env["calendar.event"].browse(
                [vals["event_id"] for vals in vals_list if vals.get("event_id")]
            )
            bookings = self.env["contact.order.booking"]._planned_linked_to(
                events, "calendar_event_id"
            )
            if bookings:
                raise UserError(
                    self.env._(
                        "This meeting is a booking of a contact order: its "
                        "attendee follows the booking. Reassign the booking "
                        "instead."
                    )
                )
        return super().create(vals_list)
