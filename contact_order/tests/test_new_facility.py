# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A facility typed on an order is made for its customer, at the address
typed on the order: the site's address, not the customer's."""

from odoo.tests import Form, tagged, users

from .common import ContactOrderCase


@tagged("post_install", "-at_install")
class TestNewFacility(ContactOrderCase):
    def _new_facility(self, name):
        facility_id, _name = (
            self.env["contact.facility"].with_user(self.env.user).name_create(name)
        )
        return self.env["contact.facility"].browse(facility_id)

    @users("co_user")
    def test_typed_address_goes_to_the_new_facility(self):
        facility = self._new_facility("Lager Syd")
        with Form(
            self.env["contact.order"], view="contact_order.contact_order_view_form"
        ) as form:
            form.subject = "Visit"
            form.partner_id = self.customer
            form.facility_id = facility
            form.street = "Hamnvägen 2"
            form.zip = "211 20"
            form.city = "Malmö"
        self.assertEqual(facility.partner_id, self.customer)
        self.assertEqual(
            (facility.street, facility.zip, facility.city),
            ("Hamnvägen 2", "211 20", "Malmö"),
        )
        self.assertEqual(self.customer.city, "Stockholm", "the customer keeps theirs")

    @users("co_user")
    def test_no_typed_address_leaves_the_facility_empty(self):
        facility = self._new_facility("Kontoret")
        order = self._create_order(user=self.env.user, facility_id=facility.id)
        self.assertEqual(order.city, "Stockholm", "shown from the customer")
        self.assertFalse(facility.city, "not copied from the customer")

    def test_new_customer_and_new_facility(self):
        facility = self.env["contact.facility"].create({"name": "Nytt Bygge"})
        self.user.groups_id += self.env.ref("base.group_partner_manager")
        order = (
            self.env["contact.order"]
            .with_user(self.user)
            .create(
                {
                    "subject": "Offer",
                    "partner_name": "Byggbolaget AB",
                    "facility_id": facility.id,
                    "street": "Byggvägen 9",
                    "city": "Uppsala",
                }
            )
        )
        self.assertEqual(facility.partner_id, order.partner_id)
        self.assertEqual(facility.city, "Uppsala")
        self.assertFalse(order.partner_id.city, "the site's address, not the firm's")
