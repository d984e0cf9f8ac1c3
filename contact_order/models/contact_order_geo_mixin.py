# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import config

GEO_ADDRESS_FIELDS = ("street", "zip", "city", "state_id", "country_id")


class ContactOrderGeoMixin(models.AbstractModel):
    """Coordinates from an address through base_geolocalize's geocoder
    (OpenStreetMap Nominatim unless Settings choose another), for a model
    with an address and ``partner_latitude``/``partner_longitude``."""

    _name = "contact.order.geo.mixin"
    _description = "Contact Order Geocoding"

    def _geo_address_changed(self, vals):
        return any(fname in vals for fname in GEO_ADDRESS_FIELDS) and not all(
            fname in vals for fname in ("partner_latitude", "partner_longitude")
        )

    def _geo_on_save(self):
        """Whether a save looks the address up: not while modules load or
        tests and imports run (as base_geolocalize), unless asked to."""
        context = self.env.context
        if context.get("force_geo_localize"):
            return True
        if context.get("import_file") or context.get("install_mode"):
            return False
        return not any(
            config[key] for key in ("test_enable", "test_file", "init", "update")
        )

    def _geo_localize_addresses(self, raise_errors=False):
        """Look the records' addresses up and store their coordinates.
        A geocoder that cannot be reached raises a UserError with its reason
        when ``raise_errors`` (a button), else tells the user and leaves the
        coordinates empty (a save goes through).

        :return: the records whose address was not found
        """
        geocoder = self.env["res.partner"].with_context(lang="en_US")
        not_found = self.browse()
        # names of the country and state in English, as the geocoder wants
        for record in self.with_context(lang="en_US"):
            if not (record.street or record.zip or record.city):
                not_found |= record
                continue
            try:
                result = geocoder._geo_localize(
                    record.street,
                    record.zip,
                    record.city,
                    record.state_id.name,
                    record.country_id.name,
                )
            except UserError as error:
                message = self.env._(
                    "The address of %(name)s could not be located: %(error)s",
                    name=record.display_name,
                    error=error.args[0],
                )
                if raise_errors:
                    raise UserError(message) from error
                self.env.user._bus_send(
                    "simple_notification",
                    {
                        "type": "warning",
                        "title": self.env._("Geocoding"),
                        "message": message,
                    },
                )
                return not_found | record
            if result:
                record.with_env(self.env).write(
                    {
                        "partner_latitude": result[0],
                        "partner_longitude": result[1],
                        "date_localization": fields.Date.context_today(record),
                    }
                )
            else:
                not_found |= record
        return not_found.with_env(self.env)
