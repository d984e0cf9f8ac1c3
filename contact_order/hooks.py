# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from .models.contact_order_system_mixin import sync_context


def uninstall_hook(env):
    """The bookings' to-do entries use the addon's activity type, which
    mail.activity keeps with ``ondelete='restrict'``: remove them first, or
    Odoo cannot delete the type when the addon goes. Straight to core's
    unlink (``sync_context``): cancelling each booking first, with a message
    and its meeting removed, would only fill tables about to be dropped."""
    booking_type = env.ref(
        "contact_order.mail_activity_type_booking", raise_if_not_found=False
    )
    if booking_type:
        env["mail.activity"].sudo().with_context(
            active_test=False, **sync_context()
        ).search([("activity_type_id", "=", booking_type.id)]).unlink()
