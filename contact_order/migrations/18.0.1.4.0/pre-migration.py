# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Since 18.0.1.4.0 notes keep their order's facility, service object, status
and state, for the Time report. The columns are made and filled here in one
statement each: the ORM would otherwise compute them note by note on upgrade
(hundreds of thousands of notes). It then adds the foreign keys itself."""

COLUMNS = {
    "facility_id": "int4",
    "equipment_id": "int4",
    "status_id": "int4",
    "state": "varchar",
}


def migrate(cr, version):
    if not version:
        return
    for column, sql_type in COLUMNS.items():
        cr.execute(
            f"ALTER TABLE contact_order_note ADD COLUMN IF NOT EXISTS {column} "
            f"{sql_type}"
        )
    cr.execute(
        """
        UPDATE contact_order_note note
           SET facility_id = o.facility_id,
               equipment_id = o.equipment_id,
               status_id = o.status_id,
               state = o.state
          FROM contact_order o
         WHERE o.id = note.order_id
        """
    )
