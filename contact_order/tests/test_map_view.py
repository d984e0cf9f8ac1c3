# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The map of many orders: its data method, the nearby orders of a facility
and the map in the browser."""

from unittest.mock import patch

from odoo.exceptions import ValidationError
from odoo.tests import Form, HttpCase, new_test_user, tagged

from ..models import contact_order_map_mixin as map_mixin
from ..models.contact_facility import NEARBY_LIMIT
from .common import (
    SETTINGS_VIEW,
    USER_GROUPS,
    VIEW_ASSIGNED_GROUPS,
    ContactOrderCase,
)

LATLON = ("partner_latitude", "partner_longitude")


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

    def test_no_caller_gets_more_than_the_limit(self):
        Order = self.env["contact.order"].with_user(self.manager)
        domain = [("id", "in", (self.at_facility | self.at_customer).ids)]
        with patch.object(map_mixin, "MAP_LIMIT", 1):
            for limit in (None, 0, -1, 10**6):
                with self.subTest(limit=limit):
                    self.assertEqual(len(Order.get_map_data(domain, limit=limit)), 1)
        self.assertEqual(len(Order.get_map_data(domain, limit=None)), 2)
        # an order without a place takes no marker of the limit
        with_nowhere = [("id", "in", (self.nowhere | self.at_facility).ids)]
        self.assertEqual(len(Order.get_map_data(with_nowhere, limit=1)), 1)

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

    def test_nearby_distance_setting(self):
        near = self.env["contact.facility"].create(
            {"name": "Granne", "partner_latitude": 59.62, "partner_longitude": 16.55}
        )
        near_order = self._create_order(facility_id=near.id)
        Settings = self.env["res.config.settings"].with_user(self._settings_admin())
        settings = Form(Settings, view=SETTINGS_VIEW)
        settings.contact_order_nearby_distance_km = -5
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            settings.save()
        self.assertEqual(Settings.create({}).contact_order_nearby_distance_km, 10)
        # 0: only the orders at the facility itself, and it stays 0
        settings = Form(Settings, view=SETTINGS_VIEW)
        settings.contact_order_nearby_distance_km = 0
        settings.save().execute()
        self.assertEqual(Settings.create({}).contact_order_nearby_distance_km, 0)
        self.assertEqual(self.env["contact.facility"]._nearby_distance_km(), 0)
        nearby = self.facility.with_user(self.manager).nearby_order_ids
        self.assertIn(self.at_facility, nearby)
        self.assertNotIn(near_order, nearby)

    def test_nearby_keeps_own_orders_among_many(self):
        """The distance, the rights and the limit apply in one query: a
        technician's own nearby order is not crowded out by the orders of
        colleagues (or other companies) that they may not see."""
        near = self.env["contact.facility"].create(
            {
                "name": "Granne",
                "partner_id": self.customer.id,
                "partner_latitude": 59.61,
                "partner_longitude": 16.545,
            }
        )
        self.env["contact.order"].create(
            [
                {
                    "subject": f"Kollegans order {n}",
                    "partner_id": self.customer.id,
                    "facility_id": near.id,
                    "user_id": self.colleague.id,
                }
                for n in range(1001)
            ]
        )
        mine = self._create_order(facility_id=near.id, user_id=self.technician.id)
        nearby = self.facility.with_user(self.technician).nearby_order_ids
        self.assertEqual(nearby & (self.orders | mine), self.at_facility | mine)

    def test_coordinates_on_the_globe(self):
        facility = self.facility.with_user(self.user)
        for coordinates in ((90.5, 16.5), (59.6, -180.5)):
            with self.assertRaisesRegex(ValidationError, "between -90 and 90"):
                facility.write(dict(zip(LATLON, coordinates, strict=True)))
        facility.write(dict(zip(LATLON, (-90, 180), strict=True)))

    def test_nearby_lists_the_nearest_first(self):
        far = self.env["contact.facility"].create(
            {
                "name": "Nio kilometer bort",
                "partner_id": self.customer.id,
                "partner_latitude": 59.69,
                "partner_longitude": 16.5448,
            }
        )
        far_orders = self.env["contact.order"].create(
            [
                {
                    "subject": f"Långt bort {n}",
                    "partner_id": self.customer.id,
                    "facility_id": far.id,
                }
                for n in range(NEARBY_LIMIT + 1)
            ]
        )
        close = self.env["contact.facility"].create(
            {
                "name": "Grannhuset",
                "partner_id": self.customer.id,
                "partner_latitude": 59.611,
                "partner_longitude": 16.5448,
            }
        )
        close_order = self._create_order(facility_id=close.id)
        nearby = self.facility.with_user(self.manager).nearby_order_ids
        self.assertEqual(len(nearby), NEARBY_LIMIT)
        # the facility's own orders, then the nearest
        self.assertEqual(nearby[:2], self.at_facility | close_order)
        self.assertLessEqual(nearby[2:], far_orders)


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
