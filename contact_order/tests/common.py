# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime

from odoo.tests import TransactionCase, new_test_user

# Rights of a typical salesperson: the "User" preset.
USER_GROUPS = "base.group_user,contact_order.group_user"
MANAGER_GROUPS = "base.group_user,contact_order.group_manager"
# the two reading rights alone: the lowest rights of a report's reader
VIEW_ASSIGNED_GROUPS = "base.group_user,contact_order.group_view_assigned"
VIEW_GROUPS = "base.group_user,contact_order.group_view"
# the real forms that Form() drives
FORM_VIEW = "contact_order.contact_order_view_form"
SETTINGS_VIEW = "base.res_config_settings_view_form"


class ContactOrderCase(TransactionCase):
    """Users with the lowest rights each case needs, and a small register:
    a Swedish customer with a facility and a service object."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.ref("base.main_company")
        cls.company.country_id = cls.env.ref("base.se")
        cls.user = new_test_user(
            cls.env, login="co_user", groups=USER_GROUPS, name="Sara Säljare"
        )
        cls.colleague = new_test_user(
            cls.env, login="co_colleague", groups=USER_GROUPS, name="Tore Tekniker"
        )
        cls.manager = new_test_user(
            cls.env, login="co_manager", groups=MANAGER_GROUPS, name="Maja Chef"
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Verkstad AB",
                "is_company": True,
                "country_id": cls.env.ref("base.se").id,
                "street": "Storgatan 1",
                "zip": "111 22",
                "city": "Stockholm",
                "phone": "+46 8 555 01 23",
                "email": "info@verkstad.example",
            }
        )
        cls.other_customer = cls.env["res.partner"].create(
            {"name": "Annan Kund AB", "is_company": True}
        )
        cls.facility = cls.env["contact.facility"].create(
            {
                "name": "Verkstad Norra",
                "partner_id": cls.customer.id,
                "street": "Industrivägen 5",
                "zip": "721 30",
                "city": "Västerås",
                "country_id": cls.env.ref("base.se").id,
            }
        )
        cls.equipment = cls.env["maintenance.equipment"].create(
            {"name": "Kompressor K-200", "facility_id": cls.facility.id}
        )
        cls.status_new = cls.env.ref("contact_order.status_new")

    def _settings_admin(self):
        """The lowest rights that open the Contact Orders settings."""
        return new_test_user(
            self.env,
            login="co_settings",
            groups="base.group_user,base.group_system,contact_order.group_manager",
        )

    @classmethod
    def _create_order(cls, user=None, **vals):
        env = cls.env(user=user) if user else cls.env
        values = {"subject": "Sales question", "partner_id": cls.customer.id}
        values.update(vals)
        return env["contact.order"].create(values)


class BookingCase(ContactOrderCase):
    """An order of the user, to book on."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls._create_order(user=cls.user)

    def _book(self, user=None, **vals):
        values = {"order_id": self.order.id, "start": datetime(2030, 6, 1, 9, 0)}
        values.update(vals)
        return (
            self.env["contact.order.booking"]
            .with_user(user or self.user)
            .create(values)
        )
