# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import ContactOrderCase

# Who (the rights ticked in the user form, base.group_user aside) ...
PROFILES = {
    "none": "",
    "view": "group_view",
    "view_assigned": "group_view_assigned",
    "edit": "group_edit",
    "create": "group_create",
    "delete": "group_delete",
    "assign": "group_assign",
    "assign_self": "group_assign_self",
    "delete_files": "group_delete_files",
    "view+edit": "group_view,group_edit",
    "view+create": "group_view,group_create",
    "view+delete": "group_view,group_delete",
    "view+edit+assign": "group_view,group_edit,group_assign",
    "view+edit+assign_self": "group_view,group_edit,group_assign_self",
    "view+edit+delete_files": "group_view,group_edit,group_delete_files",
    "user preset": "group_user",
    "manager": "group_manager",
}

# ... may do what. "own" is an order the user is responsible for, "other" one
# of a colleague.
OPERATIONS = (
    "list own",
    "open own",
    "list other",
    "open other",
    "create",
    "write",
    "unlink",
    "assign other",
    "assign self",
    "upload file",
    "delete file",
    "add note",
    "complete",
    "convert to sales order",
    "book own",
    "book other",
    "forge state",
    "forge assignees",
    "forge booking link",
    "delete file in chatter",
    "empty file",
    "book with a default order",
)

# Allowed operations of each profile; all others must be refused. Every
# profile has Sales rights (sales_team.group_sale_salesman) on top.
# Edit, Create and Delete bring View only assigned along (implied group).
ALLOWED = {
    "none": set(),
    "view": {"list own", "open own", "list other", "open other"},
    "view_assigned": {"list own", "open own"},
    "edit": {
        "list own", "open own", "write", "upload file", "add note", "complete",
        "convert to sales order", "book own",
    },
    "create": {"list own", "open own", "create"},
    "delete": {"list own", "open own", "unlink"},
    "assign": set(),
    "assign_self": set(),
    # the author of a message removes its files in the chatter with the right
    "delete_files": {"delete file in chatter"},
    "view+edit": {
        "list own", "open own", "list other", "open other", "write",
        "upload file", "add note", "complete", "convert to sales order",
        "book own",
    },
    "view+create": {"list own", "open own", "list other", "open other", "create"},
    "view+delete": {"list own", "open own", "list other", "open other", "unlink"},
    "view+edit+assign": {
        "list own", "open own", "list other", "open other", "write",
        "assign other", "assign self", "upload file", "add note", "complete",
        "convert to sales order", "book own", "book other",
        "book with a default order",
    },
    "view+edit+assign_self": {
        "list own", "open own", "list other", "open other", "write",
        "assign self", "upload file", "add note", "complete",
        "convert to sales order", "book own", "book other",
        "book with a default order",
    },
    "view+edit+delete_files": {
        "list own", "open own", "list other", "open other", "write",
        "upload file", "delete file", "add note", "complete",
        "convert to sales order", "book own", "delete file in chatter",
        "empty file",
    },
    "user preset": {
        "list own", "open own", "create", "write", "assign other",
        "upload file", "add note", "complete", "convert to sales order",
        "book own",
    },
    # fields the system maintains are nobody's to write, the manager's neither
    "manager": set(OPERATIONS)
    - {"forge state", "forge assignees", "forge booking link"},
}  # fmt: skip


