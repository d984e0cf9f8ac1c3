# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The scheduled date of an order is the day of its next planned booking,
else the planned date typed by hand; the list sorts by it."""

from datetime import date, datetime

from odoo.tests import tagged

from .common import ContactOrderCase


@tagged("post_install", "-at_install")
class TestScheduledDate(ContactOrderCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user.tz = "Europe/Stockholm"

    def _book(self, order, start):
        return (
            self.env["contact.order.booking"]
            .with_user(self.user)
            .create({"order_id": order.id, "start": start})
        )

    def test_next_planned_booking_sets_the_day(self):
        order = self._create_order(user=self.user, planned_date="2030-09-01")
        self.assertEqual(order.scheduled_date, date(2030, 9, 1))
        # 23:30 UTC is already the next day in Stockholm
        late = self._book(order, datetime(2030, 6, 3, 23, 30))
        self.assertEqual(order.scheduled_date, date(2030, 6, 4))
        early = self._book(order, datetime(2030, 5, 20, 8, 0))
        self.assertEqual(order.scheduled_date, date(2030, 5, 20))
        early.with_user(self.user).action_done()
        self.assertEqual(order.scheduled_date, date(2030, 6, 4))
        late.with_user(self.user).action_cancel()
        self.assertEqual(order.scheduled_date, date(2030, 9, 1), "back to the plan")

    def test_moving_a_booking_moves_the_day(self):
        order = self._create_order(user=self.user)
        self.assertFalse(order.scheduled_date)
        booking = self._book(order, datetime(2030, 6, 3, 7, 0))
        booking.calendar_event_id.with_user(self.user).write(
            {"start": datetime(2030, 6, 10, 7, 0), "stop": datetime(2030, 6, 10, 7, 30)}
        )
        self.assertEqual(order.scheduled_date, date(2030, 6, 10))

    def test_orders_with_bookings_sort_among_dated_ones(self):
        Order = self.env["contact.order"]
        early = self._create_order(user=self.user, subject="early")
        self._book(early, datetime(2030, 1, 10, 8, 0))
        middle = self._create_order(subject="middle", planned_date="2030-02-01")
        late = self._create_order(user=self.user, subject="late")
        self._book(late, datetime(2030, 3, 1, 8, 0))
        undated = self._create_order(subject="undated")
        domain = [("id", "in", (early | middle | late | undated).ids)]
        self.assertEqual(
            Order.search(domain).mapped("subject"),
            ["early", "middle", "late", "undated"],
        )
