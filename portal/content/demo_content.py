"""Demo content for `manage.py seed_demo`: findings with their easy-read version, updates, and
self-care and recovery resources, written in our own words from the programme background in
DESIGN.md. Idempotent: every page is found by its slug before it is created.
"""

import json
from datetime import date

from portal.easyread.models import EasyReadIndexPage, EasyReadPage
from portal.easyread.pictures import load_starter_pictures

from .models import Audience, ResourceIndexPage, ResourcePage, ResourceTopic, UpdateIndexPage, UpdatePage


def paragraph(html):
    return {"type": "paragraph", "value": html}


def inset(html):
    return {"type": "inset_text", "value": {"body": html}}


def details(title, html):
    return {"type": "details", "value": {"title": title, "body": [{"type": "richtext", "value": html}]}}


def link(text, url, description=""):
    return {"type": "link", "value": {"text": text, "page": None, "url": url, "description": description}}


def route(text, page, description):
    return {"type": "route", "value": {"text": text, "page": page.pk, "url": "", "description": description}}


def url_route(text, url, description):
    return {"type": "route", "value": {"text": text, "page": None, "url": url, "description": description}}


FEEDBACK_ROUTE = url_route(
    "Give feedback",
    "/feedback/",
    "Tell us about your care or the care of someone close to you. You do not need to give your name.",
)


# Findings: reducing long-term segregation (HOPE(S)) ------------------------------------------

SEGREGATION_FINDINGS_SUMMARY = (
    "What an evaluation of the HOPE(S) model found so far about reducing long-term segregation of "
    "autistic people and people with a learning disability in hospital."
)
SEGREGATION_FINDINGS_BODY = [
    paragraph(
        "<p>Long-term segregation means a person is kept apart from other patients on a ward for a long "
        "time, often in a small area with staff outside. It is meant to keep people safe, but it can cause "
        "lasting harm, and autistic people and people with a learning disability are more likely than "
        "others to experience it.</p><p>HOPE(S) is a human-rights-based way of working, developed by Mersey "
        "Care NHS Foundation Trust, that helps clinical teams bring people out of long-term segregation "
        "and keep them out. NHS England funds a national roll-out, and more than 2,400 clinical staff have "
        "now been trained in it.</p>"
    ),
    paragraph(
        "<h2>How the evaluation works</h2><p>A university team is looking at how the model is used and "
        "what difference it makes. They interview patients, families and staff, hold focus groups and "
        "co-design events, and study anonymised routine data from the services taking part. People with "
        "lived experience help to plan the research and to recruit the people who take part.</p>"
    ),
    paragraph(
        "<h2>What we have found so far</h2><ul><li>Teams that used the model together, with senior "
        "support, found it easier to plan small, regular steps out of segregation.</li><li>Families "
        "valued being asked what matters to their relative, and wanted to be involved earlier.</li>"
        "<li>Staff said a practice leader visiting the ward helped them keep going when progress was "
        "slow.</li><li>Changes to the environment, such as quieter spaces and fewer alarms, mattered to "
        "autistic people as much as changes to care plans.</li></ul>"
    ),
    inset(
        "<p>These are early findings. The evaluation team will publish a full report and an easy-read "
        "version when the research ends.</p>"
    ),
    paragraph(
        "<h2>What happens next</h2><p>The programme is sharing these findings with every service in the "
        "roll-out. If you or your family have lived through long-term segregation, you can help shape the "
        "next stage by giving feedback on this portal or by taking part in the research.</p>"
    ),
]

# Each row: (picture, words). One idea a row; 15 words or fewer a sentence.
SEGREGATION_EASY_READ_ROWS = [
    ("hospital", "Some people in hospital are kept apart from other people for a long time."),
    ("person", "This is called <b>long-term segregation</b>."),
    ("warning", "Being kept apart for a long time can harm people."),
    ("people-holding-hands", "Autistic people and people with a learning disability are kept apart more often."),
    ("idea", "HOPE(S) is a new way of working to stop this."),
    ("health-worker", "More than 2,400 hospital staff have learned how to use it."),
    ("magnifying-glass", "Researchers are finding out if HOPE(S) works."),
    ("talking", "They talk to patients, families and staff."),
    ("family", "Families told us they want to be asked what matters to their relative."),
    ("calm", "Quiet spaces helped autistic people feel calmer."),
    ("books", "The researchers will write a full report when they finish."),
    ("document", "There will be an easy-read report too."),
]
SEGREGATION_HARD_WORDS = [
    ("Long-term segregation", "When a person in hospital is kept apart from others for a long time."),
    ("Researchers", "People whose job is to find things out carefully."),
    ("Autistic", "Autistic people may find some things hard, like noise or lots of people."),
]

