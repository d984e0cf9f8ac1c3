# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from .contact_order_count_mixin import CONTACT_ORDER_READERS


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
    date_localization = fields.Date(string="Geolocation Date", readonly=True)
    equipment_ids = fields.One2many(
        "maintenance.equipment", "facility_id", string="Service Objects"
    )
    equipment_count = fields.Integer(compute="_compute_equipment_count")
    contact_order_ids = fields.One2many(
        "contact.order", "facility_id", groups=CONTACT_ORDER_READERS
    )
    note = fields.Html()

    @api.depends("equipment_ids")
    def _compute_equipment_count(self):
        counts = dict(
            self.env["maintenance.equipment"]._read_group(
                [("facility_id", "in", self.ids)], ["facility_id"], ["__count"]
            )
        )
        for facility in self:
            facility.equipment_count = counts.get(facility, 0)

    @api.model_create_multi
    def create(self, vals_list):
        facilities = super().create(vals_list)
        if self._geo_on_save():
            facilities.filtered(
                lambda f: (
                    not (f.partner_latitude or f.partner_longitude)
                    and (f.street or f.zip or f.city)
                )
            )._geo_localize_addresses()
        return facilities

    def write(self, vals):
        moved = self._geo_address_changed(vals)
        if moved:
            # coordinates of the old address would put it in the wrong place
            vals = dict(
                vals,
                partner_latitude=0.0,
                partner_longitude=0.0,
                date_localization=False,
            )
        result = super().write(vals)
        if moved and self._geo_on_save():
            self._geo_localize_addresses()
        return result

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
