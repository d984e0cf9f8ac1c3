# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Tags (the administrator's, coloured), priority (stars) and an estimated
value in the company's currency: set on the form, shown in list, kanban,
search and reports."""

from lxml import etree

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import FORM_VIEW, ContactOrderCase


@tagged("post_install", "-at_install")
class TestTagsPriorityValue(ContactOrderCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Tag = cls.env["contact.order.tag"]
        cls.tag_key = Tag.create({"name": "Key account", "color": 3})
        cls.tag_fair = Tag.create({"name": "Trade fair lead"})

    def test_form_sets_tags_priority_and_value(self):
        form = Form(self.env["contact.order"].with_user(self.user), view=FORM_VIEW)
        form.subject = "Compressor offer"
        form.partner_id = self.customer
        form.priority = "2"
        form.tag_ids.add(self.tag_key)
        form.expected_value = 125000
        order = form.save()
        self.assertEqual(order.priority, "2")
        self.assertEqual(order.tag_ids, self.tag_key)
        self.assertEqual(order.expected_value, 125000)
        self.assertEqual(order.currency_id, self.company.currency_id)
        self.assertEqual(order.tag_ids.color, 3)

    def test_the_tag_list_is_the_administrators(self):
        Tag = self.env["contact.order.tag"]
        with self.assertRaises(AccessError):
            Tag.with_user(self.user).create({"name": "Mine"})
        with self.assertRaises(AccessError):
            self.tag_key.with_user(self.user).write({"name": "Mine"})
        self.assertEqual(
            Tag.with_user(self.user).search([("name", "=", "Key account")]),
            self.tag_key,
        )
        Tag.with_user(self.manager).create({"name": "Service agreement"})

    def test_a_completed_order_keeps_them(self):
        order = self._create_order(user=self.user, priority="1").with_user(self.user)
        order.action_complete()
        for vals in (
            {"priority": "3"},
            {"expected_value": 10},
            {"tag_ids": [(4, self.tag_key.id)]},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                order.write(vals)

    def test_search_and_reports(self):
        first = self._create_order(
            user=self.user,
            tag_ids=[(6, 0, self.tag_key.ids)],
            priority="3",
            expected_value=1000,
        )
        self._create_order(
            user=self.user,
            tag_ids=[(6, 0, (self.tag_key | self.tag_fair).ids)],
            expected_value=500,
        )
        Order = self.env["contact.order"].with_user(self.user)
        self.assertEqual(
            Order.search([("tag_ids", "ilike", "Trade fair")]).expected_value, 500
        )
        self.assertEqual(Order.search([("priority", ">=", "2")]), first)
        groups = Order.read_group(
            [("tag_ids", "!=", False)], ["expected_value:sum"], ["tag_ids"]
        )
        totals = {g["tag_ids"][0]: g["expected_value"] for g in groups}
        self.assertEqual(totals, {self.tag_key.id: 1500, self.tag_fair.id: 500})
        for view_type, names in (
            ("list", {"priority", "tag_ids", "expected_value"}),
            ("kanban", {"priority", "tag_ids", "expected_value"}),
            ("search", {"tag_ids", "priority"}),
            ("pivot", {"expected_value"}),
        ):
            arch = etree.fromstring(Order.get_view(view_type=view_type)["arch"])
            found = {node.get("name") for node in arch.iter("field")}
            found |= {
                node.get("name") for node in arch.iter("filter") if node.get("name")
            }
            with self.subTest(view_type=view_type):
                self.assertLessEqual(names, found)
