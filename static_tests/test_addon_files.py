"""The addon's files, checked by the Odoo/OCA tools and by the two checks
no kept tool offers (static_tests/addon_checks.py)."""

import pytest
from addon_checks import ALL_CHECKS
from conftest import run_tool


@pytest.mark.parametrize("check", sorted(ALL_CHECKS))
def test_addon(repo_addon, check):
    assert repo_addon is not None, "no addon (<dir>/__manifest__.py) in the repository"
    problems = ALL_CHECKS[check](repo_addon)
    assert not problems, f"{repo_addon.name}: {check}:\n" + "\n".join(problems)


def test_oca_checks_odoo_module(repo_addon):
    """XML/CSV syntax, duplicate xml ids, files not in the manifest, Odoo 18
    idioms in views (oca-odoo-pre-commit-hooks)."""
    rc, output = run_tool("oca-checks-odoo-module", repo_addon)
    assert rc == 0, f"oca-checks-odoo-module:\n{output}"


def test_oca_checks_po(repo_addon):
    files = sorted((repo_addon / "i18n").glob("*.po*"))
    assert files, "no translations"
    rc, output = run_tool("oca-checks-po", *files)
    assert rc == 0, f"oca-checks-po:\n{output}"


@pytest.mark.parametrize("command", ["check-licenses", "check-dev-status"])
def test_manifestoo(repo, command):
    """Dependencies' licenses and development status fit ours (manifestoo);
    Odoo's own addons are known to manifestoo for 18.0."""
    args = ["--select-addons-dir", repo, "--odoo-series", "18.0", command]
    rc, output = run_tool("manifestoo", *args)
    assert rc == 0, f"manifestoo {command}:\n{output}"
