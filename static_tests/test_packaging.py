"""Packaging of the addon: the generated README and the whool wheel."""

import importlib.util
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ADDON = ROOT / "contact_order"
sys.path.insert(0, str(ROOT / "tools"))

import gen_readme  # noqa: E402


def test_readme_rst_is_generated_from_fragments():
    assert (ADDON / "README.rst").read_text() == gen_readme.render(ADDON), (
        "README.rst is stale: run python3 tools/gen_readme.py contact_order"
    )


def test_readme_rst_is_valid_restructuredtext():
    docutils_core = pytest.importorskip("docutils.core")
    docutils_core.publish_string(
        (ADDON / "README.rst").read_text(),
        writer_name="null",
        settings_overrides={"report_level": 2, "halt_level": 2},
    )


def test_markdown_tables_become_rst_tables():
    rst = gen_readme.md_to_rst("| a | b |\n| --- | --- |\n| `x` | yy |\n")
    assert rst.splitlines() == [
        "+-------+----+",
        "| a     | b  |",
        "+=======+====+",
        "| ``x`` | yy |",
        "+-------+----+",
    ]


@pytest.mark.skipif(
    importlib.util.find_spec("whool") is None, reason="whool is not installed"
)
def test_pip_wheel_builds_the_addon(tmp_path):
    subprocess.run(
        [
            sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
            "--no-build-isolation", "--wheel-dir", str(tmp_path), str(ADDON),
        ],
        check=True,
    )  # fmt: skip
    (wheel,) = tmp_path.glob("odoo_addon_contact_order-18.0.*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    prefix = "odoo/addons/contact_order/"
    for expected in (
        "__manifest__.py",
        "models/contact_order.py",
        "views/contact_order_views.xml",
        "security/ir.model.access.csv",
        "static/description/icon.png",
        "i18n/sv.po",
    ):
        assert prefix + expected in names, f"{expected} missing from the wheel"
    metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
    text = zipfile.ZipFile(wheel).read(metadata).decode()
    assert "Name: odoo-addon-contact_order" in text
    assert "Requires-Dist: phonenumbers" in text
