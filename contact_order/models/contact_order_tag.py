# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from random import randint

from odoo import fields, models


class ContactOrderTag(models.Model):
    """Coloured labels of orders, from a list the administrator keeps."""

    _name = "contact.order.tag"
    _description = "Contact Order Tag"
    _order = "name, id"

    def _default_color(self):
        return randint(1, 11)

    name = fields.Char(required=True, translate=True)
    color = fields.Integer(default=_default_color)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_uniq", "unique (name)", "A tag with this name already exists."),
    ]
