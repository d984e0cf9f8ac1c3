"""The measured pages and crons, each next to its crm.lead anchor.

A page runs as a real user through the RPC entry points of the web client
(``web_search_read``, ``web_read_group``, ``read_progress_bar``) with the
fields specification the web client builds from the view. Each run opens a
new cursor, so the record cache starts empty as in a new HTTP request, while
the registry caches (views, rules, access rights) stay warm as in a running
server.
"""

import ast
import json
import re
import statistics
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from lxml import etree
from populate import ALARM_EVENT_PREFIX, LOGIN_PREFIX, customer_name

from odoo import api, sql_db

COUNT_LIMIT = 10001  # what the web client sends (its count limit + 1)
ACTIVITY_DEPS = (
    "activity_exception_decoration",
    "activity_exception_icon",
    "activity_state",
    "activity_summary",
    "activity_type_icon",
    "activity_type_id",
)
WIDGET_DEPS = {"list_activity": ACTIVITY_DEPS, "kanban_activity": ACTIVITY_DEPS}
BIG_TABLES = ("contact_order", "contact_order_booking", "crm_lead")


@contextmanager
def capture_sql():
    """Record the SQL (with its parameters) of every query run meanwhile."""
    log = []
    execute = sql_db.Cursor.execute

    def logged(self, query, params=None, log_exceptions=True):
        result = execute(self, query, params, log_exceptions)
        log.append(self._obj.query.decode())
        return result

    sql_db.Cursor.execute = logged
    try:
        yield log
    finally:
        sql_db.Cursor.execute = execute


@dataclass
class Series:
    times: list = field(default_factory=list)
    queries: list = field(default_factory=list)
    sql: str = ""
    raw: list = field(default_factory=list)

    @property
    def median(self):
        return statistics.median(self.times) * 1000

    @property
    def min(self):
        return min(self.times) * 1000

    @property
    def nqueries(self):
        return max(self.queries)

    @property
    def raw_median(self):
        return statistics.median(self.raw) * 1000 if self.raw else None


@dataclass
class Page:
    """One page load: ``call(env)`` as the web client would do it."""

    model: str
    call: object
    table: str
    main: str = "LIMIT"  # what marks the main SELECT among the captured queries


def _field_spec(model, name, node):
    fld = model._fields[name]
    if fld.type in ("many2one", "reference"):
        return {"fields": {"display_name": {}}}
    if fld.type in ("one2many", "many2many") and node.get("widget") in (
        "many2many_tags",
        "many2many_avatar_user",
    ):
        spec = {"display_name": {}}
        if "color_field" in (node.get("options") or ""):
            spec["color"] = {}
        return {"fields": spec}
    return {}


def view_spec(env, model, view_type, action=None):
    """The view the action opens for ``view_type`` (the model's default one
    if the action or the view does not exist) as the fields specification
    the web client builds from it, with its arch."""
    view_id = False
    if action and env.ref(action, raise_if_not_found=False):
        views = env["ir.actions.act_window"]._for_xml_id(action)["views"]
        view_id = dict((kind, vid) for vid, kind in views).get(view_type, False)
    result = env[model].get_views([(view_id, view_type)])
    arch = etree.fromstring(result["views"][view_type]["arch"])
    records = env[model]
    spec = {}
    for node in arch.iter("field"):
        name = node.get("name")
        if name not in records._fields:
            continue
        spec[name] = _field_spec(records, name, node)
        for dep in WIDGET_DEPS.get(node.get("widget"), ()):
            spec.setdefault(dep, _field_spec(records, dep, etree.Element("field")))
    return arch, spec


def aggregates(env, model, spec, groupby):
    fields = env[model]._fields
    return [
        f"{name}:{fields[name].aggregator}"
        for name in spec
        if name != groupby and fields[name].aggregator and fields[name].store
    ]


def list_page(model, domain, spec, limit):
    def call(env):
        env[model].web_search_read(domain, spec, limit=limit, count_limit=COUNT_LIMIT)

    return Page(model, call, env_table(model))


def group_page(model, domain, spec, groupby, aggs):
    def call(env):
        env[model].web_read_group(domain, aggs, [groupby], limit=80, lazy=True)

    return Page(model, call, env_table(model), main="GROUP BY")


