/** @odoo-module */
/* Copyright 2026 contact_order developers
   License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */

import {BadgeField, badgeField} from "@web/views/fields/badge/badge_field";
import {registry} from "@web/core/registry";

/* The status of a contact order as a badge in the colour the admin gave it,
   as the kanban shows it (Odoo's badge takes decorations only). */
export class StatusBadgeField extends BadgeField {
    static template = "contact_order.StatusBadgeField";

    get colorClass() {
        const color = this.props.record.data.color;
        return color ? `o_tag o_tag_color_${color}` : "text-bg-300";
    }
}

registry.category("fields").add("contact_order_status_badge", {
    ...badgeField,
    component: StatusBadgeField,
    supportedTypes: ["many2one"],
    fieldDependencies: [{name: "color", type: "integer"}],
});
