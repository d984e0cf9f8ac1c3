# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup, escape

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools import email_normalize, is_html_empty

from .contact_order_contact import CONTACT_PERSON_FIELDS
from .contact_order_count_mixin import contact_order_users_domain

PRIORITIES = [
    ("0", "Normal"),
    ("1", "Good"),
    ("2", "Very Good"),
    ("3", "Excellent"),
]
OUTCOMES = [
    ("won", "Won"),
    ("lost", "Lost"),
    ("no_interest", "No Interest"),
    ("other", "Other"),
    # set by the merge only (see _merge_into)
    ("merged", "Merged"),
]
# what the Complete dialog offers
COMPLETE_OUTCOMES = [outcome for outcome in OUTCOMES if outcome[0] != "merged"]


class ContactOrder(models.Model):
    """The follow-up habits of issue #18 on the order, in one extension:
    how promising it is, as CRM qualifies a lead (tags, priority stars, an
    estimated value in the company's currency); how it ended (the outcome
    and lost reason, asked when it is completed, see
    contact.order.complete, cleared when it is reopened; only completing
    sets them); the other open orders of its customer, facility or service
    object, shown on the form as the new-customer match is, and their merge
    (as CRM merges opportunities)."""

    _inherit = "contact.order"  # pylint: disable=consider-merging-classes-inherited
    _system_fields = ("outcome", "lost_reason_id", "merged_into_id")

    tag_ids = fields.Many2many(
        "contact.order.tag",
        "contact_order_tag_rel",
        "order_id",
        "tag_id",
        string="Tags",
    )
    priority = fields.Selection(
        PRIORITIES, default="0", index=True, tracking=True, required=True
    )
    expected_value = fields.Monetary(
        string="Estimated Value",
        currency_field="currency_id",
        tracking=True,
        aggregator="sum",
        help="What the contact may bring in, in the company's currency.",
    )
    outcome = fields.Selection(
        OUTCOMES, readonly=True, copy=False, tracking=True, index="btree_not_null"
    )
    lost_reason_id = fields.Many2one(
        "contact.order.lost.reason",
        string="Reason",
        readonly=True,
        copy=False,
        tracking=True,
        index="btree_not_null",
        ondelete="restrict",
    )
    duplicate_order_ids = fields.Many2many(
        "contact.order",
        string="Open Orders of the Same Customer",
        compute="_compute_duplicate_order_ids",
        help="Other open orders of this customer, facility or service object "
        "that you can see.",
    )
    merged_into_id = fields.Many2one(
        "contact.order",
        string="Merged into",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
    )

    @api.depends("partner_id", "facility_id", "equipment_id")
    @api.depends_context("uid")
    def _compute_duplicate_order_ids(self):
        for order in self:
            domain = order._duplicate_domain()
            order.duplicate_order_ids = (
                self.search(domain, limit=10) if domain else self.browse()
            )

    def _duplicate_domain(self):
        """Open orders (the user's rights apply) of the same customer, or at
        the same facility or service object."""
        self.ensure_one()
        links = []
        customer = self.partner_id.commercial_partner_id
        if customer:
            links.append([("partner_id", "child_of", customer.id)])
        if self.facility_id:
            links.append([("facility_id", "=", self.facility_id.id)])
        if self.equipment_id:
            links.append([("equipment_id", "=", self.equipment_id.id)])
        if not links:
            return []
        return expression.AND(
            [
                [("state", "!=", "done"), ("id", "!=", self._origin.id or 0)],
                expression.OR(links),
            ]
        )

    def action_reopen(self):
        done = self.filtered(lambda order: order.state == "done")
        merged = done.filtered("merged_into_id")
        if merged:
            # its notes, bookings and chatter are on the order kept
            raise UserError(
                self.env._(
                    "Contact order %s was merged into another order: it stays "
                    "completed, continue on the order it was merged into.",
                    ", ".join(merged.mapped("name")),
                )
            )
        result = super().action_reopen()
        done._as_system().write({"outcome": False, "lost_reason_id": False})
        return result

    def _complete_with_outcome(self, outcome, reason):
        """Complete the orders with this outcome and, unless won, reason
        (a lost reason record, read with the user's rights)."""
        self._assert_edit_right()
        if outcome not in dict(OUTCOMES):
            raise ValidationError(
                self.env._("Choose how the contact ended: %s is no outcome.", outcome)
            )
        reason = reason if outcome != "won" else reason.browse()
        if reason:
            reason.check_access("read")
            if not reason.active:
                raise ValidationError(
                    self.env._(
                        "Reason %s is archived: choose another one.", reason.name
                    )
                )
        open_orders = self.filtered(lambda order: order.state != "done")
        open_orders._as_system().write(
            {"outcome": outcome, "lost_reason_id": reason.id}
        )
        return open_orders.action_complete()

    @api.model
    def _mail_order_from_subject(self, msg_dict, values):
        """The number of a merged order stands for the order it was merged
        into, when the sender has to do with that one too."""
        order = super()._mail_order_from_subject(msg_dict, values)
        kept, seen = order, order
        while kept.merged_into_id and kept.merged_into_id not in seen:
            kept = kept.merged_into_id
            seen |= kept
        if kept == order:
            return order
        email = email_normalize(msg_dict.get("email_from") or "")
        return kept if self._mail_sender_check(email)(kept) else order

    def action_merge_orders(self):
        """The form's Merge: this order and its duplicates, in the dialog."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "contact_order.contact_order_merge_action"
        )
        action["context"] = {
            "default_order_ids": (self | self.duplicate_order_ids).ids,
            "default_target_id": self.id,
        }
        return action

    def _merge_into(self, target):
        """Merge these orders into ``target``, as CRM merges leads: their
        notes, bookings (with their meetings and to-do entries), chatter,
        documents, quotations, tags and followers (who may read ``target``)
        move, and ``target`` takes what it lacks of their details; each is
        kept completed as merged, with a link to ``target``. Everything is
        checked with the user's rights first (Edit on every order, which
        reads them too, and Assign for whom the bookings bring in); the
        moves are then the module's, of records found from the merged
        orders."""
        target = target.with_env(self.env)
        target.ensure_one()
        sources = self - target
        orders = sources | target
        orders.check_access("read")
        orders._assert_edit_right(
            self.env._("You need the contact order right 'Edit' to merge orders.")
        )
        if not sources:
            raise UserError(self.env._("Choose at least two orders to merge."))
        done = orders.filtered(lambda order: order.state == "done")
        if done:
            raise UserError(
                self.env._(
                    "Contact order %s is completed: reopen it to merge it.",
                    ", ".join(done.mapped("name")),
                )
            )
        if len(orders.company_id) > 1:
            raise UserError(
                self.env._("Orders of different companies cannot be merged.")
            )
        if len(orders.partner_id.commercial_partner_id) > 1:
            raise UserError(
                self.env._(
                    "Orders of different customers cannot be merged: %s.",
                    ", ".join(orders.partner_id.commercial_partner_id.mapped("name")),
                )
            )
        # sudo: to find every booking; who comes in with them is checked as
        # the user (a booking makes its assignee a reader of its order), but
        # for a past booking of a former colleague (archived, or without
        # Contact Orders rights now), who could not read the order anyway
        bookings = sources.sudo().booking_ids
        newcomers = bookings.user_id - target.assignee_ids
        readers = newcomers.filtered_domain(
            [("active", "=", True), *contact_order_users_domain(self.env)]
        )
        planned = bookings.filtered(lambda b: b.state == "planned").user_id
        for user in newcomers & (readers | planned):
            target._assert_may_assign(user)
        assignees = sources._assignees_by_order()
        sources._merge_bookings_into(target)
        target._merge_history_from(sources)
        # sudo: notes and files cannot be moved otherwise (a note stays on its
        # order, moving a file off an order is deleting it), and quotations
        # may be out of the user's Sales rights; all found from the merged
        # orders, whose editing was checked above
        sources.sudo().note_ids.write({"order_id": target.id})
        self.env["ir.attachment"].sudo().search(
            [("res_model", "=", self._name), ("res_id", "in", sources.ids)]
        ).write({"res_id": target.id})
        sources.sudo().sale_order_ids.with_context(tracking_disable=True).write(
            {"contact_order_id": target.id}
        )
        target._merge_followers_from(sources)
        # the assignees of the moved bookings lost sight of the merged orders
        sources._unfollow_former_assignees(assignees)
        vals = target._merge_values_from(sources)
        if vals:
            target.write(vals)
        for source in sources:
            source._as_system().write({"merged_into_id": target.id})
            # the link is markup, the translated sentence is escaped
            source._message_log(
                body=escape(self.env._("Merged into %s")) % target._get_html_link()
            )
        target._message_log(
            body=escape(self.env._("Merged with %s"))
            % Markup(", ").join(source._get_html_link() for source in sources)
        )
        sources._complete_with_outcome("merged", self.env["contact.order.lost.reason"])
        target._update_won_state()
        return target

    def _merge_values_from(self, sources):
        """What this order takes of ``sources``, as CRM merges leads: all
        their tags, the highest priority, their descriptions after its own,
        and the estimated value, follow-up date (the earliest) and contact
        person it lacks."""
        self.ensure_one()
        vals = {}
        tags = sources.tag_ids - self.tag_ids
        if tags:
            vals["tag_ids"] = [Command.link(tag.id) for tag in tags]
        priority = max((self | sources).mapped("priority"))
        if priority != self.priority:
            vals["priority"] = priority
        if not self.expected_value:
            value = next((o.expected_value for o in sources if o.expected_value), 0)
            if value:
                vals["expected_value"] = value
        dates = [order.planned_date for order in sources if order.planned_date]
        if not self.planned_date and dates:
            vals["planned_date"] = min(dates)
        if not (self.contact_partner_id or self.contact_name):
            vals.update(self._merge_contact_person_from(sources))
        descriptions = [
            order.description
            for order in sources
            if not is_html_empty(order.description)
        ]
        if descriptions:
            if not is_html_empty(self.description):
                descriptions.insert(0, self.description)
            vals["description"] = Markup("<br><br>").join(descriptions)
        return vals

    def _merge_contact_person_from(self, sources):
        """The contact person of the first of ``sources`` that has one."""
        for order in sources:
            contact = order.contact_partner_id
            if contact and self._is_customer_contact(contact):
                return {"contact_partner_id": contact.id}
            if order.contact_name:
                return {
                    fname: order[fname]
                    for fname in CONTACT_PERSON_FIELDS
                    if order[fname]
                }
        return {}

    def _merge_followers_from(self, sources):
        """The followers of ``sources`` follow this order too, except users
        who cannot read it: its chatter would reach them by email."""
        self.ensure_one()
        partners = sources.message_partner_ids - self.message_partner_ids
        users = partners.user_ids.filtered(lambda user: not user.share)
        unreadable = users - self._readers_among(users)
        self.message_subscribe(partner_ids=(partners - unreadable.partner_id).ids)

    def _readers_among(self, users):
        """Those of ``users`` who may read this order, each in their own
        companies (not in those the merging user has active), asked once
        per user."""
        self.ensure_one()
        return users.filtered(
            lambda user: (
                self.with_user(user)
                .with_context(allowed_company_ids=user.company_ids.ids)
                .has_access("read")
            )
        )

    def _merge_history_from(self, sources):
        """Move the chatter of ``sources`` here, as CRM's merge moves the
        history: their messages (whose subject says which order they come
        from; their files follow with the order's), activities and meetings.
        An activity of someone who cannot read this order stays: it would
        point them at an order they cannot open."""
        self.ensure_one()
        # sudo: every message, activity and meeting of the merged orders,
        # whose editing was checked, as the module moves their notes
        for source in sources.sudo():
            messages = source.message_ids
            for message in messages.filtered("subject"):
                message.subject = self.env._(
                    "From %(order)s: %(subject)s",
                    order=source.name,
                    subject=message.subject,
                )
            messages.filtered(lambda message: not message.subject).subject = self.env._(
                "From %s", source.name
            )
            messages.write({"res_id": self.id, "record_name": self.display_name})
        activities = (
            self.env["mail.activity"]
            .sudo()
            .with_context(active_test=False)
            .search([("res_model", "=", self._name), ("res_id", "in", sources.ids)])
        )
        readers = self._readers_among(activities.user_id)
        moved = activities.filtered(
            lambda activity: (
                not activity.active
                or not activity.user_id
                or activity.user_id in readers
            )
        )
        moved.write({"res_id": self.id})
        # a meeting stays with the activity it belongs to
        events = (
            self.env["calendar.event"]
            .sudo()
            .with_context(active_test=False)
            .search([("res_model", "=", self._name), ("res_id", "in", sources.ids)])
        )
        (events - (activities - moved).calendar_event_id).write({"res_id": self.id})

    def _merge_bookings_into(self, target):
        """Move the bookings of these orders to ``target``. The calendar
        events and to-do entries of the planned ones move along, as CRM's
        merge moves meetings: what the assignee added in Calendar stays, and
        nobody is told of them again; they take the name of ``target``."""
        # sudo: to find every booking, as the notes are
        bookings = self.sudo().booking_ids.with_env(self.env)
        bookings._as_system().write({"order_id": target.id})
        # the planned ones' meetings and to-dos follow their order
        bookings._sync_calendar()