# Updates ---------------------------------------------------------------------------------------

UPDATES = [
    {
        "slug": "mental-health-act-improvement-programme",
        "title": "52 services are working with patients to improve care under the Mental Health Act",
        "kind": UpdatePage.Kind.UPDATE,
        "date": date(2026, 10, 14),
        "summary": (
            "A quality-improvement programme is bringing people with lived experience and staff together "
            "to co-produce changes, starting with 15 pilot sites."
        ),
        "body": [
            paragraph(
                "<p>Fifteen inpatient services have finished the pilot stage of a Mental Health Act "
                "quality-improvement programme, and 37 more are now joining them. In each service, people "
                "who have been detained, their families and staff work together to choose and test change "
                "ideas.</p><p>The aim is that everyone has a fair experience of care, whatever their "
                "background. The programme pays particular attention to people from ethnically diverse "
                "communities, who are more likely to be detained, and to autistic people and people with a "
                "learning disability.</p>"
            ),
            paragraph(
                "<h2>Why your feedback matters</h2><p>The programme follows the Patient and Carer Race "
                "Equality Framework (PCREF). One of its three parts says that feedback from patients and "
                "carers must visibly lead to action. Steering groups in each service read the themes from "
                "this portal and publish what they changed as a result.</p>"
            ),
        ],
    },
    {
        "slug": "co-production-programme",
        "title": "How we co-produce this programme with people with lived experience",
        "kind": UpdatePage.Kind.UPDATE,
        "date": date(2026, 9, 2),
        "summary": (
            "Experts by experience sit on every steering group, are paid for their time, and help decide "
            "what we ask, what we change and how we tell people about it."
        ),
        "body": [
            paragraph(
                "<p>Co-production means people who use services, carers and staff share power and "
                "responsibility from the start: choosing priorities, designing changes and judging whether "
                "they worked. It is more than asking for views once a plan is already made.</p>"
                "<h2>What it looks like here</h2><ul><li>At least a third of each steering group are experts "
                "by experience, and one of the two chairs is an expert by experience.</li><li>Everyone is "
                "paid for their time and travel, and gets the papers in easy read if they want them.</li>"
                "<li>Meetings are planned around people's needs: shorter sessions, quiet rooms, and support "
                "workers welcome.</li><li>Themes from this portal are on the agenda of every meeting, and "
                "each action says which feedback led to it.</li></ul>"
            ),
            details(
                "How to join a steering group",
                "<p>Ask your ward's peer support worker, or contact us through the link at the bottom of "
                "the page. You do not need any qualifications, only your experience.</p>",
            ),
        ],
    },
    {
        "slug": "reducing-restraint-case-study",
        "title": "Case study: a ward that halved restraint by listening to patients",
        "kind": UpdatePage.Kind.FINDINGS,
        "date": date(2026, 7, 21),
        "summary": (
            "Patients and staff on an acute ward worked out together what led to restraint, and changed "
            "the routines that caused most distress."
        ),
        "body": [
            paragraph(
                "<p>Patients told the ward team that the moments before restraint often began with small "
                "things: a leave request left unanswered, a noisy handover, or not knowing who their named "
                "nurse was that day.</p><p>Together they changed three routines: a board showing each "
                "person's named nurse, a promise to answer leave requests within the shift, and quieter "
                "handovers away from the lounge. Over six months the use of restraint on the ward fell by "
                "about a half, and patients said the ward felt calmer.</p>"
            ),
        ],
    },
    {
        "slug": "young-people-shared-decisions",
        "title": "Young people shape how decisions about their care are made",
        "kind": UpdatePage.Kind.FINDINGS,
        "date": date(2026, 5, 8),
        "summary": (
            "A children and young people's service tried shared decision making in care reviews. Young "
            "people said they felt listened to for the first time."
        ),
        "body": [
            paragraph(
                "<p>Shared decision making means a young person, their family and clinicians decide "
                "together, using what matters to the young person as well as clinical evidence. The service "
                "gave young people a simple planning sheet before each review and let them choose who spoke "
                "first.</p><p>Most young people said they understood their plan better, and staff found "
                "reviews were shorter because fewer things had to be revisited later.</p>"
            ),
        ],
    },
]

