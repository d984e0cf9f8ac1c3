# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from ..models.contact_order_follow_up import COMPLETE_OUTCOMES


class ContactOrderComplete(models.TransientModel):
    """Complete an order, saying how it ended (as CRM asks why a lead was
    lost); its planned bookings are cancelled, which the dialog says."""

    _name = "contact.order.complete"
    _description = "Complete a Contact Order"

    def _default_outcome(self):
        order = self.env["contact.order"].browse(
            self.env.context.get("default_order_id")
        )
        return "won" if order.state == "won" else False

    order_id = fields.Many2one(
        "contact.order", string="Contact Order", required=True, ondelete="cascade"
    )
    outcome = fields.Selection(
        COMPLETE_OUTCOMES, required=True, default=_default_outcome
    )
    lost_reason_id = fields.Many2one(
        "contact.order.lost.reason",
        string="Reason",
    )
    planned_booking_count = fields.Integer(compute="_compute_planned_booking_count")

    @api.depends("order_id")
    def _compute_planned_booking_count(self):
        for wizard in self:
            wizard.planned_booking_count = wizard.order_id.planned_booking_count

    def action_complete(self):
        self.ensure_one()
        self.order_id._complete_with_outcome(self.outcome, self.lost_reason_id)
        return {"type": "ir.actions.act_window_close"}
