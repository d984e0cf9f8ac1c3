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
            // after the form's and the dialog's own focus, which may come
            // after the editor has loaded: for half a second, until the
            // user clicks or types somewhere
            let tries = 10;
            let userActed = false;
            const onUserAction = () => (userActed = true);
            const events = ["pointerdown", "keydown"];
            events.forEach((type) =>
                document.addEventListener(type, onUserAction, {capture: true})
            );
            const focusText = () => {
                const editable = editor.editable;
                if (userActed || !editable?.isConnected || tries-- <= 0) {
                    events.forEach((type) =>
                        document.removeEventListener(type, onUserAction, {
                            capture: true,
                        })
                    );
                    return;
                }
                if (!editable.contains(document.activeElement)) {
                    editable.focus();
                }
                setTimeout(focusText, 50);
            };
            setTimeout(focusText);
        }
    },
});
