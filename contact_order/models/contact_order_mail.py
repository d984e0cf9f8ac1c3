# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
import re
from urllib.parse import urlsplit

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import (
    email_normalize,
    email_split,
    formataddr,
    html2plaintext,
    is_html_empty,
    parse_contact_from_email,
)
from odoo.tools.mail import email_split_tuples

from odoo.addons.iap.tools import iap_tools

_logger = logging.getLogger(__name__)

ALIAS_XMLID = "contact_order.mail_alias_contact_order"
# "[CO00012]" in a subject: the number of the order an email is about
ORDER_NUMBER_RE = re.compile(r"\[([^\[\]\s]{1,32})\]")
# "Re:", "Fwd:", and the Swedish "SV:", "VB:" before a subject
SUBJECT_PREFIX_RE = re.compile(r"^(?:\s*(?:re|fwd?|sv|vb|aw|wg|tr)\s*:)+\s*", re.I)
# the line of a forwarded email's header that names its sender
FORWARDED_FROM_RE = re.compile(r"^[\s>*]*(?:from|från|fra|von|de)[\s*]*:(.*)$", re.I)
EMAIL_RE = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
# Precedence values of automatic emails (RFC 3834 asks not to answer them)
AUTOMATIC_PRECEDENCE = {"auto_reply", "bulk", "junk", "list"}
# the message types that carry what someone wrote
WRITTEN_MESSAGE_TYPES = ("email", "comment", "email_outgoing")


def is_automatic_email(message):
    """Whether an email was sent by a machine (an out-of-office reply, an
    auto-responder, a mailing list): RFC 3834's Auto-Submitted, Microsoft's
    X-Auto-Response-Suppress, Precedence and the common X-Autoreply headers.
    Core routes bounces away already (mail.thread._routing_handle_bounce)."""
    auto_submitted = (message.get("Auto-Submitted") or "").strip().lower()
    if auto_submitted and auto_submitted != "no":
        return True
    suppress = (message.get("X-Auto-Response-Suppress") or "").strip().lower()
    if suppress and suppress != "none":
        return True
    precedence = (message.get("Precedence") or "").strip().lower()
    return precedence in AUTOMATIC_PRECEDENCE or any(
        message.get(header) for header in ("X-Autoreply", "X-Autorespond")
    )


