# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Booking events made before 18.0.1.2.0 were public and carried the
booking's description: make them private and keep the description on the
booking (and its to-do entry) only. Every company gets its own sequence.
The list sorts by the scheduled date (next booking, else planned date): the
index on the planned date for that order goes."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    # companies number their orders from their own sequence, made with the
    # company (it used to be copied on the company's first order)
    api.Environment(cr, SUPERUSER_ID, {})[
        "res.company"
    ]._create_missing_contact_order_sequences()
    cr.execute(
        """
        UPDATE calendar_event event
           SET privacy = 'private', description = NULL
          FROM contact_order_booking booking
         WHERE booking.calendar_event_id = event.id
        """
    )
    cr.execute("DROP INDEX IF EXISTS contact_order_list_date_index")
