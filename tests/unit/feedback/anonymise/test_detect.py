import itertools
import random
import time

import pytest
from django.test import override_settings

from portal.feedback import anonymise
from portal.feedback.anonymise import DEFAULT_RECOGNISERS, Span, detect, get_recognisers, redact
from portal.feedback.anonymise.labels import placeholder
from portal.feedback.anonymise.recognisers import Recogniser
from portal.feedback.anonymise.spans import merge_spans


class FindsWombats(Recogniser):
    """A plug-in for the tests: every "wombat" is personal data."""

    name = "wombats"

    def find(self, text):
        start = text.find("wombat")
        while start != -1:
            yield Span(start, start + 6, "other", self.name)
            start = text.find("wombat", start + 1)


class Broken(Recogniser):
    name = "broken"

    def find(self, text):
        raise RuntimeError("a bug in a plug-in")


PLUGIN = f"{__name__}.FindsWombats"
BROKEN = f"{__name__}.Broken"


def test_redacts_a_phone_number():
    text = "Call me on 07700 900123"
    assert redact(text, detect(text)) == "Call me on [phone number]"


def test_redacts_everything_in_a_typical_comment():
    text = (
        "My son Jamal (NHS number 943 476 5919) was on Willow Ward. Dr Okafor was kind. "
        "Ring me on 07700 900123 or email jo@example.com; we live at 12 Acacia Avenue, LS1 4AB."
    )
    assert redact(text, detect(text, known_terms=[("Willow Ward", "service")])) == (
        "My son [name] (NHS number [NHS number]) was on [ward or service]. Dr [name] was kind. "
        "Ring me on [phone number] or email [email address]; we live at [address], [postcode]."
    )


def test_placeholders_come_from_the_labels():
    assert placeholder("name") == "[name]"
    assert placeholder("record_number") == "[hospital or record number]"
    assert placeholder("no such label") == "[personal detail]"


def test_overlapping_and_touching_spans_merge_into_the_widest_extent():
    merged = merge_spans([Span(0, 5, "name"), Span(3, 9, "phone"), Span(9, 12, "place"), Span(20, 25, "date")])
    assert [(s.start, s.end, s.label) for s in merged] == [(0, 12, "phone"), (20, 25, "date")]


def test_a_merged_span_takes_the_label_of_its_most_confident_find():
    guess = Span(0, 6, "name", "capitalised", 0.5)
    known = Span(0, 11, "service", "known_terms", 1.0)
    (merged,) = merge_spans([guess, known])
    assert (merged.start, merged.end, merged.label, merged.source) == (0, 11, "service", "capitalised+known_terms")


def test_equally_confident_finds_are_labelled_by_priority():
    (merged,) = merge_spans([Span(0, 12, "phone"), Span(0, 12, "nhs_number"), Span(0, 12, "record_number")])
    assert merged.label == "nhs_number"


def test_detect_returns_sorted_spans_that_do_not_overlap():
    text = "Dr Okafor, 07700 900123, 943 476 5919, jo@example.com, 13/04/1987, Flat 3, 12 Acacia Avenue" * 3
    spans = detect(text)
    assert spans == sorted(spans)
    assert all(a.end < b.start for a, b in itertools.pairwise(spans))


def test_redact_accepts_unsorted_overlapping_spans():
    assert redact("abcdefgh", [Span(4, 6, "date"), Span(0, 2, "name"), Span(1, 3, "name")]) == "[name]d[date]gh"


def test_span_labels_are_plain_strings():
    span = Span(0, 1, anonymise.Label.NAME)
    assert type(span.label) is str
    assert span.label == "name"
    assert span.text_of("Jo") == "J"


def test_known_terms_match_whole_words_ignoring_case_spacing_and_apostrophes():
    terms = [("St Mary's Unit", "service"), ("Harrogate", "place"), ("Dr Zed", "name")]
    text = "At st mary’s\n unit in HARROGATE (not Harrogates), Dr  Zed"
    found = [(text[s.start : s.end], s.label) for s in detect(text, known_terms=terms, recognisers=[])]
    assert found == [("st mary’s\n unit", "service"), ("HARROGATE", "place"), ("Dr  Zed", "name")]


