# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import api, fields, models, tools
from odoo.exceptions import AccessError, UserError, ValidationError

from .contact_order_booking import NEXT_CONTACT_DELAYS
from .contact_order_count_mixin import (
    CONTACT_ORDER_READERS,
    contact_order_users_domain,
)

LIST_ORDERS = {
    "date": "is_completed, scheduled_date, id desc",
    "serial": "is_completed, name desc, id desc",
}

# Fields that may still change on a completed order: its notes log, the
# state itself (reopen) and what mail.thread / mail.activity.mixin maintain.
DONE_WRITABLE_FIELDS = {"note_ids", "state"}
DONE_WRITABLE_PREFIXES = ("message_", "activity_", "website_message")
SALES_GROUP = "sales_team.group_sale_salesman"


def _book_in(delay):
    """The action of a booking preset: see contact.order.booking's
    _book_next_contact."""

    def action(self):
        return self.env["contact.order.booking"]._book_next_contact(self, delay)

    return action


class ContactOrder(models.Model):
    _name = "contact.order"
    _description = "Contact Order"
    _inherit = [
        "mail.thread.phone",
        "mail.activity.mixin",
        "contact.order.system.mixin",
        "contact.order.customer.mixin",
        "contact.order.map.mixin",
    ]
    _order = LIST_ORDERS["date"]
    _rec_names_search = ["name", "subject", "partner_id.name"]
    _check_company_auto = True
    _system_fields = (
        "name",
        "state",
        "is_completed",
        "total_hours",
        "note_count",
        "assignee_ids",
        "scheduled_date",
    )

    def _default_status_id(self):
        return self.env["contact.order.status"].search(
            [("company_id", "in", [False, self.env.company.id])], limit=1
        )

    name = fields.Char(
        string="Number",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        default=lambda self: self.env._("New"),
    )
    subject = fields.Char(required=True, tracking=True, index="trigram")
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        index=True,
        check_company=True,
    )
    facility_id = fields.Many2one(
        "contact.facility",
        compute="_compute_facility_id",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        index=True,
        check_company=True,
        domain="[('partner_id', 'in', [False, partner_id])]",
    )
    equipment_id = fields.Many2one(
        "maintenance.equipment",
        string="Service Object",
        tracking=True,
        index="btree_not_null",
        check_company=True,
    )
    contact_name = fields.Char(string="Contact Person", tracking=True)
    contact_phone = fields.Char(string="Phone", tracking=True)
    contact_email = fields.Char(string="Email", tracking=True)
    contact_function = fields.Char(string="Job Position")
    street = fields.Char(
        compute="_compute_address", store=True, readonly=False, precompute=True
    )
    zip = fields.Char(
        compute="_compute_address", store=True, readonly=False, precompute=True
    )
    city = fields.Char(
        compute="_compute_address", store=True, readonly=False, precompute=True
    )
    country_id = fields.Many2one(
        "res.country",
        compute="_compute_address",
        store=True,
        readonly=False,
        precompute=True,
    )
    status_id = fields.Many2one(
        "contact.order.status",
        default=_default_status_id,
        tracking=True,
        index=True,
        group_expand="_read_group_expand_full",
        check_company=True,
    )
    state = fields.Selection(
        [("open", "Open"), ("won", "Won"), ("done", "Completed")],
        default="open",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    is_completed = fields.Boolean(compute="_compute_is_completed", store=True)
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
        check_company=True,
        domain=lambda self: contact_order_users_domain(self.env),
    )
    planned_date = fields.Date(
        string="Follow-up Date",
        tracking=True,
        index=True,
        copy=False,
        help="When to come back to this order if no booking is planned.",
    )
    scheduled_date = fields.Date(
        compute="_compute_scheduled_date",
        store=True,
        index=True,
        help="The day of the next planned booking; without one, the follow-up date.",
    )
    # before note_ids and booking_ids: create() writes x2many fields in this
    # order, and the rules of the notes and bookings made with a new order
    # read its assignees
    assignee_ids = fields.Many2many(
        "res.users",
        "contact_order_assignee_rel",
        "order_id",
        "user_id",
        string="Assignees",
        compute="_compute_assignee_ids",
        store=True,
        precompute=True,
        prefetch=False,
        help="The responsible and the assignees of its bookings: the users who "
        "see this order with the right View only assigned.",
    )
    note_ids = fields.One2many("contact.order.note", "order_id", string="Notes")
    note_count = fields.Integer(compute="_compute_note_stats", store=True)
    booking_ids = fields.One2many(
        "contact.order.booking", "order_id", string="Bookings"
    )
    planned_booking_count = fields.Integer(compute="_compute_planned_booking_count")
    user_can_quote = fields.Boolean(
        compute="_compute_user_can_quote",
        help="The current user has Sales and the contact order right Edit: the "
        "Sales Order button is theirs.",
    )
    total_hours = fields.Float(
        string="Time Spent",
        compute="_compute_note_stats",
        store=True,
        aggregator="sum",
        help="Sum of the hours of the notes.",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    sale_order_ids = fields.One2many(
        "sale.order", "contact_order_id", string="Sales Orders", groups=SALES_GROUP
    )
    sale_order_count = fields.Integer(
        compute="_compute_sale_order_data", groups=SALES_GROUP
    )
    sale_amount_total = fields.Monetary(
        string="Confirmed Sales",
        compute="_compute_sale_order_data",
        currency_field="currency_id",
        groups=SALES_GROUP,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    attachment_count = fields.Integer(
        string="Documents", compute="_compute_attachment_count"
    )
    color = fields.Integer(related="status_id.color")
    description = fields.Html(help="Background and details of the contact.")

    _sql_constraints = [
        (
            "name_company_uniq",
            "unique(name, company_id)",
            "The number of a contact order must be unique per company.",
        ),
        (
            "partner_required",
            "CHECK(partner_id IS NOT NULL)",
            "A contact order needs a customer.",
        ),
    ]

    # ------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------

    @api.depends("facility_id", "equipment_id")
    def _compute_partner_id(self):
        for order in self:
            order.partner_id = (
                order.facility_id.partner_id
                or order.equipment_id.customer_id
                or order.partner_id
            )

    @api.depends("equipment_id")
    def _compute_facility_id(self):
        for order in self:
            order.facility_id = order.equipment_id.facility_id or order.facility_id

    @api.depends("partner_id", "facility_id")
    def _compute_address(self):
        for order in self:
            source = (
                order.facility_id
                if order.facility_id.street or order.facility_id.city
                else order.partner_id
            )
            source = source or order
            order.street = source.street
            order.zip = source.zip
            order.city = source.city
            order.country_id = source.country_id

    @api.depends("state")
    def _compute_is_completed(self):
        for order in self:
            order.is_completed = order.state == "done"

    @api.depends(
        "planned_date", "booking_ids.start", "booking_ids.state", "booking_ids.user_id"
    )
    def _compute_scheduled_date(self):
        for order in self:
            planned = order.booking_ids.filtered(lambda b: b.state == "planned")
            if planned:
                # _origin: in a form's onchange the bookings have new ids,
                # which do not compare
                first = min(
                    planned, key=lambda booking: (booking.start, booking._origin.id)
                )
                # the day the assignee meets the customer
                order.scheduled_date = first._local_start().date()
            else:
                order.scheduled_date = order.planned_date

    @api.depends("user_id", "booking_ids.user_id")
    def _compute_assignee_ids(self):
        for order in self:
            order.assignee_ids = order.user_id | order.booking_ids.user_id

    @api.depends("note_ids.hours")
    def _compute_note_stats(self):
        groups = self.env["contact.order.note"]._read_group(
            [("order_id", "in", self.ids)], ["order_id"], ["__count", "hours:sum"]
        )
        stats = {order.id: (count, hours) for order, count, hours in groups}
        for order in self:
            order.note_count, order.total_hours = stats.get(order.id, (0, 0.0))

    def _compute_planned_booking_count(self):
        groups = self.env["contact.order.booking"]._read_group(
            [("order_id", "in", self.ids), ("state", "=", "planned")],
            ["order_id"],
            ["__count"],
        )
        counts = {order.id: count for order, count in groups}
        for order in self:
            order.planned_booking_count = counts.get(order.id, 0)

    @api.depends_context("uid")
    def _compute_user_can_quote(self):
        user = self.env.user
        can_quote = user.has_group(SALES_GROUP) and user.has_group(
            "contact_order.group_edit"
        )
        for order in self:
            order.user_can_quote = can_quote

    @api.depends("sale_order_ids.amount_total", "sale_order_ids.state")
    def _compute_sale_order_data(self):
        for order in self:
            # the smart button's total: what the customer confirmed
            sale_orders = order.sale_order_ids.filtered(lambda so: so.state == "sale")
            order.sale_order_count = len(order.sale_order_ids)
            order.sale_amount_total = sum(
                so.currency_id._convert(
                    so.amount_total,
                    order.currency_id,
                    order.company_id,
                    so.date_order or fields.Date.today(),
                )
                for so in sale_orders
            )

    def _compute_attachment_count(self):
        groups = self.env["ir.attachment"]._read_group(
            [("res_model", "=", self._name), ("res_id", "in", self.ids)],
            ["res_id"],
            ["__count"],
        )
        counts = dict(groups)
        for order in self:
            order.attachment_count = counts.get(order.id, 0)

    @api.depends("name", "subject")
    def _compute_display_name(self):
        for order in self:
            order.display_name = (
                f"{order.name} - {order.subject}" if order.subject else order.name
            )

    # ------------------------------------------------------------
    # CONSTRAINTS
    # ------------------------------------------------------------

    @api.constrains("partner_id", "facility_id", "equipment_id")
    def _check_customer_links(self):
        for order in self:
            customer = order.partner_id.commercial_partner_id
            order.facility_id._assert_owned_by(customer, order)
            equipment = order.equipment_id
            equipment._assert_owned_by(customer, order)
            if (
                equipment.facility_id
                and order.facility_id
                and equipment.facility_id != order.facility_id
            ):
                raise ValidationError(
                    self.env._(
                        "Service object %(equipment)s is at facility %(where)s, "
                        "not at %(facility)s.",
                        equipment=equipment.display_name,
                        where=equipment.facility_id.display_name,
                        facility=order.facility_id.display_name,
                    )
                )

    # ------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------

    def init(self):
        """Indexes for the plans of the default list orders (completed last;
        the ORM orders booleans through COALESCE), of grouping by status, of
        the assigned rule and of My To-do."""
        for name, expressions in (
            ("scheduled", ["scheduled_date", "id DESC"]),
            ("serial", ["name DESC", "id DESC"]),
        ):
            tools.create_index(
                self.env.cr,
                f"contact_order_list_{name}_index",
                self._table,
                ["COALESCE(is_completed, false)", *expressions],
            )
        # groups by status sum the list's totals (expected value and hours):
        # with them in the index, neither user's group reads the table; the
        # rule of View only assigned joins the assignees to the orders by id
        self.env.cr.execute(
            """
            CREATE INDEX IF NOT EXISTS contact_order_company_status_sums_index
                ON contact_order (company_id, status_id)
                INCLUDE (total_hours, expected_value);
            CREATE INDEX IF NOT EXISTS contact_order_assigned_sums_index
                ON contact_order (id)
                INCLUDE (company_id, status_id, total_hours, expected_value)
            """
        )
        # My To-do (contact.order.todo): an order's entry id is (id * 2), and
        # a user's open orders are read in the to-do's order (company_id last
        # for the count)
        tools.create_index(
            self.env.cr, "contact_order_todo_id_index", self._table, ["(id * 2)"]
        )
        tools.create_index(
            self.env.cr,
            "contact_order_todo_user_order_index",
            self._table,
            ["user_id", "(planned_date::timestamp)", "(id * 2)", "company_id"],
            where="state != 'done' AND user_id IS NOT NULL",
        )

    @api.model
    def _search(self, domain, *args, **kwargs):
        # The record rules read the assignees from their table, and the SQL
        # of a many2many condition does not compute pending values first (in
        # Odoo 18 it carries no field to flush): do it for every search.
        self.flush_model(["assignee_ids"])
        return super()._search(domain, *args, **kwargs)

    @api.model
    def search_fetch(self, domain, field_names, offset=0, limit=None, order=None):
        order = order or self._default_list_order()
        if (
            not field_names  # a search(): nothing read yet
            or self.env.su
            or self.env.user.has_group("contact_order.group_view")
        ):
            return super().search_fetch(domain, field_names, offset, limit, order)
        # View only assigned: the record rules read the company and the
        # assignees of the records found, in each access check (of their
        # activities, then of them): fetch them once, before the others
        columns = [
            fname
            for fname in field_names
            if (field := self._fields.get(fname)) and field.column_type
        ]
        records = super().search_fetch(
            domain, [*columns, "company_id"], offset, limit, order
        )
        records.sudo().fetch(["assignee_ids"])
        records.fetch([f for f in field_names if f not in columns])
        return records

    @api.model
    def _default_list_order(self):
        """The admin chooses between scheduled date and serial number; completed
        orders come last either way."""
        key = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("contact_order.list_order", "date")
        )
        return LIST_ORDERS.get(key, LIST_ORDERS["date"])

    @api.model_create_multi
    def create(self, vals_list):
        # the responsible create() will use: a context default too
        default_user = self.default_get(["user_id"]).get("user_id")
        for vals in vals_list:
            if vals.get("name") in ("New", self.env._("New")):
                del vals["name"]
            self._refuse_system_fields(vals)
            self._assert_mandatory_vals(vals, creating=True)
            user_id = vals.get("user_id", default_user)
            if user_id != self.env.uid:
                self._assert_may_assign(self.env["res.users"].browse(user_id))
            company = self.env["res.company"].browse(
                vals.get("company_id") or self.env.company.id
            )
            self._prepare_customer_vals(vals, company)
            if "name" not in vals:
                vals["name"] = self._next_number(company)
        orders = super().create(vals_list)
        orders._link_facility_to_customer()
        return orders

    def write(self, vals):
        self._refuse_system_fields(vals)
        self._assert_mandatory_vals(vals)
        self._assert_completed_writable(vals)
        reassigned = "user_id" in vals and any(
            order.user_id.id != vals["user_id"] for order in self
        )
        if reassigned:
            self.check_access("write")
            self._assert_may_assign(self.env["res.users"].browse(vals["user_id"]))
            assignees = self._assignees_by_order()
        if vals.get("contact_phone") or vals.get("partner_name"):
            # the phone's region and a new customer depend on each order
            if len(self) > 1:
                for order in self:
                    order.write(vals)
                return True
            vals = dict(vals)
            self._prepare_customer_vals(vals, self.company_id)
        vals = {
            fname: value for fname, value in vals.items() if fname != "partner_name"
        }
        result = super().write(vals)
        if "facility_id" in vals or "partner_id" in vals:
            self._link_facility_to_customer()
        if reassigned:
            self._unfollow_former_assignees(assignees)
        return result

    def unlink(self):
        # the bookings go with their order (a cascade in the database): their
        # events and to-do entries, which live in other apps, go too
        self.booking_ids._remove_calendar()
        return super().unlink()

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        for order, vals in zip(self, vals_list, strict=True):
            vals["subject"] = self.env._("%s (copy)", order.subject)
        return vals_list

    def _message_update_content(self, message, body, attachment_ids=None, **kwargs):
        """Editing or deleting a message in the chatter removes its files as
        superuser (``/mail/message/update_content``): the same right as any
        other deletion of an order's files applies."""
        if attachment_ids is not None:
            removed = message.attachment_ids - self.env["ir.attachment"].browse(
                attachment_ids
            )
            removed.with_env(self.env)._assert_contact_order_file_deletion()
        return super()._message_update_content(
            message, body, attachment_ids=attachment_ids, **kwargs
        )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_complete(self):
        """Complete the orders: their planned bookings (colleagues' too, the
        form asks first) are cancelled, said in the chatter, and booked again
        if the order is reopened before their time."""
        self._assert_edit_right()
        open_orders = self.filtered(lambda order: order.state != "done")
        for order in open_orders:
            planned = order.booking_ids.filtered(lambda b: b.state == "planned")
            if not planned:
                continue
            order._message_log(
                body=Markup("<p>%s</p><ul>%s</ul>")
                % (
                    self.env._("Completed: these planned bookings are cancelled."),
                    Markup().join(
                        Markup("<li>%s</li>") % booking._summary()
                        for booking in planned
                    ),
                )
            )
            planned._as_system().write({"cancelled_by_completion": True})
            planned.action_cancel()
        open_orders._as_system().write({"state": "done"})
        return True

    def action_reopen(self):
        self._assert_edit_right()
        for order in self.filtered(lambda order: order.state == "done"):
            order._as_system().state = "won" if order._is_won() else "open"
            cancelled = order.booking_ids.filtered("cancelled_by_completion")
            ahead = cancelled.filtered(
                lambda b: b.state == "cancelled" and b.start > fields.Datetime.now()
            )
            cancelled._as_system().write({"cancelled_by_completion": False})
            if ahead:
                ahead._as_system().write({"state": "planned"})
                ahead._sync_calendar()
                order._message_log(
                    body=self.env._(
                        "Reopened: %s booking(s) cancelled on completion are booked "
                        "again.",
                        len(ahead),
                    )
                )
        return True

    def action_assign_to_me(self):
        return self.write({"user_id": self.env.uid})

    # the Bookings tab's presets: a phone call in 1 week ... 6 months
    action_book_in_1_week = _book_in(NEXT_CONTACT_DELAYS["1_week"])
    action_book_in_1_month = _book_in(NEXT_CONTACT_DELAYS["1_month"])
    action_book_in_3_months = _book_in(NEXT_CONTACT_DELAYS["3_months"])
    action_book_in_6_months = _book_in(NEXT_CONTACT_DELAYS["6_months"])

    def action_create_sale_order(self):
        """Open a new quotation prefilled from the order, as sale_crm opens one
        from a lead: nothing is saved until the user saves it, and the order
        is won when a quotation of it is confirmed (see sale.order)."""
        self.ensure_one()
        if not self.env.user.has_group(SALES_GROUP):
            raise AccessError(
                self.env._(
                    "You need access to Sales (at least 'User: Own Documents Only') "
                    "to create a quotation from a contact order."
                )
            )
        self._assert_edit_right(
            self.env._(
                "You need the contact order right 'Edit' to create a quotation from "
                "a contact order."
            )
        )
        if self.state == "done":
            raise UserError(
                self.env._(
                    "Contact order %s is completed: reopen it to create a quotation.",
                    self.name,
                )
            )
        if not self.partner_id:
            raise UserError(
                self.env._("Contact order %s has no customer to quote.", self.name)
            )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sale.action_quotations_with_onboarding"
        )
        action.update(
            views=[(self.env.ref("sale.view_order_form").id, "form")],
            view_mode="form",
            context={
                f"default_{fname}": value
                for fname, value in self._prepare_sale_order_vals().items()
            },
        )
        return action

    def action_view_sale_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sale.action_quotations_with_onboarding"
        )
        action["domain"] = [("contact_order_id", "=", self.id)]
        action["context"] = {
            "default_contact_order_id": self.id,
            "default_partner_id": self.partner_id.id,
        }
        if len(self.sale_order_ids) == 1:
            action.update(
                views=[(self.env.ref("sale.view_order_form").id, "form")],
                res_id=self.sale_order_ids.id,
            )
        return action

    def action_view_attachments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "contact_order.contact_order_attachment_action"
        )
        action["domain"] = [("res_model", "=", self._name), ("res_id", "=", self.id)]
        action["context"] = {"default_res_model": self._name, "default_res_id": self.id}
        return action

    # ------------------------------------------------------------
    # BUSINESS
    # ------------------------------------------------------------

    @api.model
    def _next_number(self, company):
        """Next serial number from the company's own sequence (see res.company)."""
        number = (
            self.env["ir.sequence"]
            .sudo()
            .with_company(company)
            .next_by_code(self._name)
        )
        if not number:
            raise UserError(
                self.env._(
                    "The sequence of contact orders is missing: upgrade the "
                    "Contact Orders module to restore it."
                )
            )
        return number

    def _prepare_sale_order_vals(self):
        self.ensure_one()
        vals = {
            "partner_id": self.partner_id.id,
            "user_id": self.user_id.id,
            "origin": self.name,
            "contact_order_id": self.id,
            "company_id": self.company_id.id,
        }
        delivery = self.facility_id._get_delivery_partner()
        if delivery:
            vals["partner_shipping_id"] = delivery.id
        return vals

    def _is_won(self):
        """Whether the order led to a sale: a confirmed quotation."""
        self.ensure_one()
        return any(so.state == "sale" for so in self.sudo().sale_order_ids)

    def _update_won_state(self):
        """Won while one of its quotations is confirmed, open again when none
        is (all cancelled or back to draft); completed orders stay so.
        Called by sale.order: sudo, as whoever confirms a quotation may not
        edit the contact order."""
        for order in self.sudo().filtered(lambda order: order.state != "done"):
            state = "won" if order._is_won() else "open"
            if order.state != state:
                order._as_system().state = state

    def _link_facility_to_customer(self):
        """A facility created on the fly from an order belongs to its customer,
        at the address typed on the order (when it is not the customer's)."""
        address_fields = ("street", "zip", "city", "country_id")
        for order in self:
            facility = order.facility_id
            if not facility:
                continue
            vals = {}
            if not facility.partner_id:
                vals["partner_id"] = order.partner_id.id
            typed = [order[fname] for fname in address_fields]
            if (
                not (facility.street or facility.city)
                and (order.street or order.city)
                and typed != [order.partner_id[fname] for fname in address_fields]
            ):
                vals.update(
                    {
                        fname: value.id if fname == "country_id" else value
                        for fname, value in zip(address_fields, typed, strict=True)
                    }
                )
            if vals:
                facility.write(vals)

    @api.model
    def _assert_mandatory_vals(self, vals, creating=False):
        for fname in ("subject", "partner_name"):
            if vals.get(fname) and not isinstance(vals[fname], str):
                raise ValidationError(
                    self.env._(
                        "The %(field)s of a contact order must be text, not %(value)r.",
                        field=self._fields[fname]._description_string(self.env),
                        value=vals[fname],
                    )
                )
        if (creating or "subject" in vals) and not (vals.get("subject") or "").strip():
            raise ValidationError(
                self.env._("A contact order needs a subject: what is it about?")
            )
        has_customer = (
            vals.get("partner_id") or (vals.get("partner_name") or "").strip()
        )
        if creating:
            has_customer = (
                has_customer or vals.get("facility_id") or vals.get("equipment_id")
            )
        if (creating or "partner_id" in vals) and not has_customer:
            raise ValidationError(
                self.env._(
                    "A contact order needs a customer: pick an existing customer "
                    "or type the name of a new one."
                )
            )

    def _assert_completed_writable(self, vals):
        blocked = [
            fname
            for fname in vals
            if fname not in DONE_WRITABLE_FIELDS
            and not fname.startswith(DONE_WRITABLE_PREFIXES)
        ]
        done = self.filtered(lambda order: order.state == "done")
        if blocked and done:
            raise UserError(
                self.env._(
                    "Contact order %(orders)s is completed and can no longer be "
                    "changed, except for its notes. Reopen it first.",
                    orders=", ".join(done.mapped("name")),
                )
            )

    def _assert_edit_right(self, message=None):
        """Buttons and notes change orders beyond their fields' access: check
        the Edit right on the orders explicitly so that nothing gets around it.
        No order, nothing to check: other apps' records (a quotation, an
        activity, a meeting) pass through here on their way."""
        if self.env.su or not self:
            return
        if not self.env.user.has_group("contact_order.group_edit"):
            raise AccessError(
                message
                or self.env._(
                    "You need the contact order right 'Edit' to change a contact order."
                )
            )
        self.check_access("write")

    @api.model
    def _assert_may_assign(self, user, free_self=False):
        """Who sees and owns an order changes only through the rights Assign
        (anyone) and Assign self (oneself), whatever the door: the order's
        responsible, a booking's assignee, on create or on write. Only users
        with Contact Orders rights can receive an order or a booking.

        :param user: the new responsible or assignee (empty: unassigned)
        :param free_self: the current user may take it without Assign self
            (they create the order, or are already assigned to it)
        """
        if self.env.su:
            return
        me = self.env.user
        may_take = user == me and (
            free_self or me.has_group("contact_order.group_assign_self")
        )
        if not may_take and not me.has_group("contact_order.group_assign"):
            if user == me:
                message = self.env._(
                    "You need the contact order right 'Assign self' or 'Assign' to "
                    "make yourself responsible for a contact order or assignee of "
                    "a booking."
                )
            else:
                message = self.env._(
                    "You need the contact order right 'Assign' to make someone else "
                    "responsible for a contact order or assignee of a booking, or "
                    "to leave an order unassigned."
                )
            raise AccessError(message)
        if user and not any(
            user.has_group(group) for group in CONTACT_ORDER_READERS.split(",")
        ):
            raise ValidationError(
                self.env._(
                    "%s has no Contact Orders rights and could not open the order: "
                    "an administrator gives them 'View' or 'View only assigned' "
                    "first.",
                    user.name,
                )
            )

    def _ensure_open_for_bookings(self):
        """Bookings of a completed order are its record: none is added,
        changed or deleted until the order is reopened (the superuser still
        loads history, as demo data and imports do)."""
        if self.env.su:
            return
        done = self.filtered(lambda order: order.state == "done")
        if done:
            raise ValidationError(
                self.env._(
                    "Contact order %s is completed: reopen it to change its bookings.",
                    ", ".join(done.mapped("name")),
                )
            )

    def _assignees_by_order(self):
        """Who sees the orders as assignees now: see _unfollow_former_assignees."""
        return {order: order.assignee_ids for order in self}

    def _unfollow_former_assignees(self, assignees):
        """Users who no longer see an order (they were its responsible or a
        booking's assignee, and cannot read all orders) stop following it:
        otherwise its chatter would still reach them by email. As superuser:
        the user handing an order on may no longer read it, nor manage its
        followers. One unsubscription per set of former assignees, not per
        order (a mass reassignment in the list)."""
        orders_by_former = {}
        for order in self.sudo():
            former = (
                assignees.get(order) or self.env["res.users"]
            ) - order.assignee_ids
            former = former.filtered(
                lambda user: not user.has_group("contact_order.group_view")
            )
            if former:
                orders_by_former.setdefault(former.partner_id, order.browse())
                orders_by_former[former.partner_id] |= order
        for partners, orders in orders_by_former.items():
            orders.message_unsubscribe(partner_ids=partners.ids)
