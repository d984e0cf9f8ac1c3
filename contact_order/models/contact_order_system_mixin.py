# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
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

    @api.model_create_multi
    def create(self, vals_list):
        # create() fills in context defaults after the models' own checks of
        # the values: a caller's "default_state" would slip through them
        return super(ContactOrderSystemMixin, self._without_system_defaults()).create(
            vals_list
        )

    def onchange(self, values, field_names, fields_spec):
        # related fields (customer, status) are computed as superuser: a form
        # must not lend them from an order the user cannot read
        if "order_id" in self._fields and not self.env.su:
            order_id = values.get("order_id") or self.env.context.get(
                "default_order_id"
            )
            if isinstance(order_id, dict):
                order_id = order_id.get("id")
            if isinstance(order_id, int):
                self.env["contact.order"].browse(order_id).check_access("read")
        return super().onchange(values, field_names, fields_spec)

    def _without_system_defaults(self):
        """These records without context defaults for system fields (they are
        ignored, as the web client's defaults reach nested creates too)."""
        if self.env.su or self._is_system_write():
            return self
        forged = {f"default_{fname}" for fname in self._system_field_names()}
        if not forged & self.env.context.keys():
            return self
        context = {
            key: value for key, value in self.env.context.items() if key not in forged
        }
        return self.with_env(self.env(context=context))

    def _refuse_system_fields(self, vals):
        if self.env.su or self._is_system_write():
            return
        forged = [fname for fname in self._system_field_names() if fname in vals]
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

    @api.model
    def _system_field_names(self):
        """The ``_system_fields`` of every class of the model: an extension
        (``_inherit``) declares only its own."""
        names = {}
        for cls in type(self).__mro__:
            names.update(dict.fromkeys(cls.__dict__.get("_system_fields", ())))
        return tuple(names)

    def _as_system(self):
        """These records, for a write of system fields by the module's code."""
        return self.with_context(**{SYSTEM_CONTEXT_KEY: _SYSTEM})

    def _is_system_write(self):
        """Whether the module's own code is writing (see ``_as_system``)."""
        return self.env.context.get(SYSTEM_CONTEXT_KEY) is _SYSTEM

    def _assert_files_deletable(self):
        """Odoo deletes a record's files with it, as superuser: the right
        'Delete uploaded files' holds for that path too (for notes and
        bookings, which Edit deletes; deleting a whole order is the right
        'Delete')."""
        if self.env.su:
            return
        # sudo: only to find the files, the right is checked as the user
        files = (
            self.env["ir.attachment"]
            .sudo()
            .search([("res_model", "=", self._name), ("res_id", "in", self.ids)])
        )
        files.with_env(self.env)._assert_contact_order_file_deletion()
