# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""An order's files: Documents, and who may delete them."""

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import USER_GROUPS, ContactOrderCase


@tagged("post_install", "-at_install")
class TestDocuments(ContactOrderCase):
    def _attach(self, order, user, name="offer.pdf"):
        return (
            self.env["ir.attachment"]
            .with_user(user)
            .create(
                {
                    "name": name,
                    "raw": b"data",
                    "res_model": "contact.order",
                    "res_id": order.id,
                }
            )
        )

    def test_attachment_count_and_action(self):
        order = self._create_order(user=self.user)
        self._attach(order, self.user)
        self._attach(order, self.user, "photo.jpg")
        self.assertEqual(order.attachment_count, 2)
        action = order.action_view_attachments()
        self.assertEqual(len(self.env["ir.attachment"].search(action["domain"])), 2)
        # files with previews, not the technical attachment list
        self.assertEqual(action["views"][0][1], "kanban")
        self.assertEqual(
            action["views"][0][0],
            self.env.ref("contact_order.contact_order_attachment_view_kanban").id,
        )
        self.assertEqual(action["context"]["default_res_id"], order.id)

    def test_delete_needs_the_right_and_completion_keeps_files(self):
        order = self._create_order(user=self.user)
        attachment = self._attach(order, self.user)
        with self.assertRaisesRegex(AccessError, "Delete uploaded files"):
            attachment.with_user(self.user).unlink()
        order.with_user(self.user).action_complete()
        self.assertTrue(attachment.exists())
        remover = new_test_user(
            self.env,
            login="co_remover",
            groups=USER_GROUPS + ",contact_order.group_delete_files",
        )
        order.sudo().action_reopen()
        order.sudo().user_id = remover
        attachment.with_user(remover).unlink()
        self.assertFalse(attachment.exists())

    def test_other_files_are_not_affected(self):
        attachment = (
            self.env["ir.attachment"]
            .with_user(self.user)
            .create({"name": "mine.txt", "raw": b"x"})
        )
        attachment.unlink()
        self.assertFalse(attachment.exists())
