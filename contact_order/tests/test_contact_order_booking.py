# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import BookingCase


@tagged("post_install", "-at_install")
class TestContactOrderBooking(BookingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.activity_type = cls.env.ref("contact_order.mail_activity_type_booking")

    def _activities(self):
        return self.env["mail.activity"].search(
            [("res_model", "=", "contact.order"), ("res_id", "=", self.order.id)]
        )

    def test_booking_lands_in_calendar_and_todo(self):
        booking = self._book(booking_type="meeting", duration=2, description="Demo")
        event = booking.calendar_event_id
        self.assertEqual(event.user_id, self.user)
        self.assertEqual(event.start, datetime(2030, 6, 1, 9, 0))
        self.assertEqual(event.stop, datetime(2030, 6, 1, 11, 0))
        self.assertEqual(event.res_model, "contact.order")
        self.assertEqual(event.res_id, self.order.id)
        self.assertIn(self.user.partner_id, event.partner_ids)
        activity = self._activities()
        self.assertEqual(len(activity), 1, "one booking, one to-do entry")
        self.assertEqual(activity, booking.activity_id)
        self.assertEqual(activity.activity_type_id, self.activity_type)
        self.assertEqual(activity.user_id, self.user)
        self.assertEqual(str(activity.date_deadline), "2030-06-01")

    def test_reschedule_and_reassign_move_both(self):
        booking = self._book()
        event = booking.calendar_event_id
        booking.write({"start": datetime(2030, 7, 1, 13, 0)})
        self.assertEqual(booking.calendar_event_id, event)
        self.assertEqual(event.start, datetime(2030, 7, 1, 13, 0))
        self.assertEqual(str(self._activities().date_deadline), "2030-07-01")
        booking.with_user(self.manager).user_id = self.colleague
        self.assertEqual(event.user_id, self.colleague)
        self.assertEqual(self._activities().user_id, self.colleague)
        self.assertEqual(len(self._activities()), 1)
        self.assertEqual(
            self.env["calendar.event"].search_count(
                [("res_id", "=", self.order.id), ("res_model", "=", "contact.order")]
            ),
            1,
        )

    def test_cancel_removes_both(self):
        booking = self._book()
        event = booking.calendar_event_id
        booking.action_cancel()
        self.assertEqual(booking.state, "cancelled")
        self.assertFalse(event.exists())
        self.assertFalse(self._activities())

    def test_done_marks_activity_done(self):
        booking = self._book()
        booking.action_done()
        self.assertEqual(booking.state, "done")
        self.assertFalse(self._activities())
        done = (
            self.env["mail.activity"]
            .with_context(active_test=False)
            .search(
                [("res_model", "=", "contact.order"), ("res_id", "=", self.order.id)]
            )
        )
        self.assertFalse(done, "the booking's to-do type keeps no done activities")
        self.assertTrue(
            self.order.message_ids.filtered(
                lambda m: m.mail_activity_type_id == self.activity_type
            ),
            "the to-do was marked done, with its message in the chatter",
        )
        self.assertTrue(
            booking.calendar_event_id.exists(), "the meeting stays in the calendar"
        )

    def test_delete_booking_removes_both(self):
        booking = self._book()
        event = booking.calendar_event_id
        booking.unlink()
        self.assertFalse(event.exists())
        self.assertFalse(self._activities())

    def test_bad_bookings(self):
        with self.assertRaisesRegex(ValidationError, "start"):
            self._book(start=False)
        for duration in (0, -1):
            with (
                self.subTest(duration=duration),
                self.assertRaisesRegex(ValidationError, "duration"),
            ):
                self._book(duration=duration)
        self.order.with_user(self.user).action_complete()
        with self.assertRaisesRegex(ValidationError, "completed"):
            self._book()

    def test_assign_booking_needs_assign_right(self):
        # the order's responsible with Edit and Assign self, not Assign
        self.user.groups_id -= self.env.ref("contact_order.group_user")
        self.user.groups_id -= self.env.ref("contact_order.group_assign")
        with self.assertRaisesRegex(AccessError, "Assign"):
            self._book(user_id=self.colleague.id)
        booking = self._book(user=self.manager, user_id=self.colleague.id)
        self.assertEqual(booking.calendar_event_id.user_id, self.colleague)
