"""The words of the demo studies: what two university research teams would publish on a study
page, the made-up people interested in one of them, and the index's introduction.

The universities, ethics committees, reference numbers, people and phone numbers are made up
(phone numbers are from Ofcom's ranges kept for drama; email addresses are on reserved domains).
"""

from . import demo_sheets
from .choices import InterestStatus


def paragraph(html):
    return {"type": "paragraph", "value": html}


def inset(html):
    return {"type": "inset_text", "value": {"body": html}}


INDEX_BODY = [
    paragraph(
        "<h2>What taking part in research means</h2><p>Research helps services learn what works, from the "
        "people who know best. Every study here has been checked by a research ethics committee. Saying "
        "you are interested does not mean you have to take part: the research team will explain the "
        "study, answer your questions and ask whether you still want to.</p><p>You can change your mind "
        "at any time, without giving a reason, and it will not affect your care.</p>"
    ),
]

SEGREGATION_STUDY = {
    "slug": "life-after-long-term-segregation",
    "title": "Life after long-term segregation: interviews with people and families",
    "summary": (
        "We would like to talk with autistic people and people with a learning disability who have lived "
        "in long-term segregation in hospital, and with their families, about what helped them move on."
    ),
    "audiences": ["people-who-use-services", "family-and-carers", "learning-disability", "autistic-people"],
    "closing_in_days": 150,
    "easy_read_rows": [
        ("hospital", "Some people in hospital are kept apart from other people for a long time."),
        ("magnifying-glass", "We are researchers. We want to find out what helps people stop being kept apart."),
        ("talking", "We would like to talk with you about what happened to you."),
        ("family", "We would also like to talk with families and carers."),
        ("clock", "The talk takes about 1 hour. You can have a break or stop at any time."),
        ("money", "We will give you a £25 voucher to say thank you."),
        ("tick", "You do not have to take part. Saying no is fine."),
    ],
    "description": [
        paragraph(
            "<p>Long-term segregation means a person is kept apart from other patients on a hospital ward "
            "for a long time, often in a small area with staff outside. Autistic people and people with a "
            "learning disability are more likely than others to experience it, and it can cause lasting "
            "harm.</p><p>Several NHS services now use a human-rights-based clinical model that helps ward "
            "teams plan, step by step, how a person can leave segregation and stay out of it. Our study "
            "is part of an independent evaluation of how the model is used and what difference it makes "
            "to the people it is meant to help.</p>"
        ),
        paragraph(
            "<h3>What we want to find out</h3><ul><li>what being in segregation was like, in your own "
            "words</li><li>what helped you, or your relative, to leave it, and what got in the way</li>"
            "<li>how staff involved you and your family in planning</li><li>what you would want other "
            "hospitals to do differently</li></ul>"
        ),
        paragraph(
            "<h3>Who is doing the study</h3><p>The study is run by a team at Harrowfield University's "
            "School of Health and Society. Two members of the team have lived experience of long-term "
            "segregation, and an advisory group of autistic people, people with a learning disability and "
            "family carers helped write our questions and this page.</p>"
        ),
        inset(
            "<p>What you tell us will not be shared with the hospital that cared for you in a way that "
            "could identify you, and taking part will not change anyone's care.</p>"
        ),
        paragraph(
            "<h3>What happens to the findings</h3><p>We will write a report for the NHS and an easy-read "
            "summary, and we will send both to everyone who takes part if they would like them.</p>"
        ),
    ],
    "who_can_take_part": (
        "<p>You can take part if you are 18 or over and:</p><ul><li>you are autistic or have a learning "
        "disability, and you have spent time in long-term segregation in a hospital in England in the "
        "last five years, <b>or</b></li><li>you are a family member or carer of someone who has</li></ul>"
        "<p>You can still be in hospital, or have left. We cannot include people who are too unwell to "
        "talk with us at the moment; we will check this kindly with you and, if you agree, with your "
        "care team.</p>"
    ),
    "time_involved": "One conversation of about an hour, with breaks whenever you want them",
    "place": "At home, on the ward, at a community venue near you, or by video call",
    "expenses": "A £25 shopping voucher for each conversation, and travel costs paid",
    "support": (
        "<ul><li>You can bring someone you trust, such as a family member, advocate or member of staff</li>"
        "<li>Easy-read and picture versions of the questions</li><li>A British Sign Language interpreter "
        "if you need one</li><li>You can talk in shorter sessions over more than one day</li></ul>"
    ),
    "sponsor": "Harrowfield University",
    "ethics_committee": "Pennine Valleys Research Ethics Committee",
    "ethics_reference": "24/PV/0187",
    "iras_id": "337215",
    "contact_name": "Dr Miriam Ashdown, Moving On study team",
    "contact_email": "moving-on-study@harrowfield.example.ac.uk",
    "contact_phone": "0113 496 0742",
    "questions": [
        {
            "question": "Have you, or your relative, spent time in long-term segregation in a hospital in England?",
            "easy_read_question": "Have you, or someone in your family, been kept apart in hospital for a long time?",
            "hint": "Long-term segregation means being kept apart from other patients on a ward, often for weeks "
            "or months.",
        },
        {"question": "Are you 18 or over?", "easy_read_question": "Are you 18 or older?", "hint": ""},
        {
            "question": "Are you taking part as a family member or carer?",
            "easy_read_question": "Are you family or a carer of the person who was kept apart?",
            "hint": "Answer no if you are telling us about your own time in hospital.",
        },
    ],
    "sheets": (
        (
            demo_sheets.SEGREGATION_SHEET_TITLE,
            "moving-on-participant-information-sheet.pdf",
            demo_sheets.SEGREGATION_SHEET,
            11,
        ),
        (
            demo_sheets.SEGREGATION_EASY_SHEET_TITLE,
            "moving-on-easy-read-information.pdf",
            demo_sheets.SEGREGATION_EASY_SHEET,
            16,
        ),
    ),
}

