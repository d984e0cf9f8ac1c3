# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, datetime

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time
from lxml import etree

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .common import FORM_VIEW, ContactOrderCase

# Reads only the orders assigned to them: the lowest right that has a to-do.
TECHNICIAN_GROUPS = "base.group_user,contact_order.group_view_assigned"


@tagged("post_install", "-at_install")
class TestTodo(ContactOrderCase):
    def _book(self, order, start, user=None):
        return self.env["contact.order.booking"].create(
            {
                "order_id": order.id,
                "start": start,
                "user_id": (user or self.user).id,
            }
        )

    def _search_filter(self, user, name):
        """The entries of the search view's filter ``name``, its domain
        evaluated the way the web client does, on the user's today."""
        Todo = self.env["contact.order.todo"].with_user(user).with_context(tz=user.tz)
        arch = etree.fromstring(Todo.get_view(view_type="search")["arch"])
        [node] = arch.xpath(f"//filter[@name='{name}']")
        today = fields.Date.context_today(Todo)
        domain = safe_eval(
            node.get("domain"),
            {"context_today": lambda: today, "relativedelta": relativedelta},
        )
        return Todo.search(domain)

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

    @freeze_time("2030-06-05 10:00:00")
    def test_overdue_today_and_this_week_filters(self):
        """On Wednesday 5 June 2030 in Stockholm (the week of Monday 3 to
        Sunday 9 June): orders by their planned date, bookings by their day
        in Stockholm."""
        self.user.tz = "Europe/Stockholm"
        orders = {
            day: self._create_order(
                user=self.user, subject=f"Order {day}", planned_date=f"2030-06-{day}"
            )
            for day in ("02", "03", "04", "05", "09", "10")
        }
        undated = self._create_order(user=self.user, subject="Undated")
        bookings = {
            # 00:30 on Wednesday in Stockholm, Tuesday in UTC
            "booked today 00:30": self._book(undated, datetime(2030, 6, 4, 22, 30)),
            "booked Sunday 23:30": self._book(undated, datetime(2030, 6, 9, 21, 30)),
            "booked Monday 00:30": self._book(undated, datetime(2030, 6, 9, 22, 30)),
            "booked yesterday": self._book(undated, datetime(2030, 6, 4, 8, 0)),
        }
        booking_names = {booking: name for name, booking in bookings.items()}
        order_names = {order: name for name, order in orders.items()}

        def label(entry):
            if entry.booking_id:
                return booking_names[entry.booking_id]
            return order_names.get(entry.order_id, "undated")

        for name, expected in (
            ("filter_overdue", {"02", "03", "04", "booked yesterday"}),
            ("filter_today", {"05", "booked today 00:30"}),
            (
                "filter_this_week",
                {
                    "03",
                    "04",
                    "05",
                    "09",
                    "booked today 00:30",
                    "booked yesterday",
                    "booked Sunday 23:30",
                },
            ),
        ):
            with self.subTest(filter=name):
                entries = self._search_filter(self.user, name)
                self.assertEqual({label(entry) for entry in entries}, expected)
        # the colleague's entries stay theirs, whatever the filter
        self._create_order(user_id=self.colleague.id, planned_date="2030-06-05")
        self.colleague.tz = "Europe/Stockholm"
        self.assertEqual(
            self._search_filter(self.colleague, "filter_today").user_id,
            self.colleague,
        )

    def test_booking_shows_its_day_and_time_where_its_assignee_is(self):
        self.user.tz = "Europe/Stockholm"
        order = self._create_order(user=self.user, planned_date="2030-06-04")
        self._book(order, datetime(2030, 6, 4, 22, 30))
        Todo = self.env["contact.order.todo"].with_user(self.user)
        by_kind = {entry.kind: entry for entry in Todo.search([])}
        self.assertEqual(by_kind["booking"].date, date(2030, 6, 5))
        self.assertEqual(
            by_kind["booking"].start_time.replace("\u202f", " "), "12:30 AM"
        )
        self.assertFalse(by_kind["order"].start_time)
        # the assignee moves: the booking's day and time follow
        self.user.tz = "America/New_York"
        self.env.invalidate_all()
        self.assertEqual(by_kind["booking"].date, date(2030, 6, 4))
        self.assertEqual(
            by_kind["booking"].start_time.replace("\u202f", " "), "6:30 PM"
        )
        self.assertEqual(Todo.search([("date", "=", "2030-06-04")]), Todo.search([]))

    def test_row_and_card_open_the_contact_order(self):
        """A technician with a booking on a colleague's order opens the order
        itself from the to-do, not the entry."""
        technician = new_test_user(
            self.env, login="co_technician", groups=TECHNICIAN_GROUPS
        )
        order = self._create_order(user=self.user)
        self._book(order, datetime(2030, 6, 5, 9, 0), user=technician)
        Todo = self.env["contact.order.todo"].with_user(technician)
        for view_type in ("list", "kanban"):
            with self.subTest(view_type=view_type):
                arch = etree.fromstring(Todo.get_view(view_type=view_type)["arch"])
                self.assertEqual(arch.get("action"), "action_open")
                self.assertEqual(arch.get("type"), "object")
        entry = Todo.search([])
        self.assertEqual(entry.kind, "booking")
        action = entry.action_open()
        self.assertEqual(action["type"], "ir.actions.act_window")
        self.assertEqual(action["res_model"], "contact.order")
        self.assertEqual(action["res_id"], order.id)
        self.assertEqual(action["views"][0][1], "form")
        self.assertEqual(
            self.env["contact.order"].with_user(technician).browse(order.id).subject,
            "Sales question",
        )
        # someone else's entry does not open for them
        with self.assertRaises(AccessError):
            Todo.with_user(self.colleague).browse(entry.id).action_open()

    def test_new_contact_order_from_the_todo_needs_the_create_right(self):
        technician = new_test_user(
            self.env, login="co_technician", groups=TECHNICIAN_GROUPS
        )
        for user, shown in ((self.user, True), (technician, False)):
            Todo = self.env["contact.order.todo"].with_user(user)
            for view_type in ("list", "kanban"):
                with self.subTest(user=user.login, view_type=view_type):
                    arch = etree.fromstring(Todo.get_view(view_type=view_type)["arch"])
                    buttons = arch.xpath(
                        "//header/button[@name='action_new_contact_order']"
                    )
                    self.assertEqual(len(buttons), int(shown))
                    if shown:
                        self.assertEqual(buttons[0].get("display"), "always")
        action = (
            self.env["contact.order.todo"]
            .with_user(self.user)
            .action_new_contact_order()
        )
        self.assertEqual(action["res_model"], "contact.order")
        self.assertFalse(action["res_id"])
        self.assertEqual(action["views"][0][1], "form")
        self.assertEqual(action["name"], "New Contact Order")
        form = Form(self.env["contact.order"].with_user(self.user), view=FORM_VIEW)
        form.subject = "Created from the to-do"
        form.partner_id = self.customer
        order = form.save()
        self.assertEqual(order.user_id, self.user)
        self.assertEqual(
            self.env["contact.order.todo"].with_user(self.user).search([]).order_id,
            order,
        )
        # without the Create right the form's save is refused
        with self.assertRaises(AccessError):
            self.env["contact.order"].with_user(technician).create(
                {"subject": "Not mine to create", "partner_id": self.customer.id}
            )

    def test_views_for_desktop_and_phone(self):
        action = self.env.ref("contact_order.contact_order_todo_action")
        self.assertEqual(action.view_mode.split(",")[:2], ["list", "kanban"])
        self.assertEqual(action.mobile_view_mode, "kanban")
        Todo = self.env["contact.order.todo"].with_user(self.user)
        arch = etree.fromstring(Todo.get_view(view_type="list")["arch"])
        columns = {
            node.get("name"): node.get("optional") for node in arch.iter("field")
        }
        self.assertEqual(
            [name for name, optional in columns.items() if not optional],
            ["date", "start_time", "kind", "subject", "partner_id", "status_id"],
        )
        self.assertEqual(
            {name for name, optional in columns.items() if optional == "hide"},
            {"order_id", "user_id"},
        )
        self.assertEqual(
            [b.get("name") for b in arch.xpath("//field/following-sibling::button")],
            ["action_log_contact"],
            "no Open button: the row opens the order; Log Contact logs it",
        )
        card = etree.fromstring(Todo.get_view(view_type="kanban")["arch"])
        self.assertLessEqual(
            {"subject", "partner_id", "date", "start_time", "kind", "status_id"},
            {node.get("name") for node in card.iter("field")},
        )
