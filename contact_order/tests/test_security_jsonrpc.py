# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException


@tagged("post_install", "-at_install")
class TestSecurityJsonRpc(HttpCase):
    """The same rights through JSON-RPC, as a real client calls them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.technician = new_test_user(
            cls.env,
            login="rpc_technician",
            groups="base.group_user,contact_order.group_view_assigned",
        )
        # Edit, Create and Assign self, not Assign
        cls.seller = new_test_user(
            cls.env,
            login="rpc_seller",
            groups="base.group_user,contact_order.group_edit,"
            "contact_order.group_create,contact_order.group_assign_self",
        )
        customer = cls.env["res.partner"].create({"name": "RPC Kund AB"})
        cls.own = cls.env["contact.order"].create(
            {"subject": "Own", "partner_id": customer.id, "user_id": cls.technician.id}
        )
        cls.other = cls.env["contact.order"].create(
            {"subject": "Other", "partner_id": customer.id, "user_id": cls.seller.id}
        )

    def _call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def test_view_assigned_reads_only_own_orders(self):
        self.authenticate("rpc_technician", "rpc_technician")
        records = self._call(
            "contact.order",
            "search_read",
            [[("id", "in", (self.own | self.other).ids)]],
            {"fields": ["subject"]},
        )
        self.assertEqual([r["subject"] for r in records], ["Own"])
        with self.assertRaisesRegex(JsonRpcException, "AccessError"):
            self._call("contact.order", "read", [self.other.ids, ["subject"]])

    def test_write_and_assign_are_refused_without_the_rights(self):
        self.authenticate("rpc_technician", "rpc_technician")
        with self.assertRaisesRegex(JsonRpcException, "AccessError"):
            self._call("contact.order", "write", [self.own.ids, {"subject": "Hacked"}])
        self.authenticate("rpc_seller", "rpc_seller")
        with self.assertRaisesRegex(JsonRpcException, "AccessError"):
            self._call(
                "contact.order",
                "write",
                [self.other.ids, {"user_id": self.technician.id}],
            )
        self.assertEqual(self.own.subject, "Own")
        self.assertEqual(self.other.user_id, self.seller)

    def test_create_through_rpc_with_rights(self):
        self.authenticate("rpc_seller", "rpc_seller")
        order_id = self._call(
            "contact.order",
            "create",
            [{"subject": "Via RPC", "partner_id": self.own.partner_id.id}],
        )
        order = self.env["contact.order"].browse(order_id)
        self.assertEqual(order.user_id, self.seller)
        self.assertTrue(order.name.startswith("CO"))

    def test_mail_gateway_methods_are_not_rpc(self):
        """Only the mail gateway logs an email as a note: over RPC, a caller
        could name any sender and date."""
        self.authenticate("rpc_seller", "rpc_seller")
        email = {
            "email_from": self.technician.email or "rpc_technician@example.com",
            "body": "<p>Forged</p>",
            "date": "2020-01-01 08:00:00",
            "subject": "Forged",
        }
        self.technician.email = email["email_from"]
        for method, args in (
            ("message_update", [self.own.ids, email]),
            ("message_new", [email, {"user_id": self.seller.id}]),
        ):
            with self.subTest(method=method):
                with self.assertRaisesRegex(JsonRpcException, "AccessError"):
                    self._call("contact.order", method, args)
        self.assertFalse(self.own.note_ids)
        self.assertFalse(self.env["contact.order"].search([("subject", "=", "Forged")]))
