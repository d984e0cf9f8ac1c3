# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .contact_order_count_mixin import CONTACT_ORDER_READERS

NEARBY_DISTANCE_PARAM = "contact_order.nearby_distance_km"
DEFAULT_NEARBY_DISTANCE_KM = 10
NEARBY_LIMIT = 80


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
    @api.depends_context("uid")
    def _compute_nearby_order_ids(self):
        distance = self._nearby_distance_km()
        Order = self.env["contact.order"]
        for facility in self:
            if not facility.id:
                facility.nearby_order_ids = Order
                continue
            within = []
            if facility.partner_latitude or facility.partner_longitude:
                within = facility._orders_within(distance)
            # the user's own rights decide which of them they see
            facility.nearby_order_ids = Order.search(
                [
                    "|",
                    ("facility_id", "=", facility.id),
                    ("id", "in", within),
                    ("state", "!=", "done"),
                ],
                limit=NEARBY_LIMIT,
            )

    def _nearby_distance_km(self):
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param(NEARBY_DISTANCE_PARAM, DEFAULT_NEARBY_DISTANCE_KM)
        )
        try:
            return max(float(value), 0.0)
        except ValueError:
            return DEFAULT_NEARBY_DISTANCE_KM

    def _orders_within(self, distance_km):
        """Ids of the open orders whose place (facility, else customer) is
        within ``distance_km`` of this facility (great-circle distance)."""
        self.ensure_one()
        self.env["contact.order"].flush_model(["facility_id", "partner_id", "state"])
        self.env["contact.facility"].flush_model(
            ["partner_latitude", "partner_longitude"]
        )
        self.env["res.partner"].flush_model(["partner_latitude", "partner_longitude"])
        self.env.cr.execute(
            """
            SELECT id FROM (
                SELECT o.id,
                       CASE WHEN f.partner_latitude != 0 OR f.partner_longitude != 0
                            THEN f.partner_latitude ELSE p.partner_latitude END AS lat,
                       CASE WHEN f.partner_latitude != 0 OR f.partner_longitude != 0
                            THEN f.partner_longitude ELSE p.partner_longitude END AS lon
                  FROM contact_order o
             LEFT JOIN contact_facility f ON f.id = o.facility_id
             LEFT JOIN res_partner p ON p.id = o.partner_id
                 WHERE o.state != 'done'
            ) places
             WHERE (lat != 0 OR lon != 0)
               AND 6371 * 2 * ASIN(SQRT(
                     POWER(SIN(RADIANS(lat - %(lat)s) / 2), 2)
                     + COS(RADIANS(%(lat)s)) * COS(RADIANS(lat))
                     * POWER(SIN(RADIANS(lon - %(lon)s) / 2), 2)
                   )) <= %(distance)s
             LIMIT 1000
            """,
            {
                "lat": self.partner_latitude,
                "lon": self.partner_longitude,
                "distance": distance_km,
            },
        )
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model_create_multi
    def create(self, vals_list):
        facilities = super().create(vals_list)
        if self._geo_on_save():
            to_locate = facilities.filtered(
                lambda f: (
                    not (f.partner_latitude or f.partner_longitude)
                    and (f.street or f.zip or f.city)
                )
            )
            if to_locate:
                to_locate.contact_order_geo_queued = True
                self._geo_wake_cron()
        return facilities

    def write(self, vals):
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
            if queue:
                vals["contact_order_geo_queued"] = True
        result = super().write(vals)
        if queue:
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
