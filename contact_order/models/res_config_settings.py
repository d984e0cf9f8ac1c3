# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

CHANNELS_PARAM = "contact_order.reminder_channels"


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
    contact_order_reminder_lead_minutes = fields.Integer(
        string="Remind Before (minutes)",
        default=60,
        config_parameter="contact_order.reminder_lead_minutes",
    )
    contact_order_reminder_inapp = fields.Boolean(
        string="Remind in Odoo",
        compute="_compute_contact_order_reminder_channels",
        inverse="_inverse_contact_order_reminder_channels",
    )
    contact_order_reminder_email = fields.Boolean(
        string="Remind by Email",
        compute="_compute_contact_order_reminder_channels",
        inverse="_inverse_contact_order_reminder_channels",
    )
    contact_order_reminder_sms = fields.Boolean(
        string="Remind by SMS",
        compute="_compute_contact_order_reminder_channels",
        inverse="_inverse_contact_order_reminder_channels",
    )

    @api.depends("company_id")
    def _compute_contact_order_reminder_channels(self):
        value = (
            self.env["ir.config_parameter"].sudo().get_param(CHANNELS_PARAM, "inapp")
        )
        channels = {channel.strip() for channel in value.split(",")}
        for settings in self:
            settings.contact_order_reminder_inapp = "inapp" in channels
            settings.contact_order_reminder_email = "email" in channels
            settings.contact_order_reminder_sms = "sms" in channels

    def _inverse_contact_order_reminder_channels(self):
        for settings in self:
            channels = [
                channel
                for channel in ("inapp", "email", "sms")
                if settings[f"contact_order_reminder_{channel}"]
            ]
            # an empty value would delete the parameter, i.e. restore the default
            self.env["ir.config_parameter"].sudo().set_param(
                CHANNELS_PARAM, ",".join(channels) or "none"
            )

    @api.constrains("contact_order_reminder_lead_minutes")
    def _check_contact_order_reminder_lead_minutes(self):
        for settings in self:
            if settings.contact_order_reminder_lead_minutes < 0:
                raise ValidationError(
                    self.env._("Reminders cannot be sent after the booking starts.")
                )
