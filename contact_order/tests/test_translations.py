# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# The translation template and the Swedish translation must stay complete.
# When strings were added or changed, regenerate from the repository root with
#
#   python3 tools/devenv.py makepot
#
# (Odoo's own export on a database with demo data, whose terms Odoo's .pot
# files include; merged into sv.po with polib, obsolete entries dropped,
# sorted by msgid), then translate the new, empty entries of sv.po. Run these
# tests alone with:
#   python3 tools/devenv.py pytest -- contact_order/tests/test_translations.py
"""The .pot covers the code and data, sv.po translates all of it, and a
Swedish user sees Swedish labels and messages."""

import re
from collections import Counter

import polib
from lxml import etree

from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools.misc import file_path
from odoo.tools.translate import TranslationModuleReader

MODULE = "contact_order"
POT_PATH = f"{MODULE}/i18n/{MODULE}.pot"
PO_PATH = f"{MODULE}/i18n/sv.po"
LANG = "sv_SE"

# %s, %d, %(name)s, %(name)d... but not a literal %%
PLACEHOLDER_RE = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc]")
# tag names and classes of HTML/XML markup
TAG_RE = re.compile(r"</?([a-zA-Z][\w.:-]*)")
CLASS_RE = re.compile(r"""\bclass=(["'])(.*?)\1""")


def _placeholders(text):
    """Named placeholders as a multiset, positional ones in their order."""
    found = PLACEHOLDER_RE.findall(text.replace("%%", ""))
    named = Counter(p for p in found if p.startswith("%("))
    positional = [p for p in found if not p.startswith("%(")]
    return named, positional


def _markup(text):
    return (
        sorted(TAG_RE.findall(text)),
        sorted(cls for _quote, cls in CLASS_RE.findall(text)),
    )


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pot = polib.pofile(file_path(POT_PATH))
        cls.po = polib.pofile(file_path(PO_PATH))

    def _fail_on(self, problems, message):
        if problems:
            self.fail(f"{message}\n" + "\n".join(problems))

    # (a) the template has every term of the code and data
    def test_pot_covers_module_terms(self):
        reader = TranslationModuleReader(self.env.cr, modules=[MODULE])
        terms = {}
        for module, ttype, name, res_id, source, _value, _comments in reader:
            if module == MODULE:
                terms.setdefault(source, f"{ttype}:{name}:{res_id}")
        self.assertTrue(terms, "the module has no translatable terms at all?")
        pot_ids = {entry.msgid for entry in self.pot}
        missing = sorted(term for term in terms if term not in pot_ids)
        self._fail_on(
            [f"  {term!r}  ({terms[term]})" for term in missing],
            f"{POT_PATH} misses {len(missing)} term(s) of the code and data: "
            "regenerate it (see the top of tests/test_translations.py).",
        )
        obsolete = pot_ids - set(terms)
        if not self.env["ir.module.module"]._get(MODULE).demo:
            # the template is made with demo data (as Odoo's own): without it,
            # the terms of demo records are rightly absent from this database
            obsolete = {
                entry.msgid
                for entry in self.pot
                if entry.msgid in obsolete and not self._all_records_absent(entry)
            }
        self._fail_on(
            [f"  {msgid!r}" for msgid in sorted(obsolete)],
            f"{POT_PATH} has {len(obsolete)} term(s) no longer in the code or data: "
            "regenerate it (see the top of tests/test_translations.py).",
        )

    def _all_records_absent(self, entry):
        """Whether every occurrence of the entry is a record (model: or
        model_terms:) whose xml id is not in this database."""
        for occurrence, _line in entry.occurrences:
            kind, _field, xmlid = (occurrence.split(":", 2) + ["", ""])[:3]
            if kind not in ("model", "model_terms") or self.env.ref(
                xmlid, raise_if_not_found=False
            ):
                return False
        return True

    # (b) every Swedish entry is translated, not fuzzy, and keeps placeholders
    def test_sv_po_header(self):
        self.assertEqual(self.po.metadata.get("Language"), "sv")
        self.assertEqual(
            self.po.metadata.get("Plural-Forms"), "nplurals=2; plural=(n != 1);"
        )
        self.assertIn("charset=UTF-8", self.po.metadata.get("Content-Type", ""))

    def test_sv_po_fully_translated(self):
        problems = [
            f"  untranslated: {entry.msgid!r}"
            for entry in self.po
            if not entry.msgstr.strip()
        ]
        problems += [
            f"  fuzzy: {entry.msgid!r} -> {entry.msgstr!r}"
            for entry in self.po
            if "fuzzy" in entry.flags
        ]
        problems += [
            f"  obsolete (#~): {entry.msgid!r}" for entry in self.po.obsolete_entries()
        ]
        self._fail_on(
            problems,
            f"{PO_PATH} has {len(problems)} entries to translate or check "
            "(translate, unmark fuzzy, drop #~ entries):",
        )

    def test_sv_po_keeps_placeholders_and_markup(self):
        problems = []
        for entry in self.po:
            if not entry.msgstr:
                continue  # reported by test_sv_po_fully_translated
            if _placeholders(entry.msgid) != _placeholders(entry.msgstr):
                problems.append(f"  placeholders: {entry.msgid!r} -> {entry.msgstr!r}")
            if _markup(entry.msgid) != _markup(entry.msgstr):
                problems.append(f"  markup: {entry.msgid!r} -> {entry.msgstr!r}")
        self._fail_on(
            problems,
            f"{PO_PATH} has translations whose placeholders or HTML tags differ "
            "from their msgid:",
        )

    # (c) the Swedish file translates exactly the template's terms
    def test_sv_po_matches_pot(self):
        pot_ids = {entry.msgid for entry in self.pot}
        counts = Counter(entry.msgid for entry in self.po)
        problems = [
            f"  missing from sv.po: {m!r}" for m in sorted(pot_ids - set(counts))
        ]
        problems += [f"  not in the .pot: {m!r}" for m in sorted(set(counts) - pot_ids)]
        problems += [f"  duplicate: {m!r}" for m, n in sorted(counts.items()) if n > 1]
        self._fail_on(
            problems,
            f"{PO_PATH} does not have exactly the msgids of {POT_PATH}: merge it "
            "(see the top of tests/test_translations.py).",
        )


