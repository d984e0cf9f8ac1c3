/** @odoo-module */
/* Copyright 2026 contact_order developers
   License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */

import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

/* An administrator, outside developer mode, opens a user, gives them the
   level "User: All Orders" and the separate right "Delete uploaded files". */
registry.category("web_tour.tours").add("contact_order_admin_grants_rights", {
    steps: () => [
        {
            trigger: ".o_breadcrumb:contains(Tove Tekniker)",
            content: "the user form is open, not in developer mode",
        },
        {
            trigger: ".o_notebook a[name=access_rights]",
            run: "click",
        },
        {
            trigger: "select:has(option:contains(User: All Orders))",
            content: "the Contact Orders level is a selection",
            run: "selectByIndex 2",
        },
        {
            trigger: ".o_field_widget[name=contact_order_delete_files] input",
            run: "check",
        },
        ...stepUtils.saveForm(),
        {
            trigger: ".o_field_widget[name=contact_order_view] input:checked",
            content: "the level brought View along",
        },
    ],
});
