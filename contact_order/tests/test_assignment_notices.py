# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A colleague given an order or a booking is told so, in Odoo or by email
as they chose; whoever takes it themselves is not."""

from datetime import datetime

from odoo.tests import new_test_user, tagged

from .common import BookingCase


@tagged("post_install", "-at_install")
class TestAssignmentNotices(BookingCase):
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
        self.order = order
        self.assertFalse(self._notifications(assigner), "self-assigned")
        order.user_id = self.colleague
        notification = self._notifications(self.colleague)
        self.assertEqual(len(notification), 1)
        self.assertEqual(notification.notification_type, "inbox")
        self.assertIn(order.name, notification.mail_message_id.body)