@tagged("post_install", "-at_install")
class TestSwedishInterface(TransactionCase):
    """(d) with Swedish loaded, real labels and messages come out in Swedish."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang(LANG)
        cls.env["ir.module.module"]._load_module_terms([MODULE], [LANG], overwrite=True)
        cls.sv_env = cls.env(context=dict(cls.env.context, lang=LANG))
        cls.customer = cls.env["res.partner"].create(
            {"name": "Översättning AB", "is_company": True}
        )

    def test_field_labels(self):
        fields = self.sv_env["contact.order"].fields_get(
            ["subject", "partner_id", "facility_id", "equipment_id", "total_hours"],
            ["string"],
        )
        self.assertEqual(fields["subject"]["string"], "Ämne")
        self.assertEqual(fields["partner_id"]["string"], "Kund")
        self.assertEqual(fields["facility_id"]["string"], "Anläggning")
        self.assertEqual(fields["equipment_id"]["string"], "Serviceobjekt")
        self.assertEqual(fields["total_hours"]["string"], "Tidsåtgång")

    def test_selection_labels(self):
        state = self.sv_env["contact.order"].fields_get(["state"], ["selection"])
        self.assertEqual(
            dict(state["state"]["selection"])["done"],
            "Avslutad",
        )

    def test_menus_and_groups(self):
        menu = self.sv_env.ref("contact_order.contact_order_menu_root")
        self.assertEqual(menu.name, "Kontaktordrar")
        self.assertEqual(
            self.sv_env.ref("contact_order.contact_order_todo_menu").name,
            "Min att göra-lista",
        )
        self.assertEqual(
            self.sv_env.ref("contact_order.group_assign_self").name,
            "Tilldela sig själv",
        )

    def test_form_view(self):
        views = self.sv_env["contact.order"].get_views([(False, "form")])
        arch = etree.fromstring(views["views"]["form"]["arch"])
        buttons = set(arch.xpath("//header/button/@string"))
        pages = set(arch.xpath("//notebook/page/@string"))
        self.assertLessEqual({"Avsluta", "Återöppna", "Visa på karta"}, buttons)
        self.assertLessEqual({"Anteckningar", "Bokningar"}, pages)

    def test_error_message(self):
        with self.assertRaises(ValidationError) as caught:
            self.sv_env["contact.order"].create({"partner_id": self.customer.id})
        self.assertEqual(
            str(caught.exception.args[0]),
            "En kontaktorder behöver ett ämne: vad gäller den?",
        )

    def test_default_number_placeholder(self):
        """The default number is translated, and still replaced by the
        sequence on create in Swedish."""
        order = self.sv_env["contact.order"].create(
            {"subject": "Säljfråga", "partner_id": self.customer.id}
        )
        self.assertNotIn(order.name, ("New", "Ny"))
