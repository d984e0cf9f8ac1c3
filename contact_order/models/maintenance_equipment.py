# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from .contact_order_count_mixin import CONTACT_ORDER_READERS


class MaintenanceEquipment(models.Model):
    """Service objects: the customer's equipment that contacts are about."""

    _name = "maintenance.equipment"
    _inherit = ["maintenance.equipment", "contact.order.count.mixin"]
    _contact_order_owner_field = "customer_id"

    facility_id = fields.Many2one(
        "contact.facility", index="btree_not_null", check_company=True, tracking=True
    )
    customer_id = fields.Many2one(
        "res.partner",
        compute="_compute_customer_id",
        store=True,
        readonly=False,
        precompute=True,
        index="btree_not_null",
        check_company=True,
        tracking=True,
    )
    contact_order_ids = fields.One2many(
        "contact.order", "equipment_id", groups=CONTACT_ORDER_READERS
    )

    @api.depends("facility_id")
    def _compute_customer_id(self):
        for equipment in self:
            equipment.customer_id = (
                equipment.facility_id.partner_id or equipment.customer_id
            )

    @api.constrains("facility_id", "customer_id")
    def _check_facility_customer(self):
        for equipment in self:
            equipment.facility_id._assert_owned_by(equipment.customer_id, equipment)

    def _contact_order_defaults(self):
        return dict(
            super()._contact_order_defaults(),
            default_facility_id=self.facility_id.id,
            default_partner_id=self.customer_id.id,
        )
