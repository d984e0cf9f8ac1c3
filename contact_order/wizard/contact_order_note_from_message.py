# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError


class ContactOrderNoteFromMessage(models.TransientModel):
    """Save a message of an order's chatter (an email from the customer, a
    colleague's message) as a note of its log, with the time spent: "Save as
    Note" in the message's actions. The note keeps the message's text, author
    and time (see contact.order._save_message_as_note)."""

    _name = "contact.order.note.from.message"
    _description = "Save a Message as a Contact Order Note"

    message_id = fields.Many2one(
        "mail.message", required=True, readonly=True, ondelete="cascade"
    )
    # read with the user's rights (a related field would read as superuser)
    order_id = fields.Many2one("contact.order", compute="_compute_message_fields")
    body = fields.Html(string="Note", compute="_compute_message_fields")
    hours = fields.Float(string="Time Spent")

    @api.depends("message_id")
    def _compute_message_fields(self):
        for wizard in self:
            message = wizard.message_id
            of_order = message.model == "contact.order"
            wizard.order_id = message.res_id if of_order else False
            wizard.body = message.body if of_order else False

    @api.model_create_multi
    def create(self, vals_list):
        # the computed text and order would show a message the user may not
        # read: check it (and its order) before there is a wizard to read
        messages = self.env["mail.message"].browse(
            [vals.get("message_id") for vals in vals_list if vals.get("message_id")]
        )
        messages.check_access("read")
        of_orders = messages.sudo().filtered(lambda m: m.model == "contact.order")
        self.env["contact.order"].browse(of_orders.mapped("res_id")).check_access(
            "read"
        )
        wizards = super().create(vals_list)
        if wizards.filtered(lambda wizard: not wizard.order_id):
            raise UserError(
                self.env._("Only messages of contact orders can be saved as notes.")
            )
        return wizards

    def action_save(self):
        self.ensure_one()
        self.order_id._save_message_as_note(self.message_id, self.hours)
        # the order's form shows its new note
        return {"type": "ir.actions.client", "tag": "soft_reload"}
