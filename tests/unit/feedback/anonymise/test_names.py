import pytest

from portal.feedback.anonymise.names import NameRecogniser


def names(text):
    return sorted(text[s.start : s.end] for s in NameRecogniser().find(text) if s.label == "name")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Titles; the title itself stays.
        ("Dr Okafor was kind", ["Okafor"]),
        ("consultant Dr Okafor", ["Okafor"]),
        ("Mrs. Amy Kupcová", ["Amy Kupcová"]),
        ("mrs smith", ["smith"]),
        ("Mrs Young and Dr Ward and Mr Green", ["Green", "Ward", "Young"]),
        ("Nurse Kelly", ["Kelly"]),
        ("ms. Wijtze", ["Wijtze"]),
        ("ڈاکٹر احمد بہت اچھے تھے", ["احمد"]),  # Urdu: "Doctor Ahmed was very good"
        # Relations and roles.
        ("my son Jamal", ["Jamal"]),
        ("my key worker Priya helped", ["Priya"]),
        ("nurse Kelly", ["Kelly"]),
        ("my daughter Grace is five", ["Grace"]),
        ("my kid Mali", ["Mali"]),
        ("my partner's name Brian Andersson", ["Brian Andersson"]),
        # Cues.
        ("My name is Patricia Jeknić but everyone calls me Lauren", ["Lauren", "Patricia Jeknić"]),
        ("I'm Aisha", ["Aisha"]),
        ("signed Mohammed Khan", ["Mohammed Khan"]),
        ("What's your last name? Krylova", ["Krylova"]),
        ("my name is jo", ["jo"]),
        ("thank you Zainab", ["Zainab"]),
        # Lists, with and without capitals.
        ("Colleen Wiley said so", ["Colleen Wiley"]),
        ("john had given it back", ["john"]),
        ("tracy sukhorukova", ["tracy sukhorukova"]),
        ("Ludwig van Beethoven", ["Ludwig van Beethoven"]),
        ("I spoke to Sarah Green yesterday", ["Sarah Green"]),
        ("Rose Tyler came", ["Rose Tyler"]),
        ("KELLY WAS GREAT BUT THE FOOD WAS COLD", ["KELLY"]),
        ("Janice Brkić MD", ["Janice Brkić MD"]),
        # Capitalised words that are not ordinary English.
        ("between him and Sumaya's kid", ["Sumaya"]),
        ("Duqyaha shouted at Janet", ["Duqyaha", "Janet"]),
        ("Marisca, can I please speak to your boss?", ["Marisca"]),
    ],
)
def test_names(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "May was a hard month.",
        "Will you call me? I hope so.",
        "Mark my words.",
        "Grace and Faith Church",
        "The staff were kind and the nurse said I can go home.",
        "my son was scared",
        "I called back and called an ambulance",
        "Dr is not the word",
        "excuse me, sir bot",
        "CAN I SPEAK TO A REAL PERSON?!?!",
        "Capitalized words like Wisdom and Discipline are often mistaken with names.",
        "The OT and the GP saw me on Monday in March.",
        "I had to call 999. However the crew were amazing.",
        "a dr. However it was fine",
        "I have Sepsis and take Sertraline",
        "Five Musicians Of The Seventies You Are Supposed To Hate",
    ],
)
def test_not_names(text):
    assert names(text) == []


def test_a_ward_after_a_name_is_a_service():
    (span,) = NameRecogniser().find("The staff on Willow Ward were great")
    assert (span.label, "The staff on Willow Ward were great"[span.start : span.end]) == ("service", "Willow Ward")


def test_a_guess_after_to_or_from_is_a_place():
    (span,) = NameRecogniser().find("I was taken to Cramlington by ambulance")
    assert (span.label, span.score) == ("place", 0.5)


def test_guesses_are_scored_below_finds_from_context():
    scores = {s.source: s.score for s in NameRecogniser().find("Dr Okafor saw Zqwerty, Kelly too")}
    assert scores["name_after_title"] > scores["first_name"] > scores["capitalised"]


def test_guessing_can_be_turned_off():
    assert list(NameRecogniser(guess_capitalised=False).find("between him and Sumaya's kid")) == []
