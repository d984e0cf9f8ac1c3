# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import USER_GROUPS, ContactOrderCase


@tagged("post_install", "-at_install")
class TestSaleConversion(ContactOrderCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.seller = new_test_user(
            cls.env,
            login="co_seller",
            groups=USER_GROUPS + ",sales_team.group_sale_salesman",
            name="Sälj Sven",
        )
        cls.order = cls._create_order(
            user=cls.seller,
            subject="Offer for a new compressor",
            facility_id=cls.facility.id,
        )

    def test_quotation_prefilled_and_linked(self):
        action = self.order.with_user(self.seller).action_create_sale_order()
        quotation = self.env["sale.order"].browse(action["res_id"])
        self.assertEqual(action["res_model"], "sale.order")
        self.assertEqual(quotation.partner_id, self.customer)
        self.assertEqual(quotation.user_id, self.seller)
        self.assertEqual(quotation.origin, self.order.name)
        self.assertIn("Offer for a new compressor", str(quotation.note))
        self.assertEqual(quotation.contact_order_id, self.order)
        self.assertEqual(quotation.state, "draft")
        # delivered at the facility
        delivery = quotation.partner_shipping_id
        self.assertEqual(delivery.parent_id, self.customer)
        self.assertEqual(delivery.type, "delivery")
        self.assertEqual(delivery.city, "Västerås")
        self.assertEqual(self.order.state, "won")
        self.assertEqual(self.order.status_id, self.status_new, "status is the admin's")
        self.assertEqual(self.order.sale_order_count, 1)
        back = quotation.action_view_contact_order()
        self.assertEqual(back["res_id"], self.order.id)

    def test_several_quotations_and_total(self):
        product = self.env["product.product"].create(
            {"name": "Kompressor", "list_price": 1000}
        )
        for _i in range(2):
            action = self.order.with_user(self.seller).action_create_sale_order()
            self.env["sale.order"].browse(action["res_id"]).write(
                {
                    "order_line": [
                        (
                            0,
                            0,
                            {
                                "product_id": product.id,
                                "product_uom_qty": 1,
                                "tax_id": False,
                            },
                        )
                    ]
                }
            )
        self.assertEqual(self.order.sale_order_count, 2)
        self.assertAlmostEqual(self.order.sale_amount_total, 2000)
        # the same facility gives the same delivery address
        self.assertEqual(len(self.order.sale_order_ids.partner_shipping_id), 1)
        action = self.order.action_view_sale_orders()
        self.assertEqual(
            self.env["sale.order"].search(action["domain"]), self.order.sale_order_ids
        )

    def test_without_facility_address_delivers_to_customer(self):
        order = self._create_order(user=self.seller)
        action = order.with_user(self.seller).action_create_sale_order()
        quotation = self.env["sale.order"].browse(action["res_id"])
        self.assertEqual(quotation.partner_shipping_id, self.customer)

    def test_refusals(self):
        no_sales = self.user
        order = self._create_order(user=no_sales)
        with self.assertRaisesRegex(AccessError, "Sales"):
            order.with_user(no_sales).action_create_sale_order()
        viewer = new_test_user(
            self.env,
            login="co_viewer_seller",
            groups="base.group_user,contact_order.group_view,sales_team.group_sale_salesman",
        )
        with self.assertRaisesRegex(AccessError, "'Edit'"):
            self.order.with_user(viewer).action_create_sale_order()
        self.order.with_user(self.seller).action_complete()
        with self.assertRaisesRegex(UserError, "completed"):
            self.order.with_user(self.seller).action_create_sale_order()
        self.assertFalse(self.order.sale_order_ids)

    def test_reopen_after_sale_is_won(self):
        self.order.with_user(self.seller).action_create_sale_order()
        self.order.with_user(self.seller).action_complete()
        self.order.with_user(self.seller).action_reopen()
        self.assertEqual(self.order.state, "won")
