# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from uuid import uuid4

from odoo.addons.mail.tests.common import MailCommon

from .common import ContactOrderCase

ALIAS_XMLID = "contact_order.mail_alias_contact_order"

# An email as a mail server hands it over: text, and a PDF unless the test
# leaves it out ({attachment} is empty then).
EMAIL = """\
Return-Path: {return_path}
To: {to}
Cc: {cc}
From: {email_from}
Subject: {subject}
Date: Mon, 03 Jun 2030 08:15:00 +0000
Message-ID: {msg_id}
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="=-contact-order-test"
{extra}
--=-contact-order-test
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

{body}
{attachment}--=-contact-order-test--
"""

PDF = """\
--=-contact-order-test
Content-Type: application/pdf; name="offert.pdf"
Content-Disposition: attachment; filename="offert.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQKJcOkw7zDtsOfCg==
"""

# A delivery failure report of a mail server (RFC 3464).
BOUNCE = """\
Return-Path: <>
To: {to}
From: {email_from}
Subject: {subject}
Date: Mon, 03 Jun 2030 08:20:00 +0000
Message-ID: {msg_id}
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
    boundary="=-bounce"
{extra}
--=-bounce
Content-Type: text/plain; charset=us-ascii

The message could not be delivered to kalle@verkstad.example.

--=-bounce
Content-Type: message/delivery-status

Reporting-MTA: dns; mail.verkstad.example
Final-Recipient: rfc822; kalle@verkstad.example
Action: failed
Status: 5.1.1

--=-bounce--
"""


class ContactOrderMailCase(ContactOrderCase, MailCommon):
    """The contact orders' alias on the test alias domain, and a contact
    person of the customer. Emails go through ``message_process`` as the
    mail server's fetch does (as superuser)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the gateway as in production: tracking and followers at work
        cls.env = cls.env(
            context={
                key: value
                for key, value in cls.env.context.items()
                if key != "tracking_disable"
            }
        )
        cls.alias = cls.env.ref(ALIAS_XMLID)
        cls.alias.write(
            {
                "alias_name": "contact-orders",
                "alias_domain_id": cls.mail_alias_domain.id,
            }
        )
        cls.alias_email = cls.alias.alias_full_name
        cls.contact = cls.env["res.partner"].create(
            {
                "name": "Kalle Kund",
                "parent_id": cls.customer.id,
                "email": "kalle@verkstad.example",
                "phone": "070-111 22 33",
            }
        )
        cls.user.email = "sara@mycompany.example"
        cls.colleague.email = "tore@mycompany.example"

    def _receive(
        self,
        email_from,
        subject="Service av kompressorn",
        to=None,
        body="Hej! Kompressorn läcker olja, kan ni komma förbi?",
        attachment=PDF,
        template=EMAIL,
        **kwargs,
    ):
        """Process a raw email; return the record it landed on (or False)."""
        # not from the time: tests freeze it
        msg_id = f"<{uuid4()}@verkstad.example>"
        raw = self.format(
            template,
            to=to or self.alias_email,
            subject=subject,
            email_from=email_from,
            msg_id=msg_id,
            body=body,
            attachment=attachment,
            **kwargs,
        )
        res_id = self.env["mail.thread"].sudo().message_process(None, raw)
        return self.env["contact.order"].browse(res_id or [])

    def _reply_to(self, mail, email_from, subject="Re: something", **kwargs):
        """A reply to the sent email ``mail`` through the catchall, found by
        its headers only (its subject says nothing of the order)."""
        return self._receive(
            email_from,
            to="catchall.test@test.mycompany.com",
            subject=subject,
            extra=f"In-Reply-To: {mail.message_id}\nReferences: {mail.message_id}\n",
            **kwargs,
        )
