import pytest

from portal.feedback.anonymise.addresses import AddressRecogniser
from portal.feedback.anonymise.dates import AgeRecogniser, DateRecogniser


def found(recogniser, text):
    return sorted(text[span.start : span.end] for span in recogniser.find(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on 13/04/1987", "13/04/1987"),
        ("13-04-87", "13-04-87"),
        ("1987-04-13", "1987-04-13"),
        ("12/27/1986", "12/27/1986"),  # American order
        ("When: 1998-06-28 14:48:14", "1998-06-28 14:48:14"),
        ("the 13th April 1987", "13th April 1987"),
        ("13th of April", "13th of April"),
        ("April 13, 1987", "April 13, 1987"),
        ("seen 13 Apr", "13 Apr"),
        ("in April 2019", "April 2019"),
        ("on 1 May", "1 May"),
        ("I was born in 1987", "1987"),
        ("DOB 13 4 87", "13 4 87"),
        ("date of birth: 1.2.1990", "1.2.1990"),
    ],
)
def test_dates(text, expected):
    assert expected in found(DateRecogniser(), text)


@pytest.mark.parametrize(
    "text",
    [
        "since 2019",
        "at 10:30",
        "it cost £12.50",
        "3/4 of the staff",
        "you may 2 times",  # lower-case "may" is a verb
        "Ward 7",
        "32/13/2020",
        "version 1.2.3",
    ],
)
def test_not_dates(text):
    assert found(DateRecogniser(), text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("aged 34", "34"),
        ("at the age of 89", "89"),
        ("Age: 34", "34"),
        ("I am 34 years old", "34 years old"),
        ("a 34-year-old man", "34-year-old"),
        ("my 2 year old", "2 year old"),
        ("34yo", "34yo"),
        ("I am 90 years of age", "90 years of age"),
        ("thirty-four years old", "thirty-four years old"),
        ("in our eighties", "eighties"),
        ("in her late 40s", "late 40s"),
    ],
)
def test_ages(text, expected):
    assert found(AgeRecogniser(), text) == [expected]


@pytest.mark.parametrize("text", ["I waited 2 years", "for 34 years", "aged 200", "age-old problem", "in 1990s"])
def test_not_ages(text):
    assert found(AgeRecogniser(), text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I live at 12 Acacia Avenue.", "12 Acacia Avenue"),
        ("12a High Street, Leeds", "12a High Street, Leeds"),
        ("10 St Mary's Road", "10 St Mary's Road"),
        ("1 The Green", "1 The Green"),
        ("8 wressle road", "8 wressle road"),
        ("19 1755 Nelson Mandela Drive", "19 1755 Nelson Mandela Drive"),
        ("Flat 3, 12 Acacia Avenue", "Flat 3, 12 Acacia Avenue"),
        ("Apartment 4B", "Apartment 4B"),
        ("PO Box 123", "PO Box 123"),
        ("on Whittaker Street", "Whittaker Street"),
        ("Nassaustraat 123", "Nassaustraat 123"),
        ("16 48 rue Descartes", "16 48 rue Descartes"),
        ("87 Jakobi 69", "87 Jakobi 69"),
        ("74 106 Kate Edger Place, BINSTED, Vatican City", "74 106 Kate Edger Place, BINSTED, Vatican City"),
    ],
)
def test_addresses(text, expected):
    assert found(AddressRecogniser(), text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "I waited 3 hours in the car park",
        "a 5 minute walk",
        "a 20 min drive",
        "2 hours drive away",
        "Ward 7 on the main road",
        "close to the 2 nurses",
        "I was born in 1987, DOB 13/04/87",
        "waited 2 hours for 15 minutes",
        "via email",
        "the high street",
    ],
)
def test_not_addresses(text):
    assert found(AddressRecogniser(), text) == []


def test_an_address_and_its_postcode_are_separate_redactions():
    assert found(AddressRecogniser(), "12 Acacia Avenue, Leeds LS1 4AB") == ["12 Acacia Avenue, Leeds"]
