# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Contact orders by email: raw emails through the gateway (message_process)
make orders, land on the order they are about, or are left alone."""

from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, HttpCase, new_test_user, tagged

from .common import USER_GROUPS
from .common_mail import ALIAS_XMLID, BOUNCE, ContactOrderMailCase

FORWARD = """Se nedan, kan du ta den?

---------- Forwarded message ---------
From: Kalle Kund <kalle@verkstad.example>
Date: Mon, 3 Jun 2030 at 07:58
Subject: Service av kompressorn
To: Sara Säljare <sara@mycompany.example>

Hej! Kompressorn läcker olja, kan ni komma förbi?"""


@tagged("post_install", "-at_install")
class TestMailGatewayNewOrder(ContactOrderMailCase):
    def _orders(self, user=None):
        return self.env["contact.order"].with_user(user or self.env.user).search([])

    def _receive_no_order(self, email_from, **kwargs):
        """Process an email that must make no order; return what was sent
        back."""
        before = self._orders()
        with self.mock_mail_gateway():
            self._receive(email_from, **kwargs)
        self.assertEqual(self._orders(), before)
        return self._new_mails

    @freeze_time("2030-06-03 09:00:00")
    def test_known_contact_makes_an_order_with_note_and_document(self):
        partners = self.env["res.partner"].search_count([])
        order = self._receive("Kalle Kund <kalle@verkstad.example>")
        self.assertEqual(order.subject, "Service av kompressorn")
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(order.contact_partner_id, self.contact)
        self.assertEqual(order.contact_name, "Kalle Kund")
        self.assertEqual(order.contact_email, "kalle@verkstad.example")
        self.assertEqual(order.contact_phone, "+46701112233")
        self.assertEqual(order.company_id, self.company)
        self.assertEqual(order.status_id, self.status_new)
        self.assertFalse(order.user_id, "no responsible without alias defaults")
        self.assertTrue(order.name.startswith("CO"))
        self.assertEqual(self.env["res.partner"].search_count([]), partners)
        # the email is the first note: from outside, by the alias' owner
        note = order.note_ids
        self.assertEqual(len(note), 1)
        self.assertIn("Kompressorn läcker olja", note.body)
        self.assertIn("kalle@verkstad.example", note.body)
        self.assertIn("offert.pdf", note.body)
        self.assertEqual(note.author_id, self.alias.create_uid)
        self.assertEqual(note.date, datetime(2030, 6, 3, 8, 15))
        # its file is a document of the order, in the chatter's message
        self.assertEqual(order.attachment_count, 1)
        message = order.message_ids.filtered(lambda m: m.message_type == "email")
        self.assertEqual(message.author_id, self.contact)
        self.assertEqual(message.attachment_ids.name, "offert.pdf")
        self.assertEqual(message.attachment_ids.res_model, "contact.order")
        self.assertIn(self.contact, order.message_partner_ids)

    def test_alias_defaults_give_responsible_and_status(self):
        status = self.env["contact.order.status"].create({"name": "By email"})
        self.alias.alias_defaults = repr(
            {"user_id": self.colleague.id, "status_id": status.id}
        )
        order = self._receive("Kalle Kund <kalle@verkstad.example>")
        self.assertEqual(order.user_id, self.colleague)
        self.assertEqual(order.status_id, status)
        self.assertIn(order, self._orders(self.colleague))

    def test_unknown_sender_becomes_a_new_customer(self):
        order = self._receive("Nina Ny <Nina@Nyfirma.example>", attachment="")
        customer = order.partner_id
        self.assertEqual(customer.name, "Nina Ny")
        self.assertEqual(customer.email, "nina@nyfirma.example")
        self.assertFalse(customer.is_company)
        self.assertEqual(customer.customer_rank, 1)
        self.assertEqual(order.contact_email, "nina@nyfirma.example")
        self.assertNotIn("Attachments", order.note_ids.body)
        self.assertEqual(order.attachment_count, 0)
        message = order.message_ids.filtered(lambda m: m.message_type == "email")
        self.assertEqual(message.author_id, customer)
        # the customer has no way into Odoo
        self.assertFalse(customer.user_ids)

    def test_sender_without_name_is_named_by_address(self):
        order = self._receive("nina@nyfirma.example", subject="")
        self.assertEqual(order.partner_id.name, "nina@nyfirma.example")
        self.assertEqual(order.subject, "Email from nina@nyfirma.example")

    def test_order_and_note_in_the_companys_language(self):
        """The gateway runs in OdooBot's language: a Swedish company's order
        and note are in Swedish all the same."""
        self.env["res.lang"]._activate_lang("sv_SE")
        self.env["ir.module.module"]._load_module_terms(
            ["contact_order"], ["sv_SE"], overwrite=True
        )
        self.company.partner_id.lang = "sv_SE"
        order = self._receive("nina@nyfirma.example", subject="")
        self.assertEqual(order.subject, "E-post från nina@nyfirma.example")
        self.assertIn("E-post från", order.note_ids.body)
        self.assertIn("Bilagor: offert.pdf", order.note_ids.body)

    def test_empty_subject_and_reply_prefixes(self):
        order = self._receive("Kalle Kund <kalle@verkstad.example>", subject="")
        self.assertEqual(order.subject, "Email from Kalle Kund")
        order = self._receive(
            "Kalle Kund <kalle@verkstad.example>", subject="VB: Fwd: Re:  Offert"
        )
        self.assertEqual(order.subject, "Offert")

    def test_new_person_at_known_company_by_domain(self):
        order = self._receive("Olle Ny <olle@verkstad.example>")
        self.assertEqual(order.partner_id, self.customer)
        contact = order.contact_partner_id
        self.assertEqual(contact.name, "Olle Ny")
        self.assertEqual(contact.parent_id, self.customer)
        self.assertEqual(contact.email, "olle@verkstad.example")

    def test_public_mail_provider_is_no_company_domain(self):
        self.customer.email = "verkstad@gmail.com"
        order = self._receive("Olle Ny <olle@gmail.com>")
        self.assertNotEqual(order.partner_id, self.customer)
        self.assertEqual(order.partner_id.name, "Olle Ny")

    def test_sender_matching_several_customers(self):
        other = self.env["res.partner"].create(
            {"name": "Kalle Privat", "email": "KALLE@verkstad.example"}
        )
        order = self._receive("Kalle Kund <kalle@verkstad.example>")
        # the oldest, and the order says which others share the address
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(order.contact_partner_id, self.contact)
        log = order.message_ids.filtered(lambda m: "also belongs to" in (m.body or ""))
        self.assertIn(other.name, log.body)

    def test_no_sender_makes_no_order(self):
        self.assertFalse(self._receive_no_order(""))

    def test_no_sender_without_alias_is_refused(self):
        # the gateway's fallback (message_process with a model, no alias)
        with self.assertRaisesRegex(ValidationError, "No customer in this email"):
            self.env["contact.order"].message_new(
                {"email_from": "", "subject": "Hej", "body": "<p>Hej</p>"}
            )

    def test_bounce_makes_no_order(self):
        returned = self._receive_no_order(
            "MAILER-DAEMON <mailer-daemon@verkstad.example>",
            subject="Undelivered Mail Returned to Sender",
            template=BOUNCE,
        )
        self.assertFalse(returned, "nothing answers a bounce")

    def test_automatic_replies_make_no_order(self):
        for header in (
            "Auto-Submitted: auto-replied",
            "X-Auto-Response-Suppress: All",
            "Precedence: bulk",
            "X-Autoreply: yes",
        ):
            with self.subTest(header=header):
                returned = self._receive_no_order(
                    "Kalle Kund <kalle@verkstad.example>",
                    subject="Out of office",
                    extra=f"{header}\n",
                )
                self.assertFalse(returned, "no answer to a machine")
        # "Auto-Submitted: no" is a person's email
        self.assertTrue(
            self._receive(
                "Kalle Kund <kalle@verkstad.example>", extra="Auto-Submitted: no\n"
            )
        )

    def test_only_known_senders_when_the_alias_says_so(self):
        self.alias.alias_contact = "partners"
        returned = self._receive_no_order("Nina Ny <nina@nyfirma.example>")
        self.assertEqual(len(returned), 1, "the stranger is told")
        self.assertTrue(self._receive("Kalle Kund <kalle@verkstad.example>"))

    def test_company_of_the_alias_defaults_and_of_the_recipient_domain(self):
        self.alias.alias_defaults = repr({"company_id": self.company_2.id})
        order = self._receive("Nina Ny <nina@nyfirma.example>")
        self.assertEqual(order.company_id, self.company_2)
        self.assertEqual(order.name, "CO00001")
        # an alias on the second company's domain, without defaults
        self.alias.alias_defaults = "{}"
        self.alias.alias_domain_id = self.mail_alias_domain_c2
        order = self._receive(
            "Nina Ny <nina@nyfirma.example>", to=self.alias.alias_full_name
        )
        self.assertEqual(order.company_id, self.company_2)
        # the customer of the first order, not of another company
        self.assertFalse(order.partner_id.company_id)

    def test_colleague_forwarding_a_customer_email(self):
        order = self._receive(
            "Sara Säljare <sara@mycompany.example>",
            subject="Fwd: Service av kompressorn",
            body=FORWARD,
        )
        self.assertEqual(order.subject, "Service av kompressorn")
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(order.contact_partner_id, self.contact)
        # a colleague who creates orders owns the one they sent
        self.assertEqual(order.user_id, self.user)
        self.assertEqual(order.note_ids.author_id, self.user)
        self.assertIn("Forwarded message", order.note_ids.body)
        self.assertIn(order, self._orders(self.user))

    def test_colleague_with_the_alias_in_bcc(self):
        order = self._receive(
            "Sara Säljare <sara@mycompany.example>",
            to="Kalle Kund <kalle@verkstad.example>",
            extra=f"Delivered-To: {self.alias_email}\n",
            subject="Offert på service",
        )
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(order.contact_partner_id, self.contact)

    def test_colleague_email_without_customer_is_returned(self):
        returned = self._receive_no_order(
            "Sara Säljare <sara@mycompany.example>",
            body="Ring Kalle",
            return_path="sara@mycompany.example",
        )
        self.assertEqual(len(returned), 1)
        self.assertIn("names no customer", returned.body_html)
        self.assertEqual(returned.email_to, "sara@mycompany.example")

    def test_colleague_without_create_right_gets_no_order_of_their_own(self):
        viewer = new_test_user(
            self.env,
            login="co_viewer",
            groups="base.group_user,contact_order.group_edit",
            email="vera@mycompany.example",
        )
        order = self._receive(
            "Vera <vera@mycompany.example>", subject="Fwd: Offert", body=FORWARD
        )
        self.assertFalse(order.user_id)
        self.assertEqual(order.note_ids.author_id, viewer)
        self.assertNotIn(order, self._orders(viewer))

    def test_a_colleagues_email_names_its_sender(self):
        """An email's From is what the sender wrote: the note of a colleague's
        email shows the address it came from, as for outside senders."""
        order = self._receive(
            "Sara Säljare <sara@mycompany.example>",
            subject="Fwd: Service av kompressorn",
            body=FORWARD,
        )
        self.assertIn('<em>Email from "Sara Säljare" &lt;sara@', order.note_ids.body)

    def test_a_company_mailbox_does_not_rewrite_the_contact(self):
        """Kalle writing from the company's shared address is Kalle, and his
        own address stays his: an email changes no contact."""
        self.customer.email = "info@verkstad.example"
        order = self._receive("Kalle Kund <info@verkstad.example>")
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(order.contact_partner_id, self.contact)
        self.assertEqual(self.contact.email, "kalle@verkstad.example")
        # from an address of the domain that nobody has yet
        order = self._receive("Kalle Kund <kalle.privat@verkstad.example>")
        self.assertEqual(order.contact_partner_id, self.contact)
        self.assertEqual(self.contact.email, "kalle@verkstad.example")

    def test_an_invoice_address_is_no_contact_person(self):
        invoice = self.env["res.partner"].create(
            {
                "name": "Fakturor",
                "parent_id": self.customer.id,
                "type": "invoice",
                "email": "faktura@verkstad.example",
            }
        )
        order = self._receive("Fakturor <faktura@verkstad.example>")
        self.assertEqual(order.partner_id, self.customer)
        self.assertNotEqual(order.contact_partner_id, invoice)


class OrderMailCase(ContactOrderMailCase):
    """An order of the salesperson with the customer's contact person."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls._create_order(
            user_id=cls.user.id, contact_partner_id=cls.contact.id
        )


