# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Uninstalling removes the bookings' to-do entries (their type is the
addon's) and nothing else: no booking is cancelled on the way out (the
lifecycle tier of tools/devenv.py uninstalls for real)."""

from odoo.tests import tagged

from ..hooks import uninstall_hook
from .common import BookingCase


@tagged("post_install", "-at_install")
class TestUninstallHook(BookingCase):
    def test_removes_the_todo_entries_only(self):
        booking = self._book()
        activity = booking.activity_id
        self.assertTrue(activity)
        messages = self.order.message_ids
        uninstall_hook(self.env)
        self.assertFalse(activity.exists())
        self.assertEqual(booking.state, "planned")
        self.assertTrue(booking.calendar_event_id.exists())
        self.assertEqual(self.order.message_ids, messages)
