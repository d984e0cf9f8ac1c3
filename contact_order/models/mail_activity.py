# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

from .contact_order_system_mixin import is_syncing

# what the activity menu and chatter change of a booking's to-do entry
BOOKING_ACTIVITY_FIELDS = {"date_deadline", "user_id"}


class MailActivity(models.Model):
    """A booking's to-do entry marked done, rescheduled, reassigned or deleted
    from the activity menu or the chatter does the same to the booking, with
    the rights of whoever did it."""

    _inherit = "mail.activity"

    def write(self, vals):
        result = super().write(vals)
        if not is_syncing(self.env) and BOOKING_ACTIVITY_FIELDS & vals.keys():
            self._planned_bookings()._write_from_activities()
        return result

    def unlink(self):
        if is_syncing(self.env):
            return super().unlink()
        bookings = self._planned_bookings()
        bookings.order_id._check_edit_right()
        result = super().unlink()
        bookings._cancel_from_other_app(self)
        return result

    def _action_done(self, feedback=False, attachment_ids=None):
        # done first, so that the unlink that ends an activity's life is no
        # cancellation of its booking
        self._planned_bookings()._done_from_activities()
        return super()._action_done(feedback=feedback, attachment_ids=attachment_ids)

    def _planned_bookings(self):
        """The planned bookings of these to-do entries, with the current
        user's rights (sudo: only to find them)."""
        return (
            self.env["contact.order.booking"]
            .sudo()
            .search([("activity_id", "in", self.ids), ("state", "=", "planned")])
            .sudo(self.env.su)
        )
