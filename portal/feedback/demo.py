"""Demo services and synthetic feedback for `manage.py seed_demo`.

The feedback is written for the demo: no real person's words. It goes through the real write path
(portal.feedback.services), so the worker processes it like any other, and it is spread over the
last six months so that later reports have trends to show. Safe to run again: each demo submission
has a fixed draft token, and one that exists already is left alone.

Sixty pieces of feedback are too few for the steering pages, which hide any count under 10, so a
year of approved history is added in bulk as well (seed_reporting_history).
"""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from . import services
from .models import Draft, Organisation, Service, Submission

DEMO_SERVICES = {
    "Demo Mental Health NHS Foundation Trust": [
        ("Willow Ward", "acute", "Riverside Hospital"),
        ("Cedar Ward", "picu", "Riverside Hospital"),
        ("Rowan Unit", "ld_autism", "Hillside Centre"),
        ("Oak House", "rehab", "Northtown"),
    ],
    "Demo Secure Care Partnership": [
        ("Maple Ward", "secure", "Eastbrook"),
        ("Birch Ward", "secure", "Eastbrook"),
    ],
    "Demo Children and Young People’s Service": [
        ("Lighthouse Unit", "cyp", "Seaview"),
    ],
}

# (what was good, what could be better, overall)
DEMO_COMMENTS = [
    (
        "The nurses took time to listen to me, even at night.",
        "More activities at weekends. The days are very long.",
        "good",
    ),
    (
        "My named nurse explained my rights under the Mental Health Act in words I understood.",
        "I waited three weeks for my first ward round.",
        "good",
    ),
    (
        "Staff knew that bright lights and noise upset me and found me a quiet room.",
        "The alarms are very loud. Please warn me before fire drills.",
        "good",
    ),
    ("", "I was restrained in front of other patients and nobody talked to me about it afterwards.", "very_poor"),
    (
        "The peer support worker had been through it too. That helped more than anything.",
        "I wish I had met the peer support worker sooner.",
        "very_good",
    ),
    ("The food was good and there was halal food every day.", "Prayer space was hard to get to.", "good"),
    ("", "My family could not visit because the visiting hours clash with their work.", "poor"),
    (
        "The advocate came quickly when I asked.",
        "Leave was cancelled at the last minute twice because of staffing.",
        "neither",
    ),
    (
        "They used an easy-read care plan with pictures. I understood my plan for the first time.",
        "Not every staff member knew how to use it.",
        "very_good",
    ),
    ("", "Nobody asked about my culture or what I needed. I felt on my own.", "poor"),
    ("Staff stayed calm and talked me down instead of using restraint.", "", "very_good"),
    (
        "I liked the recovery college course on managing anxiety.",
        "The course was far away and the bus is expensive.",
        "good",
    ),
    ("My son was treated with respect.", "As his carer I was not told when his medication changed.", "neither"),
    ("", "Too much agency staff who did not know me. I had to repeat my story again and again.", "poor"),
    ("The ward was clean and I had my own room.", "The garden was locked most of the day.", "good"),
    ("The psychologist really helped me understand my voices.", "Therapy stopped when I moved wards.", "good"),
    (
        "Staff asked how I like to be spoken to.",
        "Seclusion felt like a punishment. The room was cold and bare.",
        "very_poor",
    ),
    ("They helped me ring my mum every day.", "", "very_good"),
    (
        "Good discharge plan with a crisis number I can ring.",
        "The first week at home was hard, nobody called.",
        "neither",
    ),
    ("The interpreter was there for every meeting.", "Leaflets were only in English.", "good"),
    ("", "I was moved to a ward 80 miles from home. My family could not visit.", "very_poor"),
    ("The occupational therapist helped me cook again.", "More gym time please.", "good"),
    (
        "Staff were kind to my daughter when she was scared.",
        "Long-term segregation went on for months without a plan.",
        "poor",
    ),
    ("I was involved in my care plan and signed it.", "Ward rounds are scary with so many people in the room.", "good"),
    (
        "Nurse Bethany Okafor on Willow Ward always made time for me.",
        "Please ring my sister on 07700 900461, she was never told I had moved.",
        "good",
    ),
    ("The night staff checked on me.", "I did not feel safe on the ward at night when it was noisy.", "poor"),
    (
        "Dr Anand explained my medication clearly.",
        "I was born on 3 March 1990 and they still got my age wrong.",
        "good",
    ),
]

