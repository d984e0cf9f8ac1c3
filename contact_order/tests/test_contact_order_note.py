# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import FORM_VIEW, USER_GROUPS, ContactOrderCase


@tagged("post_install", "-at_install")
class TestContactOrderNote(ContactOrderCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls._create_order(user=cls.user)
        cls.Note = cls.env["contact.order.note"]

    def _note(self, user, body="<p>Talked about a new compressor</p>", **vals):
        return self.Note.with_user(user).create(
            dict(order_id=self.order.id, body=body, **vals)
        )

    @freeze_time("2030-02-03 10:15:00")
    def test_author_and_time_are_logged(self):
        note = self._note(
            self.user, hours=1.5, author_id=self.manager.id, date="2001-01-01 00:00:00"
        )
        self.assertEqual(note.author_id, self.user)
        self.assertEqual(str(note.date), "2030-02-03 10:15:00")
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            note.with_user(self.user).date = "2001-01-01 00:00:00"
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            note.with_user(self.user).author_id = self.colleague

    def test_total_hours(self):
        self._note(self.user, hours=1.5)
        self._note(self.manager, hours=0.25)
        self._note(self.user)
        self.assertEqual(self.order.note_count, 3)
        self.assertAlmostEqual(self.order.total_hours, 1.75)
        groups = self.env["contact.order"].read_group(
            [("id", "=", self.order.id)], ["total_hours:sum"], []
        )
        self.assertAlmostEqual(groups[0]["total_hours"], 1.75)

    def test_notes_through_the_order_form(self):
        with Form(self.order.with_user(self.user), view=FORM_VIEW) as form:
            with form.note_ids.new() as line:
                line.body = "<p>Customer wants an offer</p>"
                line.hours = 0.5
        self.assertEqual(self.order.note_ids.author_id, self.user)
        self.assertAlmostEqual(self.order.total_hours, 0.5)

    def test_others_notes_are_read_only_in_the_form(self):
        self._note(self.manager, body="<p>Manager's note</p>")
        self._note(self.user, body="<p>My note</p>")
        with Form(self.order.with_user(self.user), view=FORM_VIEW) as form:
            # newest first: the user's own note, then the manager's
            with form.note_ids.edit(0) as line:
                line.body = "<p>My corrected note</p>"
            with form.note_ids.edit(1) as line:
                with self.assertRaisesRegex(AssertionError, "readonly"):
                    line.body = "<p>Not mine</p>"
        self.assertEqual(
            self.order.note_ids.mapped("body"),
            ["<p>My corrected note</p>", "<p>Manager's note</p>"],
        )

    def test_bad_notes(self):
        for body in (False, "", "<p><br></p>"):
            with (
                self.subTest(body=body),
                self.assertRaisesRegex(ValidationError, "empty"),
            ):
                self._note(self.user, body=body)
        with self.assertRaisesRegex(ValidationError, "between 0 and"):
            self._note(self.user, hours=-1)
        note = self._note(self.user)
        with self.assertRaisesRegex(UserError, "moved"):
            note.with_user(self.user).order_id = self._create_order()

    def test_only_author_edits(self):
        note = self._note(self.user)
        with self.assertRaisesRegex(AccessError, "author"):
            note.with_user(self.colleague).body = "<p>Not mine</p>"
        note.with_user(self.user).body = "<p>Corrected</p>"
        self.assertIn("Corrected", note.body)

    def test_only_author_or_deleter_removes(self):
        note = self._note(self.user)
        reader = new_test_user(
            self.env,
            login="co_reader_editor",
            groups=USER_GROUPS + ",contact_order.group_view",
        )
        with self.assertRaisesRegex(AccessError, "author"):
            note.with_user(reader).unlink()
        deleter = new_test_user(
            self.env,
            login="co_deleter",
            groups=USER_GROUPS + ",contact_order.group_view,contact_order.group_delete",
        )
        note.with_user(deleter).unlink()
        self.assertFalse(note.exists())
        own = self._note(self.user)
        own.with_user(self.user).unlink()
        self.assertFalse(own.exists())

    def test_body_is_sanitized(self):
        note = self._note(self.user, body="<p>Hi</p><script>alert(1)</script>")
        self.assertNotIn("script", note.body)

    def test_note_on_completed_order(self):
        self.order.with_user(self.user).action_complete()
        note = self._note(self.user, hours=2)
        self.assertEqual(note.order_id.state, "done")
        self.assertAlmostEqual(self.order.total_hours, 2)
