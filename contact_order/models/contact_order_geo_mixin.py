# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
from time import monotonic

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import config
from odoo.tools.sql import create_index

_logger = logging.getLogger(__name__)

GEO_ADDRESS_FIELDS = ("street", "zip", "city", "state_id", "country_id")
GEO_CRON_XMLID = "contact_order.ir_cron_geo_localize"
# records a run locates: each takes one or two geocoder requests, at most
# one a second
GEO_BATCH_SIZE = 20
# The cron worker runs the action up to ten times in a row while records
# remain, all within its time limit (120 s by default). A run takes new
# records for GEO_RUN_SECONDS; the last one may take longer (up to two
# requests at the full timeout). A run that overruns by more than
# GEO_SLOW_SECONDS met a slow geocoder: the rest wait for the next interval
# instead of a run at once, so that the ten stay within about 105 s.
GEO_RUN_SECONDS = 5
GEO_SLOW_SECONDS = 3
GEO_QUEUE_FIELD = "contact_order_geo_queued"
GEO_FAILURES_FIELD = "contact_order_geo_failures"
# runs in which the geocoder answered others but failed on an address: it
# then leaves the queue (Nominatim fails on time-outs and overload, not on
# unknown addresses, so one failure is no verdict)
GEO_MAX_FAILURES = 3


