# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Queries of the pages users wait for and of the reminder cron, so that a
regression fails the tests without the 40-minute benchmark (which measures
time: benchmarks/)."""

from datetime import datetime, timedelta

from freezegun import freeze_time
from lxml import etree

from odoo import Command
from odoo.tests import new_test_user, tagged, users, warmup

from .common import VIEW_ASSIGNED_GROUPS, ContactOrderCase


def _list_specification(model, view_type="list"):
    """What the web client reads for the model's list (or kanban) view: its
    fields, and the display name of related records."""
    arch = etree.fromstring(model.get_view(view_type=view_type)["arch"])
    spec = {}
    for node in arch.iter("field"):
        field = model._fields[node.get("name")]
        spec[field.name] = {"fields": {"display_name": {}}} if field.relational else {}
    return spec


@tagged("post_install", "-at_install")
class TestQueryCounts(ContactOrderCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        start = datetime(2030, 6, 3, 7, 0)
        cls.env["contact.order"].create(
            [
                {
                    "subject": f"Order {index}",
                    "partner_id": cls.customer.id,
                    "facility_id": cls.facility.id,
                    "user_id": (cls.user if index % 2 else cls.colleague).id,
                    "note_ids": [Command.create({"body": "<p>Called</p>", "hours": 1})],
                    "booking_ids": [
                        Command.create(
                            {
                                "start": start + timedelta(days=index),
                                "user_id": cls.user.id,
                            }
                        )
                    ]
                    if index % 3
                    else [],
                }
                for index in range(60)
            ]
        )

    @users("co_user")
    @warmup
    def test_order_list_page(self):
        """A page of orders for a user who sees only their own: the same
        count at any page size (no query per row)."""
        Order = self.env["contact.order"]
        spec = _list_specification(Order)
        for limit in (10, 20):
            self.env.invalidate_all()
            # 13 with the tags (one query for their relation, at any size)
            with self.assertQueryCount(co_user=13):
                Order.web_search_read([], spec, limit=limit, count_limit=10001)

    @users("co_user")
    @warmup
    def test_order_kanban_column(self):
        """A kanban column of a user who sees only their own orders, with
        colleagues' activities on them: the access checks of the activities
        and of the orders read the orders' company and assignees once."""
        orders = self.env["contact.order"].sudo().search([], limit=6)
        for order in orders:
            order.activity_schedule(
                "mail.mail_activity_data_todo", user_id=self.colleague.id
            )
        Order = self.env["contact.order"]
        spec = _list_specification(Order, "kanban")
        self.assertIn("activity_ids", spec)
        for limit in (10, 20):
            self.env.invalidate_all()
            with self.assertQueryCount(co_user=12):
                Order.web_search_read([], spec, limit=limit, count_limit=10001)

    @users("co_user")
    @warmup
    def test_a_search_reads_no_more_than_the_ids(self):
        """The module's own searches as the user (parallel orders, the map)
        read nothing beyond the ids."""
        Order = self.env["contact.order"]
        with self.assertQueryCount(co_user=1):
            Order.search([("partner_id", "=", self.customer.id)])

    @users("co_user")
    @warmup
    def test_todo_page(self):
        Todo = self.env["contact.order.todo"]
        spec = _list_specification(Todo)
        for limit in (10, 20):
            self.env.invalidate_all()
            with self.assertQueryCount(co_user=8):
                Todo.web_search_read([], spec, limit=limit, count_limit=10001)

    @warmup
    @freeze_time("2030-06-03 06:30:00")
    def test_reminder_cron_per_booking(self):
        """The reminder cron's queries grow by a constant per booking."""
        Booking = self.env["contact.order.booking"]
        Booking.search([("reminder_sent_at", "=", False)])._as_system().write(
            {"reminder_sent_at": datetime(2030, 1, 1)}
        )
        order = self._create_order(user_id=self.user.id)
        # 6 queries per run, 5 per booking (the in-app notice)
        for count, queries in ((1, 11), (6, 36)):
            Booking.create(
                [
                    {"order_id": order.id, "start": datetime(2030, 6, 3, 7, minute)}
                    for minute in range(count)
                ]
            )
            with self.assertQueryCount(queries):
                self.assertEqual(Booking._cron_send_reminders(), count)

    def test_mass_reassignment_unfollows_in_one_go(self):
        """Reassigning orders in the list unfollows their former responsible
        with the same queries for 2 orders as for 8."""
        technician = new_test_user(
            self.env, login="qc_technician", groups=VIEW_ASSIGNED_GROUPS
        )
        counts = []
        for size in (2, 8):
            orders = self.env["contact.order"].create(
                [
                    {"subject": f"Mass {i}", "partner_id": self.customer.id}
                    for i in range(size)
                ]
            )
            orders.write({"user_id": technician.id})
            orders.message_subscribe(partner_ids=technician.partner_id.ids)
            assignees = orders._assignees_by_order()
            orders.write({"user_id": self.user.id})
            # the write unfollowed them already: follow again, then measure
            orders.message_subscribe(partner_ids=technician.partner_id.ids)
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            orders._unfollow_former_assignees(assignees)
            counts.append(self.env.cr.sql_log_count - before)
            self.assertNotIn(technician.partner_id, orders.message_partner_ids)
        self.assertEqual(counts[0], counts[1])

    def test_contact_persons_of_many_orders_in_one_go(self):
        """Orders created with typed contact persons (an import) look the
        customer's contacts up once, whatever their number."""
        self.env["res.partner"].create(
            {"name": "Kalle Kund", "parent_id": self.customer.id, "type": "contact"}
        )
        counts = []
        for size in (2, 8):
            orders = self.env["contact.order"].create(
                [
                    {"subject": f"Import {i}", "partner_id": self.customer.id}
                    for i in range(size)
                ]
            )
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            orders.write({"contact_name": "Kalle Kund"})
            orders.flush_recordset()
            counts.append(self.env.cr.sql_log_count - before)
            self.assertEqual(len(orders.contact_partner_id), 1)
        self.assertEqual(counts[0], counts[1])
