# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.exceptions import AccessError

CONTACT_ORDER_MODELS = ("contact.order", "contact.order.note", "contact.order.booking")


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def unlink(self):
        """Core lets whoever may edit a record delete its files: on contact
        orders that takes the right 'Delete uploaded files' as well."""
        if not self.env.su and not self.env.user.has_group(
            "contact_order.group_delete_files"
        ):
            # sudo: only the link of the files is read, to decide on the right
            if any(att.res_model in CONTACT_ORDER_MODELS for att in self.sudo()):
                raise AccessError(
                    self.env._(
                        "You need the contact order right 'Delete uploaded files' "
                        "to delete files of a contact order."
                    )
                )
        return super().unlink()
