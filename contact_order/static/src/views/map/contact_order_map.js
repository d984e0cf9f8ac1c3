/** @odoo-module **/
// Copyright 2026 contact_order developers
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
/* global L */
import {Component, onMounted, onWillStart, onWillUnmount, onWillUpdateProps, useRef} from "@odoo/owl";
import {loadCSS, loadJS} from "@web/core/assets";
import {useService} from "@web/core/utils/hooks";

const LEAFLET = "/contact_order/static/lib/leaflet";
const OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
const OSM_ATTRIBUTION =
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

/**
 * The open orders of the current search on an OpenStreetMap map (Leaflet,
 * loaded on demand): one marker per order in its status colour, opening it.
 */
export class ContactOrderMap extends Component {
    static template = "contact_order.ContactOrderMap";
    static props = {domain: Array, context: {type: Object, optional: true}};

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.mapRef = useRef("map");
        this.orders = [];
        onWillStart(async () => {
            await Promise.all([
                loadJS(`${LEAFLET}/leaflet.js`),
                loadCSS(`${LEAFLET}/leaflet.css`),
                this.load(this.props.domain),
            ]);
        });
        onMounted(() => this.renderMap());
        onWillUpdateProps(async (next) => {
            if (JSON.stringify(next.domain) !== JSON.stringify(this.props.domain)) {
                await this.load(next.domain);
                this.renderMarkers();
            }
        });
        onWillUnmount(() => this.map && this.map.remove());
    }

    async load(domain) {
        this.orders = await this.orm.call("contact.order", "get_map_data", [domain]);
    }

    renderMap() {
        this.map = L.map(this.mapRef.el, {scrollWheelZoom: false});
        L.tileLayer(OSM_TILES, {maxZoom: 19, attribution: OSM_ATTRIBUTION}).addTo(this.map);
        this.markers = L.layerGroup().addTo(this.map);
        this.renderMarkers();
    }

    renderMarkers() {
        this.markers.clearLayers();
        const bounds = [];
        for (const order of this.orders) {
            const icon = L.divIcon({
                className: "o_contact_order_map_icon",
                html: `<span class="o_contact_order_map_marker o_colorlist_item_color_${
                    order.color || 0
                }" data-order-id="${order.id}"></span>`,
                iconSize: [18, 18],
            });
            const marker = L.marker([order.latitude, order.longitude], {
                icon,
                title: order.display_name,
            });
            marker.on("click", () => this.openOrder(order.id));
            marker.addTo(this.markers);
            bounds.push([order.latitude, order.longitude]);
        }
        if (bounds.length) {
            this.map.fitBounds(bounds, {padding: [30, 30], maxZoom: 15});
        } else {
            // Sweden, where the addon's users are
            this.map.setView([62.0, 15.0], 4);
        }
    }

    openOrder(orderId) {
        this.action.doAction({
            type: "ir.actions.act_window",
            res_model: "contact.order",
            res_id: orderId,
            views: [[false, "form"]],
        });
    }
}
