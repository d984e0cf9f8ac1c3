# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The map of many orders: its data method, the nearby orders of a facility
and the map in the browser."""

from odoo.tests import HttpCase, new_test_user, tagged

from .common import USER_GROUPS, VIEW_ASSIGNED_GROUPS, ContactOrderCase


@tagged("post_install", "-at_install")
class TestMapData(ContactOrderCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.technician = new_test_user(
            cls.env, login="map_technician", groups=VIEW_ASSIGNED_GROUPS
        )
        cls.facility.write({"partner_latitude": 59.6099, "partner_longitude": 16.5448})
        cls.customer.write({"partner_latitude": 59.3293, "partner_longitude": 18.0686})
        cls.status = cls.env["contact.order.status"].create(
            {"name": "Karta", "color": 4}
        )
        cls.at_facility = cls._create_order(
            facility_id=cls.facility.id,
            user_id=cls.technician.id,
            status_id=cls.status.id,
        )
        cls.at_customer = cls._create_order(user_id=cls.colleague.id)
        cls.nowhere = cls._create_order(partner_id=cls.other_customer.id)
        cls.done = cls._create_order(facility_id=cls.facility.id)
        cls.done.action_complete()
        cls.orders = cls.at_facility | cls.at_customer | cls.nowhere | cls.done

    def _markers(self, user, domain=None):
        Order = self.env["contact.order"].with_user(user)
        return {
            marker["id"]: marker
            for marker in Order.get_map_data(
                [("id", "in", self.orders.ids)] + (domain or [])
            )
        }

    def test_open_orders_with_a_place(self):
        markers = self._markers(self.manager)
        self.assertEqual(set(markers), {self.at_facility.id, self.at_customer.id})
        marker = markers[self.at_facility.id]
        self.assertEqual((marker["latitude"], marker["longitude"]), (59.6099, 16.5448))
        self.assertEqual(marker["color"], 4)
        self.assertEqual(marker["status"], "Karta")
        self.assertEqual(marker["display_name"], self.at_facility.display_name)
        marker = markers[self.at_customer.id]
        self.assertEqual((marker["latitude"], marker["longitude"]), (59.3293, 18.0686))

    def test_the_search_and_the_rights_decide(self):
        self.assertEqual(
            set(self._markers(self.manager, [("facility_id", "=", False)])),
            {self.at_customer.id},
        )
        self.assertEqual(set(self._markers(self.technician)), {self.at_facility.id})

    def test_nearby_open_orders_of_a_facility(self):
        near = self.env["contact.facility"].create(
            {
                "name": "Granne",
                "partner_id": self.customer.id,
                "partner_latitude": 59.62,
                "partner_longitude": 16.55,
            }
        )
        near_order = self._create_order(facility_id=near.id, user_id=self.colleague.id)
        nearby = self.facility.with_user(self.manager).nearby_order_ids
        # Stockholm is 100 km away; the completed order does not count
        self.assertEqual(
            nearby & (self.orders | near_order), self.at_facility | near_order
        )
        settings = self.env["res.config.settings"].create({})
        settings.contact_order_nearby_distance_km = 120
        settings.execute()
        self.facility.invalidate_recordset(["nearby_order_ids"])
        nearby = self.facility.with_user(self.manager).nearby_order_ids
        self.assertIn(self.at_customer, nearby)
        # as ever, only the orders the user may see
        nearby = self.facility.with_user(self.technician).nearby_order_ids
        self.assertEqual(nearby & (self.orders | near_order), self.at_facility)


@tagged("post_install", "-at_install")
class TestMapTour(HttpCase):
    browser_size = "1440x900"

    def test_map_shows_the_searched_orders(self):
        user = new_test_user(self.env, login="map_user", groups=USER_GROUPS)
        customer = self.env["res.partner"].create(
            {
                "name": "Kartkund AB",
                "partner_latitude": 59.33,
                "partner_longitude": 18.07,
            }
        )
        facility = self.env["contact.facility"].create(
            {
                "name": "Kartkund Norr",
                "partner_id": customer.id,
                "partner_latitude": 65.58,
                "partner_longitude": 22.15,
            }
        )
        status = self.env["contact.order.status"].create(
            {"name": "Kartstatus", "color": 4}
        )
        other = self.env["res.partner"].create(
            {"name": "Annan AB", "partner_latitude": 55.6, "partner_longitude": 13.0}
        )
        Order = self.env["contact.order"].with_user(user)
        Order.create(
            {
                "subject": "Kartorder norr",
                "facility_id": facility.id,
                "status_id": status.id,
            }
        )
        Order.create({"subject": "Kartorder syd", "partner_id": customer.id})
        Order.create({"subject": "Annan order", "partner_id": other.id})
        self.start_tour(
            "/odoo/action-contact_order.contact_order_map_action",
            "contact_order_map_markers",
            login=user.login,
        )
