# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models, tools
from odoo.osv import expression

from .contact_order_count_mixin import CONTACT_ORDER_READERS


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "contact.order.count.mixin"]

    contact_order_ids = fields.One2many(
        "contact.order", "partner_id", groups=CONTACT_ORDER_READERS
    )
    facility_ids = fields.One2many("contact.facility", "partner_id")

    def _compute_contact_order_count(self):
        groups = self.env["contact.order"]._read_group(
            self._contact_order_domain(), ["partner_id"], ["__count"]
        )
        counts = dict.fromkeys(self.ids, 0)
        for partner, count in groups:
            while partner:
                if partner.id in counts:
                    counts[partner.id] += count
                partner = partner.parent_id
        for partner in self:
            partner.contact_order_count = counts.get(partner.id, 0)

    def _contact_order_domain(self):
        """A company's card shows the orders of its contact persons too."""
        return [("partner_id", "child_of", self.ids)]

    @api.model
    def _contact_order_matches(self, name, phone=False, email=False):
        """Customers that look like the new one typed on a contact order:
        the same name, email or phone (the order warns before creating it)."""
        domains = [[("name", "=ilike", name.strip())]]
        email = tools.email_normalize(email) if email else False
        if email:
            domains.append([("email_normalized", "=", email)])
        if phone:
            domains.append([("id", "in", self._contact_order_with_phone(phone).ids)])
        return self.search(expression.OR(domains), limit=5)

    @api.model
    def _contact_order_with_phone(self, phone):
        """Partners whose phone or mobile is ``phone``, however either is
        written (national or international format)."""
        country = self.env.company.country_id
        number = self._phone_format_number(phone, country, force_format="E164")
        if not number:
            return self.browse()
        # the last digits find the candidates on both numbers (an index-free
        # but bounded search), their own country's format decides
        candidates = self.search(
            [("phone_mobile_search", "ilike", number[-7:])], limit=50
        )
        return candidates.filtered(
            lambda partner: (
                number
                in {
                    partner._phone_format_number(
                        value, partner.country_id or country, force_format="E164"
                    )
                    for value in (partner.phone, partner.mobile)
                    if value
                }
            )
        )
