"""Splitting text into sentences, headings and list items, and counting syllables."""

import pytest

from portal.easyread.checker import check_text
from portal.easyread.checker.text import HEADING, ITEM, SENTENCE, split, syllables


def texts(document):
    return [sentence.text for sentence in document.sentences]


def test_sentences_split_on_full_stops_question_and_exclamation_marks():
    document = split("We will call you. Is that all right? Thank you!")
    assert texts(document) == ["We will call you.", "Is that all right?", "Thank you!"]


def test_titles_and_abbreviations_do_not_end_a_sentence():
    document = split("Dr. Patel will see you. Bring your pills, e.g. inhalers and tablets. Mr. Jones said so.")
    assert texts(document) == [
        "Dr. Patel will see you.",
        "Bring your pills, e.g. inhalers and tablets.",
        "Mr. Jones said so.",
    ]


def test_e_g_before_a_capital_letter_does_not_end_a_sentence():
    document = split("Some services, e.g. NHS 111, are open all night.")
    assert len(document.sentences) == 1


def test_decimal_numbers_do_not_end_a_sentence():
    document = split("The wait is 3.5 weeks on average. It was 4.2 weeks last year.")
    assert texts(document) == ["The wait is 3.5 weeks on average.", "It was 4.2 weeks last year."]


def test_each_line_of_a_bullet_list_is_its_own_sentence():
    document = split("You can bring:\n\n- a friend\n- your hospital passport\n• your medicines\n1. a drink")
    assert texts(document) == ["You can bring:", "a friend", "your hospital passport", "your medicines", "a drink"]
    assert [sentence.kind for sentence in document.sentences] == [SENTENCE, ITEM, ITEM, ITEM, ITEM]


def test_a_heading_is_a_short_line_without_a_full_stop():
    document = split("Your appointment\n\nWe will see you on Monday.")
    assert [(sentence.text, sentence.kind) for sentence in document.sentences] == [
        ("Your appointment", HEADING),
        ("We will see you on Monday.", SENTENCE),
    ]


def test_a_heading_on_the_line_above_a_paragraph_is_not_joined_to_it():
    document = split("What happens next\nA nurse will phone you.")
    assert texts(document) == ["What happens next", "A nurse will phone you."]
    assert document.sentences[0].kind == HEADING


def test_the_last_line_is_a_sentence_even_without_a_full_stop():
    document = split("We will phone you soon")
    assert document.sentences[0].kind == SENTENCE
    assert check_text("We will phone you soon").sentences == 1


def test_hard_wrapped_lines_carry_the_sentence_on():
    document = split(
        "People told us that waiting for the\nassessment took far too long and that the\nletters were hard."
    )
    assert len(document.sentences) == 1


def test_paragraphs_split_on_blank_lines():
    text = "First paragraph.\n\n  \nSecond paragraph. Still second.\n\nThird."
    document = split(text)
    assert [text[paragraph.start : paragraph.end] for paragraph in document.paragraphs] == [
        "First paragraph.",
        "Second paragraph. Still second.",
        "Third.",
    ]
    assert [sentence.paragraph for sentence in document.sentences] == [0, 1, 1, 2]


def test_offsets_point_into_the_original_text():
    text = "  Hello there.\n\n- one item\n\nA heading\nText follows."
    for sentence in split(text).sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        for word in sentence.words:
            assert text[word.start : word.end] == word.text


def test_web_and_email_addresses_are_not_counted_as_words():
    document = split("Email help@example.nhs.uk or visit https://www.nhs.uk/conditions today.")
    assert [word.text for word in document.words] == ["Email", "or", "visit", "today"]


def test_empty_text_has_no_sentences():
    assert split("   \n\n ").sentences == ()
    report = check_text("")
    assert (report.score, report.sentences, report.words, report.issues) == (100, 0, 0, ())


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("the", 1),
        ("care", 1),
        ("loved", 1),
        ("people", 2),
        ("wanted", 2),
        ("being", 2),
        ("create", 2),
        ("hospital", 3),
        ("idea", 3),
        ("serious", 3),
        ("assessment", 3),
        ("information", 4),
        ("segregation", 4),
        ("approximately", 5),
        ("communication", 5),
        ("multidisciplinary", 7),
        ("co-production", 4),
    ],
)
def test_syllables(word, count):
    assert syllables(word) == count
