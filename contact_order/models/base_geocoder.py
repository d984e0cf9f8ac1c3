# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Odoo's geocoder calls, bounded.

Core's ``base.geocoder`` calls (``_call_openstreetmap``, ``_call_googlemap``)
use ``requests.get`` with no timeout: a geocoder that accepts the connection
and then stalls holds the caller until the worker is killed. Rather than copy
those methods, their ``requests`` is wrapped at the boundary: while a
``geo_find`` of this database runs (the override below marks it, per
thread), each GET gets a timeout and waits its turn, at most one request a
second from this process (Nominatim's usage policy). Other calls, and
databases without this module, go to ``requests`` unchanged. A timeout then
takes core's own error path: a UserError "Error with geolocation server".
"""

import contextvars
import threading
import time

import requests

from odoo import api, models

from odoo.addons.base_geolocalize.models import base_geocoder

# seconds to connect, seconds to wait for the answer
GEOCODER_TIMEOUT = (3.05, 10)
# Nominatim: "an absolute maximum of 1 request per second"
GEOCODER_INTERVAL = 1.0

_bounded = contextvars.ContextVar("contact_order_bounded_geocoder", default=False)
_turn_lock = threading.Lock()
_next_turn = [0.0]


def _wait_turn():
    """Sleep until this process may send its next geocoder request."""
    with _turn_lock:
        now = time.monotonic()
        if _next_turn[0] > now:
            time.sleep(_next_turn[0] - now)
            now = _next_turn[0]
        _next_turn[0] = now + GEOCODER_INTERVAL


class _BoundedRequests:
    """``requests`` as core's geocoder module sees it."""

    def __getattr__(self, name):
        return getattr(requests, name)

    def get(self, url, *args, **kwargs):
        if _bounded.get():
            timeout = kwargs.pop("timeout", GEOCODER_TIMEOUT)
            _wait_turn()
            return requests.get(url, *args, timeout=timeout, **kwargs)
        # any other call, as the caller made it
        return requests.get(url, *args, **kwargs)  # pylint: disable=external-request-timeout


if not isinstance(base_geocoder.requests, _BoundedRequests):
    base_geocoder.requests = _BoundedRequests()


class BaseGeocoder(models.AbstractModel):
    _inherit = "base.geocoder"

    @api.model
    def geo_find(self, addr, **kw):
        # every provider's call (Nominatim, Google) is bounded
        token = _bounded.set(True)
        try:
            return super().geo_find(addr, **kw)
        finally:
            _bounded.reset(token)
