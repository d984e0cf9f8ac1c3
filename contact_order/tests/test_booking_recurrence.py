# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Recurring follow-ups: every N weeks or months, until a date or for N
times; the next is booked when one is done or its time passes, with the
same assignee and type; completing the order stops the series."""

from datetime import date, datetime
from unittest.mock import patch

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import BookingCase

BOOKING_FORM = "contact_order.contact_order_booking_view_form"
RECURRENCE_LOGGER = "odoo.addons.contact_order.models.contact_order_booking_recurrence"


@tagged("post_install", "-at_install")
@freeze_time("2030-01-10 12:00:00")
class TestBookingRecurrence(BookingCase):
    def _series(self, user=None, **vals):
        values = {
            "start": datetime(2030, 1, 15, 8, 0),
            "booking_type": "meeting",
            "repeat_unit": "weeks",
            "repeat_interval": 2,
        }
        values.update(vals)
        return self._book(user=user, **values)

    def _planned(self):
        return self.order.booking_ids.filtered(lambda b: b.state == "planned")

    def test_done_books_the_next_until_the_last_occurrence(self):
        first = self._series(repeat_count=3, description="Check the filters")
        first.with_user(self.user).action_done()
        second = first.next_occurrence_id
        self.assertEqual(second.start, datetime(2030, 1, 29, 8, 0))
        self.assertEqual(
            (second.booking_type, second.user_id, second.recurrence_index),
            ("meeting", self.user, 2),
        )
        self.assertEqual(second.description, "Check the filters")
        self.assertTrue(second.calendar_event_id and second.activity_id)
        second.with_user(self.user).action_done()
        third = second.next_occurrence_id
        self.assertEqual(third.start, datetime(2030, 2, 12, 8, 0))
        third.with_user(self.user).action_done()
        self.assertFalse(third.next_occurrence_id, "the third was the last")
        self.assertFalse(self._planned())
        self.assertEqual(len(self.order.booking_ids), 3)

    def test_months_until_a_date(self):
        first = self._series(
            repeat_unit="months", repeat_interval=6, repeat_until=date(2031, 1, 15)
        )
        first.with_user(self.user).action_done()
        self.assertEqual(first.next_occurrence_id.start, datetime(2030, 7, 15, 8, 0))
        first.next_occurrence_id.with_user(self.user).action_done()
        self.assertEqual(
            first.next_occurrence_id.next_occurrence_id.start,
            datetime(2031, 1, 15, 8, 0),
            "the until day itself is in",
        )
        first.next_occurrence_id.next_occurrence_id.with_user(self.user).action_done()
        self.assertFalse(self._planned())

    def test_time_passes_the_cron_books_the_next_once(self):
        first = self._series()
        Booking = self.env["contact.order.booking"]
        self.assertEqual(Booking._cron_book_next_occurrences(), 0, "not yet")
        with freeze_time("2030-02-01 12:00:00"):
            Booking._cron_book_next_occurrences()
            Booking._cron_book_next_occurrences()
            # missed while the cron was late: the next one still ahead
            self.assertEqual(
                first.next_occurrence_id.start, datetime(2030, 2, 12, 8, 0)
            )
            self.assertEqual(first.next_occurrence_id.recurrence_index, 3)
            self.assertEqual(first.state, "planned", "still the user's to log")
            first.with_user(self.user).action_done()
        self.assertEqual(len(self.order.booking_ids), 2, "booked once")

    def test_completing_the_order_mid_series_stops_it(self):
        first = self._series(repeat_count=5)
        first.with_user(self.user).action_done()
        second = first.next_occurrence_id
        self.order.with_user(self.user).action_complete()
        self.assertEqual(second.state, "cancelled")
        with freeze_time("2030-03-01 12:00:00"):
            self.env["contact.order.booking"]._cron_book_next_occurrences()
        self.assertFalse(second.next_occurrence_id)
        self.assertFalse(self._planned())

    def test_cancelling_an_occurrence_stops_the_series(self):
        first = self._series()
        first.with_user(self.user).action_cancel()
        with freeze_time("2030-03-01 12:00:00"):
            self.env["contact.order.booking"]._cron_book_next_occurrences()
        self.assertFalse(first.next_occurrence_id)

    def test_reassigned_occurrence_continues_with_the_new_assignee(self):
        first = self._series()
        first.with_user(self.user).write({"user_id": self.colleague.id})
        # an editor without Assign marks the colleague's booking done: the
        # series, not they, books the next one for the colleague
        editor = new_test_user(
            self.env,
            login="co_rec_editor",
            groups="base.group_user,contact_order.group_view,contact_order.group_edit",
        )
        first.with_user(editor).action_done()
        self.assertEqual(first.next_occurrence_id.user_id, self.colleague)
        self.assertEqual(first.next_occurrence_id.activity_id.user_id, self.colleague)

    def test_log_contact_on_a_recurring_booking_books_no_second_next(self):
        first = self._series(start=datetime(2030, 1, 10, 8, 0))
        wizard = Form(
            self.env["contact.order.log.contact"]
            .with_user(self.user)
            .with_context(default_order_id=self.order.id, default_booking_id=first.id),
            view="contact_order.contact_order_log_contact_view_form",
        )
        self.assertEqual(wizard.next_step, "none", "the series books the next")
        wizard.note = "Regular check"
        wizard.save().action_log()
        self.assertEqual(len(self._planned()), 1)
        self.assertEqual(self._planned().start, datetime(2030, 1, 24, 8, 0))

    def test_repeating_a_colleagues_booking_takes_the_assign_right(self):
        """The series books its assignee again as the module: setting it up
        on a colleague's booking takes the right to book them."""
        editor = new_test_user(
            self.env,
            login="co_editor_only",
            groups="base.group_user,contact_order.group_edit",
        )
        order = self._create_order(user_id=editor.id)
        booking = self._book(
            user=self.manager, order_id=order.id, user_id=self.colleague.id
        )
        with self.assertRaises(AccessError):
            booking.with_user(editor).write({"repeat_unit": "weeks"})
        self.assertFalse(booking.repeat_unit)
        own = self._book(user=self.manager, order_id=order.id, user_id=editor.id)
        own.with_user(editor).write({"repeat_unit": "weeks"})
        self.assertEqual(own.repeat_unit, "weeks")

    def test_form_and_bad_inputs(self):
        form = Form(
            self.env["contact.order.booking"]
            .with_user(self.user)
            .with_context(default_order_id=self.order.id),
            view=BOOKING_FORM,
        )
        form.start = datetime(2030, 1, 20, 8, 0)
        form.repeat_unit = "months"
        form.repeat_interval = 6
        form.repeat_count = 4
        booking = form.save()
        self.assertEqual((booking.repeat_unit, booking.recurrence_index), ("months", 1))
        for vals in (
            {"repeat_interval": 0},
            {"repeat_count": -1},
            {"repeat_until": date(2030, 1, 1)},
        ):
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                self._series(**vals)
        for vals in ({"recurrence_index": 9}, {"next_occurrence_id": booking.id}):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                booking.with_user(self.user).write(vals)

    # ------------------------------------------------------------
    # the cron: ended series, failing bookings, progress
    # ------------------------------------------------------------

    def _move_colleague_to_another_company(self):
        """The colleague leaves the order's company: a booking of theirs
        can no longer be copied (Incompatible companies)."""
        other_company = self.env["res.company"].create({"name": "Filial AB"})
        self.colleague.write(
            {
                "company_ids": [Command.set(other_company.ids)],
                "company_id": other_company.id,
            }
        )

    def _said_on_the_order(self, text):
        return any(text in message.body for message in self.order.message_ids)

    def test_ended_series_do_not_starve_the_cron(self):
        """The last occurrence of a series, never logged, leaves the cron's
        queue: the oldest rows come first and would fill every batch."""
        ended = self.env["contact.order.booking"]
        for day in (1, 2):
            ended |= self._series(start=datetime(2030, 1, day, 8, 0), repeat_count=1)
        live = self._series(start=datetime(2030, 1, 5, 8, 0))
        Booking = self.env["contact.order.booking"]
        Booking._cron_book_next_occurrences(batch_size=2)
        Booking._cron_book_next_occurrences(batch_size=2)
        self.assertTrue(live.next_occurrence_id)
        self.assertFalse(ended.next_occurrence_id)
        self.assertEqual(ended.mapped("state"), ["planned", "planned"])

    def test_one_failing_series_does_not_block_the_others(self):
        bad = self._series(start=datetime(2030, 1, 1, 8, 0), user_id=self.colleague.id)
        good = self._series(start=datetime(2030, 1, 5, 8, 0))
        self._move_colleague_to_another_company()
        Booking = self.env["contact.order.booking"]
        with self.assertLogs(RECURRENCE_LOGGER, "WARNING") as logs:
            Booking._cron_book_next_occurrences()
        self.assertIn(f"Booking {bad.id}: the next occurrence", logs.output[0])
        self.assertTrue(good.next_occurrence_id)
        self.assertFalse(bad.next_occurrence_id)
        self.assertTrue(self._said_on_the_order("could not be booked"))
        # the series has ended: the next runs leave it alone
        Booking._cron_book_next_occurrences()
        self.assertEqual(len(self.order.booking_ids), 3)

    def test_a_failing_next_occurrence_does_not_block_done(self):
        colleagues = self._series(user_id=self.colleague.id)
        self._move_colleague_to_another_company()
        with self.assertLogs(RECURRENCE_LOGGER, "WARNING"):
            colleagues.with_user(self.user).action_done()
        self.assertEqual(colleagues.state, "done", "the contact is logged")
        self.assertFalse(colleagues.next_occurrence_id)
        self.assertTrue(self._said_on_the_order("could not be booked"))

    def test_cron_reports_what_is_left(self):
        """Odoo runs the cron again at once while there is work left."""
        for day in (1, 2, 3):
            self._series(start=datetime(2030, 1, day, 8, 0))
        Cron = type(self.env["ir.cron"])
        with patch.object(Cron, "_notify_progress") as notify:
            self.env["contact.order.booking"]._cron_book_next_occurrences(batch_size=2)
        notify.assert_called_once_with(done=2, remaining=1)

    def test_cron_books_a_batch_in_one_create(self):
        for day in (1, 2, 3):
            self._series(start=datetime(2030, 1, day, 8, 0))
        Booking = self.env["contact.order.booking"]
        create = type(Booking).create
        with patch.object(
            type(Booking), "create", autospec=True, side_effect=create
        ) as spy:
            Booking._cron_book_next_occurrences()
        self.assertEqual(spy.call_count, 1)
        self.assertEqual(len(self.order.booking_ids.next_occurrence_id), 3)

    # ------------------------------------------------------------
    # the rule: bounds, time zone, month end
    # ------------------------------------------------------------

    def test_absurd_interval_is_refused(self):
        for vals in (
            {"repeat_interval": 10**6},
            {"repeat_unit": "weeks", "repeat_interval": 105},
            {"repeat_unit": "months", "repeat_interval": 61},
        ):
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                self._series(**vals)
        self._series(repeat_unit="months", repeat_interval=60)
        self._series(repeat_unit="weeks", repeat_interval=104)

    def test_moving_a_booking_past_its_until_day_is_refused(self):
        booking = self._series(repeat_until=date(2030, 1, 31))
        with self.assertRaises(ValidationError):
            booking.with_user(self.user).write({"start": datetime(2030, 2, 5, 8, 0)})

    def test_series_keeps_the_local_time_across_dst(self):
        self.user.tz = "Europe/Stockholm"
        # 09:00 CET
        first = self._series(
            start=datetime(2030, 1, 15, 8, 0), repeat_unit="months", repeat_interval=6
        )
        first.with_user(self.user).action_done()
        # 09:00 CEST
        self.assertEqual(first.next_occurrence_id.start, datetime(2030, 7, 15, 7, 0))

    def test_until_day_is_the_assignees_day(self):
        """00:30 on 29 January in Stockholm is still the 28th in UTC: the
        until day is the assignee's."""
        self.user.tz = "Europe/Stockholm"
        first = self._series(
            start=datetime(2030, 1, 14, 23, 30), repeat_until=date(2030, 1, 28)
        )
        first.with_user(self.user).action_done()
        self.assertFalse(first.next_occurrence_id)
        with self.assertRaises(ValidationError):
            self._series(
                start=datetime(2030, 1, 28, 23, 30), repeat_until=date(2030, 1, 28)
            )

    def test_monthly_series_keeps_the_month_end(self):
        first = self._series(
            start=datetime(2030, 1, 31, 8, 0), repeat_unit="months", repeat_interval=1
        )
        first.with_user(self.user).action_done()
        second = first.next_occurrence_id
        self.assertEqual(second.start.date(), date(2030, 2, 28))
        second.with_user(self.user).action_done()
        self.assertEqual(second.next_occurrence_id.start.date(), date(2030, 3, 31))

    def test_a_new_rule_counts_from_its_booking(self):
        first = self._series(repeat_unit="months", repeat_interval=1)
        first.with_user(self.user).action_done()
        second = first.next_occurrence_id
        self.assertEqual(second.start, datetime(2030, 2, 15, 8, 0))
        second.with_user(self.user).write({"repeat_interval": 3})
        second.with_user(self.user).action_done()
        self.assertEqual(second.next_occurrence_id.start, datetime(2030, 5, 15, 8, 0))

    def test_a_moved_occurrence_keeps_the_rhythm(self):
        """As Calendar's "only this event": the customer could not on the
        29th, the series goes on every other Tuesday."""
        first = self._series()
        first.with_user(self.user).action_done()
        second = first.next_occurrence_id
        second.with_user(self.user).write({"start": datetime(2030, 1, 30, 8, 0)})
        second.with_user(self.user).action_done()
        self.assertEqual(second.next_occurrence_id.start, datetime(2030, 2, 12, 8, 0))

    # ------------------------------------------------------------
    # deleting an occurrence
    # ------------------------------------------------------------

    def test_deleting_the_next_occurrence_ends_the_series(self):
        first = self._series(start=datetime(2030, 1, 1, 8, 0))
        Booking = self.env["contact.order.booking"]
        Booking._cron_book_next_occurrences()
        first.next_occurrence_id.with_user(self.user).unlink()
        Booking._cron_book_next_occurrences()
        self.assertEqual(len(self.order.booking_ids), 1, "not booked again")
        first.with_user(self.user).action_done()
        self.assertEqual(self.order.booking_ids, first)
