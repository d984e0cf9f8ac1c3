# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Groups by status also sum the expected value (the list's total since
18.0.1.5.0): the two indexes that made them index-only without it give way to
the ``*_sums_index`` ones contact.order's ``init`` makes."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        "DROP INDEX IF EXISTS contact_order_company_status_index, "
        "contact_order_assigned_cover_index"
    )
