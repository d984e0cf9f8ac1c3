# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    contact_order_list_order = fields.Selection(
        [("date", "Scheduled date"), ("serial", "Serial number")],
        string="Default Order of Contact Orders",
        default="date",
        config_parameter="contact_order.list_order",
        help="Completed contact orders always come last in the list.",
    )
    contact_order_default_booking_duration = fields.Float(
        string="Default Booking Duration",
        default=0.5,
        config_parameter="contact_order.default_booking_duration",
    )
