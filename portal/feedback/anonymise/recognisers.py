"""The recogniser interface, and the recognisers for identifiers, contact details and known terms.

A recogniser has a `name` and a `find(text)` that yields Spans; detect() runs each one named in the
PII_RECOGNISERS setting. Dates and ages are in dates.py, addresses in addresses.py and names in names.py.

The built-in recognisers match regular expressions against prepare(text), a copy of the text exactly as
long as the original, so every offset found there is an offset in the original: curly apostrophes are
read as straight ones, dashes as hyphens, unusual spaces as spaces, and digits of any script ("٠٧٧٠٠")
as ASCII digits. Each pattern starts with a look-behind that stops it starting inside a longer token, and
avoids nested open-ended repeats, so no input makes matching take more than linear time per token.
"""

import functools
import re
import unicodedata

from portal.feedback.anonymise.labels import Label
from portal.feedback.anonymise.spans import LABEL_PRIORITY, Span


class Recogniser:
    """Finds one or more kinds of personal data. Subclasses set `name` and implement find()."""

    name = "recogniser"

    def find(self, text):
        """Spans of personal data in text (any order, overlaps allowed: detect() merges them)."""
        raise NotImplementedError(f"{type(self).__name__} must implement find(text)")


class _SameLengthFolding(dict):
    """str.translate table mapping characters one-for-one to the plain forms the patterns expect."""

    def __missing__(self, code):
        char = chr(code)
        if char in "\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4":
            folded = "'"
        elif char in "\u201c\u201d\u201e\u2033":
            folded = '"'
        elif char in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d":
            folded = "-"
        elif char.isspace() and char not in "\n\r":
            folded = " "
        elif char.isdecimal() and not char.isascii():
            folded = str(unicodedata.decimal(char))
        else:
            folded = char
        self[code] = folded
        return folded


_FOLDING = _SameLengthFolding()


@functools.lru_cache(maxsize=4)
def prepare(text):
    """text with the same length, in the plain forms the patterns expect (see the module docstring)."""
    return text.translate(_FOLDING)


class PatternRecogniser(Recogniser):
    """Yields each match of `pattern` in prepare(text) that accept() allows, labelled `label`.

    If the pattern has a group named "found", the span is that group, so context around it can be
    matched without being redacted ("MRN: A123456" redacts only "A123456").
    """

    pattern = None
    label = Label.OTHER

    def find(self, text):
        prepared = prepare(text)
        for match in self.pattern.finditer(prepared):
            if not self.accept(match):
                continue
            group = "found" if "found" in self.pattern.groupindex and match.group("found") else 0
            yield Span(match.start(group), match.end(group), self.label, self.name)

    def accept(self, match):
        return True


# --- NHS numbers --------------------------------------------------------------------------------------


def nhs_check_digit_ok(digits):
    """The NHS number modulus 11 check: weights 10..2 on the first nine digits, 11 - remainder."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    check = 11 - sum(int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1), strict=True)) % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


class NHSNumberRecogniser(PatternRecogniser):
    """Ten digits, as 3 3 4 with spaces or hyphens or none, that pass the modulus 11 check."""

    name = "nhs_number"
    label = Label.NHS_NUMBER
    pattern = re.compile(r"(?<![\w])(?<!\d[-.])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\w])(?![-.]\d)")

    def accept(self, match):
        return nhs_check_digit_ok(match.group(1) + match.group(3) + match.group(4))


# --- National Insurance numbers -----------------------------------------------------------------------

# HMRC: the first letter is not D, F, I, Q, U or V; the second not D, F, I, O, Q, U or V; these
# prefixes are never issued; the suffix is A, B, C or D.
NINO_UNUSED_PREFIXES = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})


class NationalInsuranceNumberRecogniser(PatternRecogniser):
    """AB 12 34 56 C: spaced, hyphenated or not, any case, with HMRC's prefix and suffix rules."""

    name = "ni_number"
    label = Label.NI_NUMBER
    pattern = re.compile(
        r"(?<![A-Za-z0-9])(?P<prefix>[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])"
        r"[ -]?\d{2}[ -]?\d{2}[ -]?\d{2}[ -]?[A-D](?![A-Za-z0-9])",
        re.IGNORECASE,
    )

    def accept(self, match):
        return match.group("prefix").upper() not in NINO_UNUSED_PREFIXES


# --- Postcodes ----------------------------------------------------------------------------------------

