"""Run every scenario and write the figures as RESULTS.md."""

from datetime import datetime

USERS = {
    "assigned": "View only assigned + User preset / sales own documents",
    "all": "View / sales all documents",
}
# scenarios whose contact_order figure must be at most half of crm.lead's
HALF_OF_CRM = (
    "list page, 80 rows",
    "list page, 200 rows",
    "to-do / My pipeline, 80 rows",
    "search customer",
    "read_group by status / stage",
)


def measure(bench, args, log):
    pages = []
    for name, co_page, crm_page in bench.pages():
        for kind in bench.users:
            co = bench.run_page(kind, co_page)
            crm = bench.run_page(kind, crm_page)
            log(
                f"{name} [{kind}]: contact_order {co.median:.1f} ms "
                f"{co.nqueries} q, crm.lead {crm.median:.1f} ms {crm.nqueries} q, "
                f"ratio {co.median / crm.median:.2f}"
            )
            pages.append((name, kind, co, crm))
    list_sql = next(
        co.sql for name, kind, co, _ in pages if kind == "assigned" and "80" in name
    )
    explains = {
        "default list query of contact.order (View only assigned user)": (
            list_sql,
            *bench.explain(list_sql),
        ),
    }
    todo_sql = next(
        co.sql for name, kind, co, _ in pages if kind == "assigned" and "to-do" in name
    )
    explains["to-do page query (View only assigned user)"] = (
        todo_sql,
        *bench.explain(todo_sql),
    )
    rule_sql = bench.rule_sql("assigned")
    explains["read rules of contact.order (View only assigned user)"] = (
        rule_sql,
        *bench.explain(rule_sql),
    )
    log("running the booking reminder cron and the calendar alarm mailing")
    crons = {
        "contact.order.booking _cron_send_reminders": bench.booking_reminders(
            args.reminders
        ),
        "calendar.alarm_manager _send_reminder": bench.calendar_reminders(
            args.reminders
        ),
    }
    return {"pages": pages, "explains": explains, "crons": crons}


def _ratio(a, b):
    return f"{a / b:.2f}" if a and b else "n/a"


def _targets(results):
    rows = []
    pages = results["pages"]
    for name, kind, co, crm in pages:
        if name.startswith(HALF_OF_CRM):
            met = co.median <= 0.5 * crm.median
            rows.append(
                (
                    f"{name} [{kind}] at most 0.5x crm.lead",
                    f"{co.median / crm.median:.2f}x "
                    f"({co.median:.1f} vs {crm.median:.1f} ms)",
                    met,
                )
            )
    by_key = {(name, kind): (co, crm) for name, kind, co, crm in pages}
    for kind in USERS:
        co80, crm80 = by_key[("list page, 80 rows", kind)]
        co200, crm200 = by_key[("list page, 200 rows", kind)]
        rows.append(
            (
                f"SQL queries per list page [{kind}] at most crm.lead's",
                f"{co80.nqueries} / {co200.nqueries} vs crm.lead "
                f"{crm80.nqueries} / {crm200.nqueries} (80 / 200 rows)",
                co80.nqueries <= crm80.nqueries and co200.nqueries <= crm200.nqueries,
            )
        )
        rows.append(
            (
                f"SQL queries per list page [{kind}] same for 80 and 200 rows",
                f"{co80.nqueries} and {co200.nqueries}",
                co80.nqueries == co200.nqueries,
            )
        )
    for title, (_, _, uses_index, seq) in results["explains"].items():
        detail = "indexes only" if uses_index else f"seq scan on {', '.join(seq)}"
        rows.append((f"EXPLAIN of the {title} uses indexes", detail, uses_index))
    return rows