MENTAL_HEALTH_ACT_STUDY = {
    "slug": "fair-care-under-the-mental-health-act",
    "title": "Fair care under the Mental Health Act: focus groups with people and carers",
    "summary": (
        "Focus groups for people from ethnically diverse backgrounds who have been detained on an inpatient "
        "ward, and for their carers, about whether care under the Mental Health Act felt fair."
    ),
    "audiences": ["people-who-use-services", "family-and-carers"],
    "closing_in_days": 120,
    "easy_read_rows": [
        ("group", "We are running small group meetings about the Mental Health Act."),
        ("hospital", "We want to hear from people kept in hospital under this law."),
        ("people-holding-hands", "We want to hear from Black, Asian and other ethnic minority people."),
        ("carer", "Carers and family members have their own groups."),
        ("speech-bubbles", "You can have an interpreter. Tell us which language you speak."),
        ("money", "We will give you a £30 voucher and pay for your travel."),
        ("lock", "We will not use your name in anything we write."),
    ],
    "description": [
        paragraph(
            "<p>People from Black, Asian and other ethnic minority communities are more likely to be detained "
            "under the Mental Health Act, and many tell us their experience on the ward was worse than other "
            "people's. Inpatient services across England are working with patients and carers to change this, "
            "following the Patient and Carer Race Equality Framework (PCREF).</p><p>PCREF asks services to "
            "listen to patients and carers and to show what they changed as a result. To do that well, "
            "services need to know what fair care looks like to the people who receive it.</p>"
        ),
        paragraph(
            "<h3>What we want to find out</h3><ul><li>whether you felt listened to and respected, and "
            "whether your culture, faith and language were understood</li><li>how you were told about your "
            "rights, and whether you understood them</li><li>how carers were involved, or left out</li>"
            "<li>what would make care feel fair</li></ul>"
        ),
        paragraph(
            "<h3>Who is doing the study</h3><p>The study is run by Kingsmere University's Centre for Mental "
            "Health Equity with a group of people who have been detained themselves. Each focus group is led "
            "by a researcher and a peer facilitator with lived experience.</p><p>What we learn will be turned "
            "into questions that wards can use to ask every patient and carer about fairness, and will be "
            "shared with the services taking part in a Mental Health Act quality-improvement programme.</p>"
        ),
    ],
    "who_can_take_part": (
        "<p>You can take part if you are 18 or over, you describe your ethnicity as other than White "
        "British, and:</p><ul><li>you have been detained on an inpatient mental-health ward in England "
        "in the last five years, <b>or</b></li><li>you are a family member or carer of someone who "
        "has</li></ul><p>You cannot take part while you are detained in hospital; you are welcome once "
        "you have left.</p>"
    ),
    "time_involved": "One group discussion of about 90 minutes, with a break",
    "place": "A community venue in Birmingham, Leeds or London, or online",
    "expenses": "A £30 voucher, and travel and any care costs paid so you can attend",
    "support": (
        "<ul><li>Interpreters in any language, booked by us</li><li>Separate groups for carers, and "
        "women-only groups if you prefer</li><li>A peer facilitator to talk to after the group</li>"
        "<li>Prayer space and food at community venues</li></ul>"
    ),
    "sponsor": "Kingsmere University",
    "ethics_committee": "Thames Meadow Research Ethics Committee",
    "ethics_reference": "25/TM/0042",
    "iras_id": "341906",
    "contact_name": "Dr Kwame Adjei-Hollis, Fair Care study team",
    "contact_email": "fair-care-study@kingsmere.example.ac.uk",
    "contact_phone": "020 7946 0318",
    "questions": [
        {
            "question": "Have you been detained under the Mental Health Act in the last five years, or cared for "
            "someone who was?",
            "easy_read_question": "Have you, or someone you care for, been kept in hospital under the Mental "
            "Health Act?",
            "hint": "In the last five years, on a ward in England.",
        },
        {"question": "Are you 18 or over?", "easy_read_question": "Are you 18 or older?", "hint": ""},
    ],
    "sheets": (
        (
            demo_sheets.MENTAL_HEALTH_ACT_SHEET_TITLE,
            "fair-care-participant-information-sheet.pdf",
            demo_sheets.MENTAL_HEALTH_ACT_SHEET,
            11,
        ),
        (
            demo_sheets.MENTAL_HEALTH_ACT_EASY_SHEET_TITLE,
            "fair-care-easy-read-information.pdf",
            demo_sheets.MENTAL_HEALTH_ACT_EASY_SHEET,
            16,
        ),
    ),
}

