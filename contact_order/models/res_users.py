# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.base.models.res_users import name_boolean_group

# The eight rights, as checkboxes of the user form (field: group)
RIGHT_GROUPS = {
    "contact_order_view": "contact_order.group_view",
    "contact_order_view_assigned": "contact_order.group_view_assigned",
    "contact_order_edit": "contact_order.group_edit",
    "contact_order_create": "contact_order.group_create",
    "contact_order_delete": "contact_order.group_delete",
    "contact_order_assign": "contact_order.group_assign",
    "contact_order_assign_self": "contact_order.group_assign_self",
    "contact_order_delete_files": "contact_order.group_delete_files",
}


def _right_field(fname, string):
    """The checkbox ``fname``: membership of its group. A write of the
    checkboxes is one change of groups (see ``ResUsers.write``); the inverse
    serves create, after the new user's default groups. Each has an inverse
    of its own: a write of one checkbox must not read the others, which the
    ORM protects (as not yet computed) while it writes."""

    def inverse(users):
        group = users.env.ref(RIGHT_GROUPS[fname])
        for user in users:
            if user[fname] != (group in user.groups_id):
                command = Command.link if user[fname] else Command.unlink
                user.groups_id = [command(group.id)]

    return fields.Boolean(
        string=string, compute="_compute_contact_order_rights", inverse=inverse
    )


class ResUsers(models.Model):
    """The eight rights on the user form outside developer mode.

    Odoo shows a category of groups there only when its groups form a chain
    (one selection: the levels of ``contact_order_groups.xml``); groups that
    are granted one by one are developer-mode checkboxes. These fields are
    those checkboxes for everyone who manages users: each one is the user's
    membership of its group."""

    _inherit = "res.users"

    contact_order_view = _right_field("contact_order_view", "Contact Orders: View")
    contact_order_view_assigned = _right_field(
        "contact_order_view_assigned", "Contact Orders: View only assigned"
    )
    contact_order_edit = _right_field("contact_order_edit", "Contact Orders: Edit")
    contact_order_create = _right_field(
        "contact_order_create", "Contact Orders: Create"
    )
    contact_order_delete = _right_field(
        "contact_order_delete", "Contact Orders: Delete"
    )
    contact_order_assign = _right_field(
        "contact_order_assign", "Contact Orders: Assign"
    )
    contact_order_assign_self = _right_field(
        "contact_order_assign_self", "Contact Orders: Assign self"
    )
    contact_order_delete_files = _right_field(
        "contact_order_delete_files", "Contact Orders: Delete uploaded files"
    )

    @api.depends("groups_id")
    def _compute_contact_order_rights(self):
        for fname, xmlid in RIGHT_GROUPS.items():
            group = self.env.ref(xmlid)
            for user in self:
                user[fname] = group in user.groups_id

    def write(self, vals):
        unticked = [
            self.env.ref(xmlid)
            for fname, xmlid in RIGHT_GROUPS.items()
            if fname in vals and not vals[fname]
        ]
        # all checkboxes as one change of groups, with the user form's own
        # (Odoo gives back implied groups after each change of groups: one
        # by one, a right unticked before the one implying it would return)
        vals = dict(vals)
        for fname, xmlid in RIGHT_GROUPS.items():
            if fname in vals:
                vals[name_boolean_group(self.env.ref(xmlid).id)] = bool(vals.pop(fname))
        result = super().write(vals)
        if unticked:
            self._assert_rights_removable(unticked)
        return result

    def _assert_rights_removable(self, rights):
        """A right that another group of the user brings along cannot be
        taken away alone: Odoo gives it back at once (the write is undone)."""
        for user in self:
            for right in rights:
                sources = user.groups_id.filtered(
                    lambda group, right=right: right in group.trans_implied_ids
                )
                if sources:
                    raise UserError(
                        self.env._(
                            "%(user)s has the right '%(right)s' through "
                            "%(sources)s: choose a lower level or untick those "
                            "first.",
                            user=user.name,
                            right=right.name,
                            sources=", ".join(f"'{g.full_name}'" for g in sources),
                        )
                    )
