from . import contact_order_hand_over
