"""Shared fixtures for the static tier (no Odoo import anywhere here)."""

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
