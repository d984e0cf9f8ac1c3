#!/usr/bin/env python3
"""Lifecycle checks run inside Odoo by ``tools/devenv.py test`` (lifecycle tier).

    odoo_lifecycle.py seed|check|uninstall --config CFG --database DB
                      --state STATE.json --addons a,b

seed       counts the records of every model the addons define, creates a few
           contact.order records (if that model exists) and remembers them
check      (after ``-u``) verifies the counts and the created records survived
uninstall  remembers the addons' tables/columns, then uninstalls the addons

Each check prints one ``LIFECYCLE-RESULT {json}`` line that devenv.py reads.
The database-level checks after the uninstall are done by devenv.py with psql.
"""

import argparse
import json
import sys
import threading
from pathlib import Path

import odoo
from odoo import SUPERUSER_ID, api, fields
from odoo.modules.registry import Registry

SEED_MODEL = "contact.order"
NOTE_MODEL = "contact.order.note"
BOOKING_MODEL = "contact.order.booking"
SEED_COUNT = 3


def result(name, status, detail=""):
    print(
        "LIFECYCLE-RESULT "
        + json.dumps({"name": name, "status": status, "detail": detail}),
        flush=True,
    )


def addon_models(env, addons):
    """Models (with a table) that the addons define with ``_name``."""
    names = []
    for name, model in env.registry.models.items():
        if model._original_module in addons and not model._abstract and model._auto:
            names.append(name)
    return sorted(names)


def addon_columns(env, addons, own_models):
    """Stored columns the addons add to *other* modules' tables."""
    columns = []
    for name, model in env.registry.models.items():
        if name in own_models or model._abstract or not model._auto:
            continue
        for field in model._fields.values():
            if (
                getattr(field, "_module", None) in addons
                and field.store
                and field.column_type
            ):
                columns.append([model._table, field.name])
    return sorted(columns)


def addon_relation_tables(env, addons):
    tables = set()
    for model in env.registry.models.values():
        for field in model._fields.values():
            if (
                field.type == "many2many"
                and field.store
                and getattr(field, "_module", None) in addons
                and field.relation
            ):
                tables.add(field.relation)
    return sorted(tables)


def counts_of(env, models):
    return {
        name: env[name].with_context(active_test=False).search_count([])
        for name in models
    }


def required_values(model, vals):
    """Fill required fields that have neither a value nor a default."""
    defaults = model.default_get(list(model._fields))
    for name, field in model._fields.items():
        if not field.required or name in vals or name in defaults:
            continue
        if field.compute or field.related:
            continue
        if field.type in ("char", "text", "html"):
            vals[name] = f"lifecycle {name}"
        elif field.type == "selection":
            selection = field._description_selection(model.env)
            vals[name] = selection[0][0]
        elif field.type == "many2one":
            comodel = model.env[field.comodel_name]
            record = comodel.search([], limit=1)
            if not record:
                record = comodel.create(required_values(comodel, {}))
            vals[name] = record.id
        elif field.type in ("integer", "float", "monetary"):
            vals[name] = 1
        elif field.type == "date":
            vals[name] = fields.Date.today()
        elif field.type == "datetime":
            vals[name] = fields.Datetime.now()
    return vals


def seed(env, addons, state):
    models = addon_models(env, addons)
    if SEED_MODEL not in env:
        result(
            "records survive the upgrade",
            "skipped",
            f"model {SEED_MODEL} does not exist (yet); only record counts of "
            f"{models or 'no models'} are compared",
        )
    else:
        model = env[SEED_MODEL]
        partner = env["res.partner"].create(
            {"name": "Lifecycle Check Customer", "is_company": True}
        )
        # the first order names a contact of the customer, the others a
        # person only typed (see migrations/18.0.1.3.0)
        contact = env["res.partner"].create(
            {"name": "Lifecycle Contact", "parent_id": partner.id}
        )
        vals_list = [
            required_values(
                model,
                {
                    "subject": f"lifecycle check #{i}",
                    "partner_id": partner.id,
                    "contact_name": contact.name if i == 0 else f"Typed Person {i}",
                },
            )
            for i in range(SEED_COUNT)
        ]
        records = model.create(vals_list)
        state["seeded"] = {
            "model": SEED_MODEL,
            "ids": records.ids,
            "subjects": records.mapped("subject"),
            "contact_names": records.mapped("contact_name"),
            "partner_id": partner.id,
            "contact_id": contact.id,
        }
        # what hangs on an order: a note and a booking (with its meeting)
        start = fields.Datetime.add(fields.Datetime.now(), days=7)
        for child, vals in (
            (NOTE_MODEL, {"body": "<p>lifecycle note</p>", "hours": 1.5}),
            (BOOKING_MODEL, {"start": start, "description": "lifecycle booking"}),
        ):
            if child in env:
                lines = env[child].create(
                    [
                        required_values(env[child], dict(vals, order_id=r.id))
                        for r in records
                    ]
                )
                state["seeded"][child] = lines.ids
        env.flush_all()
        result(
            f"create {SEED_COUNT} {SEED_MODEL} records with notes and bookings",
            "passed",
        )
    state["counts"] = counts_of(env, models)
    result(
        "count records of the addon's models",
        "passed",
        json.dumps(state["counts"]),
    )


