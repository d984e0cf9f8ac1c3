"""Fill a fresh database with contact orders and crm.lead opportunities.

Everything goes through the ORM, in batches committed one by one, with the
mail contexts a data import would use. Bookings beyond ``orm_bookings`` are
created through the ORM too, but with their calendar event and to-do activity
left out (``_sync_calendar`` patched out for them): see README.md.
"""

import json
import logging
import random
import time
from datetime import date, datetime, timedelta

from odoo import Command, api

_logger = logging.getLogger("benchmark")

POPULATED_KEY = "contact_order_benchmark.populated"
LOGIN_PREFIX = "bench_user_"
ALARM_EVENT_PREFIX = "Benchmark alarm"
CTX = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_notrack": True,
    "mail_create_nosubscribe": True,
    "mail_activity_quick_update": True,
    "no_mail_to_attendees": True,
}
SIZES = {
    "customers": 2000,
    "facilities": 1000,
    "equipment": 2000,
    "users": 20,
    "orders": 100_000,
    "notes": 300_000,
    "bookings": 100_000,
    "leads": 100_000,
    "alarm_events": 10_000,
}
WORDS = [
    "Acme", "Baltic", "Nordic", "Vector", "Summit", "Harbor", "Pioneer", "Delta",
    "Granite", "Orbit", "Falcon", "Cedar", "Atlas", "Zenith", "Copper", "Maple",
]  # fmt: skip
TOPICS = [
    "Service contract renewal", "Pump maintenance question", "Quote for spare parts",
    "Complaint about delivery", "Annual inspection", "New installation request",
    "Training for operators", "Warranty claim",
]  # fmt: skip


def sizes_for(scale):
    sizes = {key: max(1, int(value * scale)) for key, value in SIZES.items()}
    sizes["users"] = SIZES["users"]
    sizes["alarm_events"] = min(sizes["alarm_events"], sizes["bookings"])
    return sizes


def customer_name(index):
    return f"{WORDS[index % len(WORDS)]} Customer {index:05d}"


