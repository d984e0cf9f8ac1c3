/** @odoo-module */
/* Copyright 2026 contact_order developers
   License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */

import {registry} from "@web/core/registry";

/* Nothing of the element is cut off on the screen's right edge. */
function fitsTheScreen(anchor) {
    const right = anchor.getBoundingClientRect().right;
    if (right > window.innerWidth + 1) {
        throw new Error(`cut at ${window.innerWidth} px: right edge at ${right} px`);
    }
}

/* On a 390 px phone: "I just called, book the next one in a month" from a
   card of My To-do, in one dialog. */
registry.category("web_tour.tours").add("contact_order_log_contact_phone", {
    steps: () => [
        {
            trigger:
                ".o_kanban_view .o_kanban_record:contains(Call about the offer) button[name=action_log_contact]",
            content: "the card of today's call has Log Contact",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=booking_id] input",
            content: "the dialog logs the card's booking",
            run() {
                if (!this.anchor.value.includes("Call about the offer")) {
                    throw new Error(`not the card's booking: ${this.anchor.value}`);
                }
            },
        },
        {
            trigger: ".modal .o_field_widget[name=note] textarea",
            run: "edit Customer wants an offer for two compressors.",
        },
        {
            trigger: ".modal .o_field_widget[name=hours] input",
            run: "edit 0:30",
        },
        {
            trigger: ".modal .o_field_widget[name=next_step] input[data-value='1_month']",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=next_user_id]",
            content: "the next contact's assignee shows once a next contact is chosen",
            run() {
                fitsTheScreen(this.anchor);
            },
        },
        {
            trigger: ".modal .o_field_widget[name=next_type] input[data-value=meeting]",
            run: "click",
        },
        {
            trigger: ".modal .modal-footer button[name=action_log]",
            run() {
                fitsTheScreen(this.anchor);
                this.anchor.click();
            },
        },
        {
            trigger: ".o_notification:contains(Contact logged)",
            content: "a notice says what was booked",
        },
        {
            trigger: "body:not(:has(.modal))",
            content: "the dialog is closed",
        },
        {
            trigger: ".o_kanban_view .o_kanban_record:contains(Call about the offer):contains(Meeting)",
            content: "My To-do shows the next contact instead of today's call",
        },
    ],
});
