# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Orders merged before 18.0.1.6.0 were completed without an outcome: they
say now that they were merged, as the merge does since. An order that was
reopened after such a merge (reopening kept its link then) has been worked
on since: it is no longer a merged order, and keeps being reopenable."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        "UPDATE contact_order SET merged_into_id = NULL "
        "WHERE merged_into_id IS NOT NULL "
        "AND (state != 'done' OR outcome IS NOT NULL)"
    )
    cr.execute(
        "UPDATE contact_order SET outcome = 'merged' "
        "WHERE merged_into_id IS NOT NULL AND state = 'done' AND outcome IS NULL"
    )
