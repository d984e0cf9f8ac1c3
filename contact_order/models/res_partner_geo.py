# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class ResPartner(models.Model):
    """Customers of contact orders get coordinates from their address when
    it is saved (base_geolocalize resets them when the address changes)."""

    _name = "res.partner"
    _inherit = ["res.partner", "contact.order.geo.mixin"]

    def write(self, vals):
        moved = self._geo_address_changed(vals)
        result = super().write(vals)
        if moved and self._geo_on_save():
            # sudo: only to know which of them are customers of an order
            groups = (
                self.env["contact.order"]
                .sudo()
                ._read_group([("partner_id", "in", self.ids)], ["partner_id"])
            )
            customers = self.browse([partner.id for (partner,) in groups])
            customers._geo_localize_addresses()
        return result