class ContactOrder(models.Model):
    """Contact orders by email: the alias (``data/mail_alias_data.xml``, its
    name in Settings) makes an order of an email, with the email as its first
    note; an email about an order (a reply to one of its emails, or
    ``[CO00012]`` in its subject) lands on it. The gateway runs as superuser:
    what an email brings is its subject, text, files and addresses, never
    rights; who may write to the alias is its ``alias_contact``. The order is a
    ``mail.thread.phone`` (see contact_order.py): phone search, SMS and the
    phone blacklist work on the contact person's phone."""

    # one concern per file, as the order's model is being split
    _inherit = "contact.order"  # pylint: disable=consider-merging-classes-inherited
    # the searchable form of the contact person's phone
    _system_fields = ("phone_sanitized",)

    phone_sanitized = fields.Char(index="btree_not_null")

    @api.model
    def _phone_get_number_fields(self):
        return ["contact_phone"]

    @api.model
    def _mail_get_partner_fields(self, introspect_fields=False):
        # the contact person first: SMS and default recipients reach them
        return [
            "contact_partner_id",
            *super()._mail_get_partner_fields(introspect_fields=introspect_fields),
        ]

    def _message_compute_subject(self):
        # replies whose headers were lost still find the order by its number
        self.ensure_one()
        return f"[{self.name}] {self.subject}"

    def _message_get_suggested_recipients(self):
        recipients = super()._message_get_suggested_recipients()
        contact, customer = self.contact_partner_id, self.partner_id
        # a partner the user may not read is not suggested
        if contact and contact.has_access("read"):
            self._message_add_suggested_recipient(
                recipients, partner=contact, reason=self.env._("Contact Person")
            )
        elif not contact and self.contact_email:
            self._message_add_suggested_recipient(
                recipients,
                email=formataddr((self.contact_name or "", self.contact_email)),
                reason=self.env._("Contact Person"),
            )
        elif not contact and customer and customer.has_access("read"):
            self._message_add_suggested_recipient(
                recipients, partner=customer, reason=self.env._("Customer")
            )
        return recipients

    def _get_customer_information(self):
        """A contact person known only by email, picked in the chatter,
        becomes a contact of the customer."""
        information = super()._get_customer_information()
        for order in self.filtered(lambda order: not order.contact_partner_id):
            email = email_normalize(order.contact_email or "")
            if email:
                information.setdefault(email, {}).update(
                    order._prepare_contact_person_vals(order.contact_name or email)
                )
        return information

    @api.model
    def _detect_loop_sender_domain(self, email_from_normalized):
        return [("contact_email", "=ilike", email_from_normalized)]

    @api.model
    def _routing_check_route(self, message, message_dict, route, raise_exception=True):
        """An email to the alias about an existing order (its number in the
        subject) goes to that order; one sent by a machine, or without anyone
        to make the customer, makes no order."""
        model, thread_id, custom_values, user_id, alias = route
        if model == self._name and not thread_id:
            if is_automatic_email(message):
                _logger.info(
                    "Routing mail with Message-Id %s: automatic email, no contact "
                    "order",
                    message_dict.get("message_id"),
                )
                return ()
            order = self._mail_order_from_subject(message_dict, custom_values)
            if order:
                route = (model, order.id, custom_values, user_id, alias)
            elif not self._mail_customer_address(message_dict)[1]:
                self._mail_refuse_without_customer(message, message_dict, alias)
                return ()
        return super()._routing_check_route(
            message, message_dict, route, raise_exception=raise_exception
        )

    @api.model
    @api.private
    def message_new(self, msg_dict, custom_values=None):
        """A new order from an email: its subject, the customer found from
        the sender (or, from a colleague, from the email they forwarded or
        wrote to the customer), the email as first note; the alias' defaults
        (responsible, company...) win. Only the mail gateway calls it: over
        RPC, anyone could claim any sender (``@api.private``)."""
        values = dict(custom_values or {})
        company = self._mail_company(msg_dict, values)
        # what the order and its note say, in the company's language (the
        # gateway runs in OdooBot's)
        self = self.with_company(company).with_context(  # pylint: disable=self-cls-assignment
            lang=company.partner_id.lang or self.env.lang
        )
        name, email = self._mail_customer_address(msg_dict)
        if not email:
            raise ValidationError(
                self.env._(
                    "No customer in this email: it has no sender's address, or "
                    "it is a colleague's email that names no customer."
                )
            )
        colleague = self._mail_internal_user(msg_dict.get("email_from"))
        customer_vals, others = self._mail_customer_vals(name, email, company)
        vals = {
            "subject": self._mail_subject(msg_dict, name or email),
            "company_id": company.id,
            # a colleague who creates orders owns the one they sent
            "user_id": colleague.id
            if colleague
            and colleague.has_group("contact_order.group_create")
            and company in colleague.company_ids
            else False,
            **customer_vals,
            **values,
        }
        # mail.thread's message_new would make the subject the number
        # (_rec_name): the order is made here
        order = self.create(vals)
        order._mail_log_note(msg_dict, colleague or self._mail_alias_owner(msg_dict))
        if others:
            order._message_log(
                body=self.env._(
                    "The sender's address also belongs to %(others)s: check that "
                    "%(customer)s is the right customer.",
                    others=", ".join(others.mapped("display_name")),
                    customer=order.partner_id.display_name,
                )
            )
        if not msg_dict.get("author_id") and not colleague:
            author = order.contact_partner_id or order.partner_id
            if email_normalize(author.email or "") == email:
                msg_dict["author_id"] = author.id
        return order

    @api.private
    def message_update(self, msg_dict, update_vals=None):
        """A colleague's email about an order is also a note on it, when they
        may edit it. Only the mail gateway, which runs as superuser, logs
        notes here: a sender named by anyone else proves nothing."""
        result = super().message_update(msg_dict, update_vals=update_vals)
        colleague = self.env.su and self._mail_internal_user(msg_dict.get("email_from"))
        for order in self if colleague else ():
            try:
                order.with_user(colleague)._assert_edit_right()
            except AccessError:
                continue
            order.with_context(
                lang=order.company_id.partner_id.lang or self.env.lang
            )._mail_log_note(msg_dict, colleague)
        return result

    def _save_message_as_note(self, message, hours=0.0):
        """Save a message of the order's chatter as a note of its log, by its
        author (a colleague; else the user saving it, with the sender named)
        at its time."""
        self.ensure_one()
        self._assert_edit_right(
            self.env._(
                "You need the contact order right 'Edit' to save a message as a note."
            )
        )
        message.check_access("read")
        if message.model != self._name or message.res_id != self.id:
            raise UserError(
                self.env._(
                    "Only a message of contact order %s can be saved as its note.",
                    self.name,
                )
            )
        if message.message_type not in WRITTEN_MESSAGE_TYPES or is_html_empty(
            message.body
        ):
            raise UserError(self.env._("This message has no text to save as a note."))
        sender = message.sudo().author_id
        poster = message.sudo().create_uid
        # an email's Date: is the sender's word: never in the future
        date = min(message.date, fields.Datetime.now())
        if not poster._is_superuser():
            # posted by a user, not received by the mail gateway: anyone may
            # name another author or date on their own message, so the note
            # is by who posted it, when they posted it
            sender, date = poster.partner_id, message.create_date
        author = sender.user_ids.filtered(lambda user: not user.share)[:1]
        header = False
        if not author or poster._is_superuser():
            # received by email: the sender is named, as on the gateway's notes
            header = message.email_from or sender.email_formatted
        author = author or self.env.user
        if hours and author != self.env.user:
            raise UserError(
                self.env._(
                    "This message is by %(author)s: its note is theirs, and only "
                    "the time you spent goes on your own notes. Save it without "
                    "hours, or log your time in a note of your own.",
                    author=author.name,
                )
            )
        return self._mail_create_note(
            self._mail_note_body(message.body, header), author, date, hours
        )

    # the gateway's helpers

    @api.model
    def _mail_internal_user(self, email):
        """The internal user who has the address ``email``, if any."""
        normalized = email_normalize(email or "")
        if not normalized:
            return self.env["res.users"]
        return (
            self.env["res.users"]
            .sudo()
            .search(
                [("email_normalized", "=", normalized), ("share", "=", False)],
                order="id",
                limit=1,
            )
        )

    @api.model
    def _mail_aliases(self, msg_dict):
        """The aliases of contact orders the email was sent to."""
        recipients = {
            email_normalize(address)
            for field in ("recipients", "to", "cc")
            for address in email_split(msg_dict.get(field) or "")
        }
        return (
            self.env["mail.alias"]
            .sudo()
            .search(
                [
                    ("alias_model_id.model", "=", self._name),
                    ("alias_full_name", "in", [r for r in recipients if r]),
                ],
                order="id",
            )
        )

    @api.model
    def _mail_company(self, msg_dict, values):
        """The company of an order made from an email: the alias' defaults,
        else the one company whose alias domain received it, else the
        gateway's."""
        if values.get("company_id"):
            return self.env["res.company"].browse(values["company_id"])
        companies = self._mail_aliases(msg_dict).alias_domain_id.company_ids
        return companies if len(companies) == 1 else self.env.company

    @api.model
    def _mail_alias_owner(self, msg_dict):
        """Who made the alias (OdooBot for the module's own): the author of
        the notes of emails from outside."""
        alias = self._mail_aliases(msg_dict)[:1] or self.env.ref(
            ALIAS_XMLID, raise_if_not_found=False
        )
        return alias.sudo().create_uid or self.env.ref("base.user_root")

    @api.model
    def _mail_address_is_ours(self, email):
        """Whether ``email`` is one of Odoo's: an alias, a catchall or bounce
        address, or a colleague's."""
        domains = self.env["mail.alias.domain"].sudo().search([])
        return (
            email in domains.mapped("catchall_email") + domains.mapped("bounce_email")
            or bool(
                self.env["mail.alias"]
                .sudo()
                .search_count([("alias_full_name", "=", email)], limit=1)
            )
            or bool(self._mail_internal_user(email))
        )

    @api.model
    def _mail_customer_address(self, msg_dict):
        """(name, normalized email) of the customer an email is about: its
        sender, or, when a colleague sent it, the sender of the email they
        forwarded, else the first outside recipient (the alias in Bcc)."""
        name, email = parse_contact_from_email(msg_dict.get("email_from") or "")
        email = email_normalize(email or "")
        if not email:
            return "", ""
        if not self._mail_internal_user(email):
            return name, email
        candidates = self._mail_forwarded_senders(msg_dict.get("body")) + [
            (name, email_normalize(address))
            for field in ("to", "cc")
            for name, address in email_split_tuples(msg_dict.get(field) or "")
        ]
        for name, email in candidates:
            if email and not self._mail_address_is_ours(email):
                return name, email
        return "", ""

    @api.model
    def _mail_forwarded_senders(self, body):
        """(name, normalized email) of the senders named in the headers of
        the emails forwarded in ``body``, first one first."""
        senders = []
        text = html2plaintext(body or "") if body else ""
        for line in text.splitlines():
            found = FORWARDED_FROM_RE.match(line)
            address = found and EMAIL_RE.search(found.group(1))
            if address:
                name = found.group(1)[: address.start()].strip(" *\"'<[(\t")
                senders.append((name, email_normalize(address.group(0))))
        return senders

    @api.model
    def _mail_customer_vals(self, name, email, company):
        """The order's customer and contact person for the address ``email``:
        the customer it belongs to (the oldest, if several: they are
        returned too), else the one company using its domain, else a new
        customer with the sender's name."""
        Partner = self.env["res.partner"]

        def in_company(partners):
            return partners.filtered(
                lambda partner: not partner.company_id or partner.company_id == company
            )

        known = in_company(
            Partner.search([("email_normalized", "=", email)], order="id")
        )
        if not known:
            domain = iap_tools.mail_prepare_for_domain_search(email)
            if domain and domain.startswith("@"):
                known = in_company(self._mail_partners_of_domain(domain[1:]))
                if known:
                    # a new colleague at a known customer
                    customers = known.commercial_partner_id
                    vals = {"partner_id": customers[0].id}
                    vals.update(self._mail_person_vals(vals, name or email, email))
                    return vals, customers[1:]
            return {"partner_name": name or email, "contact_email": email}, Partner
        customers = known.commercial_partner_id
        customer = customers[0]
        vals = {"partner_id": customer.id}
        person = known.filtered(
            lambda partner: (
                partner.commercial_partner_id == customer
                and not partner.is_company
                and partner.type == "contact"
            )
        )[:1]
        if person:
            vals["contact_partner_id"] = person.id
        elif name and name.casefold() != customer.name.casefold():
            vals.update(self._mail_person_vals(vals, name, email))
        else:
            vals["contact_email"] = email
        return vals, customers[1:]

    @api.model
    def _mail_person_vals(self, vals, name, email):
        """The contact person of an email signed ``name`` from ``email``: the
        customer's contact of that name as it is (an email proves no one's
        address: the gateway changes no contact), else a new one."""
        person = self.new(vals)._find_contact_person(name)
        if person:
            return {"contact_partner_id": person.id}
        return {"contact_name": name, "contact_email": email}

    @api.model
    def _mail_partners_of_domain(self, domain):
        """Companies whose address or website, or whose contacts' addresses,
        are at ``domain``, the oldest first."""
        partners = self.env["res.partner"].search(
            [
                "|",
                ("email_normalized", "=like", f"%@{domain}"),
                "&",
                ("is_company", "=", True),
                ("website", "ilike", domain),
            ],
            order="id",
        )
        partners = partners.filtered(
            lambda partner: (
                (partner.email_normalized or "").endswith(f"@{domain}")
                or (urlsplit(partner.website or "").hostname or partner.website or "")
                .removeprefix("www.")
                .lower()
                == domain
            )
        )
        return partners.commercial_partner_id.filtered("is_company")

    @api.model
    def _mail_subject(self, msg_dict, sender):
        subject = SUBJECT_PREFIX_RE.sub("", msg_dict.get("subject") or "").strip()
        return subject or self.env._("Email from %s", sender)

    @api.model
    def _mail_order_from_subject(self, msg_dict, values):
        """The order whose number is in the subject, in the company the
        email is for, when the sender has to do with it: a colleague who may
        read it, its customer's people or its followers."""
        numbers = ORDER_NUMBER_RE.findall(msg_dict.get("subject") or "")
        email = email_normalize(msg_dict.get("email_from") or "")
        if not numbers or not email:
            return self.browse()
        company = self._mail_company(msg_dict, values)
        orders = self.sudo().search(
            [("name", "in", numbers), ("company_id", "=", company.id)], order="id"
        )
        reaches = self._mail_sender_check(email)
        return next((order for order in orders if reaches(order)), self.browse())

    @api.model
    def _mail_sender_check(self, email):
        """Whether the sender ``email`` has to do with an order, as a
        function of the order: a colleague who may read it, else its
        customer's people or its followers (their addresses looked up
        once)."""
        colleague = self._mail_internal_user(email)
        if colleague:
            return lambda order: order.with_user(colleague).has_access("read")
        senders = (
            self.env["res.partner"].sudo().search([("email_normalized", "=", email)])
        )
        return lambda order: bool(
            senders.commercial_partner_id & order.partner_id.commercial_partner_id
            or senders & order.message_partner_ids
        )

    @api.model
    def _mail_refuse_without_customer(self, message, message_dict, alias):
        """A colleague's email that names no customer makes no order: tell
        them how to send one."""
        email_from = message_dict.get("email_from")
        _logger.info(
            "Routing mail with Message-Id %s: no customer address, no contact order",
            message_dict.get("message_id"),
        )
        if not email_normalize(email_from or ""):
            return
        body = Markup("<p>%s</p>") % self.env._(
            "Your email to %(alias)s made no contact order: it names no customer. "
            "Forward the customer's email to %(alias)s, or send your email to the "
            "customer with %(alias)s in Bcc.",
            alias=alias.display_name if alias else self.env._("the contact orders"),
        )
        self._routing_create_bounce_email(
            email_from, body, message, references=message_dict.get("message_id")
        )

    def _mail_log_note(self, msg_dict, author):
        """The email as a note of the order, by ``author`` at its time. The
        note names the sender's address, also when it is the author's: an
        email's sender is what it says, not who logged in, so the log shows
        it was received, not written in Odoo."""
        self.ensure_one()
        header = msg_dict.get("email_from")
        files = [attachment[0] for attachment in msg_dict.get("attachments") or []]
        date = (
            fields.Datetime.to_datetime(msg_dict.get("date")) or fields.Datetime.now()
        )
        return self._mail_create_note(
            self._mail_note_body(msg_dict.get("body"), header, files),
            author,
            min(date, fields.Datetime.now()),
        )

    def _mail_note_body(self, body, sender=False, files=()):
        parts = []
        if sender:
            parts.append(
                Markup("<p><em>%s</em></p>") % self.env._("Email from %s", sender)
            )
        if not is_html_empty(body):
            # the note's field sanitizes it
            parts.append(Markup(body))
        if files:
            parts.append(
                Markup("<p><em>%s</em></p>")
                % self.env._("Attachments: %s", ", ".join(files))
            )
        return Markup().join(parts) or Markup("<p>%s</p>") % self.env._("(empty email)")

    def _mail_create_note(self, body, author, date, hours=0.0):
        """A note by ``author`` at ``date``: set as superuser (users' notes
        are theirs and now), for this order only, after its callers' checks."""
        self.ensure_one()
        return (
            self.env["contact.order.note"]
            .sudo()
            .create(
                {
                    "order_id": self.id,
                    "body": body,
                    "author_id": author.id,
                    "date": date,
                    "hours": hours,
                }
            )
        )
