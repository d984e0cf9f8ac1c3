# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .contact_facility import NEARBY_DISTANCE_PARAM
from .contact_order_booking import (
    CHANNELS_PARAM,
    DEFAULT_DURATION,
    DEFAULT_LEAD_MINUTES,
    DURATION_PARAM,
    LEAD_PARAM,
    MAX_DURATION,
    REMINDER_CHANNELS,
    is_valid_duration,
)
from .contact_order_mail import ALIAS_XMLID


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    contact_order_nearby_distance_km = fields.Float(
        string="Nearby Distance (km)",
        compute="_compute_contact_order_nearby_distance_km",
        inverse="_inverse_contact_order_nearby_distance_km",
        help="A facility lists the open orders at this distance or closer; "
        "0 lists only the orders at the facility itself.",
    )
    contact_order_list_order = fields.Selection(
        [("date", "Scheduled date"), ("serial", "Serial number")],
        string="Default Order of Contact Orders",
        default="date",
        config_parameter="contact_order.list_order",
        help="Completed contact orders always come last in the list.",
    )
    contact_order_default_booking_duration = fields.Float(
        string="Default Booking Duration",
        default=DEFAULT_DURATION,
        config_parameter=DURATION_PARAM,
    )
    contact_order_reminder_lead_minutes = fields.Integer(
        string="Remind Before (minutes)",
        default=DEFAULT_LEAD_MINUTES,
        config_parameter=LEAD_PARAM,
    )
    contact_order_booking_invitations = fields.Boolean(
        string="Calendar Invitations for Bookings",
        config_parameter="contact_order.booking_invitations",
        help="Also send the calendar's invitation and change emails to the "
        "assignee of a booking. Without it, the assignee hears of a booking "
        "once, through the to-do's assignment notice (in Odoo or by email, as "
        "they chose in their preferences).",
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
    contact_order_alias_prefix = fields.Char(
        string="Contact Order Alias",
        help="Emails to this address become contact orders.",
    )
    contact_order_alias_domain_id = fields.Many2one("mail.alias.domain")
    contact_order_alias_contact = fields.Selection(
        [("everyone", "Everyone"), ("partners", "Known Contacts Only")],
        string="Accept Emails From",
        default="everyone",
        help="Who may make contact orders by email: anyone, or only senders "
        "who are in Contacts.",
    )

    @api.depends("company_id")
    def _compute_contact_order_reminder_channels(self):
        channels, __ = self.env["contact.order.booking"]._reminder_settings()
        for settings in self:
            for channel in REMINDER_CHANNELS:
                settings[f"contact_order_reminder_{channel}"] = channel in channels

    def _inverse_contact_order_reminder_channels(self):
        for settings in self:
            channels = [
                channel
                for channel in REMINDER_CHANNELS
                if settings[f"contact_order_reminder_{channel}"]
            ]
            # an empty value would delete the parameter, i.e. restore the default
            self.env["ir.config_parameter"].sudo().set_param(
                CHANNELS_PARAM, ",".join(channels) or "none"
            )

    @api.depends("company_id")
    def _compute_contact_order_nearby_distance_km(self):
        distance = self.env["contact.facility"]._nearby_distance_km()
        for settings in self:
            settings.contact_order_nearby_distance_km = distance

    def _inverse_contact_order_nearby_distance_km(self):
        self._check_contact_order_nearby_distance_km()  # before it is stored
        for settings in self:
            # not as a config_parameter field: Settings store 0 as no value,
            # which deletes the parameter, i.e. restores the default
            self.env["ir.config_parameter"].sudo().set_param(
                NEARBY_DISTANCE_PARAM, repr(settings.contact_order_nearby_distance_km)
            )

    @api.constrains("contact_order_nearby_distance_km")
    def _check_contact_order_nearby_distance_km(self):
        for settings in self:
            if settings.contact_order_nearby_distance_km < 0:
                raise ValidationError(
                    self.env._(
                        "The distance of nearby open orders cannot be negative: "
                        "enter 0 to list only the orders at the facility itself."
                    )
                )

    @api.constrains("contact_order_reminder_lead_minutes")
    def _check_contact_order_reminder_lead_minutes(self):
        for settings in self:
            if settings.contact_order_reminder_lead_minutes < 0:
                raise ValidationError(
                    self.env._("Reminders cannot be sent after the booking starts.")
                )

    @api.constrains("contact_order_default_booking_duration")
    def _check_contact_order_default_booking_duration(self):
        for settings in self:
            if not is_valid_duration(settings.contact_order_default_booking_duration):
                raise ValidationError(
                    self.env._(
                        "The default duration of a booking must be more than zero "
                        "and at most %s hours.",
                        MAX_DURATION,
                    )
                )

    @api.model
    def get_values(self):
        values = super().get_values()
        alias = self.env.ref(ALIAS_XMLID, raise_if_not_found=False)
        if alias:
            values.update(
                contact_order_alias_prefix=alias.alias_name,
                # an alias made before the company's domain was set up
                contact_order_alias_domain_id=(
                    alias.alias_domain_id or self.env.company.alias_domain_id
                ).id,
                contact_order_alias_contact="partners"
                if alias.alias_contact == "partners"
                else "everyone",
            )
        return values

    def set_values(self):
        """The alias of contact orders, made again if it was deleted (as
        hr_expense keeps its own)."""
        result = super().set_values()
        alias = self.env.ref(ALIAS_XMLID, raise_if_not_found=False)
        vals = {
            "alias_name": self.contact_order_alias_prefix,
            "alias_domain_id": self.contact_order_alias_domain_id.id,
            "alias_contact": self.contact_order_alias_contact or "everyone",
        }
        if alias:
            current = (alias.alias_name, alias.alias_domain_id.id, alias.alias_contact)
            if current != tuple(vals.values()):
                alias.sudo().write(vals)
        elif self.contact_order_alias_prefix:
            alias = (
                self.env["mail.alias"]
                .sudo()
                .create(
                    dict(
                        vals,
                        alias_model_id=self.env["ir.model"]._get_id("contact.order"),
                    )
                )
            )
            module, name = ALIAS_XMLID.split(".")
            self.env["ir.model.data"].sudo().create(
                {
                    "module": module,
                    "name": name,
                    "model": "mail.alias",
                    "res_id": alias.id,
                    "noupdate": True,
                }
            )
        return result
