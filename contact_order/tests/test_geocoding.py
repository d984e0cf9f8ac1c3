# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Coordinates from addresses through base_geolocalize, with its geocoder
stubbed where it would call the network."""

import time
from unittest.mock import Mock, patch

import requests

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.base_geolocalize.models.base_geocoder import GeoCoder

from ..models.base_geocoder import GEOCODER_INTERVAL, GEOCODER_TIMEOUT
from .common import USER_GROUPS, ContactOrderCase

VASTERAS = (59.6099, 16.5448)


@tagged("post_install", "-at_install")
class TestGeocoding(ContactOrderCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # saves look addresses up (not by default while tests run)
        cls.env = cls.env(context=dict(cls.env.context, force_geo_localize=True))
        for name in ("facility", "customer", "other_customer"):
            setattr(cls, name, getattr(cls, name).with_env(cls.env))
        cls.creator = new_test_user(cls.env, login="geo_user", groups=USER_GROUPS)

    def _geocoder(self, result=VASTERAS):
        return patch.object(
            GeoCoder, "_call_openstreetmap", autospec=True, return_value=result
        )

    def test_facility_located_when_saved(self):
        with self._geocoder() as geocoder:
            facility = (
                self.env["contact.facility"]
                .with_user(self.creator)
                .create(
                    {
                        "name": "Verkstad Södra",
                        "partner_id": self.customer.id,
                        "street": "Industrivägen 5",
                        "zip": "721 30",
                        "city": "Västerås",
                        "country_id": self.env.ref("base.se").id,
                    }
                )
            )
        query = geocoder.call_args.args[1]
        self.assertIn("Industrivägen 5", query)
        self.assertIn("Sweden", query)
        self.assertEqual(
            (facility.partner_latitude, facility.partner_longitude), VASTERAS
        )
        self.assertTrue(facility.date_localization)

    def test_new_address_resets_and_locates_again(self):
        with self._geocoder():
            self.facility.action_geo_localize()
        self.assertEqual(self.facility.partner_latitude, VASTERAS[0])
        with self._geocoder(result=(57.7089, 11.9746)):
            self.facility.write({"street": "Hamngatan 2", "city": "Göteborg"})
        self.assertEqual(self.facility.partner_latitude, 57.7089)
        with self._geocoder(result=None):
            self.facility.city = "Nowhere"
        self.assertEqual(
            (self.facility.partner_latitude, self.facility.partner_longitude),
            (0.0, 0.0),
        )
        self.assertFalse(self.facility.date_localization)

    def test_network_failure_leaves_a_message(self):
        failure = patch(
            "odoo.addons.base_geolocalize.models.base_geocoder.requests.get",
            side_effect=requests.exceptions.ConnectionError("Name resolution failed"),
        )
        with (
            failure,
            self.assertRaisesRegex(
                UserError, "could not be located: Error with geolocation server"
            ),
        ):
            self.facility.action_geo_localize()
        # a save goes through without coordinates, and the user is told
        with failure, patch.object(type(self.env.user), "_bus_send") as notify:
            self.facility.write({"street": "Ny gata 1"})
        self.assertEqual(self.facility.street, "Ny gata 1")
        self.assertEqual(self.facility.partner_latitude, 0.0)
        notification = notify.call_args.args[1]
        self.assertEqual(notification["type"], "warning")
        self.assertIn("Verkstad Norra", notification["message"])

    def test_a_stalled_geocoder_gives_up(self):
        """Core asks Nominatim with no timeout: a server that accepts the
        connection and never answers would hold the user (or the worker)
        until it is killed."""
        stalled = patch.object(
            requests, "get", side_effect=requests.exceptions.ReadTimeout("timed out")
        )
        with (
            stalled as get,
            self.assertRaisesRegex(
                UserError, "could not be located: Error with geolocation server"
            ),
        ):
            self.facility.action_geo_localize()
        self.assertEqual(get.call_args.kwargs.get("timeout"), GEOCODER_TIMEOUT)

    def test_one_request_a_second(self):
        """Nominatim's usage policy: at most one request a second."""
        sent = []

        def nominatim(url, **kwargs):
            sent.append(time.monotonic())
            answer = [{"lat": str(VASTERAS[0]), "lon": str(VASTERAS[1])}]
            return Mock(status_code=200, json=Mock(return_value=answer))

        with patch.object(requests, "get", side_effect=nominatim):
            self.facility.action_geo_localize()
            self.facility.action_geo_localize()
        self.assertEqual(len(sent), 2)
        self.assertGreaterEqual(sent[1] - sent[0], GEOCODER_INTERVAL - 0.01)
        self.assertEqual(self.facility.partner_latitude, VASTERAS[0])

    def test_address_not_found(self):
        with (
            self._geocoder(result=None),
            self.assertRaisesRegex(UserError, "No place was found"),
        ):
            self.facility.action_geo_localize()

    def test_customers_of_orders_located_when_saved(self):
        self._create_order()
        with self._geocoder():
            self.customer.write({"street": "Drottninggatan 3"})
            self.other_customer.write({"street": "Kungsgatan 9", "city": "Uppsala"})
        self.assertEqual(self.customer.partner_latitude, VASTERAS[0])
        # not a customer of a contact order: base_geolocalize's own button
        self.assertEqual(self.other_customer.partner_latitude, 0.0)

    def test_locating_needs_the_right_to_edit(self):
        reader = new_test_user(
            self.env,
            login="geo_reader",
            groups="base.group_user,contact_order.group_view",
        )
        with self._geocoder() as geocoder, self.assertRaises(AccessError):
            self.facility.with_user(reader).action_geo_localize()
        # refused before the geocoder is asked: a reader cannot spend its quota
        geocoder.assert_not_called()
        self.assertEqual(self.facility.partner_latitude, 0.0)
        # partners have core's own button (geo_localize), not a second one
        self.assertFalse(hasattr(self.env["res.partner"], "action_geo_localize"))
