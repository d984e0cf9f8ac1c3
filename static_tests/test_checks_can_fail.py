"""The static checks must be able to fail: run them on broken copies."""

import shutil
import subprocess
import sys
import textwrap

import pytest
from addon_checks import ALL_CHECKS
from conftest import run_tool

GOOD_PY = """\
from odoo import fields, models


class Thing(models.Model):
    _name = "x.thing"
    _description = "Thing"

    name = fields.Char(required=True)


class ThingMixin(models.AbstractModel):
    _name = "x.thing.mixin"
    _description = "Thing Mixin"


class Partner(models.Model):
    _inherit = "res.partner"

    thing_id = fields.Many2one("x.thing")
"""
SECURITY_XML = """\
<?xml version="1.0" encoding="UTF-8" ?>
<odoo>
    <record id="group_thing" model="res.groups">
        <field name="name">Thing users</field>
    </record>
</odoo>
"""
VIEWS_XML = """\
<?xml version="1.0" encoding="UTF-8" ?>
<odoo>
    <record id="thing_view_tree" model="ir.ui.view">
        <field name="model">x.thing</field>
        <field name="arch" type="xml"><list><field name="name"/></list></field>
    </record>
</odoo>
"""
GOOD_CSV = """\
id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink
access_thing_user,thing user,model_x_thing,group_thing,1,1,1,0
access_thing_all,thing all,model_x_thing,base.group_user,1,0,0,0
access_partner_thing,partner,base.model_res_partner,group_thing,1,0,0,0
"""


@pytest.fixture
def fake(tmp_path, repo):
    """A small, correct addon in tmp_path; each test breaks one thing in it."""
    root = tmp_path / "x_addon"
    # These tests write into the addon: never let that be the repository.
    assert not root.resolve().is_relative_to(repo.resolve())
    (root / "models").mkdir(parents=True)
    (root / "views").mkdir()
    (root / "security").mkdir()
    (root / "tests").mkdir()
    (root / "__manifest__.py").write_text(
        textwrap.dedent(
            """\
            {
                "name": "X",
                "version": "18.0.1.0.0",
                "license": "LGPL-3",
                "author": "contact_order developers",
                "depends": ["base"],
                "data": ["security/thing.xml", "security/ir.model.access.csv",
                         "views/thing.xml"],
            }
            """
        )
    )
    (root / "__init__.py").write_text("from . import models\n")
    (root / "README.rst").write_text("X\n=\n\nA thing.\n")
    (root / "models" / "__init__.py").write_text("from . import thing\n")
    (root / "models" / "thing.py").write_text(GOOD_PY)
    (root / "security" / "thing.xml").write_text(SECURITY_XML)
    (root / "views" / "thing.xml").write_text(VIEWS_XML)
    (root / "security" / "ir.model.access.csv").write_text(GOOD_CSV)
    (root / "tests" / "__init__.py").write_text("from . import test_thing\n")
    (root / "tests" / "test_thing.py").write_text("")
    return root


def problems(fake, check):
    return ALL_CHECKS[check](fake)


def test_good_addon_passes_every_check(fake):
    for check in ALL_CHECKS:
        assert problems(fake, check) == [], check


def oca_checks(fake):
    return run_tool("oca-checks-odoo-module", fake)


def pylint(fake, repo):
    return run_tool(
        "pylint", f"--rcfile={repo / '.pylintrc'}", fake.name, cwd=fake.parent
    )


def test_good_addon_passes_the_tools(fake, repo):
    assert oca_checks(fake)[0] == 0, oca_checks(fake)[1]
    assert pylint(fake, repo) == (0, "")


def test_broken_xml(fake):
    (fake / "views" / "thing.xml").write_text("<odoo><record id='x'></odoo>")
    rc, output = oca_checks(fake)
    assert rc and "xml-syntax-error" in output, output


def test_duplicate_xml_id(fake):
    text = (fake / "views" / "thing.xml").read_text()
    (fake / "views" / "thing.xml").write_text(
        text.replace(
            "</odoo>", '<record id="thing_view_tree" model="ir.ui.view"/></odoo>'
        )
    )
    rc, output = oca_checks(fake)
    assert rc and "xml-duplicate-record-id" in output, output


