# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Log Contact on a 390 px phone: from a card of My To-do, one dialog."""

from datetime import datetime, time

import pytz
from dateutil.relativedelta import relativedelta

from odoo.tests import HttpCase, new_test_user, tagged

USER = "base.group_user,contact_order.group_user"


@tagged("post_install", "-at_install")
class TestLogContactPhoneTour(HttpCase):
    browser_size = "390x844"
    touch_enabled = True

    def test_log_a_call_and_book_the_next_on_a_phone(self):
        seller = new_test_user(
            self.env, login="log_seller", groups=USER, tz="Europe/Stockholm"
        )
        customer = self.env["res.partner"].create(
            {"name": "Logg Kund AB", "is_company": True}
        )
        order = (
            self.env["contact.order"]
            .with_user(seller)
            .create({"subject": "Call about the offer", "partner_id": customer.id})
        )
        tz = pytz.timezone("Europe/Stockholm")
        today = datetime.now(tz).date()
        start = tz.localize(datetime.combine(today, time(0, 5))).astimezone(pytz.utc)
        call = (
            self.env["contact.order.booking"]
            .with_user(seller)
            .create({"order_id": order.id, "start": start.replace(tzinfo=None)})
        )
        self.start_tour(
            "/odoo/action-contact_order.contact_order_todo_action",
            "contact_order_log_contact_phone",
            login=seller.login,
        )
        self.assertEqual(call.state, "done")
        self.assertEqual(len(order.note_ids), 1)
        self.assertIn("two compressors", order.note_ids.body)
        self.assertEqual(order.note_ids.hours, 0.5)
        following = order.booking_ids - call
        self.assertEqual(following.booking_type, "meeting")
        self.assertEqual(following.user_id, seller)
        self.assertEqual(
            following._local_start().date(), today + relativedelta(months=1)
        )
        self.assertTrue(following.calendar_event_id)
