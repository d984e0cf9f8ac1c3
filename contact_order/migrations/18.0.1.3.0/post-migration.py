# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Orders made before 18.0.1.3.0 name their contact person in text only.
Link it to the customer's contact where that is certain: exactly one contact
of the customer has that name, and the order's email and phone, where set,
are that contact's. The order's text stays as it was (no write through the
ORM: nothing is recomputed, tracked or written to the contact). Other orders
keep their text; typing the name again links or creates the contact."""

from odoo import SUPERUSER_ID, api
from odoo.tools import email_normalize


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        SELECT o.id, MIN(contact.id)
          FROM contact_order o
          JOIN res_partner customer ON customer.id = o.partner_id
          JOIN res_partner contact
            ON contact.commercial_partner_id = customer.commercial_partner_id
           AND NOT COALESCE(contact.is_company, false)
           AND contact.type = 'contact'
           AND contact.active
           AND lower(trim(contact.name)) = lower(trim(o.contact_name))
           AND (contact.company_id IS NULL OR contact.company_id = o.company_id)
         WHERE o.contact_partner_id IS NULL
           AND COALESCE(trim(o.contact_name), '') != ''
         GROUP BY o.id
        HAVING COUNT(contact.id) = 1
        """
    )
    rows = cr.fetchall()
    env = api.Environment(cr, SUPERUSER_ID, {})
    orders = env["contact.order"].browse(order_id for order_id, __ in rows)
    orders.fetch(["contact_email", "contact_phone", "country_id", "company_id"])
    by_contact = {}
    for order, (__, contact_id) in zip(orders, rows, strict=True):
        contact = env["res.partner"].browse(contact_id)
        email = order.contact_email
        if email and email_normalize(email) != email_normalize(contact.email or ""):
            continue
        if order.contact_phone and order.contact_phone not in order._contact_numbers(
            contact
        ):
            continue
        by_contact.setdefault(contact_id, []).append(order.id)
    for contact_id, order_ids in by_contact.items():
        cr.execute(
            "UPDATE contact_order SET contact_partner_id = %s WHERE id IN %s",
            (contact_id, tuple(order_ids)),
        )
