# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class ResPartner(models.Model):
    """Customers of contact orders get coordinates from their address shortly
    after it is saved: base_geolocalize clears the coordinates when the
    address changes, and the scheduled action of contact orders looks the
    new address up (see contact.order.geo.mixin)."""

    _name = "res.partner"
    _inherit = ["res.partner", "contact.order.geo.mixin"]

    @api.model_create_multi
    def create(self, vals_list):
        vals_list = [self._geo_without_queue_flag(vals) for vals in vals_list]
        return super().create(vals_list)

    def write(self, vals):
        vals = self._geo_without_queue_flag(vals)
        moved = self._geo_address_changed(vals) and self._geo_on_save()
        result = super().write(vals)
        if moved:
            # sudo: only to know which of them are customers of an order
            groups = (
                self.env["contact.order"]
                .sudo()
                ._read_group([("partner_id", "in", self.ids)], ["partner_id"])
            )
            customers = self.browse([partner.id for (partner,) in groups])
            if customers:
                # the date of coordinates that were cleared
                customers.sudo().write(
                    {"contact_order_geo_queued": True, "date_localization": False}
                )
                self._geo_wake_cron()
        return result
