"""pytest plugin used by ``tools/devenv.py test`` for the pytest-odoo tier.

Loaded with ``-p devenv_pytest_plugin`` (tools/ on PYTHONPATH), next to
pytest-odoo. It records which tests were deselected and why, so that the
devenv summary can say so instead of tests silently disappearing:

--devenv-no-http   deselect odoo.tests.HttpCase tests (for set-ups where the
                   pytest-odoo HTTP server / browser cannot run)
"""

import json

import pytest


def pytest_addoption(parser):
    group = parser.getgroup("devenv")
    group.addoption(
        "--devenv-deselected",
        help="write the deselected test ids and reasons to this JSON file",
    )
    group.addoption(
        "--devenv-no-http",
        action="store_true",
        help="deselect HttpCase tests (tours) with a reason in the summary",
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    deselected = []
    if config.getoption("--devenv-no-http"):
        from odoo.tests.common import HttpCase

        keep = []
        for item in items:
            cls = getattr(item, "cls", None)
            if cls is not None and issubclass(cls, HttpCase):
                deselected.append(
                    (item.nodeid, "HttpCase deselected (--devenv-no-http)")
                )
            else:
                keep.append(item)
        if deselected:
            config.hook.pytest_deselected(items=[i for i in items if i not in keep])
            items[:] = keep
    path = config.getoption("--devenv-deselected")
    if path:
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(deselected, handle)
