# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import VIEW_ASSIGNED_GROUPS, VIEW_GROUPS, ContactOrderCase


@tagged("post_install", "-at_install")
class TestTimeReport(ContactOrderCase):
    """The Time report: the notes' hours grouped by what their order is about,
    as far as the reader may see the orders."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.technician = new_test_user(
            cls.env, login="time_technician", groups=VIEW_ASSIGNED_GROUPS
        )
        cls.reader = new_test_user(cls.env, login="time_reader", groups=VIEW_GROUPS)
        cls.status_won = cls.env["contact.order.status"].create({"name": "Offer"})
        cls.own = cls._create_order(
            equipment_id=cls.equipment.id, user_id=cls.technician.id
        )
        cls.other = cls._create_order(
            partner_id=cls.other_customer.id, user_id=cls.colleague.id
        )
        Note = cls.env["contact.order.note"]
        with freeze_time("2030-03-04 10:00:00"):
            Note.create({"order_id": cls.own.id, "body": "<p>Visit</p>", "hours": 2})
            Note.create({"order_id": cls.own.id, "body": "<p>Call</p>", "hours": 0.5})
        with freeze_time("2030-04-01 10:00:00"):
            Note.create({"order_id": cls.other.id, "body": "<p>Call</p>", "hours": 3})

    def _hours_by(self, user, groupby):
        return {
            key: hours
            for key, hours in self.env["contact.order.note"]
            .with_user(user)
            ._read_group(
                # the database may hold demo orders
                [("order_id", "in", (self.own | self.other).ids)],
                [groupby],
                ["hours:sum"],
            )
        }

    def test_notes_keep_what_their_order_is_about(self):
        notes = self.own.note_ids
        self.assertEqual(notes.partner_id, self.customer)
        self.assertEqual(notes.facility_id, self.facility)
        self.assertEqual(notes.equipment_id, self.equipment)
        self.assertEqual(notes.status_id, self.status_new)
        self.assertEqual(set(notes.mapped("state")), {"open"})
        self.own.write({"status_id": self.status_won.id, "equipment_id": False})
        self.own.action_complete()
        self.assertEqual(notes.status_id, self.status_won)
        self.assertFalse(notes.equipment_id)
        self.assertEqual(set(notes.mapped("state")), {"done"})

    def test_assigned_user_sees_only_the_time_of_own_orders(self):
        by_customer = self._hours_by(self.technician, "partner_id")
        self.assertEqual(by_customer, {self.customer: 2.5})
        self.assertEqual(
            self._hours_by(self.technician, "author_id").keys(), {self.env.user}
        )
        by_month = self._hours_by(self.technician, "date:month")
        self.assertEqual(list(by_month.values()), [2.5])

    def test_view_user_sees_the_time_of_all_orders(self):
        by_customer = self._hours_by(self.reader, "partner_id")
        self.assertEqual(by_customer, {self.customer: 2.5, self.other_customer: 3.0})
        by_facility = self._hours_by(self.reader, "facility_id")
        self.assertEqual(by_facility[self.facility], 2.5)
        by_equipment = self._hours_by(self.reader, "equipment_id")
        self.assertEqual(by_equipment[self.equipment], 2.5)
        self.assertEqual(self._hours_by(self.reader, "status_id")[self.status_new], 5.5)
        self.assertEqual(len(self._hours_by(self.reader, "date:week")), 2)

    def test_time_of_another_company_stays_in_it(self):
        other_company = self.env["res.company"].create({"name": "Dotterbolag AB"})
        order = self._create_order(company_id=other_company.id, user_id=False)
        self.env["contact.order.note"].create(
            {"order_id": order.id, "body": "<p>Besök</p>", "hours": 9}
        )
        self.assertEqual(order.note_ids.company_id, other_company)
        self.reader.company_ids |= other_company
        Note = self.env["contact.order.note"].with_user(self.reader)
        self.assertNotIn(
            order,
            Note.with_context(allowed_company_ids=self.company.ids).search([]).order_id,
        )
        self.assertIn(
            order,
            Note.with_context(allowed_company_ids=other_company.ids)
            .search([])
            .order_id,
        )

    def test_the_copies_cannot_be_set(self):
        # a note's copies follow its order: set through the API they would
        # put time on a customer or facility the order is not about
        note = self.own.note_ids[0].with_user(self.user)
        self.own.user_id = self.user
        for fname, value in (
            ("facility_id", self.env["contact.facility"].create({"name": "X"}).id),
            ("equipment_id", False),
            ("status_id", self.status_won.id),
            ("state", "done"),
        ):
            with (
                self.subTest(field=fname),
                self.assertRaisesRegex(UserError, "cannot be set directly"),
            ):
                note.write({fname: value})
            with (
                self.subTest(field=fname),
                self.assertRaisesRegex(UserError, "cannot be set directly"),
            ):
                note.create({"order_id": self.own.id, "body": "<p>x</p>", fname: value})
        self.assertEqual(note.status_id, self.status_new)

    def test_report_views_open_for_the_lowest_rights(self):
        action = self.env.ref("contact_order.contact_order_note_time_action")
        menu = self.env.ref("contact_order.contact_order_note_time_menu")
        for user in (self.technician, self.reader):
            with self.subTest(user=user.login):
                Note = self.env["contact.order.note"].with_user(user)
                views = Note.get_views(
                    [(False, "pivot"), (False, "graph"), (False, "list")],
                    {"search_view_id": action.search_view_id.id},
                )
                self.assertIn("hours", views["views"]["pivot"]["arch"])
                visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
                self.assertIn(menu.id, visible)
        nobody = new_test_user(self.env, login="time_nobody", groups="base.group_user")
        self.assertNotIn(
            menu.id, self.env["ir.ui.menu"].with_user(nobody)._visible_menu_ids()
        )


@tagged("post_install", "-at_install")
class TestTimeReportRpc(HttpCase):
    """The pivot's own call, as the web client makes it."""

    def test_assigned_user_groups_only_own_orders(self):
        technician = new_test_user(
            self.env, login="time_rpc_technician", groups=VIEW_ASSIGNED_GROUPS
        )
        customer = self.env["res.partner"].create({"name": "Tidkund AB"})
        other = self.env["res.partner"].create({"name": "Annan Tidkund AB"})
        Order = self.env["contact.order"]
        for partner, user in ((customer, technician), (other, self.env.user)):
            order = Order.create(
                {"subject": "Time", "partner_id": partner.id, "user_id": user.id}
            )
            self.env["contact.order.note"].create(
                {"order_id": order.id, "body": "<p>Work</p>", "hours": 1.25}
            )
        self.authenticate("time_rpc_technician", "time_rpc_technician")
        groups = self.make_jsonrpc_request(
            "/web/dataset/call_kw/contact.order.note/web_read_group",
            {
                "model": "contact.order.note",
                "method": "web_read_group",
                "args": [],
                "kwargs": {
                    "domain": [("partner_id", "in", (customer | other).ids)],
                    "fields": ["hours:sum"],
                    "groupby": ["partner_id"],
                },
            },
        )["groups"]
        self.assertEqual(
            [(g["partner_id"][0], g["hours"]) for g in groups], [(customer.id, 1.25)]
        )
