# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .contact_order_count_mixin import CONTACT_ORDER_READERS


class MaintenanceEquipment(models.Model):
    """Service objects: the customer's equipment that contacts are about."""

    _name = "maintenance.equipment"
    _inherit = ["maintenance.equipment", "contact.order.count.mixin"]

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
            equipment.facility_id._check_customer(equipment.customer_id, equipment)

    def _check_customer(self, customer, order):
        """Refuse to link this service object to ``order`` of a customer that
        does not own it."""
        owner = self.customer_id.commercial_partner_id
        customer = customer.commercial_partner_id
        if owner and owner != customer:
            raise ValidationError(
                self.env._(
                    "Service object %(equipment)s belongs to %(owner)s, not to "
                    "%(customer)s, the customer of %(order)s.",
                    equipment=self.display_name,
                    owner=owner.display_name,
                    customer=customer.display_name or self.env._("no customer"),
                    order=order.display_name,
                )
            )

    def _contact_order_defaults(self):
        return dict(
            super()._contact_order_defaults(),
            default_facility_id=self.facility_id.id,
            default_partner_id=self.customer_id.id,
        )