# Royal Mail's formats: A9, A99, A9A, AA9, AA99 and AA9A outward codes, then 9AA. Q, V and X never
# start a postcode; I, J and Z are never second; the letter after a digit is limited (A9A: ABCDEFGHJKPSTUW,
# AA9A: ABEHMNPRVWXY); the inward letters are never C, I, K, M, O or V. Plus GIR 0AA (Girobank).
_OUTWARD = r"[A-PR-UWYZ](?:[0-9][0-9A-HJKPSTUW]?|[A-HK-Y][0-9][0-9ABEHMNPRVWXY]?)"
_INWARD = r"[0-9][ABD-HJLNP-UW-Z]{2}"


class PostcodeRecogniser(PatternRecogniser):
    """Full UK postcodes, with or without the space, any case, not inside a longer word."""

    name = "postcode"
    label = Label.POSTCODE
    pattern = re.compile(
        rf"(?<![A-Za-z0-9])(?:GIR {{0,2}}0AA|{_OUTWARD} {{0,2}}{_INWARD})(?![A-Za-z0-9])"
        # Five-digit ZIP codes and other postal codes only when named as such.
        r"|(?<![\w])(?:zip(?: code)?|postal code|post code|postcode|post-code)\s*:?\s*(?P<found>\d{5}(?:-\d{4})?)\b",
        re.IGNORECASE,
    )


# --- Phone numbers ------------------------------------------------------------------------------------

# One run of digits, or one in brackets: "(020)", "(0)", "(96)".
_DIGITS = r"(?:\(\+?\d{1,5}\)|\d{1,15})"
_SEPARATOR = r"(?:[ ]?[.-][ ]?|[ ]{1,2}|(?<=\)))"


class PhoneNumberRecogniser(Recogniser):
    """UK and international phone numbers: 07700 900123, +44 (0)20 7946 0958, (96) 627-277, 555.123.4567.

    A candidate is any run of up to eight digit groups split by spaces, dots or hyphens, with an optional
    +, brackets and extension. It is a phone number when it has 7 to 15 digits and does not look like
    something else: a date, a list of years, a number with thousands separators, an IP address, or one
    unbroken run of digits that does not start like a phone number (+, or 0 and 10-11 digits). When the
    whole candidate fails, its longest run of groups that passes is taken, so "Ward 12 07700 900123"
    still yields the phone number.
    """

    name = "phone"
    label = Label.PHONE
    candidate = re.compile(
        rf"(?<![\w+/.-])(?P<number>\+?[ ]?{_DIGITS}(?:{_SEPARATOR}{_DIGITS}){{0,7}})"
        r"(?P<extension>[ ]?(?:x|ext\.?|extn\.?|extension)[ ]?\d{1,6})?(?![\w-]|[.:/]\d)",
        re.IGNORECASE,
    )
    group = re.compile(r"\+?[ ]?\(?\+?\d+\)?")
    date_shape = re.compile(r"\d{1,4}([./ -])\d{1,2}\1\d{1,4}")

    def find(self, text):
        prepared = prepare(text)
        for match in self.candidate.finditer(prepared):
            if _IP_ADDRESS.fullmatch(match.group("number")):
                continue  # WebAddressRecogniser's, and no part of it is a phone number
            groups = [
                (match.start("number") + g.start(), match.start("number") + g.end())
                for g in self.group.finditer(match.group("number"))
            ]
            span = self._longest_valid(prepared, groups, match)
            if span:
                yield Span(*span, self.label, self.name)

    def _longest_valid(self, text, groups, match):
        count = len(groups)
        for size in range(count, 0, -1):
            for first in range(count - size + 1):
                last = first + size - 1
                start, end = groups[first][0], groups[last][1]
                if self.is_phone_number(text[start:end].strip()):
                    if last == count - 1 and match.group("extension"):
                        end = match.end("extension")
                    return (start + (len(text[start:end]) - len(text[start:end].lstrip())), end)
        return None

    def is_phone_number(self, candidate):
        runs = re.findall(r"\d+", candidate)
        digits = "".join(runs)
        if not 7 <= len(digits) <= 15 or not runs:
            return False
        plus = candidate.startswith("+")
        if len(runs) == 1:
            return (plus and len(digits) >= 10) or (
                digits.startswith("0") and not digits.startswith("00") and len(digits) in (10, 11)
            )
        if not plus and not digits.startswith("0") and any(len(run) >= 4 and run[0] == "0" for run in runs[1:]):
            return False  # "12 07700 900123": the phone number starts at its trunk 0, not before
        inner = [run for run in runs[1:] if f"({run})" not in candidate or run != "0"]
        if any(len(run) == 1 for run in inner):
            return False  # "1 2 3 4 5 6 7": counting, not a phone number; "+1 202 ..." keeps its one-digit code
        if all(len(run) == 4 and 1800 <= int(run) <= 2099 for run in runs):
            return False  # "2019 2020", "1998-2004"
        if self.date_shape.fullmatch(candidate) and _plausible_date(runs):
            return False
        separators = set(re.sub(r"[\d()+]", "", candidate))
        thousands = len(runs[0]) <= 3 and all(len(run) == 3 for run in runs[1:])
        if thousands and not plus and not digits.startswith("0") and separators <= {" ", "."}:
            return False  # "1 000 000", "12.345.678": thousands, not a phone number
        ip_address = len(runs) == 4 and all(int(run) <= 255 for run in runs)
        # A decimal number, or an IP address (WebAddressRecogniser finds those).
        return not (separators == {"."} and (len(runs) == 2 or ip_address))


