"""Numbers written the easy-read way: digits, commas in long numbers, no percentages or fractions.

Easy-read guidance asks for numbers as digits ("10", not "ten"), and for "1 in 4" or "most people"
rather than "25%" or "a quarter". These are small things, so every note here is advice.
"""

import re

from django.utils.translation import gettext

from .report import Issue
from .vocabulary import NUMBER_WORD_SCALES, NUMBER_WORD_VALUES

_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_SCALES = "hundred|thousand|million|billion"
NUMBER_WORDS = re.compile(
    rf"\b(?:(?:{_UNITS})\s+(?:{_SCALES})|(?:{_TENS})(?:[-\s](?:{_UNITS}))?|{_TEENS}|{_SCALES})\b(?![-’']?s\b)",
    re.IGNORECASE,
)
LONG_NUMBER = re.compile(r"(?<![\w,.-])(?<!\d\s)\d{4,}(?![\w,]|\.\d)")
PERCENTAGE = re.compile(r"\b\d+(?:\.\d+)?(?:\s?[-–]\s?\d+(?:\.\d+)?)?(?:\s?%|\s+per\s?cent\b)", re.IGNORECASE)
FRACTION = re.compile(r"(?<![\d/])(\d+)/(\d+)(?![\d/])")
WORD_FRACTION = re.compile(
    r"\b(?:a|one|two|three|four)\s+(?:thirds?|quarters?|fifths?|tenths?)\b(?!\s+(?:of\s+a\s+)?(?:mile|hour))",
    re.IGNORECASE,
)
ROMAN_NUMERAL = re.compile(r"\((i{1,3}|iv|v|vi{1,3}|ix|x)\)|\b(I{2,3}|IV|VI{1,3}|IX|XI{1,3}|XIV|XV|XX)\b")
ROMAN_VALUES = {"i": 1, "v": 5, "x": 10}
EVERYDAY_PROPORTIONS = {10: "1 in 10", 20: "1 in 5", 25: "1 in 4", 33: "1 in 3", 50: "half", 75: "3 in 4"}


def numbers(document):
    text = document.text
    yield from _number_words(text)
    yield from _long_numbers(text)
    yield from _percentages(text)
    yield from _fractions(text)
    yield from _roman_numerals(text)


def _number_words(text):
    for match in NUMBER_WORDS.finditer(text):
        value = _value_of(match.group())
        message = gettext(
            "Numbers are easier to read as digits. Could you write “%(digits)s” instead of “%(words)s”?"
        ) % {"digits": f"{value:,}", "words": match.group()}
        yield Issue("number", message, match.start(), match.end(), "advice")


def _value_of(words):
    parts = re.split(r"[-\s]+", words.lower())
    value = 0
    for part in parts:
        if part in NUMBER_WORD_SCALES:
            value = max(value, 1) * NUMBER_WORD_SCALES[part]
        else:
            value += NUMBER_WORD_VALUES[part]
    return value


def _long_numbers(text):
    for match in LONG_NUMBER.finditer(text):
        digits = match.group()
        value = int(digits)
        if digits.startswith("0") or 1900 <= value <= 2100:
            continue  # phone numbers and years are not written with commas
        message = gettext("Long numbers are easier to read with commas. Could you write “%(number)s”?") % {
            "number": f"{value:,}"
        }
        yield Issue("number", message, match.start(), match.end(), "advice")


def _percentages(text):
    for match in PERCENTAGE.finditer(text):
        value = re.match(r"[\d.]+", match.group()).group()
        suggestion = _proportion(float(value)) if match.group() == value + "%" else None
        if suggestion:
            message = gettext(
                "Percentages can be hard to understand. Could you say “%(suggestion)s” instead of “%(percentage)s”?"
            ) % {"suggestion": suggestion, "percentage": match.group()}
        else:
            message = gettext(
                "Percentages can be hard to understand. Could you say something like “1 in 4” or “most people” "
                "instead of “%(percentage)s”?"
            ) % {"percentage": match.group()}
        yield Issue("number", message, match.start(), match.end(), "advice")


def _proportion(percentage):
    rounded = round(percentage)
    if rounded in EVERYDAY_PROPORTIONS:
        return EVERYDAY_PROPORTIONS[rounded]
    if 5 <= percentage <= 95:
        return gettext("about %(count)d in 10") % {"count": round(percentage / 10)}
    return None


def _fractions(text):
    for match in FRACTION.finditer(text):
        top, bottom = int(match.group(1)), int(match.group(2))
        if top >= 1900 or bottom == 0 or top >= bottom:
            continue  # "2023/24" is a financial year; "24/7" means all the time
        message = gettext(
            "Fractions can be hard to understand. Could you say “%(top)d in %(bottom)d” instead of “%(fraction)s”?"
        ) % {"top": top, "bottom": bottom, "fraction": match.group()}
        yield Issue("number", message, match.start(), match.end(), "advice")
    for match in WORD_FRACTION.finditer(text):
        message = gettext(
            "Fractions can be hard to understand. Could you say something like “1 in 3” or “some people” "
            "instead of “%(fraction)s”?"
        ) % {"fraction": match.group()}
        yield Issue("number", message, match.start(), match.end(), "advice")


def _roman_numerals(text):
    for match in ROMAN_NUMERAL.finditer(text):
        numeral = match.group(1) or match.group(2)
        start, end = match.span(1) if match.group(1) else match.span(2)
        message = gettext(
            "Roman numerals like “%(numeral)s” can be hard to read. Could you use “%(number)d” instead?"
        ) % {"numeral": numeral, "number": _roman_value(numeral)}
        yield Issue("number", message, start, end, "advice")


def _roman_value(numeral):
    values = [ROMAN_VALUES[character] for character in numeral.lower()]
    return sum(-value if later > value else value for value, later in zip(values, [*values[1:], 0], strict=True))
