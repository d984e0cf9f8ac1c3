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
        cls.seller = new_test_user(cls.env, login="search_seller", groups=USER)
        for subject, customer in (
            ("Pump service", "Nordisk Pump AB"),
            ("Unrelated order", "Annat Företag AB"),
        ):
            cls.env["contact.order"].create(
                {
                    "subject": subject,
                    "partner_name": customer,
                    "user_id": cls.seller.id,
                }
            )

    def test_search_by_customer_name(self):
        self.start_tour(
            "/odoo/action-contact_order.contact_order_action",
            "contact_order_search_customer",
            login=self.seller.login,
        )
