"""The file-level checks of an Odoo addon that no kept tool offers.

XML, CSV syntax, duplicate xml ids, manifest keys and files are checked by
the ecosystem's tools (oca-checks-odoo-module, pylint-odoo, manifestoo; see
test_addon_files.py). What is left here: every model has an access row whose
model and group exist in the addon or its dependencies (Odoo only finds out
at install), and every test module is imported (Odoo silently skips the
others).

Every check takes an addon directory and returns a list of problems (strings);
an empty list means the check passed. test_checks_can_fail.py runs them on
broken copies to prove that they do find problems.
"""

from __future__ import annotations

import ast
import contextlib
import csv
import importlib.util
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

# Standard models an addon may reference without Odoo's source at hand.
FALLBACK_MODELS = {
    "res.partner", "res.users", "res.groups", "res.company", "res.country",
    "res.country.state", "res.currency", "res.config.settings", "ir.attachment",
    "mail.activity", "mail.message", "calendar.event", "sale.order",
    "sale.order.line", "product.product", "product.template",
    "maintenance.equipment", "maintenance.request", "sms.sms",
}  # fmt: skip


def read_manifest(addon: Path) -> dict:
    return ast.literal_eval((addon / "__manifest__.py").read_text("utf-8"))


def addons_in(repo: Path) -> list[Path]:
    return sorted(p.parent for p in repo.glob("*/__manifest__.py"))


def _rel(addon: Path, path: Path) -> str:
    return str(path.relative_to(addon))


def _data_records(addon: Path, path: Path):
    """(tag, id, model) of records/templates/menus in an Odoo data file."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        return
    for node in root.iter():
        if node.tag in ("record", "template", "menuitem") and node.get("id"):
            model = node.get("model") or (
                "ir.ui.view" if node.tag == "template" else "ir.ui.menu"
            )
            yield node.tag, node.get("id"), model


# --------------------------------------------------------------------------
# Python: models defined by the addon, tests imported


def defined_models(addon: Path) -> dict[str, str]:
    """{model name: base class} for every class with ``_name = '...'``."""
    models = {}
    for path in sorted(addon.rglob("*.py")):
        if "tests" in path.relative_to(addon).parts:
            continue
        try:
            tree = ast.parse(path.read_text("utf-8"))
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.ClassDef):
                continue
            base = ast.unparse(node.bases[0]) if node.bases else ""
            attrs = {}
            for stmt in node.body:
                if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
                    target = stmt.targets[0]
                    if isinstance(target, ast.Name) and target.id in (
                        "_name",
                        "_inherit",
                    ):
                        with contextlib.suppress(ValueError):
                            attrs[target.id] = ast.literal_eval(stmt.value)
            name = attrs.get("_name")
            if not isinstance(name, str):
                continue
            inherit = attrs.get("_inherit", [])
            inherit = [inherit] if isinstance(inherit, str) else list(inherit)
            if name not in inherit:  # `_name = _inherit = x` only extends x
                models[name] = base
    return models


def check_tests_imported(addon: Path) -> list[str]:
    """Odoo only runs test modules imported by tests/__init__.py."""
    tests = addon / "tests"
    if not tests.is_dir():
        return []
    init = tests / "__init__.py"
    if not init.is_file():
        return ["tests/ has no __init__.py: Odoo will run none of its tests"]
    tree = ast.parse(init.read_text("utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            imported.update(alias.name for alias in node.names)
            if node.module:
                imported.add(node.module.split(".")[-1])
        elif isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[-1] for alias in node.names)
    return [
        f"tests/{path.name} is not imported in tests/__init__.py, Odoo will not run it"
        for path in sorted(tests.glob("test_*.py"))
        if path.stem not in imported
    ]


# --------------------------------------------------------------------------
# ir.model.access.csv


@lru_cache(maxsize=1)
def odoo_addons_dirs() -> tuple[Path, ...]:
    """Odoo's addons folders, found without importing Odoo (may be empty)."""
    import os

    dirs = []
    roots = []
    if os.environ.get("ODOO_PATH"):
        roots.append(Path(os.environ["ODOO_PATH"]) / "odoo")
        roots.append(Path(os.environ["ODOO_PATH"]))
    try:
        spec = importlib.util.find_spec("odoo")
    except (ImportError, ValueError):
        spec = None
    if spec and spec.submodule_search_locations:
        roots.extend(Path(p) for p in spec.submodule_search_locations)
    for root in roots:
        for candidate in (root / "addons", root.parent / "addons"):
            if (candidate / "base" / "__manifest__.py").is_file():
                dirs.append(candidate.resolve())
    return tuple(dict.fromkeys(dirs))


def _module_dir(name: str, extra: tuple[Path, ...]) -> Path | None:
    for base in (*extra, *odoo_addons_dirs()):
        if (base / name / "__manifest__.py").is_file():
            return base / name
    return None