def check(env, addons, state):
    before = state.get("counts", {})
    after = counts_of(env, [m for m in before if m in env])
    changed = {
        m: f"{before[m]} -> {after.get(m, 'model gone')}"
        for m in before
        if before[m] != after.get(m)
    }
    result(
        "record counts unchanged by the upgrade",
        "failed" if changed else "passed",
        json.dumps(changed or after),
    )
    seeded = state.get("seeded")
    if not seeded:
        result(
            "records survive the upgrade",
            "skipped",
            f"model {SEED_MODEL} does not exist (yet)",
        )
        return
    records = (
        env[seeded["model"]]
        .with_context(active_test=False)
        .browse(seeded["ids"])
        .exists()
    )
    problems = []
    if len(records) != len(seeded["ids"]):
        problems.append(f"{len(seeded['ids']) - len(records)} record(s) gone")
    if records.mapped("subject") != seeded["subjects"][: len(records)]:
        problems.append(f"subjects changed: {records.mapped('subject')}")
    if set(records.mapped("partner_id").ids) - {seeded["partner_id"]}:
        problems.append("partner_id changed")
    names = seeded.get("contact_names")
    if names and records.mapped("contact_name") != names[: len(records)]:
        problems.append(f"contact names changed: {records.mapped('contact_name')}")
    if names and "contact_partner_id" in records._fields:
        if records[:1].contact_partner_id.id != seeded["contact_id"]:
            problems.append("the contact of the customer is not linked (18.0.1.3.0)")
        if any(
            r.contact_partner_id and r.contact_partner_id.name != r.contact_name
            for r in records
        ):
            problems.append("an order linked to a contact of another name")
    for child in (NOTE_MODEL, BOOKING_MODEL):
        ids = seeded.get(child, [])
        lines = env[child].browse(ids).exists() if child in env else []
        if len(lines) != len(ids) or set(lines.mapped("order_id").ids) != set(
            records.ids
        ):
            problems.append(
                f"{child}: {len(ids) - len(lines)} of {len(ids)} gone or moved"
            )
    bookings = env[BOOKING_MODEL].browse(seeded.get(BOOKING_MODEL, [])).exists()
    if any(b.calendar_event_id.privacy != "private" for b in bookings):
        problems.append("booking meetings not private (migration 18.0.1.2.0)")
    result(
        f"created {SEED_MODEL} records, notes and bookings survive the upgrade",
        "failed" if problems else "passed",
        "; ".join(problems),
    )


def uninstall(env, addons, state):
    models = addon_models(env, addons)
    state["models"] = models
    state["tables"] = sorted(
        {env[m]._table for m in models} | set(addon_relation_tables(env, addons))
    )
    state["columns"] = addon_columns(env, addons, models)
    modules = env["ir.module.module"].search([("name", "in", addons)])
    missing = set(addons) - set(modules.mapped("name"))
    if missing:
        raise SystemExit(f"modules not found: {missing}")
    modules.button_immediate_uninstall()
    result("button_immediate_uninstall", "passed", ", ".join(addons))


ACTIONS = {"seed": seed, "check": check, "uninstall": uninstall}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("action", choices=sorted(ACTIONS))
    parser.add_argument("--config", required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--state", required=True)
    parser.add_argument("--addons", required=True)
    args = parser.parse_args()
    addons = args.addons.split(",")
    state_path = Path(args.state)
    state = json.loads(state_path.read_text()) if state_path.exists() else {}

    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    threading.current_thread().dbname = args.database
    registry = Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        ACTIONS[args.action](env, addons, state)
        if args.action != "uninstall":
            cr.commit()
    state_path.write_text(json.dumps(state, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
