# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Log Contact: "I just called: note it, book the next one" in one dialog,
from the order and from My To-do, with the rights of the user."""

from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import BookingCase

LOG_VIEW = "contact_order.contact_order_log_contact_view_form"


@tagged("post_install", "-at_install")
@freeze_time("2030-01-15 12:00:00")
class TestLogContact(BookingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user.tz = "Europe/Stockholm"
        cls.colleague.tz = "Europe/Stockholm"

    def _form(self, user=None, **context):
        context.setdefault("default_order_id", self.order.id)
        wizard = (
            self.env["contact.order.log.contact"]
            .with_user(user or self.user)
            .with_context(**context)
        )
        return Form(wizard, view=LOG_VIEW)

    def _log(self, user=None, **vals):
        values = {"order_id": self.order.id, "note": "Called, all fine"}
        values.update(vals)
        wizard = (
            self.env["contact.order.log.contact"]
            .with_user(user or self.user)
            .create(values)
        )
        return wizard.action_log()

    def test_call_note_and_next_booking_in_one_dialog(self):
        due = self._book(start=datetime(2030, 1, 15, 8, 0), booking_type="meeting")
        form = self._form()
        self.assertEqual(form.booking_id, due, "today's planned booking is logged")
        self.assertEqual(form.contact_type, "meeting")
        form.note = "Visited the workshop; wants an offer for the compressor."
        form.hours = 1.5
        form.next_step = "1_month"
        action = form.save().action_log()
        self.assertEqual(
            action["params"]["next"]["type"], "ir.actions.act_window_close"
        )
        note = self.order.note_ids
        self.assertEqual(len(note), 1)
        self.assertIn("wants an offer", note.body)
        self.assertEqual((note.hours, note.contact_type), (1.5, "meeting"))
        self.assertEqual(note.author_id, self.user)
        self.assertEqual(self.order.total_hours, 1.5)
        self.assertEqual(due.state, "done")
        self.assertFalse(due.activity_id.exists())
        following = self.order.booking_ids - due
        self.assertEqual(len(following), 1)
        # 9:00 in Stockholm, a month later
        self.assertEqual(following.start, datetime(2030, 2, 15, 8, 0))
        self.assertEqual(following.booking_type, "meeting")
        self.assertEqual(following.user_id, self.user)
        self.assertTrue(following.calendar_event_id and following.activity_id)
        self.assertEqual(self.order.scheduled_date, date(2030, 2, 15))

    def test_presets_and_date(self):
        for step, expected in (
            ("1_week", datetime(2030, 1, 22, 8, 0)),
            ("3_months", datetime(2030, 4, 15, 7, 0)),
            ("6_months", datetime(2030, 7, 15, 7, 0)),
        ):
            with self.subTest(step=step):
                self._log(next_step=step)
                self.assertEqual(
                    self.order.booking_ids.sorted("id")[-1:].start, expected
                )
        form = self._form()
        form.note = "Call back after the holidays"
        form.next_step = "date"
        form.next_date = date(2030, 3, 2)
        form.next_type = "digital"
        form.save().action_log()
        last = self.order.booking_ids.sorted("id")[-1:]
        self.assertEqual(last.start, datetime(2030, 3, 2, 8, 0))
        self.assertEqual(last.booking_type, "digital")
        self.assertEqual(len(self.order.note_ids), 4)

    def test_no_next_contact(self):
        self._log(hours=0.25)
        self.assertEqual(len(self.order.note_ids), 1)
        self.assertFalse(self.order.booking_ids)

    def test_from_my_todo_the_booking_is_done(self):
        later = self._book(start=datetime(2030, 1, 20, 8, 0))
        entry = (
            self.env["contact.order.todo"]
            .with_user(self.user)
            .search([("booking_id", "=", later.id)])
        )
        action = entry.action_log_contact()
        self.assertEqual(action["res_model"], "contact.order.log.contact")
        form = self._form(**action["context"])
        self.assertEqual(form.booking_id, later, "the row's booking, though not due")
        form.note = "Called earlier than planned"
        form.next_step = "1_week"
        form.save().action_log()
        self.assertEqual(later.state, "done")
        self.assertFalse(
            self.env["contact.order.todo"]
            .with_user(self.user)
            .search([("booking_id", "=", later.id)]),
            "done: no longer to do",
        )
        self.assertEqual(
            self.order.booking_ids.filtered(lambda b: b.state == "planned").start,
            datetime(2030, 1, 22, 8, 0),
        )

    def test_next_contact_of_the_booking_assignee(self):
        colleagues = self._book(
            start=datetime(2030, 1, 15, 7, 0), user_id=self.colleague.id
        )
        form = self._form(default_booking_id=colleagues.id)
        self.assertEqual(form.next_user_id, self.colleague)
        form.note = "Colleague's call, logged by me"
        form.next_step = "1_week"
        form.save().action_log()
        self.assertEqual(colleagues.state, "done")
        self.assertEqual(
            self.order.booking_ids.filtered(lambda b: b.state == "planned").user_id,
            self.colleague,
        )

    def test_bad_inputs(self):
        with self.assertRaises(ValidationError):
            self._log(next_step="date")
        with self.assertRaises(ValidationError):
            self._log(next_step="date", next_date=date(2030, 1, 14))
        with self.assertRaises(ValidationError):
            self._log(note="   ")
        other = self._create_order(user=self.user)
        foreign = self._book(order_id=other.id)
        with self.assertRaises(UserError):
            self._log(booking_id=foreign.id)
        self.assertEqual(foreign.state, "planned")
        self.assertFalse(self.order.note_ids)

    def test_completed_order_takes_no_next_booking(self):
        self.order.with_user(self.user).action_complete()
        with self.assertRaises(ValidationError):
            self._log(next_step="1_week")
        self.assertFalse(self.order.note_ids)

    def test_rights(self):
        reader = new_test_user(
            self.env,
            login="co_log_reader",
            groups="base.group_user,contact_order.group_view",
        )
        with self.assertRaises(AccessError):
            self._log(user=reader)
        # Edit, but the order is not theirs to see
        with self.assertRaises(AccessError):
            self._log(user=self.colleague)
        # Edit without Assign: the next contact is theirs only
        editor = new_test_user(
            self.env,
            login="co_log_editor",
            groups="base.group_user,contact_order.group_view,contact_order.group_edit",
        )
        with self.assertRaises(AccessError):
            self._log(user=editor, next_step="1_week", next_user_id=self.user.id)
        self.assertFalse(self.order.note_ids)
        with self.assertRaises(AccessError):
            self._log(user=editor, next_step="1_week")
        self._log(user=editor, next_step="none")
        self.assertEqual(self.order.note_ids.author_id, editor)
        # a wizard of someone else is not reused
        wizard = (
            self.env["contact.order.log.contact"]
            .with_user(self.user)
            .create({"order_id": self.order.id, "note": "Mine"})
        )
        with self.assertRaises(AccessError):
            wizard.with_user(editor).action_log()

    def test_a_repeating_booking_books_its_own_next_contact(self):
        """Whatever the dialog showed (or an RPC client sends): the series
        books the next contact, so a preset would be a second one."""
        first = self._book(
            start=datetime(2030, 1, 15, 8, 0), repeat_unit="weeks", repeat_interval=2
        )
        with self.assertRaises(UserError):
            self._log(booking_id=first.id, next_step="1_week")
        self.assertEqual(first.state, "planned")
        self.assertFalse(self.order.note_ids)
        action = self._log(booking_id=first.id)
        self.assertEqual(len(self.order.booking_ids), 2)
        self.assertEqual(first.next_occurrence_id.start, datetime(2030, 1, 29, 8, 0))
        self.assertEqual(
            action["params"]["message"],
            f"Contact logged; next contact: {first.next_occurrence_id._summary()}.",
            "the series' next contact is named as the dialog's would be",
        )

    def test_the_last_occurrence_takes_a_next_contact(self):
        last = self._book(
            start=datetime(2030, 1, 15, 8, 0), repeat_unit="weeks", repeat_count=1
        )
        form = self._form(default_booking_id=last.id)
        form.note = "Last one of the series"
        form.next_step = "1_month"
        form.save().action_log()
        planned = self.order.booking_ids.filtered(lambda b: b.state == "planned")
        self.assertEqual(planned.start, datetime(2030, 2, 15, 8, 0))
