"""Dates and ages: with a name or a place, a date of birth or an age can pick out one person.

Dates: numeric dates (13/04/1987, 13-04-87, 1987-04-13, with a time if one follows), dates with a
month name (13th April 1987, April 13, 1987, 13 Apr, April 1987), and any year or date after words
about birth ("born in 1987", "DOB 13 4 87"). A year on its own is not a date here: "since 2019" is
rarely personal, and feedback is full of years.

Ages: "aged 34", "age 34", "at the age of 34", "34 years old", "34-year-old", "34yo", "a 6 month old",
"thirty-four years old", and decades of life ("in her late 40s").
"""

import re

from portal.feedback.anonymise.labels import Label
from portal.feedback.anonymise.recognisers import Recogniser, prepare
from portal.feedback.anonymise.spans import Span

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|(?-i:May|MAY)|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:(?:19|20)\d{2}|'\d{2})"
_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)"


class DateRecogniser(Recogniser):
    """Dates written with numbers or month names, and years or dates after words about birth."""

    name = "date"
    label = Label.DATE
    numeric = re.compile(
        rf"(?<![\w/.:-])(?P<date>(?P<a>\d{{1,2}})([/.-])(?P<b>\d{{1,2}})\3(?P<c>\d{{4}}|\d{{2}})"
        rf"|(?P<y>\d{{4}})([/.-])(?P<m>\d{{1,2}})\7(?P<d>\d{{1,2}})){_TIME}?(?![\w/-]|[.:]\d)"
    )
    # "13th April 1987", "13 of April", "13 Apr"; "April 13, 1987", "April 13th"; "April 1987".
    # The look-ahead after the day keeps "April 2019" from being read as April the 20th.
    named = re.compile(
        rf"(?<![\w])(?:{_DAY}\s+(?:of\s+)?{_MONTH}\.?(?:,?\s+{_YEAR})?"
        rf"|{_MONTH}\.?\s+{_DAY}(?!\d)(?:,?\s+{_YEAR})?"
        rf"|{_MONTH}\.?,?\s+{_YEAR})(?![\w])",
        re.IGNORECASE,
    )
    after_birth = re.compile(
        r"(?<![\w])(?:born|b\.|d\.?o\.?b\.?|date of birth|birth ?date|birthday)\s*(?:is|was|on|in|:|-)?\s*"
        r"(?:the\s+)?(?P<found>\d{1,2}[ /.-]\d{1,2}[ /.-]\d{2,4}|(?:19|20)\d{2}|" + _DAY + r")(?![\w])",
        re.IGNORECASE,
    )

    def find(self, text):
        prepared = prepare(text)
        for match in self.numeric.finditer(prepared):
            if _valid_numeric_date(match):
                yield Span(match.start(), match.end(), self.label, self.name)
        for match in self.named.finditer(prepared):
            yield Span(match.start(), match.end(), self.label, self.name)
        for match in self.after_birth.finditer(prepared):
            yield Span(match.start("found"), match.end("found"), self.label, "date_of_birth")


def _valid_numeric_date(match):
    if match.group("y"):
        return 1 <= int(match.group("m")) <= 12 and 1 <= int(match.group("d")) <= 31
    first, second = int(match.group("a")), int(match.group("b"))
    # Day/month or, as in American text, month/day.
    return 1 <= min(first, second) <= 12 and max(first, second) <= 31


_NUMBER_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|"
    r"eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|a hundred(?: and \w+)?)"
)
_AGE_NUMBER = rf"(?:\d{{1,3}}|{_NUMBER_WORD})"


class AgeRecogniser(Recogniser):
    """Ages: the number after "aged"/"age", the whole phrase for "34 years old", and decades of life."""

    name = "age"
    label = Label.AGE
    years_old = re.compile(
        rf"(?<![\w]){_AGE_NUMBER}[ -]?(?:(?:years?|yrs?|months?|weeks?)[ -]?(?:old|of age)|yo|y/o|y\.o\.?)(?![\w])",
        re.IGNORECASE,
    )
    aged = re.compile(
        rf"(?<![\w])(?:aged|age|ages|age of|the age of)\s*:?\s*(?P<found>{_AGE_NUMBER})(?![\w])", re.IGNORECASE
    )
    decade = re.compile(
        r"(?<![\w])(?:in|into)\s+(?:my|his|her|their|your|our|the)\s+(?P<found>(?:(?:early|mid|late)[ -]?)?"
        r"(?:\d0'?s|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?![\w])",
        re.IGNORECASE,
    )

    def find(self, text):
        prepared = prepare(text)
        for match in self.years_old.finditer(prepared):
            number = re.match(r"\d+", match.group())
            if number is None or int(number.group()) <= 120:
                yield Span(match.start(), match.end(), self.label, self.name)
        for pattern in (self.aged, self.decade):
            for match in pattern.finditer(prepared):
                found = match.group("found")
                if not found.isdigit() or int(found) <= 120:
                    yield Span(match.start("found"), match.end("found"), self.label, self.name)
