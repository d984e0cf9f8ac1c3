# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Complete cancels the planned bookings (the form asks first), says so in the
chatter, and Reopen books again the ones still ahead."""

from datetime import datetime

from freezegun import freeze_time

from odoo.tests import Form, tagged, users

from .common import ContactOrderCase

COMPLETE_VIEW = "contact_order.contact_order_complete_view_form"


@tagged("post_install", "-at_install")
@freeze_time("2030-06-01 08:00:00")
class TestComplete(ContactOrderCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls.env["contact.order"].browse(cls._create_order(user=cls.user).id)

    def _book(self, start, user=None):
        return (
            self.env["contact.order.booking"]
            .with_user(self.manager)
            .create(
                {
                    "order_id": self.order.id,
                    "start": start,
                    "user_id": (user or self.user).id,
                }
            )
        )

    @users("co_user")
    def test_complete_says_which_bookings_it_cancels(self):
        mine = self._book(datetime(2030, 6, 10, 8, 0))
        colleagues = self._book(datetime(2030, 6, 12, 8, 0), user=self.colleague)
        order = self.order.with_user(self.env.user)
        self.assertEqual(order.planned_booking_count, 2)
        order.action_complete()
        self.assertEqual((mine | colleagues).mapped("state"), ["cancelled"] * 2)
        log = self.order.message_ids.filtered(
            lambda m: "planned bookings are cancelled" in str(m.body)
        )
        self.assertEqual(len(log), 1)
        self.assertIn("Tore Tekniker", str(log.body))
        self.assertFalse(colleagues.calendar_event_id)

    @users("co_user")
    def test_reopen_books_again_what_is_still_ahead(self):
        ahead = self._book(datetime(2030, 6, 10, 8, 0))
        by_hand = self._book(datetime(2030, 6, 11, 8, 0))
        by_hand.with_user(self.env.user).action_cancel()
        order = self.order.with_user(self.env.user)
        order.action_complete()
        order.action_reopen()
        self.assertEqual(order.state, "open")
        self.assertEqual(ahead.state, "planned")
        self.assertTrue(ahead.calendar_event_id and ahead.activity_id)
        self.assertFalse(ahead.cancelled_by_completion)
        self.assertEqual(by_hand.state, "cancelled", "cancelled by hand: stays so")
        self.assertTrue(
            self.order.message_ids.filtered(lambda m: "booked again" in str(m.body))
        )

    @users("co_user")
    def test_completion_passed_bookings_stay_cancelled(self):
        soon = self._book(datetime(2030, 6, 3, 8, 0))
        order = self.order.with_user(self.env.user)
        order.action_complete()
        with freeze_time("2030-06-04 08:00:00"):
            order.action_reopen()
        self.assertEqual(soon.state, "cancelled")
        self.assertFalse(soon.cancelled_by_completion)

    @users("co_user")
    def test_the_dialog_warns_only_when_bookings_are_planned(self):
        def dialog():
            wizard = self.env["contact.order.complete"].with_context(
                default_order_id=self.order.id
            )
            return Form(wizard, view=COMPLETE_VIEW)

        self.assertEqual(dialog().planned_booking_count, 0)
        self._book(datetime(2030, 6, 10, 8, 0))
        self.assertEqual(dialog().planned_booking_count, 1)
        view = self.env.ref(COMPLETE_VIEW).sudo()
        self.assertIn('invisible="not planned_booking_count"', view.arch_db)
        self.assertIn("Its planned bookings, colleagues' included", view.arch_db)
