# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Typed text and Enter find orders by customer, as CRM's search does."""

from odoo.tests import HttpCase, new_test_user, tagged

USER = "base.group_user,contact_order.group_user"


@tagged("post_install", "-at_install")
class TestSearchTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.technician = new_test_user(
            cls.env, login="daily_tech", name="Tekla Tekniker", groups=USER
        )
        cls.seller = new_test_user(
            cls.env, login="daily_seller", name="Sam Säljare", groups=USER
        )
        cls.outsider = new_test_user(
            cls.env,
            login="daily_outsider",
            name="Utan Rättigheter",
            groups="base.group_user",
        )
        Order = cls.env["contact.order"]
        cls.order = Order.create(
            {
                "subject": "Pump service",
                "partner_name": "Nordisk Pump AB",
                "user_id": cls.technician.id,
            }
        )
        Order.create(
            {
                "subject": "Unrelated order",
                "partner_name": "Annat Företag AB",
                "user_id": cls.technician.id,
            }
        )

    def test_search_by_customer_name(self):
        self.start_tour(
            "/odoo/action-contact_order.contact_order_action",
            "contact_order_search_customer",
            login=self.technician.login,
        )
