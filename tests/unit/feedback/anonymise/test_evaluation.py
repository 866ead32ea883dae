"""The done-when thresholds, on the data in tests/data/pii/ (see its README)."""

import pytest

from portal.feedback.anonymise import detect
from portal.feedback.anonymise.evaluation import load_synthetic, load_uk_cases, score_synthetic, score_uk_cases

# Gold entity types that must be found every time, wherever they appear.
ALWAYS_FOUND = ("PHONE_NUMBER", "EMAIL_ADDRESS")


@pytest.fixture(scope="module")
def synthetic():
    return score_synthetic(load_synthetic())


@pytest.fixture(scope="module")
def uk():
    return score_uk_cases(load_uk_cases())


@pytest.mark.parametrize("entity", ALWAYS_FOUND)
def test_every_phone_number_and_email_address_in_the_synthetic_data_is_found(synthetic, entity):
    assert synthetic["gold"][entity] > 0
    assert [m for m in synthetic["missed"] if m[0] == entity] == []


def test_every_identifier_in_the_synthetic_data_is_found(synthetic):
    identifiers = {"CREDIT_CARD", "US_SSN", "US_DRIVER_LICENSE", "IP_ADDRESS", "DOMAIN_NAME", "DATE_TIME"}
    assert [m for m in synthetic["missed"] if m[0] in identifiers] == []


def test_name_recall_is_at_least_nine_in_ten(synthetic):
    assert synthetic["recall"]["PERSON"] >= 0.90
    assert synthetic["name_recall_as_name"] >= 0.90


def test_every_valid_uk_identifier_is_found_exactly_with_its_label(uk):
    assert uk["expected_spans"] == 23
    assert (uk["exact_matches"], uk["failures"]) == (23, [])


def test_no_invalid_uk_identifier_is_labelled_as_one(uk):
    assert uk["invalid_cases"] == 15
    assert uk["invalid_false_positives"] == 0


@pytest.mark.parametrize("case", [c for c in load_uk_cases() if c.expected], ids=lambda c: c.text)
def test_every_valid_uk_identifier_is_redacted(case):
    spans = detect(case.text)
    for start, end in case.expected:
        assert any(s.start < end and start < s.end for s in spans)


def test_the_scorer_counts_overlaps_whatever_the_label():
    from portal.feedback.anonymise import Span
    from portal.feedback.anonymise.evaluation import Example, GoldSpan

    examples = [Example("Jo Bloggs rang", (GoldSpan(0, 9, "PERSON"),))]
    result = score_synthetic(examples, detector=lambda text: [Span(3, 14, "phone")])
    assert result["recall"] == {"PERSON": 1.0}
    assert result["name_recall_as_name"] == 0.0
    assert result["precision"] == 1.0