# Resources -------------------------------------------------------------------------------------

RESOURCES = [
    {
        "slug": "crisis-support",
        "title": "Help in a crisis",
        "summary": "Who to call, day or night, if you feel you cannot keep yourself safe.",
        "topics": ["crisis-help"],
        "audiences": ["people-who-use-services", "family-and-carers", "young-people"],
        "who_it_is_for": "Anyone who needs urgent help with their mental health, or is worried about someone.",
        "how_to_get_it": "<p>Call NHS 111 and choose option 2 for urgent mental-health help. In an emergency, "
        "call 999. You do not need a referral.</p>",
        "self_referral": True,
        "where": "By phone, any time",
        "cost": "Free",
        "links": [
            link(
                "NHS: where to get urgent help for mental health",
                "https://www.nhs.uk/nhs-services/mental-health-services/where-to-get-urgent-help-for-mental-health/",
            )
        ],
    },
    {
        "slug": "peer-support-groups",
        "title": "Peer support groups",
        "summary": "Weekly groups run by people who have used mental-health services themselves.",
        "topics": ["peer-support"],
        "audiences": ["people-who-use-services"],
        "who_it_is_for": "Adults who use, or have used, mental-health services.",
        "how_to_get_it": "<p>Just turn up to any group. You can also ask your care team to introduce you to "
        "a peer support worker first.</p>",
        "self_referral": True,
        "where": "Community centres across the area, and online",
        "cost": "Free",
        "body": [
            paragraph(
                "<p>Groups are small and friendly. Nobody has to speak, and you can come and go as "
                "you need. Peer support works best when you choose when and how to use it.</p>"
            )
        ],
    },
    {
        "slug": "peer-support-workers",
        "title": "Peer support workers on wards",
        "summary": "Staff with lived experience of mental illness who support people during a hospital stay.",
        "topics": ["peer-support"],
        "audiences": ["people-who-use-services", "learning-disability", "autistic-people"],
        "who_it_is_for": "People staying on an inpatient ward.",
        "how_to_get_it": "<p>Ask any member of ward staff, or look for the peer support worker's name on the ward "
        "board.</p>",
        "self_referral": True,
        "where": "On the ward",
        "cost": "Free",
    },
    {
        "slug": "wellness-recovery-action-plan",
        "title": "Writing your own wellness recovery action plan (WRAP)",
        "summary": "A personal plan, written by you, for staying well and for what helps when things get hard.",
        "topics": ["personal-plans", "self-care"],
        "audiences": ["people-who-use-services", "young-people"],
        "who_it_is_for": "Anyone who wants a plan for their own wellbeing.",
        "how_to_get_it": "<p>Join a free WRAP course at the recovery college, or ask a peer support worker to "
        "help you write one.</p>",
        "self_referral": True,
        "where": "Recovery college, or at home with a workbook",
        "cost": "Free",
        "body": [
            paragraph(
                "<p>A WRAP belongs to you. You decide what goes in it and who sees it. Many people "
                "include the signs that they are becoming unwell and who they want to be contacted.</p>"
            )
        ],
    },
    {
        "slug": "crisis-plan",
        "title": "Making a crisis plan with your care team",
        "summary": "Agree in advance what should happen, and who should be called, if you reach a crisis.",
        "topics": ["personal-plans", "crisis-help"],
        "audiences": ["people-who-use-services", "family-and-carers"],
        "who_it_is_for": "People with a care coordinator or key worker.",
        "how_to_get_it": "<p>Ask your care coordinator at your next appointment. Bring someone with you if it "
        "helps.</p>",
        "self_referral": False,
        "where": "At your next appointment",
        "cost": "Free",
    },
    {
        "slug": "recovery-college",
        "title": "Recovery college courses",
        "summary": (
            "Free courses about mental health and recovery, taught together by trainers with lived "
            "experience and clinicians."
        ),
        "topics": ["recovery-college", "self-care"],
        "audiences": ["people-who-use-services", "family-and-carers", "staff"],
        "who_it_is_for": "Anyone aged 18 or over: people who use services, carers and staff learn side by side.",
        "how_to_get_it": "<p>Enrol online or by phone. You do not need a referral and you do not need to share "
        "a diagnosis.</p>",
        "self_referral": True,
        "where": "Three college sites, and online",
        "cost": "Free",
    },
    {
        "slug": "self-management-course",
        "title": "Living well: a self-management course",
        "summary": "Six weekly sessions on managing your mood, sleep and stress, at your own pace.",
        "topics": ["self-care", "recovery-college"],
        "audiences": ["people-who-use-services"],
        "who_it_is_for": "Adults living with a long-term mental-health condition.",
        "how_to_get_it": "<p>Refer yourself through the recovery college, or ask your GP.</p>",
        "self_referral": True,
        "where": "Online or in person",
        "cost": "Free",
    },
    {
        "slug": "carers-support",
        "title": "Support for carers",
        "summary": "Advice, breaks and a carers' group for family members and friends who care for someone.",
        "topics": ["carers-support"],
        "audiences": ["family-and-carers"],
        "who_it_is_for": (
            "Family members, friends and neighbours who care for someone with a mental illness, a "
            "learning disability or autism."
        ),
        "how_to_get_it": "<p>Contact the carers' centre directly. You can also ask for a carer's assessment "
        "from your local council.</p>",
        "self_referral": True,
        "where": "Carers' centre, by phone and online",
        "cost": "Free",
        "links": [
            link(
                "NHS: support and benefits for carers",
                "https://www.nhs.uk/conditions/social-care-and-support-guide/support-and-benefits-for-carers/",
            )
        ],
    },
    {
        "slug": "carers-information-sessions",
        "title": "Information sessions for families of people in hospital",
        "summary": "Monthly sessions explaining the Mental Health Act, leave, and your rights as a nearest relative.",
        "topics": ["carers-support"],
        "audiences": ["family-and-carers"],
        "who_it_is_for": "Families and carers of someone detained in hospital.",
        "how_to_get_it": "<p>Book a place with the ward's family liaison worker, or just come along.</p>",
        "self_referral": True,
        "where": "Hospital education centre, and online",
        "cost": "Free",
    },
    {
        "slug": "autism-and-learning-disability-support",
        "title": "Support for autistic people and people with a learning disability",
        "summary": "Reasonable adjustments, health passports and advocacy, so that care fits you.",
        "topics": ["learning-disability-autism"],
        "audiences": ["learning-disability", "autistic-people", "family-and-carers"],
        "who_it_is_for": "Autistic people, people with a learning disability, and their families.",
        "how_to_get_it": "<p>Ask any service for reasonable adjustments. The learning disability liaison team can "
        "help you make a hospital passport.</p>",
        "self_referral": True,
        "where": "Every service",
        "cost": "Free",
    },
    {
        "slug": "advocacy",
        "title": "Independent mental health advocacy",
        "summary": "An advocate helps you understand your rights and have your say if you are detained.",
        "topics": ["learning-disability-autism", "crisis-help"],
        "audiences": ["people-who-use-services", "learning-disability", "autistic-people"],
        "who_it_is_for": "People detained under the Mental Health Act, and some people on community treatment orders.",
        "how_to_get_it": "<p>Ask ward staff to contact the advocacy service, or phone it yourself. Staff must tell "
        "you about your right to an advocate.</p>",
        "self_referral": True,
        "where": "On the ward, by phone",
        "cost": "Free",
    },
    {
        "slug": "young-peoples-wellbeing",
        "title": "Wellbeing support for young people",
        "summary": "Drop-in sessions and online chat for people aged 11 to 25.",
        "topics": ["self-care", "peer-support"],
        "audiences": ["young-people"],
        "who_it_is_for": "Young people aged 11 to 25.",
        "how_to_get_it": "<p>Drop in, or start an online chat. A parent or carer does not need to come with you.</p>",
        "self_referral": True,
        "where": "Youth centres and online",
        "cost": "Free",
    },
]

