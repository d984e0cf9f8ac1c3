# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import ContactOrderCase


@tagged("post_install", "-at_install")
class TestContactOrderBooking(ContactOrderCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls._create_order(user=cls.user)
        cls.Booking = cls.env["contact.order.booking"]
        cls.activity_type = cls.env.ref("contact_order.mail_activity_type_booking")

    def _book(self, user=None, **vals):
        values = {"order_id": self.order.id, "start": datetime(2030, 6, 1, 9, 0)}
        values.update(vals)
        return self.Booking.with_user(user or self.user).create(values)

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

    # ------------------------------------------------------------------
    # Assignment notifications
    # ------------------------------------------------------------------

    def _notifications(self, user):
        """Odoo notifications (inbox or email) about the order sent to user."""
        return self.env["mail.notification"].search(
            [
                ("res_partner_id", "=", user.partner_id.id),
                ("mail_message_id.model", "=", "contact.order"),
                ("mail_message_id.res_id", "=", self.order.id),
                ("mail_message_id.message_type", "=", "user_notification"),
            ]
        )

    def _assigner(self):
        return new_test_user(
            self.env,
            login="co_assigner",
            groups="base.group_user,contact_order.group_view,contact_order.group_create,"
            "contact_order.group_edit,contact_order.group_assign",
        )

    def test_assigning_a_booking_notifies_the_assignee(self):
        self.colleague.notification_type = "inbox"
        booking = self._book(user=self._assigner(), user_id=self.colleague.id)
        notification = self._notifications(self.colleague)
        self.assertEqual(len(notification), 1)
        self.assertEqual(notification.notification_type, "inbox")
        self.assertIn(booking.display_name, notification.mail_message_id.subject)
        # the calendar's own invitation email is not sent on top of it
        self.assertFalse(
            self.env["mail.mail"].search(
                [("recipient_ids", "in", self.colleague.partner_id.ids)]
            )
        )

    def test_assignment_by_email_when_the_assignee_prefers_email(self):
        self.colleague.notification_type = "email"
        self.colleague.partner_id.email = "tore@example.com"
        self._book(user=self._assigner(), user_id=self.colleague.id)
        notification = self._notifications(self.colleague)
        self.assertEqual(len(notification), 1)
        self.assertEqual(notification.notification_type, "email")

    def test_reassigning_a_booking_notifies_the_new_assignee_only(self):
        booking = self._book(user=self.manager)
        self.assertFalse(self._notifications(self.manager), "self-assigned")
        booking.with_user(self.manager).write({"start": datetime(2030, 6, 2, 9, 0)})
        self.assertFalse(self._notifications(self.manager))
        booking.with_user(self.manager).user_id = self.colleague
        self.assertEqual(len(self._notifications(self.colleague)), 1)
        # moving it again does not notify a second time
        booking.with_user(self.manager).write({"start": datetime(2030, 6, 3, 9, 0)})
        self.assertEqual(len(self._notifications(self.colleague)), 1)
        self.assertFalse(self._notifications(self.manager))

    def test_assigning_an_order_notifies_the_colleague(self):
        self.colleague.notification_type = "inbox"
        assigner = self._assigner()
        order = (
            self.env["contact.order"]
            .with_context(tracking_disable=False)
            .with_user(assigner)
            .create({"subject": "Offert", "partner_id": self.customer.id})
        )
        self.assertFalse(self._notifications(assigner))
        order.user_id = self.colleague
        self.order = order
        notification = self._notifications(self.colleague)
        self.assertEqual(len(notification), 1)
        self.assertEqual(notification.notification_type, "inbox")
        self.assertIn(order.name, notification.mail_message_id.body)
