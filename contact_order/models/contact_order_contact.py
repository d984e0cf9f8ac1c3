# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError
from odoo.osv import expression

# the contact's fields that the order's contact details mirror
CONTACT_DETAILS = {
    "contact_email": "email",
    "contact_function": "function",
}
# what an order says of its contact person (the contact's, once linked)
CONTACT_PERSON_FIELDS = ("contact_name", "contact_phone", *CONTACT_DETAILS)


def _contact_detail(**kwargs):
    """A contact field of the order, filled in from its contact person."""
    return fields.Char(
        compute="_compute_contact_details",
        store=True,
        readonly=False,
        precompute=True,
        **kwargs,
    )


class ContactOrder(models.Model):
    """The contact person as a contact of the customer in Contacts.

    ``contact_name``, ``contact_phone``, ``contact_email`` and
    ``contact_function`` stay the fields imports and the API use: picking a
    contact fills them in, changing them on the order changes the contact (when
    the user may), and a name typed without a contact becomes a new contact of
    the customer on save, the way a new customer's name does. Orders whose
    contact person was only typed, before or without the right to create
    contacts, keep it as text."""

    _inherit = "contact.order"

    contact_partner_id = fields.Many2one(
        "res.partner",
        string="Contact",
        compute="_compute_contact_partner_id",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        index="btree_not_null",
        check_company=True,
        domain="[('commercial_partner_id', '=', partner_commercial_id), "
        "('is_company', '=', False), ('type', '=', 'contact')]",
        help="The contact person: one of the customer's contacts. A name typed "
        "without one becomes a new contact of the customer when you save.",
    )
    partner_commercial_id = fields.Many2one(
        related="partner_id.commercial_partner_id", string="Customer Company"
    )
    contact_name = _contact_detail()
    contact_phone = _contact_detail(inverse="_inverse_contact_details")
    contact_email = _contact_detail(inverse="_inverse_contact_details")
    contact_function = _contact_detail(inverse="_inverse_contact_details")

    @api.depends("partner_id")
    def _compute_contact_partner_id(self):
        # another customer: its contact person is not the former one's
        for order in self:
            if not order._is_customer_contact(order.contact_partner_id):
                order.contact_partner_id = False

    @api.depends("contact_partner_id")
    def _compute_contact_details(self):
        # without a contact, what was typed stays
        for order in self.filtered("contact_partner_id"):
            contact = order.contact_partner_id
            order.contact_name = contact.name
            order.contact_phone = order._contact_phone_of(contact)
            for fname, partner_fname in CONTACT_DETAILS.items():
                order[fname] = contact[partner_fname]

    def _inverse_contact_details(self):
        """Details changed on the order are the contact's newest: they go to
        the contact, when the user may change it (otherwise they stay on the
        order only, as before contacts were linked)."""
        for order in self.filtered("contact_partner_id"):
            contact = order.contact_partner_id
            updates = order._contact_updates(contact)
            if updates and contact.has_access("write"):
                contact.write(updates)

    @api.constrains("contact_partner_id", "partner_id")
    def _check_contact_partner_id(self):
        for order in self:
            if not order._is_customer_contact(order.contact_partner_id):
                raise ValidationError(
                    self.env._(
                        "%(contact)s is not a contact person of %(customer)s: pick "
                        "one of the customer's contacts or type a new name.",
                        contact=order.contact_partner_id.display_name,
                        customer=order.partner_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        typed = self.browse(
            order.id
            for order, vals in zip(orders, vals_list, strict=True)
            if vals.get("contact_name") and not vals.get("contact_partner_id")
        )
        typed._link_contact_person()
        return orders

    def write(self, vals):
        result = super().write(vals)
        if "contact_name" in vals and not vals.get("contact_partner_id"):
            self._link_contact_person()
        return result

    def _is_customer_contact(self, contact):
        """Whether ``contact`` (empty: yes) is a person of the customer: one of
        its contacts, or the customer itself when it is a person."""
        self.ensure_one()
        return not contact or (
            not contact.is_company
            and contact.commercial_partner_id == self.partner_id.commercial_partner_id
        )

    def _contact_numbers(self, contact):
        """The contact's phone and mobile as the order keeps numbers."""
        country = contact.country_id or self.country_id or self.company_id.country_id
        return [
            self._phone_format_number(number, country, force_format="E164") or number
            for number in (contact.phone, contact.mobile)
            if number
        ]

    def _contact_phone_of(self, contact):
        return next(iter(self._contact_numbers(contact)), False)

    def _contact_updates(self, contact):
        """The order's details that differ from ``contact``'s, as its values
        (an emptied detail does not empty the contact's)."""
        self.ensure_one()
        updates = {}
        if self.contact_phone and self.contact_phone not in self._contact_numbers(
            contact
        ):
            updates["phone"] = self.contact_phone
        email = self.contact_email
        if email and tools.email_normalize(email) != tools.email_normalize(
            contact.email or ""
        ):
            updates["email"] = email
        if self.contact_function and self.contact_function != contact.function:
            updates["function"] = self.contact_function
        return updates

    def _link_contact_person(self):
        """Link the contact person typed by name to the customer's contact of
        that name, else to a new contact of the customer made from the
        order's details; a name emptied unlinks the contact. Users who may not
        create contacts keep a new name as text, and orders created completed
        (imports of history) their text as it is. The customers' contacts
        are read once for all the orders, and new ones made in one go (an
        import of many orders)."""
        Partner = self.env["res.partner"]
        typed = {}
        for order in self.filtered(
            lambda order: order.state != "done" and order.partner_id
        ):
            name = (order.contact_name or "").strip()
            contact = order.contact_partner_id
            if not name:
                if contact:
                    order.contact_partner_id = False
            elif not contact or contact.name.strip().casefold() != name.casefold():
                typed[order] = name
        if not typed:
            return
        found = self.browse(order.id for order in typed)._contact_persons(
            set(typed.values())
        )
        new_contacts = {}
        for order, name in typed.items():
            contact = found.get(order._contact_person_key(name))
            if contact:
                order._link_to_contact(contact)
            elif Partner.has_access("create"):
                # the same new name on several orders is one new contact
                new_contacts.setdefault(order._contact_person_key(name), []).append(
                    order
                )
            elif order.contact_partner_id:
                order.contact_partner_id = False
        if new_contacts:
            contacts = Partner.create(
                [
                    orders[0]._prepare_contact_person_vals(typed[orders[0]])
                    for orders in new_contacts.values()
                ]
            )
            for orders, contact in zip(new_contacts.values(), contacts, strict=True):
                orders[0].contact_partner_id = contact
                for order in orders[1:]:
                    order._link_to_contact(contact)

    def _link_to_contact(self, contact):
        """Link the customer's ``contact``, what the order says of them that
        differs being their newest (linking reads the order's details from
        the contact)."""
        self.ensure_one()
        updates = self._contact_updates(contact)
        if updates and contact.has_access("write"):
            # the orders linked to it before keep the details they had
            self.flush_model(CONTACT_PERSON_FIELDS)
            contact.write(updates)
        self.contact_partner_id = contact

    def _contact_person_key(self, name):
        """Orders with the same key have the same contact of that name."""
        self.ensure_one()
        return (
            self.partner_id.commercial_partner_id.id,
            self.company_id.id,
            name.strip().casefold(),
        )

    def _contact_persons(self, names):
        """{key: the customer's oldest contact of that name} for these orders'
        customers, in a company the order may use (see _contact_person_key)."""
        contacts = self.env["res.partner"].search(
            [
                (
                    "commercial_partner_id",
                    "in",
                    self.partner_id.commercial_partner_id.ids,
                ),
                ("is_company", "=", False),
                ("type", "=", "contact"),
                *expression.OR([[("name", "=ilike", name.strip())] for name in names]),
            ],
            order="id",
        )
        wanted = {name.strip().casefold() for name in names}
        found = {}
        for contact in contacts:
            name = contact.name.strip().casefold()
            if name not in wanted:
                continue
            for company in self.company_id:
                if contact.company_id and contact.company_id != company:
                    continue
                found.setdefault(
                    (contact.commercial_partner_id.id, company.id, name), contact
                )
        return found

    def _find_contact_person(self, name):
        """The customer's contact named ``name`` for this order, if any."""
        self.ensure_one()
        return self._contact_persons({name}).get(
            self._contact_person_key(name), self.env["res.partner"]
        )

    def _prepare_contact_person_vals(self, name):
        self.ensure_one()
        return {
            "name": name,
            "parent_id": self.partner_id.commercial_partner_id.id,
            "type": "contact",
            "phone": self.contact_phone,
            "email": self.contact_email,
            "function": self.contact_function,
        }
