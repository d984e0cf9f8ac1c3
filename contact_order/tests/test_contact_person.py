# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The contact person as a contact of the customer: picked or typed in the
form, set through the API, kept in step with the order's contact fields;
suggested in the chatter, reached by SMS, found by phone."""

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import USER_GROUPS, ContactOrderCase

FORM = "contact_order.contact_order_view_form"
# a salesperson who may also create and change contacts, as Odoo's default
# internal users may
CONTACT_USER_GROUPS = f"{USER_GROUPS},base.group_partner_manager"


class ContactPersonCase(ContactOrderCase):
    """A contact of the customer, reached on their mobile."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact = cls.env["res.partner"].create(
            {
                "name": "Kalle Kund",
                "parent_id": cls.customer.id,
                "email": "kalle@verkstad.example",
                "mobile": "070-111 22 33",
                "function": "Inköpare",
            }
        )


@tagged("post_install", "-at_install")
class TestContactPerson(ContactPersonCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.seller = new_test_user(
            cls.env, login="co_seller", groups=CONTACT_USER_GROUPS, name="Selma"
        )

    def _form(self, order=None, user=None):
        Order = self.env["contact.order"].with_user(user or self.seller)
        return Form(order.with_user(user or self.seller) if order else Order, view=FORM)

    def _new_form(self):
        form = self._form()
        form.subject = "Service"
        form.partner_id = self.customer
        return form

    def test_pick_a_contact_of_the_customer(self):
        form = self._new_form()
        form.contact_partner_id = self.contact
        self.assertEqual(form.contact_name, "Kalle Kund")
        self.assertEqual(form.contact_phone, "+46701112233")
        self.assertEqual(form.contact_email, "kalle@verkstad.example")
        self.assertEqual(form.contact_function, "Inköpare")
        order = form.save()
        self.assertEqual(order.contact_partner_id, self.contact)
        self.assertFalse(self.contact.phone, "the contact unchanged")

    def test_type_a_new_contact_person(self):
        form = self._new_form()
        form.contact_name = "Lisa Ny"
        form.contact_phone = "070-999 88 77"
        form.contact_email = "lisa@verkstad.example"
        form.contact_function = "VD"
        order = form.save()
        contact = order.contact_partner_id
        self.assertEqual(contact.name, "Lisa Ny")
        self.assertEqual(contact.parent_id, self.customer)
        self.assertEqual(contact.type, "contact")
        self.assertEqual(contact.phone, "+46709998877")
        self.assertEqual(contact.email, "lisa@verkstad.example")
        self.assertEqual(contact.function, "VD")
        self.assertEqual(order.contact_name, "Lisa Ny")

    def test_a_new_name_on_several_orders_at_once_keeps_each_order_s_details(self):
        """An import of two orders with the same new contact person: one
        contact, and each order keeps what was typed on it (as when they
        are created one by one: the later details are the contact's)."""
        first, second = self.env["contact.order"].create(
            [
                {
                    "subject": f"Import {index}",
                    "partner_id": self.customer.id,
                    "contact_name": "Anna Berg",
                    "contact_phone": phone,
                    "contact_email": email,
                    "contact_function": function,
                }
                for index, (phone, email, function) in enumerate(
                    [
                        ("070-111 11 11", "anna.a@verkstad.example", False),
                        ("070-222 22 22", "anna.b@verkstad.example", "CFO"),
                    ]
                )
            ]
        )
        contact = first.contact_partner_id
        self.assertEqual(second.contact_partner_id, contact)
        self.assertEqual(
            (first.contact_phone, first.contact_email),
            ("+46701111111", "anna.a@verkstad.example"),
        )
        self.assertEqual(
            (second.contact_phone, second.contact_email, second.contact_function),
            ("+46702222222", "anna.b@verkstad.example", "CFO"),
        )
        self.assertEqual(
            (contact.phone, contact.email, contact.function),
            ("+46702222222", "anna.b@verkstad.example", "CFO"),
        )

    def test_api_name_of_an_existing_contact_links_it(self):
        partners = self.env["res.partner"].search_count([])
        order = self._create_order(
            contact_name="kalle kund", contact_email="kalle.ny@verkstad.example"
        )
        self.assertEqual(order.contact_partner_id, self.contact)
        self.assertEqual(order.contact_name, "Kalle Kund")
        self.assertEqual(order.contact_phone, "+46701112233", "filled in")
        # what the order brought is the contact's newest
        self.assertEqual(self.contact.email, "kalle.ny@verkstad.example")
        self.assertEqual(self.env["res.partner"].search_count([]), partners)

    def test_new_customer_with_contact_person(self):
        order = self.env["contact.order"].create(
            {
                "subject": "Potential customer",
                "partner_name": "Nykund AB",
                "contact_name": "Anna Andersson",
                "contact_email": "anna@nykund.example",
            }
        )
        self.assertEqual(order.contact_partner_id, order.partner_id.child_ids)
        self.assertEqual(order.contact_partner_id.name, "Anna Andersson")

    def test_details_changed_on_the_order_change_the_contact(self):
        order = self._create_order(
            user_id=self.seller.id, contact_partner_id=self.contact.id
        )
        order.with_user(self.seller).write(
            {"contact_phone": "08-123 45 67", "contact_email": "kk@verkstad.example"}
        )
        self.assertEqual(self.contact.phone, "+4681234567")
        self.assertEqual(self.contact.email, "kk@verkstad.example")
        # an emptied detail does not empty the contact's
        order.contact_email = False
        self.assertEqual(self.contact.email, "kk@verkstad.example")
        # and the contact's own changes come to the order when picked again
        self.contact.function = "Chef"
        order.contact_partner_id = False
        order.contact_partner_id = self.contact
        self.assertEqual(order.contact_function, "Chef")

    def test_another_name_is_another_contact_person(self):
        order = self._create_order(contact_partner_id=self.contact.id)
        order.write({"contact_name": "Greta Ny", "contact_email": False})
        self.assertNotEqual(order.contact_partner_id, self.contact)
        self.assertEqual(order.contact_partner_id.name, "Greta Ny")
        self.assertEqual(self.contact.name, "Kalle Kund")
        # an emptied name: no contact person
        order.contact_name = False
        self.assertFalse(order.contact_partner_id)

    def test_other_customer_unlinks_the_contact(self):
        order = self._create_order(
            user_id=self.seller.id, contact_partner_id=self.contact.id
        )
        form = self._form(order)
        form.partner_id = self.other_customer
        self.assertFalse(form.contact_partner_id)
        self.assertEqual(form.contact_name, "Kalle Kund", "the typed text stays")
        form.save()
        self.assertFalse(order.contact_partner_id)
        self.assertFalse(self.other_customer.child_ids, "no contact made")

    def test_free_text_kept_when_the_customer_is_recomputed(self):
        # typed by a user who may not create contacts: text only
        order = self._create_order(user=self.user, contact_name="Text Only")
        order.equipment_id = self.equipment
        self.assertEqual(order.contact_name, "Text Only")
        self.assertFalse(order.contact_partner_id)

    def test_contact_of_another_customer_is_refused(self):
        stranger = self.env["res.partner"].create(
            {"name": "Främling", "parent_id": self.other_customer.id}
        )
        with self.assertRaises(ValidationError):
            self._create_order(contact_partner_id=stranger.id)
        with self.assertRaises(ValidationError):
            self._create_order(contact_partner_id=self.customer.id)
        order = self._create_order(contact_partner_id=self.contact.id)
        with self.assertRaises(ValidationError):
            order.contact_partner_id = stranger

    def test_person_customer_is_their_own_contact(self):
        person = self.env["res.partner"].create(
            {"name": "Per Privat", "email": "per@privat.example"}
        )
        order = self._create_order(partner_id=person.id, contact_name="Per Privat")
        self.assertEqual(order.contact_partner_id, person)

    def test_user_who_may_not_create_contacts_keeps_text(self):
        # the "User" preset without Contact Creation
        order = self._create_order(user=self.user, contact_name="Bo Text")
        self.assertFalse(order.contact_partner_id)
        self.assertEqual(order.contact_name, "Bo Text")
        linked = self._create_order(
            user_id=self.user.id, contact_partner_id=self.contact.id
        )
        linked.with_user(self.user).contact_phone = "08-765 43 21"
        self.assertEqual(linked.contact_phone, "+4687654321")
        self.assertFalse(self.contact.phone)

    def test_history_imported_as_completed_keeps_its_text(self):
        contacts = self.env["res.partner"].search_count([])
        order = self._create_order(contact_name="Gammal Kontakt", state="done")
        self.assertEqual(order.contact_name, "Gammal Kontakt")
        self.assertFalse(order.contact_partner_id)
        self.assertEqual(self.env["res.partner"].search_count([]), contacts)

    def test_completed_order_keeps_its_contact(self):
        order = self._create_order(user_id=self.seller.id)
        order.with_user(self.seller).action_complete()
        with self.assertRaises(UserError):
            order.with_user(self.seller).contact_name = "Sent Ändring"
        self.assertFalse(order.contact_partner_id)


@tagged("post_install", "-at_install")
class TestContactPersonMail(ContactPersonCase):
    def _suggested(self, order, user=None):
        return order.with_user(user or self.user)._message_get_suggested_recipients()

    def test_contact_person_is_suggested(self):
        order = self._create_order(
            user_id=self.colleague.id, contact_partner_id=self.contact.id
        )
        suggested = self._suggested(order)
        self.assertIn(self.contact.id, [s.get("partner_id") for s in suggested])
        reason = next(s for s in suggested if s.get("partner_id") == self.contact.id)
        self.assertEqual(reason["reason"], "Contact Person")

    def test_contact_known_only_by_email_is_suggested(self):
        # typed by a user who may not create contacts: text only
        order = self._create_order(
            user=self.user,
            contact_name="Mejl Person",
            contact_email="mejl@verkstad.example",
        )
        self.assertFalse(order.contact_partner_id)
        suggested = self._suggested(order)
        emails = [s for s in suggested if not s.get("partner_id")]
        self.assertEqual(len(emails), 1)
        self.assertIn("mejl@verkstad.example", emails[0]["email"])
        self.assertEqual(emails[0]["create_values"]["parent_id"], self.customer.id)

    def test_customer_suggested_without_contact_person(self):
        order = self._create_order(user_id=self.user.id)
        suggested = self._suggested(order)
        self.assertIn(self.customer.id, [s.get("partner_id") for s in suggested])

    def test_phone_search_sms_and_blacklist(self):
        order = self._create_order(
            user_id=self.user.id, contact_partner_id=self.contact.id
        )
        self.assertEqual(order.contact_phone, "+46701112233")
        self.assertEqual(order.phone_sanitized, "+46701112233")
        Order = self.env["contact.order"].with_user(self.user)
        for typed in ("+46 70 111 22 33", "0046701112233", "111 22 33"):
            self.assertIn(
                order, Order.search([("phone_mobile_search", "ilike", typed)])
            )
        recipients = order._sms_get_recipients_info()[order.id]
        self.assertEqual(recipients["partner"], self.contact)
        self.assertEqual(recipients["sanitized"], "+46701112233")
        self.env["phone.blacklist"].sudo().add("+46701112233")
        self.assertTrue(order.with_user(self.user).phone_sanitized_blacklisted)

    def test_contact_summary_template(self):
        order = self._create_order(
            user_id=self.user.id,
            contact_partner_id=self.contact.id,
            facility_id=self.facility.id,
        )
        template = self.env.ref("contact_order.mail_template_contact_summary")
        values = template._generate_template(
            order.ids, ["subject", "partner_to", "body_html"]
        )[order.id]
        self.assertEqual(values["subject"], f"[{order.name}] Sales question")
        self.assertEqual(values["partner_ids"], self.contact.ids)
        for text in ("Kalle Kund", order.name, "Verkstad Norra", "Sara Säljare"):
            self.assertIn(text, values["body_html"])
        # sent by the salesperson from the chatter's composer
        composer = Form(
            self.env["mail.compose.message"]
            .with_user(self.user)
            .with_context(
                default_model="contact.order",
                default_res_ids=order.ids,
                default_composition_mode="comment",
                default_template_id=template.id,
            )
        )
        composer.save()._action_send_mail()
        message = order.message_ids[0]
        self.assertEqual(message.partner_ids, self.contact)
        self.assertEqual(message.subject, f"[{order.name}] Sales question")
