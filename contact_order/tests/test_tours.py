# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime

from dateutil.relativedelta import relativedelta

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestTours(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Tour Verkstad AB",
                "is_company": True,
                "country_id": cls.env.ref("base.se").id,
                "city": "Stockholm",
            }
        )
        cls.env.ref("base.main_company").country_id = cls.env.ref("base.se")

    def test_sales_flow_from_customer_card(self):
        seller = new_test_user(
            self.env,
            login="tour_seller",
            groups="base.group_user,contact_order.group_user,"
            "sales_team.group_sale_salesman",
            tz="Europe/Stockholm",
        )
        self.start_tour(
            f"/odoo/action-contact_order.contact_order_customer_action/{self.customer.id}",
            "contact_order_sales_flow",
            login=seller.login,
        )
        order = self.env["contact.order"].search(
            [("partner_id", "=", self.customer.id)]
        )
        self.assertEqual(len(order), 1)
        self.assertEqual(order.subject, "Sales question from a service visit")
        self.assertEqual(order.facility_id.name, "Tour Plant")
        self.assertEqual(order.facility_id.partner_id, self.customer)
        self.assertEqual(order.contact_name, "Anna Andersson")
        self.assertEqual(order.contact_phone, "+46701234567")
        self.assertEqual(order.note_ids.author_id, seller)
        self.assertAlmostEqual(order.total_hours, 1.5)
        self.assertIn("compressor", order.note_ids.body)
        booking = order.booking_ids
        self.assertEqual(len(booking), 1)
        expected = datetime.now() + relativedelta(months=6)
        self.assertLess(abs((booking.start - expected).days), 2)
        self.assertTrue(booking.calendar_event_id)
        self.assertEqual(order.sale_order_ids.partner_id, self.customer)
        self.assertNotIn(
            "service visit",
            str(order.sale_order_ids.note),
            "the internal subject stays off the customer's quotation",
        )
        self.assertEqual(order.sale_order_ids.state, "sale")
        self.assertEqual(order.state, "won", "won when the quotation is confirmed")

    def test_technician_sees_only_assigned(self):
        technician = new_test_user(
            self.env,
            login="tour_technician",
            groups="base.group_user,contact_order.group_view_assigned",
        )
        seller = new_test_user(
            self.env,
            login="tour_seller2",
            groups="base.group_user,contact_order.group_user",
        )
        Order = self.env["contact.order"]
        Order.create(
            {
                "subject": "Technician's own order",
                "partner_id": self.customer.id,
                "user_id": technician.id,
            }
        )
        Order.create(
            {
                "subject": "Salesperson's order",
                "partner_id": self.customer.id,
                "user_id": seller.id,
            }
        )
        self.start_tour(
            "/odoo/action-contact_order.contact_order_action?view_type=list",
            "contact_order_assigned_only",
            login=technician.login,
        )

    def test_swedish_ui(self):
        self.env["res.lang"]._activate_lang("sv_SE")
        self.env["ir.module.module"]._load_module_terms(
            ["base", "web", "mail", "contact_order"], ["sv_SE"], overwrite=True
        )
        user = new_test_user(
            self.env,
            login="tour_swede",
            groups="base.group_user,contact_order.group_user",
            lang="sv_SE",
        )
        self.start_tour(
            "/odoo/action-contact_order.contact_order_action/new",
            "contact_order_swedish_ui",
            login=user.login,
        )
