# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime
from unittest.mock import patch

from freezegun import freeze_time

from odoo.tests import Form, tagged

from .common import SETTINGS_VIEW, ContactOrderCase


@tagged("post_install", "-at_install")
class TestReminders(ContactOrderCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user.partner_id.write(
            {"email": "sara@example.com", "mobile": "070-111 22 33"}
        )
        cls.order = cls._create_order(user=cls.user)
        cls.Booking = cls.env["contact.order.booking"]
        cls.params = cls.env["ir.config_parameter"].sudo()
        # bookings that exist already (demo data) are not this test's business
        cls.Booking.search([("reminder_sent_at", "=", False)]).write(
            {"reminder_sent_at": "2000-01-01 00:00:00"}
        )

    def _book(self, start, **vals):
        return self.Booking.create(
            dict(order_id=self.order.id, start=start, user_id=self.user.id, **vals)
        )

    def _inbox_reminders(self, booking):
        return self.env["mail.message"].search(
            [
                ("model", "=", "contact.order"),
                ("res_id", "=", booking.order_id.id),
                ("subject", "like", "Reminder:"),
                ("message_type", "=", "user_notification"),
            ]
        )

    @freeze_time("2030-06-01 08:00:00")
    def test_reminder_due_within_lead_time(self):
        due = self._book(datetime(2030, 6, 1, 8, 45))
        later = self._book(datetime(2030, 6, 1, 10, 0))
        self.assertEqual(self.Booking._cron_send_reminders(), 1)
        self.assertEqual(str(due.reminder_sent_at), "2030-06-01 08:00:00")
        self.assertFalse(later.reminder_sent_at)
        message = self._inbox_reminders(due)
        self.assertEqual(len(message), 1)
        self.assertIn(self.user.partner_id, message.notification_ids.res_partner_id)

    @freeze_time("2030-06-01 08:00:00")
    def test_exactly_once(self):
        booking = self._book(datetime(2030, 6, 1, 8, 30))
        self.Booking._cron_send_reminders()
        self.Booking._cron_send_reminders()
        self.assertEqual(len(self._inbox_reminders(booking)), 1)

    @freeze_time("2030-06-01 08:00:00")
    def test_cancelled_and_done_are_not_reminded(self):
        cancelled = self._book(datetime(2030, 6, 1, 8, 30))
        cancelled.action_cancel()
        done = self._book(datetime(2030, 6, 1, 8, 30))
        done.action_done()
        self.assertEqual(self.Booking._cron_send_reminders(), 0)
        self.assertFalse(cancelled.reminder_sent_at or done.reminder_sent_at)

    @freeze_time("2030-06-01 08:00:00")
    def test_channels(self):
        self.params.set_param("contact_order.reminder_channels", "email,sms")
        booking = self._book(datetime(2030, 6, 1, 8, 30))
        self.Booking._cron_send_reminders()
        self.assertFalse(self._inbox_reminders(booking))
        mail = self.env["mail.mail"].search([("email_to", "like", "sara@example.com")])
        self.assertEqual(len(mail), 1)
        self.assertIn("Reminder", mail.subject)
        sms = self.env["sms.sms"].search([("partner_id", "=", self.user.partner_id.id)])
        self.assertEqual(len(sms), 1)
        self.assertEqual(sms.number, "+46701112233")
        self.assertEqual(sms.state, "outgoing")

    @freeze_time("2030-06-01 08:00:00")
    def test_missing_mobile_is_logged_not_raised(self):
        self.params.set_param("contact_order.reminder_channels", "sms")
        self.user.partner_id.write({"mobile": False, "phone": "12ab"})
        booking = self._book(datetime(2030, 6, 1, 8, 30))
        self.assertEqual(self.Booking._cron_send_reminders(), 1)
        self.assertTrue(booking.reminder_sent_at)
        log = self.order.message_ids.filtered(
            lambda m: "SMS reminder not sent" in str(m.body)
        )
        self.assertEqual(len(log), 1)
        self.assertIn("12ab", str(log.body))

    @freeze_time("2030-06-01 08:00:00")
    def test_lead_minutes_setting(self):
        self.params.set_param("contact_order.reminder_lead_minutes", "180")
        booking = self._book(datetime(2030, 6, 1, 10, 30))
        self.Booking._cron_send_reminders()
        self.assertTrue(booking.reminder_sent_at)

    @freeze_time("2030-06-01 08:00:00")
    def test_batches_and_crash_mid_batch(self):
        bookings = self.Booking
        for minute in range(5):
            bookings |= self._book(datetime(2030, 6, 1, 8, minute))
        original = type(self.Booking)._send_reminders
        batches = []

        def crash_in_second_batch(records, channels):
            batches.append(records.ids)
            result = original(records, channels)
            if len(batches) == 2:
                raise RuntimeError("worker killed")
            return result

        # not assertRaises: Odoo's rolls back everything done inside it
        with patch.object(type(self.Booking), "_send_reminders", crash_in_second_batch):
            try:
                self.Booking._cron_send_reminders(batch_size=2)
            except RuntimeError as error:
                self.assertEqual(str(error), "worker killed")
            else:
                self.fail("the simulated crash did not happen")
        self.env.invalidate_all()
        self.assertEqual(batches, [bookings[:2].ids, bookings[2:4].ids])
        # the first batch went out, the second left nothing behind
        self.assertEqual(bookings.filtered("reminder_sent_at"), bookings[:2])
        self.assertEqual(len(self._inbox_reminders(bookings[0])), 2)
        # the next run reminds the rest, once
        self.assertEqual(self.Booking._cron_send_reminders(batch_size=2), 3)
        self.assertEqual(self.Booking._cron_send_reminders(batch_size=2), 0)
        self.assertEqual(len(self._inbox_reminders(bookings[0])), 5)
        self.assertEqual(bookings.filtered("reminder_sent_at"), bookings)

    def test_settings(self):
        Settings = self.env["res.config.settings"].with_user(self._settings_admin())
        settings = Form(Settings, view=SETTINGS_VIEW)
        settings.contact_order_reminder_inapp = False
        settings.contact_order_reminder_sms = True
        settings.contact_order_reminder_lead_minutes = 30
        settings.save().execute()
        self.assertEqual(
            self.params.get_param("contact_order.reminder_channels"), "sms"
        )
        self.assertEqual(
            self.params.get_param("contact_order.reminder_lead_minutes"), "30"
        )
        settings = Form(Settings, view=SETTINGS_VIEW)
        settings.contact_order_reminder_sms = False
        settings.save().execute()
        self.assertEqual(self.Booking._reminder_settings()[0], set())

    # ------------------------------------------------------------------
    # exactly one reminder per occurrence, assignee and destination
    # ------------------------------------------------------------------

    def _emails_to(self, user):
        """Reminder emails for the user: the in-app notice of an email user and
        the email channel's own."""
        return self.env["mail.mail"].search(
            [
                ("subject", "like", "Reminder:"),
                "|",
                ("recipient_ids", "in", user.partner_id.ids),
                ("email_to", "like", user.email),
            ]
        )

    @freeze_time("2030-06-01 08:00:00")
    def test_inapp_and_email_send_one_email_to_an_email_user(self):
        self.params.set_param("contact_order.reminder_channels", "inapp,email")
        self.user.notification_type = "email"
        self._book(datetime(2030, 6, 1, 8, 30))
        self.Booking._cron_send_reminders()
        self.assertEqual(len(self._emails_to(self.user)), 1)

    @freeze_time("2030-06-01 08:00:00")
    def test_inapp_and_email_reach_an_inbox_user_in_both(self):
        self.params.set_param("contact_order.reminder_channels", "inapp,email")
        self.user.notification_type = "inbox"
        booking = self._book(datetime(2030, 6, 1, 8, 30))
        self.Booking._cron_send_reminders()
        self.assertEqual(len(self._inbox_reminders(booking)), 1)
        self.assertEqual(len(self._emails_to(self.user)), 1)

    @freeze_time("2030-06-01 08:00:00")
    def test_every_channel_at_once(self):
        self.params.set_param("contact_order.reminder_channels", "inapp,email,sms")
        self.user.notification_type = "email"
        self._book(datetime(2030, 6, 1, 8, 30))
        self.Booking._cron_send_reminders()
        self.assertEqual(len(self._emails_to(self.user)), 1)
        sms = self.env["sms.sms"].search([("partner_id", "=", self.user.partner_id.id)])
        self.assertEqual(len(sms), 1)

    def test_rescheduled_after_its_reminder_is_reminded_again(self):
        with freeze_time("2030-06-01 08:00:00"):
            booking = self._book(datetime(2030, 6, 1, 8, 30))
            self.assertEqual(self.Booking._cron_send_reminders(), 1)
            booking.with_user(self.user).start = datetime(2030, 6, 3, 8, 30)
            self.assertFalse(booking.reminder_sent_at)
            self.assertEqual(self.Booking._cron_send_reminders(), 0, "not due yet")
        with freeze_time("2030-06-03 08:00:00"):
            self.assertEqual(self.Booking._cron_send_reminders(), 1)
        self.assertEqual(len(self._inbox_reminders(booking)), 2)

    @freeze_time("2030-06-01 08:00:00")
    def test_reassigned_after_its_reminder_reminds_the_new_assignee(self):
        booking = self._book(datetime(2030, 6, 1, 8, 30))
        self.Booking._cron_send_reminders()
        booking.with_user(self.manager).user_id = self.colleague
        self.assertEqual(self.Booking._cron_send_reminders(), 1)
        reminders = self._inbox_reminders(booking)
        self.assertEqual(len(reminders), 2)
        self.assertIn(
            self.colleague.partner_id, reminders.notification_ids.res_partner_id
        )

    @freeze_time("2030-06-01 08:00:00")
    def test_unchanged_time_keeps_the_reminder(self):
        booking = self._book(datetime(2030, 6, 1, 8, 30))
        self.Booking._cron_send_reminders()
        booking.with_user(self.user).write(
            {"start": datetime(2030, 6, 1, 8, 30), "description": "Same time"}
        )
        self.assertTrue(booking.reminder_sent_at)
