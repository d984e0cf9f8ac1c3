# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import ContactOrderCase


@tagged("post_install", "-at_install")
class TestTodo(ContactOrderCase):
    def test_my_todo_lists_open_orders_and_planned_bookings_by_date(self):
        Todo = self.env["contact.order.todo"]
        order = self._create_order(user=self.user, planned_date="2030-06-10")
        done = self._create_order(user=self.user, planned_date="2030-06-01")
        done.with_user(self.user).action_complete()
        colleague_order = self._create_order(
            user_id=self.colleague.id, planned_date="2030-06-02"
        )
        booking = self.env["contact.order.booking"].create(
            {
                "order_id": colleague_order.id,
                "start": datetime(2030, 6, 5, 9, 0),
                "user_id": self.user.id,
            }
        )
        cancelled = self.env["contact.order.booking"].create(
            {
                "order_id": order.id,
                "start": datetime(2030, 6, 6, 9, 0),
                "user_id": self.user.id,
            }
        )
        cancelled.action_cancel()
        todo = Todo.with_user(self.user).search([])
        self.assertEqual(
            [(line.kind, line.order_id, line.booking_id) for line in todo],
            [("booking", colleague_order, booking), ("order", order, Todo.booking_id)],
        )
        self.assertEqual(todo[0].status_id, self.status_new)
        self.assertEqual(todo[1].action_open()["res_id"], order.id)
        # the colleague only sees their own to-do
        self.assertEqual(
            Todo.with_user(self.colleague).search([]).order_id, colleague_order
        )

    def test_todo_follows_its_orders_and_bookings(self):
        Todo = self.env["contact.order.todo"].with_user(self.user)
        order = self._create_order(user=self.user, planned_date="2030-06-05")
        booking = self.env["contact.order.booking"].create(
            {
                "order_id": order.id,
                "start": datetime(2030, 6, 5, 9, 0),
                "user_id": self.user.id,
            }
        )
        todo = Todo.search([])
        # the order's day before the booking's hour on that day
        self.assertEqual(todo.mapped("kind"), ["order", "booking"])
        self.assertEqual(todo.mapped("subject"), ["Sales question"] * 2)
        self.assertEqual(Todo.search([("subject", "ilike", "sales")]), todo)
        status_won = self.env.ref("contact_order.status_offer_sent")
        order.status_id = status_won
        groups = Todo.read_group([], ["status_id"], ["status_id"])
        self.assertEqual(
            [(group["status_id"][0], group["status_id_count"]) for group in groups],
            [(status_won.id, 2)],
        )
        booking.with_user(self.user).action_done()
        self.assertEqual(Todo.search([]).mapped("kind"), ["order"])
        order.with_user(self.user).action_complete()
        self.assertFalse(Todo.search([]))
        # done entries are the inactive ones
        self.assertEqual(
            Todo.with_context(active_test=False).search([]).mapped("kind"),
            ["order", "booking"],
        )

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
