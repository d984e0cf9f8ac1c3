# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, time

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestBookingTour(HttpCase):
    def test_drag_booking_in_calendar(self):
        """A booking moved in Odoo's Calendar is moved itself: its start, its
        to-do entry, its reminder."""
        user = new_test_user(
            self.env,
            login="tour_dragger",
            groups="base.group_user,contact_order.group_user",
            tz="UTC",
        )
        customer = self.env["res.partner"].create({"name": "Drag Kund AB"})
        order = self.env["contact.order"].create(
            {
                "subject": "Drag me to the 15th",
                "partner_id": customer.id,
                "user_id": user.id,
            }
        )
        start = datetime.combine(datetime.now().replace(day=10), time(9, 0))
        booking = self.env["contact.order.booking"].create(
            {"order_id": order.id, "start": start, "user_id": user.id}
        )
        self.start_tour(
            "/odoo/calendar", "contact_order_booking_drag_in_calendar", login=user.login
        )
        self.assertEqual(booking.start, start.replace(day=15))
        self.assertEqual(
            booking.activity_id.date_deadline, start.replace(day=15).date()
        )
        self.assertEqual(booking.state, "planned")
