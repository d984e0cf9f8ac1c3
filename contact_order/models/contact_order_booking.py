# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
import threading
from datetime import datetime, time, timedelta

import psycopg2.errors
import pytz
from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import Command, api, fields, models, tools
from odoo.exceptions import UserError, ValidationError
from odoo.tools import clean_context, plaintext2html, str2bool

from .contact_order_count_mixin import contact_order_users_domain
from .contact_order_system_mixin import sync_context

DEFAULT_DURATION = 0.5
# a week: a booking is a contact (a call, a visit), not a project
MAX_DURATION = 168
DEFAULT_LEAD_MINUTES = 60
REMINDER_CHANNELS = ("inapp", "email", "sms")
DEFAULT_REMINDER_CHANNELS = "inapp"
REMINDER_BATCH_SIZE = 500
CHANNELS_PARAM = "contact_order.reminder_channels"
LEAD_PARAM = "contact_order.reminder_lead_minutes"
DURATION_PARAM = "contact_order.default_booking_duration"

_logger = logging.getLogger(__name__)


# the next-contact presets: the order's Bookings tab and Log Contact
NEXT_CONTACT_DELAYS = {
    "1_week": relativedelta(weeks=1),
    "1_month": relativedelta(months=1),
    "3_months": relativedelta(months=3),
    "6_months": relativedelta(months=6),
}


def is_valid_duration(hours):
    """Whether ``hours`` is a booking's duration: more than zero, at most
    MAX_DURATION."""
    return 0 < hours <= MAX_DURATION


