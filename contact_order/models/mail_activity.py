# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.exceptions import UserError

from .contact_order_system_mixin import is_syncing

# what the activity menu and chatter change of a booking's to-do entry
BOOKING_ACTIVITY_FIELDS = {"date_deadline", "user_id"}
# what ties a booking's to-do entry to its order: the booking's own
BOOKING_ACTIVITY_LOCKED = {"res_model", "res_model_id", "res_id", "calendar_event_id"}


class MailActivity(models.Model):
    """A booking's to-do entry marked done, rescheduled, reassigned or deleted
    from the activity menu or the chatter does the same to the booking, with
    the rights of whoever did it."""

    _inherit = "mail.activity"

    def write(self, vals):
        if is_syncing(self.env):
            return super().write(vals)
        if BOOKING_ACTIVITY_LOCKED & vals.keys() and self._planned_bookings():
            raise UserError(
                self.env._(
                    "This to-do entry is a booking of a contact order: it stays on "
                    "its order. Cancel the booking instead."
                )
            )
        if "active" in vals and not vals["active"]:
            # archived is how Odoo keeps done activities
            self._planned_bookings()._done_from_activities()
        result = super().write(vals)
        if BOOKING_ACTIVITY_FIELDS & vals.keys():
            self._planned_bookings()._write_from_activities()
        return result

    def unlink(self):
        if is_syncing(self.env):
            return super().unlink()
        return self.env["contact.order.booking"]._unlink_linked(
            self, "activity_id", super().unlink
        )

    def unlink_w_meeting(self):
        # the chatter's Cancel: a booking's to-do takes its meeting along by
        # cancelling the booking (calendar would delete the meeting again)
        bookings = self._planned_bookings()
        booking_todo = self.filtered(lambda activity: activity in bookings.activity_id)
        result = super(MailActivity, self - booking_todo).unlink_w_meeting()
        booking_todo.unlink()
        return result

    def _action_done(self, feedback=False, attachment_ids=None):
        # done first, so that the unlink that ends an activity's life is no
        # cancellation of its booking
        self._planned_bookings()._done_from_activities()
        return super()._action_done(feedback=feedback, attachment_ids=attachment_ids)

    def _planned_bookings(self):
        return self.env["contact.order.booking"]._planned_linked_to(self, "activity_id")
