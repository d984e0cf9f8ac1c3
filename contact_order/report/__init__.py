from . import contact_order_effort_report
from . import contact_order_report