class ContactOrderBooking(models.Model):
    """The next contact agreed with the customer. It lives in the assignee's
    calendar (a calendar.event) and to-do list (the event's mail.activity),
    kept in step whichever app changes them: the booking writes its event,
    and ``calendar.event``/``mail.activity`` write their booking back."""

    _name = "contact.order.booking"
    _inherit = ["contact.order.system.mixin"]
    _description = "Contact Order Booking"
    _order = "start, id"
    _check_company_auto = True
    _system_fields = (
        "state",
        "reminder_sent_at",
        "cancelled_by_completion",
        "calendar_event_id",
        "activity_id",
        "company_id",
        "partner_id",
        "status_id",
    )

    def _default_duration(self):
        return self._default_duration_setting()

    order_id = fields.Many2one(
        "contact.order",
        string="Contact Order",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    booking_type = fields.Selection(
        [("phone", "Phone Call"), ("meeting", "Meeting"), ("digital", "Digital")],
        string="Type",
        required=True,
        default="phone",
    )
    start = fields.Datetime(required=True, index=True)
    duration = fields.Float(default=_default_duration, help="Duration in hours.")
    user_id = fields.Many2one(
        "res.users",
        string="Assigned to",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        domain=lambda self: contact_order_users_domain(self.env),
        check_company=True,
    )
    description = fields.Text(
        help="Kept on the booking and in the assignee's to-do entry; the "
        "calendar event does not carry it."
    )
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="planned",
        required=True,
        readonly=True,
        copy=False,
        index=True,
    )
    calendar_event_id = fields.Many2one(
        "calendar.event",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
    )
    activity_id = fields.Many2one(
        "mail.activity",
        string="To-do",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
    )
    reminder_sent_at = fields.Datetime(readonly=True, copy=False)
    cancelled_by_completion = fields.Boolean(
        readonly=True,
        copy=False,
        help="Cancelled because its order was completed: booked again if the "
        "order is reopened before its time.",
    )
    company_id = fields.Many2one(related="order_id.company_id", store=True)
    partner_id = fields.Many2one(
        related="order_id.partner_id", string="Customer", store=True
    )
    status_id = fields.Many2one(
        related="order_id.status_id", string="Status", store=True
    )

    @api.depends("order_id", "booking_type", "start")
    def _compute_display_name(self):
        types = dict(self._fields["booking_type"]._description_selection(self.env))
        for booking in self:
            booking.display_name = " - ".join(
                part
                for part in (
                    types.get(booking.booking_type),
                    booking.order_id.display_name,
                )
                if part
            )

    @api.constrains("duration")
    def _check_duration(self):
        for booking in self:
            if not is_valid_duration(booking.duration):
                raise ValidationError(
                    self.env._(
                        "The duration of a booking must be more than zero and at "
                        "most %(max)s hours, not %(duration)s.",
                        max=MAX_DURATION,
                        duration=booking.duration,
                    )
                )

    # ------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------

    def init(self):
        """Indexes of My To-do (contact.order.todo): a booking's entry id is
        (id * 2 + 1), and a user's planned bookings are read in the to-do's
        order (company_id last for the count)."""
        tools.create_index(
            self.env.cr,
            "contact_order_booking_todo_id_index",
            self._table,
            ["(id * 2 + 1)"],
        )
        tools.create_index(
            self.env.cr,
            "contact_order_booking_todo_user_order_index",
            self._table,
            ["user_id", "start", "(id * 2 + 1)", "company_id"],
            where="state = 'planned'",
        )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._refuse_system_fields(vals)
            if not vals.get("start"):
                raise ValidationError(
                    self.env._("A booking needs a start date and time.")
                )
        # who may book is decided on the order as it is now: the booking
        # itself makes its assignee one of the order's assignees. The order
        # and assignee are the ones create() will use: context defaults too.
        defaults = self.default_get(["order_id", "user_id"])
        vals_list = [dict(defaults, **vals) for vals in vals_list]
        orders = self.env["contact.order"].browse(
            {vals.get("order_id") for vals in vals_list} - {None, False}
        )
        orders._assert_edit_right()
        for vals in vals_list:
            order = orders.browse(vals.get("order_id"))
            order._ensure_open_for_bookings()
            assignee = self.env["res.users"].browse(vals.get("user_id"))
            order._assert_may_assign(assignee, free_self=assignee in order.assignee_ids)
        bookings = super().create(vals_list)
        bookings._sync_calendar()
        return bookings

    def write(self, vals):
        self._refuse_system_fields(vals)
        if self._is_system_write():
            return super().write(vals)
        if "order_id" in vals and any(b.order_id.id != vals["order_id"] for b in self):
            raise UserError(
                self.env._("A booking cannot be moved to another contact order.")
            )
        if "start" in vals and not vals["start"]:
            raise ValidationError(self.env._("A booking needs a start date and time."))
        self.order_id._assert_edit_right()
        self.order_id._ensure_open_for_bookings()
        if "user_id" in vals:
            assignee = self.env["res.users"].browse(vals["user_id"])
            for booking in self.filtered(lambda b: b.user_id != assignee):
                booking.order_id._assert_may_assign(
                    assignee, free_self=assignee in booking.order_id.assignee_ids
                )
        rearm = self._reminder_rearmed(vals)
        assignees = self.order_id._assignees_by_order()
        result = super().write(vals)
        if "user_id" in vals:
            self.order_id._unfollow_former_assignees(assignees)
        if rearm:
            # a new time or a new assignee: one reminder for the new occurrence
            rearm._as_system().write({"reminder_sent_at": False})
        self._sync_calendar()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_completed_order(self):
        self.order_id._assert_edit_right()
        self.order_id._ensure_open_for_bookings()
        self._assert_files_deletable()

    def unlink(self):
        self._remove_calendar()
        orders = self.order_id
        assignees = orders._assignees_by_order()
        result = super().unlink()
        orders._unfollow_former_assignees(assignees)
        return result

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_done(self):
        self.order_id._assert_edit_right()
        planned = self.filtered(lambda b: b.state == "planned")
        activities = planned.activity_id
        planned._as_system().write({"state": "done"})
        # as the module (the rights are checked above): a colleague's to-do
        # entry and private meeting, which calendar notes the feedback in
        activities.with_env(planned._sync_env().env).action_feedback(
            feedback=self.env._("Booking done.")
        )
        return True

    def action_cancel(self):
        self.order_id._assert_edit_right()
        planned = self.filtered(lambda b: b.state == "planned")
        planned._as_system().write({"state": "cancelled"})
        planned._remove_calendar()
        return True

    @api.model
    def _book_next_contact(self, order, delay):
        """The presets of an order's Bookings tab (in 1 week, 1 month...):
        book a phone call on ``order`` at 9:00 (the user's time) after
        ``delay`` and open it, so that type and assignee can still be
        changed."""
        order.ensure_one()
        booking = self.create(
            {
                "order_id": order.id,
                "booking_type": "phone",
                "start": self._preset_start(fields.Date.context_today(self) + delay),
            }
        )
        action = booking.get_formview_action()
        action.update(name=self.env._("Booking"), target="new")
        return action

    @api.model
    def _preset_start(self, day):
        """9:00 on ``day`` in the current user's time zone, as a UTC start."""
        tz = pytz.timezone(self.env.user.tz or "UTC")
        start = tz.localize(datetime.combine(day, time(9))).astimezone(pytz.utc)
        return start.replace(tzinfo=None)

    # ------------------------------------------------------------
    # CALENDAR AND TO-DO, BOTH WAYS
    # ------------------------------------------------------------

    def _reminder_rearmed(self, vals):
        """Reminded bookings whose time or assignee this write changes."""
        changed = self.browse()
        if "start" in vals:
            start = fields.Datetime.to_datetime(vals["start"])
            changed |= self.filtered(lambda b: b.start != start)
        if "user_id" in vals:
            changed |= self.filtered(lambda b: b.user_id.id != vals["user_id"])
        return changed.filtered("reminder_sent_at")

    def _sync_env(self):
        """The bookings for writing their event and to-do: no invitation
        emails unless the admin wants them (the assignee hears of the booking
        through the to-do's assignment notice, by their own preference), the
        to-do's day in the assignee's time zone, and no echo back."""
        # the caller's context defaults are not for the other apps' records
        context = dict(clean_context(self.env.context), **sync_context())
        if not str2bool(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("contact_order.booking_invitations", "False")
        ):
            context["no_mail_to_attendees"] = True
        return self.with_env(self.env(context=context, su=True))

    def _prepare_calendar_event_vals(self):
        """What colleagues may see in Calendar: the event is private, so only
        its attendee (the assignee) reads its name; the description stays on
        the booking."""
        self.ensure_one()
        order = self.order_id
        stop = self.start + timedelta(hours=self.duration)
        return {
            "name": self.with_context(lang=self.user_id.lang).display_name,
            "start": self.start,
            "stop": stop,
            "duration": self.duration,
            "user_id": self.user_id.id,
            "partner_ids": [Command.set(self.user_id.partner_id.ids)],
            "privacy": "private",
            "res_model_id": self.env["ir.model"]._get_id(order._name),
            "res_id": order.id,
        }

    def _prepare_activity_vals(self):
        self.ensure_one()
        return {
            "activity_type_id": self.env.ref(
                "contact_order.mail_activity_type_booking"
            ).id,
            "res_model_id": self.env["ir.model"]._get_id(self.order_id._name),
            "res_id": self.order_id.id,
            "user_id": self.user_id.id,
            "summary": self.with_context(lang=self.user_id.lang).display_name,
            "note": plaintext2html(self.description) if self.description else False,
            "date_deadline": self._local_start().date(),
        }

    def _local_start(self):
        """The start in the assignee's time zone."""
        self.ensure_one()
        return fields.Datetime.context_timestamp(
            self.with_context(tz=self.user_id.tz or "UTC"), self.start
        )

    def _sync_calendar(self):
        """Keep exactly one event and one to-do entry per planned booking: the
        event carries the activity, and calendar keeps the two in step."""
        planned = self.filtered(lambda b: b.state == "planned")
        for booking in planned._sync_env():
            booking = booking.with_context(tz=booking.user_id.tz or "UTC")
            event_vals = booking._prepare_calendar_event_vals()
            activity_vals = booking._prepare_activity_vals()
            if booking.calendar_event_id and booking.activity_id:
                booking.calendar_event_id.write(event_vals)
                todo_vals = {"note": activity_vals["note"]}
                if booking.activity_id.res_id != booking.order_id.id:
                    # the booking moved to another order (a merge)
                    todo_vals["res_id"] = booking.order_id.id
                booking.activity_id.write(todo_vals)
                continue
            booking._remove_calendar()
            event_vals["activity_ids"] = [Command.create(activity_vals)]
            event = booking.env["calendar.event"].create(event_vals)
            booking._as_system().write(
                {
                    "calendar_event_id": event.id,
                    "activity_id": event.activity_ids[:1].id,
                }
            )

    def _remove_calendar(self):
        """Delete the event and to-do entry these bookings made (found from
        the booking's side only, and only if they still point at its order)."""
        for booking in self._sync_env():
            order = booking.order_id
            event = booking.calendar_event_id.exists()
            activity = booking.activity_id.exists()
            if activity.res_model == order._name and activity.res_id == order.id:
                activity.unlink()
            if event.res_model == order._name and event.res_id == order.id:
                event.unlink()

    @api.model
    def _planned_linked_to(self, records, fname):
        """The planned bookings whose ``fname`` (their event or to-do entry)
        is one of ``records``, with the current user's rights (sudo: only to
        find them)."""
        return (
            self.sudo()
            .search([(fname, "in", records.ids), ("state", "=", "planned")])
            .sudo(self.env.su)
        )

    @api.model
    def _unlink_linked(self, records, fname, unlink):
        """Delete ``records`` (bookings' events or to-do entries) by calling
        ``unlink``, and cancel their planned bookings, with the rights of
        whoever deletes them."""
        bookings = self._planned_linked_to(records, fname)
        bookings.order_id._assert_edit_right()
        result = unlink()
        bookings._cancel_from_other_app(records)
        return result

    def _write_from_events(self):
        """Calendar changed the bookings' events: take their time, duration
        and organizer, with the rights of whoever changed them."""
        for booking in self:
            event = booking.sudo().calendar_event_id
            vals = {}
            if event.start != booking.start:
                vals["start"] = event.start
            if abs(event.duration - booking.duration) >= 1 / 60:
                vals["duration"] = event.duration
            if event.user_id and event.user_id != booking.user_id:
                vals["user_id"] = event.user_id.id
            if vals:
                booking.write(vals)

    def _write_from_activities(self):
        """The to-do entries were rescheduled or reassigned (activity menu,
        chatter, RPC): move the bookings to that day, at the same time of day,
        or give them to the new assignee."""
        for booking in self:
            activity = booking.sudo().activity_id
            vals = {}
            local_start = booking._local_start()
            if activity.date_deadline != local_start.date():
                new_start = local_start.replace(
                    year=activity.date_deadline.year,
                    month=activity.date_deadline.month,
                    day=activity.date_deadline.day,
                )
                vals["start"] = new_start.astimezone(pytz.utc).replace(tzinfo=None)
            if activity.user_id and activity.user_id != booking.user_id:
                vals["user_id"] = activity.user_id.id
            if vals:
                booking.write(vals)

    def _done_from_activities(self):
        """Their to-do entries were marked done elsewhere."""
        self.order_id._assert_edit_right()
        self._as_system().write({"state": "done"})

    def _cancel_from_other_app(self, removed, archived=False):
        """Their event or to-do entry was deleted (or archived) in another
        app: cancel the bookings, remove what is left of them, and say who
        did it.

        :param removed: the records that were deleted (calendar.event or
            mail.activity), for the message
        """
        self.order_id._assert_edit_right()
        events = self.sudo().calendar_event_id.exists()
        activities = self.sudo().activity_id.exists()
        if removed._name == "calendar.event":
            what = self.env._("calendar event")
        else:
            what = self.env._("to-do entry")
        for booking in self:
            if archived:
                body = self.env._(
                    "Booking %(booking)s cancelled: %(user)s archived its %(what)s.",
                    booking=booking.display_name,
                    user=self.env.user.name,
                    what=what,
                )
            else:
                body = self.env._(
                    "Booking %(booking)s cancelled: %(user)s deleted its %(what)s.",
                    booking=booking.display_name,
                    user=self.env.user.name,
                    what=what,
                )
            booking.order_id._message_log(body=body)
        self._as_system().write(
            {"state": "cancelled", "calendar_event_id": False, "activity_id": False}
        )
        activities.with_context(**sync_context()).unlink()
        if not archived:
            events.with_context(**sync_context()).unlink()

    # ------------------------------------------------------------
    # SETTINGS AND REMINDERS
    # ------------------------------------------------------------

    @api.model
    def _reminder_settings(self):
        """The one reader of the reminder settings: (channels, lead minutes)."""
        params = self.env["ir.config_parameter"].sudo()
        value = params.get_param(CHANNELS_PARAM, DEFAULT_REMINDER_CHANNELS)
        channels = {channel.strip() for channel in value.split(",")}
        try:
            lead = int(params.get_param(LEAD_PARAM, DEFAULT_LEAD_MINUTES))
        except ValueError:
            lead = DEFAULT_LEAD_MINUTES
        channels &= set(REMINDER_CHANNELS)
        return channels, lead

    @api.model
    def _default_duration_setting(self):
        value = self.env["ir.config_parameter"].sudo().get_param(DURATION_PARAM)
        try:
            duration = float(value) if value else DEFAULT_DURATION
        except ValueError:
            return DEFAULT_DURATION
        return duration if is_valid_duration(duration) else DEFAULT_DURATION

    def _send_reminders(self, channels):
        """Queue the reminders of these bookings through the given channels."""
        if "inapp" in channels:
            for booking in self:
                booking.order_id.message_notify(
                    partner_ids=booking.user_id.partner_id.ids,
                    subject=booking._reminder_subject(),
                    body=booking._reminder_body(),
                    model_description=self.env._("Contact Order"),
                    email_layout_xmlid="mail.mail_notification_light",
                    # who prefers email gets it through the mail queue
                    force_send=False,
                )
        if "email" in channels:
            # the in-app notice already reaches by email who prefers email
            emailed = self.browse()
            if "inapp" in channels:
                emailed = self.filtered(
                    lambda b: b.user_id.notification_type == "email"
                )
            (self - emailed)._queue_reminder_emails()
        if "sms" in channels:
            self._queue_reminder_sms()

    def _summary(self):
        """Type, assignee and time, for the order's chatter."""
        self.ensure_one()
        return self.env._(
            "%(type)s with %(user)s on %(start)s",
            type=dict(self._fields["booking_type"]._description_selection(self.env))[
                self.booking_type
            ],
            user=self.user_id.name,
            start=self._local_start().strftime("%Y-%m-%d %H:%M"),
        )

    def _reminder_subject(self):
        self.ensure_one()
        return self.env._("Reminder: %s", self.display_name)

    def _reminder_body(self):
        self.ensure_one()
        start = fields.Datetime.context_timestamp(
            self.with_context(tz=self.user_id.tz or "UTC"), self.start
        )
        return Markup("<p>%s</p>") % self.env._(
            "%(type)s with %(customer)s about %(subject)s at %(start)s.",
            type=dict(self._fields["booking_type"]._description_selection(self.env))[
                self.booking_type
            ],
            customer=self.partner_id.display_name,
            subject=self.order_id.subject,
            start=start.strftime("%Y-%m-%d %H:%M"),
        )

    def _queue_reminder_emails(self):
        mails = []
        for booking in self:
            if not booking.user_id.email:
                booking.order_id._message_log(
                    body=self.env._(
                        "Email reminder not sent: %s has no email address.",
                        booking.user_id.name,
                    )
                )
                continue
            mails.append(
                {
                    "subject": booking._reminder_subject(),
                    "body_html": booking._reminder_body(),
                    "email_to": booking.user_id.email_formatted,
                    "email_from": booking.company_id.email_formatted
                    or self.env.user.email_formatted,
                    "model": "contact.order",
                    "res_id": booking.order_id.id,
                    "auto_delete": True,
                }
            )
        self.env["mail.mail"].sudo().create(mails)

    def _queue_reminder_sms(self):
        messages = []
        for booking in self:
            user_partner = booking.user_id.partner_id
            raw = user_partner.mobile or user_partner.phone
            number = False
            if raw:
                try:
                    number = user_partner._phone_format_number(
                        raw,
                        user_partner.country_id or booking.company_id.country_id,
                        force_format="E164",
                        raise_exception=True,
                    )
                except UserError:
                    number = False
            if not number:
                booking.order_id._message_log(
                    body=self.env._(
                        "SMS reminder not sent: %(user)s has no valid mobile number "
                        "(%(number)s).",
                        user=booking.user_id.name,
                        number=raw or self.env._("none"),
                    )
                )
                continue
            messages.append(
                {
                    "number": number,
                    "partner_id": user_partner.id,
                    "body": booking._reminder_subject(),
                    "state": "outgoing",
                }
            )
        self.env["sms.sms"].sudo().create(messages)

    # ------------------------------------------------------------
    # CRON
    # ------------------------------------------------------------

    @api.model
    def _cron_send_reminders(self, batch_size=REMINDER_BATCH_SIZE):
        """Remind the assignees of the planned bookings whose time has come.

        Exactly once: a batch is locked (skipping rows another worker holds),
        its reminders are queued (mail.message, mail.mail, sms.sms) and the
        batch is marked in one transaction, committed per batch. A crash
        loses only the batch it hit, which the next run takes again; a second
        worker skips the locked rows, and stops (without reminding twice)
        when rows were reminded and committed after its snapshot was taken."""
        channels, lead = self._reminder_settings()
        auto_commit = not getattr(threading.current_thread(), "testing", False)
        done = 0
        while True:
            now = fields.Datetime.now()
            self.flush_model(["state", "start", "reminder_sent_at"])
            try:
                with self.env.cr.savepoint(flush=False):
                    self.env.cr.execute(
                        """
                        SELECT id FROM contact_order_booking
                         WHERE state = 'planned'
                           AND reminder_sent_at IS NULL
                           AND start <= %s
                         ORDER BY start, id
                         LIMIT %s
                           FOR UPDATE SKIP LOCKED
                        """,
                        [now + timedelta(minutes=lead), batch_size],
                        log_exceptions=False,
                    )
                    ids = [row[0] for row in self.env.cr.fetchall()]
            except psycopg2.errors.SerializationFailure:
                _logger.info(
                    "Booking reminders: another worker sent some of them since "
                    "this run began; the next run takes the rest."
                )
                break
            bookings = self.browse(ids)
            if not bookings:
                break
            # a failing batch leaves nothing behind, the batches before it stay
            with self.env.cr.savepoint():
                bookings._send_reminders(channels)
                bookings._as_system().write({"reminder_sent_at": now})
            done += len(bookings)
            if auto_commit:
                # what is still due: Odoo runs the cron again soon if this
                # run is cut short (its time limit, a restart)
                remaining = self.search_count(
                    [
                        ("state", "=", "planned"),
                        ("reminder_sent_at", "=", False),
                        ("start", "<=", now + timedelta(minutes=lead)),
                    ]
                )
                self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
                # a cron that works in batches commits each one (see docstring)
                self.env.cr.commit()  # pylint: disable=invalid-commit
            elif len(bookings) < batch_size:
                break
        return done
