# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The addon watches activities, meetings and quotations for the ones that
belong to contact orders: everyone else's pass untouched, whatever their
contact order rights."""

from odoo.tests import new_test_user, tagged

from .common import ContactOrderCase


@tagged("post_install", "-at_install")
class TestOtherAppsWithoutContactOrderRights(ContactOrderCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a salesperson of the Sales app who never got a contact order right
        # (users existing before the install have none)
        cls.seller = new_test_user(
            cls.env,
            login="sales_only",
            groups="base.group_user,sales_team.group_sale_salesman",
        )
        cls.seller.groups_id -= cls.env.ref("contact_order.group_edit")
        cls.partner = cls.env["res.partner"].create({"name": "Annan Kund AB"})

    def test_rights_of_the_user(self):
        self.assertFalse(self.seller.has_group("contact_order.group_edit"))

    def test_mark_an_activity_done(self):
        activity = self.partner.activity_schedule(
            "mail.mail_activity_data_todo", user_id=self.seller.id
        )
        activity.with_user(self.seller).action_done()
        # done: removed, or archived when its type keeps done activities
        self.assertFalse(activity.exists().filtered("active"))

    def test_delete_an_activity(self):
        activity = self.partner.activity_schedule(
            "mail.mail_activity_data_todo", user_id=self.seller.id
        )
        activity.with_user(self.seller).unlink()
        self.assertFalse(activity.exists())

    def test_archive_and_delete_an_own_meeting(self):
        Event = self.env["calendar.event"].with_user(self.seller)
        event = Event.create(
            {
                "name": "Lunch",
                "start": "2030-01-01 10:00:00",
                "stop": "2030-01-01 11:00:00",
            }
        )
        event.action_archive()
        self.assertFalse(event.active)
        event.unlink()
        self.assertFalse(event.exists())

    def test_create_a_quotation(self):
        quotation = (
            self.env["sale.order"]
            .with_user(self.seller)
            .create({"partner_id": self.partner.id})
        )
        self.assertEqual(quotation.user_id, self.seller)
