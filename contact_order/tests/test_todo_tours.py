# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""My To-do as a user sees it: at 1440 px and on a 390 px phone."""

from datetime import datetime, timedelta

from odoo.tests import HttpCase, new_test_user, tagged

USER = "base.group_user,contact_order.group_user"
# reads only the orders assigned to them, creates none
TECHNICIAN = "base.group_user,contact_order.group_view_assigned"


class TodoTourCase(HttpCase):
    """A salesperson's order with a booking of a technician on it: an entry
    in the to-do of both."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.seller = new_test_user(
            cls.env, login="todo_seller", groups=USER, tz="Europe/Stockholm"
        )
        cls.technician = new_test_user(
            cls.env, login="todo_technician", groups=TECHNICIAN, tz="Europe/Stockholm"
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Todo Kund AB", "is_company": True}
        )
        cls.order = (
            cls.env["contact.order"]
            .with_user(cls.seller)
            .create({"subject": "Pump service", "partner_id": cls.customer.id})
        )
        start = (datetime.now() + timedelta(days=2)).replace(
            hour=8, minute=0, second=0, microsecond=0
        )
        cls.env["contact.order.booking"].with_user(cls.seller).create(
            [
                {"order_id": cls.order.id, "start": start},
                {
                    "order_id": cls.order.id,
                    "start": start,
                    "user_id": cls.technician.id,
                },
            ]
        )


@tagged("post_install", "-at_install")
class TestTodoDesktopTour(TodoTourCase):
    browser_size = "1440x900"

    def test_row_opens_the_order_and_new_creates_one(self):
        self.start_tour(
            "/odoo/action-contact_order.contact_order_todo_action",
            "contact_order_todo_desktop",
            login=self.seller.login,
        )
        created = self.env["contact.order"].search(
            [("subject", "=", "Created from My To-do")]
        )
        self.assertEqual(created.partner_id, self.customer)
        self.assertEqual(created.user_id, self.seller)


@tagged("post_install", "-at_install")
class TestTodoPhoneTour(TodoTourCase):
    browser_size = "390x844"
    touch_enabled = True

    def test_phone_shows_cards_that_open_the_order(self):
        self.start_tour(
            "/odoo/action-contact_order.contact_order_todo_action",
            "contact_order_todo_phone",
            login=self.technician.login,
        )

    def test_phone_new_opens_a_new_order_form(self):
        self.start_tour(
            "/odoo/action-contact_order.contact_order_todo_action",
            "contact_order_todo_phone_new",
            login=self.seller.login,
        )
