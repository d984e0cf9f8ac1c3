# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged
from odoo.tools import html2plaintext

from odoo.addons.base.models.ir_qweb import QWebException

from .common import USER_GROUPS, VIEW_ASSIGNED_GROUPS, ContactOrderCase

REPORT = "contact_order.report_contact_order"


@freeze_time("2030-05-02 08:00:00")
@tagged("post_install", "-at_install")
class TestContactReport(ContactOrderCase):
    """The printable contact report: the order, where and what, the notes
    shared with the customer and the next booking; sent from the order."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.technician = new_test_user(
            cls.env, login="report_technician", groups=VIEW_ASSIGNED_GROUPS
        )
        cls.order = cls._create_order(
            user=cls.user,
            subject="Kompressorn läcker",
            equipment_id=cls.equipment.id,
            contact_name="Karin Kontakt",
            contact_phone="+46 70 123 45 67",
        )
        Note = cls.env["contact.order.note"].with_user(cls.user)
        Note.create(
            {
                "order_id": cls.order.id,
                "body": "<p>Bytte packning på kompressorn</p>",
                "share_with_customer": True,
            }
        )
        Note.create({"order_id": cls.order.id, "body": "<p>Kunden betalar sent</p>"})
        cls.env["contact.order.booking"].with_user(cls.user).create(
            {"order_id": cls.order.id, "start": "2030-06-03 07:00:00"}
        )
        cls.other = cls._create_order(user_id=cls.colleague.id)

    def _text(self, orders, user):
        html, __ = (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render_qweb_html(REPORT, orders.ids)
        )
        return html2plaintext(html.decode())

    def test_report_holds_the_order_and_shared_notes(self):
        text = self._text(self.order, self.user)
        for expected in (
            self.order.name,
            "Kompressorn läcker",
            "Verkstad AB",
            "Verkstad Norra",
            "Industrivägen 5",
            "Kompressor K-200",
            "Karin Kontakt",
            self.order.contact_phone,
            "Bytte packning på kompressorn",
            "Next booking",
            "06/03/2030",
        ):
            self.assertIn(expected, text)
        self.assertNotIn("Kunden betalar sent", text)

    def test_report_in_the_customers_language(self):
        self.env["res.lang"]._activate_lang("sv_SE")
        self.env["ir.module.module"]._load_module_terms(
            ["contact_order"], ["sv_SE"], overwrite=True
        )
        self.customer.lang = "sv_SE"
        text = self._text(self.order, self.user)
        for expected in ("Kontaktrapport", "Kontaktperson", "Nästa bokning"):
            self.assertIn(expected, text)
        self.assertNotIn("Contact Report", text)

    def test_report_follows_the_order_rules(self):
        with self.assertRaises(QWebException) as caught:
            self._text(self.other, self.technician)
        self.assertIsInstance(caught.exception.__cause__, AccessError)
        self.order.user_id = self.technician
        self.assertIn(self.order.name, self._text(self.order, self.technician))

    def test_only_the_author_shares_a_note(self):
        colleague_note = self.env["contact.order.note"].create(
            {"order_id": self.order.id, "body": "<p>Admin note</p>"}
        )
        with self.assertRaises(AccessError):
            colleague_note.with_user(self.user).share_with_customer = True

    def test_send_through_the_composer_with_the_template(self):
        action = self.order.with_user(self.user).action_send_contact_report()
        self.assertEqual(action["res_model"], "mail.compose.message")
        composer = Form(
            self.env["mail.compose.message"]
            .with_user(self.user)
            .with_context(**action["context"])
        )
        self.assertIn(self.order.name, composer.subject)
        self.assertEqual(composer.partner_ids[:], self.customer)
        self.assertEqual(len(composer.attachment_ids), 1)
        composer.save().action_send_mail()
        message = self.order.message_ids[0]
        self.assertEqual(message.partner_ids, self.customer)
        self.assertTrue(message.attachment_ids.name.startswith(self.order.name))

    def test_send_needs_the_edit_right(self):
        self.order.user_id = self.technician
        with self.assertRaises(AccessError):
            self.order.with_user(self.technician).action_send_contact_report()
        reader = new_test_user(self.env, login="report_user", groups=USER_GROUPS)
        with self.assertRaises(AccessError):
            self.other.with_user(reader).action_send_contact_report()
