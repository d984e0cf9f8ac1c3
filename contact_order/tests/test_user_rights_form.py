# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""An administrator sets the Contact Orders rights on the user form without
developer mode: a level (Odoo's selection) and the eight rights as
checkboxes."""

from lxml import etree

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, HttpCase, new_test_user, tagged, users

from .common import ContactOrderCase

ADMIN_GROUPS = "base.group_user,base.group_erp_manager"


@tagged("post_install", "-at_install")
class TestUserRightsForm(ContactOrderCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # manages users (Settings > Users), no developer mode
        cls.user_admin = new_test_user(
            cls.env, login="co_user_admin", groups=ADMIN_GROUPS
        )
        # no Contact Orders rights yet
        cls.technician = new_test_user(
            cls.env, login="co_technician", groups="base.group_user"
        )

    def _group(self, name):
        return self.env.ref(f"contact_order.{name}")

    @users("co_user_admin")
    def test_form_outside_developer_mode_shows_level_and_rights(self):
        form_view = self.env.ref("base.view_users_form")
        arch = self.env["res.users"].get_views([(form_view.id, "form")])["views"][
            "form"
        ]["arch"]
        shown = {node.get("name") for node in etree.fromstring(arch).iter("field")}
        levels = self.env["res.groups"].get_groups_by_application()
        level = next(
            (kind, groups)
            for app, kind, groups, _category in levels
            if app == self.env.ref("contact_order.module_category_contact_order")
        )
        self.assertEqual(level[0], "selection", "the levels form a chain")
        self.assertEqual(
            level[1],
            self._group("group_user")
            | self._group("group_user_all")
            | self._group("group_manager"),
        )
        self.assertIn("sel_groups_" + "_".join(map(str, level[1].ids)), shown)
        self.assertLessEqual(
            {
                "contact_order_view",
                "contact_order_view_assigned",
                "contact_order_edit",
                "contact_order_create",
                "contact_order_delete",
                "contact_order_assign",
                "contact_order_assign_self",
                "contact_order_delete_files",
            },
            shown,
        )

    @users("co_user_admin")
    def test_tick_rights_one_by_one(self):
        with Form(
            self.technician.with_env(self.env), view="base.view_users_form"
        ) as form:
            form.contact_order_view_assigned = True
            form.contact_order_delete_files = True
        technician = self.technician.with_env(self.env)
        self.assertTrue(technician.has_group("contact_order.group_view_assigned"))
        self.assertTrue(technician.has_group("contact_order.group_delete_files"))
        self.assertFalse(technician.has_group("contact_order.group_edit"))
        with Form(technician, view="base.view_users_form") as form:
            self.assertTrue(form.contact_order_delete_files)
            form.contact_order_delete_files = False
        self.assertFalse(technician.has_group("contact_order.group_delete_files"))

    @users("co_user_admin")
    def test_level_brings_its_rights(self):
        technician = self.technician.with_env(self.env)
        technician.groups_id += self._group("group_user_all")
        self.assertTrue(technician.contact_order_view)
        self.assertTrue(technician.contact_order_edit)
        self.assertTrue(technician.contact_order_assign_self)
        self.assertTrue(technician.contact_order_assign, "hands orders on")
        self.assertFalse(technician.contact_order_delete)
        self.assertFalse(technician.contact_order_delete_files)

    @users("co_user_admin")
    def test_one_right_written_keeps_the_others(self):
        user = self.user.with_env(self.env)
        user.write({"contact_order_delete_files": True})
        self.assertTrue(user.has_group("contact_order.group_delete_files"))
        self.assertTrue(user.has_group("contact_order.group_user"))
        self.assertTrue(user.has_group("contact_order.group_edit"))
        self.assertTrue(user.has_group("contact_order.group_view_assigned"))

    @users("co_user_admin")
    def test_right_of_the_level_cannot_be_unticked_alone(self):
        technician = self.technician.with_env(self.env)
        technician.groups_id += self._group("group_user")
        with self.assertRaisesRegex(UserError, "User: Own Orders"):
            technician.write({"contact_order_edit": False})
        self.assertTrue(technician.has_group("contact_order.group_edit"))

    @users("co_user_admin")
    def test_untick_two_rights_in_any_order(self):
        technician = self.technician.with_env(self.env)
        technician.groups_id += self._group("group_edit")
        self.assertTrue(technician.contact_order_view_assigned, "Edit brings it")
        # the implied one first: each alone would come back
        technician.write(
            {"contact_order_view_assigned": False, "contact_order_edit": False}
        )
        self.assertFalse(technician.has_group("contact_order.group_edit"))
        self.assertFalse(technician.has_group("contact_order.group_view_assigned"))

    def test_only_who_manages_users_sets_rights(self):
        with self.assertRaises(AccessError):
            self.user.with_user(self.user).write({"contact_order_delete_files": True})
        self.assertFalse(self.user.has_group("contact_order.group_delete_files"))

    def test_new_users_start_with_their_own_orders(self):
        user = self.env["res.users"].create({"name": "Ny Säljare", "login": "ny"})
        self.assertTrue(user.has_group("contact_order.group_user"))
        self.assertFalse(user.has_group("contact_order.group_view"))

    def test_level_and_rights_in_swedish(self):
        self.env["res.lang"]._activate_lang("sv_SE")
        self.env["ir.module.module"]._load_module_terms(
            ["contact_order"], ["sv_SE"], overwrite=True
        )
        users_sv = self.env["res.users"].with_context(lang="sv_SE")
        fields_sv = users_sv.fields_get()
        level = next(
            desc
            for fname, desc in fields_sv.items()
            if fname.startswith("sel_groups_")
            and self._group("group_user").id in dict(desc["selection"])
        )
        self.assertEqual(level["string"], "Kontaktordrar")
        form_view = self.env.ref("base.view_users_form")
        arch = users_sv.get_views([(form_view.id, "form")])["views"]["form"]["arch"]
        self.assertIn("Rättigheter för kontaktordrar", arch)


@tagged("post_install", "-at_install")
class TestUserRightsTour(HttpCase):
    def test_admin_grants_rights_in_normal_mode(self):
        admin = new_test_user(self.env, login="tour_user_admin", groups=ADMIN_GROUPS)
        technician = new_test_user(
            self.env, login="tour_tove", name="Tove Tekniker", groups="base.group_user"
        )
        self.start_tour(
            f"/odoo/action-base.action_res_users/{technician.id}",
            "contact_order_admin_grants_rights",
            login=admin.login,
        )
        self.assertTrue(technician.has_group("contact_order.group_user_all"))
        self.assertTrue(technician.has_group("contact_order.group_view"))
        self.assertTrue(technician.has_group("contact_order.group_delete_files"))
        self.assertFalse(technician.has_group("contact_order.group_delete"))
