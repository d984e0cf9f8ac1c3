# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.exceptions import AccessError

CONTACT_ORDER_MODELS = ("contact.order", "contact.order.note", "contact.order.booking")
# writing these takes a file away from its record or its content away
REPLACING_FIELDS = {
    "res_model",
    "res_id",
    "res_field",
    "raw",
    "datas",
    "db_datas",
    "store_fname",
    "url",
    "type",
}


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def write(self, vals):
        """Moving a file off a contact order removes it from the order, and
        replacing its content (or hiding it as a field's file) loses it: the
        same right as deleting it."""
        if not self.env.su and REPLACING_FIELDS & vals.keys():
            if {"res_model", "res_id"} >= (REPLACING_FIELDS & vals.keys()):
                changed = self.sudo().filtered(
                    lambda att: (
                        vals.get("res_model", att.res_model) != att.res_model
                        or vals.get("res_id", att.res_id) != att.res_id
                    )
                )
            else:
                changed = self.sudo()
            changed.sudo(False)._assert_contact_order_file_deletion()
        return super().write(vals)

    def unlink(self):
        """Core lets whoever may edit a record delete its files: on contact
        orders that takes the right 'Delete uploaded files' as well. The
        chatter's routes that delete as superuser call the same check (see
        ``contact.order._message_update_content``)."""
        if not self.env.su:
            self._assert_contact_order_file_deletion()
        return super().unlink()

    def _assert_contact_order_file_deletion(self):
        """Refuse to delete files of contact orders without the right."""
        if self.env.user.has_group("contact_order.group_delete_files"):
            return
        # sudo: only the link of the files is read, to decide on the right
        if any(att.res_model in CONTACT_ORDER_MODELS for att in self.sudo()):
            raise AccessError(
                self.env._(
                    "You need the contact order right 'Delete uploaded files' "
                    "to delete files of a contact order."
                )
            )
