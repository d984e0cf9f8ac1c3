# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

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

    def _quote(self, order=None, user=None, product=None):
        """Click Sales Order and save the quotation form it opens, as the
        salesperson does; with a product line when given."""
        user = user or self.seller
        action = (order or self.order).with_user(user).action_create_sale_order()
        self.assertEqual(action["res_model"], "sale.order")
        self.assertFalse(action.get("res_id"), "nothing is saved before the user saves")
        form = Form(
            self.env["sale.order"].with_user(user).with_context(**action["context"]),
            view="sale.view_order_form",
        )
        if product:
            with form.order_line.new() as line:
                line.product_id = product
                line.tax_id.clear()
        return form.save()

    def test_quotation_prefilled_and_linked(self):
        count = self.env["sale.order"].search_count([])
        self.order.with_user(self.seller).action_create_sale_order()
        self.assertEqual(self.env["sale.order"].search_count([]), count)
        quotation = self._quote()
        self.assertEqual(quotation.partner_id, self.customer)
        self.assertEqual(quotation.user_id, self.seller)
        self.assertEqual(quotation.origin, self.order.name)
        self.assertNotIn(
            "compressor", str(quotation.note), "the internal subject stays internal"
        )
        self.assertEqual(quotation.contact_order_id, self.order)
        self.assertEqual(quotation.state, "draft")
        # delivered at the facility
        delivery = quotation.partner_shipping_id
        self.assertEqual(delivery.parent_id, self.customer)
        self.assertEqual(delivery.type, "delivery")
        self.assertEqual(delivery.city, "Västerås")
        self.assertEqual(self.order.state, "open", "a quotation is no sale yet")
        self.assertEqual(self.order.status_id, self.status_new, "status is the admin's")
        self.assertEqual(self.order.sale_order_count, 1)
        back = quotation.action_view_contact_order()
        self.assertEqual(back["res_id"], self.order.id)

    def test_won_when_confirmed_open_when_cancelled(self):
        product = self.env["product.product"].create(
            {"name": "Kompressor", "list_price": 1000}
        )
        first = self._quote(product=product)
        second = self._quote(product=product)
        self.assertEqual(self.order.state, "open")
        first.with_user(self.seller).action_confirm()
        self.assertEqual(self.order.state, "won")
        second.with_user(self.seller).action_confirm()
        first.with_user(self.seller)._action_cancel()
        self.assertEqual(self.order.state, "won", "one confirmed quotation is left")
        second.with_user(self.seller)._action_cancel()
        self.assertEqual(self.order.state, "open")
        # a salesperson without contact order rights confirms: still won
        sales_only = new_test_user(
            self.env,
            login="co_sales_only",
            groups="base.group_user,sales_team.group_sale_salesman_all_leads",
        )
        first.with_user(sales_only).action_draft()
        first.with_user(sales_only).action_confirm()
        self.assertEqual(self.order.state, "won")

    def test_several_quotations_and_confirmed_total(self):
        product = self.env["product.product"].create(
            {"name": "Kompressor", "list_price": 1000}
        )
        quotations = self._quote(product=product) | self._quote(product=product)
        self.assertEqual(self.order.sale_order_count, 2)
        self.assertAlmostEqual(self.order.sale_amount_total, 0, msg="none confirmed")
        quotations[0].with_user(self.seller).action_confirm()
        self.assertAlmostEqual(self.order.sale_amount_total, 1000)
        # the same facility gives the same delivery address
        self.assertEqual(len(self.order.sale_order_ids.partner_shipping_id), 1)
        action = self.order.action_view_sale_orders()
        self.assertEqual(
            self.env["sale.order"].search(action["domain"]), self.order.sale_order_ids
        )

    def test_linking_a_quotation_needs_edit_on_the_order(self):
        stranger = new_test_user(
            self.env,
            login="co_stranger_seller",
            groups="base.group_user,sales_team.group_sale_salesman_all_leads",
        )
        quotation = self.env["sale.order"].create({"partner_id": self.customer.id})
        with self.assertRaises(AccessError):
            quotation.with_user(stranger).contact_order_id = self.order
        with self.assertRaises(AccessError):
            self.env["sale.order"].with_user(stranger).create(
                {"partner_id": self.customer.id, "contact_order_id": self.order.id}
            )
        self.assertFalse(self.order.sale_order_ids)

    def test_without_facility_address_delivers_to_customer(self):
        order = self._create_order(user=self.seller)
        quotation = self._quote(order=order)
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
        self._quote().with_user(self.seller).action_confirm()
        self.order.with_user(self.seller).action_complete()
        self.order.with_user(self.seller).action_reopen()
        self.assertEqual(self.order.state, "won")

    def test_sales_order_button_only_for_who_can_use_it(self):
        auditor = new_test_user(
            self.env,
            login="co_sales_viewer",
            groups="base.group_user,sales_team.group_sale_salesman,"
            "contact_order.group_view",
        )
        self.assertTrue(self.order.with_user(self.seller).user_can_quote)
        self.assertFalse(self.order.with_user(auditor).user_can_quote)
        self.assertFalse(self.order.with_user(self.user).user_can_quote, "no Sales")
        with self.assertRaises(AccessError):
            self.order.with_user(auditor).action_create_sale_order()
