"""A small hand-made labelled set: three themes, clear words for each, and a sentiment per text."""

WAITING = "Timeliness of care"
STAFF = "Staff manner & personal attributes"
FOOD = "Food & drink provision & facilities"

EXAMPLES = [
    ("The ambulance was two hours late", [WAITING], "negative"),
    ("We waited three hours for the transport", [WAITING], "negative"),
    ("Long wait for the ambulance to arrive", [WAITING], "negative"),
    ("The wait was far too long", [WAITING], "negative"),
    ("Waiting times were very long again", [WAITING], "negative"),
    ("The car arrived late and I missed my appointment", [WAITING], "negative"),
    ("Pick up was late, an hour waiting", [WAITING], "neutral"),
    ("Shorter waiting times please", [WAITING], "neutral"),
    ("The nurses were kind and friendly", [STAFF], "positive"),
    ("Staff were so kind and caring", [STAFF], "positive"),
    ("The driver was friendly and helpful", [STAFF], "positive"),
    ("Lovely friendly staff who were kind to my mum", [STAFF], "positive"),
    ("The receptionist was rude to me", [STAFF], "negative"),
    ("A rude and unhelpful driver", [STAFF], "negative"),
    ("Caring, kind staff throughout", [STAFF], "positive"),
    ("Friendly crew, very kind", [STAFF], "positive"),
    ("The food was cold and tasteless", [FOOD], "negative"),
    ("Meals were cold every day", [FOOD], "negative"),
    ("Better food please, the meals are bland", [FOOD], "neutral"),
    ("Hot drinks and food were good", [FOOD], "positive"),
    ("The food on the ward was lovely", [FOOD], "positive"),
    ("No hot meals in the evening, food cold", [FOOD], "negative"),
    ("The driver was kind but the ambulance was late", [STAFF, WAITING], "neutral"),
    ("Friendly staff though the wait was long", [STAFF, WAITING], "neutral"),
    ("Kind nurses, but the food was cold", [STAFF, FOOD], "neutral"),
    ("Late again and the food was cold", [WAITING, FOOD], "negative"),
]