# The codebook themes (from the NHS framework, migration 0004) a moderator would confirm for each of
# DEMO_COMMENTS, in the same order.
DEMO_THEMES = [
    ["Staff listening, understanding & involving patients", "Activities & access to fresh air"],
    ["Mental Health Act rights and leave", "Timeliness of care"],
    ["Sensory environment for autistic people", "Reasonable adjustments"],
    ["Restrictive practice", "Feeling safe"],
    ["Staff manner & personal attributes", "Continuity of care"],
    ["Food & drink provision & facilities", "Cultural and religious needs"],
    ["Contact with family and friends"],
    ["Advocacy", "Mental Health Act rights and leave"],
    ["Reasonable adjustments", "Competence & training"],
    ["Cultural and religious needs"],
    ["Staff manner & personal attributes", "Restrictive practice"],
    ["Activities & access to fresh air", "Transport to/ from services"],
    ["Interaction with family/ carers", "Supplying & understanding medication"],
    ["Continuity of care", "Staffing levels & responsiveness"],
    ["Cleanliness, tidiness & infection control", "Activities & access to fresh air"],
    ["Competence & training", "Continuity of care"],
    ["Restrictive practice", "Environment, facilities & equipment"],
    ["Contact with family and friends"],
    ["Discharge"],
    ["Cultural and religious needs", "Information provision & guidance"],
    ["Service location", "Contact with family and friends"],
    ["Activities & access to fresh air"],
    ["Staff manner & personal attributes", "Restrictive practice"],
    ["Staff listening, understanding & involving patients"],
    ["Staff manner & personal attributes", "Being kept informed, clarity & consistency of information"],
    ["Feeling safe", "Staffing levels & responsiveness"],
    ["Supplying & understanding medication", "Organisation & efficiency"],
]
SENTIMENT = {
    "very_good": "positive",
    "good": "positive",
    "neither": "mixed",
    "poor": "negative",
    "very_poor": "negative",
}
DEMO_FEEDBACK_COUNT = 60
# A year of approved history: about 125 a month, enough for most theme counts to clear a threshold of 10.
DEMO_HISTORY_COUNT = 1500
DEMO_HISTORY_SEED = 2026
# Demo feedback older than this has been moderated, unless it raised a safeguarding flag; newer waits in the queue.
MODERATED_AFTER_DAYS = 21


def seed_services():
    created = {}
    for organisation_name, services_ in DEMO_SERVICES.items():
        organisation, _new = Organisation.objects.get_or_create(name=organisation_name)
        for name, ward_type, place in services_:
            service, _new = Service.objects.get_or_create(
                organisation=organisation, name=name, defaults={"ward_type": ward_type, "place": place}
            )
            created[name] = service
    return created


def seed_feedback(services_by_name, *, count=DEMO_FEEDBACK_COUNT):
    """Synthetic, varied feedback sent through the real write path. Returns how many were new."""
    randomiser = random.Random(2026)  # noqa: S311 - demo data, the same every time
    service_list = list(services_by_name.values())
    now = timezone.now()
    made = 0
    for number in range(count):
        token = f"demo-feedback-{number}"
        if Submission.objects.filter(draft_digest=services.digest(token)).exists():
            continue
        good, better, overall = DEMO_COMMENTS[number % len(DEMO_COMMENTS)]
        answers = {
            "respondent": randomiser.choice(["patient_now", "patient_now", "patient_before", "carer", "expert"]),
            "service": str(randomiser.choice(service_list).pk) if randomiser.random() > 0.1 else "not_said",
            "when": randomiser.choice(["now", "3m", "12m"]),
            "overall": overall,
            "what_was_good": good,
            "what_could_be_better": better,
            "about_you": "yes" if randomiser.random() > 0.3 else "no",
            "ethnic_group": randomiser.choice(["white", "white", "asian", "black", "mixed", "prefer_not"]),
            "learning_disability": randomiser.choice(["yes", "no", "no", "not_sure"]),
            "autism": randomiser.choice(["yes", "no", "no", "prefer_not"]),
            "age_band": randomiser.choice(["18_24", "25_34", "35_44", "45_54", "55_64"]),
            "gender": randomiser.choice(["woman", "man", "non_binary", "prefer_not"]),
            "religion": randomiser.choice(["none", "christian", "muslim", "hindu", "sikh", "prefer_not"]),
            "consent_to_share": "yes" if randomiser.random() > 0.25 else "no",
            "consent_to_contact": "no",
        }
        background = {
            "white": "white_british",
            "asian": "asian_pakistani",
            "black": "black_caribbean",
            "mixed": "mixed_white_black_caribbean",
        }
        if answers["ethnic_group"] in background:
            answers["ethnic_background"] = background[answers["ethnic_group"]]
        with transaction.atomic():
            draft = Draft.objects.create(
                token_digest=services.digest(token),
                answers=answers,
                easy_read=randomiser.random() > 0.7,
                expires_at=now + timedelta(days=1),
            )
            Draft.objects.filter(pk=draft.pk).update(created_at=now - timedelta(minutes=30))
            draft.refresh_from_db()
            submission, _created = services.submit(draft=draft, language="en-gb")
            sent = now - timedelta(days=randomiser.randint(0, 180), minutes=randomiser.randint(0, 600))
            Submission.objects.filter(pk=submission.pk).update(submitted_at=sent)
        made += 1
    return made


