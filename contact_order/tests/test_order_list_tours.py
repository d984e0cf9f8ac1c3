# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The order list as a user sees it: at 1440 px and on a 390 px phone."""

from datetime import datetime

from odoo.tests import HttpCase, new_test_user, tagged

USER = "base.group_user,contact_order.group_user"


class OrderListCase(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.seller = new_test_user(cls.env, login="list_seller", groups=USER)
        customer = cls.env["res.partner"].create({"name": "Telefon Kund AB"})
        coloured = cls.env["contact.order.status"].create(
            {"name": "Coloured", "color": 4, "sequence": 0}
        )
        Order = cls.env["contact.order"].with_user(cls.seller)
        booked = Order.create(
            {
                "subject": "Booked order",
                "partner_id": customer.id,
                "status_id": coloured.id,
            }
        )
        cls.env["contact.order.booking"].with_user(cls.seller).create(
            {"order_id": booked.id, "start": datetime(2030, 6, 3, 7, 0)}
        )
        Order.create(
            {"subject": "Finished order", "partner_id": customer.id}
        ).action_complete()


@tagged("post_install", "-at_install")
class TestOrderListDesktop(OrderListCase):
    browser_size = "1440x900"

    def test_list_reads_at_1440(self):
        self.start_tour(
            "/odoo/action-contact_order.contact_order_action",
            "contact_order_list_reads",
            login=self.seller.login,
        )


@tagged("post_install", "-at_install")
class TestOrderListPhone(OrderListCase):
    browser_size = "390x844"
    touch_enabled = True

    def test_phone_shows_cards(self):
        self.start_tour(
            "/odoo/action-contact_order.contact_order_action",
            "contact_order_phone_cards",
            login=self.seller.login,
        )
