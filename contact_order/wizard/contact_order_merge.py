# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, fields, models


class ContactOrderMerge(models.TransientModel):
    """Merge parallel orders of a customer into one, as CRM's
    crm.merge.opportunity: the others are kept completed, with a link."""

    _name = "contact.order.merge"
    _description = "Merge Contact Orders"

    @api.model
    def default_get(self, fields):
        result = super().default_get(fields)
        active_ids = self.env.context.get("active_ids")
        if (
            self.env.context.get("active_model") == "contact.order"
            and active_ids
            and "order_ids" in fields
            and "order_ids" not in result
        ):
            result["order_ids"] = [Command.set(active_ids)]
            result.setdefault("target_id", active_ids[0])
        return result

    order_ids = fields.Many2many(
        "contact.order",
        "contact_order_merge_rel",
        "merge_id",
        "order_id",
        string="Contact Orders",
        domain="[('state', '!=', 'done')]",
    )
    target_id = fields.Many2one(
        "contact.order",
        string="Keep",
        required=True,
        domain="[('id', 'in', order_ids)]",
        help="The order that is kept open; the others move into it and are completed.",
    )

    def action_merge(self):
        self.ensure_one()
        # every order asked for (a many2many reads only those the user may
        # see, sudo finds them all), checked with the user's rights there
        orders = self.sudo().order_ids.with_env(self.env)
        target = orders._merge_into(self.target_id)
        return target.get_formview_action()
