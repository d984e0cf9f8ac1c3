# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    contact_order_id = fields.Many2one(
        "contact.order",
        index="btree_not_null",
        copy=False,
        check_company=True,
        ondelete="set null",
        help="The contact with the customer that led to this quotation.",
    )

    def action_view_contact_order(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "contact.order",
            "res_id": self.contact_order_id.id,
            "views": [(False, "form")],
        }