def dependency_closure(addon: Path) -> set[str] | None:
    """All modules the addon depends on, or None if Odoo's source is absent."""
    if not odoo_addons_dirs():
        return None
    extra = (addon.parent,)
    seen: set[str] = set()
    todo = list(read_manifest(addon).get("depends", [])) + ["base"]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        path = _module_dir(name, extra)
        if path is not None:
            todo.extend(read_manifest(path).get("depends", []))
    return seen


def module_models(module_dir: Path) -> set[str]:
    return set(defined_models(module_dir))


def module_group_ids(module_dir: Path) -> set[str]:
    """xml ids of res.groups records declared in a module's data files."""
    ids = set()
    manifest = read_manifest(module_dir)
    for name in manifest.get("data", []) + manifest.get("demo", []):
        path = module_dir / name
        if path.suffix == ".xml" and path.is_file():
            for _tag, xmlid, model in _data_records(module_dir, path):
                if model == "res.groups":
                    ids.add(xmlid if "." in xmlid else f"{module_dir.name}.{xmlid}")
    return ids


def model_xmlid(model: str) -> str:
    return "model_" + model.replace(".", "_")


class _References:
    """What an access row of `addon` may reference (models and groups)."""

    def __init__(self, addon: Path):
        self.addon = addon
        self.own_models = defined_models(addon)
        self.own_groups = module_group_ids(addon)
        # None when Odoo's source is not available: then the checks of other
        # modules' models/groups fall back to FALLBACK_MODELS / trust.
        self.closure = dependency_closure(addon)
        self.known_modules = self.closure or (
            set(read_manifest(addon).get("depends", [])) | {"base"}
        )
        self._models: dict[str, set[str]] = {}
        self._groups: dict[str, set[str]] = {}

    def _module(self, name: str) -> Path | None:
        return _module_dir(name, (self.addon.parent,))

    def models_of(self, module: str) -> set[str]:
        if self.closure is None:
            return FALLBACK_MODELS
        if module not in self._models:
            mdir = self._module(module)
            self._models[module] = module_models(mdir) if mdir else set()
        return self._models[module]

    def groups_of(self, module: str) -> set[str] | None:
        if self.closure is None:
            return None
        if module not in self._groups:
            mdir = self._module(module)
            self._groups[module] = module_group_ids(mdir) if mdir else set()
        return self._groups[module]

    def model_problem(self, ref: str) -> tuple[str | None, str | None]:
        """(problem, own model name) for a model_id:id value."""
        module, _, xmlid = ref.rpartition(".")
        module = module or self.addon.name
        if module == self.addon.name:
            names = {model_xmlid(m): m for m in self.own_models}
            if xmlid in names:
                return None, names[xmlid]
            return f"model {ref} is not defined by _name in {self.addon.name}", None
        if module not in self.known_modules:
            return f"model {ref}: {module} is not a dependency", None
        if xmlid not in {model_xmlid(m) for m in self.models_of(module)}:
            return f"model {ref} not found in module {module}", None
        return None, None

    def group_problem(self, group: str) -> str | None:
        if not group:
            return None  # a global access line
        module, _, gid = group.rpartition(".")
        module = module or self.addon.name
        if module == self.addon.name:
            if f"{module}.{gid}" not in self.own_groups:
                return f"group {group} is not defined in {self.addon.name}'s XML"
            return None
        if module not in self.known_modules:
            return f"group {group}: {module} is not a dependency"
        others = self.groups_of(module)
        if others is not None and f"{module}.{gid}" not in others:
            return f"group {group} not found in {module}"
        return None


ACCESS_COLUMNS = {"id", "name", "model_id:id", "group_id:id"}
PERMS = ("perm_read", "perm_write", "perm_create", "perm_unlink")


def check_access_csv(addon: Path) -> list[str]:
    path = addon / "security" / "ir.model.access.csv"
    if not path.exists():
        return []
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    if not rows:
        return ["security/ir.model.access.csv has no rows"]
    missing = ACCESS_COLUMNS - set(rows[0])
    if missing:
        return [f"ir.model.access.csv lacks column(s) {sorted(missing)}"]
    refs = _References(addon)
    problems = []
    ids = set()
    covered = set()
    for line, row in enumerate(rows, start=2):
        where = f"ir.model.access.csv line {line} ({row['id']})"
        if row["id"] in ids:
            problems.append(f"{where}: duplicate id")
        ids.add(row["id"])
        problems += [
            f"{where}: {perm} must be 0 or 1"
            for perm in PERMS
            if (row.get(perm) or "").strip() not in ("0", "1")
        ]
        problem, own_model = refs.model_problem(row["model_id:id"].strip())
        covered.add(own_model)
        problem_group = refs.group_problem(row["group_id:id"].strip())
        problems += [f"{where}: {p}" for p in (problem, problem_group) if p]
    for model, base in sorted(refs.own_models.items()):
        if "AbstractModel" not in base and model not in covered:
            problems.append(
                f"model {model} has no line in ir.model.access.csv (Odoo warns "
                "and only the superuser can use it)"
            )
    return problems


ALL_CHECKS = {
    "access_csv": check_access_csv,
    "tests_imported": check_tests_imported,
}
