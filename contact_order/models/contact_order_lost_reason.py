# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ContactOrderLostReason(models.Model):
    """Why an order ended without a sale, from a list the administrator
    keeps (as CRM's lost reasons)."""

    _name = "contact.order.lost.reason"
    _description = "Contact Order Lost Reason"
    _order = "sequence, name, id"

    name = fields.Char(string="Reason", required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
