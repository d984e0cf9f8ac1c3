/** @odoo-module */
/* Copyright 2026 contact_order developers
   License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */

import {registry} from "@web/core/registry";

/* The map shows the markers of the searched orders, and a marker opens its
   order. */
registry.category("web_tour.tours").add("contact_order_map_markers", {
    steps: () => [
        {
            trigger: ".o_contact_order_map .leaflet-container, .o_contact_order_map.leaflet-container",
            content: "the map is drawn",
        },
        {
            trigger: ".o_searchview_input",
            run: "edit Kartkund",
        },
        {
            trigger: ".o_searchview_autocomplete .o_menu_item:contains(Customer)",
            run: "click",
        },
        {
            trigger: ".o_data_row:contains(Kartkund)",
        },
        {
            trigger: ".o_contact_order_map_count:contains(2 open orders)",
            content: "the two open orders of the customer with a place",
            run() {
                const markers = document.querySelectorAll(
                    ".o_contact_order_map .o_contact_order_map_marker[data-order-id]"
                );
                if (markers.length !== 2) {
                    throw new Error(`${markers.length} markers, not 2`);
                }
            },
        },
        {
            trigger:
                ".o_contact_order_map .leaflet-marker-icon[title*='Kartorder norr'] .o_contact_order_map_marker.o_colorlist_item_color_4",
            content: "markers in the colour of their status",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=subject] input:value(Kartorder norr)",
            content: "the marker opened its order",
        },
    ],
});