_IP_ADDRESS = re.compile(r"(?:\d{1,3}\.){3}\d{1,3}")


def _plausible_date(runs):
    if len(runs) != 3:
        return False
    numbers = [int(run) for run in runs]
    if len(runs[0]) == 4:
        return 1 <= numbers[1] <= 12 and 1 <= numbers[2] <= 31
    day_month = numbers[:2]
    return min(day_month) >= 1 and min(day_month) <= 12 and max(day_month) <= 31 and len(runs[2]) in (2, 4)


# --- Email and web addresses --------------------------------------------------------------------------

_BARE_DOMAIN_ENDINGS = (
    "com|org|net|info|biz|io|uk|eu|de|fr|pl|ro|es|nl|pt|se|dk|fi|cz|sk|hu|lt|lv|ee|gr|tr|ru|ua|ca|au|nz|za|"
    "ng|gh|ke|pk|jp|cn|br|mx|ch|app|dev|online|site|shop|blog|xyz"
)


class EmailRecogniser(PatternRecogniser):
    """Email addresses, written out ("name at example dot com") too, and social media handles."""

    name = "email"
    label = Label.EMAIL
    pattern = re.compile(
        r"(?<![\w.+-])[\w.+'-]+@[\w-]+(?:\.[\w-]+)+"
        r"|(?<![\w.+-])[\w.+-]+ ?(?:\(at\)|\[at\]|\{at\}| at ) ?[\w-]+ ?(?:\(dot\)|\[dot\]| dot |\.) ?"
        r"(?:co(?:\.| dot )uk|org(?:\.| dot )uk|nhs(?:\.| dot )(?:net|uk)|ac(?:\.| dot )uk|com|net|org)\b",
        re.IGNORECASE,
    )

    def find(self, text):
        yield from super().find(text)
        for match in _HANDLE.finditer(prepare(text)):
            yield Span(match.start(), match.end(), Label.OTHER, "handle")


_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z_][A-Za-z0-9_.]{1,29}(?<!\.)(?![\w@])")


class WebAddressRecogniser(Recogniser):
    """http(s):// and www. addresses, bare domains such as example.co.uk, and IP addresses."""

    name = "url"
    label = Label.URL
    with_scheme = re.compile(r"(?<![\w@])(?:https?://|www\.)[^\s<>\"'|]+", re.IGNORECASE)
    bare = re.compile(
        rf"(?<![\w@./-])(?:[a-z0-9][a-z0-9-]*\.)+(?:{_BARE_DOMAIN_ENDINGS})(?![\w-])(?:/[^\s<>\"'|]*)?",
        re.IGNORECASE,
    )
    ipv4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)")
    ipv6 = re.compile(r"(?<![\w:])(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}(?![\w:])", re.IGNORECASE)

    def find(self, text):
        prepared = prepare(text)
        covered = []
        for match in (*self.with_scheme.finditer(prepared), *self.bare.finditer(prepared)):
            if any(start <= match.start() < end for start, end in covered):
                continue  # "www.example.org" is found once, by the first pattern
            end = match.start() + len(match.group().rstrip(".,;:!?)]}'\""))
            covered.append((match.start(), end))
            yield Span(match.start(), end, self.label, self.name)
        for match in self.ipv4.finditer(prepared):
            if all(int(part) <= 255 for part in match.group().split(".")):
                yield Span(match.start(), match.end(), self.label, "ip_address")
        for match in self.ipv6.finditer(prepared):
            yield Span(match.start(), match.end(), self.label, "ip_address")


# --- Record numbers -----------------------------------------------------------------------------------

_RECORD_CONTEXT = (
    r"(?:hospital|patient|medical|health|case|record|records|nhs|chi|mrn|rio|paris|emis|systmone|client|"
    r"service user|reference|ref|crn|hcn|unit|account|membership|policy|claim|licen[cs]e|passport|"
    r"driver'?s licen[cs]e|driving licen[cs]e|card|ni|national insurance|social security|ssn|tax|id)"
)


_YEAR = re.compile(r"(?:1[89]|20)\d{2}")


