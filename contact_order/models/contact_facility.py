# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import math

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from .contact_order_count_mixin import CONTACT_ORDER_READERS

NEARBY_DISTANCE_PARAM = "contact_order.nearby_distance_km"
DEFAULT_NEARBY_DISTANCE_KM = 10
NEARBY_LIMIT = 80
EARTH_RADIUS_KM = 6371


class ContactFacility(models.Model):
    """A customer's site or plant: the facility register."""

    _name = "contact.facility"
    _description = "Facility"
    _inherit = [
        "mail.thread",
        "contact.order.count.mixin",
        "contact.order.geo.mixin",
    ]
    _order = "name, id"
    _check_company_auto = True
    _contact_order_owner_field = "partner_id"

    name = fields.Char(required=True, tracking=True, index="trigram")
    active = fields.Boolean(default=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        tracking=True,
        index=True,
        check_company=True,
        help="The customer that owns or runs the facility.",
    )
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, index=True
    )
    street = fields.Char()
    street2 = fields.Char()
    zip = fields.Char()
    city = fields.Char()
    state_id = fields.Many2one(
        "res.country.state",
        domain="[('country_id', '=?', country_id)]",
    )
    country_id = fields.Many2one("res.country")
    partner_latitude = fields.Float(string="Latitude", digits=(10, 7))
    partner_longitude = fields.Float(string="Longitude", digits=(10, 7))
    date_localization = fields.Date(
        string="Geolocation Date",
        readonly=True,
        help="When the coordinates were found. A changed address clears them, "
        "and a scheduled action looks the new address up within a few minutes.",
    )
    equipment_ids = fields.One2many(
        "maintenance.equipment", "facility_id", string="Service Objects"
    )
    equipment_count = fields.Integer(compute="_compute_equipment_count")
    contact_order_ids = fields.One2many(
        "contact.order", "facility_id", groups=CONTACT_ORDER_READERS
    )
    note = fields.Html()
    nearby_order_ids = fields.Many2many(
        "contact.order",
        string="Nearby Open Orders",
        groups=CONTACT_ORDER_READERS,
        compute="_compute_nearby_order_ids",
        help="Open orders at this facility, or at a place within the distance "
        "set in Settings.",
    )

    @api.constrains("partner_latitude", "partner_longitude")
    def _check_coordinates(self):
        for facility in self:
            if (
                abs(facility.partner_latitude) > 90
                or abs(facility.partner_longitude) > 180
            ):
                raise ValidationError(
                    self.env._(
                        "The latitude of %s must be between -90 and 90 degrees, "
                        "and its longitude between -180 and 180.",
                        facility.display_name,
                    )
                )

    @api.depends("equipment_ids")
    def _compute_equipment_count(self):
        counts = dict(
            self.env["maintenance.equipment"]._read_group(
                [("facility_id", "in", self.ids)], ["facility_id"], ["__count"]
            )
        )
        for facility in self:
            facility.equipment_count = counts.get(facility, 0)

    @api.depends("partner_latitude", "partner_longitude")
    @api.depends_context("uid", "allowed_company_ids")
    def _compute_nearby_order_ids(self):
        distance = self._nearby_distance_km()
        for facility in self:
            facility.nearby_order_ids = (
                facility._nearby_orders(distance)
                if facility.id
                else self.env["contact.order"]
            )

    def _nearby_distance_km(self):
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param(NEARBY_DISTANCE_PARAM, DEFAULT_NEARBY_DISTANCE_KM)
        )
        try:
            return float(value)
        except ValueError:
            return float(DEFAULT_NEARBY_DISTANCE_KM)

    def _nearby_orders(self, distance_km, limit=NEARBY_LIMIT):
        """The open orders the user may read at this facility, then those
        whose place (their facility, else their customer) is within
        ``distance_km`` of it, nearest first (great-circle distance).

        One query on ``contact.order._search``: the user's rules and
        companies, the distance, the order and the limit all apply in it."""
        self.ensure_one()
        Order = self.env["contact.order"]
        query = Order._search([("state", "!=", "done")])
        own = SQL(
            "%s = %s", Order._field_to_sql(query.table, "facility_id", query), self.id
        )
        default_order = Order._order_to_sql(Order._default_list_order(), query)
        lat0, lon0 = self.partner_latitude, self.partner_longitude
        if not (lat0 or lon0) or distance_km <= 0:
            query.add_where(own)
            query.order = default_order
        else:
            lat, lon = self._nearby_place_sql(query)
            distance = SQL(
                "%(radius)s * 2 * ASIN(LEAST(1.0, SQRT("
                "POWER(SIN(RADIANS(%(lat)s - %(lat0)s) / 2), 2)"
                " + COS(RADIANS(%(lat0)s)) * COS(RADIANS(%(lat)s))"
                " * POWER(SIN(RADIANS(%(lon)s - %(lon0)s) / 2), 2)"
                ")))",
                radius=EARTH_RADIUS_KM,
                lat=lat,
                lon=lon,
                lat0=lat0,
                lon0=lon0,
            )
            near = [SQL("%s <= %s", distance, distance_km)]
            # a cheap box around the circle first (none across a pole or
            # the antimeridian)
            angle = distance_km / EARTH_RADIUS_KM
            dlat = math.degrees(angle)
            near.insert(0, SQL("%s BETWEEN %s AND %s", lat, lat0 - dlat, lat0 + dlat))
            if angle < math.pi / 2 and abs(lat0) + dlat < 90:
                dlon = math.degrees(
                    math.asin(math.sin(angle) / math.cos(math.radians(lat0)))
                )
                if -180 <= lon0 - dlon and lon0 + dlon <= 180:
                    near.insert(
                        1, SQL("%s BETWEEN %s AND %s", lon, lon0 - dlon, lon0 + dlon)
                    )
            query.add_where(SQL("(%s OR (%s))", own, SQL(" AND ").join(near)))
            query.order = SQL(
                "CASE WHEN %s THEN 0 ELSE 1 END, %s, %s", own, distance, default_order
            )
        query.limit = limit
        return Order.browse(query.get_result_ids())

    def _nearby_place_sql(self, query):
        """Latitude and longitude of an order's place in ``query`` on
        contact.order: its facility's coordinates, else its customer's."""
        facility = query.left_join(
            query.table, "facility_id", "contact_facility", "id", "nearby_facility"
        )
        partner = query.left_join(
            query.table, "partner_id", "res_partner", "id", "nearby_partner"
        )
        Facility, Partner = self.env["contact.facility"], self.env["res.partner"]
        f_lat = Facility._field_to_sql(facility, "partner_latitude", query)
        f_lon = Facility._field_to_sql(facility, "partner_longitude", query)
        located = SQL("(%s != 0 OR %s != 0)", f_lat, f_lon)
        return (
            SQL(
                "CASE WHEN %s THEN %s ELSE %s END",
                located,
                f_lat,
                Partner._field_to_sql(partner, "partner_latitude", query),
            ),
            SQL(
                "CASE WHEN %s THEN %s ELSE %s END",
                located,
                f_lon,
                Partner._field_to_sql(partner, "partner_longitude", query),
            ),
        )

    @api.model_create_multi
    def create(self, vals_list):
        vals_list = [self._geo_without_queue_flag(vals) for vals in vals_list]
        facilities = super().create(vals_list)
        if self._geo_on_save():
            to_locate = facilities.filtered(
                lambda f: (
                    not (f.partner_latitude or f.partner_longitude)
                    and (f.street or f.zip or f.city)
                )
            )
            if to_locate:
                to_locate.sudo().contact_order_geo_queued = True
                self._geo_wake_cron()
        return facilities

    def write(self, vals):
        vals = self._geo_without_queue_flag(vals)
        moved = self._geo_address_changed(vals)
        queue = moved and self._geo_on_save()
        if moved:
            # coordinates of the old address would put it in the wrong place
            vals = dict(
                vals,
                partner_latitude=0.0,
                partner_longitude=0.0,
                date_localization=False,
            )
        result = super().write(vals)
        if queue:
            self.sudo().contact_order_geo_queued = True
            self._geo_wake_cron()
        return result

    def action_geo_localize(self):
        """The button: coordinates from the address at once, or why not.
        Only for who may edit the facility, checked before the geocoder is
        called."""
        self.check_access("write")
        not_found = self.browse()
        for facility in self:
            result = facility._geo_lookup()
            facility._geo_store(result)
            if not result:
                not_found |= facility
        if not_found:
            raise UserError(
                self.env._(
                    "No place was found at the address of %s: check the street, "
                    "zip and city.",
                    ", ".join(not_found.mapped("display_name")),
                )
            )
        return True

    def _contact_order_defaults(self):
        return dict(
            super()._contact_order_defaults(), default_partner_id=self.partner_id.id
        )

    def _get_delivery_partner(self):
        """The customer's delivery address at this facility, made the first
        time it is needed (a quotation wants a contact, not a facility)."""
        if not self or not (self.street or self.city) or not self.partner_id:
            return self.env["res.partner"]
        self.ensure_one()
        customer = self.partner_id.commercial_partner_id
        address = {
            "street": self.street,
            "street2": self.street2,
            "zip": self.zip,
            "city": self.city,
            "state_id": self.state_id.id,
            "country_id": self.country_id.id,
        }
        delivery = self.env["res.partner"].search(
            [
                ("parent_id", "=", customer.id),
                ("type", "=", "delivery"),
                ("name", "=", self.name),
            ]
            + [(fname, "=", value or False) for fname, value in address.items()],
            limit=1,
        )
        # sudo: a copy of the facility's address, whoever may quote may make it
        return delivery or self.env["res.partner"].sudo().create(
            dict(address, parent_id=customer.id, type="delivery", name=self.name)
        ).sudo(False)
