/** @odoo-module */
/* Copyright 2026 contact_order developers
   License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */

import {registry} from "@web/core/registry";

/* The assignee drags a booking's meeting to another day in Odoo's Calendar;
   the test then finds the booking moved (see test_booking_tour.py). */
registry.category("web_tour.tours").add("contact_order_booking_drag_in_calendar", {
    steps: () => [
        {
            trigger: ".scale_button_selection",
            run: "click",
        },
        {
            trigger: ".o_scale_button_month",
            run: "click",
        },
        {
            trigger: ".fc-dayGridMonth-view .fc-event:contains(Drag me to the 15th)",
            content: "the booking's meeting is in the assignee's calendar",
            run: 'drag_and_drop .fc-daygrid-day[data-date$="-15"] .fc-daygrid-day-events',
        },
        {
            trigger:
                '.fc-daygrid-day[data-date$="-15"] .fc-event:contains(Drag me to the 15th)',
            content: "the meeting landed on the 15th",
        },
    ],
});
