# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

SEQUENCE_CODE = "contact.order"


class ResCompany(models.Model):
    _inherit = "res.company"

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._create_contact_order_sequence()
        return companies

    def _create_contact_order_sequence(self):
        """Each company numbers its contact orders from a sequence of its own,
        copied from the shared one when the company is made (as stock makes
        its per-company sequences): never on a first order, where two users
        creating the first orders of a company at once would both copy it."""
        template = self.env.ref(
            "contact_order.seq_contact_order", raise_if_not_found=False
        )
        if not template:
            return
        sequences = self.env["ir.sequence"].sudo()
        have = sequences.search(
            [("code", "=", SEQUENCE_CODE), ("company_id", "in", self.ids)]
        ).company_id
        for company in self - have:
            template.sudo().copy(
                {"company_id": company.id, "number_next": 1, "name": template.name}
            )

    @api.model
    def _create_missing_contact_order_sequences(self):
        """For the companies that exist when the module is installed."""
        self.sudo().with_context(active_test=False).search(
            []
        )._create_contact_order_sequence()
