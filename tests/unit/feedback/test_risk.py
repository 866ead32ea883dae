import re

import pytest

from portal.feedback.risk import RISK_PATTERNS, risk_categories, severity, suggests_risk

# (text, a category it must be found under)
POSITIVES = [
    # Suicide
    ("I want to kill myself", "suicide"),
    ("Some days I think about killing my self", "suicide"),
    ("I just want to end my life", "suicide"),
    ("I'm going to end it all tonight", "suicide"),
    ("I want to die", "suicide"),
    ("I wanna die", "suicide"),
    ("I don't want to be here anymore", "suicide"),
    ("I don’t want to be here any more", "suicide"),
    ("i dont want to live", "suicide"),
    ("I have felt suicidal since I came home", "suicide"),
    ("My son has had SUICIDAL thoughts", "suicide"),
    ("I have thoughts of suicde", "suicide"),
    ("sucide", "suicide"),
    ("he tried to take his own life last year", "suicide"),
    ("I wish I was dead", "suicide"),
    ("Everyone would be better off dead without me", "suicide"),
    ("I took an overdose in March", "suicide"),
    ("She overdosed on her tablets", "suicide"),
    ("I can't go on like this", "suicide"),
    ("There is no reason to live", "suicide"),
    ("nothing left to live for", "suicide"),
    ("I am tired of living", "suicide"),
    ("I   want    to     die", "suicide"),
    ("I want to\ndie", "suicide"),
    ("sui\u00adcide", "suicide"),
    ("Chcę umrzeć", "suicide"),
    ("chce umrzec", "suicide"),
    ("Chcę się zabić", "suicide"),
    ("Myślę o samobójstwie", "suicide"),
    ("میں خودکشی کے بارے میں سوچتا ہوں", "suicide"),
    ("میں مرنا چاہتا ہوں", "suicide"),
    # Self-harm
    ("I cut myself again last night", "self_harm"),
    ("I want to hurt myself", "self_harm"),
    ("I have been self-harming", "self_harm"),
    ("history of self harm", "self_harm"),
    ("she keeps cutting her arms", "self_harm"),
    # Abuse
    ("My mother was abused by a carer", "abuse"),
    ("The carer hit me", "abuse"),
    ("He was hit by another resident", "abuse"),
    ("I was sexually assaulted on the ward", "abuse"),
    ("I was raped", "sexual_safety"),
    ("He made sexual comments", "sexual_safety"),
    ("A nurse shouted at me and swore at my daughter", "abuse"),
    ("I was bullied by staff", "abuse"),
    ("He touched me inappropriately", "sexual_safety"),
    ("Pobił mnie", "abuse"),
    # Neglect
    ("They left me for hours without a drink", "neglect"),
    ("They left my dad in the corridor for hours", "neglect"),
    ("Dad was left alone for hours", "neglect"),
    ("She was left sitting in a wet bed for hours", "neglect"),
    ("My nan was not fed for two days", "neglect"),
    ("She wasn't given any water", "neglect"),
    ("My father was neglected", "neglect"),
    ("He was left lying in his own urine", "neglect"),
    ("Nobody came when I pressed the buzzer", "neglect"),
    ("She developed bed sores", "neglect"),
    # Violence
    ("The other patient threatened me", "violence"),
    ("I was attacked in the garden", "violence"),
    ("He beat me", "violence"),
    ("I was beaten up", "violence"),
    ("He punched the wall and then punched me", "violence"),
    ("Someone said they would kill me", "violence"),
    ("The food was killing me", "violence"),
    ("He pulled a knife on me", "violence"),
    # Restraint and seclusion
    ("I was restrained and hurt", "restraint"),
    ("I was injured during restraint", "restraint"),
    ("I have bruises on my arms", "restraint"),
    ("They held me down face down", "restraint"),
    ("They pinned me to the floor", "restraint"),
    ("I was put in seclusion for two days", "restraint"),
    ("They locked me in my room", "restraint"),
    ("I was hurt by staff", "restraint"),
    # Feeling unsafe
    ("I am not safe", "feeling_unsafe"),
    ("I don't feel safe", "feeling_unsafe"),
    ("I don’t feel safe here", "feeling_unsafe"),
    ("I DO NOT FEEL SAFE", "feeling_unsafe"),
    ("It is not safe here", "feeling_unsafe"),
    ("I never felt safe on that ward", "feeling_unsafe"),
    ("I didnt feel very safe", "feeling_unsafe"),
    ("The ward is unsafe at night", "feeling_unsafe"),
    ("I was scared for my life", "feeling_unsafe"),
    ("I am terrified of my carer", "feeling_unsafe"),
    ("Please help me", "feeling_unsafe"),
    ("Nie jestem bezpieczna", "feeling_unsafe"),
    ("nie jestem bezpieczny", "feeling_unsafe"),
    ("Nie czuję się bezpiecznie", "feeling_unsafe"),
    ("میں محفوظ نہیں ہوں", "feeling_unsafe"),
    ("میں یہاں محفوظ نہیں", "feeling_unsafe"),
]

