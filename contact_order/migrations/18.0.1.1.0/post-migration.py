# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""My To-do reads a page from two indexes in list order since 18.0.1.1.0
(made by contact.order and contact.order.booking in their ``init``): the
user indexes of 18.0.1.0.0 they replace go."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        "DROP INDEX IF EXISTS contact_order_todo_user_index, "
        "contact_order_booking_todo_user_index"
    )
