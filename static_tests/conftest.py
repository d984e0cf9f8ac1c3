"""Shared fixtures for the static tier (no Odoo import anywhere here)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "static_tests"), str(REPO / "tools")]

from addon_checks import addons_in  # noqa: E402

ADDONS = addons_in(REPO)


@pytest.fixture(scope="session")
def repo():
    return REPO


def pytest_generate_tests(metafunc):
    # `repo_addon`: each addon of the repository (read-only!). An empty list
    # would make pytest *skip* the tests, so a missing addon fails instead.
    if "repo_addon" in metafunc.fixturenames:
        metafunc.parametrize(
            "repo_addon",
            ADDONS or [None],
            ids=[a.name for a in ADDONS] or ["no-addon"],
        )


def run_tool(name, *args, cwd=REPO):
    """Run a console script of this python's environment (venv first, then
    PATH): (exit code, stdout + stderr)."""
    beside = Path(sys.executable).parent / name
    exe = str(beside) if beside.exists() else shutil.which(name)
    assert exe, f"{name} is not installed: pip install -r tools/requirements-test.txt"
    proc = subprocess.run(
        [exe, *map(str, args)], cwd=cwd, capture_output=True, text=True, check=False
    )
    return proc.returncode, (proc.stdout + proc.stderr).strip()