def _batches(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Populator:
    def __init__(self, registry, sizes, orm_bookings, batch_size=2000):
        self.registry = registry
        self.sizes = sizes
        self.orm_bookings = min(orm_bookings, sizes["bookings"])
        self.batch_size = batch_size
        self.rng = random.Random(42)
        self.timings = {}

    def run(self, timings=None):
        self.timings = dict(timings or {})
        with self.registry.cursor() as cr:
            self.cr = cr
            self.env = api.Environment(cr, api.SUPERUSER_ID, CTX)
            steps = [
                ("users", self.create_users),
                ("customers", self.create_customers),
                ("facilities", self.create_facilities),
                ("equipment", self.create_equipment),
                ("orders", self.create_orders),
                ("notes", self.create_notes),
                ("bookings", self.create_bookings),
                ("orders completed", self.complete_orders),
                ("leads", self.create_leads),
                ("lead activities", self.create_lead_activities),
                ("alarm_events", self.create_alarm_events),
            ]
            for name, step in steps:
                start = time.perf_counter()
                count = step()
                self.timings[name] = (count, time.perf_counter() - start)
                _logger.warning(
                    "populated %s: %d in %.0f s", name, count, self.timings[name][1]
                )
            self.cr.execute("ANALYZE")
            self.env["ir.config_parameter"].set_param(
                POPULATED_KEY,
                json.dumps({"sizes": self.sizes, "timings": self.timings}),
            )
            cr.commit()
        return self.timings

    def _create(self, model, vals_list, batch_size=None, label=None):
        ids = []
        done = 0
        for batch in _batches(vals_list, batch_size or self.batch_size):
            ids += self.env[model].create(batch).ids
            self.cr.commit()
            self.env.invalidate_all()
            done += len(batch)
            _logger.info("%s: %d / %d", label or model, done, len(vals_list))
        return ids

    def create_users(self):
        ref = self.env.ref
        assigned = [
            ref("base.group_user").id,
            ref("contact_order.group_view_assigned").id,
            ref("contact_order.group_user").id,
            ref("sales_team.group_sale_salesman").id,
        ]
        view_all = [
            ref("base.group_user").id,
            ref("contact_order.group_view").id,
            ref("sales_team.group_sale_salesman_all_leads").id,
        ]
        vals_list = [
            {
                "name": f"Bench User {index:02d}",
                "login": f"{LOGIN_PREFIX}{index:02d}",
                "email": f"bench.user{index:02d}@example.com",
                "notification_type": "inbox",
                "tz": "Europe/Brussels",
                "groups_id": [Command.set(assigned if index % 2 == 0 else view_all)],
            }
            for index in range(self.sizes["users"])
        ]
        self.user_ids = self._create("res.users", vals_list)
        return len(self.user_ids)

    def create_customers(self):
        vals_list = [
            {
                "name": customer_name(index),
                "is_company": True,
                "email": f"customer{index}@example.com",
                "street": f"{index} Main Street",
                "city": WORDS[index % len(WORDS)] + "ville",
                "customer_rank": 1,
            }
            for index in range(self.sizes["customers"])
        ]
        self.customer_ids = self._create("res.partner", vals_list)
        return len(self.customer_ids)

    def create_facilities(self):
        # facility f belongs to customer 2f: every other customer has a site
        vals_list = [
            {
                "name": f"Site {index:04d}",
                "partner_id": self.customer_ids[(2 * index) % len(self.customer_ids)],
                "street": f"{index} Industrial Road",
                "city": "Plantville",
            }
            for index in range(self.sizes["facilities"])
        ]
        self.facility_ids = self._create("contact.facility", vals_list)
        return len(self.facility_ids)

    def create_equipment(self):
        vals_list = [
            {
                "name": f"Machine {index:04d}",
                "facility_id": self.facility_ids[(index // 2) % len(self.facility_ids)],
            }
            for index in range(self.sizes["equipment"])
        ]
        self.equipment_ids = self._create("maintenance.equipment", vals_list)
        return len(self.equipment_ids)

    def _order_vals(self, index, statuses, today):
        customer = index % len(self.customer_ids)
        vals = {
            "subject": f"{TOPICS[index % len(TOPICS)]} #{index}",
            "partner_id": self.customer_ids[customer],
            "user_id": self.user_ids[(index // 7) % len(self.user_ids)],
            "status_id": statuses[index % len(statuses)],
            "planned_date": today + timedelta(days=index % 365 - 180),
            "contact_name": f"Contact {index}",
            "contact_email": f"contact{index}@example.com",
        }
        facility = customer // 2
        if customer % 2 == 0 and facility < len(self.facility_ids):
            vals["facility_id"] = self.facility_ids[facility]
            equipment = 2 * facility + (index // 4) % 2
            if index % 4 == 0 and equipment < len(self.equipment_ids):
                vals["equipment_id"] = self.equipment_ids[equipment]
        return vals

    def create_orders(self):
        statuses = self.env["contact.order.status"].search([]).ids
        today = date.today()
        vals_list = [
            self._order_vals(index, statuses, today)
            for index in range(self.sizes["orders"])
        ]
        self.order_ids = self._create("contact.order", vals_list)
        self.order_users = [vals["user_id"] for vals in vals_list]
        # a third of the orders end up completed, after their notes and bookings
        self.open_orders = [i for i in range(len(self.order_ids)) if i % 3]
        return len(self.order_ids)

    def create_notes(self):
        now = datetime.now().replace(microsecond=0)
        vals_list = []
        for index in range(self.sizes["notes"]):
            order = self.rng.randrange(len(self.order_ids))
            vals_list.append(
                {
                    "order_id": self.order_ids[order],
                    "body": f"<p>Called the customer about item {index}; "
                    "agreed on the next steps.</p>",
                    "hours": (index % 8) * 0.25,
                    "author_id": self.order_users[order],
                    "date": now - timedelta(minutes=index * 7),
                }
            )
        return len(self._create("contact.order.note", vals_list, batch_size=5000))

    def _booking_vals(self, index, now):
        order = self.open_orders[self.rng.randrange(len(self.open_orders))]
        user = self.order_users[order]
        if index % 5 == 0:  # a colleague does one booking in five
            user = self.user_ids[self.rng.randrange(len(self.user_ids))]
        return {
            "order_id": self.order_ids[order],
            "booking_type": ("phone", "meeting", "digital")[index % 3],
            "start": now + timedelta(hours=self.rng.randrange(-90 * 24, 180 * 24)),
            "duration": 0.5,
            "user_id": user,
        }

    def create_bookings(self):
        now = datetime.now().replace(minute=0, second=0, microsecond=0)
        vals_list = [
            self._booking_vals(index, now) for index in range(self.sizes["bookings"])
        ]
        booking_cls = type(self.env["contact.order.booking"])
        ids = self._create(
            "contact.order.booking",
            vals_list[: self.orm_bookings],
            batch_size=500,
            label="bookings (calendar event + activity)",
        )
        sync = booking_cls._sync_calendar
        booking_cls._sync_calendar = lambda self: None
        try:
            ids += self._create(
                "contact.order.booking",
                vals_list[self.orm_bookings :],
                batch_size=5000,
                label="bookings (no calendar sync)",
            )
        finally:
            booking_cls._sync_calendar = sync
        # the past ones were held: mark them done, they stay out of the to-do
        bookings = self.env["contact.order.booking"]
        bookings.search([("start", "<", now)]).write({"state": "done"})
        self.cr.commit()
        return len(ids)

    def complete_orders(self):
        done_ids = [
            order_id for index, order_id in enumerate(self.order_ids) if index % 3 == 0
        ]
        for batch in _batches(done_ids, 5000):
            self.env["contact.order"].browse(batch).write({"state": "done"})
            self.cr.commit()
            self.env.invalidate_all()
        return len(done_ids)

    def create_leads(self):
        stages = self.env["crm.stage"].search([]).ids
        vals_list = [
            {
                "name": f"{TOPICS[index % len(TOPICS)]} #{index}",
                "type": "opportunity",
                "partner_id": self.customer_ids[index % len(self.customer_ids)],
                "user_id": self.user_ids[(index // 7) % len(self.user_ids)],
                "stage_id": stages[index % len(stages)],
                "expected_revenue": 1000 + (index % 50) * 500,
                "date_deadline": date.today() + timedelta(days=index % 365 - 180),
            }
            for index in range(self.sizes["leads"])
        ]
        self.lead_ids = self._create("crm.lead", vals_list)
        self.lead_users = [vals["user_id"] for vals in vals_list]
        return len(self.lead_ids)

    def create_lead_activities(self):
        """A to-do activity on two leads in three, as the bookings gave the
        orders theirs: the activity column of both lists has work to do."""
        model_id = self.env["ir.model"]._get_id("crm.lead")
        todo = self.env.ref("mail.mail_activity_data_todo").id
        today = date.today()
        vals_list = [
            {
                "res_model_id": model_id,
                "res_id": lead_id,
                "activity_type_id": todo,
                "user_id": self.lead_users[index],
                "summary": "Call back",
                "date_deadline": today + timedelta(days=index % 270 - 90),
            }
            for index, lead_id in enumerate(self.lead_ids)
            if index % 3
        ]
        return len(self._create("mail.activity", vals_list, batch_size=5000))

    def create_alarm_events(self):
        """Events with an email alarm, far in the future: the reminder
        benchmark moves them to now."""
        alarm = self.env.ref("calendar.alarm_mail_1")
        users = self.env["res.users"].browse(self.user_ids)
        start = datetime.now().replace(microsecond=0) + timedelta(days=400)
        vals_list = [
            {
                "name": f"{ALARM_EVENT_PREFIX} {index}",
                "start": start,
                "stop": start + timedelta(hours=1),
                "user_id": users[index % len(users)].id,
                "partner_ids": [Command.set(users[index % len(users)].partner_id.ids)],
                "alarm_ids": [Command.set(alarm.ids)],
            }
            for index in range(self.sizes["alarm_events"])
        ]
        return len(self._create("calendar.event", vals_list, batch_size=1000))
