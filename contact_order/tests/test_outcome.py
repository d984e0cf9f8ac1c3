# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Complete asks how the contact ended (won, lost, no interest, other) and
why, from the administrator's list of lost reasons; only completing sets
them, reopening clears them, and reports group by them."""

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import ContactOrderCase

COMPLETE_VIEW = "contact_order.contact_order_complete_view_form"


@tagged("post_install", "-at_install")
@freeze_time("2030-06-01 08:00:00")
class TestOutcome(ContactOrderCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls._create_order(user=cls.user)
        cls.reason = cls.env.ref("contact_order.lost_reason_price")

    def _dialog(self, order=None, user=None):
        wizard = (
            self.env["contact.order.complete"]
            .with_user(user or self.user)
            .with_context(default_order_id=(order or self.order).id)
        )
        return Form(wizard, view=COMPLETE_VIEW)

    def test_complete_as_lost_with_a_reason(self):
        form = self._dialog()
        self.assertFalse(form.outcome, "no outcome is assumed")
        form.outcome = "lost"
        form.lost_reason_id = self.reason
        form.save().action_complete()
        self.assertEqual(self.order.state, "done")
        self.assertEqual(self.order.outcome, "lost")
        self.assertEqual(self.order.lost_reason_id, self.reason)
        self.order.with_user(self.user).action_reopen()
        self.assertEqual(self.order.state, "open")
        self.assertFalse(self.order.outcome or self.order.lost_reason_id)

    def test_won_has_no_reason_and_is_proposed_for_won_orders(self):
        self.order._as_system().state = "won"
        form = self._dialog()
        self.assertEqual(form.outcome, "won")
        self.assertTrue(form._get_modifier("lost_reason_id", "invisible"))
        wizard = form.save()
        wizard.lost_reason_id = self.reason
        wizard.action_complete()
        self.assertEqual(self.order.outcome, "won")
        self.assertFalse(self.order.lost_reason_id)

    def test_outcome_is_set_only_by_completing(self):
        order = self.order.with_user(self.user)
        for vals in ({"outcome": "won"}, {"lost_reason_id": self.reason.id}):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                order.write(vals)
        with self.assertRaises(UserError):
            self._create_order(user=self.user, outcome="lost")
        forged = (
            self.env["contact.order"]
            .with_user(self.user)
            .with_context(default_outcome="won", default_lost_reason_id=self.reason.id)
            .create({"subject": "Forged", "partner_id": self.customer.id})
        )
        self.assertFalse(forged.outcome or forged.lost_reason_id)

    def test_bad_outcomes_and_reasons(self):
        order = self.order.with_user(self.user)
        with self.assertRaises(ValidationError):
            order._complete_with_outcome("maybe", self.reason.browse())
        self.reason.active = False
        with self.assertRaises(ValidationError):
            order._complete_with_outcome("lost", self.reason.with_user(self.user))
        self.assertEqual(self.order.state, "open")

    def test_rights(self):
        reader = new_test_user(
            self.env,
            login="co_outcome_reader",
            groups="base.group_user,contact_order.group_view",
        )
        with self.assertRaises(AccessError):
            self.env["contact.order.complete"].with_user(reader).create(
                {"order_id": self.order.id, "outcome": "lost"}
            )
        with self.assertRaises(AccessError):
            self.order.with_user(reader)._complete_with_outcome(
                "lost", self.reason.browse()
            )
        # Edit, but not their order to see
        wizard = (
            self.env["contact.order.complete"]
            .with_user(self.colleague)
            .create({"order_id": self.order.id, "outcome": "lost"})
        )
        with self.assertRaises(AccessError):
            wizard.action_complete()
        self.assertEqual(self.order.state, "open")
        # the list is the administrator's
        Reason = self.env["contact.order.lost.reason"]
        with self.assertRaises(AccessError):
            Reason.with_user(self.user).create({"name": "Mine"})
        with self.assertRaises(AccessError):
            self.reason.with_user(self.user).write({"name": "Mine"})
        Reason.with_user(self.manager).create({"name": "Budget frozen"})

    def test_search_and_reports_group_by_outcome_and_reason(self):
        other = self._create_order(user=self.user, subject="Second")
        third = self._create_order(user=self.user, subject="Third")
        self.order.with_user(self.user)._complete_with_outcome("lost", self.reason)
        other.with_user(self.user)._complete_with_outcome("lost", self.reason)
        third.with_user(self.user)._complete_with_outcome(
            "no_interest", self.reason.browse()
        )
        Order = self.env["contact.order"].with_user(self.user)
        groups = Order.read_group(
            [("state", "=", "done")],
            ["outcome"],
            ["outcome", "lost_reason_id"],
            lazy=False,
        )
        counts = {
            (g["outcome"], g["lost_reason_id"] and g["lost_reason_id"][0]): g["__count"]
            for g in groups
        }
        self.assertEqual(
            counts, {("lost", self.reason.id): 2, ("no_interest", False): 1}
        )
        self.assertEqual(
            Order.search([("lost_reason_id", "=", self.reason.id)]), self.order | other
        )
        search = self.env.ref("contact_order.contact_order_view_search").sudo()
        for name in ("group_by_outcome", "group_by_lost_reason", "filter_outcome_lost"):
            self.assertIn(f'name="{name}"', search.arch_db)
