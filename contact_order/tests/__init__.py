from . import test_contact_order
from . import test_contact_order_note
from . import test_contact_order_booking
from . import test_registers
from . import test_security
from . import test_sale_conversion
from . import test_documents_map
from . import test_reminders