def seed_moderation(moderator, lead=None):
    """Process the demo feedback and moderate the older part of it, as the team would have.

    Older flags were handled by the safeguarding lead (if there is one) and closed; the last three
    weeks' feedback waits in the queue, flags and all, so the demo shows both. Returns how many were
    approved.
    """
    from . import moderation
    from .models import SafeguardingFlag, Theme

    themes = {theme.name: theme for theme in Theme.objects.all()}
    cutoff = timezone.now() - timedelta(days=MODERATED_AFTER_DAYS)
    approved = 0
    for number in range(DEMO_FEEDBACK_COUNT):
        submission = Submission.objects.filter(draft_digest=services.digest(f"demo-feedback-{number}")).first()
        if submission is None:
            continue
        services.process(submission_id=submission.pk)
        submission.refresh_from_db()
        if submission.status != "received" or submission.submitted_at > cutoff:
            continue
        flag = SafeguardingFlag.objects.filter(submission=submission, status="open").first()
        if flag is not None:
            if lead is None:
                continue
            moderation.close_flag(
                flag=flag, by=lead, action_taken="Talked it through with the ward manager; care plan reviewed."
            )
        moderation.decide(
            submission_id=submission.pk,
            version=submission.version,
            action="approve",
            reason="",
            by=moderator,
            removed_ids=submission.redactions.values_list("pk", flat=True),
            themes=[themes[name] for name in DEMO_THEMES[number % len(DEMO_COMMENTS)] if name in themes],
            sentiment=SENTIMENT[submission.overall],
            quotable=submission.consent_to_share,
        )
        approved += 1
    _suggest_for_the_queue()
    return approved


def _suggest_for_the_queue():
    """Train the theme model on what the demo moderator confirmed, and suggest themes for what waits."""
    from . import theming
    from .models import ThemeModelVersion
    from .moderation import UNDECIDED

    if not ThemeModelVersion.objects.exists() and theming.train() is None:
        return
    for submission in Submission.objects.filter(status__in=UNDECIDED, theme_suggestions__isnull=True):
        theming.suggest(submission)


def seed_reporting_history(services_by_name, *, count=DEMO_HISTORY_COUNT):
    """A year of approved feedback across the demo services, so the steering pages show real numbers.

    Bulk-created (portal.feedback.synthetic) rather than sent and moderated one by one, which would
    take minutes. Returns how many were new: none if the history is there already.
    """
    from . import synthetic

    if synthetic.synthetic(DEMO_HISTORY_SEED).exists():
        return 0
    now = timezone.now()
    return synthetic.generate_approved(
        count,
        start=now - timedelta(days=365),
        end=now,
        seed=DEMO_HISTORY_SEED,
        services=services_by_name.values(),
    )


