#!/usr/bin/env python3
"""Performance benchmark of contact_order against crm.lead: see README.md.

python3 benchmarks/run.py [--reuse] [--scale 0.01] [--db-host ... --db-port ...]
"""

import argparse
import json
import logging
import os
import platform
import shutil
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import psycopg2

REPO = Path(__file__).resolve().parent.parent
WORKDIR = REPO / ".devenv" / "benchmark"
PG_BIN = Path("/usr/lib/postgresql/15/bin")
PG_SETTINGS = [
    "shared_buffers=2GB",
    "effective_cache_size=8GB",
    "work_mem=16MB",
    "maintenance_work_mem=512MB",
    "fsync=off",
    "synchronous_commit=off",
    "full_page_writes=off",
]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="contact_order_bench")
    parser.add_argument(
        "--db-host", help="PostgreSQL host or socket folder; default: own cluster"
    )
    parser.add_argument("--db-port", type=int, default=55460)
    parser.add_argument("--db-user", default="odoo")
    parser.add_argument(
        "--cluster",
        type=Path,
        default=WORKDIR / "pg",
        help="folder of the throwaway cluster started when no --db-host is given",
    )
    parser.add_argument(
        "--keep-cluster", action="store_true", help="leave the own cluster running"
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the database if it is already populated at this scale",
    )
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of sizes")
    parser.add_argument(
        "--orm-bookings",
        type=int,
        default=100_000,
        help="bookings created with their calendar event and activity; the "
        "rest are created without (see README.md)",
    )
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--warmups", type=int, default=2)
    parser.add_argument("--reminders", type=int, default=10_000)
    parser.add_argument("--odoo", type=Path, default=Path("/opt/odoo18"))
    parser.add_argument(
        "--addons-path", type=Path, default=REPO, help="folder holding contact_order"
    )
    parser.add_argument(
        "--ref",
        help="benchmark contact_order as committed at this git ref (exported to "
        ".devenv/benchmark/src) instead of the work tree",
    )
    parser.add_argument("--results", type=Path, default=REPO / "benchmarks/RESULTS.md")
    return parser.parse_args()


def log(message):
    print(f"[{datetime.now():%H:%M:%S}] {message}", flush=True)


# ----------------------------------------------------------------------
# PostgreSQL
# ----------------------------------------------------------------------


def _as_postgres(cmd):
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        return ["runuser", "-u", "postgres", "--", *map(str, cmd)]
    return list(map(str, cmd))


def start_cluster(folder, port):
    data = folder / "data"
    if not data.exists():
        folder.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(folder, "postgres")
        subprocess.run(
            _as_postgres([PG_BIN / "initdb", "-D", data, "-U", "odoo", "--auth=trust"]),
            check=True,
            stdout=subprocess.DEVNULL,
        )
    options = f"-k {folder} -p {port} -c listen_addresses=''" + "".join(
        f" -c {setting}" for setting in PG_SETTINGS
    )
    subprocess.run(
        _as_postgres(
            [PG_BIN / "pg_ctl", "-D", data, "-o", options, "-l", folder / "log", "-w"]
            + ["start"]
        ),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    log(f"started PostgreSQL cluster {data} on port {port}")
    return data


def stop_cluster(data):
    subprocess.run(
        _as_postgres([PG_BIN / "pg_ctl", "-D", data, "-m", "fast", "stop"]),
        check=False,
        stdout=subprocess.DEVNULL,
    )
    log("stopped the PostgreSQL cluster")


# ----------------------------------------------------------------------
# Odoo
# ----------------------------------------------------------------------


def odoo_options(args):
    return [
        "--addons-path",
        f"{args.odoo}/odoo/addons,{args.addons_path}",
        "--db_host",
        args.db_host,
        "--db_port",
        str(args.db_port),
        "--db_user",
        args.db_user,
        "--database",
        args.db,
        "--without-demo",
        "all",
        "--max-cron-threads",
        "0",
        "--log-level",
        "warn",
    ]


def populated_state(args):
    """The populated marker of the database, None if there is no database."""
    import odoo

    with odoo.sql_db.db_connect("postgres").cursor() as cr:
        cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [args.db])
        if not cr.fetchone():
            return None
    with odoo.sql_db.db_connect(args.db).cursor() as cr:
        cr.execute(
            "SELECT value FROM ir_config_parameter WHERE key = %s",
            ["contact_order_benchmark.populated"],
        )
        row = cr.fetchone()
    return row[0] if row else ""


