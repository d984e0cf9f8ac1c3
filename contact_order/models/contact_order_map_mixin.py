# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from urllib.parse import quote_plus

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

OSM_URL = "https://www.openstreetmap.org"
# markers of one map: more would not help anyone find a place
MAP_LIMIT = 2000


class ContactOrderMapMixin(models.AbstractModel):
    """Where a contact order takes place, on OpenStreetMap: the coordinates
    of its facility, else of its customer, else a search for its address
    (for a model with ``facility_id``, ``partner_id`` and an address)."""

    _name = "contact.order.map.mixin"
    _description = "Contact Order Map"

    map_url = fields.Char(compute="_compute_map_urls")
    map_embed_url = fields.Char(compute="_compute_map_urls")
    map_preview = fields.Html(compute="_compute_map_urls", sanitize=False)

    @api.depends(
        "facility_id.partner_latitude",
        "facility_id.partner_longitude",
        "partner_id.partner_latitude",
        "partner_id.partner_longitude",
        "street",
        "zip",
        "city",
        "country_id",
    )
    def _compute_map_urls(self):
        for order in self:
            coordinates = order._map_coordinates()
            if coordinates:
                lat, lon = coordinates
                order.map_url = f"{OSM_URL}/?mlat={lat}&mlon={lon}#map=16/{lat}/{lon}"
                delta = 0.005
                order.map_embed_url = (
                    f"{OSM_URL}/export/embed.html?bbox={lon - delta},{lat - delta},"
                    f"{lon + delta},{lat + delta}&layer=mapnik&marker={lat},{lon}"
                )
                # only numbers go into the markup: no user input is rendered
                order.map_preview = (
                    Markup(
                        '<iframe class="w-100 border-0" height="350" src="%s"></iframe>'
                    )
                    % order.map_embed_url
                )
                continue
            order.map_embed_url = order.map_preview = False
            address = order._map_address()
            order.map_url = (
                f"{OSM_URL}/search?query={quote_plus(address)}" if address else False
            )

    def action_show_on_map(self):
        self.ensure_one()
        if not self.map_url:
            raise UserError(
                self.env._(
                    "Contact order %s has no address to show on a map: fill in the "
                    "address of its facility or customer.",
                    self.name,
                )
            )
        return {"type": "ir.actions.act_url", "url": self.map_url, "target": "new"}

    @api.model
    def get_map_data(self, domain=None, limit=MAP_LIMIT):
        """The open orders of ``domain`` the user can read that have a place
        (the coordinates of their facility, else of their customer).

        :param limit: at most MAP_LIMIT, whatever the caller asks (it is an
            RPC method: no caller loads every order in one call)
        :return: a list of dicts: id, display_name, partner, status, color,
            latitude, longitude
        """
        limit = min(limit, MAP_LIMIT) if limit and limit > 0 else MAP_LIMIT
        # orders with a place only, so that those without take no marker
        # of the limit (the coordinates are checked again below)
        located = ["|", ("partner_latitude", "!=", 0), ("partner_longitude", "!=", 0)]
        placed = expression.OR(
            [(place, "any", located)] for place in ("facility_id", "partner_id")
        )
        orders = self.search(
            expression.AND([domain or [], [("state", "!=", "done")], placed]),
            limit=limit,
        )
        markers = []
        for order in orders:
            coordinates = order._map_coordinates()
            if not coordinates:
                continue
            markers.append(
                {
                    "id": order.id,
                    "display_name": order.display_name,
                    "partner": order.partner_id.display_name,
                    "status": order.status_id.display_name or "",
                    "color": order.status_id.color or 0,
                    "latitude": coordinates[0],
                    "longitude": coordinates[1],
                }
            )
        return markers

    def _map_coordinates(self):
        """Coordinates of the facility, else of the customer."""
        self.ensure_one()
        for place in (self.facility_id, self.partner_id):
            if place.partner_latitude or place.partner_longitude:
                return place.partner_latitude, place.partner_longitude
        return None

    def _map_address(self):
        self.ensure_one()
        parts = (self.street, self.zip, self.city, self.country_id.name)
        return ", ".join(part for part in parts if part)
