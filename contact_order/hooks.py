# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).


def uninstall_hook(env):
    """The bookings' to-do entries use the addon's activity type, which
    mail.activity keeps with ``ondelete='restrict'``: remove them first, or
    Odoo cannot delete the type when the addon goes."""
    booking_type = env.ref(
        "contact_order.mail_activity_type_booking", raise_if_not_found=False
    )
    if booking_type:
        env["mail.activity"].sudo().with_context(active_test=False).search(
            [("activity_type_id", "=", booking_type.id)]
        ).unlink()
