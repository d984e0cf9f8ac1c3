# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError


class ContactOrderCustomerMixin(models.AbstractModel):
    """The customer of a contact order as typed on it: the contact details,
    the phone in international format, and a customer that is not in
    Contacts yet, created from them when the order is saved, after a warning
    about existing customers that look the same (see res.partner)."""

    _name = "contact.order.customer.mixin"
    _description = "Contact Order Customer"

    partner_name = fields.Char(
        string="New Customer",
        store=False,
        help="Type the name of a customer that is not in Contacts yet: it is "
        "created with the contact details of this order when you save.",
    )
    partner_match_ids = fields.Many2many(
        "res.partner",
        string="Matching Customers",
        compute="_compute_partner_match_ids",
        help="Existing customers with the same name, phone or email as the new "
        "customer.",
    )
    partner_match_choice_id = fields.Many2one(
        "res.partner",
        string="Use Customer",
        store=False,
        help="One of the matching customers, to use instead of creating a new one.",
    )

    @api.depends("partner_id", "partner_name", "contact_phone", "contact_email")
    def _compute_partner_match_ids(self):
        for order in self:
            if order.partner_id or not order.partner_name:
                order.partner_match_ids = False
                continue
            order.partner_match_ids = self.env["res.partner"]._contact_order_matches(
                order.partner_name, order.contact_phone, order.contact_email
            )

    @api.onchange("partner_match_choice_id")
    def _onchange_partner_match_choice_id(self):
        # the form's shortcut: the API sets partner_id directly
        if self.partner_match_choice_id:
            self.partner_id = self.partner_match_choice_id
            self.partner_name = False
            self.partner_match_choice_id = False

    def _prepare_customer_vals(self, vals, company):
        """Normalise the phone in ``vals`` and create the new customer typed
        there (``partner_name``), in place. On create ``self`` is empty; on
        write it is the one order whose contact details complete ``vals``."""
        self._normalize_phone_vals(vals, self._phone_country(vals, company))
        if not vals.get("partner_id") and (vals.get("partner_name") or "").strip():
            details = dict(self._contact_vals(), **vals) if self else vals
            vals["partner_id"] = self._create_partner_from_vals(details, company).id
        vals.pop("partner_name", None)

    @api.model
    def _phone_country(self, vals, company):
        partner = self.env["res.partner"].browse(vals.get("partner_id"))
        if not partner and self:
            partner = self.partner_id
        country = self.env["res.country"].browse(vals.get("country_id"))
        return partner.country_id or country or company.country_id

    @api.model
    def _normalize_phone_vals(self, vals, country):
        number = (vals.get("contact_phone") or "").strip()
        if not number:
            return
        try:
            vals["contact_phone"] = self._phone_format_number(
                number, country, force_format="E164", raise_exception=True
            )
        except UserError as error:
            raise ValidationError(
                self.env._(
                    "The phone number %(number)s is not valid: %(reason)s",
                    number=number,
                    reason=error.args[0],
                )
            ) from error

    def _contact_vals(self):
        self.ensure_one()
        return {
            fname: self[fname].id if fname == "country_id" else self[fname]
            for fname in (
                "contact_name",
                "contact_phone",
                "contact_email",
                "contact_function",
                "street",
                "zip",
                "city",
                "country_id",
            )
        }

    @api.model
    def _prepare_partner_vals(self, vals, company):
        """Values of the customer created from a new name typed on an order."""
        partner_vals = {
            "name": vals["partner_name"].strip(),
            "is_company": bool(vals.get("contact_name")),
            "phone": vals.get("contact_phone"),
            "email": vals.get("contact_email"),
            "country_id": vals.get("country_id") or company.country_id.id,
            "company_id": False,
        }
        if not vals.get("facility_id"):
            # with a facility, the address typed is the site's (see
            # _link_facility_to_customer), not the customer's
            partner_vals.update(
                street=vals.get("street"), zip=vals.get("zip"), city=vals.get("city")
            )
        if vals.get("contact_name"):
            partner_vals["child_ids"] = [
                Command.create(
                    {
                        "type": "contact",
                        "name": vals["contact_name"],
                        "function": vals.get("contact_function"),
                        "phone": vals.get("contact_phone"),
                        "email": vals.get("contact_email"),
                    }
                )
            ]
        return partner_vals

    @api.model
    def _create_partner_from_vals(self, vals, company):
        # a customer for Sales and Invoicing too (their "Customers" filters)
        partners = self.env["res.partner"].with_context(
            res_partner_search_mode="customer"
        )
        return partners.create(self._prepare_partner_vals(vals, company))
