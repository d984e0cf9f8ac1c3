# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

CONTACT_ORDER_READERS = "contact_order.group_view,contact_order.group_view_assigned"


def contact_order_users_domain(env):
    """Users who can open a contact order: the only ones who may be made
    responsible for one or assignee of a booking (see _assert_may_assign)."""
    readers = [env.ref(xmlid).id for xmlid in CONTACT_ORDER_READERS.split(",")]
    return [("share", "=", False), ("groups_id", "in", readers)]


class ContactOrderCountMixin(models.AbstractModel):
    """Smart button and "New contact order" for the records an order links to
    (customers, facilities and service objects)."""

    _name = "contact.order.count.mixin"
    _description = "Contact Order Smart Button"

    # the field that holds the customer who owns the record, where one does
    # (facilities, service objects): see _assert_owned_by
    _contact_order_owner_field = None

    contact_order_count = fields.Integer(
        string="Contact Orders",
        compute="_compute_contact_order_count",
        groups=CONTACT_ORDER_READERS,
    )

    def _compute_contact_order_count(self):
        groups = self.env["contact.order"]._read_group(
            self._contact_order_domain(),
            [self._contact_order_group_field()],
            ["__count"],
        )
        counts = {record.id: count for record, count in groups}
        for record in self:
            record.contact_order_count = counts.get(record.id, 0)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used_by_contact_orders(self):
        """Orders keep the customer, facility or service object they are
        about: one in use is archived, not deleted (sudo: an order the user
        cannot see counts too)."""
        used = (
            self.env["contact.order"]
            .sudo()
            .with_context(active_test=False)
            .search(self._contact_order_domain(), limit=1)
        )
        if used:
            raise UserError(
                self.env._(
                    "%(record)s is used by contact order %(order)s: archive it "
                    "instead of deleting it.",
                    record=(self & used[self._contact_order_group_field()]).display_name
                    or self[:1].display_name,
                    order=used.name,
                )
            )

    def action_view_contact_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "contact_order.contact_order_action"
        )
        action["domain"] = self._contact_order_domain()
        action["context"] = self._contact_order_defaults()
        return action

    def action_new_contact_order(self):
        self.ensure_one()
        action = self.env["contact.order"].get_formview_action()
        action.update(
            name=self.env._("New Contact Order"), context=self._contact_order_defaults()
        )
        return action

    def _contact_order_group_field(self):
        """Field of contact.order that points to this model."""
        return self._fields["contact_order_ids"].inverse_name

    def _contact_order_domain(self):
        return [(self._contact_order_group_field(), "in", self.ids)]

    def _contact_order_defaults(self):
        """Context defaults of a contact order created from this record."""
        self.ensure_one()
        return {f"default_{self._contact_order_group_field()}": self.id}

    def _assert_owned_by(self, customer, record):
        """Refuse to link this facility or service object to ``record`` (a
        contact order or a service object) of a customer that does not own
        it; a contact person of the owner is the owner."""
        owner = self[self._contact_order_owner_field].commercial_partner_id
        customer = customer.commercial_partner_id
        if owner and owner != customer:
            link = self.env["contact.order"]._fields[self._contact_order_group_field()]
            raise ValidationError(
                self.env._(
                    "%(kind)s %(name)s belongs to %(owner)s, not to %(customer)s, "
                    "the customer of %(record)s.",
                    kind=link._description_string(self.env),
                    name=self.display_name,
                    owner=owner.display_name,
                    customer=customer.display_name or self.env._("no customer"),
                    record=record.display_name,
                )
            )
