# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ContactOrder(models.Model):
    """The printable contact report of an order and its sending to the
    customer (report/contact_order_report.xml)."""

    _inherit = "contact.order"  # pylint: disable=consider-merging-classes-inherited

    def action_send_contact_report(self):
        """The mail composer with the contact report template, as Sales sends a
        quotation: the report is attached when the template is applied."""
        self.ensure_one()
        self._assert_edit_right(
            self.env._(
                "You need the contact order right 'Edit' to send the contact "
                "report of a contact order."
            )
        )
        template = self.env.ref(
            "contact_order.mail_template_contact_order_report",
            raise_if_not_found=False,
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Send Contact Report"),
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_template_id": template.id if template else False,
                "default_composition_mode": "comment",
                "default_email_layout_xmlid": (
                    "mail.mail_notification_layout_with_responsible_signature"
                ),
                "force_email": True,
            },
        }

    def _get_shared_notes(self):
        """The notes chosen for the customer, oldest first."""
        self.ensure_one()
        return self.note_ids.filtered("share_with_customer").sorted(
            lambda note: (note.date, note.id)
        )

    def _get_next_booking(self):
        """The first planned booking still ahead."""
        self.ensure_one()
        now = fields.Datetime.now()
        ahead = self.booking_ids.filtered(
            lambda booking: booking.state == "planned" and booking.start >= now
        )
        return ahead.sorted(lambda booking: (booking.start, booking.id))[:1]