NEGATIVES = [
    "The staff were kind",
    "I felt safe on the ward",
    "The food was cold",
    "Visiting times were too short",
    "The nurses kept me safe and comfortable",
    "Safe, clean and friendly",
    "Parking was expensive and hard to find",
    "The doctor explained everything clearly",
    "I waited two hours in A&E but it was worth it",
    "My appointment was on time",
    "Thank you for looking after my mum",
    "The receptionist was friendly and helpful",
    "I would like more information about my medication",
    "The discharge letter arrived late",
    "The physio helped me walk again",
    "Signs in the hospital were confusing",
    "The therapist was brilliant and very stable support",
    "I had a heart attack and the team were amazing",
    "The heartbeat monitor kept beeping all night",
    "Lovely grapes on the fruit trolley",
    "The ward was quiet and clean",
    "Everyone made me feel welcome",
    "I felt safe and well cared for",
    "Great service \U0001f44d",
    "Personel był bardzo miły",
    "Czułam się bezpiecznie",
    "عملہ بہت مہربان تھا",
    "میں محفوظ ہوں",
    "",
]


@pytest.mark.parametrize(("text", "category"), POSITIVES)
def test_phrases_suggesting_risk_are_caught(text, category):
    assert suggests_risk(text)
    assert category in risk_categories(text)


@pytest.mark.parametrize("text", NEGATIVES)
def test_everyday_feedback_is_not_flagged(text):
    assert not suggests_risk(text)
    assert risk_categories(text) == set()


def test_the_tables_are_big_enough_to_mean_something():
    assert len(POSITIVES) >= 40
    assert len(NEGATIVES) >= 15


def test_every_category_has_an_example():
    assert {category for _, category in POSITIVES} == set(RISK_PATTERNS)


def test_each_fragment_compiles_on_its_own_and_patterns_are_tuples():
    for category, fragments in RISK_PATTERNS.items():
        assert isinstance(fragments, tuple), category
        for fragment in fragments:
            re.compile(fragment)


def test_any_one_of_several_answers_is_enough():
    assert suggests_risk("The food was cold", "", "I don't feel safe")
    assert risk_categories("I was hit by a carer", "I want to die") >= {"abuse", "suicide"}


def test_no_texts_means_no_risk():
    assert not suggests_risk()
    assert risk_categories() == set()


def test_answers_are_scanned_separately_not_joined():
    assert not suggests_risk("The staff were not", "safe to say brilliant")


def test_safe_alone_never_triggers_but_negated_safe_does():
    assert not suggests_risk("safe")
    assert not suggests_risk("safety")
    assert not suggests_risk("safeguarding team were helpful")
    assert suggests_risk("not safe")


def test_matches_are_whole_words():
    assert suggests_risk("abusive")  # a fragment ending in \w* matches longer forms
    assert not suggests_risk("grapes")  # but no fragment may start inside a word ("rape")
    assert not suggests_risk("The stable was lovely")
    assert not suggests_risk("therapist")


@pytest.mark.parametrize(
    ("categories", "expected"),
    [
        (set(), ""),
        ({"neglect"}, "medium"),
        ({"restraint"}, "medium"),
        ({"violence"}, "medium"),
        ({"suicide"}, "high"),
        ({"sexual_safety"}, "high"),
        ({"feeling_unsafe"}, "high"),
        ({"neglect", "restraint"}, "high"),
    ],
)
def test_severity(categories, expected):
    assert severity(categories) == expected


def test_every_category_has_a_severity():
    for category in RISK_PATTERNS:
        assert severity({category}) in {"high", "medium"}


def test_every_category_has_a_name_staff_can_read():
    from portal.feedback.choices import RiskCategory

    assert set(RISK_PATTERNS) == set(RiskCategory.values)
