# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import clean_context

RECURRENCE_BATCH_SIZE = 200

_logger = logging.getLogger(__name__)


REPEAT_FIELDS = {"repeat_unit", "repeat_interval", "repeat_until", "repeat_count"}
RULE_FIELDS = ("repeat_unit", "repeat_interval")
# the longest step of a series: a follow-up every two years, or five
MAX_REPEAT_INTERVAL = {"weeks": 104, "months": 60}


class ContactOrderBooking(models.Model):
    """Recurring follow-ups ("contact the customer again every six months"):
    a booking that repeats every N weeks or months, until a date or for N
    times. When one is done, or its time passes, the next is booked, once,
    with the same assignee and type; completing the order (which cancels
    its planned bookings) or cancelling or deleting one stops the series."""

    _inherit = "contact.order.booking"
    _system_fields = (
        "recurrence_index",
        "next_occurrence_id",
        "recurrence_ended",
        "recurrence_anchor_id",
    )

    repeat_unit = fields.Selection(
        [("weeks", "Weeks"), ("months", "Months")],
        string="Repeat",
        help="Book the next contact automatically, every so many weeks or months.",
    )
    repeat_interval = fields.Integer(string="Repeat Every", default=1)
    repeat_until = fields.Date(
        string="Until", help="No occurrence is booked after this day."
    )
    repeat_count = fields.Integer(
        string="Times",
        help="How many contacts the series has in all (0: no limit).",
    )
    recurrence_index = fields.Integer(
        string="Occurrence", default=1, readonly=True, copy=False
    )
    next_occurrence_id = fields.Many2one(
        "contact.order.booking",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
    )
    # the occurrence the series counts from: its first one, or the one whose
    # rule (unit, interval) was changed; none on that occurrence itself
    recurrence_anchor_id = fields.Many2one(
        "contact.order.booking",
        string="Series Start",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
    )
    # the series has booked its last occurrence, or cannot go on (its next
    # one could not be booked, or was deleted): the cron leaves it alone
    recurrence_ended = fields.Boolean(string="Series Ended", readonly=True, copy=False)

    @api.constrains(
        "repeat_unit", "repeat_interval", "repeat_until", "repeat_count", "start"
    )
    def _check_recurrence(self):
        for booking in self.filtered("repeat_unit"):
            if booking.repeat_interval < 1:
                raise ValidationError(
                    self.env._(
                        "A booking repeats every 1 or more weeks or months, not %s.",
                        booking.repeat_interval,
                    )
                )
            if booking.repeat_interval > MAX_REPEAT_INTERVAL[booking.repeat_unit]:
                raise ValidationError(
                    self.env._(
                        "A booking repeats at most every %(weeks)s weeks or "
                        "%(months)s months, not every %(interval)s.",
                        weeks=MAX_REPEAT_INTERVAL["weeks"],
                        months=MAX_REPEAT_INTERVAL["months"],
                        interval=booking.repeat_interval,
                    )
                )
            if booking.repeat_count < 0:
                raise ValidationError(
                    self.env._("The number of times cannot be negative.")
                )
            if (
                booking.repeat_until
                and booking.repeat_until < booking._local_start().date()
            ):
                raise ValidationError(
                    self.env._("A booking cannot repeat until before it starts.")
                )

    def write(self, vals):
        if REPEAT_FIELDS & vals.keys() and not self._is_system_write():
            # the series books its assignee again and again, as the module:
            # setting it up takes the right to book them
            for booking in self:
                order = booking.order_id
                order._assert_may_assign(
                    booking.user_id, free_self=booking.user_id in order.assignee_ids
                )
        rerule = self.browse()
        if not self._is_system_write():
            rerule = self.filtered(
                lambda b: any(b[f] != vals[f] for f in RULE_FIELDS if f in vals)
            )
        result = super().write(vals)
        if REPEAT_FIELDS & vals.keys() and not self._is_system_write():
            # a new rule: the series goes on (the cron takes it again)
            self.filtered("recurrence_ended")._as_system().write(
                {"recurrence_ended": False}
            )
        # a new step: the series counts it from this occurrence
        rerule = rerule.filtered("recurrence_anchor_id")
        if rerule:
            rerule._as_system().write({"recurrence_anchor_id": False})
        if vals.get("state") == "done":
            self._book_next_occurrence()
        return result

    def unlink(self):
        # deleting the next occurrence stops the series (the cron would book
        # it again), as cancelling it does
        previous = self.sudo().search(
            [("next_occurrence_id", "in", self.ids), ("id", "not in", self.ids)]
        )
        result = super().unlink()
        if previous:
            previous._as_system().write({"recurrence_ended": True})
        return result

    def _book_next_occurrence(self):
        """Book the next occurrence of these recurring bookings (done or
        passed), once each. As the module: the series was set up with the
        rights of its author, and the next one copies this one, found from
        its own side (its assignee and type, as they are now).

        A series that has no next occurrence is marked ended. One that cannot
        book it (e.g. its assignee left the order's company) does not fail
        the caller (the user's Done, the cron's other bookings): the error is
        noted on the order and the series ends."""
        todo = self.filtered(
            lambda b: (
                b.repeat_unit
                and not b.next_occurrence_id
                and not b.recurrence_ended
                and b.state != "cancelled"
                and b.order_id.state != "done"
            )
        )
        # the caller's defaults are not for the next occurrence
        todo = todo.sudo().with_context(clean_context(self.env.context))
        due, vals_list = todo.browse(), []
        for booking in todo:
            start, index = booking._next_occurrence_start()
            if start:
                due |= booking
                vals_list.append(booking._prepare_next_occurrence_vals(start, index))
        if todo - due:
            (todo - due)._as_system().write({"recurrence_ended": True})
        if len(due) > 1:
            # all in one create; if one fails, each on its own (below)
            try:
                with self.env.cr.savepoint():
                    due._link_next_occurrences(due.create(vals_list))
                return
            except (UserError, ValueError, OverflowError) as error:
                _logger.info(
                    "Recurring bookings: booking %s at once failed (%s), "
                    "booking them one by one.",
                    len(due),
                    error,
                )
        for booking, vals in zip(due, vals_list, strict=True):
            try:
                with self.env.cr.savepoint():
                    booking._link_next_occurrences(booking.create(vals))
            except (UserError, ValueError, OverflowError) as error:
                booking._end_series_on_error(error)

    def _link_next_occurrences(self, following):
        """Link these bookings to their next occurrences (in the same order)."""
        for booking, next_booking in zip(self, following, strict=True):
            booking._as_system().write({"next_occurrence_id": next_booking.id})

    def _end_series_on_error(self, error):
        """The next occurrence could not be booked: say so on the order and
        end the series."""
        self.ensure_one()
        _logger.warning(
            "Booking %s: the next occurrence of its series could not be booked, "
            "the series has ended: %s",
            self.id,
            error,
        )
        self.order_id._message_log(
            body=self.env._(
                "The next contact of the repeating booking %(booking)s could not be "
                "booked, so its series has ended: %(error)s",
                booking=self._summary(),
                error=error.args[0] if error.args else error,
            )
        )
        self._as_system().write({"recurrence_ended": True})

    def _series_books_next(self):
        """Whether this booking's series books the contact after it (or has
        booked it already): then no one else should."""
        self.ensure_one()
        if not self.repeat_unit:
            return False
        if self.next_occurrence_id:
            return self.next_occurrence_id.state == "planned"
        return (
            self.state == "planned"
            and not self.recurrence_ended
            and self.order_id.state != "done"
            and bool(self._next_occurrence_start()[0])
        )

    def _next_occurrence_start(self):
        """(start, index) of the next occurrence: the first one still ahead,
        or (False, 0) when the series ends first.

        As calendar.recurrence: occurrence n is n - k steps after the
        series' anchor k, at the same time of day in the assignee's time
        zone (9:00 stays 9:00 across daylight saving time) and counted from
        the anchor, not the previous occurrence (the 31st gives the 28th in
        February, and the 31st again in March); the Until day is the
        assignee's day. Moving one occurrence keeps the rhythm."""
        self.ensure_one()
        anchor = self.sudo().recurrence_anchor_id or self
        tz = pytz.timezone(self.user_id.tz or "UTC")
        anchor_local = (
            pytz.utc.localize(anchor.start).astimezone(tz).replace(tzinfo=None)
        )
        after = max(self.start, fields.Datetime.now())
        index = self.recurrence_index
        try:
            while True:
                index += 1
                if self.repeat_count and index > self.repeat_count:
                    return False, 0
                steps = self.repeat_interval * (index - anchor.recurrence_index)
                local = anchor_local + relativedelta(**{self.repeat_unit: steps})
                if self.repeat_until and local.date() > self.repeat_until:
                    return False, 0
                start = tz.localize(local).astimezone(pytz.utc).replace(tzinfo=None)
                if start > after:
                    return start, index
        except (OverflowError, ValueError):
            # beyond the calendar (a start in the year 9999)
            return False, 0

    def _prepare_next_occurrence_vals(self, start, index):
        self.ensure_one()
        return {
            "order_id": self.order_id.id,
            "start": start,
            "duration": self.duration,
            "booking_type": self.booking_type,
            "user_id": self.user_id.id,
            "description": self.description,
            "repeat_unit": self.repeat_unit,
            "repeat_interval": self.repeat_interval,
            "repeat_until": self.repeat_until,
            "repeat_count": self.repeat_count,
            "recurrence_index": index,
            "recurrence_anchor_id": (self.recurrence_anchor_id or self).id,
        }

    @api.model
    def _recurrence_due_domain(self):
        """The recurring bookings whose time has passed without being marked
        done, and whose series has not booked its next occurrence yet."""
        return [
            ("repeat_unit", "!=", False),
            ("next_occurrence_id", "=", False),
            ("recurrence_ended", "=", False),
            ("state", "=", "planned"),
            ("start", "<=", fields.Datetime.now()),
            ("order_id.state", "!=", "done"),
        ]

    @api.model
    def _cron_book_next_occurrences(self, batch_size=RECURRENCE_BATCH_SIZE):
        """Book the next occurrence of the recurring bookings whose time has
        passed without being marked done: a batch per run, and Odoo runs the
        cron again at once while some are left (each one leaves the queue:
        booked, or its series ended)."""
        domain = self._recurrence_due_domain()
        passed = self.search(domain, limit=batch_size)
        passed._book_next_occurrence()
        remaining = self.search_count(domain) if len(passed) == batch_size else 0
        self.env["ir.cron"]._notify_progress(done=len(passed), remaining=remaining)
        return len(passed)
