# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The follow-up features' rights through JSON-RPC, as a real client calls
them: their system fields are refused, their dialogs check the user's
rights on the orders sent, whatever ids the client sends."""

from datetime import datetime, timedelta

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException

USER = "base.group_user,contact_order.group_user"


@tagged("post_install", "-at_install")
class TestFollowUpJsonRpc(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.seller = new_test_user(cls.env, login="rpc_fu_seller", groups=USER)
        cls.colleague = new_test_user(cls.env, login="rpc_fu_colleague", groups=USER)
        customer = cls.env["res.partner"].create({"name": "RPC Uppföljning AB"})
        Order = cls.env["contact.order"]
        cls.own = Order.with_user(cls.seller).create(
            {"subject": "Own", "partner_id": customer.id}
        )
        cls.second = Order.with_user(cls.seller).create(
            {"subject": "Second", "partner_id": customer.id}
        )
        cls.hidden = Order.with_user(cls.colleague).create(
            {"subject": "Hidden", "partner_id": customer.id}
        )
        cls.booking = (
            cls.env["contact.order.booking"]
            .with_user(cls.seller)
            .create(
                {
                    "order_id": cls.own.id,
                    "start": datetime.now() + timedelta(days=3),
                    "repeat_unit": "weeks",
                }
            )
        )
        cls.reason = cls.env.ref("contact_order.lost_reason_price")

    def _call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def setUp(self):
        super().setUp()
        self.authenticate("rpc_fu_seller", "rpc_fu_seller")

    def test_system_fields_are_refused(self):
        for model, record, vals in (
            ("contact.order", self.own, {"outcome": "won"}),
            ("contact.order", self.own, {"lost_reason_id": self.reason.id}),
            ("contact.order", self.own, {"merged_into_id": self.second.id}),
            ("contact.order.booking", self.booking, {"recurrence_index": 7}),
            (
                "contact.order.booking",
                self.booking,
                {"next_occurrence_id": self.booking.id},
            ),
        ):
            with self.subTest(vals=vals), self.assertRaises(JsonRpcException):
                self._call(model, "write", [record.ids, vals])
        with self.assertRaises(JsonRpcException):
            self._call("contact.order", "_complete_with_outcome", [self.own.ids, "won"])
        self.assertFalse(self.own.outcome or self.own.merged_into_id)
        self.assertEqual(self.booking.recurrence_index, 1)

    def test_merging_an_order_the_user_cannot_read_is_refused(self):
        wizard_id = self._call(
            "contact.order.merge",
            "create",
            [
                {
                    "order_ids": [[6, 0, (self.own | self.hidden).ids]],
                    "target_id": self.own.id,
                }
            ],
        )
        with self.assertRaisesRegex(JsonRpcException, "AccessError"):
            self._call("contact.order.merge", "action_merge", [[wizard_id]])
        self.assertEqual(self.hidden.state, "open")
        self.assertFalse(self.hidden.merged_into_id)

    def test_log_contact_and_complete_on_an_order_the_user_cannot_read(self):
        for model, vals, method in (
            ("contact.order.log.contact", {"note": "Sneaky"}, "action_log"),
            ("contact.order.complete", {"outcome": "lost"}, "action_complete"),
        ):
            with self.subTest(model=model):
                wizard_id = self._call(
                    model, "create", [dict(vals, order_id=self.hidden.id)]
                )
                with self.assertRaisesRegex(JsonRpcException, "AccessError"):
                    self._call(model, method, [[wizard_id]])
        self.assertFalse(self.hidden.note_ids)
        self.assertEqual(self.hidden.state, "open")

    def test_a_merged_order_is_not_reopened(self):
        self.own.with_user(self.seller)._merge_into(self.second.with_user(self.seller))
        with self.assertRaisesRegex(JsonRpcException, "UserError"):
            self._call("contact.order", "action_reopen", [self.own.ids])
        self.assertEqual(self.own.state, "done")
        self.assertEqual(self.own.merged_into_id, self.second)

    def test_merging_in_a_colleagues_booking_takes_assign(self):
        new_test_user(
            self.env,
            login="rpc_fu_editor",
            groups="base.group_user,contact_order.group_view,contact_order.group_edit",
        )
        self.authenticate("rpc_fu_editor", "rpc_fu_editor")
        # the seller's booking on their order would make them read the hidden one
        wizard_id = self._call(
            "contact.order.merge",
            "create",
            [
                {
                    "order_ids": [[6, 0, (self.own | self.hidden).ids]],
                    "target_id": self.hidden.id,
                }
            ],
        )
        with self.assertRaisesRegex(JsonRpcException, "AccessError"):
            self._call("contact.order.merge", "action_merge", [[wizard_id]])
        self.assertEqual(self.booking.order_id, self.own)
        self.assertFalse(self.hidden.with_user(self.seller).has_access("read"))
