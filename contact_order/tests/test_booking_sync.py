# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A booking, its calendar event and its to-do entry stay one, whichever app
changes them: Calendar, the activity menu, the chatter or RPC."""

from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import ContactOrderCase


@tagged("post_install", "-at_install")
@freeze_time("2030-05-20 08:00:00")
class TestBookingSync(ContactOrderCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user.tz = "Europe/Stockholm"
        cls.order = cls._create_order(user=cls.user)

    def setUp(self):
        super().setUp()
        self.booking = (
            self.env["contact.order.booking"]
            .with_user(self.user)
            .create(
                {
                    "order_id": self.order.id,
                    "start": datetime(2030, 6, 3, 7, 0),  # 09:00 in Stockholm
                    "description": "Bring the price list",
                }
            )
        )
        self.event = self.booking.calendar_event_id
        self.activity = self.booking.activity_id

    def _log(self, text):
        return self.order.message_ids.filtered(lambda m: text in str(m.body))

    # ------------------------------------------------------------------
    # from Calendar
    # ------------------------------------------------------------------

    def test_event_moved_in_calendar_moves_the_booking(self):
        self.booking._as_system().reminder_sent_at = datetime(2030, 6, 3, 6, 0)
        self.event.with_user(self.user).write(
            {"start": datetime(2030, 6, 5, 12, 0), "stop": datetime(2030, 6, 5, 13, 0)}
        )
        self.assertEqual(self.booking.start, datetime(2030, 6, 5, 12, 0))
        self.assertEqual(self.booking.duration, 1.0)
        self.assertEqual(self.activity.date_deadline, date(2030, 6, 5))
        self.assertFalse(
            self.booking.reminder_sent_at, "reminded again, at the new time"
        )
        self.assertEqual(self.booking.calendar_event_id, self.event)

    def test_event_given_to_a_colleague_reassigns_the_booking(self):
        # a private event: only its organizer changes it in Calendar
        self.user.groups_id += self.env.ref("contact_order.group_assign")
        self.event.with_user(self.user).write({"user_id": self.colleague.id})
        self.assertEqual(self.booking.user_id, self.colleague)
        self.assertEqual(self.activity.user_id, self.colleague)
        self.assertIn(self.colleague, self.order.assignee_ids)

    def test_event_reassignment_follows_the_assign_right(self):
        # Edit and Assign self, not Assign
        self.user.groups_id -= self.env.ref("contact_order.group_user")
        self.user.groups_id -= self.env.ref("contact_order.group_assign")
        with self.assertRaisesRegex(AccessError, "'Assign'"):
            self.event.with_user(self.user).write({"user_id": self.colleague.id})
        self.assertEqual(self.booking.user_id, self.user)

    def test_calendar_user_cannot_move_a_booking(self):
        outsider = new_test_user(
            self.env, login="sync_outsider", groups="base.group_user"
        )
        with self.assertRaises(AccessError):
            self.event.with_user(outsider).write({"start": datetime(2030, 6, 9, 7, 0)})
        self.assertEqual(self.booking.start, datetime(2030, 6, 3, 7, 0))

    def test_event_deleted_in_calendar_cancels_the_booking(self):
        self.event.with_user(self.user).unlink()
        self.assertEqual(self.booking.state, "cancelled")
        self.assertFalse(self.activity.exists())
        self.assertFalse(self.booking.calendar_event_id or self.booking.activity_id)
        self.assertEqual(len(self._log("deleted its")), 1)
        self.assertIn(self.user.name, str(self._log("deleted its").body))
        # a later edit of the booking does not bring them back
        self.booking.with_user(self.user).description = "Too late"
        self.assertFalse(self.booking.calendar_event_id)

    def test_event_archived_in_calendar_cancels_the_booking(self):
        self.event.with_user(self.user).write({"active": False})
        self.assertEqual(self.booking.state, "cancelled")
        self.assertFalse(self.activity.exists())
        self.assertEqual(len(self._log("archived its")), 1)

    def test_event_stays_on_its_order_and_assignee(self):
        other = self._create_order(user=self.user)
        for vals in (
            {"res_id": other.id},
            {"res_model_id": self.env["ir.model"]._get_id("res.partner")},
            {"partner_ids": [Command.link(self.colleague.partner_id.id)]},
            {
                "attendee_ids": [
                    Command.create({"partner_id": self.colleague.partner_id.id})
                ]
            },
            {"activity_ids": [Command.delete(self.activity.id)]},
            {"privacy": "public"},
            {"recurrency": True, "rrule_type": "daily", "count": 3},
            {"allday": True},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "booking"):
                self.event.with_user(self.user).write(vals)
        self.assertEqual(self.event.res_id, self.order.id)
        self.assertEqual(self.event.partner_ids, self.user.partner_id)

    def test_event_shows_colleagues_nothing(self):
        self.assertEqual(self.event.privacy, "private")
        self.assertFalse(self.event.description)
        self.assertIn("Bring the price list", self.activity.note)
        self.env.invalidate_all()  # as in a request of the colleague's own
        colleague_view = self.event.with_user(self.colleague).read(["name"])[0]
        self.assertNotIn(self.order.subject, colleague_view["name"])

    # ------------------------------------------------------------------
    # from the activity menu and the chatter
    # ------------------------------------------------------------------

    def test_todo_marked_done_marks_the_booking_done(self):
        self.activity.with_user(self.user).action_feedback(feedback="Called")
        self.assertEqual(self.booking.state, "done")
        self.assertFalse(self.activity.exists())
        self.assertTrue(self.event.exists(), "the meeting stays in the calendar")
        self.assertFalse(self._log("deleted its"))

    def test_todo_rescheduled_moves_the_booking_same_time_of_day(self):
        self.activity.with_user(self.user).write({"date_deadline": date(2030, 6, 10)})
        # 09:00 in Stockholm (summer time) is 07:00 UTC
        self.assertEqual(self.booking.start, datetime(2030, 6, 10, 7, 0))
        self.assertEqual(self.event.start, datetime(2030, 6, 10, 7, 0))
        self.assertEqual(self.activity.date_deadline, date(2030, 6, 10))

    def test_todo_reassigned_reassigns_the_booking(self):
        self.activity.with_user(self.manager).write({"user_id": self.colleague.id})
        self.assertEqual(self.booking.user_id, self.colleague)
        self.assertEqual(self.event.user_id, self.colleague)

    def test_todo_deleted_cancels_the_booking(self):
        self.activity.with_user(self.user).unlink()
        self.assertEqual(self.booking.state, "cancelled")
        self.assertFalse(self.event.exists())
        self.assertEqual(len(self._log("deleted its")), 1)

    def test_todo_archived_marks_the_booking_done(self):
        self.activity.with_user(self.user).write({"active": False})
        self.assertEqual(self.booking.state, "done")

    def test_no_attendee_added_to_a_booking_meeting(self):
        with self.assertRaisesRegex(UserError, "booking"):
            self.env["calendar.attendee"].with_user(self.user).create(
                {"event_id": self.event.id, "partner_id": self.colleague.partner_id.id}
            )
        self.assertEqual(self.event.attendee_ids.partner_id, self.user.partner_id)

    def test_event_archived_by_calendar_archive_action(self):
        self.event.with_user(self.user).action_mass_archive("self_only")
        self.assertEqual(self.booking.state, "cancelled")
        self.assertFalse(self.activity.exists())

    def test_todo_cancelled_in_the_chatter(self):
        # the chatter's Cancel of an activity with a meeting
        self.activity.with_user(self.user).unlink_w_meeting()
        self.assertEqual(self.booking.state, "cancelled")
        self.assertFalse(self.event.exists())
        self.assertEqual(len(self._log("deleted its")), 1)

    def test_todo_stays_with_its_meeting(self):
        with self.assertRaisesRegex(UserError, "booking"):
            self.activity.with_user(self.user).write({"calendar_event_id": False})
        with self.assertRaisesRegex(UserError, "booking"):
            self.env["calendar.event"].with_user(self.user).create(
                {
                    "name": "Mine",
                    "start": datetime(2030, 6, 5, 7, 0),
                    "stop": datetime(2030, 6, 5, 8, 0),
                    "activity_ids": [Command.set(self.activity.ids)],
                }
            )
        self.assertEqual(self.activity.calendar_event_id, self.event)

    def test_todo_stays_on_its_order(self):
        with self.assertRaisesRegex(UserError, "booking"):
            self.activity.with_user(self.user).write(
                {"res_id": self._create_order(user=self.user).id}
            )
        self.assertEqual(self.activity.res_id, self.order.id)

    def test_todo_done_needs_the_edit_right(self):
        reader = new_test_user(
            self.env,
            login="sync_reader",
            groups="base.group_user,contact_order.group_view_assigned",
        )
        self.booking.with_user(self.manager).user_id = reader
        with self.assertRaises(AccessError):
            self.activity.with_user(reader).action_feedback(feedback="Done?")
        self.assertEqual(self.booking.state, "planned")

    # ------------------------------------------------------------------
    # from the order
    # ------------------------------------------------------------------

    def test_deleting_the_order_removes_events_and_todo(self):
        self.order.with_user(self.manager).unlink()
        self.assertFalse(self.event.exists())
        self.assertFalse(self.activity.exists())

    def test_complete_and_done_leave_no_echo(self):
        other = (
            self.env["contact.order.booking"]
            .with_user(self.user)
            .create({"order_id": self.order.id, "start": datetime(2030, 6, 4, 7, 0)})
        )
        other.with_user(self.user).action_done()
        self.assertEqual(other.state, "done")
        self.order.with_user(self.user).action_complete()
        self.assertEqual(self.booking.state, "cancelled")
        self.assertFalse(self.event.exists())
        self.assertFalse(
            self._log("deleted its"), "the module's own removal is no news"
        )
