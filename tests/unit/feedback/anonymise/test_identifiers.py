import pytest

from portal.feedback.anonymise import detect
from portal.feedback.anonymise.evaluation import load_uk_cases
from portal.feedback.anonymise.recognisers import (
    NationalInsuranceNumberRecogniser,
    NHSNumberRecogniser,
    PostcodeRecogniser,
    RecordNumberRecogniser,
    nhs_check_digit_ok,
)


def found(recogniser, text):
    return [text[span.start : span.end] for span in recogniser.find(text)]


# --- NHS numbers ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NHS number 943 476 5919", "943 476 5919"),
        ("943-476-5919", "943-476-5919"),
        ("my number is 9434765919.", "9434765919"),
        ("401-023-2137", "401-023-2137"),
        ("0032698674", "0032698674"),
        ("٩٤٣٤٧٦٥٩١٩", "٩٤٣٤٧٦٥٩١٩"),  # Arabic-Indic digits, as typed on an Urdu keyboard
    ],
)
def test_nhs_numbers_that_pass_the_check_digit(text, expected):
    assert found(NHSNumberRecogniser(), text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "401-023-2138",  # wrong check digit
        "943 476 5910",
        "943 476-5919",  # mixed separators
        "19434765919",  # inside a longer number
        "94347659190",
        "A9434765919",
        "2019 2020",
    ],
)
def test_not_nhs_numbers(text):
    assert found(NHSNumberRecogniser(), text) == []


def test_check_digit_of_ten_is_never_valid():
    # 6 x 2 = 12, 1 more than 11: the check digit would be 10, which no NHS number has.
    assert not any(nhs_check_digit_ok(f"000000006{digit}") for digit in range(10))


# --- National Insurance numbers ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AB 12 34 56 C", "AB 12 34 56 C"),
        ("ab123456c", "ab123456c"),
        ("JG-10-30-40-A", "JG-10-30-40-A"),
        ("my NI is ZY 123456 D, thanks", "ZY 123456 D"),
    ],
)
def test_national_insurance_numbers(text, expected):
    assert found(NationalInsuranceNumberRecogniser(), text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "DA 12 34 56 A",  # D is never first
        "AO 12 34 56 A",  # O is never second
        "GB 12 34 56 A",  # never issued
        "ZZ 12 34 56 A",
        "AB 12 34 56 E",  # suffix is A-D
        "AB 12 34 56",  # no suffix
        "XAB123456C",  # inside a longer word
    ],
)
def test_not_national_insurance_numbers(text):
    assert found(NationalInsuranceNumberRecogniser(), text) == []


# --- Postcodes ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("LS1 4AB", "LS1 4AB"),
        ("ls14ab", "ls14ab"),
        ("Write to SW1A 2AA.", "SW1A 2AA"),
        ("B33 8TH", "B33 8TH"),
        ("GIR 0AA", "GIR 0AA"),
        ("ZIP: 11164", "11164"),
    ],
)
def test_postcodes(text, expected):
    assert found(PostcodeRecogniser(), text) == [expected]


@pytest.mark.parametrize("text", ["Ward 7", "10:30", "£12.50", "A1 road", "the M62", "B4 5PM", "11164"])
def test_not_postcodes(text):
    assert found(PostcodeRecogniser(), text) == []


# --- The UK identifier cases (presidio's tests), one recogniser at a time ---

RECOGNISERS = {
    "UK_NHS": NHSNumberRecogniser(),
    "UK_POSTCODE": PostcodeRecogniser(),
    "UK_NINO": NationalInsuranceNumberRecogniser(),
}


@pytest.mark.parametrize("case", [c for c in load_uk_cases() if c.expected], ids=lambda c: c.text)
def test_uk_valid_identifiers_found_by_their_recogniser(case):
    spans = [(s.start, s.end) for s in RECOGNISERS[case.entity].find(case.text)]
    expected = [(start + (case.text[start] == " "), end) for start, end in case.expected]
    assert spans == expected


@pytest.mark.parametrize("case", [c for c in load_uk_cases() if not c.expected], ids=lambda c: c.text)
def test_uk_invalid_identifiers_found_by_no_recogniser_of_their_kind(case):
    assert list(RECOGNISERS[case.entity].find(case.text)) == []
    assert [s for s in detect(case.text) if s.label == case.label] == []


# --- Record numbers ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hospital number 1234567", "1234567"),
        ("MRN: A123456", "A123456"),
        ("RiO 1234567", "1234567"),
        ("PARIS number 7654321", "7654321"),
        ("patient ID ABC123", "ABC123"),
        ("He was in bed 12 on Ward 7", "12"),
        ("NHS number 401 023 2138", "401 023 2138"),  # a mistyped NHS number is still someone's
        ("card 4532 2766 4457 7020", "4532 2766 4457 7020"),
        ("SSN 123-45-6789", "123-45-6789"),
        ("licence 481195160", "481195160"),
        ("Incident no 25153582", "25153582"),
    ],
)
def test_record_numbers(text, expected):
    assert expected in found(RecordNumberRecogniser(), text)


@pytest.mark.parametrize(
    "text",
    [
        "I rang NHS 111 and then 999",
        "my service user was 100% safe",
        "on Ward 7",
        "in any case 2019 was hard",
        "I waited 2 hours",
        "it cost £1,250.00",
    ],
)
def test_not_record_numbers(text):
    assert found(RecordNumberRecogniser(), text) == []
