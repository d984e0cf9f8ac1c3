# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models, tools
from odoo.tools.misc import format_time


class ContactOrderTodo(models.Model):
    """The to-do list: open contact orders and planned bookings of a user,
    together, by date (a read-only SQL view)."""

    _name = "contact.order.todo"
    _description = "Contact Order To-do"
    _auto = False
    _order = "sort_datetime, id"
    _rec_name = "subject"
    # what the view reads: flushed before each query on it
    _depends = {
        "contact.order": [
            "planned_date", "partner_id", "status_id", "user_id", "company_id",
            "state",
        ],
        "contact.order.booking": [
            "order_id", "start", "partner_id", "status_id", "user_id",
            "company_id", "state",
        ],
        # a booking's day is the one of its assignee's time zone
        "res.users": ["partner_id"],
        "res.partner": ["tz"],
    }  # fmt: skip

    kind = fields.Selection(
        [("order", "Contact Order"), ("booking", "Booking")], readonly=True
    )
    order_id = fields.Many2one("contact.order", string="Contact Order", readonly=True)
    booking_id = fields.Many2one("contact.order.booking", readonly=True)
    booking_type = fields.Selection(
        related="booking_id.booking_type", string="Booking Type"
    )
    date = fields.Date(
        readonly=True,
        help="The planned date of an order, the day of a booking in the time "
        "zone of its assignee.",
    )
    start = fields.Datetime(string="Booked at", readonly=True)
    start_time = fields.Char(
        string="Time",
        compute="_compute_start_time",
        help="The time of a booking in the time zone of its assignee.",
    )
    sort_datetime = fields.Datetime(
        readonly=True, help="The scheduled date of an order, the time of a booking."
    )
    active = fields.Boolean(
        readonly=True, help="Open orders and planned bookings: the list's entries."
    )
    subject = fields.Char(related="order_id.subject")
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    status_id = fields.Many2one("contact.order.status", readonly=True)
    user_id = fields.Many2one("res.users", string="Assigned to", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)

    @api.depends("start", "user_id.tz")
    @api.depends_context("lang")
    def _compute_start_time(self):
        # the to-do is its reader's own: their language, and their record is
        # read anyway (no fallback on the company's language)
        lang = self.env.lang or self.env.user.lang
        for entry in self:
            entry.start_time = entry.start and format_time(
                self.env,
                entry.start,
                tz=entry.user_id.tz or "UTC",
                time_format="short",
                lang_code=lang,
            )

    def init(self):
        """The to-do entries are open orders and planned bookings: ``active``,
        not a WHERE in the view. Its two parts then have no condition of their
        own, so that PostgreSQL flattens the view and merges, for a user's
        page, two index scans already in list order (the indexes are made by
        the models of the two tables, in their ``init``). Ids: orders even,
        bookings odd, so that both fit in one id column."""
        cr = self.env.cr
        tools.drop_view_if_exists(cr, self._table)
        cr.execute(
            f"""
            CREATE OR REPLACE VIEW {self._table} AS (
                SELECT o.id * 2 AS id,
                       'order'::varchar AS kind,
                       o.id AS order_id,
                       NULL::integer AS booking_id,
                       o.planned_date AS date,
                       NULL::timestamp AS start,
                       o.planned_date::timestamp AS sort_datetime,
                       o.partner_id AS partner_id,
                       o.status_id AS status_id,
                       o.user_id AS user_id,
                       o.company_id AS company_id,
                       o.state != 'done' AND o.user_id IS NOT NULL AS active
                  FROM contact_order o
                UNION ALL
                SELECT b.id * 2 + 1,
                       'booking'::varchar,
                       b.order_id,
                       b.id,
                       -- the assignee's day: a subquery, as a join would
                       -- keep PostgreSQL from flattening the view
                       (b.start AT TIME ZONE 'UTC' AT TIME ZONE COALESCE(
                           (SELECT p.tz
                              FROM res_users u
                              JOIN res_partner p ON p.id = u.partner_id
                             WHERE u.id = b.user_id),
                           'UTC'))::date,
                       b.start,
                       b.start,
                       b.partner_id,
                       b.status_id,
                       b.user_id,
                       b.company_id,
                       b.state = 'planned'
                  FROM contact_order_booking b
            )
            """
        )

    def action_open(self):
        """A click on an entry opens its contact order."""
        self.ensure_one()
        return self.order_id.get_formview_action()

    def action_log_contact(self):
        """Log the contact of an entry (the booking, when it is one): see
        contact.order.log.contact."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "contact_order.contact_order_log_contact_action"
        )
        action["context"] = {"default_order_id": self.order_id.id}
        if self.booking_id:
            action["context"]["default_booking_id"] = self.booking_id.id
        return action

    def action_new_contact_order(self):
        """The New button of the to-do: the form of a new contact order (the
        to-do's own entries are not created)."""
        action = self.env["contact.order"].get_formview_action()
        action["name"] = self.env._("New Contact Order")
        return action
