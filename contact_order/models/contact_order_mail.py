# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import email_normalize, formataddr


class ContactOrder(models.Model):
    """The order in the chatter and by SMS: the contact person is its
    recipient, its phone is the order's phone (the order is a
    ``mail.thread.phone``, see contact_order.py: phone search, SMS and the
    phone blacklist), and its emails' subjects carry its number."""

    _inherit = "contact.order"

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
        try:
            contact = self.contact_partner_id
            if contact:
                self._message_add_suggested_recipient(
                    recipients, partner=contact, reason=self.env._("Contact Person")
                )
            elif self.contact_email:
                self._message_add_suggested_recipient(
                    recipients,
                    email=formataddr((self.contact_name or "", self.contact_email)),
                    reason=self.env._("Contact Person"),
                )
            elif self.partner_id:
                self._message_add_suggested_recipient(
                    recipients, partner=self.partner_id, reason=self.env._("Customer")
                )
        except AccessError:
            # without read access to the customer: no suggestion
            pass
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
