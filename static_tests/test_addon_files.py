"""XML, manifest, security CSV and test-import checks of every addon."""

import pytest
from addon_checks import ALL_CHECKS


@pytest.mark.parametrize("check", sorted(ALL_CHECKS))
def test_addon(repo_addon, check):
    assert repo_addon is not None, "no addon (<dir>/__manifest__.py) in the repository"
    problems = ALL_CHECKS[check](repo_addon)
    assert not problems, f"{repo_addon.name}: {check}:\n" + "\n".join(problems)
