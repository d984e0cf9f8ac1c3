# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The reminder cron with real, concurrent transactions.

Unlike the other tests, these commit: two workers only meet through
PostgreSQL's row locks and snapshots, which one test transaction cannot show.
Each test makes its own order and bookings, sets aside the bookings that were
already due (kept as they were afterwards) and deletes what it made."""

import threading
from contextlib import contextmanager
from datetime import timedelta
from unittest.mock import patch

from odoo import SUPERUSER_ID, api, fields
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, get_db_name, tagged

BOOKINGS = 7
BATCH = 3
TIMEOUT = 60


@tagged("post_install", "-at_install")
class TestRemindersConcurrency(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())

    @contextmanager
    def env(self):
        """An environment on a new cursor, committed when the block ends."""
        with self.registry.cursor() as cr:
            yield api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})

    def setUp(self):
        super().setUp()
        with self.env() as env:
            Booking = env["contact.order.booking"]
            params = env["ir.config_parameter"]
            self.channels = params.get_param("contact_order.reminder_channels")
            params.set_param("contact_order.reminder_channels", "inapp")
            due_before = Booking.search(
                [("state", "=", "planned"), ("reminder_sent_at", "=", False)]
            )
            due_before.write({"reminder_sent_at": fields.Datetime.now()})
            customer = env["res.partner"].create({"name": "Concurrency AB"})
            order = env["contact.order"].create(
                {"subject": "Two workers", "partner_id": customer.id}
            )
            now = fields.Datetime.now()
            bookings = Booking.create(
                [
                    {
                        "order_id": order.id,
                        "start": now + timedelta(minutes=10 + index),
                        "user_id": env.ref("base.user_admin").id,
                    }
                    for index in range(BOOKINGS)
                ]
            )
            self.due_before = due_before.ids
            self.order_id = order.id
            self.booking_ids = bookings.ids
            self.customer_id = customer.id
        self.addCleanup(self._clean)

    def _clean(self):
        with self.env() as env:
            env["contact.order.booking"].browse(self.booking_ids).unlink()
            env["contact.order"].browse(self.order_id).unlink()
            env["res.partner"].browse(self.customer_id).unlink()
            env["contact.order.booking"].browse(self.due_before).write(
                {"reminder_sent_at": False}
            )
            env["ir.config_parameter"].set_param(
                "contact_order.reminder_channels", self.channels
            )

    def _reminders(self):
        """The in-app reminders of the test's order, once every booking is
        marked as reminded."""
        with self.env() as env:
            bookings = env["contact.order.booking"].browse(self.booking_ids)
            self.assertTrue(all(bookings.mapped("reminder_sent_at")))
            return env["mail.message"].search_count(
                [
                    ("model", "=", "contact.order"),
                    ("res_id", "=", self.order_id),
                    ("subject", "like", "Reminder:"),
                ]
            )

    def _worker(self, results, name):
        """Run the cron as a cron worker would: its own transaction and thread,
        committing each batch. The environment is made here: the thread of
        the test runner holds the registry lock."""
        cr = self.registry.cursor()
        env = api.Environment(cr, SUPERUSER_ID, {})

        def run():
            try:
                with cr:
                    booking_model = env["contact.order.booking"]
                    results[name] = booking_model._cron_send_reminders(batch_size=BATCH)
            except Exception as error:  # noqa: BLE001 - reported by the test
                results[name] = error

        return threading.Thread(target=run, name=f"reminder-{name}", daemon=True)

    def _wait_for_batch(self, locked, worker, results):
        for _second in range(TIMEOUT):
            if locked.wait(1):
                return
            if not worker.is_alive():
                break
        self.fail(f"worker a took no batch: {results.get('a')!r}")

    def _pausing_send(self, locked, resume, fail=False):
        """A _send_reminders that, in worker "a" only, stops after it holds
        its first batch until told to go on, then crashes if ``fail``."""
        booking_class = self.registry["contact.order.booking"]
        original = booking_class._send_reminders

        def send(records, channels):
            if threading.current_thread().name != "reminder-a":
                return original(records, channels)
            locked.set()
            self.assertTrue(resume.wait(TIMEOUT), "worker b did not finish")
            result = original(records, channels)
            if fail:
                raise RuntimeError("worker a killed")
            return result

        return patch.object(booking_class, "_send_reminders", send)

    def test_two_workers_at_once(self):
        """Worker a holds its first batch while worker b runs in full: b skips
        a's rows, a finishes them; each booking is reminded exactly once."""
        locked, resume, results = threading.Event(), threading.Event(), {}
        with self._pausing_send(locked, resume):
            worker_a = self._worker(results, "a")
            worker_a.start()
            self._wait_for_batch(locked, worker_a, results)
            worker_b = self._worker(results, "b")
            worker_b.start()
            worker_b.join(TIMEOUT)
            resume.set()
            worker_a.join(TIMEOUT)
        self.assertEqual(results, {"a": BATCH, "b": BOOKINGS - BATCH})
        self.assertEqual(self._reminders(), BOOKINGS)

    def test_worker_killed_mid_batch(self):
        """Worker a dies after queueing its first batch, before committing it:
        nothing of that batch remains, and worker b reminds every booking."""
        locked, resume, results = threading.Event(), threading.Event(), {}
        with self._pausing_send(locked, resume, fail=True):
            worker_a = self._worker(results, "a")
            worker_a.start()
            self._wait_for_batch(locked, worker_a, results)
            resume.set()
            worker_a.join(TIMEOUT)
        self.assertIsInstance(results["a"], RuntimeError)
        with self.env() as env:
            bookings = env["contact.order.booking"].browse(self.booking_ids)
            self.assertFalse(any(bookings.mapped("reminder_sent_at")))
        worker_b = self._worker(results, "b")
        worker_b.start()
        worker_b.join(TIMEOUT)
        self.assertEqual(results["b"], BOOKINGS)
        self.assertEqual(self._reminders(), BOOKINGS)

    def test_worker_with_an_older_snapshot(self):
        """Worker b's transaction began before worker a reminded and committed
        everything: b stops instead of reminding again."""
        results = {}
        with self.registry.cursor() as cr_b:
            cr_b.execute("SELECT 1")  # b's snapshot is taken here
            worker_a = self._worker(results, "a")
            worker_a.start()
            worker_a.join(TIMEOUT)
            self.assertEqual(results["a"], BOOKINGS)
            env_b = api.Environment(cr_b, SUPERUSER_ID, {})
            self.assertEqual(env_b["contact.order.booking"]._cron_send_reminders(), 0)
        self.assertEqual(self._reminders(), BOOKINGS)