# "You said, we did": (title, you said, we did, easy-read summary, picture, status, months until expected,
# published, themes by name, services by name; none means every service).
DEMO_ACTIONS = [
    (
        "Quieter wards at night",
        "People on Willow Ward and Cedar Ward told us the ward was too noisy at night to sleep or to feel safe. "
        "Doors banged, staff talked loudly at the nurses' station and the corridor lights stayed bright.",
        "Night staff agreed a quiet-hours plan with patients: soft-close doors, talking quietly after 11pm, and "
        "dimmed corridor lights. Ear plugs and eye masks are offered at bedtime. We ask about sleep in every "
        "ward round.",
        "Wards were too noisy at night. Night staff now talk quietly and turn the big lights down at 11 o'clock. "
        "You can ask for ear plugs or an eye mask.",
        "bed",
        "done",
        None,
        True,
        ["Feeling safe", "Sensory environment for autistic people", "Sensory experience"],
        ["Willow Ward", "Cedar Ward"],
    ),
    (
        "Your rights under the Mental Health Act, in easy read",
        "People told us their rights under the Mental Health Act were read out to them on the day they arrived, "
        "when they were too unwell to take them in, and nobody came back to them. Some did not know they could "
        "appeal or ask for an advocate.",
        "With people who have been detained, we are writing an easy-read guide to rights, with pictures. Named "
        "nurses will go through it in the first week and again a week later, and write down what the person "
        "understood. Advocates will get a copy to use in their visits.",
        "You have rights when you have to stay in hospital. We are making an easy-read guide to your rights. "
        "Staff will go through it with you in your first week.",
        "document",
        "in_progress",
        3,
        True,
        ["Mental Health Act rights and leave", "Advocacy", "Reasonable adjustments"],
        [],
    ),
    (
        "Talking after restraint",
        "People who had been restrained told us nobody talked with them about it afterwards, and that being held "
        "down in front of other patients felt humiliating.",
        "Every restraint is now followed within 72 hours by a debrief with a member of staff the person chooses, "
        "offered again if they are not ready. What they say goes into their care plan, so staff know what helps "
        "them calm down. Ward managers review each debrief every month.",
        "Sometimes staff hold a person down to keep everyone safe. Afterwards, a member of staff you trust will "
        "talk with you. You can say what would help next time.",
        "talking",
        "in_progress",
        2,
        True,
        ["Restrictive practice", "Feeling safe"],
        ["Maple Ward", "Birch Ward", "Rowan Unit"],
    ),
    (
        "Halal and cultural food every day",
        "People told us halal food was only on the menu some days, that food from their culture was hard to get, "
        "and that the prayer room was often locked.",
        "The catering team worked with patients and the chaplaincy on a new menu. There is a halal choice at every "
        "meal, and a monthly menu of dishes patients suggest. The prayer room is open all day, and staff can bring "
        "a prayer mat to the ward.",
        "Halal food is now on the menu every day. You can ask for food from your culture. You can ask for a quiet "
        "place to pray.",
        "heart",
        "done",
        None,
        True,
        ["Food & drink provision & facilities", "Cultural and religious needs"],
        [],
    ),
    (
        "Visiting hours that suit families",
        "Families told us visiting hours clashed with their work and with school, so some people had no visits for "
        "weeks.",
        "We will add evening and weekend visiting slots, and a video-call room that families can book. Carers are "
        "helping us choose the times.",
        "Families said visiting times were hard for them. We will add visits in the evening and at weekends. You "
        "can also book a video call.",
        "family",
        "planned",
        4,
        False,
        ["Contact with family and friends", "Interaction with family/ carers"],
        ["Willow Ward", "Cedar Ward", "Oak House"],
    ),
]

DEMO_PROPOSAL = {
    "kind": "new",
    "name": "Sleep and rest",
    "category": "Mental health, learning disability and autism",
    "description": "Being able to sleep and rest on the ward: noise and light at night, night-time checks, and "
    "somewhere quiet to rest in the day. Noise in general is under Sensory experience.",
    "reason": "Feedback about noise at night and night-time checks keeps coming up, but moderators put it under "
    "several themes, so we cannot see how often people raise it.",
}


def seed_actions(steering_member):
    """Demo "you said, we did" actions, made through the real write path; and one codebook proposal.

    Found again by title (and the proposal by name), so running it twice adds nothing. Returns how
    many actions were new.
    """
    from portal.easyread.pictures import load_starter_pictures

    from . import actions, codebook
    from .models import Action, Theme, ThemeProposal

    pictures = load_starter_pictures(only={entry[4] for entry in DEMO_ACTIONS})
    themes = {theme.name: theme for theme in Theme.objects.all()}
    services = {service.name: service for service in Service.objects.filter(organisation__name__in=DEMO_SERVICES)}
    today = timezone.localdate()
    made = 0
    for entry in DEMO_ACTIONS:
        title, you_said, we_did, summary, picture, status, months, published, theme_names, service_names = entry
        if Action.objects.filter(title=title).exists():
            continue
        expected = None
        if months:
            year, month = divmod(today.month - 1 + months, 12)
            expected = today.replace(year=today.year + year, month=month + 1, day=1)
        actions.save_action(
            data={
                "title": title,
                "you_said": you_said,
                "we_did": we_did,
                "easy_read_summary": summary,
                "picture": pictures[picture],
                "status": status,
                "expected": expected,
                "is_published": published,
                "themes": [themes[name] for name in theme_names if name in themes],
                "services": [services[name] for name in service_names if name in services],
            },
            by=steering_member,
        )
        made += 1
    if not ThemeProposal.objects.filter(name=DEMO_PROPOSAL["name"]).exists():
        codebook.propose(**DEMO_PROPOSAL, by=steering_member)
    return made
