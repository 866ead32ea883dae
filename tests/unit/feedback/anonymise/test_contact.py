import pytest

from portal.feedback.anonymise.recognisers import EmailRecogniser, PhoneNumberRecogniser, WebAddressRecogniser


def found(recogniser, text):
    return [text[span.start : span.end] for span in recogniser.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Call me on 07700 900123", "07700 900123"),
        ("07700900123", "07700900123"),
        ("07700-900-123", "07700-900-123"),
        ("+44 7700 900123", "+44 7700 900123"),
        ("+447700900123", "+447700900123"),
        ("+44 (0)20 7946 0958", "+44 (0)20 7946 0958"),
        ("(020) 7946 0958", "(020) 7946 0958"),
        ("0161-496-0000", "0161-496-0000"),
        ("ring 0113 496 0000 ext. 123", "0113 496 0000 ext. 123"),
        ("(96) 627-277", "(96) 627-277"),
        ("+1-202-555-0103", "+1-202-555-0103"),
        ("555.123.4567", "555.123.4567"),
        ("001-1234-567", "001-1234-567"),
        ("986.291.2294x751", "986.291.2294x751"),
        ("Ward 12 07700 900123", "07700 900123"),  # the longest part that is a phone number
        ("０７７００ ９００１２３", "０７７００ ９００１２３"),  # full-width digits
    ],
)
def test_phone_numbers(text, expected):
    assert found(PhoneNumberRecogniser(), text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "in 2019",
        "2019 2020 2021",
        "1998-2004",
        "at 10:30",
        "it cost £12.50",
        "£1,234,567",
        "13/04/1987",
        "13-04-1987",
        "1998-06-28 14:48:14",
        "1 000 000 people",
        "1 2 3 4 5 6 7",
        "Ward 7",
        "top 20 songs",
        "3.14159265",
        "58.74.121.78",
        "12345678",  # one run that does not start like a phone number
    ],
)
def test_not_phone_numbers(text):
    assert found(PhoneNumberRecogniser(), text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("email jo.bloggs@example.co.uk.", "jo.bloggs@example.co.uk"),
        ("LeaVLind@superrito.com", "LeaVLind@superrito.com"),
        ("o'neil+nhs@nhs.net", "o'neil+nhs@nhs.net"),
        ("jo bloggs at gmail dot com", "bloggs at gmail dot com"),
        ("jo(at)example.co.uk", "jo(at)example.co.uk"),
    ],
)
def test_email_addresses(text, expected):
    assert expected in found(EmailRecogniser(), text)


def test_social_media_handles_are_other_personal_details():
    (span,) = EmailRecogniser().find("follow me @jo_bloggs")
    assert (span.label, span.source) == ("other", "handle")


@pytest.mark.parametrize("text", ["me @ 5pm", "A&E at 10", "nobody@", "the @ sign"])
def test_not_email_addresses(text):
    assert found(EmailRecogniser(), text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("see http://www.DialForum.co.uk/.", "http://www.DialForum.co.uk/"),
        ("https://TestingStress.pl/", "https://TestingStress.pl/"),
        ("www.example.org/page?x=1", "www.example.org/page?x=1"),
        ("my blog example.co.uk", "example.co.uk"),
        ("look at foo.com, then", "foo.com"),
        ("address 58.74.121.78 blocked", "58.74.121.78"),
        ("from 2001:0db8:85a3:0000:0000:8a2e:0370:7334", "2001:0db8:85a3:0000:0000:8a2e:0370:7334"),
    ],
)
def test_web_addresses(text, expected):
    assert found(WebAddressRecogniser(), text) == [expected]


@pytest.mark.parametrize(
    "text",
    ["e.g. this", "i.e. that", "needs.ie", "I went home.No one came", "report.pdf", "v1.2.3", "300.1.1.1"],
)
def test_not_web_addresses(text):
    assert found(WebAddressRecogniser(), text) == []
