"""Redacted feedback for synthetic history (portal.feedback.synthetic): written for the portal, no one's words.

Each entry is what a moderator would have approved: the words as redacted, with placeholders where
personal details were, the overall rating given, and the codebook themes confirmed. The themes are
named so that a theme's quotes read as being about that theme. More entries touch staff, staffing
and communication than anything else, as real feedback does; the rest make up the long tail.

The shared labelled comments (tests/data/themes/themes_dev.jsonl) are not used: some name places,
dates and people.
"""

# (what was good, what could be better, overall, themes)
COMMENTS = [
    (
        "The staff on [name]'s ward listened and never rushed me.",
        "",
        "very_good",
        ["Staff listening, understanding & involving patients"],
    ),
    (
        "[name] the healthcare assistant sat with me when I could not sleep.",
        "Nights feel short staffed.",
        "good",
        ["Staff manner & personal attributes", "Staffing levels & responsiveness"],
    ),
    (
        "",
        "There were not enough staff, so my escorted leave was cancelled three times.",
        "poor",
        ["Staffing levels & responsiveness", "Mental Health Act rights and leave"],
    ),
    (
        "Kind nurses who remembered how I take my tea.",
        "Too many agency staff who did not know me.",
        "neither",
        ["Staff manner & personal attributes", "Continuity of care"],
    ),
    (
        "My care coordinator explained every change before it happened.",
        "",
        "very_good",
        ["Being kept informed, clarity & consistency of information"],
    ),
    (
        "",
        "Nobody told me my ward round had moved, so my family missed it.",
        "poor",
        ["Being kept informed, clarity & consistency of information", "Interaction with family/ carers"],
    ),
    (
        "Staff asked me what helps when I am upset and wrote it in my plan.",
        "I would like a copy of my care plan to keep.",
        "good",
        ["Staff listening, understanding & involving patients", "Information provision & guidance"],
    ),
    (
        "",
        "I was held down in front of other patients and no one talked to me about it afterwards.",
        "very_poor",
        ["Restrictive practice", "Staff listening, understanding & involving patients"],
    ),
    (
        "Staff stayed calm and talked me down instead of restraining me.",
        "",
        "very_good",
        ["Restrictive practice", "Staff manner & personal attributes"],
    ),
    (
        "The seclusion room had a window and someone checked on me often.",
        "I did not understand why I was there or for how long.",
        "neither",
        ["Restrictive practice", "Being kept informed, clarity & consistency of information"],
    ),
    (
        "I felt safe on the ward for the first time in years.",
        "",
        "very_good",
        ["Feeling safe"],
    ),
    (
        "",
        "I did not feel safe at night. It was noisy and another patient kept coming into my room.",
        "very_poor",
        ["Feeling safe", "Staffing levels & responsiveness"],
    ),
    (
        "My named nurse read me my rights under the Mental Health Act in words I understood.",
        "I waited weeks for my tribunal.",
        "neither",
        ["Mental Health Act rights and leave", "Timeliness of care"],
    ),
    (
        "The advocate came within a day of me asking.",
        "I did not know there was an advocate until my second week.",
        "good",
        ["Advocacy", "Information provision & guidance"],
    ),
    (
        "The food was hot and there was always a vegetarian choice.",
        "The evening meal is too early and there is nothing after six.",
        "good",
        ["Food & drink provision & facilities"],
    ),
    (
        "There was halal food every day and staff knew about fasting.",
        "The prayer room was often locked.",
        "good",
        ["Cultural and religious needs", "Food & drink provision & facilities"],
    ),
    (
        "",
        "Nobody asked about my culture or what I needed. I felt on my own.",
        "poor",
        ["Cultural and religious needs"],
    ),
    (
        "The interpreter came to every ward round.",
        "Leaflets were only in English.",
        "good",
        ["Cultural and religious needs", "Information provision & guidance"],
    ),
    (
        "They gave me an easy-read plan with pictures and I understood it.",
        "Not every staff member knew how to use it.",
        "very_good",
        ["Reasonable adjustments", "Competence & training"],
    ),
    (
        "Staff dimmed the lights and found me a quiet room when it got too much.",
        "The fire alarm tests are very loud. Please warn me first.",
        "good",
        ["Sensory environment for autistic people", "Reasonable adjustments"],
    ),
    (
        "",
        "The ward is loud all day and there is nowhere quiet to go.",
        "poor",
        ["Sensory environment for autistic people", "Environment, facilities & equipment"],
    ),
    (
        "They helped me ring my mum every evening.",
        "",
        "very_good",
        ["Contact with family and friends"],
    ),
    (
        "",
        "Visiting times clash with my partner's work, so I hardly see them.",
        "poor",
        ["Contact with family and friends"],
    ),
    (
        "Staff were kind to my son when he was frightened.",
        "As his carer I was not told when his medication changed.",
        "neither",
        ["Interaction with family/ carers", "Supplying & understanding medication"],
    ),
    (
        "The pharmacist explained my new tablets and the side effects.",
        "",
        "good",
        ["Supplying & understanding medication"],
    ),
    (
        "",
        "My medication was late most mornings.",
        "poor",
        ["Supplying & understanding medication", "Organisation & efficiency"],
    ),
    (
        "The garden is lovely and we can use it every afternoon.",
        "More activities at weekends. The days are very long.",
        "good",
        ["Activities & access to fresh air"],
    ),
    (
        "",
        "The garden was locked most of the day and there was nothing to do.",
        "poor",
        ["Activities & access to fresh air"],
    ),
    (
        "I can play games on the ward tablet.",
        "The television room is always full.",
        "neither",
        ["Electronic entertainment", "Environment, facilities & equipment"],
    ),
    (
        "My room was clean and I had my own shower.",
        "",
        "very_good",
        ["Cleanliness, tidiness & infection control"],
    ),
    (
        "",
        "The toilets were dirty for days at a time.",
        "very_poor",
        ["Cleanliness, tidiness & infection control"],
    ),
    (
        "Good discharge plan, with a crisis number I can ring.",
        "The first week at home was hard and nobody called.",
        "neither",
        ["Discharge", "Continuity of care"],
    ),
    (
        "",
        "I was discharged on a Friday with two days of tablets.",
        "poor",
        ["Discharge", "Supplying & understanding medication"],
    ),
    (
        "The same psychologist saw me all the way through.",
        "",
        "very_good",
        ["Continuity of care"],
    ),
    (
        "",
        "I was moved to a ward [place] miles from home and my family could not visit.",
        "very_poor",
        ["Service location", "Contact with family and friends"],
    ),
    (
        "Staff helped me plan the bus journey for my first leave.",
        "The bus from [place] is expensive.",
        "good",
        ["Transport to/ from services"],
    ),
    (
        "",
        "There is never anywhere to park when I visit.",
        "poor",
        ["Parking"],
    ),
    (
        "I was seen quickly when I came in.",
        "",
        "good",
        ["Timeliness of care"],
    ),
    (
        "",
        "I waited [date] for a bed and spent the night in the emergency department.",
        "very_poor",
        ["Timeliness of care", "Appointment arrangements"],
    ),
    (
        "The crisis line answered straight away.",
        "",
        "very_good",
        ["Contacting services"],
    ),
    (
        "",
        "I rang the ward many times and nobody picked up.",
        "poor",
        ["Contacting services", "Organisation & efficiency"],
    ),
    (
        "Dr [name] explained what my diagnosis means.",
        "",
        "good",
        ["Information directly from staff during care"],
    ),
    (
        "The new nurses were well trained in de-escalation.",
        "",
        "good",
        ["Competence & training", "Restrictive practice"],
    ),
    (
        "Thank you to everyone on the ward. You saved my life.",
        "",
        "very_good",
        ["Positive experience & gratitude"],
    ),
    (
        "Everyone was friendly.",
        "Nothing really.",
        "very_good",
        ["Positive experience & gratitude", "Staff manner & personal attributes"],
    ),
    (
        "",
        "Staff spoke about me as if I was not there.",
        "very_poor",
        ["Staff manner & personal attributes", "Staff listening, understanding & involving patients"],
    ),
    (
        "The occupational therapist helped me cook again.",
        "More gym time please.",
        "good",
        ["Activities & access to fresh air", "Staff listening, understanding & involving patients"],
    ),
    (
        "My support worker had been through it too. That helped more than anything.",
        "I wish I had met them sooner.",
        "very_good",
        ["Staff manner & personal attributes", "Timeliness of care"],
    ),
    (
        "Ward rounds are smaller now, which is less scary.",
        "I still do not always know who everyone is.",
        "neither",
        [
            "Staff listening, understanding & involving patients",
            "Being kept informed, clarity & consistency of information",
        ],
    ),
    (
        "",
        "Maybe a clock in every bedroom.",
        "dont_know",
        ["Environment, facilities & equipment"],
    ),
    (
        "I only stayed two nights, so I cannot say much.",
        "",
        "dont_know",
        ["Not assigned"],
    ),
    (
        "I was given a leaflet about the ward when I arrived.",
        "",
        "dont_know",
        ["Information provision & guidance"],
    ),
    (
        "",
        "Ward rounds could be at the same time each week.",
        "dont_know",
        ["Organisation & efficiency"],
    ),
    (
        "Visiting is on weekday afternoons and at weekends.",
        "",
        "dont_know",
        ["Contact with family and friends"],
    ),
    (
        "I used the ward phone to call my advocate.",
        "",
        "dont_know",
        ["Advocacy"],
    ),
]