@tagged("post_install", "-at_install")
class TestMailGatewayExistingOrder(OrderMailCase):
    def _emails_of(self, order):
        return order.message_ids.filtered(lambda m: m.message_type == "email")

    def test_subject_carries_the_number(self):
        self.assertEqual(
            self.order._message_compute_subject(),
            f"[{self.order.name}] Sales question",
        )

    def test_reply_by_number_from_the_customer(self):
        orders = self.env["contact.order"].search_count([])
        landed = self._receive(
            "Kalle Kund <kalle@verkstad.example>",
            subject=f"Re: [{self.order.name}] Sales question",
        )
        self.assertEqual(landed, self.order)
        self.assertEqual(self.env["contact.order"].search_count([]), orders)
        self.assertEqual(len(self._emails_of(self.order)), 1)
        self.assertFalse(self.order.note_ids, "an outside email is not a note")
        self.assertEqual(self.order.attachment_count, 1)

    def test_reply_by_number_from_a_colleague_is_a_note(self):
        self._receive(
            "Sara Säljare <sara@mycompany.example>",
            subject=f"[{self.order.name}] Called the customer",
            body="Kalle wants the service in June.",
        )
        self.assertEqual(self.order.note_ids.author_id, self.user)
        self.assertIn("service in June", self.order.note_ids.body)

    def test_number_of_an_order_the_sender_has_nothing_to_do_with(self):
        landed = self._receive(
            "Nina Ny <nina@nyfirma.example>",
            subject=f"[{self.order.name}] Hello",
        )
        self.assertNotEqual(landed, self.order)
        self.assertFalse(self._emails_of(self.order))
        self.assertEqual(landed.partner_id.name, "Nina Ny")

    def test_number_of_an_order_the_colleague_cannot_see(self):
        outsider = new_test_user(
            self.env,
            login="co_outsider",
            groups=USER_GROUPS,
            email="otto@mycompany.example",
        )
        with self.mock_mail_gateway():
            self._receive(
                "Otto <otto@mycompany.example>",
                subject=f"[{self.order.name}] Let me in",
                body="Nothing to see",
            )
        self.assertFalse(self._emails_of(self.order))
        self.assertFalse(self.order.note_ids)
        self.assertTrue(outsider)

    def test_number_is_looked_up_in_the_company_of_the_alias(self):
        other = self.env["contact.order"].create(
            {
                "subject": "Other company",
                "partner_id": self.customer.id,
                "company_id": self.company_2.id,
                "user_id": False,
            }
        )
        # each company numbers its own orders: the same number in both
        other.name = self.order.name
        subject = f"Re: [{self.order.name}] Question"
        landed = self._receive("Kalle Kund <kalle@verkstad.example>", subject=subject)
        self.assertEqual(landed, self.order)
        self.alias.alias_defaults = repr({"company_id": self.company_2.id})
        landed = self._receive("Kalle Kund <kalle@verkstad.example>", subject=subject)
        self.assertEqual(landed, other)

    def test_reply_to_a_notification_lands_on_the_order(self):
        with self.mock_mail_gateway():
            self.order.message_post(
                body="Här är offerten.",
                partner_ids=self.contact.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        mail = self._find_mail_mail_wpartners(self.contact, None)
        self.assertIn(f"[{self.order.name}]", mail.subject)
        landed = self._reply_to(
            mail,
            "Kalle Kund <kalle@verkstad.example>",
            subject="Re: something else entirely",
        )
        self.assertEqual(landed, self.order)
        self.assertEqual(len(self._emails_of(self.order)), 1)
        # a colleague's reply is a note as well
        self._reply_to(mail, "Sara Säljare <sara@mycompany.example>", attachment="")
        self.assertEqual(self.order.note_ids.author_id, self.user)

    def test_reply_of_a_colleague_without_edit_is_no_note(self):
        new_test_user(
            self.env,
            login="co_viewer",
            groups="base.group_user,contact_order.group_view",
            email="vera@mycompany.example",
        )
        self._receive(
            "Vera <vera@mycompany.example>", subject=f"[{self.order.name}] Update"
        )
        self.assertEqual(len(self._emails_of(self.order)), 1)
        self.assertFalse(self.order.note_ids)


@tagged("post_install", "-at_install")
class TestMailAliasSettings(ContactOrderMailCase):
    def test_alias_set_in_settings(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.contact_order_alias_prefix, "contact-orders")
        self.assertEqual(settings.contact_order_alias_domain_id, self.mail_alias_domain)
        self.assertEqual(settings.contact_order_alias_contact, "everyone")
        settings.contact_order_alias_prefix = "kontakt"
        settings.contact_order_alias_contact = "partners"
        settings.execute()
        self.assertEqual(self.alias.alias_full_name, "kontakt@test.mycompany.com")
        self.assertEqual(self.alias.alias_contact, "partners")
        order = self._receive(
            "Kalle Kund <kalle@verkstad.example>", to="kontakt@test.mycompany.com"
        )
        self.assertEqual(order.partner_id, self.customer)

    def test_alias_without_domain_takes_the_company_one(self):
        self.alias.alias_domain_id = False
        self.company.alias_domain_id = self.mail_alias_domain
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.contact_order_alias_domain_id, self.mail_alias_domain)
        settings.execute()
        self.assertEqual(self.alias.alias_domain_id, self.mail_alias_domain)

    def test_deleted_alias_is_made_again(self):
        self.alias.unlink()
        settings = self.env["res.config.settings"].create(
            {
                "contact_order_alias_prefix": "co",
                "contact_order_alias_domain_id": self.mail_alias_domain.id,
            }
        )
        settings.execute()
        alias = self.env.ref(ALIAS_XMLID)
        self.assertEqual(alias.alias_full_name, "co@test.mycompany.com")
        self.assertEqual(alias.alias_model_id.model, "contact.order")


