# Copyright 2026 contact_order developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Contact Orders",
    "summary": "Log every contact with a customer: notes, bookings, follow-ups "
    "and conversion to a sales quotation",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/contact-order/contact_order",
    "author": "contact_order developers",
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "depends": ["mail", "calendar", "sale", "maintenance", "sms"],
    "external_dependencies": {"python": ["phonenumbers"]},
    "data": [
        "security/contact_order_groups.xml",
        "security/ir.model.access.csv",
        "security/contact_order_security.xml",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "data/contact_order_status_data.xml",
        "data/ir_config_parameter_data.xml",
        "data/ir_cron_data.xml",
        "views/contact_order_status_views.xml",
        "views/contact_order_note_views.xml",
        "views/contact_order_booking_views.xml",
        "views/contact_order_views.xml",
        "views/contact_facility_views.xml",
        "views/res_partner_views.xml",
        "views/maintenance_equipment_views.xml",
    ],
    "demo": [],
}
