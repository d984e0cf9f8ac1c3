/** @odoo-module */
/* Copyright 2026 contact_order developers
   License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */

import {registry} from "@web/core/registry";

/* A salesperson saves the customer's email in the chatter as a note of the
   order, with the time spent; the test then finds the note (see
   test_mail_gateway.py). */
registry.category("web_tour.tours").add("contact_order_save_message_as_note", {
    steps: () => [
        {
            trigger: ".o-mail-Chatter .o-mail-Message",
            content: "the chatter has loaded: show it",
            run() {
                this.anchor.scrollIntoView();
            },
        },
        {
            // an email's text is in a shadow root: the message by its author
            trigger: ".o-mail-Message:contains(Tour Kund AB)",
            run: "hover",
        },
        {
            trigger: ".o-mail-Message:contains(Tour Kund AB) [title='Save as Note']",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=body]:contains(Kompressorn)",
        },
        {
            trigger: ".modal .o_field_widget[name=hours] input",
            run: "edit 0:30",
        },
        {
            trigger: ".modal-footer button[name=action_save]",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        {
            trigger: ".o_notebook a[name=notes]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=note_ids] .o_data_row:contains(Kompressorn)",
            content: "the email is a note of the order",
        },
    ],
});
