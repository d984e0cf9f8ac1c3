# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Every field the system maintains is refused to the API, found from the
models themselves: a field added later cannot slip through a list kept by
hand (tests/test_security_paths.py tries them over JSON-RPC)."""

from odoo.models import MAGIC_COLUMNS
from odoo.tests import TransactionCase, tagged

# guarded on their own: a note's author and time are set from who writes it
# (contact.order.note.create/write)
GUARDED_ELSEWHERE = {
    ("contact.order.note", "author_id"),
    ("contact.order.note", "date"),
}


@tagged("post_install", "-at_install")
class TestSystemFields(TransactionCase):
    def _maintained_fields(self, model):
        """The addon's stored fields no user sets in the form: readonly ones
        that are computed, related, or without a default."""
        for name, field in model._fields.items():
            if (
                field._module != "contact_order"
                or not field.store
                or name in MAGIC_COLUMNS
                or (model._name, name) in GUARDED_ELSEWHERE
            ):
                continue
            if field.readonly and (field.compute or field.related or not field.default):
                yield name

    def test_every_maintained_field_is_a_system_field(self):
        mixin = self.env.registry["contact.order.system.mixin"]
        self.assertTrue(mixin._inherit_children)
        # the criterion finds what it is for: totals, assignees, dates
        found = set(self._maintained_fields(self.env["contact.order"]))
        self.assertLessEqual({"total_hours", "assignee_ids", "scheduled_date"}, found)
        for model_name in mixin._inherit_children:
            model = self.env[model_name]
            for name in self._maintained_fields(model):
                with self.subTest(model=model_name, field=name):
                    self.assertIn(name, model._system_field_names())