def test_known_terms_alone_with_no_recognisers():
    assert detect("Kelly on Willow Ward", known_terms=[("Willow Ward", "service")], recognisers=[]) == [
        Span(9, 20, "service", "known_terms")
    ]


@override_settings(PII_RECOGNISERS=[PLUGIN])
def test_the_setting_chooses_the_recognisers():
    assert [type(r) for r in get_recognisers()] == [FindsWombats]
    assert redact("a wombat called Kelly", detect("a wombat called Kelly")) == "a [personal detail] called Kelly"


@override_settings(PII_RECOGNISERS=[*DEFAULT_RECOGNISERS, PLUGIN])
def test_a_plug_in_adds_to_the_built_ins():
    text = "a wombat called Kelly"
    assert redact(text, detect(text)) == "a [personal detail] called [name]"


def test_recognisers_are_created_once():
    assert get_recognisers() is get_recognisers()


@override_settings(PII_RECOGNISERS=[BROKEN, *DEFAULT_RECOGNISERS])
def test_a_failing_recogniser_is_logged_and_the_others_still_redact(caplog):
    assert redact("Call 07700 900123", detect("Call 07700 900123")) == "Call [phone number]"
    assert "PII recogniser broken failed" in caplog.text
    assert "07700" not in caplog.text  # the log holds no personal data


def test_detect_rejects_what_is_not_text():
    assert detect(None) == []
    with pytest.raises(TypeError):
        detect(b"07700 900123")


ODD_TEXTS = [
    "",
    " ",
    "\n\n\t",
    "a",
    "'",
    "-",
    "@",
    "Mr",
    "Dr.",
    "my son",
    "my name is",
    "12",
    "12 ",
    "+",
    "((((((((((",
    "0" * 500,
    "1-" * 300,
    "a." * 300,
    "Aa " * 300,
    "@" * 300,
    "x@" * 300,
    "www." * 200,
    "😀 Kelly 😀 07700 900123 😀",
    "\u200b\u200d\ufeff\u00ad",
    "\x00\x01\x02",
    "میں خودکشی کے بارے میں سوچتا ہوں، ڈاکٹر احمد نے میری مدد کی۔ میرا فون ۰۷۷۰۰ ۹۰۰۱۲۳ ہے",
    "Chcę porozmawiać z panią Kowalską, mój numer to 07700 900123",
    "İstanbul’dan geldim, adım Ayşe",
    "ǅemal ǈubović",
    "\ud800",  # a lone surrogate
    "ﬁnance ＡＢ１２３４５６Ｃ",
]


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_odd_texts_never_raise_and_spans_stay_inside_the_text(text):
    spans = detect(text)
    assert all(0 <= s.start < s.end <= len(text) for s in spans)
    redact(text, spans)


def test_random_texts_never_raise():
    alphabet = "aAzZ09 .,-+()/:@'’\n\t#£%&éłß٠٩ی ۰" + "".join(chr(c) for c in range(0x2000, 0x2010))
    generator = random.Random(20240601)
    for _ in range(300):
        text = "".join(generator.choice(alphabet) for _ in range(generator.randint(0, 120)))
        spans = detect(text)
        assert all(0 <= s.start < s.end <= len(text) for s in spans)


@pytest.mark.parametrize(
    "text",
    [
        "My son Jamal called 07700 900123 on 13/04/2023 from 12 Acacia Avenue. " * 70,
        "1 2 3 4 5 6 7 8 9 0 " * 250,
        "a" * 5000,
        "Aa Bb " * 833,
        "1." * 2500,
        "a@b." * 1250,
        "Flat " * 1000,
        "0" * 5000,
    ],
    ids=["feedback", "digits", "one-word", "capitals", "dotted", "at-signs", "flats", "zeros"],
)
def test_a_5000_character_text_is_scanned_quickly(text):
    started = time.perf_counter()
    detect(text[:5000])
    assert time.perf_counter() - started < 1.0