def kanban_page(model, domain, spec, groupby, aggs, progressbar):
    def call(env):
        records = env[model]
        groups = records.web_read_group(domain, aggs, [groupby], limit=80, lazy=True)
        if progressbar:
            records.read_progress_bar(domain, groupby, progressbar)
        opened = [
            group
            for group in groups["groups"]
            if not group.get("__fold") and group[f"{groupby}_count"]
        ]
        for group in opened[:10]:  # the web client opens at most 10 columns
            records.web_search_read(
                group["__domain"], spec, limit=40, count_limit=COUNT_LIMIT
            )

    return Page(model, call, env_table(model), main="GROUP BY")


def env_table(model):
    return model.replace(".", "_")


class Bench:
    def __init__(self, registry, repeats, warmups, log):
        self.registry = registry
        self.repeats = repeats
        self.warmups = warmups
        self.log = log
        with registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            users = env["res.users"].search(
                [("login", "=like", f"{LOGIN_PREFIX}%")], order="login"
            )
            self.users = {"assigned": users[0].id, "all": users[1].id}
            self.contexts = {
                kind: dict(
                    env["res.users"].browse(uid).context_get(),
                    allowed_company_ids=[users[0].company_id.id],
                    bin_size=True,
                )
                for kind, uid in self.users.items()
            }

    def env(self, cr, kind):
        return api.Environment(cr, self.users[kind], self.contexts[kind])

    def run_page(self, kind, page):
        series = Series()
        for index in range(self.warmups + self.repeats):
            with self.registry.cursor() as cr:
                env = self.env(cr, kind)
                with capture_sql() as log:
                    before = sql_db.sql_counter
                    start = time.perf_counter()
                    page.call(env)
                    elapsed = time.perf_counter() - start
                    count = sql_db.sql_counter - before
                cr.rollback()
            if index == 0:
                series.sql = self._main_sql(log, page)
            if index >= self.warmups:
                series.times.append(elapsed)
                series.queries.append(count)
        series.raw = self.time_sql(series.sql)
        return series

    @staticmethod
    def _main_sql(log, page):
        for sql in log:
            head = sql.lstrip().upper()
            if (
                head.startswith("SELECT")
                and f'FROM "{page.table.upper()}"' in head
                and page.main in head
            ):
                return sql
        return ""

    def time_sql(self, sql):
        if not sql:
            return []
        times = []
        with self.registry.cursor() as cr:
            for index in range(self.warmups + self.repeats):
                start = time.perf_counter()
                cr.execute(sql)
                cr.fetchall()
                if index >= self.warmups:
                    times.append(time.perf_counter() - start)
        return times

    # ------------------------------------------------------------------
    # the pages
    # ------------------------------------------------------------------

    def pages(self):
        """(name, contact_order page, crm.lead page) per scenario, built as the
        assigned user: the views are the same for both users here."""
        with self.registry.cursor() as cr:
            env = self.env(cr, "all")
            order_action = "contact_order.contact_order_action"
            crm_action = "crm.crm_lead_action_pipeline"
            opp = [("type", "=", "opportunity")]
            _, co_list = view_spec(env, "contact.order", "list", order_action)
            _, crm_list = view_spec(env, "crm.lead", "list", crm_action)
            _, todo_list = view_spec(env, "contact.order.todo", "list")
            if set(todo_list) <= {"subject", "display_name"}:
                # no list view of its own: show every field of the to-do
                todo_list = {
                    name: _field_spec(
                        env["contact.order.todo"], name, etree.Element("f")
                    )
                    for name, fld in env["contact.order.todo"]._fields.items()
                    if fld.store and name not in ("create_uid", "write_uid")
                }
            co_kanban_arch, co_kanban = view_spec(
                env, "contact.order", "kanban", order_action
            )
            crm_kanban_arch, crm_kanban = view_spec(
                env, "crm.lead", "kanban", crm_action
            )
            customers = (
                env["res.partner"]
                .sudo()
                .search_count([("name", "=like", "% Customer %")])
            )
            name = customer_name(42 % customers)
            by_name = [("partner_id", "ilike", name)]
            self.specs = {
                "contact.order list": co_list,
                "crm.lead list": crm_list,
                "contact.order.todo list": todo_list,
                "contact.order kanban": co_kanban,
                "crm.lead kanban": crm_kanban,
            }
            co_group = co_kanban_arch.get("default_group_by") or "status_id"
            crm_group = crm_kanban_arch.get("default_group_by") or "stage_id"
            return [
                (
                    "list page, 80 rows",
                    list_page("contact.order", [], co_list, 80),
                    list_page("crm.lead", opp, crm_list, 80),
                ),
                (
                    "list page, 200 rows",
                    list_page("contact.order", [], co_list, 200),
                    list_page("crm.lead", opp, crm_list, 200),
                ),
                (
                    "to-do / My pipeline, 80 rows",
                    list_page("contact.order.todo", [], todo_list, 80),
                    self._my_pipeline(crm_list),
                ),
                (
                    f"search customer '{name}'",
                    list_page("contact.order", by_name, co_list, 80),
                    list_page("crm.lead", opp + by_name, crm_list, 80),
                ),
                (
                    "read_group by status / stage",
                    group_page(
                        "contact.order", [], co_list, "status_id",
                        aggregates(env, "contact.order", co_list, "status_id"),
                    ),
                    group_page(
                        "crm.lead", opp, crm_list, "stage_id",
                        aggregates(env, "crm.lead", crm_list, "stage_id"),
                    ),
                ),
                (
                    # Reporting > Time grouped by customer, next to the same
                    # group of the opportunities with their sum
                    "time report by customer",
                    group_page(
                        "contact.order.note", [], {}, "partner_id", ["hours:sum"]
                    ),
                    group_page(
                        "crm.lead", opp, crm_list, "partner_id",
                        ["expected_revenue:sum"],
                    ),
                ),
                (
                    "kanban first load",
                    kanban_page(
                        "contact.order", [], co_kanban, co_group,
                        aggregates(env, "contact.order", co_kanban, co_group),
                        _progressbar(co_kanban_arch),
                    ),
                    kanban_page(
                        "crm.lead", opp, crm_kanban, crm_group,
                        aggregates(env, "crm.lead", crm_kanban, crm_group),
                        _progressbar(crm_kanban_arch),
                    ),
                ),
            ]  # fmt: skip

    @staticmethod
    def _my_pipeline(spec):
        def call(env):
            domain = [("type", "=", "opportunity"), ("user_id", "=", env.uid)]
            env["crm.lead"].web_search_read(
                domain, spec, limit=80, count_limit=COUNT_LIMIT
            )

        return Page("crm.lead", call, "crm_lead")

    # ------------------------------------------------------------------
    # EXPLAIN
    # ------------------------------------------------------------------

    def explain(self, sql):
        with self.registry.cursor() as cr:
            cr.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
            plan = "\n".join(row[0] for row in cr.fetchall())
            cr.rollback()
        seq = sorted(set(re.findall(r"Seq Scan on (\w+)", plan)) & set(BIG_TABLES))
        uses_index = "Index" in plan and not seq
        return plan, uses_index, seq

    def rule_sql(self, kind):
        """The SQL of the read rules of contact.order for that user alone."""
        with self.registry.cursor() as cr:
            env = self.env(cr, kind)
            domain = env["ir.rule"]._compute_domain("contact.order", "read")
            query = env["contact.order"].sudo()._search(domain)
            return cr.mogrify(query.select('"contact_order"."id"')).decode()

    # ------------------------------------------------------------------
    # reminder crons
    # ------------------------------------------------------------------

    def booking_reminders(self, count):
        """Make ``count`` planned bookings due, run the cron once, check that
        each got its reminder exactly once."""
        with self.registry.cursor() as cr:
            now = datetime.now()
            cr.execute(
                "UPDATE contact_order_booking SET reminder_sent_at = %s "
                "WHERE reminder_sent_at IS NULL",
                [now - timedelta(days=1)],
            )
            cr.execute(
                "SELECT id FROM contact_order_booking WHERE state = 'planned' "
                "ORDER BY calendar_event_id IS NULL, id LIMIT %s",
                [count],
            )
            ids = tuple(row[0] for row in cr.fetchall())
            cr.execute(
                "UPDATE contact_order_booking SET start = %s, reminder_sent_at = NULL "
                "WHERE id IN %s",
                [now + timedelta(minutes=30), ids],
            )
            cr.execute("SELECT max(id) FROM mail_message")
            last_message = cr.fetchone()[0] or 0
            cr.commit()
        env_ctx = {}
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, env_ctx)
            channels, _ = env["contact.order.booking"]._reminder_settings()
            before = sql_db.sql_counter
            start = time.perf_counter()
            done = env["contact.order.booking"]._cron_send_reminders()
            elapsed = time.perf_counter() - start
            queries = sql_db.sql_counter - before
            cr.commit()
            again = env["contact.order.booking"]._cron_send_reminders()
            cr.execute(
                "SELECT count(*) FROM contact_order_booking "
                "WHERE id IN %s AND reminder_sent_at IS NOT NULL",
                [ids],
            )
            marked = cr.fetchone()[0]
            cr.execute(
                "SELECT count(*) FROM mail_message WHERE id > %s "
                "AND model = 'contact.order' AND subject LIKE 'Reminder: %%'",
                [last_message],
            )
            messages = cr.fetchone()[0]
            cr.commit()
        self.log(
            f"booking reminders: {done} sent in {elapsed:.1f} s, {queries} queries; "
            f"second run {again}, marked {marked}, reminder messages {messages}"
        )
        return {
            "due": len(ids),
            "sent": done,
            "seconds": elapsed,
            "queries": queries,
            "channels": ",".join(sorted(channels)),
            "exactly_once": done == marked == len(ids)
            and again == 0
            and messages in (0, len(ids)),
            "check": f"{marked} marked, {messages} in-app messages, "
            f"{again} sent by a second run",
        }

    def calendar_reminders(self, count):
        """Odoo's own email alarms: ``count`` events whose alarm is due now."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            alarm = env.ref("calendar.alarm_mail_1")
            lead = timedelta(**{alarm.interval: alarm.duration})
            now = datetime.now()
            start = now + lead - timedelta(minutes=1)
            cr.execute(
                "UPDATE calendar_event SET start = %s, stop = %s "
                "WHERE id IN (SELECT id FROM calendar_event WHERE name LIKE %s "
                "ORDER BY id LIMIT %s) RETURNING id",
                [start, start + timedelta(hours=1), f"{ALARM_EVENT_PREFIX} %", count],
            )
            ids = tuple(row[0] for row in cr.fetchall())
            cr.execute("SELECT max(id) FROM mail_message")
            last_message = cr.fetchone()[0] or 0
            cr.commit()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            manager = env["calendar.alarm_manager"].with_context(
                lastcall=now - timedelta(minutes=10)
            )
            before = sql_db.sql_counter
            start_time = time.perf_counter()
            manager._send_reminder()
            elapsed = time.perf_counter() - start_time
            queries = sql_db.sql_counter - before
            cr.commit()
            cr.execute(
                "SELECT count(*) FROM mail_message WHERE id > %s "
                "AND model = 'calendar.event'",
                [last_message],
            )
            messages = cr.fetchone()[0]
            # back to the far future, for the next run
            later = now + timedelta(days=400)
            cr.execute(
                "UPDATE calendar_event SET start = %s, stop = %s WHERE id IN %s",
                [later, later + timedelta(hours=1), ids],
            )
            cr.commit()
        self.log(
            f"calendar reminders: {len(ids)} events in {elapsed:.1f} s, "
            f"{queries} queries, {messages} messages"
        )
        return {
            "due": len(ids),
            "sent": messages,
            "seconds": elapsed,
            "queries": queries,
            "channels": "email",
            "exactly_once": messages == len(ids),
            "check": f"{messages} reminder emails queued",
        }


def _progressbar(arch):
    node = arch.find(".//progressbar")
    if node is None:
        return None
    colors = node.get("colors") or "{}"
    try:
        colors = json.loads(colors)
    except ValueError:
        colors = ast.literal_eval(colors)
    bar = {"field": node.get("field"), "colors": colors}
    if node.get("sum_field"):
        bar["sum_field"] = node.get("sum_field")
    return bar
