from . import contact_order_effort_report
