/** @odoo-module */
/* Copyright 2026 contact_order developers
   License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */

import {HtmlField} from "@html_editor/fields/html_field";
import {patch} from "@web/core/utils/patch";

/* A new note of a contact order opens with the cursor in its text. The form
   focuses its first input when it opens, before the HTML editor has loaded:
   that was the hours ("Time Spent"), and typed text went there. */
patch(HtmlField.prototype, {
    onEditorLoad(editor) {
        super.onEditorLoad(editor);
        const record = this.props.record;
        if (
            record.resModel === "contact.order.note" &&
            record.isNew &&
            this.props.name === "body"
        ) {
            // after the form's and the dialog's own focus
            setTimeout(() => editor.editable?.focus());
        }
    },
});
