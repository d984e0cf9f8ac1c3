# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.tools import plaintext2html

from ..models.contact_order_count_mixin import contact_order_users_domain


class ContactOrderHandOver(models.TransientModel):
    """Hand an order on to a colleague: the technician who met a sales
    question gives the order to a salesperson. Whoever sees only their own
    orders no longer sees it afterwards, so this goes back to the list
    instead of reopening the order (which a form's save would do, and fail)."""

    _name = "contact.order.hand.over"
    _description = "Hand Over a Contact Order"

    order_id = fields.Many2one("contact.order", required=True, ondelete="cascade")
    user_id = fields.Many2one(
        "res.users",
        string="Hand Over To",
        required=True,
        domain=lambda self: contact_order_users_domain(self.env),
    )
    message = fields.Text(help="Posted in the order's chatter for the new responsible.")

    def action_hand_over(self):
        self.ensure_one()
        order = self.order_id
        # read while the user still sees the order: the rights Edit and
        # Assign are checked by the write, after which who sees only their
        # own orders no longer reads it
        name = order.name
        order.write({"user_id": self.user_id.id})
        if self.message:
            # sudo: the handing user may no longer post on the order; the
            # message is theirs (author) and only this note is written
            # (no subscription: the author no longer sees the order)
            order.sudo().with_context(mail_create_nosubscribe=True).message_post(
                body=plaintext2html(self.message),
                author_id=self.env.user.partner_id.id,
                partner_ids=self.user_id.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
        if order._filtered_access("read"):
            next_action = {"type": "ir.actions.act_window_close"}
        else:
            next_action = self.env["ir.actions.act_window"]._for_xml_id(
                "contact_order.contact_order_action"
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": self.env._(
                    "%(order)s is handed over to %(user)s.",
                    order=name,
                    user=self.user_id.name,
                ),
                "type": "success",
                "next": next_action,
            },
        }
