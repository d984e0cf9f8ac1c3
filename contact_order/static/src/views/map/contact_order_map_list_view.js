/** @odoo-module **/
// Copyright 2026 contact_order developers
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import {ContactOrderMap} from "./contact_order_map";
import {ListController} from "@web/views/list/list_controller";
import {listView} from "@web/views/list/list_view";
import {registry} from "@web/core/registry";

/** The order list with the map of its open orders above it. */
export class ContactOrderMapListController extends ListController {
    static template = "contact_order.MapListView";
    static components = {...ListController.components, ContactOrderMap};
}

registry.category("views").add("contact_order_map_list", {
    ...listView,
    Controller: ContactOrderMapListController,
});
