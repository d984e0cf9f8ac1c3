# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
import threading
from datetime import timedelta

import psycopg2.errors
from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

DEFAULT_DURATION = 0.5
DEFAULT_LEAD_MINUTES = 60
REMINDER_CHANNELS = ("inapp", "email", "sms")
REMINDER_BATCH_SIZE = 500

_logger = logging.getLogger(__name__)


class ContactOrderBooking(models.Model):
    """The next contact agreed with the customer. It lives in the assignee's
    calendar (a calendar.event) and to-do list (the event's mail.activity)."""

    _name = "contact.order.booking"
    _description = "Contact Order Booking"
    _order = "start, id"
    _check_company_auto = True

    def _default_duration(self):
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("contact_order.default_booking_duration")
        )
        try:
            return float(value) if value else DEFAULT_DURATION
        except ValueError:
            return DEFAULT_DURATION

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
        domain="[('share', '=', False)]",
        check_company=True,
    )
    description = fields.Text()
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
        ondelete="set null",
    )
    activity_id = fields.Many2one(
        "mail.activity",
        string="To-do",
        readonly=True,
        copy=False,
        ondelete="set null",
    )
    reminder_sent_at = fields.Datetime(readonly=True, copy=False)
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
            if booking.duration <= 0:
                raise ValidationError(
                    self.env._(
                        "The duration of a booking must be more than zero hours."
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("start"):
                raise ValidationError(
                    self.env._("A booking needs a start date and time.")
                )
        bookings = super().create(vals_list)
        bookings._check_order_open()
        bookings._check_assignee()
        bookings.order_id._check_edit_right()
        bookings._sync_calendar()
        return bookings

    def write(self, vals):
        if "start" in vals and not vals["start"]:
            raise ValidationError(self.env._("A booking needs a start date and time."))
        if "user_id" in vals:
            self.filtered(lambda b: b.user_id.id != vals["user_id"])._check_assignee(
                vals["user_id"]
            )
        result = super().write(vals)
        if vals.keys() - {
            "state",
            "reminder_sent_at",
            "calendar_event_id",
            "activity_id",
        }:
            self._check_order_open()
            self.order_id._check_edit_right()
            self._sync_calendar()
        return result

    def unlink(self):
        self.order_id._check_edit_right()
        self._remove_calendar()
        return super().unlink()

    def action_done(self):
        self.order_id._check_edit_right()
        planned = self.filtered(lambda b: b.state == "planned")
        planned.activity_id.action_feedback(feedback=self.env._("Booking done."))
        planned.write({"state": "done"})
        return True

    def action_cancel(self):
        self.order_id._check_edit_right()
        planned = self.filtered(lambda b: b.state == "planned")
        planned._remove_calendar()
        planned.write({"state": "cancelled"})
        return True

    def _check_order_open(self):
        for booking in self:
            if booking.order_id.state == "done" and booking.state == "planned":
                raise ValidationError(
                    self.env._(
                        "Contact order %s is completed: reopen it before booking "
                        "a new contact.",
                        booking.order_id.name,
                    )
                )

    def _check_assignee(self, user_id=None):
        """Assigning a booking to someone follows the same rights as assigning
        the order."""
        for booking in self:
            new_user = user_id if user_id is not None else booking.user_id.id
            self.env["contact.order"]._check_assign_vals(
                {"user_id": new_user}, creating=not booking.calendar_event_id
            )

    def _prepare_calendar_event_vals(self):
        self.ensure_one()
        order = self.order_id
        stop = self.start + timedelta(hours=self.duration)
        return {
            "name": self.display_name,
            "start": self.start,
            "stop": stop,
            "duration": self.duration,
            "user_id": self.user_id.id,
            "partner_ids": [Command.set(self.user_id.partner_id.ids)],
            "description": self.description,
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
            "summary": self.display_name,
            "note": self.description,
            "date_deadline": fields.Date.context_today(
                self.with_context(tz=self.user_id.tz or "UTC"), self.start
            ),
        }

    def _sync_calendar(self):
        """Keep exactly one event and one to-do entry per planned booking: the
        event carries the activity, and calendar keeps the two in step.

        The assignee hears of a booking a colleague gives them through the
        activity's assignment notice, in Odoo or by email as they chose; the
        calendar's invitation emails, sent at once whatever that choice, are
        left out."""
        planned = self.filtered(lambda b: b.state == "planned")
        for booking in planned.sudo().with_context(no_mail_to_attendees=True):
            event_vals = booking._prepare_calendar_event_vals()
            if booking.calendar_event_id:
                booking.calendar_event_id.write(event_vals)
                continue
            event_vals["activity_ids"] = [
                Command.create(booking._prepare_activity_vals())
            ]
            event = self.env["calendar.event"].create(event_vals)
            booking.write(
                {
                    "calendar_event_id": event.id,
                    "activity_id": event.activity_ids[:1].id,
                }
            )

    def _remove_calendar(self):
        for booking in self.sudo():
            booking.activity_id.unlink()
            booking.calendar_event_id.unlink()

    # ------------------------------------------------------------
    # Reminders
    # ------------------------------------------------------------

    @api.model
    def _reminder_settings(self):
        params = self.env["ir.config_parameter"].sudo()
        value = params.get_param("contact_order.reminder_channels", "inapp")
        channels = {channel.strip() for channel in value.split(",")}
        try:
            lead = int(params.get_param("contact_order.reminder_lead_minutes", 60))
        except ValueError:
            lead = DEFAULT_LEAD_MINUTES
        channels &= set(REMINDER_CHANNELS)
        return channels, lead

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
                bookings.write({"reminder_sent_at": now})
            done += len(bookings)
            if auto_commit:
                self.env["ir.cron"]._notify_progress(done=done, remaining=0)
                # a cron that works in batches commits each one (see docstring)
                self.env.cr.commit()  # pylint: disable=invalid-commit
            elif len(bookings) < batch_size:
                break
        return done

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
            self._queue_reminder_emails()
        if "sms" in channels:
            self._queue_reminder_sms()

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
