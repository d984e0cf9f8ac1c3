/** @odoo-module */
/* Copyright 2026 contact_order developers
   License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */

import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

const tours = registry.category("web_tour.tours");

/* Typing part of a customer's name and Enter finds their orders. */
tours.add("contact_order_search_customer", {
    steps: () => [
        {
            trigger: ".o_list_view .o_data_row",
            content: "the app opens on the orders",
        },
        {
            trigger: ".o_searchview_facet:contains(My Contact Orders) .o_facet_remove",
            run: "click",
        },
        {
            trigger: ".o_searchview_input",
            run: "edit Nordisk",
        },
        {
            trigger: ".o_searchview_autocomplete .o_menu_item:first:contains(Contact Order)",
            content: "the first search field is the combined one",
        },
        {
            trigger: ".o_searchview_input",
            run: "press Enter",
        },
        {
            trigger: ".o_list_view .o_data_row:contains(Pump service)",
        },
        {
            trigger: ".o_list_view:not(:has(.o_data_row:contains(Unrelated order)))",
        },
    ],
});

/* A technician hands their order on to a salesperson; a colleague without
   Contact Orders rights is not offered. The technician sees only their own
   orders: they are back on the list, where the order is no longer theirs. */
tours.add("contact_order_hand_over", {
    steps: () => [
        {
            trigger: ".o_form_view .o_field_widget[name=user_id] span:contains(Tekla Tekniker)",
            content: "the responsible is shown, not editable here",
        },
        {
            trigger: ".o_form_view .o_form_statusbar button:contains(Hand Over)",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=user_id] input",
            run: "edit Ut",
        },
        {
            trigger: ".modal .o_field_widget[name=user_id] .o-autocomplete--dropdown-menu",
        },
        {
            trigger:
                ".modal .o_field_widget[name=user_id]:not(:has(.o-autocomplete--dropdown-item:contains(Utan Rättigheter)))",
            content: "no one without Contact Orders rights is offered",
        },
        {
            trigger: ".modal .o_field_widget[name=user_id] input",
            run: "edit Sam",
        },
        {
            trigger:
                ".modal .o_field_widget[name=user_id] .o-autocomplete--dropdown-item > a:contains(Sam Säljare)",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=message] textarea",
            run: "edit The customer wants an offer for a new pump",
        },
        {
            trigger: ".modal footer button:contains(Hand Over)",
            run: "click",
        },
        {
            trigger: ".o_notification:contains(handed over to Sam Säljare)",
        },
        {
            trigger: ".o_list_view:not(:has(.o_data_row:contains(Pump service)))",
            content: "back on the list, where the order is no longer the technician's",
        },
    ],
});
