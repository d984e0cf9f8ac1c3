# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import ContactOrderCase


@tagged("post_install", "-at_install")
class TestRegisters(ContactOrderCase):
    def test_customer_card_counts_orders_of_contacts(self):
        person = self.env["res.partner"].create(
            {"name": "Kalle Kontakt", "parent_id": self.customer.id}
        )
        self._create_order()
        self._create_order(partner_id=person.id)
        self._create_order(partner_id=self.other_customer.id)
        self.assertEqual(self.customer.contact_order_count, 2)
        self.assertEqual(person.contact_order_count, 1)
        self.assertEqual(len(self.customer.contact_order_ids), 1)
        action = self.customer.action_view_contact_orders()
        self.assertEqual(
            self.env["contact.order"].search(action["domain"]).partner_id,
            self.customer | person,
        )

    def test_new_order_from_customer(self):
        action = self.customer.action_new_contact_order()
        form = Form(self.env["contact.order"].with_context(**action["context"]))
        form.subject = "From the customer card"
        order = form.save()
        self.assertEqual(order.partner_id, self.customer)

    def test_new_order_from_facility(self):
        action = self.facility.action_new_contact_order()
        form = Form(self.env["contact.order"].with_context(**action["context"]))
        form.subject = "From the facility"
        order = form.save()
        self.assertEqual(order.facility_id, self.facility)
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(self.facility.contact_order_count, 1)

    def test_new_order_from_service_object(self):
        action = self.equipment.action_new_contact_order()
        form = Form(self.env["contact.order"].with_context(**action["context"]))
        form.subject = "From the service object"
        order = form.save()
        self.assertEqual(order.equipment_id, self.equipment)
        self.assertEqual(order.facility_id, self.facility)
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(self.equipment.contact_order_count, 1)
        action = self.equipment.action_view_contact_orders()
        self.assertEqual(self.env["contact.order"].search(action["domain"]), order)

    def test_equipment_customer_from_facility(self):
        self.assertEqual(self.equipment.customer_id, self.customer)
        self.assertEqual(self.facility.equipment_ids, self.equipment)
        self.assertEqual(self.facility.equipment_count, 1)
        with self.assertRaisesRegex(ValidationError, "belongs to"):
            self.equipment.customer_id = self.other_customer
