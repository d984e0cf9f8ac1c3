# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.exceptions import UserError

# The marker of the module's own writes. A context value can come from any
# RPC client, but only as JSON: this object cannot, so no caller forges it.
_SYSTEM = object()
SYSTEM_CONTEXT_KEY = "contact_order_system"
# The marker of the module's own writes of booking events and to-do entries,
# so that their write-back to the booking does not echo (calendar's own
# _sync_activities writes the activity of an event it changes).
_SYNC = object()
SYNC_CONTEXT_KEY = "contact_order_booking_sync"


def sync_context():
    """Context of the module's own writes of booking events and to-do."""
    return {SYNC_CONTEXT_KEY: _SYNC}


def is_syncing(env):
    return env.context.get(SYNC_CONTEXT_KEY) is _SYNC


class ContactOrderSystemMixin(models.AbstractModel):
    """Fields the system maintains (numbers, states, stored copies, links to
    the records a booking made) are an API like any other: ``readonly`` only
    shapes the form. They are refused in ``create``/``write`` unless the
    module's own code, or the superuser, sets them."""

    _name = "contact.order.system.mixin"
    _description = "Contact Order System Fields"

    # names of the fields only the system sets
    _system_fields = ()

    def _as_system(self):
        """These records, for a write of system fields by the module's code."""
        return self.with_context(**{SYSTEM_CONTEXT_KEY: _SYSTEM})

    def _is_system_write(self):
        """Whether the module's own code is writing (see ``_as_system``)."""
        return self.env.context.get(SYSTEM_CONTEXT_KEY) is _SYSTEM

    def _refuse_system_fields(self, vals):
        if self.env.su or self._is_system_write():
            return
        forged = [fname for fname in self._system_fields if fname in vals]
        if forged:
            labels = ", ".join(
                self._fields[fname]._description_string(self.env) for fname in forged
            )
            raise UserError(
                self.env._(
                    "Odoo keeps these fields of a %(model)s itself, they cannot be "
                    "set directly: %(fields)s.",
                    fields=labels,
                    model=self.env["ir.model"]._get(self._name).display_name,
                )
            )
