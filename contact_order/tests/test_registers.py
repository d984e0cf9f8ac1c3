# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged, users

from .common import FORM_VIEW, ContactOrderCase


@tagged("post_install", "-at_install")
class TestRegisters(ContactOrderCase):
    def _new_order_from(self, record, subject):
        """Click New Contact Order on ``record`` and save the form it opens."""
        action = record.with_env(self.env).action_new_contact_order()
        form = Form(
            self.env["contact.order"].with_context(**action["context"]), view=FORM_VIEW
        )
        form.subject = subject
        return form.save()

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

    @users("co_user")
    def test_new_order_from_customer(self):
        order = self._new_order_from(self.customer, "From the customer card")
        self.assertEqual(order.partner_id, self.customer)

    @users("co_user")
    def test_new_order_from_facility(self):
        order = self._new_order_from(self.facility, "From the facility")
        self.assertEqual(order.facility_id, self.facility)
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(self.facility.contact_order_count, 1)

    @users("co_user")
    def test_new_order_from_service_object(self):
        order = self._new_order_from(self.equipment, "From the service object")
        self.assertEqual(order.equipment_id, self.equipment)
        self.assertEqual(order.facility_id, self.facility)
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(self.equipment.contact_order_count, 1)
        action = self.equipment.action_view_contact_orders()
        self.assertEqual(self.env["contact.order"].search(action["domain"]), order)

    @users("co_user")
    def test_customers_service_objects_readable_without_maintenance_rights(self):
        """Maintenance shows a user without its rights only the equipment
        they follow: a contact order user still reads the customers' service
        objects (not the company's own machines) and cannot change them."""
        self.assertFalse(self.env.user.has_group("maintenance.group_equipment_manager"))
        Equipment = self.env["maintenance.equipment"]
        internal = Equipment.sudo().create({"name": "Office printer"})
        self.assertEqual(
            Equipment.search([("id", "in", (self.equipment | internal).ids)]),
            self.equipment,
        )
        self.assertEqual(self.equipment.with_env(self.env).customer_id, self.customer)
        with self.assertRaises(AccessError):
            internal.with_env(self.env).name  # noqa: B018
        with self.assertRaises(AccessError):
            self.equipment.with_env(self.env).write({"name": "Renamed"})

    def test_customers_service_objects_of_another_company_stay_hidden(self):
        """The rule for customers' service objects adds no company: core's
        multi-company rule on equipment still holds."""
        other_company = self.env["res.company"].create({"name": "Filial AB"})
        self.assertNotIn(other_company, self.user.company_ids)
        theirs = self.env["maintenance.equipment"].create(
            {
                "name": "Filialens kompressor",
                "company_id": other_company.id,
                "customer_id": self.customer.id,
            }
        )
        Equipment = self.env["maintenance.equipment"].with_user(self.user)
        self.assertFalse(Equipment.search([("id", "=", theirs.id)]))

    def test_equipment_customer_from_facility(self):
        self.assertEqual(self.equipment.customer_id, self.customer)
        self.assertEqual(self.facility.equipment_ids, self.equipment)
        self.assertEqual(self.facility.equipment_count, 1)
        with self.assertRaisesRegex(ValidationError, "belongs to"):
            self.equipment.customer_id = self.other_customer
