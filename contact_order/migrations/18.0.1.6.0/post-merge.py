# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Orders merged before 18.0.1.6.0 were completed without an outcome: they
say now that they were merged, as the merge does since."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        "UPDATE contact_order SET outcome = 'merged' "
        "WHERE merged_into_id IS NOT NULL AND outcome IS NULL"
    )
