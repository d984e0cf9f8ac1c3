# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models, tools


class ContactOrderTodo(models.Model):
    """The to-do list: open contact orders and planned bookings of a user,
    together, by date (a read-only SQL view)."""

    _name = "contact.order.todo"
    _description = "Contact Order To-do"
    _auto = False
    _order = "date, start, id"
    _rec_name = "subject"

    kind = fields.Selection(
        [("order", "Contact Order"), ("booking", "Booking")], readonly=True
    )
    order_id = fields.Many2one("contact.order", string="Contact Order", readonly=True)
    booking_id = fields.Many2one("contact.order.booking", readonly=True)
    booking_type = fields.Selection(
        related="booking_id.booking_type", string="Booking Type"
    )
    date = fields.Date(readonly=True)
    start = fields.Datetime(string="Booked at", readonly=True)
    subject = fields.Char(related="order_id.subject")
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    status_id = fields.Many2one("contact.order.status", readonly=True)
    user_id = fields.Many2one("res.users", string="Assigned to", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)

    def init(self):
        # ids: orders even, bookings odd, so that both fit in one id column;
        # the expression indexes serve lookups by id (record rules, reads)
        cr = self.env.cr
        tools.create_index(
            cr, "contact_order_todo_id_index", "contact_order", ["(id * 2)"]
        )
        tools.create_index(
            cr, "contact_order_booking_todo_id_index", "contact_order_booking",
            ["(id * 2 + 1)"],
        )  # fmt: skip
        tools.create_index(
            cr, "contact_order_todo_user_index", "contact_order",
            ["user_id", "planned_date"],
            where="state != 'done' AND user_id IS NOT NULL",
        )  # fmt: skip
        tools.create_index(
            cr, "contact_order_booking_todo_user_index", "contact_order_booking",
            ["user_id", "start"], where="state = 'planned'",
        )  # fmt: skip
        tools.drop_view_if_exists(cr, self._table)
        cr.execute(
            f"""
            CREATE OR REPLACE VIEW {self._table} AS (
                SELECT o.id * 2 AS id,
                       'order' AS kind,
                       o.id AS order_id,
                       NULL::integer AS booking_id,
                       o.planned_date AS date,
                       NULL::timestamp AS start,
                       o.partner_id AS partner_id,
                       o.status_id AS status_id,
                       o.user_id AS user_id,
                       o.company_id AS company_id
                  FROM contact_order o
                 WHERE o.state != 'done' AND o.user_id IS NOT NULL
                UNION ALL
                SELECT b.id * 2 + 1,
                       'booking',
                       b.order_id,
                       b.id,
                       b.start::date,
                       b.start,
                       b.partner_id,
                       b.status_id,
                       b.user_id,
                       b.company_id
                  FROM contact_order_booking b
                 WHERE b.state = 'planned'
            )
            """
        )

    def action_open(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "contact.order",
            "res_id": self.order_id.id,
            "views": [(False, "form")],
        }
