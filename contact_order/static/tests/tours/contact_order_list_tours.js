/** @odoo-module */
/* Copyright 2026 contact_order developers
   License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */

import {registry} from "@web/core/registry";

const tours = registry.category("web_tour.tours");

/* The order list reads at 1440 px: the columns that matter, the scheduled
   date of an order that has a booking, completed orders in dark blue. */
tours.add("contact_order_list_reads", {
    steps: () => [
        {
            trigger:
                ".o_list_view thead:has(th[data-name=subject]):has(th[data-name=partner_id]):has(th[data-name=status_id]):has(th[data-name=user_id]):has(th[data-name=scheduled_date])",
            content: "the main columns are there",
        },
        {
            trigger: ".o_list_view thead:not(:has(th[data-name=facility_id]))",
            content: "secondary columns are optional, hidden by default",
        },
        {
            trigger:
                ".o_data_row:contains(Booked order) td[name=scheduled_date]:not(:empty)",
            content: "an order with a booking has a scheduled date",
        },
        {
            trigger:
                ".o_data_row:contains(Booked order) td[name=status_id] .badge.o_tag_color_4:contains(Coloured)",
            content: "the status is a badge in the admin's colour, as in the kanban",
        },
        {
            trigger: ".o_contact_order_list .o_data_row.text-info:contains(Finished order)",
            content: "the completed order is marked",
            run() {
                const color = getComputedStyle(this.anchor).color;
                if (color !== "rgb(31, 60, 115)") {
                    throw new Error(`completed order in ${color}, not dark blue`);
                }
            },
        },
    ],
});

/* On a phone the orders open as cards with subject and customer. */
tours.add("contact_order_phone_cards", {
    steps: () => [
        {
            trigger:
                ".o_kanban_record:contains(Booked order):contains(Telefon Kund AB)",
            content: "the card shows the subject and the customer",
        },
        {
            trigger: ".o_kanban_record:contains(Booked order)",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=subject]:contains(Booked order), .o_form_view .o_field_widget[name=subject] input:value(Booked order)",
            content: "the card opens the order",
        },
        {
            trigger: ".o_notebook a[name=bookings]",
            run: "click",
        },
        {
            trigger:
                ".o_field_widget[name=booking_ids] .o_kanban_record:contains(Phone Call):contains(Planned)",
            content: "bookings are cards on a phone, not cut rows",
        },
    ],
});
