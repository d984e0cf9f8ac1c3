# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Each way around the rights that was reproduced against a running server,
driven the same way (JSON-RPC and the chatter's routes) by users with the
lowest rights, and refused."""

import base64
import json

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

USER = "base.group_user,contact_order.group_user"


@tagged("post_install", "-at_install")
class TestSecurityPaths(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.seller = new_test_user(cls.env, login="path_seller", groups=USER)
        cls.colleague = new_test_user(cls.env, login="path_colleague", groups=USER)
        # sees everything and edits, but may not book or take orders
        cls.auditor = new_test_user(
            cls.env,
            login="path_auditor",
            groups="base.group_user,contact_order.group_view,contact_order.group_edit",
        )
        cls.customer = cls.env["res.partner"].create({"name": "Vägkant AB"})
        cls.own = cls.env["contact.order"].create(
            {"subject": "Own", "partner_id": cls.customer.id, "user_id": cls.seller.id}
        )
        cls.other = cls.env["contact.order"].create(
            {
                "subject": "Other",
                "partner_id": cls.customer.id,
                "user_id": cls.colleague.id,
            }
        )
        cls.booking = cls.env["contact.order.booking"].create(
            {
                "order_id": cls.own.id,
                "start": "2030-01-07 09:00:00",
                "user_id": cls.seller.id,
            }
        )

    def _call(self, model, method, *args, **kwargs):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def _refused_at(self, error, route, params):
        """The JSON-RPC route refuses with an error whose class and message
        match ``error`` (JsonRpcException keeps only the class)."""
        response = self.url_open(
            route,
            json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}).encode(),
            headers={"Content-Type": "application/json"},
        )
        response.raise_for_status()
        reply = response.json()
        self.assertIn("error", reply, f"{route} {params} was not refused")
        data = reply["error"]["data"]
        self.assertRegex(f"{data['name']}: {data['message']}", error)

    def _refused(self, error, model, method, *args, **kwargs):
        self._refused_at(
            error,
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def _visible_to(self, user, order):
        return bool(
            self.env["contact.order"].with_user(user).search([("id", "=", order.id)])
        )

    # ------------------------------------------------------------------
    # who sees and owns an order
    # ------------------------------------------------------------------

    def test_booking_onto_an_order_not_mine(self):
        self.authenticate("path_seller", "path_seller")
        self._refused(
            "AccessError",
            "contact.order.booking",
            "create",
            {"order_id": self.other.id, "start": "2030-01-08 09:00:00"},
        )
        self._refused(
            "UserError",
            "contact.order.booking",
            "write",
            self.booking.ids,
            {"order_id": self.other.id},
        )
        self.assertFalse(self._visible_to(self.seller, self.other))
        self.assertNotIn(self.seller.partner_id, self.other.message_partner_ids)
        self.assertEqual(self.booking.order_id, self.own)

    def test_booking_myself_needs_assign_self(self):
        self.authenticate("path_auditor", "path_auditor")
        self._refused(
            "Assign self",
            "contact.order.booking",
            "create",
            {"order_id": self.other.id, "start": "2030-01-08 09:00:00"},
        )
        self.assertNotIn(self.auditor, self.other.assignee_ids)

    def test_assignees_are_not_writable(self):
        self.authenticate("path_seller", "path_seller")
        for command in (Command.link(self.colleague.id), Command.clear()):
            self._refused(
                "Assignees",
                "contact.order",
                "write",
                self.own.ids,
                {"assignee_ids": [command]},
            )
        self.assertEqual(self.own.assignee_ids, self.seller)

    def test_hand_over_only_to_contact_order_users(self):
        outsider = new_test_user(
            self.env, login="path_outsider", groups="base.group_user"
        )
        self.seller.groups_id += self.env.ref("contact_order.group_assign")
        self.authenticate("path_seller", "path_seller")
        self._refused(
            "no Contact Orders rights",
            "contact.order",
            "write",
            self.own.ids,
            {"user_id": outsider.id},
        )
        self._refused(
            "no Contact Orders rights",
            "contact.order.booking",
            "write",
            self.booking.ids,
            {"user_id": outsider.id},
        )
        self._call(
            "contact.order", "write", self.own.ids, {"user_id": self.colleague.id}
        )
        self.assertEqual(self.own.user_id, self.colleague)

    # ------------------------------------------------------------------
    # fields the system maintains
    # ------------------------------------------------------------------

    def test_booking_links_are_not_writable(self):
        admin_activity = self.env["mail.activity"].create(
            {
                "res_model_id": self.env["ir.model"]._get_id("res.partner"),
                "res_id": self.customer.id,
                "user_id": self.env.ref("base.user_admin").id,
                "summary": "Admin's own",
            }
        )
        private_event = self.env["calendar.event"].create(
            {
                "name": "Private",
                "start": "2030-01-01 10:00:00",
                "stop": "2030-01-01 11:00:00",
                "privacy": "private",
            }
        )
        self.authenticate("path_seller", "path_seller")
        for vals in (
            {"activity_id": admin_activity.id},
            {"calendar_event_id": private_event.id},
        ):
            self._refused(
                "UserError", "contact.order.booking", "write", self.booking.ids, vals
            )
        self._call("contact.order.booking", "action_cancel", self.booking.ids)
        self.assertTrue(admin_activity.exists())
        self.assertTrue(private_event.exists())
        self.assertEqual(self.booking.state, "cancelled")

    def test_system_fields_cannot_be_forged(self):
        self.authenticate("path_seller", "path_seller")
        for fname, value in (
            ("name", "CO99999"),
            ("state", "done"),
            ("is_completed", True),
            ("total_hours", 1000),
            ("note_count", 7),
            ("scheduled_date", "1999-01-01"),
        ):
            with self.subTest(model="contact.order", field=fname):
                self._refused(
                    "cannot be set directly",
                    "contact.order",
                    "write",
                    self.own.ids,
                    {fname: value},
                )
                self._refused(
                    "cannot be set directly",
                    "contact.order",
                    "create",
                    {"subject": "Forged", "partner_id": self.customer.id, fname: value},
                )
        other_status = self.env["contact.order.status"].create({"name": "Elsewhere"})
        for fname, value in (
            ("state", "done"),
            ("reminder_sent_at", "2030-01-01 00:00:00"),
            ("partner_id", self.env["res.partner"].create({"name": "X"}).id),
            ("status_id", other_status.id),
        ):
            with self.subTest(model="contact.order.booking", field=fname):
                self._refused(
                    "cannot be set directly",
                    "contact.order.booking",
                    "write",
                    self.booking.ids,
                    {fname: value},
                )
        self.assertEqual(self.own.state, "open")
        self.assertTrue(self.own.name.startswith("CO"))
        self.assertEqual(self.booking.state, "planned")
        self.assertFalse(self.booking.reminder_sent_at)
        self.assertEqual(self.booking.partner_id, self.customer)
        self.assertEqual(self.booking.status_id, self.own.status_id)

    def test_completed_orders_keep_their_bookings(self):
        self.authenticate("path_seller", "path_seller")
        self._call("contact.order", "action_complete", self.own.ids)
        self.assertEqual(self.booking.state, "cancelled")
        self._refused(
            "cannot be set directly",
            "contact.order.booking",
            "write",
            self.booking.ids,
            {"state": "planned"},
        )
        self._refused(
            "completed",
            "contact.order.booking",
            "write",
            self.booking.ids,
            {"description": "x"},
        )
        self._refused("completed", "contact.order.booking", "unlink", self.booking.ids)
        self.assertTrue(self.booking.exists())
        self.assertEqual(self.booking.state, "cancelled")

    # ------------------------------------------------------------------
    # context defaults: create() fills them in after the checks
    # ------------------------------------------------------------------

    def _call_ctx(self, context, model, method, *args):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {
                "model": model,
                "method": method,
                "args": list(args),
                "kwargs": {"context": context},
            },
        )

    def test_context_defaults_open_no_door(self):
        admin = self.env.ref("base.user_admin")
        private_event = self.env["calendar.event"].create(
            {
                "name": "Admin's private",
                "start": "2030-01-01 10:00:00",
                "stop": "2030-01-01 11:00:00",
                "privacy": "private",
                "user_id": admin.id,
                "partner_ids": [Command.set(admin.partner_id.ids)],
            }
        )
        admin_activity = self.env["mail.activity"].create(
            {
                "res_model_id": self.env["ir.model"]._get_id("res.partner"),
                "res_id": self.customer.id,
                "user_id": admin.id,
                "summary": "Admin's own",
            }
        )
        self.authenticate("path_seller", "path_seller")
        # onto an order not mine
        self._refused_at(
            "AccessError",
            "/web/dataset/call_kw/contact.order.booking/create",
            {
                "model": "contact.order.booking",
                "method": "create",
                "args": [{"start": "2030-01-08 09:00:00"}],
                "kwargs": {"context": {"default_order_id": self.other.id}},
            },
        )
        self.assertFalse(self.other.booking_ids)
        self.assertFalse(self._visible_to(self.seller, self.other))
        # system fields and someone else's event and to-do are ignored
        booking_id = self._call_ctx(
            {
                "default_calendar_event_id": private_event.id,
                "default_activity_id": admin_activity.id,
                "default_state": "done",
                "default_reminder_sent_at": "2030-01-01 00:00:00",
            },
            "contact.order.booking",
            "create",
            {"order_id": self.own.id, "start": "2030-01-09 09:00:00"},
        )
        booking = self.env["contact.order.booking"].browse(booking_id)
        self.assertEqual(booking.state, "planned")
        self.assertFalse(booking.reminder_sent_at)
        self.assertNotEqual(booking.calendar_event_id, private_event)
        self.assertNotEqual(booking.activity_id, admin_activity)
        self.assertEqual(private_event.user_id, admin)
        self.assertEqual(private_event.partner_ids, admin.partner_id)
        self.assertEqual(admin_activity.summary, "Admin's own")
        order_id = self._call_ctx(
            {"default_state": "done", "default_name": "CO99999"},
            "contact.order",
            "create",
            {"subject": "Defaults", "partner_id": self.customer.id},
        )
        order = self.env["contact.order"].browse(order_id)
        self.assertEqual(order.state, "open")
        self.assertNotEqual(order.name, "CO99999")

    def test_context_default_assignee_needs_assign(self):
        self.authenticate("path_auditor", "path_auditor")
        self._refused_at(
            "Assign",
            "/web/dataset/call_kw/contact.order.booking/create",
            {
                "model": "contact.order.booking",
                "method": "create",
                "args": [{"order_id": self.other.id, "start": "2030-01-08 09:00:00"}],
                "kwargs": {"context": {"default_user_id": self.colleague.id}},
            },
        )
        self.assertFalse(self.other.booking_ids)

    # ------------------------------------------------------------------
    # the other apps' doors: Sales, forms
    # ------------------------------------------------------------------

    def test_quotation_links_need_edit_on_the_order(self):
        self.seller.groups_id += self.env.ref("sales_team.group_sale_salesman")
        quotation = self.env["sale.order"].create(
            {"partner_id": self.customer.id, "contact_order_id": self.other.id}
        )
        self.authenticate("path_seller", "path_seller")
        self._refused_at(
            "AccessError",
            "/web/dataset/call_kw/sale.order/create",
            {
                "model": "sale.order",
                "method": "create",
                "args": [{"partner_id": self.customer.id}],
                "kwargs": {"context": {"default_contact_order_id": self.other.id}},
            },
        )
        self._refused(
            "AccessError",
            "sale.order",
            "write",
            quotation.ids,
            {"contact_order_id": False},
        )
        self.assertEqual(quotation.contact_order_id, self.other)
        self.assertEqual(self.other.sale_order_ids, quotation)

    def test_forms_lend_nothing_of_an_order_not_mine(self):
        self.authenticate("path_seller", "path_seller")
        for model in ("contact.order.booking", "contact.order.note"):
            with self.subTest(model=model):
                spec = {"order_id": {}, "partner_id": {"fields": {"display_name": {}}}}
                # the order as an id, as a record, or as a context default
                for values in (
                    {"order_id": self.other.id},
                    {"order_id": {"id": self.other.id}},
                ):
                    self._refused(
                        "AccessError", model, "onchange", [], values, ["order_id"], spec
                    )
                self._refused_at(
                    "AccessError",
                    f"/web/dataset/call_kw/{model}/onchange",
                    {
                        "model": model,
                        "method": "onchange",
                        "args": [[], {}, [], spec],
                        "kwargs": {"context": {"default_order_id": self.other.id}},
                    },
                )

    # ------------------------------------------------------------------
    # files: every deletion path needs "Delete uploaded files"
    # ------------------------------------------------------------------

    def _post_with_file(self):
        attachment = (
            self.env["ir.attachment"]
            .with_user(self.seller)
            .create(
                {
                    "name": "offer.pdf",
                    "datas": base64.b64encode(b"%PDF-1.4"),
                    "res_model": "mail.compose.message",
                    "res_id": 0,
                }
            )
        )
        message = self.own.with_user(self.seller).message_post(
            body="Offer attached", attachment_ids=attachment.ids, message_type="comment"
        )
        self.assertEqual(attachment.res_model, "contact.order")
        return message, attachment

    def test_files_survive_every_deletion_route(self):
        message, attachment = self._post_with_file()
        self.authenticate("path_seller", "path_seller")
        self._refused_at(
            "AccessError: .*Delete uploaded files",
            "/mail/message/update_content",
            {"message_id": message.id, "body": "", "attachment_ids": []},
        )
        self._refused_at(
            "AccessError: .*Delete uploaded files",
            "/mail/attachment/delete",
            {"attachment_id": attachment.id},
        )
        self._refused(
            "Delete uploaded files", "ir.attachment", "unlink", attachment.ids
        )
        # nor moved off the order first, to be deleted where no right is needed
        for vals in (
            {"res_model": "res.partner", "res_id": self.customer.id},
            {"res_id": self.other.id},
        ):
            self._refused(
                "Delete uploaded files", "ir.attachment", "write", attachment.ids, vals
            )
        self.assertTrue(attachment.exists())
        self.assertEqual(attachment.res_id, self.own.id)
        self.assertEqual(message.attachment_ids, attachment)

    def test_files_are_not_emptied_or_hidden(self):
        message, attachment = self._post_with_file()
        self.authenticate("path_seller", "path_seller")
        for vals in (
            {"datas": ""},
            {"type": "url", "url": "https://example.com/x"},
            {"res_field": "description"},
        ):
            with self.subTest(vals=vals):
                self._refused(
                    "Delete uploaded files",
                    "ir.attachment",
                    "write",
                    attachment.ids,
                    vals,
                )
        self.assertEqual(attachment.raw, b"%PDF-1.4")
        self.assertFalse(attachment.res_field)
        self.assertEqual(message.attachment_ids, attachment)

    def test_files_go_not_with_a_booking_or_note(self):
        note = (
            self.env["contact.order.note"]
            .with_user(self.seller)
            .create({"order_id": self.own.id, "body": "<p>Photo</p>"})
        )
        files = self.env["ir.attachment"].create(
            [
                {
                    "name": "photo.png",
                    "raw": b"png",
                    "res_model": record._name,
                    "res_id": record.id,
                }
                for record in (self.booking, note)
            ]
        )
        self.authenticate("path_seller", "path_seller")
        self._refused(
            "Delete uploaded files", "contact.order.booking", "unlink", self.booking.ids
        )
        self._refused("Delete uploaded files", "contact.order.note", "unlink", note.ids)
        self.assertTrue(self.booking.exists())
        self.assertTrue(note.exists())
        self.assertEqual(len(files.exists()), 2)

    def test_files_deleted_with_the_right(self):
        message, attachment = self._post_with_file()
        self.seller.groups_id += self.env.ref("contact_order.group_delete_files")
        self.authenticate("path_seller", "path_seller")
        self.make_jsonrpc_request(
            "/mail/message/update_content",
            {"message_id": message.id, "body": "Offer withdrawn", "attachment_ids": []},
        )
        self.assertFalse(attachment.exists())

    # ------------------------------------------------------------------
    # multi-company
    # ------------------------------------------------------------------

    def test_status_of_another_company(self):
        company_a = self.env.ref("base.main_company")
        company_b = self.env["res.company"].create({"name": "Filial B AB"})
        status_a = self.env["contact.order.status"].create(
            {"name": "Only in A", "company_id": company_a.id}
        )
        user_b = new_test_user(
            self.env,
            login="path_user_b",
            groups=USER,
            company_id=company_b.id,
            company_ids=[Command.set(company_b.ids)],
        )
        order_b = self.env["contact.order"].create(
            {
                "subject": "In B",
                "partner_id": self.customer.id,
                "user_id": user_b.id,
                "company_id": company_b.id,
            }
        )
        self.authenticate("path_user_b", "path_user_b")
        self._refused(
            "UserError",
            "contact.order",
            "write",
            order_b.ids,
            {"status_id": status_a.id},
        )
        self.assertNotEqual(order_b.status_id, status_a)

    # ------------------------------------------------------------------
    # bad input: a clear error, nothing half-saved
    # ------------------------------------------------------------------

    def test_bad_input_is_refused_clearly(self):
        self.authenticate("path_seller", "path_seller")
        order_count = self.env["contact.order"].search_count([])
        partner_count = self.env["res.partner"].search_count([])
        self._refused(
            "ValidationError.*must be text",
            "contact.order",
            "create",
            {"subject": 42, "partner_id": self.customer.id},
        )
        self._refused(
            "ValidationError.*needs a customer",
            "contact.order",
            "create",
            {"subject": "Blank customer", "partner_name": "   "},
        )
        self._refused(
            "ValidationError.*between 0 and",
            "contact.order.note",
            "create",
            {"order_id": self.own.id, "body": "<p>Long day</p>", "hours": 1e12},
        )
        self._refused(
            "ValidationError.*duration",
            "contact.order.booking",
            "write",
            self.booking.ids,
            {"duration": 1e12},
        )
        self.assertEqual(self.env["contact.order"].search_count([]), order_count)
        self.assertEqual(self.env["res.partner"].search_count([]), partner_count)
        self.assertEqual(self.booking.duration, 0.5)

    def test_booking_description_is_text(self):
        self.authenticate("path_seller", "path_seller")
        self._call(
            "contact.order.booking",
            "write",
            self.booking.ids,
            {"description": "Price < 5 000 & delivery\nnext week"},
        )
        note = self.booking.activity_id.note
        self.assertIn("Price &lt; 5 000 &amp; delivery", note)
        self.assertIn("<br>", note)
        self.assertFalse(self.booking.calendar_event_id.description)

    def test_settings_refuse_a_duration_of_zero(self):
        admin = new_test_user(
            self.env,
            login="path_admin",
            groups="base.group_system,contact_order.group_manager",
        )
        self.assertTrue(admin)
        self.authenticate("path_admin", "path_admin")
        self._refused(
            "ValidationError: .*default duration",
            "res.config.settings",
            "create",
            {"contact_order_default_booking_duration": 0},
        )
        self.assertNotEqual(
            self.env["ir.config_parameter"].get_param(
                "contact_order.default_booking_duration"
            ),
            "0.0",
        )

    def test_registers_in_use_are_not_emptied(self):
        facility = self.env["contact.facility"].create(
            {"name": "Norra verket", "partner_id": self.customer.id}
        )
        equipment = self.env["maintenance.equipment"].create(
            {"name": "Pump P-7", "facility_id": facility.id}
        )
        self.own.write({"facility_id": facility.id, "equipment_id": equipment.id})
        manager = new_test_user(
            self.env,
            login="path_manager",
            groups="base.group_user,contact_order.group_manager,"
            "maintenance.group_equipment_manager",
        )
        self.assertTrue(manager)
        self.authenticate("path_manager", "path_manager")
        self._refused("archive", "maintenance.equipment", "unlink", equipment.ids)
        self._refused("archive", "contact.facility", "unlink", facility.ids)
        self.assertEqual(self.own.facility_id, facility)
        self.assertEqual(self.own.equipment_id, equipment)

    def test_former_assignees_stop_following(self):
        """Taken off an order, a colleague no longer gets its chatter."""
        booking = self._book_for(self.colleague)
        self.assertIn(self.colleague.partner_id, self.own.message_partner_ids)
        booking.with_user(self.manager_assigner()).user_id = self.seller
        self.assertNotIn(self.colleague.partner_id, self.own.message_partner_ids)
        self.assertFalse(self._visible_to(self.colleague, self.own))
        # the same when the booking is deleted, or the order handed on
        booking.with_user(self.manager_assigner()).user_id = self.colleague
        self.assertIn(self.colleague.partner_id, self.own.message_partner_ids)
        booking.with_user(self.manager_assigner()).unlink()
        self.assertNotIn(self.colleague.partner_id, self.own.message_partner_ids)
        self.own.with_user(self.manager_assigner()).user_id = self.colleague
        self.own.with_user(self.manager_assigner()).user_id = self.seller
        self.assertNotIn(self.colleague.partner_id, self.own.message_partner_ids)
        # who reads every order still sees it, and keeps following it
        booking = self._book_for(self.auditor)
        booking.with_user(self.manager_assigner()).user_id = self.seller
        self.assertIn(self.auditor.partner_id, self.own.message_partner_ids)

    def _book_for(self, user):
        """A booking on the seller's order given to ``user`` by a manager."""
        return (
            self.env["contact.order.booking"]
            .with_user(self.manager_assigner())
            .create(
                {
                    "order_id": self.own.id,
                    "start": "2030-01-09 09:00:00",
                    "user_id": user.id,
                }
            )
        )

    def manager_assigner(self):
        return self.env["res.users"].search([("login", "=", "path_assigner")]) or (
            new_test_user(
                self.env,
                login="path_assigner",
                groups="base.group_user,contact_order.group_manager",
            )
        )
