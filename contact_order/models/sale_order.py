# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


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

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        # who links a quotation to an order, and so may make it won, may edit
        # that order (checked on the result: context defaults count too)
        orders.contact_order_id._assert_edit_right()
        orders.contact_order_id._update_won_state()
        return orders

    def write(self, vals):
        linked = self.contact_order_id
        if "contact_order_id" in vals:
            # linking or unlinking changes whether the order is won: both
            # orders are the caller's to edit
            (
                linked | self.env["contact.order"].browse(vals["contact_order_id"])
            )._assert_edit_right()
        result = super().write(vals)
        if "state" in vals or "contact_order_id" in vals:
            (linked | self.contact_order_id)._update_won_state()
        return result

    def action_view_contact_order(self):
        self.ensure_one()
        return self.contact_order_id.get_formview_action()
