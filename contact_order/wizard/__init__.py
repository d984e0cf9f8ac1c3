from . import contact_order_hand_over
from . import contact_order_note_from_message
from . import contact_order_log_contact
from . import contact_order_complete
from . import contact_order_merge
