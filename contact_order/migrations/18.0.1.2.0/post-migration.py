# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Booking events made before 18.0.1.2.0 were public and carried the
booking's description: make them private and keep the description on the
booking (and its to-do entry) only."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE calendar_event event
           SET privacy = 'private', description = NULL
          FROM contact_order_booking booking
         WHERE booking.calendar_event_id = event.id
        """
    )