@tagged("post_install", "-at_install")
class TestSecurityMatrix(ContactOrderCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            profile: new_test_user(
                cls.env,
                login=f"co_matrix_{profile.replace(' ', '_').replace('+', '_')}",
                groups=",".join(
                    ["base.group_user", "sales_team.group_sale_salesman"]
                    + [f"contact_order.{group}" for group in groups.split(",") if group]
                ),
            )
            for profile, groups in PROFILES.items()
        }

    def _setup_cell(self, user):
        own = self._create_order(user_id=user.id, subject="Own")
        other = self._create_order(user_id=self.colleague.id, subject="Other")
        attachment = self.env["ir.attachment"].create(
            {
                "name": "offer.pdf",
                "datas": base64.b64encode(b"%PDF-1.4"),
                "res_model": "contact.order",
                "res_id": own.id,
            }
        )
        # a booking of the own order, and an activity of another app
        self.booking = self.env["contact.order.booking"].create(
            {"order_id": own.id, "start": "2030-01-02 10:00:00", "user_id": user.id}
        )
        self.foreign_activity = self.env["mail.activity"].create(
            {
                "res_model_id": self.env["ir.model"]._get_id("res.partner"),
                "res_id": self.customer.id,
                "user_id": self.manager.id,
                "summary": "Not a booking",
            }
        )
        # the file as the chatter has it: on a message of the order
        self.message = own.message_post(
            body="Offer",
            attachment_ids=attachment.ids,
            message_type="comment",
            author_id=user.partner_id.id,
        )
        # the user's call comes as a request of its own: nothing read by the
        # set-up (as superuser) is in the cache
        self.env.invalidate_all()
        return own, other, attachment

    def _run(self, operation, user, own, other, attachment):
        env = self.env(user=user)
        own, other = own.with_user(user), other.with_user(user)
        Order = env["contact.order"]
        steps = {
            "list own": lambda: bool(Order.search([("id", "=", own.id)])),
            "list other": lambda: bool(Order.search([("id", "=", other.id)])),
            "open own": lambda: own.read(["subject", "partner_id", "note_ids"]),
            "open other": lambda: other.read(["subject", "partner_id", "note_ids"]),
            "create": lambda: Order.create(
                {"subject": "New", "partner_id": self.customer.id}
            ),
            "write": lambda: own.write({"subject": "Changed"}),
            "unlink": lambda: own.unlink(),
            "assign other": lambda: own.write({"user_id": self.colleague.id}),
            "assign self": lambda: other.write({"user_id": user.id}),
            "upload file": lambda: env["ir.attachment"].create(
                {
                    "name": "photo.png",
                    "raw": b"png",
                    "res_model": "contact.order",
                    "res_id": own.id,
                }
            ),
            "delete file": lambda: attachment.with_user(user).unlink(),
            "add note": lambda: env["contact.order.note"].create(
                {"order_id": own.id, "body": "<p>Hi</p>"}
            ),
            "complete": lambda: own.action_complete(),
            "convert to sales order": lambda: own.action_create_sale_order(),
            "book own": lambda: env["contact.order.booking"].create(
                {"order_id": own.id, "start": "2030-01-01 10:00:00"}
            ),
            "book other": lambda: env["contact.order.booking"].create(
                {"order_id": other.id, "start": "2030-01-01 10:00:00"}
            ),
            "forge state": lambda: own.write({"state": "done"}),
            "forge assignees": lambda: own.write(
                {"assignee_ids": [Command.link(user.id)]}
            ),
            "forge booking link": lambda: self.booking.with_user(user).write(
                {"activity_id": self.foreign_activity.id}
            ),
            "delete file in chatter": lambda: self._delete_in_chatter(env, own),
            "empty file": lambda: attachment.with_user(user).write({"datas": ""}),
            # create() fills context defaults in after the model's checks
            "book with a default order": lambda: (
                env["contact.order.booking"]
                .with_context(default_order_id=other.id)
                .create({"start": "2030-01-01 10:00:00"})
            ),
        }
        result = steps[operation]()
        self.env.flush_all()
        return result is not False

    def _delete_in_chatter(self, env, order):
        """What /mail/message/update_content does with "attachment_ids": []."""
        message = env["mail.message"]._get_with_access(self.message.id, "create")
        if not message or not message.sudo().is_current_user_or_guest_author:
            return False
        return order._message_update_content(message.sudo(), "", attachment_ids=[])

    def test_matrix(self):
        self.assertEqual(set(ALLOWED), set(PROFILES), "every profile has a row")
        failures = []
        for profile, user in self.users.items():
            for operation in OPERATIONS:
                expected = operation in ALLOWED[profile]
                with self.subTest(profile=profile, operation=operation):
                    savepoint = self.env.cr.savepoint()
                    own, other, attachment = self._setup_cell(user)
                    try:
                        allowed = self._run(operation, user, own, other, attachment)
                    except AccessError:
                        allowed = False
                    except UserError:
                        if not operation.startswith("forge"):
                            raise
                        allowed = False
                    finally:
                        savepoint.close(rollback=True)
                        self.env.invalidate_all()
                    if allowed != expected:
                        failures.append(
                            f"{profile}: {operation} "
                            f"{'allowed' if allowed else 'refused'}, expected "
                            f"{'allowed' if expected else 'refused'}"
                        )
        self.assertFalse(failures, "\n".join(failures))

    def test_refusals_name_the_missing_right(self):
        user = self.users["view+edit"]
        own, other, attachment = self._setup_cell(user)
        with self.assertRaisesRegex(AccessError, "'Assign'"):
            own.with_user(user).write({"user_id": self.colleague.id})
        with self.assertRaisesRegex(AccessError, "'Assign self'"):
            other.with_user(user).write({"user_id": user.id})
        with self.assertRaisesRegex(AccessError, "'Delete uploaded files'"):
            attachment.with_user(user).unlink()
        self.assertEqual(own.user_id, user, "nothing half-written")
        self.assertTrue(attachment.exists())

    def test_unassigned_order_is_not_own(self):
        user = self.users["view_assigned"]
        order = (
            self.env["contact.order"]
            .with_user(self.manager)
            .create(
                {
                    "subject": "Nobody's",
                    "partner_id": self.customer.id,
                    "user_id": False,
                }
            )
        )
        self.assertFalse(order.with_user(user).search([("id", "=", order.id)]))

    def test_booking_assignee_sees_the_order(self):
        user = self.users["view_assigned"]
        order = self._create_order(user_id=self.colleague.id)
        self.assertFalse(
            self.env["contact.order"].with_user(user).search([("id", "=", order.id)])
        )
        self.env["contact.order.booking"].create(
            {"order_id": order.id, "start": "2030-01-01 10:00:00", "user_id": user.id}
        )
        self.assertEqual(
            self.env["contact.order"].with_user(user).search([("id", "=", order.id)]),
            order,
        )
        self.assertEqual(order.with_user(user).booking_ids.user_id, user)

    def test_assignees_follow_the_order_and_its_bookings(self):
        """The stored assignees, which the rules read, change with every way
        an order or a booking changes hands, without a flush in between."""
        user = self.users["view_assigned"]
        Order = self.env["contact.order"].with_user(user)
        order = self._create_order(user_id=self.colleague.id)
        booking = self.env["contact.order.booking"].create(
            {"order_id": order.id, "start": "2030-01-01 10:00:00", "user_id": user.id}
        )
        self.assertEqual(order.assignee_ids, self.colleague | user)
        booking.user_id = self.colleague
        self.assertFalse(Order.search([("id", "=", order.id)]))
        booking.user_id = user
        self.assertTrue(Order.search([("id", "=", order.id)]))
        booking.unlink()
        self.assertFalse(Order.search([("id", "=", order.id)]))
        order.user_id = user
        self.assertEqual(Order.search([("id", "=", order.id)]), order)
        order.user_id = False
        self.assertFalse(order.assignee_ids)
        self.assertFalse(Order.search([("id", "=", order.id)]))

    def test_order_with_notes_and_booking_in_one_create(self):
        """A user who sees only their own orders saves a new order with its
        first note and booking at once, as the form does."""
        user = self.users["user preset"]
        order = (
            self.env["contact.order"]
            .with_user(user)
            .create(
                {
                    "subject": "From a service visit",
                    "partner_id": self.customer.id,
                    "note_ids": [Command.create({"body": "<p>Wants an offer</p>"})],
                    "booking_ids": [Command.create({"start": "2030-01-01 10:00:00"})],
                }
            )
        )
        self.assertEqual(order.assignee_ids, user)
        self.assertEqual(order.note_ids.author_id, user)
        self.assertEqual(order.booking_ids.user_id, user)

    def test_multi_company(self):
        other_company = self.env["res.company"].create({"name": "Filial AB"})
        foreign = self._create_order(company_id=other_company.id)
        user = self.users["view"]
        self.assertFalse(
            self.env["contact.order"].with_user(user).search([("id", "=", foreign.id)])
        )
        with self.assertRaises(AccessError):
            foreign.with_user(user).read(["subject"])
        user.write({"company_ids": [(4, other_company.id)]})
        self.assertEqual(
            self.env["contact.order"]
            .with_user(user)
            .with_context(allowed_company_ids=[self.company.id, other_company.id])
            .search([("id", "=", foreign.id)]),
            foreign,
        )

    def test_customer_card_without_contact_order_rights(self):
        user = self.users["none"]
        partner = self.customer.with_user(user)
        self.assertEqual(partner.read(["name"])[0]["name"], "Verkstad AB")
        self.assertNotIn("contact_order_count", partner.fields_get())
