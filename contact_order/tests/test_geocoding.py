# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Coordinates from addresses through base_geolocalize, with its geocoder
stubbed where it would call the network. A save queues the address; the
scheduled action (run here by hand, as the cron worker would a moment after
the save) or the button looks it up."""

import itertools
import time
from unittest.mock import Mock, patch

import requests

from odoo.exceptions import AccessError, UserError
from odoo.modules.migration import load_script
from odoo.tests import new_test_user, tagged

from odoo.addons.base_geolocalize.models.base_geocoder import GeoCoder

from ..models.base_geocoder import GEOCODER_INTERVAL, GEOCODER_TIMEOUT
from .common import USER_GROUPS, ContactOrderCase

# its logger and its clock
GEO_MODULE = "odoo.addons.contact_order.models.contact_order_geo_mixin"
VASTERAS = (59.6099, 16.5448)


@tagged("post_install", "-at_install")
class TestGeocoding(ContactOrderCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # saves queue addresses (not by default while tests run)
        cls.env = cls.env(context=dict(cls.env.context, force_geo_localize=True))
        # the queue is the tests' own (a database upgraded to 18.0.1.6.0 has
        # its customers queued)
        for model in ("res.partner", "contact.facility"):
            cls.env[model].search([("contact_order_geo_queued", "=", True)]).write(
                {"contact_order_geo_queued": False}
            )
        for name in ("facility", "customer", "other_customer"):
            setattr(cls, name, getattr(cls, name).with_env(cls.env))
        cls.creator = new_test_user(cls.env, login="geo_user", groups=USER_GROUPS)
        # edits contacts, without any right on contact orders
        cls.contact_editor = new_test_user(
            cls.env,
            login="geo_contacts",
            groups="base.group_user,base.group_partner_manager",
        )

    def _geocoder(self, result=VASTERAS):
        return patch.object(
            GeoCoder, "_call_openstreetmap", autospec=True, return_value=result
        )

    def _run_with_answers(self, answers):
        """One run of the scheduled action with the geocoder answering
        ``answers`` in turn (coordinates or errors), which logs warnings:
        (records taken off the queue, the warnings)."""
        with (
            patch.object(
                GeoCoder, "_call_openstreetmap", autospec=True, side_effect=answers
            ),
            self.assertLogs(GEO_MODULE, "WARNING") as logs,
        ):
            done = self.env["contact.facility"]._cron_geo_localize()
        return done, logs.output

    def _locate_queued(self, result=VASTERAS, **kwargs):
        """What the scheduled action does a moment after a save."""
        with self._geocoder(result) as geocoder:
            self.env["contact.facility"]._cron_geo_localize(**kwargs)
        return geocoder

    def _wake_ups(self):
        """Times a save asked the cron worker to run the scheduled action."""
        cron = self.env.ref("contact_order.ir_cron_geo_localize", False)
        return self.env["ir.cron.trigger"].search_count([("cron_id", "=", cron.id)])

    def test_facility_located_when_saved(self):
        wake_ups = self._wake_ups()
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
        # the save does not wait for the geocoder: it queues the address and
        # wakes the scheduled action, which locates it as soon as it is saved
        geocoder.assert_not_called()
        self.assertTrue(facility.contact_order_geo_queued)
        self.assertEqual(self._wake_ups(), wake_ups + 1)
        geocoder = self._locate_queued()
        query = geocoder.call_args.args[1]
        self.assertIn("Industrivägen 5", query)
        self.assertIn("Sweden", query)
        self.assertEqual(
            (facility.partner_latitude, facility.partner_longitude), VASTERAS
        )
        self.assertTrue(facility.date_localization)
        self.assertFalse(facility.contact_order_geo_queued)

    def test_new_address_resets_and_locates_again(self):
        with self._geocoder():
            self.facility.action_geo_localize()
        self.assertEqual(self.facility.partner_latitude, VASTERAS[0])
        self.facility.write({"street": "Hamngatan 2", "city": "Göteborg"})
        # the coordinates of the old address go with the save
        self.assertEqual(
            (self.facility.partner_latitude, self.facility.partner_longitude),
            (0.0, 0.0),
        )
        self.assertFalse(self.facility.date_localization)
        self._locate_queued(result=(57.7089, 11.9746))
        self.assertEqual(self.facility.partner_latitude, 57.7089)
        self.facility.city = "Nowhere"
        self._locate_queued(result=None)
        self.assertEqual(
            (self.facility.partner_latitude, self.facility.partner_longitude),
            (0.0, 0.0),
        )
        self.assertFalse(self.facility.date_localization)
        # not found is an answer: it is not asked again at every run
        self.assertFalse(self.facility.contact_order_geo_queued)

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
        # a save goes through without coordinates (the form says the address
        # waits to be located); the scheduled action says why in the log, with
        # no traceback, and keeps the address for its next run
        with failure:
            self.facility.write({"street": "Ny gata 1"})
        self.assertEqual(self.facility.street, "Ny gata 1")
        self.assertEqual(self.facility.partner_latitude, 0.0)
        with (
            failure,
            self.assertLogs(GEO_MODULE, "WARNING") as logs,
        ):
            done = self.env["contact.facility"]._cron_geo_localize()
        self.assertEqual(done, 0)
        self.assertEqual(len(logs.output), 1)
        self.assertIn("Verkstad Norra", logs.output[0])
        self.assertIn("Error with geolocation server", logs.output[0])
        self.assertTrue(self.facility.contact_order_geo_queued)
        self.assertEqual(self.facility.partner_latitude, 0.0)

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

    def test_google_gives_up_too(self):
        google = self.env["base.geo_provider"].search([("tech_name", "=", "googlemap")])
        self.env["ir.config_parameter"].set_param(
            "base_geolocalize.geo_provider", google.id
        )
        self.env["ir.config_parameter"].set_param(
            "base_geolocalize.google_map_api_key", "test-key"
        )
        stalled = patch.object(
            requests, "get", side_effect=requests.exceptions.ReadTimeout("timed out")
        )
        with stalled as get, self.assertRaises(UserError):
            self.facility.action_geo_localize()
        self.assertIn("googleapis", get.call_args.args[0])
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
        with self._geocoder() as geocoder:
            self.customer.with_user(self.contact_editor).write(
                {"street": "Drottninggatan 3"}
            )
            self.other_customer.with_user(self.contact_editor).write(
                {"street": "Kungsgatan 9", "city": "Uppsala"}
            )
        geocoder.assert_not_called()
        self.assertTrue(self.customer.contact_order_geo_queued)
        self._locate_queued()
        self.assertEqual(self.customer.partner_latitude, VASTERAS[0])
        self.assertTrue(self.customer.date_localization)
        self.assertFalse(self.customer.contact_order_geo_queued)
        # not a customer of a contact order: base_geolocalize's own button
        self.assertEqual(self.other_customer.partner_latitude, 0.0)
        self.assertFalse(self.other_customer.contact_order_geo_queued)

    def test_saving_never_calls_the_geocoder(self):
        """A mass edit queues its records and wakes the scheduled action once;
        the action takes them a batch per run, committed by the cron, which
        runs again at once while some remain."""
        self._create_order()
        wake_ups = self._wake_ups()
        Facility = self.env["contact.facility"].with_user(self.creator)
        with patch.object(GeoCoder, "geo_find", autospec=True) as geo_find:
            facilities = Facility.create(
                [
                    {"name": f"Lager {n}", "city": "Västerås", "zip": f"721 3{n}"}
                    for n in range(3)
                ]
            )
            facilities.write({"street": "Ny gata 1"})
            self.customer.with_user(self.contact_editor).write(
                {"street": "Drottninggatan 3"}
            )
        geo_find.assert_not_called()
        self.assertEqual(self._wake_ups(), wake_ups + 3)
        self.assertEqual(set(facilities.mapped("contact_order_geo_queued")), {True})
        cron = self.env.ref("contact_order.ir_cron_geo_localize")
        cron, progress = cron._add_progress()
        Cron = self.env["contact.facility"].with_context(
            ir_cron_progress_id=progress.id
        )
        with self._geocoder() as geocoder:
            self.assertEqual(Cron._cron_geo_localize(batch_size=2), 2)
        self.assertEqual(geocoder.call_count, 2)
        self.assertEqual((progress.done, progress.remaining), (2, 2))
        self._locate_queued(batch_size=2)
        self.assertEqual(set(facilities.mapped("partner_latitude")), {VASTERAS[0]})
        self.assertEqual(self.customer.partner_latitude, VASTERAS[0])

    def test_the_queue_is_odoos(self):
        """Over RPC, anyone who edits contacts could queue every address for
        the geocoder: the flag is set by Odoo only, a value given is left
        out (not refused: Contacts' Merge copies it)."""
        self.other_customer.with_user(self.contact_editor).write(
            {"contact_order_geo_queued": True, "contact_order_geo_failures": 3}
        )
        self.assertFalse(self.other_customer.contact_order_geo_queued)
        self.assertFalse(self.other_customer.contact_order_geo_failures)
        partner = (
            self.env["res.partner"]
            .with_user(self.contact_editor)
            .create({"name": "Kö AB", "contact_order_geo_queued": True})
        )
        self.assertFalse(partner.contact_order_geo_queued)
        facility = (
            self.env["contact.facility"]
            .with_user(self.creator)
            .create(
                {
                    "name": "Kö",
                    "partner_id": self.customer.id,
                    "contact_order_geo_queued": True,
                }
            )
        )
        self.assertFalse(facility.contact_order_geo_queued)

    def test_contacts_merge_a_partner_waiting_to_be_located(self):
        """Contacts' Merge copies every field of the merged contacts: one
        waiting to be located merges as any other."""
        duplicate = self.env["res.partner"].create(
            {"name": "Verkstad AB", "email": self.customer.email}
        )
        duplicate.sudo().contact_order_geo_queued = True
        # an administrator: core's merge reads fields of theirs only
        admin = new_test_user(
            self.env,
            login="geo_admin",
            groups="base.group_user,base.group_system,base.group_partner_manager",
        )
        self.env["base.partner.merge.automatic.wizard"].with_user(admin)._merge(
            (duplicate | self.customer).ids, self.customer.with_user(admin)
        )
        self.assertFalse(duplicate.exists())
        self.assertTrue(self.customer.exists())

    def _queue_facilities(self, count):
        facilities = self.env["contact.facility"].create(
            [
                {"name": f"Kö {n}", "partner_id": self.customer.id, "city": "Västerås"}
                for n in range(count)
            ]
        )
        # only these in the queue
        self.env["res.partner"].search(
            [("contact_order_geo_queued", "=", True)]
        ).sudo().contact_order_geo_queued = False
        self.env["contact.facility"].search(
            [("contact_order_geo_queued", "=", True), ("id", "not in", facilities.ids)]
        ).sudo().contact_order_geo_queued = False
        return facilities

    def test_a_run_keeps_to_its_time(self):
        """The cron worker runs the action up to ten times in a row while
        records remain: each run takes new records for a few seconds only,
        so that the ten fit in the worker's time limit."""
        facilities = self._queue_facilities(3)
        # every look at the clock, 5 seconds later
        clock = patch(
            f"{GEO_MODULE}.monotonic",
            side_effect=itertools.count(0, 5),
        )
        with clock, self._geocoder() as geocoder:
            self.assertEqual(self.env["contact.facility"]._cron_geo_localize(), 2)
        self.assertEqual(geocoder.call_count, 2)
        self.assertEqual(
            facilities.mapped("contact_order_geo_queued"), [False, False, True]
        )

    def test_a_slow_geocoder_waits_for_the_next_interval(self):
        """Ten runs in a row must fit in the cron worker's time limit: a run
        whose last answer came late (20 s here) leaves the rest to the next
        interval instead of asking for another run at once."""
        facilities = self._queue_facilities(3)
        cron, progress = self.env.ref(
            "contact_order.ir_cron_geo_localize"
        )._add_progress()
        Cron = self.env["contact.facility"].with_context(
            ir_cron_progress_id=progress.id
        )
        now = [0.0]

        def slow_answer(*args, **kwargs):
            now[0] += 20
            return VASTERAS

        with (
            patch(
                f"{GEO_MODULE}.monotonic",
                side_effect=lambda: now[0],
            ),
            patch.object(
                GeoCoder,
                "_call_openstreetmap",
                autospec=True,
                side_effect=slow_answer,
            ),
        ):
            self.assertEqual(Cron._cron_geo_localize(), 1)
        self.assertEqual((progress.done, progress.remaining), (1, 0))
        self.assertEqual(
            facilities.mapped("contact_order_geo_queued"), [False, True, True]
        )
        # at the usual pace, the rest is asked for at once
        cron, progress = cron._add_progress()
        with self._geocoder():
            self.assertEqual(
                Cron.with_context(ir_cron_progress_id=progress.id)._cron_geo_localize(
                    batch_size=1
                ),
                1,
            )
        self.assertEqual((progress.done, progress.remaining), (1, 1))

    def test_an_address_refused_does_not_block_the_queue(self):
        """The geocoder fails on one address (a time-out, or Google's
        INVALID_REQUEST) and answers the next: that address goes behind the
        others, still queued, and leaves the queue after three such runs;
        twice in a row, it is the geocoder, and all wait."""
        facilities = self._queue_facilities(3)
        timeout = UserError("Error with geolocation server: Read timed out")
        done, logs = self._run_with_answers([timeout, VASTERAS, VASTERAS])
        self.assertEqual(done, 2)
        self.assertIn("Geocoding failed", logs[0])
        self.assertEqual(
            facilities.mapped("contact_order_geo_queued"), [True, False, False]
        )
        self.assertEqual(facilities[0].contact_order_geo_failures, 1)
        self.assertEqual(
            facilities.mapped("partner_latitude"), [0.0, VASTERAS[0], VASTERAS[0]]
        )
        # the next run asks the others first
        later = self.env["contact.facility"].create(
            {"name": "Kö senare", "partner_id": self.customer.id, "city": "Västerås"}
        )
        self.assertTrue(later.contact_order_geo_queued)
        with patch.object(
            GeoCoder, "_call_openstreetmap", autospec=True, return_value=VASTERAS
        ) as geocoder:
            self.assertEqual(
                self.env["contact.facility"]._cron_geo_localize(batch_size=1), 1
            )
        self.assertFalse(later.contact_order_geo_queued)
        self.assertEqual(geocoder.call_count, 1)
        # alone in the queue, failing: two more runs, and it leaves it
        for failures in (2, 3):
            self.assertEqual(self._run_with_answers([timeout])[0], 0)
            self.assertEqual(facilities[0].contact_order_geo_queued, failures < 3)
        self.assertFalse(facilities[0].contact_order_geo_failures)
        self.assertFalse(facilities[0].partner_latitude)
        facilities = self._queue_facilities(3)
        done, logs = self._run_with_answers([UserError("down"), UserError("down")])
        self.assertEqual(done, 0)
        self.assertIn("Geocoding stopped", logs[0])
        self.assertTrue(all(facilities.mapped("contact_order_geo_queued")))
        self.assertFalse(any(facilities.mapped("contact_order_geo_failures")))

    def test_upgrade_queues_the_places_of_orders(self):
        """The upgrade to 18.0.1.6.0 queues the facilities and customers of
        orders that have an address but no coordinates; not a facility no
        order uses, nor an archived one."""
        script = load_script(
            "contact_order/migrations/18.0.1.6.0/post-geo-queue.py",
            "contact_order_post_geo_queue",
        )
        Facility = self.env["contact.facility"]
        unused, archived = Facility.create(
            [
                {"name": name, "partner_id": self.customer.id, "city": "Västerås"}
                for name in ("Oanvänd", "Arkiverad")
            ]
        )
        self._create_order(facility_id=archived.id)
        archived.active = False
        self.facility.write({"city": "Västerås"})
        self._create_order(facility_id=self.facility.id)
        facilities = self.facility | unused | archived
        for places in (facilities, self.customer):
            places.sudo().write({"contact_order_geo_queued": False})
        self.env.flush_all()
        script.migrate(self.env.cr, "18.0.1.5.0")
        self.env.invalidate_all()
        self.assertEqual(
            facilities.mapped("contact_order_geo_queued"), [True, False, False]
        )
        self.assertTrue(self.customer.contact_order_geo_queued)

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