def test_file_not_in_manifest(fake):
    shutil.copy(fake / "views" / "thing.xml", fake / "views" / "forgotten.xml")
    rc, output = oca_checks(fake)
    assert rc and "file-not-used" in output and "forgotten.xml" in output, output


def test_manifest_lists_missing_file(fake, repo):
    manifest = (fake / "__manifest__.py").read_text()
    (fake / "__manifest__.py").write_text(
        manifest.replace('"views/thing.xml"', '"views/thing.xml", "views/gone.xml"')
    )
    rc, output = pylint(fake, repo)
    assert rc and "resource-not-exist" in output, output


def test_bad_manifest_version(fake, repo):
    manifest = (fake / "__manifest__.py").read_text()
    (fake / "__manifest__.py").write_text(manifest.replace("18.0.1.0.0", "17.0.1.0.0"))
    rc, output = pylint(fake, repo)
    assert rc and "manifest-version-format" in output, output


def test_po_file_with_bad_placeholder(fake):
    (fake / "i18n").mkdir()
    (fake / "i18n" / "sv.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#, python-format\nmsgid "%(n)s things"\nmsgstr "%(m)s saker"\n'
    )
    rc, output = run_tool("oca-checks-po", fake / "i18n" / "sv.po")
    assert rc and "po-python-parse-printf" in output, output


@pytest.mark.parametrize(
    "row",
    [
        "a1,unknown model,model_x_nothing,group_thing,1,0,0,0",
        "a2,unknown group,model_x_thing,group_nothing,1,0,0,0",
        "a3,not a dependency,sale.model_sale_order,,1,0,0,0",
        "a4,group of a non-dependency,model_x_thing,sale.group_x,1,0,0,0",
        "access_thing_user,duplicate id,model_x_thing,,1,0,0,0",
        "a5,bad perm,model_x_thing,,yes,0,0,0",
    ],
)
def test_access_csv_bad_rows(fake, row):
    with (fake / "security" / "ir.model.access.csv").open("a") as handle:
        handle.write(row + "\n")
    assert problems(fake, "access_csv")


def test_model_without_access_row(fake):
    lines = GOOD_CSV.splitlines()
    (fake / "security" / "ir.model.access.csv").write_text(
        "\n".join([lines[0], lines[3]]) + "\n"
    )
    found = problems(fake, "access_csv")
    assert any("x.thing has no line" in p for p in found)


def test_test_module_not_imported(fake):
    (fake / "tests" / "test_forgotten.py").write_text("")
    assert problems(fake, "tests_imported")


def test_pylint_odoo_finds_print(fake, repo):
    (fake / "models" / "thing.py").write_text(GOOD_PY + "\nprint('debug')\n")
    proc = subprocess.run(
        [sys.executable, "-m", "pylint", f"--rcfile={repo / '.pylintrc'}", fake.name],
        cwd=fake.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode != 0 and "print-used" in proc.stdout, proc.stdout


def _ruff(fake, repo, *args):
    """ruff with the project's configuration, on the fake addon."""
    ruff = shutil.which("ruff")
    cmd = [ruff] if ruff else [sys.executable, "-m", "ruff"]
    return subprocess.run(
        [*cmd, *args, "--config", str(repo / "pyproject.toml"), "."],
        cwd=fake.parent,
        capture_output=True,
        text=True,
        check=False,
    )


def test_ruff_finds_unused_import(fake, repo):
    (fake / "models" / "thing.py").write_text("import os\n" + GOOD_PY)
    proc = _ruff(fake, repo, "check", "--no-fix")
    assert proc.returncode != 0 and "F401" in proc.stdout, proc.stdout


def test_ruff_format_finds_unformatted_code(fake, repo):
    (fake / "models" / "thing.py").write_text(GOOD_PY + "\nx = {  'a':1 }\n")
    proc = _ruff(fake, repo, "format", "--check")
    assert proc.returncode != 0 and "thing.py" in proc.stdout, proc.stdout
