# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import VIEW_ASSIGNED_GROUPS, VIEW_GROUPS, ContactOrderCase

SALES_ALL = "sales_team.group_sale_salesman_all_leads"


@tagged("post_install", "-at_install")
class TestEffortReport(ContactOrderCase):
    """Effort and result: hours, orders, orders won and confirmed sales per
    customer, facility, service object and responsible, within the reader's
    rights on the orders."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.technician = new_test_user(
            cls.env, login="effort_technician", groups=VIEW_ASSIGNED_GROUPS
        )
        cls.analyst = new_test_user(
            cls.env, login="effort_analyst", groups=f"{VIEW_GROUPS},{SALES_ALL}"
        )
        cls.assigned_seller = new_test_user(
            cls.env, login="effort_seller", groups=f"{VIEW_ASSIGNED_GROUPS},{SALES_ALL}"
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Service visit", "list_price": 1000.0, "taxes_id": False}
        )
        cls.own = cls._create_order(
            equipment_id=cls.equipment.id, user_id=cls.technician.id
        )
        cls.own_too = cls._create_order(user_id=cls.assigned_seller.id)
        cls.other = cls._create_order(
            partner_id=cls.other_customer.id, user_id=cls.colleague.id
        )
        cls._log(cls.own, 4.0)
        cls._log(cls.own_too, 1.0)
        cls._log(cls.other, 2.0)
        cls._sell(cls.own, 3, confirm=True)
        cls._sell(cls.own, 5, confirm=False)
        cls._sell(cls.other, 1, confirm=True)
        cls._sell(cls.own_too, 7, confirm=True)._action_cancel()
        cls.orders = cls.own | cls.own_too | cls.other

    @classmethod
    def _log(cls, order, hours):
        cls.env["contact.order.note"].create(
            {"order_id": order.id, "body": "<p>Work</p>", "hours": hours}
        )

    @classmethod
    def _sell(cls, order, quantity, confirm):
        sale_order = cls.env["sale.order"].create(
            {
                "partner_id": order.partner_id.id,
                "contact_order_id": order.id,
                "order_line": [
                    Command.create(
                        {"product_id": cls.product.id, "product_uom_qty": quantity}
                    )
                ],
            }
        )
        if confirm:
            sale_order.action_confirm()
        return sale_order

    def _report(self, user, groupby, aggregates):
        return (
            self.env["contact.order.effort.report"]
            .with_user(user)
            ._read_group(
                # the database may hold demo orders
                [("order_id", "in", self.orders.ids)],
                [groupby],
                aggregates,
            )
        )

    def test_only_confirmed_sales_count(self):
        groups = self._report(
            self.analyst,
            "partner_id",
            [
                "hours:sum",
                "order_count:sum",
                "won_count:sum",
                "sale_amount:sum",
                "sales_per_hour:avg",
            ],
        )
        by_customer = {partner: rest for partner, *rest in groups}
        # the draft quotation and the cancelled order do not count
        self.assertEqual(by_customer[self.customer], [5.0, 2, 1, 3000.0, 600.0])
        self.assertEqual(by_customer[self.other_customer], [2.0, 1, 1, 1000.0, 500.0])
        self.assertEqual(self.own.state, "won")

    def test_a_merged_order_is_counted_once(self):
        duplicate = self._create_order(user_id=self.technician.id)
        self._log(duplicate, 1.5)
        (duplicate | self.own)._merge_into(self.own)
        self.assertEqual(duplicate.merged_into_id, self.own)
        Report = self.env["contact.order.effort.report"]
        self.assertFalse(Report.search([("order_id", "=", duplicate.id)]))
        groups = self._report(
            self.analyst, "partner_id", ["hours:sum", "order_count:sum"]
        )
        by_customer = {partner: rest for partner, *rest in groups}
        # the duplicate's time is the order kept's, and it is no order of its own
        self.assertEqual(by_customer[self.customer], [6.5, 2])

    def test_by_facility_service_object_and_responsible(self):
        for groupby, key, hours in (
            ("facility_id", self.facility, 4.0),
            ("equipment_id", self.equipment, 4.0),
            ("user_id", self.technician, 4.0),
            ("user_id", self.colleague, 2.0),
        ):
            with self.subTest(groupby=groupby):
                groups = dict(self._report(self.analyst, groupby, ["hours:sum"]))
                self.assertEqual(groups[key], hours)

    def test_sales_per_hour_without_hours(self):
        order = self._create_order(user_id=self.colleague.id)
        self._sell(order, 2, confirm=True)
        row = self.env["contact.order.effort.report"].search(
            [("order_id", "=", order.id)]
        )
        self.assertEqual((row.sale_amount, row.hours), (2000.0, 0.0))
        self.assertFalse(row.sales_per_hour)

    def test_assigned_user_reports_only_own_orders(self):
        groups = self._report(
            self.technician, "order_id", ["hours:sum", "order_count:sum"]
        )
        self.assertEqual(groups, [(self.own, 4.0, 1)])
        groups = self._report(self.assigned_seller, "partner_id", ["sale_amount:sum"])
        # the cancelled sales order of its own order: nothing sold
        self.assertEqual(groups, [(self.customer, 0.0)])
        Report = self.env["contact.order.effort.report"].with_user(self.technician)
        self.assertEqual(Report.search([]).order_id, self.own)
        with self.assertRaises(AccessError):
            Report.browse(self.other.id).read(["hours"])

    def test_reports_follow_the_order_rules(self):
        # the view bypasses the orders' rules: its own rules must give
        # every reader the same orders as the orders' rules do
        both = new_test_user(
            self.env,
            login="effort_both",
            groups=f"{VIEW_GROUPS},{VIEW_ASSIGNED_GROUPS}",
        )
        nobody = new_test_user(
            self.env, login="effort_nobody", groups="base.group_user"
        )
        for user in (self.technician, self.assigned_seller, self.analyst, both):
            with self.subTest(user=user.login):
                orders = self.env["contact.order"].with_user(user).search([])
                rows = self.env["contact.order.effort.report"].with_user(user)
                self.assertEqual(rows.search([]).order_id, orders)
        with self.assertRaises(AccessError):
            self.env["contact.order.effort.report"].with_user(nobody).search([])

    def test_other_company_orders_stay_out(self):
        other_company = self.env["res.company"].create({"name": "Dotterbolag AB"})
        order = self._create_order(company_id=other_company.id, user_id=False)
        Report = self.env["contact.order.effort.report"].with_user(self.analyst)
        self.assertNotIn(order, Report.search([]).order_id)
        self.analyst.company_ids |= other_company
        Report = Report.with_context(allowed_company_ids=self.company.ids)
        self.assertNotIn(order, Report.search([]).order_id)
        Report = Report.with_context(allowed_company_ids=other_company.ids)
        self.assertEqual(Report.search([]).order_id, order)

    def test_sales_figures_need_all_sales_documents(self):
        Report = self.env["contact.order.effort.report"].with_user(self.technician)
        row = Report.search([])
        self.assertEqual(row.hours, 4.0)
        with self.assertRaises(AccessError):
            row.read(["sale_amount"])
        with self.assertRaises(AccessError):
            Report._read_group([], ["partner_id"], ["sales_per_hour:avg"])
        pivot = Report.get_views([(False, "pivot")])["views"]["pivot"]["arch"]
        self.assertIn("hours", pivot)
        self.assertNotIn("sale_amount", pivot)

    def test_export(self):
        self.analyst.groups_id |= self.env.ref("base.group_allow_export")
        Report = self.env["contact.order.effort.report"].with_user(self.analyst)
        rows = Report.search([("order_id", "=", self.own.id)])
        data = rows.export_data(["partner_id", "hours", "won_count", "sale_amount"])
        self.assertEqual(data["datas"], [[self.customer.name, 4.0, 1, 3000.0]])
