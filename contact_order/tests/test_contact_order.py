# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged, users

from .common import FORM_VIEW, SETTINGS_VIEW, ContactOrderCase


@tagged("post_install", "-at_install")
class TestContactOrder(ContactOrderCase):
    def test_create_numbers_and_defaults(self):
        order = self._create_order(user=self.user)
        self.assertRegex(order.name, r"^CO\d{5}$")
        self.assertEqual(order.state, "open")
        self.assertEqual(order.user_id, self.user)
        self.assertEqual(order.status_id, self.status_new)
        self.assertEqual(order.company_id, self.company)
        self.assertEqual(order.display_name, f"{order.name} - Sales question")
        second = self._create_order()
        self.assertEqual(int(second.name[2:]), int(order.name[2:]) + 1)

    def test_numbers_per_company(self):
        other_company = self.env["res.company"].create({"name": "Filial AB"})
        self.assertTrue(
            self.env["ir.sequence"].search(
                [("code", "=", "contact.order"), ("company_id", "=", other_company.id)]
            ),
            "a new company has its own sequence before its first order",
        )
        first = self._create_order()
        order = self._create_order(
            company_id=other_company.id, partner_id=self.other_customer.id
        )
        self.assertEqual(order.name, "CO00001")
        second = self._create_order()
        self.assertEqual(int(second.name[2:]), int(first.name[2:]) + 1)
        sequence = self.env["ir.sequence"].search(
            [("code", "=", "contact.order"), ("company_id", "=", other_company.id)]
        )
        self.assertEqual(len(sequence), 1)

    def test_name_given_is_kept_but_default_replaced(self):
        order = self._create_order(name="New")
        self.assertTrue(order.name.startswith("CO"))
        imported = self._create_order(name="OLD-42")
        self.assertEqual(imported.name, "OLD-42")

    def test_subject_is_mandatory(self):
        for subject in (False, "", "   "):
            with (
                self.subTest(subject=subject),
                self.assertRaisesRegex(ValidationError, "subject"),
            ):
                self._create_order(subject=subject)
        order = self._create_order()
        with self.assertRaisesRegex(ValidationError, "subject"):
            order.subject = ""
        self.assertEqual(order.subject, "Sales question")

    def test_customer_is_mandatory(self):
        count = self.env["contact.order"].search_count([])
        with self.assertRaisesRegex(ValidationError, "customer"):
            self._create_order(partner_id=False)
        with self.assertRaisesRegex(ValidationError, "customer"):
            self.env["contact.order"].create({"subject": "No customer"})
        self.assertEqual(self.env["contact.order"].search_count([]), count)
        order = self._create_order()
        with self.assertRaisesRegex(ValidationError, "customer"):
            order.partner_id = False

    def test_prefill_from_service_object(self):
        order = self.env["contact.order"].create(
            {"subject": "Service", "equipment_id": self.equipment.id}
        )
        self.assertEqual(order.facility_id, self.facility)
        self.assertEqual(order.partner_id, self.customer)
        # the address comes from the facility, which has one
        self.assertEqual(order.city, "Västerås")

    def test_prefill_from_facility(self):
        order = self.env["contact.order"].create(
            {"subject": "Visit", "facility_id": self.facility.id}
        )
        self.assertEqual(order.partner_id, self.customer)
        self.assertFalse(order.equipment_id)

    @users("co_user")
    def test_prefill_in_form(self):
        form = Form(self.env["contact.order"], view=FORM_VIEW)
        form.subject = "Form"
        form.equipment_id = self.equipment
        self.assertEqual(form.facility_id, self.facility)
        self.assertEqual(form.partner_id, self.customer)
        order = form.save()
        self.assertEqual(order.partner_id, self.customer)

    def test_address_from_customer(self):
        order = self._create_order()
        self.assertEqual(order.street, "Storgatan 1")
        self.assertEqual(order.country_id, self.env.ref("base.se"))

    def test_refuse_facility_of_other_customer(self):
        with self.assertRaisesRegex(ValidationError, "Verkstad Norra.*belongs to"):
            self._create_order(
                partner_id=self.other_customer.id, facility_id=self.facility.id
            )
        order = self._create_order(partner_id=self.other_customer.id)
        with self.assertRaisesRegex(ValidationError, "belongs to"):
            order.write(
                {"partner_id": self.other_customer.id, "facility_id": self.facility.id}
            )

    def test_refuse_equipment_of_other_customer(self):
        equipment = self.env["maintenance.equipment"].create(
            {"name": "Lyft L-1", "customer_id": self.customer.id}
        )
        with self.assertRaisesRegex(ValidationError, "Lyft L-1.*belongs to"):
            self._create_order(
                partner_id=self.other_customer.id, equipment_id=equipment.id
            )

    def test_refuse_equipment_at_other_facility(self):
        other_facility = self.env["contact.facility"].create(
            {"name": "Verkstad Södra", "partner_id": self.customer.id}
        )
        with self.assertRaisesRegex(ValidationError, "is at facility"):
            self._create_order(
                facility_id=other_facility.id, equipment_id=self.equipment.id
            )

    def test_contact_person_of_customer_is_accepted(self):
        person = self.env["res.partner"].create(
            {"name": "Kalle Kontakt", "parent_id": self.customer.id}
        )
        order = self._create_order(partner_id=person.id, facility_id=self.facility.id)
        self.assertEqual(order.facility_id, self.facility)

    def test_new_facility_is_linked_to_customer(self):
        facility_id, _name = self.env["contact.facility"].name_create("Ny Anläggning")
        order = self._create_order(facility_id=facility_id)
        self.assertEqual(order.facility_id.partner_id, self.customer)
        self.assertEqual(order.facility_id.name, "Ny Anläggning")

    def test_new_customer_created_with_contact_details(self):
        order = self.env["contact.order"].create(
            {
                "subject": "Potential customer",
                "partner_name": "Nykund AB",
                "contact_name": "Anna Andersson",
                "contact_function": "Purchaser",
                "contact_phone": "070-123 45 67",
                "contact_email": "anna@nykund.example",
                "city": "Uppsala",
            }
        )
        customer = order.partner_id
        self.assertEqual(customer.name, "Nykund AB")
        self.assertTrue(customer.is_company)
        self.assertEqual(customer.city, "Uppsala")
        self.assertEqual(customer.phone, "+46701234567")
        self.assertEqual(customer.email, "anna@nykund.example")
        self.assertEqual(customer.child_ids.name, "Anna Andersson")
        self.assertEqual(customer.child_ids.function, "Purchaser")
        self.assertEqual(customer.customer_rank, 1)
        self.assertEqual(order.contact_phone, "+46701234567")

    def test_new_customer_without_contact_person_is_a_person(self):
        order = self.env["contact.order"].create(
            {"subject": "Walk-in", "partner_name": "Per Privat"}
        )
        self.assertFalse(order.partner_id.is_company)
        self.assertEqual(order.partner_id.country_id, self.env.ref("base.se"))

    def test_new_customer_on_write(self):
        order = self._create_order()
        order.write({"partner_id": False, "partner_name": "Bytt Kund AB"})
        self.assertEqual(order.partner_id.name, "Bytt Kund AB")

    @users("co_user")
    def test_matching_customers_are_shown(self):
        form = Form(self.env["contact.order"], view=FORM_VIEW)
        form.subject = "Duplicate?"
        form.partner_name = "verkstad ab"
        self.assertEqual(form.partner_match_ids[:], self.customer)
        form.partner_name = "Something Else"
        self.assertFalse(form.partner_match_ids)
        form.contact_email = "INFO@verkstad.example"
        self.assertEqual(form.partner_match_ids[:], self.customer)
        form.contact_email = False
        form.contact_phone = "08-555 01 23"
        self.assertEqual(form.partner_match_ids[:], self.customer)

    def test_duplicate_warning_finds_any_phone_format(self):
        # a customer with a mobile (the partner's sanitized number) and a
        # landline in national format
        other = self.env["res.partner"].create(
            {
                "name": "Grannfirman AB",
                "mobile": "070-765 43 29",
                "phone": "08-765 11 22",
                "country_id": self.env.ref("base.se").id,
            }
        )
        form = Form(self.env["contact.order"].with_user(self.user), view=FORM_VIEW)
        form.subject = "Question"
        form.partner_name = "Helt Nytt Namn AB"
        form.contact_phone = "+46 8 765 11 22"
        self.assertEqual(form.partner_match_ids[:], other)
        form.contact_phone = "0707654329"
        self.assertEqual(form.partner_match_ids[:], other)

    def test_use_a_matching_customer_from_the_warning(self):
        partners = self.env["res.partner"].search_count([])
        form = Form(self.env["contact.order"].with_user(self.user), view=FORM_VIEW)
        form.subject = "Question"
        form.partner_name = "Verkstad AB"
        self.assertEqual(form.partner_match_ids[:], self.customer)
        form.partner_match_choice_id = self.customer
        self.assertEqual(form.partner_id, self.customer)
        self.assertFalse(form.partner_name)
        order = form.save()
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(self.env["res.partner"].search_count([]), partners)

    def test_phone_normalized_to_e164(self):
        order = self._create_order(contact_phone="08-123 45 67")
        self.assertEqual(order.contact_phone, "+4681234567")
        order.contact_phone = "+47 22 12 34 56"
        self.assertEqual(order.contact_phone, "+4722123456")

    def test_phone_region_from_customer_country(self):
        norwegian = self.env["res.partner"].create(
            {"name": "Norsk AS", "country_id": self.env.ref("base.no").id}
        )
        order = self._create_order(partner_id=norwegian.id, contact_phone="22 12 34 56")
        self.assertEqual(order.contact_phone, "+4722123456")

    def test_invalid_phone_is_refused_with_the_number(self):
        with self.assertRaisesRegex(ValidationError, "12ab"):
            self._create_order(contact_phone="12ab")
        order = self._create_order(contact_phone="08-123 45 67")
        with self.assertRaisesRegex(ValidationError, r"\+46 1"):
            order.contact_phone = "+46 1"
        self.assertEqual(order.contact_phone, "+4681234567")

    def test_complete_and_reopen(self):
        order = self._create_order()
        order.action_complete()
        self.assertEqual(order.state, "done")
        self.assertTrue(order.is_completed)
        with self.assertRaisesRegex(UserError, "completed"):
            order.subject = "Changed"
        # notes can still be logged on a completed order
        order.write({"note_ids": [(0, 0, {"body": "<p>Follow-up call</p>"})]})
        self.assertEqual(order.note_count, 1)
        order.action_reopen()
        self.assertEqual(order.state, "open")
        order.subject = "Changed"
        self.assertEqual(order.subject, "Changed")

    def test_complete_cancels_planned_bookings(self):
        order = self._create_order()
        booking = self.env["contact.order.booking"].create(
            {"order_id": order.id, "start": "2030-01-01 09:00:00"}
        )
        order.action_complete()
        self.assertEqual(booking.state, "cancelled")
        self.assertFalse(booking.calendar_event_id)

    def test_completed_orders_are_listed_last(self):
        Order = self.env["contact.order"]
        early = self._create_order(subject="early", planned_date="2030-01-01")
        late = self._create_order(subject="late", planned_date="2030-03-01")
        undated = self._create_order(subject="undated")
        done = self._create_order(subject="done", planned_date="2029-01-01")
        done.action_complete()
        domain = [("id", "in", (early | late | undated | done).ids)]
        self.assertEqual(
            Order.search(domain).mapped("subject"), ["early", "late", "undated", "done"]
        )
        self.env["ir.config_parameter"].set_param("contact_order.list_order", "serial")
        self.assertEqual(
            Order.search(domain).mapped("subject"), ["undated", "late", "early", "done"]
        )
        # the web client's list asks the same way
        records = Order.web_search_read(domain, {"subject": {}})["records"]
        self.assertEqual(
            [r["subject"] for r in records], ["undated", "late", "early", "done"]
        )
        # an explicit order from the user (column sort) wins
        orders = Order.search(domain, order="subject")
        self.assertEqual(orders.mapped("subject"), ["done", "early", "late", "undated"])

    def test_settings_list_order(self):
        settings = Form(
            self.env["res.config.settings"].with_user(self._settings_admin()),
            view=SETTINGS_VIEW,
        )
        settings.contact_order_list_order = "serial"
        settings.save().execute()
        self.assertEqual(
            self.env["ir.config_parameter"].get_param("contact_order.list_order"),
            "serial",
        )

    def test_copy(self):
        order = self._create_order(planned_date="2030-01-01")
        order.action_complete()
        copy = order.copy()
        self.assertEqual(copy.state, "open")
        self.assertNotEqual(copy.name, order.name)
        self.assertEqual(copy.subject, "Sales question (copy)")
        self.assertFalse(copy.planned_date)

    def test_status_kanban_columns(self):
        groups = self.env["contact.order"].read_group([], ["status_id"], ["status_id"])
        names = [group["status_id"][1] for group in groups if group["status_id"]]
        self.assertEqual(names[:2], ["New", "Contacted"])

    def test_status_in_use_cannot_be_deleted(self):
        self._create_order()
        with self.assertRaisesRegex(UserError, "archive"):
            self.status_new.unlink()
        self.assertTrue(self.status_new.exists())
        unused = self.env["contact.order.status"].create({"name": "Unused"})
        unused.unlink()
        self.assertFalse(unused.exists())
