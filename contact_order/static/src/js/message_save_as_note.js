/** @odoo-module */
/* Copyright 2026 contact_order developers
   License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */

import {_t} from "@web/core/l10n/translation";
import {messageActionsRegistry} from "@mail/core/common/message_actions";

/* "Save as Note" on a message of a contact order's chatter: a dialog asks
   for the time spent and the model saves the message as a note of the order
   (it checks the right Edit, and that the message is the order's). */
messageActionsRegistry.add("contact-order-save-as-note", {
    condition: (component) => {
        const message = component.props.message;
        return (
            message.thread?.model === "contact.order" &&
            component.store.self.isInternalUser &&
            ["email", "comment", "email_outgoing"].includes(message.message_type) &&
            !message.isBodyEmpty
        );
    },
    icon: "fa fa-sticky-note-o",
    title: _t("Save as Note"),
    onClick: (component) =>
        component.env.services.action.doAction(
            "contact_order.contact_order_note_from_message_action",
            {additionalContext: {default_message_id: component.props.message.id}}
        ),
    // first: on a contact order it is the message's main action
    sequence: 5,
});
