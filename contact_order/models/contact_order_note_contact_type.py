# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ContactOrderNote(models.Model):
    """What kind of contact a note logs: Log Contact sets it (see
    contact.order.log.contact)."""

    _inherit = "contact.order.note"

    contact_type = fields.Selection(
        selection=lambda self: (
            self.env["contact.order.booking"]
            ._fields["booking_type"]
            ._description_selection(self.env)
        ),
        index="btree_not_null",
    )
