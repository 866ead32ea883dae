"""Street addresses: "12 Acacia Avenue", "Flat 3", "PO Box 123", "Whittaker Street", "Nassaustraat 123".

A house number, then up to five words ending in a street word (Road, Lane, Close, ...) is an address,
and so is the town that follows it after a comma or on the next line. Street words that are also
everyday words ("way", "park", "hill", "walk") need capitalised street names, so "a 5 minute walk" is not
an address; the plain ones ("road", "street", "avenue") accept lower case too ("8 wressle road") as long
as the name is not ordinary English ("2 hours drive" is not). Without a house number, only capitalised
names before a plain street word count ("Whittaker Street"). A few continental forms are recognised,
since people in England also give addresses abroad: "Nassaustraat 123", "rue Descartes", "ul. Polna 5".

Postcodes are PostcodeRecogniser's (recognisers.py); an address and a postcode side by side are two
redactions.
"""

import re

from portal.feedback.anonymise import vocabulary
from portal.feedback.anonymise.labels import Label
from portal.feedback.anonymise.recognisers import Recogniser, prepare
from portal.feedback.anonymise.spans import Span, merge_spans
from portal.feedback.anonymise.vocabulary import words

# Street words that are rarely anything else.
PLAIN_STREET_WORDS = words(
    """
    road rd street avenue ave lane ln crescent cres terrace terr tce grove gardens gdns mews boulevard
    blvd close drive
"""
)
# Street words that are also everyday words: the street name before them must be capitalised.
OTHER_STREET_WORDS = words(
    """
    way place pl court ct square sq row walk hill park rise view parade pde green vale wharf yard
    highway hwy mount gate end croft fold chase brow bank top meadow meadows side field fields heights
    hollow approach wynd circus causeway embankment promenade quay esplanade broadway st dr cl
"""
)
# Plain street words that are also verbs or adjectives ("close to", "drive home"): never alone.
_NEEDS_A_NAME = frozenset({"close", "drive"})

_TOKEN = re.compile(r"\w[\w'-]*")
_HOUSE_NUMBER = re.compile(r"\d{1,5}[A-Za-z]?(?:[-/]\d{1,5}[A-Za-z]?)?")
_STREET_GAP = re.compile(r" {1,3}|\. ?| ?- ?")
_LOCALITY_GAP = re.compile(r" *, *\n? *| *\n *")

_FLAT = re.compile(
    r"(?<![\w])(?:flat|apartment|apt|suite|ste|room no|p\.? ?o\.? ?box)\.?\s*(?:no\.?\s*)?\d{1,6}[A-Za-z]?(?![\w])",
    re.IGNORECASE,
)
_CONTINENTAL_SUFFIX = re.compile(
    r"(?<![\w])(?:\d{1,4}\s+)?[^\W\d_]*(?:straat|strasse|straße|gasse|weg|laan|plein|gracht|allee|platz|damm|"
    r"gatan|gata|vägen|vej|gade|katu|utca|útja|ulica|strada)\s+\d{1,4}[A-Za-z]?(?![\w])",
    re.IGNORECASE,
)
_CONTINENTAL_PREFIX = re.compile(
    r"(?<![\w])(?P<number>(?:\d{1,4}\s+){1,2})?(?P<word>rue|calle|rua|via|viale|strada|str\.|ul\.|ulica|avenida|piazza|"
    r"plaza|praça|calea|carrer|avinguda)\s+(?:[^\W\d_][\w'-]*\s+){0,3}?[^\W\d_][\w'-]*(?:\s+\d{1,4}[A-Za-z]?)?(?![\w])",
    re.IGNORECASE,
)


