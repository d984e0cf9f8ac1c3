# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A technician hands an order on to a salesperson: "Hand Over"."""

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, HttpCase, new_test_user, tagged, users

from .common import ContactOrderCase

USER = "base.group_user,contact_order.group_user"


@tagged("post_install", "-at_install")
class TestHandOverTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.technician = new_test_user(
            cls.env, login="daily_tech", name="Tekla Tekniker", groups=USER
        )
        cls.seller = new_test_user(
            cls.env, login="daily_seller", name="Sam Säljare", groups=USER
        )
        cls.outsider = new_test_user(
            cls.env,
            login="daily_outsider",
            name="Utan Rättigheter",
            groups="base.group_user",
        )
        Order = cls.env["contact.order"]
        cls.order = Order.create(
            {
                "subject": "Pump service",
                "partner_name": "Nordisk Pump AB",
                "user_id": cls.technician.id,
            }
        )
        Order.create(
            {
                "subject": "Unrelated order",
                "partner_name": "Annat Företag AB",
                "user_id": cls.technician.id,
            }
        )

    def test_technician_hands_the_order_to_a_salesperson(self):
        self.start_tour(
            f"/odoo/action-contact_order.contact_order_action/{self.order.id}",
            "contact_order_hand_over",
            login=self.technician.login,
        )
        self.assertEqual(self.order.user_id, self.seller)
        self.assertIn(self.seller, self.order.assignee_ids)
        self.assertNotIn(
            self.technician,
            self.order.assignee_ids,
            "the technician handed it on: it is no longer theirs",
        )
        note = self.order.message_ids.filtered(lambda m: "new pump" in str(m.body))
        self.assertEqual(note.author_id, self.technician.partner_id)
        self.assertIn(self.seller.partner_id, note.partner_ids)


@tagged("post_install", "-at_install")
class TestHandOver(ContactOrderCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # created by the user, looked at by the test as superuser
        cls.order = cls.env["contact.order"].browse(cls._create_order(user=cls.user).id)
        cls.outsider = new_test_user(
            cls.env, login="co_outsider", groups="base.group_user"
        )

    def _hand_over(self, user, to, message=False):
        wizard = Form(
            self.env["contact.order.hand.over"]
            .with_user(user)
            .with_context(default_order_id=self.order.id),
            view="contact_order.contact_order_hand_over_view_form",
        )
        wizard.user_id = to
        wizard.message = message
        return wizard.save().action_hand_over()

    @users("co_user")
    def test_hand_over_goes_back_to_the_list(self):
        action = self._hand_over(self.user, self.colleague, "Call them on Monday")
        self.assertEqual(self.order.user_id, self.colleague)
        self.assertEqual(action["params"]["next"]["res_model"], "contact.order")
        self.assertIn("Tore Tekniker", action["params"]["message"])
        note = self.order.message_ids.filtered(lambda m: "Monday" in str(m.body))
        self.assertEqual(note.author_id, self.user.partner_id)
        self.assertEqual(note.partner_ids, self.colleague.partner_id)

    def test_who_sees_everything_stays_on_the_order(self):
        action = self._hand_over(self.manager, self.colleague)
        self.assertEqual(self.order.user_id, self.colleague)
        self.assertEqual(
            action["params"]["next"], {"type": "ir.actions.act_window_close"}
        )

    def test_needs_the_assign_right(self):
        self.user.groups_id -= self.env.ref("contact_order.group_user")
        self.user.groups_id -= self.env.ref("contact_order.group_assign")
        with self.assertRaisesRegex(AccessError, "'Assign'"):
            self._hand_over(self.user, self.colleague, "Sneaky")
        self.assertEqual(self.order.user_id, self.user)
        self.assertFalse(
            self.order.message_ids.filtered(lambda m: "Sneaky" in str(m.body))
        )

    def test_only_to_contact_order_users(self):
        with self.assertRaisesRegex(ValidationError, "no Contact Orders rights"):
            self.env["contact.order.hand.over"].with_user(self.user).create(
                {"order_id": self.order.id, "user_id": self.outsider.id}
            ).action_hand_over()
        self.assertEqual(self.order.user_id, self.user)

    def test_not_an_order_one_cannot_see(self):
        other = self._create_order(user=self.colleague)
        wizard = (
            self.env["contact.order.hand.over"]
            .with_user(self.user)
            .create({"order_id": other.id, "user_id": self.user.id})
        )
        with self.assertRaises(AccessError):
            wizard.action_hand_over()
        self.assertEqual(other.user_id, self.colleague)

    def test_handing_to_the_current_responsible_changes_nothing(self):
        action = self._hand_over(self.user, self.user)
        self.assertEqual(self.order.user_id, self.user)
        self.assertEqual(
            action["params"]["next"], {"type": "ir.actions.act_window_close"}
        )
        # the same through the API, and "Assign to me" on one's own order
        self.order.with_user(self.user).write({"user_id": self.user.id})
        self.order.with_user(self.user).action_assign_to_me()
        self.assertEqual(self.order.user_id, self.user)

    @users("co_user")
    def test_who_hands_on_stops_following(self):
        self._hand_over(self.user, self.colleague, "Over to you")
        self.assertNotIn(self.user.partner_id, self.order.message_partner_ids)

    def test_reassigning_in_the_form_or_over_rpc(self):
        """Handing on by changing the responsible, without the dialog: the
        user no longer sees the order once saved, and that must not fail
        the save (their following ends as with the dialog)."""
        self.order.invalidate_recordset()
        self.order.with_user(self.user).write({"user_id": self.colleague.id})
        self.assertEqual(self.order.user_id, self.colleague)
        self.assertNotIn(self.user.partner_id, self.order.message_partner_ids)
        with self.assertRaises(AccessError):
            self.order.with_user(self.user).check_access("read")

    def test_wizards_are_their_creators_own(self):
        wizard = (
            self.env["contact.order.hand.over"]
            .with_user(self.user)
            .create({"order_id": self.order.id, "user_id": self.colleague.id})
        )
        wizard.invalidate_recordset()
        with self.assertRaises(AccessError):
            wizard.with_user(self.colleague).read(["order_id", "message"])
