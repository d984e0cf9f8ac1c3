# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The Bookings tab's presets: a phone call in 1 week ... 6 months."""

from datetime import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import ContactOrderCase


@tagged("post_install", "-at_install")
class TestBookingPresets(ContactOrderCase):
    @freeze_time("2030-01-15 12:00:00")
    def test_book_next_contact_presets(self):
        self.user.tz = "Europe/Stockholm"
        order = self._create_order(user=self.user).with_user(self.user)
        for method, expected in (
            ("action_book_in_1_week", datetime(2030, 1, 22, 8, 0)),
            ("action_book_in_1_month", datetime(2030, 2, 15, 8, 0)),
            ("action_book_in_3_months", datetime(2030, 4, 15, 7, 0)),
            ("action_book_in_6_months", datetime(2030, 7, 15, 7, 0)),
        ):
            with self.subTest(method=method):
                action = getattr(order, method)()
                booking = self.env["contact.order.booking"].browse(action["res_id"])
                self.assertEqual(booking.start, expected)
                self.assertEqual(booking.user_id, self.user)
                self.assertEqual(booking.booking_type, "phone")
                self.assertTrue(booking.calendar_event_id)