def render(results, machine, sizes, timings, args, specs):
    out = [
        "# contact_order benchmark results",
        "",
        f"Run on {datetime.now():%Y-%m-%d %H:%M} with `python3 benchmarks/run.py` "
        f"(scale {args.scale}, {args.repeats} runs after {args.warmups} warm-ups, "
        "times in ms). How it measures: [README.md](README.md).",
        "",
        "## Machine",
        "",
        "| | |",
        "| --- | --- |",
        *(f"| {key} | {value} |" for key, value in machine.items()),
        "",
        "## Data and population time",
        "",
        "| what | count | seconds |",
        "| --- | ---: | ---: |",
    ]
    for step, (count, seconds) in timings.items():
        out.append(f"| {step} | {count or ''} | {seconds:.0f} |")
    total = sum(seconds for _, seconds in timings.values())
    out += [f"| total | | {total:.0f} |", ""]
    if args.orm_bookings < sizes["bookings"] and "bookings" in timings:
        out += [
            f"Only the first {args.orm_bookings} bookings were created with their "
            "calendar event and to-do activity (the booking's `_sync_calendar`); the "
            f"other {sizes['bookings'] - args.orm_bookings} were created through the "
            "ORM with that sync switched off, to keep population time reasonable.",
            "",
        ]
    out += [
        "## Pages",
        "",
        "Users: " + "; ".join(f"`{k}` = {v}" for k, v in USERS.items()) + ".",
        "Ratio = contact_order median / crm.lead median. The raw SQL columns divide "
        "the page's median by the median of executing only its captured main "
        "SELECT (the search query of the page, or the GROUP BY of read_group and "
        "kanban).",
        "",
        "| page | user | contact_order median / min | queries | crm.lead median / min"
        " | queries | ratio to crm.lead | contact_order / raw SQL"
        " | crm.lead / raw SQL |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, kind, co, crm in results["pages"]:
        out.append(
            f"| {name} | {kind} | {co.median:.1f} / {co.min:.1f} | {co.nqueries} "
            f"| {crm.median:.1f} / {crm.min:.1f} | {crm.nqueries} "
            f"| **{_ratio(co.median, crm.median)}** "
            f"| {_ratio(co.median, co.raw_median)} ({co.raw_median or 0:.1f} ms) "
            f"| {_ratio(crm.median, crm.raw_median)} ({crm.raw_median or 0:.1f} ms) |"
        )
    out += [
        "",
        "## Reminder crons",
        "",
        "| cron | due | sent | seconds | SQL queries | ms per reminder "
        "| queries per reminder | channels | exactly once |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for name, cron in results["crons"].items():
        due = cron["due"] or 1
        out.append(
            f"| {name} | {cron['due']} | {cron['sent']} | {cron['seconds']:.1f} "
            f"| {cron['queries']} | {1000 * cron['seconds'] / due:.2f} "
            f"| {cron['queries'] / due:.1f} | {cron['channels']} "
            f"| {'yes' if cron['exactly_once'] else 'NO'}: {cron['check']} |"
        )
    co, cal = (c["seconds"] / (c["due"] or 1) for c in results["crons"].values())
    out += [
        "",
        f"Ratio of time per reminder, contact_order / calendar: **{_ratio(co, cal)}**.",
        "",
        "## Targets",
        "",
        "| target | measured | met |",
        "| --- | --- | --- |",
    ]
    for target, measured, met in _targets(results):
        out.append(f"| {target} | {measured} | {'met' if met else '**not met**'} |")
    out += ["", "## EXPLAIN (ANALYZE, BUFFERS)", ""]
    for title, (sql, plan, uses_index, _) in results["explains"].items():
        verdict = "uses indexes" if uses_index else "does NOT use indexes only"
        out += [
            f"### {title}: {verdict}",
            "",
            "```sql",
            sql.strip(),
            "```",
            "",
            "```",
            plan,
            "```",
            "",
        ]
    out += ["## Fields read (from the views)", ""]
    for view, spec in specs.items():
        out.append(f"- {view}: {', '.join(spec)}")
    out.append("")
    return "\n".join(out)
