# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from .contact_order_count_mixin import CONTACT_ORDER_READERS


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "contact.order.count.mixin"]

    contact_order_ids = fields.One2many(
        "contact.order", "partner_id", groups=CONTACT_ORDER_READERS
    )
    facility_ids = fields.One2many("contact.facility", "partner_id")

    def _contact_order_domain(self):
        """A company's card shows the orders of its contact persons too."""
        return [("partner_id", "child_of", self.ids)]

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
