/** @odoo-module */
/* Copyright 2026 contact_order developers
   License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */

import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

const tours = registry.category("web_tour.tours");

/* The order form, whichever way its subject is shown: as text when the user
   may not edit the order, in an input when they may. */
function orderFormOf(subject) {
    return (
        `.o_form_view:has(.o_field_widget[name=name]) .o_field_widget[name=subject]:contains(${subject}), ` +
        `.o_form_view:has(.o_field_widget[name=name]) .o_field_widget[name=subject] input:value(${subject})`
    );
}

/* At 1440 px: the date reads whole, secondary columns wait in the optional
   menu, a row opens its contact order and New opens a new one. */
tours.add("contact_order_todo_desktop", {
    steps: () => [
        {
            trigger:
                ".o_list_view thead:has(th[data-name=date]):has(th[data-name=start_time]):has(th[data-name=subject]):has(th[data-name=partner_id]):has(th[data-name=status_id])",
            content: "the main columns are there",
        },
        {
            trigger:
                ".o_list_view thead:not(:has(th[data-name=order_id])):not(:has(th[data-name=user_id]))",
            content: "secondary columns are optional, hidden by default",
        },
        {
            trigger: ".o_data_row:contains(Pump service) td[name=date]:not(:empty)",
            content: "the date is shown whole",
            run() {
                const cell = this.anchor;
                if (cell.scrollWidth > cell.clientWidth) {
                    throw new Error(`date cut: ${cell.scrollWidth} > ${cell.clientWidth}`);
                }
            },
        },
        {
            trigger: ".o_data_row:contains(Pump service) td[name=start_time]:not(:empty)",
            content: "a booking shows its time",
        },
        {
            trigger: ".o_data_row:contains(Pump service) td[name=subject]",
            run: "click",
        },
        {
            trigger: orderFormOf("Pump service"),
            content: "the row opens the contact order",
        },
        {
            trigger: ".o_breadcrumb .breadcrumb-item a:contains(My To-do)",
            run: "click",
        },
        {
            trigger: ".o_control_panel button[name=action_new_contact_order]",
            run: "click",
        },
        {
            trigger: ".o_breadcrumb:has(.breadcrumb-item:contains(My To-do)) .active:contains(New)",
            content: "New opens the form of a new contact order",
        },
        {
            trigger: ".o_form_view:has(.o_field_widget[name=name]) .o_field_widget[name=subject] input",
            run: "edit Created from My To-do",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=partner_id] input",
            run: "edit Todo Kund",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name=partner_id] .o-autocomplete--dropdown-item > a:contains(Todo Kund AB)",
            run: "click",
        },
        ...stepUtils.saveForm(),
        {
            trigger: ".o_form_view .o_field_widget[name=name]:contains(CO)",
            content: "the order got its serial number",
        },
    ],
});

/* On a 390 px phone My To-do opens as cards: subject and customer, a tap
   opens the contact order. */
tours.add("contact_order_todo_phone", {
    steps: () => [
        {
            trigger: ".o_kanban_view .o_kanban_record:contains(Pump service):contains(Todo Kund AB)",
            content: "the card shows the subject and the customer",
        },
        {
            trigger: ".o_kanban_record:contains(Pump service)",
            run: "click",
        },
        {
            trigger: orderFormOf("Pump service"),
            content: "the card opens the contact order",
        },
    ],
});

/* On a phone the New of My To-do sits in the menu next to the search: it
   opens the form of a new contact order. */
tours.add("contact_order_todo_phone_new", {
    steps: () => [
        {
            trigger: ".o_kanban_view .o_kanban_record:contains(Pump service)",
        },
        {
            trigger: ".o_control_panel button.o_control_panel_collapsed_create.dropdown-toggle",
            run: "click",
        },
        {
            trigger: ".o_control_panel .dropdown-menu button[name=action_new_contact_order]",
            run: "click",
        },
        {
            trigger: ".o_form_view:has(.o_field_widget[name=name]) .o_field_widget[name=subject] input",
            content: "the form of a new contact order",
            run() {
                if (this.anchor.value || !window.location.pathname.endsWith("/new")) {
                    throw new Error(`not a new order: ${window.location.pathname}`);
                }
            },
        },
    ],
});