def drop_database(args):
    import odoo

    odoo.sql_db.close_db(args.db)
    with odoo.sql_db.db_connect("postgres").cursor() as cr:
        cr._cnx.autocommit = True
        cr.execute(f'DROP DATABASE IF EXISTS "{args.db}"')


def export_ref(args):
    """contact_order at ``args.ref``, away from the work tree's edits."""
    target = WORKDIR / "src"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", args.ref, "contact_order"],
        check=True,
        capture_output=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    args.addons_path = target
    args.ref = subprocess.run(  # the commit itself: HEAD may move meanwhile
        ["git", "-C", str(REPO), "rev-parse", "--short", args.ref],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    log(f"benchmarking contact_order at {args.ref} (exported to {target})")


def install(args, mode="-i"):
    """A new database with contact_order and crm, no demo data; with mode
    "-u", bring a reused database's addon up to the measured code."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, args.odoo / "odoo-bin", *odoo_options(args)]
        + [mode, "contact_order" if mode == "-u" else "contact_order,crm"]
        + ["--stop-after-init"],
        check=True,
    )
    return time.perf_counter() - start


# ----------------------------------------------------------------------
# Results
# ----------------------------------------------------------------------


def machine(registry, args):
    import odoo

    cpu = platform.processor()
    with open("/proc/cpuinfo") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as meminfo:
        ram = int(meminfo.readline().split()[1]) / 1024 / 1024
    with registry.cursor() as cr:
        cr.execute("SHOW server_version")
        pg_version = cr.fetchone()[0]
        cr.execute(
            "SELECT latest_version FROM ir_module_module WHERE name = 'contact_order'"
        )
        addon_version = cr.fetchone()[0]
    commit = subprocess.run(
        ["git", "-C", str(REPO), "log", "-1", "--format=%h %s", args.ref or "HEAD"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    return {
        "CPU": f"{cpu}, {os.cpu_count()} cores",
        "RAM": f"{ram:.0f} GiB",
        "PostgreSQL": f"{pg_version} ({', '.join(PG_SETTINGS)} when run.py "
        "starts its own cluster)",
        "Odoo": odoo.release.version,
        "contact_order": f"{addon_version}, "
        + (f"as committed at {commit}" if args.ref else f"work tree at {commit}"),
        "Python": platform.python_version(),
    }


def vacuum_analyze(args):
    """Bring the database to the state autovacuum keeps a database in use
    in: statistics up to date and the visibility map set, which index-only
    scans need (on crm_lead and contact_order alike)."""
    log("VACUUM ANALYZE")
    cnx = psycopg2.connect(
        host=args.db_host, port=args.db_port, user=args.db_user, dbname=args.db
    )
    try:
        cnx.autocommit = True
        with cnx.cursor() as cr:
            cr.execute("VACUUM ANALYZE")
    finally:
        cnx.close()


def main():
    args = parse_args()
    sys.path.insert(0, str(args.odoo))
    import populate
    import report
    from scenarios import Bench

    import odoo
    from odoo.tools import config

    if args.ref:
        export_ref(args)
    data = None
    if not args.db_host:
        data = start_cluster(args.cluster, args.db_port)
        args.db_host = str(args.cluster)
    try:
        config.parse_config(odoo_options(args))
        logging.getLogger("odoo").setLevel(logging.WARNING)
        logging.getLogger("benchmark").setLevel(logging.INFO)
        sizes = populate.sizes_for(args.scale)
        state = populated_state(args)
        install_time = None
        reusable = state and json.loads(state)["sizes"] == sizes
        if not (args.reuse and reusable):
            log(f"new database {args.db}: installing contact_order and crm")
            drop_database(args)
            install_time = install(args)
            log(f"installed in {install_time:.0f} s; populating {sizes}")
        registry = odoo.modules.registry.Registry(args.db)
        if install_time is not None:
            populator = populate.Populator(registry, sizes, args.orm_bookings)
            timings = populator.run({"install": (0, install_time)})
        else:
            log(f"reusing the populated database {args.db}: upgrading the addon")
            install(args, mode="-u")
            registry = odoo.modules.registry.Registry.new(args.db)
            timings = json.loads(state)["timings"]
        vacuum_analyze(args)
        bench = Bench(registry, args.repeats, args.warmups, log)
        results = report.measure(bench, args, log)
        text = report.render(
            results, machine(registry, args), sizes, timings, args, bench.specs
        )
        args.results.write_text(text)
        log(f"wrote {args.results}")
    finally:
        if data and not args.keep_cluster:
            odoo.sql_db.close_all()
            stop_cluster(data)


if __name__ == "__main__":
    main()
