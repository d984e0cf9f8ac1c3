# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Where an order takes place, on OpenStreetMap."""

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ContactOrderCase


@tagged("post_install", "-at_install")
class TestMap(ContactOrderCase):
    def test_map_from_facility_coordinates(self):
        self.facility.write({"partner_latitude": 59.6099, "partner_longitude": 16.5448})
        self.customer.write({"partner_latitude": 59.3293, "partner_longitude": 18.0686})
        order = self._create_order(facility_id=self.facility.id)
        action = order.action_show_on_map()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertEqual(
            action["url"],
            "https://www.openstreetmap.org/?mlat=59.6099&mlon=16.5448#map=16/59.6099/16.5448",
        )
        self.assertIn("marker=59.6099,16.5448", order.map_embed_url)

    def test_map_from_customer_coordinates(self):
        self.customer.write({"partner_latitude": 59.3293, "partner_longitude": 18.0686})
        order = self._create_order()
        self.assertIn("mlat=59.3293&mlon=18.0686", order.action_show_on_map()["url"])

    def test_map_searches_the_address(self):
        order = self._create_order()
        self.assertEqual(
            order.action_show_on_map()["url"],
            "https://www.openstreetmap.org/search?query=Storgatan+1%2C+111+22%2C+Stockholm%2C+Sweden",
        )
        self.assertFalse(order.map_embed_url)

    def test_map_without_address(self):
        order = self._create_order(partner_id=self.other_customer.id)
        self.assertFalse(order.map_url)
        with self.assertRaisesRegex(UserError, "no address"):
            order.action_show_on_map()
