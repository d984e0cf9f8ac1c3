# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models, tools
from odoo.tools import SQL

# sales figures of every order's sales orders: for who reads all of them
SALES_READERS = "sales_team.group_sale_salesman_all_leads"


class ContactOrderEffortReport(models.Model):
    """Effort and result: one row per contact order with the hours logged on
    it and what it sold (its confirmed sales orders), to sum by customer,
    facility, service object or responsible. An order merged into another
    is no row: its notes and sales are the other's, and counting it would
    count one contact twice.

    A SQL view bypasses the orders' record rules: the report's own rules in
    security/contact_order_security.xml repeat them (tested)."""

    _name = "contact.order.effort.report"
    _description = "Contact Order Effort and Result"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "order_id"
    # what the view reads: flushed before each query on it
    _depends = {
        "contact.order": [
            "partner_id", "facility_id", "equipment_id", "user_id", "status_id",
            "state", "company_id", "total_hours", "create_date", "assignee_ids",
            "merged_into_id",
        ],
        "sale.order": ["contact_order_id", "state", "amount_untaxed", "currency_rate"],
    }  # fmt: skip

    order_id = fields.Many2one("contact.order", string="Contact Order", readonly=True)
    date = fields.Datetime(string="Created on", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    facility_id = fields.Many2one("contact.facility", readonly=True)
    equipment_id = fields.Many2one(
        "maintenance.equipment", string="Service Object", readonly=True
    )
    user_id = fields.Many2one("res.users", string="Responsible", readonly=True)
    status_id = fields.Many2one("contact.order.status", readonly=True)
    state = fields.Selection(
        [("open", "Open"), ("won", "Won"), ("done", "Completed")], readonly=True
    )
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    hours = fields.Float(string="Time Spent", readonly=True, aggregator="sum")
    order_count = fields.Integer(
        string="Orders", readonly=True, aggregator="sum", help="Contact orders."
    )
    won_count = fields.Integer(
        string="Orders Won",
        readonly=True,
        aggregator="sum",
        help="Orders with a confirmed sales order.",
    )
    sale_amount = fields.Monetary(
        string="Confirmed Sales (Untaxed)",
        readonly=True,
        aggregator="sum",
        currency_field="currency_id",
        groups=SALES_READERS,
        help="Untaxed amount of the confirmed sales orders, in the company's currency.",
    )
    sales_per_hour = fields.Monetary(
        readonly=True,
        aggregator="avg",
        currency_field="currency_id",
        groups=SALES_READERS,
        help="Confirmed sales divided by the time spent (of a group: its sales "
        "by its hours).",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %s AS (
                    SELECT o.id AS id,
                           o.id AS order_id,
                           o.create_date AS date,
                           o.partner_id,
                           o.facility_id,
                           o.equipment_id,
                           o.user_id,
                           o.status_id,
                           o.state,
                           o.company_id,
                           COALESCE(o.total_hours, 0) AS hours,
                           1 AS order_count,
                           CASE WHEN sales.amount IS NULL THEN 0 ELSE 1 END
                               AS won_count,
                           COALESCE(sales.amount, 0) AS sale_amount,
                           COALESCE(sales.amount, 0)
                               / NULLIF(o.total_hours, 0) AS sales_per_hour
                      FROM contact_order o
                 LEFT JOIN LATERAL (
                        SELECT SUM(so.amount_untaxed / CASE COALESCE(
                                   so.currency_rate, 0) WHEN 0 THEN 1.0
                                   ELSE so.currency_rate END) AS amount
                          FROM sale_order so
                         WHERE so.contact_order_id = o.id AND so.state = 'sale'
                     ) sales ON TRUE
                     WHERE o.merged_into_id IS NULL
                )
                """,
                SQL.identifier(self._table),
            )
        )

    def _read_group_select(self, aggregate_spec, query):
        """A group's sales per hour: its sales by its hours, not the mean of
        its orders' ratios."""
        if aggregate_spec.split(":")[0] != "sales_per_hour":
            return super()._read_group_select(aggregate_spec, query)
        return SQL(
            "SUM(%(amount)s) / NULLIF(SUM(%(hours)s), 0.0)",
            amount=self._field_to_sql(self._table, "sale_amount", query),
            hours=self._field_to_sql(self._table, "hours", query),
        )