class AddressRecogniser(Recogniser):
    name = "address"
    label = Label.ADDRESS

    def find(self, text):
        prepared = prepare(text)
        tokens = [(match.start(), match.end(), match.group()) for match in _TOKEN.finditer(prepared)]
        found = [*self._numbered_streets(prepared, tokens), *self._named_streets(prepared, tokens)]
        found += [(match.start(), match.end()) for match in _FLAT.finditer(prepared)]
        found += [(match.start(), match.end()) for match in _CONTINENTAL_SUFFIX.finditer(prepared)]
        for match in _CONTINENTAL_PREFIX.finditer(prepared):
            if match.group("number") or match.group("word")[0].isupper():  # "via email", "rue the day"
                found.append((match.start(), match.end()))
        spans = merge_spans(Span(start, end, self.label, self.name) for start, end in found)
        yield from _join_same_line(prepared, spans)

    def _numbered_streets(self, text, tokens):
        common = vocabulary.common_words()
        for index, (start, _end, word) in enumerate(tokens):
            if not _HOUSE_NUMBER.fullmatch(word):
                continue
            first = index + 1
            if first < len(tokens) and not _gap(text, tokens, first):
                continue  # "1987, DOB": a number then a comma is not a house number
            # A second number: "19 1755 Nelson Mandela Drive" (building, then house).
            if first < len(tokens) and _HOUSE_NUMBER.fullmatch(tokens[first][2]) and _gap(text, tokens, first):
                first += 1
            last = self._street_end(text, tokens, first, common)
            if last is None:
                last = self._name_then_number(text, tokens, first, common)
            if last is not None:
                yield start, self._with_locality(text, tokens, last)

    def _name_then_number(self, text, tokens, first, common):
        """The continental order, after a house or building number: "87 Jakobi 69", "11 Školní 939".

        One to three words that are capitalised or have letters English does not use, and are not
        ordinary English, then a number: "waited 2 hours for 15 minutes" has neither.
        """
        index = first
        while index < len(tokens) and index - first < 3 and (index == first or _gap(text, tokens, index)):
            word = tokens[index][2]
            if _HOUSE_NUMBER.fullmatch(word):
                break
            foreign = not word.isascii() and word.isalpha()
            acronym = word.isupper() and word.isascii()  # "born in 1987, DOB 13/04/87"
            if not (word[0].isupper() or foreign) or acronym or word.lower() in common:
                return None
            index += 1
        if first < index < len(tokens) and _gap(text, tokens, index) and re.fullmatch(r"\d{1,4}", tokens[index][2]):
            return index
        return None

    def _street_end(self, text, tokens, first, common):
        """Index of the street word ending the street that starts at tokens[first], or None."""
        best = None
        names = []
        for index in range(first, min(first + 6, len(tokens))):
            if index > first and not _gap(text, tokens, index):
                break
            word = tokens[index][2]
            lower = word.lower()
            if any(char.isdigit() for char in word):
                break
            if names and (lower in PLAIN_STREET_WORDS or lower in OTHER_STREET_WORDS):
                plain = lower in PLAIN_STREET_WORDS
                if all(_name_word_ok(name, plain, common) for name in names):
                    best = index
            if lower in vocabulary.FUNCTION_WORDS and not (lower == "the" and index == first):
                break
            names.append(word)
        return best

    def _named_streets(self, text, tokens):
        """Capitalised names before a capitalised plain street word: "Whittaker Street"."""
        common = vocabulary.common_words()
        for index, (_start, end, word) in enumerate(tokens):
            if word.lower() not in PLAIN_STREET_WORDS or not word[0].isupper() or word.lower() in _NEEDS_A_NAME:
                continue
            first = index
            while first > 0 and index - first < 3 and _gap(text, tokens, first):
                previous = tokens[first - 1][2]
                if not previous[0].isupper() or previous.lower() in vocabulary.FUNCTION_WORDS:
                    break
                first -= 1
            if first < index and any(tokens[i][2].lower() not in common for i in range(first, index)):
                yield tokens[first][0], end

    def _with_locality(self, text, tokens, last):
        """Extends an address over a town after a comma or on the next lines: ", Leeds", "\\nBINSTED"."""
        end = tokens[last][1]
        index = last + 1
        for _segment in range(3):
            if index >= len(tokens) or not _LOCALITY_GAP.fullmatch(text[end : tokens[index][0]]):
                break
            words = 0
            while index < len(tokens) and words < 3:
                word = tokens[index][2]
                number = words and re.fullmatch(r"\d{4,6}", word)  # a postal code after the town: "Canada 32586"
                letters = word.isalpha() or "'" in word or "-" in word
                if not number and (not letters or not word[0].isupper() or word.lower() in vocabulary.FUNCTION_WORDS):
                    break  # UK postcodes are PostcodeRecogniser's
                if words and not _gap(text, tokens, index):
                    break
                end, index, words = tokens[index][1], index + 1, words + 1
            if not words:
                break
        return end


def _gap(text, tokens, index):
    """Whether tokens[index - 1] and tokens[index] are separated as words in one street name are."""
    return bool(_STREET_GAP.fullmatch(text[tokens[index - 1][1] : tokens[index][0]]))


def _name_word_ok(word, plain_street_word, common):
    if word[0].isupper():
        return True
    return plain_street_word and word.lower() not in common


def _join_same_line(text, spans):
    """'Flat 3, 12 High Street' is one address, not two redactions side by side."""
    joined = []
    for span in spans:
        if joined and re.fullmatch(r"[ ,]*", text[joined[-1].end : span.start]):
            joined[-1] = Span(joined[-1].start, span.end, span.label, span.source)
        else:
            joined.append(span)
    return joined