class ContactOrderGeoMixin(models.AbstractModel):
    """Coordinates from an address through base_geolocalize's geocoder
    (OpenStreetMap Nominatim unless Settings choose another), for a model
    with an address and ``partner_latitude``/``partner_longitude``.

    A save does not call the geocoder (a slow or unreachable one would hold
    the user's save, and a mass edit would send a request per record): it
    queues the record, and a scheduled action, woken by the save, locates
    the queued records a batch at a time, one request a second."""

    _name = "contact.order.geo.mixin"
    _description = "Contact Order Geocoding"

    contact_order_geo_queued = fields.Boolean(
        string="Waiting to Be Located",
        readonly=True,
        copy=False,
        help="The address was saved: a scheduled action looks it up within a "
        "few minutes and fills in the coordinates.",
    )

    # while queued only: see _cron_geo_localize (no default: none is
    # written into every row of a big table; empty is no failure)
    contact_order_geo_failures = fields.Integer(
        string="Failed Geocoding Runs", readonly=True, copy=False
    )

    def _auto_init(self):
        result = super()._auto_init()
        if self._auto:
            # the scheduled action looks for the few queued rows of a big table
            create_index(
                self.env.cr,
                f"{self._table}__contact_order_geo_queued_index",
                self._table,
                ["id"],
                where="contact_order_geo_queued",
            )
        return result

    def _geo_without_queue_flag(self, vals):
        """Odoo queues addresses itself: over RPC, anyone who edits contacts
        could send every address to the geocoder (a quota, a backlog), or
        take one off. A value given by anyone else is left out, not refused:
        tools that copy every field (Contacts' Merge, an export imported
        again) carry it."""
        if self.env.su:
            return vals
        queue = (GEO_QUEUE_FIELD, GEO_FAILURES_FIELD)
        return {fname: value for fname, value in vals.items() if fname not in queue}

    def _geo_address_changed(self, vals):
        return any(fname in vals for fname in GEO_ADDRESS_FIELDS) and not all(
            fname in vals for fname in ("partner_latitude", "partner_longitude")
        )

    def _geo_on_save(self):
        """Whether a save queues the address to be located: not while
        modules load (their data and demo data) or tests run, unless asked
        to (as base_geolocalize)."""
        context = self.env.context
        if context.get("force_geo_localize"):
            return True
        if context.get("install_mode"):
            return False
        return not any(
            config[key] for key in ("test_enable", "test_file", "init", "update")
        )

    def _geo_wake_cron(self):
        """Run the scheduled action as soon as this transaction is saved."""
        cron = self.env.ref(GEO_CRON_XMLID, raise_if_not_found=False)
        if cron:
            cron._trigger()

    def _geo_lookup(self):
        """The coordinates of the record's address, or None when it has no
        address or no place was found there.

        :raise UserError: the geocoder could not be reached, with its reason
        """
        self.ensure_one()
        # names of the country and state in English, as the geocoder wants
        record = self.with_context(lang="en_US")
        if not (record.street or record.zip or record.city):
            return None
        try:
            return (
                self.env["res.partner"]
                .with_context(lang="en_US")
                ._geo_localize(
                    record.street,
                    record.zip,
                    record.city,
                    record.state_id.name,
                    record.country_id.name,
                )
            )
        except UserError as error:
            raise UserError(
                self.env._(
                    "The address of %(name)s could not be located: %(error)s",
                    name=self.display_name,
                    error=error.args[0],
                )
            ) from error

    def _geo_store(self, result):
        """Store what :meth:`_geo_lookup` found, and take the record off the
        queue; coordinates stay empty when nothing was found. As superuser:
        the button checked the right to edit, the scheduled action is Odoo's."""
        self.ensure_one()
        vals = {}
        if result:
            vals = {
                "partner_latitude": result[0],
                "partner_longitude": result[1],
                "date_localization": fields.Date.context_today(self),
            }
        if self.contact_order_geo_queued:
            vals.update({GEO_QUEUE_FIELD: False, GEO_FAILURES_FIELD: 0})
        if vals:
            self.sudo().write(vals)

    def _geo_failed(self):
        """The geocoder failed on this address in a run where it answered
        others: it goes behind them in the queue, and leaves the queue after
        GEO_MAX_FAILURES such runs, without coordinates."""
        self.ensure_one()
        failures = self.contact_order_geo_failures + 1
        if failures < GEO_MAX_FAILURES:
            self.sudo().write({GEO_FAILURES_FIELD: failures})
        else:
            _logger.warning(
                "Geocoding gave up on %s %s after %s failed runs.",
                self._name,
                self.id,
                failures,
            )
            self.sudo().write({GEO_QUEUE_FIELD: False, GEO_FAILURES_FIELD: 0})

    @api.model
    def _cron_geo_localize(self, batch_size=GEO_BATCH_SIZE):
        """The scheduled action: locate a batch of the queued facilities,
        then customers (archived ones wait until they are restored). The
        batch is committed by the cron, which runs again at once while
        records remain, unless this run met a slow geocoder. When the
        geocoder cannot be reached, the rest stay queued for the next run,
        with a warning in the log. An address it
        fails on while it answers the others goes behind them (see
        _geo_failed).

        :return: the number of records taken off the queue
        """
        domain = [("contact_order_geo_queued", "=", True)]
        queued = []
        for model in ("contact.facility", "res.partner"):
            if len(queued) < batch_size:
                queued += self.env[model].search(
                    domain,
                    order=f"{GEO_FAILURES_FIELD} NULLS FIRST, id",
                    limit=batch_size - len(queued),
                )
        # ask the geocoder first, and store at the end: the rows are locked
        # only for a moment, not while the geocoder answers (an address saved
        # again meanwhile makes the store fail as a concurrent update, and
        # the batch is taken again by the next run)
        results = []
        failed = []  # the addresses the geocoder failed on, answering others
        failure = None  # (record, error): the last address the geocoder refused
        stopped = None  # the error that says the geocoder is out of reach
        deadline = monotonic() + GEO_RUN_SECONDS
        for record in queued:
            if results and monotonic() > deadline:
                break
            try:
                result = record._geo_lookup()
            except UserError as error:
                if failure:
                    # twice in a row: the geocoder, not an address
                    stopped = failure[1]
                    break
                failure = (record, error)
                continue
            if failure:
                # the geocoder answers the next: that one goes behind the
                # others, and is not asked again and again
                _logger.warning("Geocoding failed: %s", failure[1].args[0])
                failed.append(failure[0])
                failure = None
            results.append((record, result))
        if failure and not stopped:
            # the last one asked: the geocoder or the address, later runs
            # tell (nothing answered: the geocoder may be down, wait)
            failed.append(failure[0])
            if not results:
                stopped = failure[1]
        if stopped:
            _logger.warning(
                "Geocoding stopped: %s. The queued facilities and customers "
                "wait for the next run.",
                stopped.args[0],
            )
        for record, result in results:
            record._geo_store(result)
        for record in failed:
            record._geo_failed()
        remaining = sum(
            self.env[model].search_count(domain)
            for model in ("contact.facility", "res.partner")
        )
        slow = monotonic() > deadline + GEO_SLOW_SECONDS
        if slow and remaining:
            _logger.info(
                "Geocoding is slow: the %s queued facilities and customers left "
                "wait for the next run.",
                remaining,
            )
        # a geocoder out of reach, or slow, is asked again at the next
        # interval, not at once
        self.env["ir.cron"]._notify_progress(
            done=len(results), remaining=0 if stopped or slow else remaining
        )
        return len(results)