class RecordNumberRecogniser(Recogniser):
    """Hospital, record and reference numbers, bed numbers, and card-like runs of digits.

    An identifier after a word that names it ("hospital number 1234567", "MRN: A123456", "RiO 1234567",
    "NHS number 401 023 2138": a mistyped NHS number is still someone's); card numbers and US social
    security numbers by their shape; and any unbroken run of 8 to 19 digits that is not a phone number,
    which in feedback is always some kind of identifier.
    """

    name = "record_number"
    label = Label.RECORD_NUMBER
    with_context = re.compile(
        rf"(?<![\w]){_RECORD_CONTEXT}\s*(?:number|no|num|nr|#|id|identifier|code)?\.?\s*(?:is|was|:|=|-)?\s*"
        r"(?P<found>(?:[A-Z]{1,4}[ -]?)?\d[\d/-]*(?: \d+){0,3}[A-Z]?)(?![\w])"
        r"|(?<![\w])(?:number|no\.|num|nr|#)\s*(?:is|:)?\s*(?P<generic>[A-Z]{0,3}\d{5,}[A-Z]?)(?![\w])",
        re.IGNORECASE,
    )
    bed = re.compile(r"(?<![\w])(?:bed|bay)\s*(?:number|no\.?|#)?\s*(?P<found>\d{1,3}[A-Z]?)(?![\w])", re.IGNORECASE)
    # Cards in fours (4532 2766 4457 7020), American Express (3782 822463 10005), US SSNs (123-45-6789).
    card = re.compile(
        r"(?<![\w-])(?:\d{4}(?:[ -]?\d{4}){2,3}(?:[ -]?\d{1,3})?|\d{4}[ -]?\d{6}[ -]?\d{5}"
        r"|\d{3}[- ]\d{2}[- ]\d{4})(?![\w-])"
    )
    long_run = re.compile(r"(?<![\w+-])\d{8,19}(?![\w-])")

    def find(self, text):
        prepared = prepare(text)
        for match in self.with_context.finditer(prepared):
            group = "found" if match.group("found") else "generic"
            found = match.group(group)
            digits = sum(char.isdigit() for char in found)
            # "NHS 111" and "100%" are not identifiers; "ABC123" and "1234567" are.
            if (digits >= 4 or (digits == 3 and not found.isdigit())) and not _YEAR.fullmatch(found):
                # "number is 07700 900123" names no kind of record: a phone number found there wins.
                score = 1.0 if group == "found" else 0.8
                yield Span(match.start(group), match.end(group), self.label, self.name, score)
        for match in self.bed.finditer(prepared):
            yield Span(match.start("found"), match.end("found"), self.label, "bed_number")
        for match in self.card.finditer(prepared):
            yield Span(match.start(), match.end(), self.label, "card_number")
        for match in self.long_run.finditer(prepared):
            run = match.group()
            if not (run.startswith("0") and len(run) in (10, 11)):  # phone numbers are PhoneNumberRecogniser's
                yield Span(match.start(), match.end(), self.label, "digit_run")


# --- Known terms --------------------------------------------------------------------------------------

_RANK = {str(label): rank for rank, label in enumerate(LABEL_PRIORITY)}


class KnownTermsRecogniser(Recogniser):
    """Whole-word, case-insensitive matches of given terms: staff names, wards, places.

    terms: (term, label) pairs. Multi-word terms match across any whitespace and line breaks, and
    apostrophes match either kind: the term "St Mary's" finds "st mary’s" (but not "St Marys").
    When one text is listed under two labels, the label that comes first in LABEL_PRIORITY is used.
    """

    name = "known_terms"

    def __init__(self, terms=()):
        self.pattern, self.labels = _compile_terms(tuple(terms))

    def find(self, text):
        if self.pattern is None:
            return
        for match in self.pattern.finditer(prepare(text)):
            label = self.labels.get(_term_key(match.group()), Label.OTHER)
            yield Span(match.start(), match.end(), label, self.name)


def _term_key(term):
    return " ".join(prepare(term).lower().split())


@functools.lru_cache(maxsize=8)
def _compile_terms(terms):
    labels = {}
    for term, label in terms:
        key = _term_key(term or "")
        if len(key) < 2:
            continue
        if key not in labels or _RANK.get(str(label), 99) < _RANK.get(str(labels[key]), 99):
            labels[key] = str(label)
    if not labels:
        return None, {}
    # Longest first, so "Willow Ward" wins over "Willow" where both are listed.
    alternatives = [
        r"\s+".join(re.escape(word) for word in key.split()) for key in sorted(labels, key=len, reverse=True)
    ]
    pattern = re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)", re.IGNORECASE)
    return pattern, labels