STUDIES = [SEGREGATION_STUDY, MENTAL_HEALTH_ACT_STUDY]

# Obviously made-up people, for the research area on demo machines only.
DEMO_INTEREST = [
    {
        "answers": {
            "name": "Alex Example",
            "method": "email",
            "email": "alex.example@example.org",
            "communication_needs": ["easy_read"],
        },
        "screening": ["yes", "yes", "no"],
        "easy_read": True,
        "consent_future_studies": True,
        "status": InterestStatus.CONTACTED,
    },
    {
        "answers": {
            "name": "Sam Sample",
            "method": "supporter",
            "supporter_name": "Chris Sample",
            "supporter_relationship": "family",
            "supporter_email": "chris.sample@example.org",
            "supporter_agreed": True,
            "communication_needs": ["easy_read", "support_person"],
        },
        "screening": ["yes", "yes", "no"],
        "easy_read": True,
        "consent_future_studies": False,
        "status": InterestStatus.NEW,
    },
    {
        "answers": {
            "name": "Jordan Demo",
            "method": "phone",
            "phone": "07700 900461",
            "communication_needs": ["interpreter"],
            "interpreter_language": "Punjabi",
        },
        "screening": ["yes", "yes", "yes"],
        "easy_read": False,
        "consent_future_studies": True,
        "status": InterestStatus.NEW,
    },
]