@tagged("post_install", "-at_install")
class TestSaveAsNote(OrderMailCase):
    def _colleague_message(self, body):
        """A note the colleague posted in the order's chatter."""
        return (
            self.order.with_user(self.colleague)
            .sudo()
            .message_post(
                body=body,
                author_id=self.colleague.partner_id.id,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
        )

    def _wizard(self, message, user=None):
        env = self.env(user=user or self.user)
        return Form(
            env["contact.order.note.from.message"].with_context(
                default_message_id=message.id
            ),
            view="contact_order.contact_order_note_from_message_view_form",
        )

    @freeze_time("2030-06-03 12:00:00")
    def test_customer_email_saved_as_note_with_hours(self):
        self._receive(
            "Kalle Kund <kalle@verkstad.example>",
            subject=f"Re: [{self.order.name}] Sales question",
        )
        message = self.order.message_ids.filtered(lambda m: m.message_type == "email")
        wizard = self._wizard(message)
        self.assertIn("läcker olja", wizard.body)
        wizard.hours = 0.5
        wizard.save().action_save()
        note = self.order.note_ids
        self.assertIn("läcker olja", note.body)
        self.assertIn("kalle@verkstad.example", note.body, "the sender is named")
        self.assertEqual(note.hours, 0.5)
        self.assertEqual(note.date, datetime(2030, 6, 3, 8, 15))
        self.assertEqual(note.author_id, self.user, "the customer is no user")
        self.assertEqual(self.order.total_hours, 0.5)

    def test_colleague_message_keeps_its_author(self):
        message = self._colleague_message("Kunden vill ha offert i juni.")
        self._wizard(message).save().action_save()
        note = self.order.note_ids
        self.assertEqual(note.author_id, self.colleague)
        self.assertEqual(note.date, message.create_date, "when it was posted")
        self.assertNotIn("Email from", note.body)

    def test_posted_author_and_date_are_not_taken_from_the_message(self):
        """Anyone may name another author and date on their own message: the
        note is by who posted it, when they posted it."""
        message = self.order.with_user(self.user).message_post(
            body="Chefen godkände detta.",
            message_type="comment",
            author_id=self.manager.partner_id.id,
            date="2020-01-01 10:00:00",
        )
        self.assertEqual(message.author_id, self.manager.partner_id)
        self._wizard(message).save().action_save()
        note = self.order.note_ids
        self.assertEqual(note.author_id, self.user)
        self.assertEqual(note.date, message.create_date)

    @freeze_time("2030-06-01 12:00:00")
    def test_an_emails_date_in_the_future_is_not_the_notes(self):
        """The email says 3 June; it is saved on 1 June: the note is not
        dated in the future (at the top of the log for days)."""
        self._receive(
            "Kalle Kund <kalle@verkstad.example>",
            subject=f"Re: [{self.order.name}] Sales question",
        )
        message = self.order.message_ids.filtered(lambda m: m.message_type == "email")
        self._wizard(message).save().action_save()
        self.assertEqual(self.order.note_ids.date, datetime(2030, 6, 1, 12, 0))

    def test_hours_go_on_own_notes_only(self):
        """A colleague's message saved as their note takes none of the saving
        user's time: it would count in the colleague's Time report."""
        message = self._colleague_message("Kunden vill ha offert i juni.")
        wizard = self._wizard(message)
        wizard.hours = 2
        with self.assertRaisesRegex(UserError, "only the time you spent"):
            wizard.save().action_save()
        self.assertFalse(self.order.note_ids)

    def test_message_of_an_order_the_user_cannot_read(self):
        hidden = self._create_order(user_id=self.manager.id)
        message = hidden.message_post(body="Hemligt", message_type="comment")
        with self.assertRaises(AccessError):
            hidden.with_user(self.user).check_access("read")
        with self.assertRaises(AccessError):
            self.env["contact.order.note.from.message"].with_user(self.user).create(
                {"message_id": message.id}
            )

    def test_without_edit_right(self):
        viewer = new_test_user(
            self.env,
            login="co_viewer",
            groups="base.group_user,contact_order.group_view",
        )
        message = self.order.message_post(body="Text", message_type="comment")
        with self.assertRaises(AccessError):
            self.order.with_user(viewer)._save_message_as_note(
                message.with_user(viewer)
            )
        with self.assertRaises(AccessError):
            self._wizard(message, user=viewer).save()
        self.assertFalse(self.order.note_ids)

    def test_only_messages_of_the_order(self):
        partner_message = self.customer.message_post(
            body="Intern info", message_type="comment"
        )
        with self.assertRaisesRegex(UserError, "Only messages of contact orders"):
            self._wizard(partner_message, user=self.manager).save()
        with self.assertRaisesRegex(UserError, "Only a message of contact order"):
            self.order._save_message_as_note(partner_message)
        other = self._create_order(user_id=self.user.id)
        other_message = other.message_post(body="Other", message_type="comment")
        with self.assertRaisesRegex(UserError, "Only a message of contact order"):
            self.order.with_user(self.user)._save_message_as_note(other_message)
        self.assertFalse(self.order.note_ids | other.note_ids)

    def test_message_without_text(self):
        self.order.message_subscribe(partner_ids=self.user.partner_id.ids)
        self.order.write({"subject": "Changed"})
        tracking = self.order.message_ids.filtered(
            lambda m: m.message_type == "notification"
        )
        self.assertTrue(tracking)
        with self.assertRaisesRegex(UserError, "no text"):
            self.order.with_user(self.user)._save_message_as_note(tracking[0])


@tagged("post_install", "-at_install")
class TestSaveAsNoteTour(HttpCase):
    def test_save_customer_email_as_note(self):
        user = new_test_user(
            self.env, login="tour_noter", groups=USER_GROUPS, name="Nora Noter"
        )
        customer = self.env["res.partner"].create(
            {"name": "Tour Kund AB", "email": "tour@kund.example"}
        )
        order = self.env["contact.order"].create(
            {"subject": "Läckage", "partner_id": customer.id, "user_id": user.id}
        )
        order.message_post(
            body="Kompressorn läcker olja, kan ni komma förbi?",
            author_id=customer.id,
            message_type="email",
            subtype_xmlid="mail.mt_comment",
        )
        self.start_tour(
            f"/odoo/contact-orders/{order.id}",
            "contact_order_save_message_as_note",
            login=user.login,
        )
        note = order.note_ids
        self.assertEqual(len(note), 1)
        self.assertEqual(note.hours, 0.5)
        self.assertEqual(note.author_id, user)
        self.assertIn("läcker olja", note.body)