PEER_SUPPORT_EASY_READ_ROWS = [
    ("group", "Peer support groups meet every week."),
    ("people-holding-hands", "The people who run the groups have had mental-health problems too."),
    ("talking", "You can talk if you want to."),
    ("listening", "You can just listen if you want to."),
    ("tick", "You do not need to ask anyone to send you."),
    ("money", "Groups are free."),
    ("sos", "If you need help now, call NHS 111 and choose option 2."),
]


def demo_picture_names():
    """The pictures the demo's easy-read pages use."""
    return {name for name, _text in SEGREGATION_EASY_READ_ROWS + PEER_SUPPORT_EASY_READ_ROWS}


def _rows(rows, pictures):
    return [
        {"type": "row", "value": {"image": pictures[name].pk, "alt_text": "", "text": f"<p>{text}</p>"}}
        for name, text in rows
    ]


def _hard_words(words):
    return {
        "type": "hard_words",
        "value": {"heading": "Hard words", "words": [{"word": word, "meaning": meaning} for word, meaning in words]},
    }


def _child(parent, model, slug, **fields):
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
    return page


def _stream(blocks):
    return json.dumps(blocks)


def seed_content(home, *, pictures=None):
    """Updates and findings, resources, easy-read pages and the home page's routes.

    `pictures` maps picture names to images; by default the whole starter library is loaded.
    """
    if pictures is None:
        pictures = load_starter_pictures()

    updates = _child(
        home,
        UpdateIndexPage,
        "updates",
        title="Updates and findings",
        intro="News from the programme, and what research found. Many have an easy-read version.",
    )
    findings = _child(
        updates,
        UpdatePage,
        "reducing-long-term-segregation-findings",
        title="Reducing long-term segregation: what we have found so far",
        kind=UpdatePage.Kind.FINDINGS,
        date=date(2026, 11, 2),
        summary=SEGREGATION_FINDINGS_SUMMARY,
        body=_stream(SEGREGATION_FINDINGS_BODY),
    )
    for update in UPDATES:
        fields = {key: value for key, value in update.items() if key != "slug"}
        _child(updates, UpdatePage, update["slug"], **{**fields, "body": _stream(update["body"])})

    easy_read_index = _child(
        home,
        EasyReadIndexPage,
        "easy-read",
        title="Easy read",
        intro="Pages with short sentences and a picture for each idea.",
    )
    _child(
        easy_read_index,
        EasyReadPage,
        "long-term-segregation",
        title="Being kept apart in hospital: what we found",
        summary="What researchers found out about helping people who are kept apart in hospital.",
        standard_version=findings,
        body=_stream(
            [
                {"type": "heading", "value": "What is this about?"},
                *_rows(SEGREGATION_EASY_READ_ROWS[:5], pictures),
                {"type": "heading", "value": "What did researchers find?"},
                *_rows(SEGREGATION_EASY_READ_ROWS[5:], pictures),
                _hard_words(SEGREGATION_HARD_WORDS),
            ]
        ),
    )

    resources = _child(
        home,
        ResourceIndexPage,
        "self-care-and-recovery",
        title="Self care and recovery",
        intro="Support you can choose for yourself, and help for families and carers. You can always get crisis help.",
    )
    topics = {topic.slug: topic for topic in ResourceTopic.objects.all()}
    audiences = {audience.slug: audience for audience in Audience.objects.all()}
    for resource in RESOURCES:
        fields = {key: value for key, value in resource.items() if key not in {"slug", "topics", "audiences"}}
        fields["links"] = _stream(fields.get("links", []))
        fields["body"] = _stream(fields.get("body", []))
        page = ResourcePage.objects.child_of(resources).filter(slug=resource["slug"]).first()
        if page is None:
            page = ResourcePage(slug=resource["slug"], **fields)
            page.topics = [topics[slug] for slug in resource["topics"]]
            page.audiences = [audiences[slug] for slug in resource["audiences"]]
            resources.add_child(instance=page)
            page.save_revision().publish()
    peer_support = ResourcePage.objects.child_of(resources).get(slug="peer-support-groups")
    _child(
        easy_read_index,
        EasyReadPage,
        "peer-support-groups",
        title="Peer support groups",
        summary="Groups where you can meet people who understand.",
        standard_version=peer_support,
        body=_stream(_rows(PEER_SUPPORT_EASY_READ_ROWS, pictures)),
    )

    if not home.routes:
        home.routes = _stream(
            [
                route(
                    "Self care and recovery",
                    resources,
                    "Peer support, personal plans, recovery college courses and help for carers.",
                ),
                route("Easy read", easy_read_index, "Pages with short sentences and pictures."),
                route("Updates and findings", updates, "What people told us, what research found, and what changed."),
            ]
        )
        home.save_revision().publish()
    if not any(block.value.get("url") == "/feedback/" for block in home.routes):
        # Added once the feedback journey exists; sites seeded before it get the route too.
        home.routes = _stream(
            [FEEDBACK_ROUTE, *({"type": b.block_type, "value": b.block.get_prep_value(b.value)} for b in home.routes)]
        )
        home.save_revision().publish()
    return {"updates": updates, "findings": findings, "easy_read": easy_read_index, "resources": resources}
