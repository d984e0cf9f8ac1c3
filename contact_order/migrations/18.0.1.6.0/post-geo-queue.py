# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Since 18.0.1.6.0 a scheduled action locates the queued addresses: the
facilities and customers of orders that have an address but no coordinates
(imports skipped the geocoder, and a failed lookup left none) are queued,
so that they get them without being saved again; archived ones are not.
The scheduled action then asks the geocoder at one request a second."""

from odoo.tools import SQL


def migrate(cr, version):
    if not version:
        return
    for table, column in (
        ("contact_facility", "facility_id"),
        ("res_partner", "partner_id"),
    ):
        cr.execute(
            SQL(
                """
                UPDATE %(table)s SET contact_order_geo_queued = TRUE
                 WHERE COALESCE(partner_latitude, 0) = 0
                   AND COALESCE(partner_longitude, 0) = 0
                   AND COALESCE(street, zip, city) IS NOT NULL
                   AND active
                   AND id IN (SELECT %(column)s FROM contact_order)
                """,
                table=SQL.identifier(table),
                column=SQL.identifier(column),
            )
        )
