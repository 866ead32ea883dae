"""People's names, found from context, from name lists, and from capital letters.

Tuned for recall: a missed name can harm a person, an extra redaction only costs a word. In order of
confidence, a word starts a name when it follows:

1. a title: "Dr Okafor", "Mrs. Amy Kupcová", "mrs smith" (after Mr, Mrs, Ms, Dr and the like even an
   everyday word: "Mrs Young"); "Nurse Kelly", "Father Tom" (a capitalised word after the others);
2. a relation or role: "my son Jamal", "my key worker Priya", "nurse Kelly", "my daughter Grace";
3. a cue: "my name is Sam", "called Sam", "signed Sam", "last name? Krylova", "thanks Sam";

or when it is
4. in the first-name list (any case, since people type "john"), or a capitalised surname in the
   surname list (vocabulary.py says how the lists are built and which names they leave out: those that
   are everyday words, such as May and Will, count only after 1-3);
5. a capitalised word that is not ordinary English, in the middle of a sentence ("early Kasslin"), or at
   the start of one when a verb follows ("Duqyaha shouted", "Beaufort is") or it is someone being
   addressed ("Marisca, can I ..."). This is a guess, scored lower, so a ward or place from the known
   terms keeps its own label where they overlap; right after "in", "at", "from" or "to" it is labelled
   a place, since in feedback it is usually a town or a hospital ("taken to Cramlington"). Sentences In
   Title Case and text in capitals are skipped: their capitals say nothing.

A name found by any rule is extended over the words next to it that look like more of the same name:
capitalised words ("Megan Payne"), surnames, particles ("Ludwig van Beethoven"), initials, and letters
after a name ("MD"). The title itself is not redacted: "Dr [name]" says a doctor was involved, which
the steering group may need, without saying which.
"""

import bisect
import re
import unicodedata
from dataclasses import dataclass

from portal.feedback.anonymise import vocabulary
from portal.feedback.anonymise.labels import Label
from portal.feedback.anonymise.recognisers import Recogniser, prepare
from portal.feedback.anonymise.spans import Span, merge_spans
from portal.feedback.anonymise.vocabulary import words

_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
_SENTENCE_END = set('.!?:;\n"()[]•*|')

PARTICLES = words(
    """
    van von de der den da di du del della dos das la le al el bin ibn ap mac o
"""
)
POST_NOMINALS = words(
    """
    md phd jr sr rn rmn rgn mbe obe cbe frcp mrcp frcpsych mrcpsych bsc msc ii iii
"""
)
# Words that name a place or an organisation, never the rest of a person's name: "Florence Ward".
INSTITUTIONAL = words(
    """
    ward wards unit hospital centre center clinic team trust surgery service services practice
    department building wing school college university street road lane avenue close drive way court
    mews gardens council police nhs house home
"""
)
# After these cues a word in lower case counts as a name unless it is ordinary English: "my name is jo".
_LOWER_CASE_CUES = frozenset({"name", "named", "surname", "forename", "nickname", "signed", "aka"})
_LOCATIVE = words("in at from to near into towards toward via outside inside around")
_ADDRESSED_NEXT = words(
    """
    can could would will please thank thanks how what where why when is are do did i you we please
"""
)


@dataclass
class _Token:
    start: int
    end: int
    text: str
    lower: str
    sentence_start: bool
    line_start: bool
    title_case_sentence: bool = False


class NameRecogniser(Recogniser):
    name = "name"
    label = Label.NAME

    def __init__(self, *, guess_capitalised=True):
        # Rule 5 can be turned off by a subclass (e.g. for text known to be in title case).
        self.guess_capitalised = guess_capitalised

    def find(self, text):
        prepared = prepare(text)
        tokens = _tokens(prepared)
        if not tokens:
            return
        reader = _Reader(prepared, tokens, shouting=_is_shouting(prepared))
        found = {}
        for index in range(len(tokens)):
            for first, last, score, source in reader.anchors(index, guess=self.guess_capitalised):
                first, last = reader.extend(first, last)
                key = (tokens[first].start, tokens[last].end)
                if key not in found or found[key][0] < score:
                    found[key] = (score, source)
        spans = []
        for (start, end), (score, source) in found.items():
            # A guessed name right after "in", "at", "from", "to" is more often a town or a hospital.
            label = Label.PLACE if source == "capitalised_after_preposition" else self.label
            if source != "name_after_title" and (service_end := reader.service_word_after(end)):
                label, end = Label.SERVICE, service_end  # "Willow Ward", "James Cook Hospital"
            spans.append(Span(start, end, label, source, score))
        yield from merge_spans(spans)  # "Beethoven" (a surname) inside "Ludwig van Beethoven"


def _tokens(text):
    tokens = []
    for match in _WORD.finditer(text):
        word, end = match.group(), match.end()
        if word.lower().endswith("'s") and len(word) > 3:  # "Arne's address": the name is "Arne"
            word, end = word[:-2], end - 2
        before = _previous_mark(text, match.start())
        sentence_start = before is None or before in _SENTENCE_END
        line_start = before is None or before == "\n"
        tokens.append(_Token(match.start(), end, word, word.lower(), sentence_start, line_start))
    _mark_title_case(tokens)
    return tokens


def _previous_mark(text, position):
    """The last character before position that is not a space or tab; None at the start of the text."""
    position -= 1
    while position >= 0 and text[position] in " \t":
        position -= 1
    return text[position] if position >= 0 else None


def _mark_title_case(tokens):
    """Sentences In Title Case, where capitals are no sign of a name: two capitalised small words."""
    sentence = []
    for token in [*tokens, None]:
        if token is None or token.sentence_start:
            capitalised_small_words = sum(
                1
                for t in sentence[1:]
                if t.lower in vocabulary.FUNCTION_WORDS and t.text[0].isupper() and t.lower != "i"
            )
            for member in sentence:
                member.title_case_sentence = capitalised_small_words >= 2
            sentence = []
        if token is not None:
            sentence.append(token)


def _is_shouting(text):
    letters = [char for char in text if char.isalpha() and char.lower() != char.upper()]
    return len(letters) >= 12 and sum(char.isupper() for char in letters) / len(letters) > 0.7


def _ascii(word):
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


class _Reader:
    """The rules, over one text's tokens."""

    def __init__(self, text, tokens, *, shouting):
        self.text = text
        self.tokens = tokens
        self.starts = [token.start for token in tokens]
        self.shouting = shouting
        self.common_words = vocabulary.common_words()
        self.first_names = vocabulary.first_names()
        self.surnames = vocabulary.surnames()

    # --- what a single word looks like ---

    def capitalised(self, token):
        """Starts with a capital in text that is not all capitals, and is not an all-capitals acronym."""
        return not self.shouting and token.text[0].isupper() and not token.text.isupper()

    def in_list(self, names, token):
        words = {token.lower, *token.lower.split("-")}
        return any(word in names or _ascii(word) in names for word in words if len(word) > 2)

    def first_name(self, token):
        return self.in_list(self.first_names, token)

    def surname(self, token):
        return self.in_list(self.surnames, token)

    def listed(self, token):
        return self.first_name(token) or self.surname(token)

    def function(self, token):
        return token.lower in vocabulary.FUNCTION_WORDS

    def ambiguous(self, token):
        return any(word in vocabulary.AMBIGUOUS_NAMES for word in {token.lower, *token.lower.split("-")})

    def common(self, token):
        return token.lower in self.common_words or any(part in self.common_words for part in token.lower.split("-"))

    def loud_listed(self, token):
        """An all-capitals word in ordinary text that is a listed name: "KELLY was great"."""
        return token.text.isupper() and len(token.text) >= 4 and self.listed(token) and not self.common(token)

    def gap(self, index):
        """The characters between tokens[index - 1] and tokens[index]."""
        return self.text[self.tokens[index - 1].end : self.tokens[index].start]

    def service_word_after(self, end):
        """The end of a capitalised "Ward", "Unit", "Hospital"... right after offset end, or None."""
        index = bisect.bisect_left(self.starts, end)
        if index < len(self.tokens) and index > 0 and self.gap(index) == " ":
            token = self.tokens[index]
            if token.lower in INSTITUTIONAL and self.capitalised(token):
                return token.end
        return None

    # --- where a name starts ---

    def anchors(self, index, *, guess):
        yield from self._after_title(index)
        yield from self._after_relation(index)
        yield from self._after_cue(index)
        yield from self._listed(index)
        if guess:
            yield from self._guessed(index)

    def _next(self, index, gaps=(" ", ". ", ".", ", ", " - ", ": ", " : ", "? ", "! ")):
        following = index + 1
        if following < len(self.tokens) and self.gap(following).replace("\t", " ").replace("  ", " ") in gaps:
            return following
        return None

    def _after_title(self, index):
        token = self.tokens[index]
        if token.lower not in vocabulary.TITLES:
            return
        following = self._next(index, gaps=(" ", ". ", "."))
        if following is None:
            return
        candidate = self.tokens[following]
        strong = token.lower in vocabulary.STRONG_TITLES
        if self.function(candidate) or candidate.lower in vocabulary.TITLES:
            return
        if candidate.lower in INSTITUTIONAL and not (strong and self.capitalised(candidate)):
            return  # but "Dr Ward" is a surname
        if "." in self.gap(following) and self.common(candidate) and not self.ambiguous(candidate):
            return  # "a dr. However ...": the full stop may end the sentence
        weak_ok = (self.capitalised(candidate) or self.loud_listed(candidate)) and self._acceptable(candidate)
        if strong or weak_ok:  # "Nurse Kelly", but not "sir bot"
            yield following, following, 1.0, "name_after_title"

    def _after_relation(self, index):
        token = self.tokens[index]
        if token.lower not in vocabulary.RELATIONS:
            return
        following = self._next(index, gaps=(" ", ", ", " - "))
        if following is not None and self._acceptable(self.tokens[following]):
            yield following, following, 1.0, "name_after_relation"

    def _after_cue(self, index):
        token = self.tokens[index]
        lower = token.lower
        cue = lower in vocabulary.NAME_CUES or (
            lower in {"me", "as", "by"}
            and index
            and self.tokens[index - 1].lower in {"call", "calls", "called", "known", "goes"}
        )
        following = self._next(index)
        # "my name is Sam", "name: Sam", "I'm Sam", "thanks Sam".
        if following is not None and self.tokens[following].lower in {"is", "was"} and cue:
            following = self._next(following)
        if following is None:
            return
        candidate = self.tokens[following]
        if cue and not self.function(candidate):
            lower_case_ok = lower in _LOWER_CASE_CUES and not self.common(candidate)
            if self._acceptable(candidate) or lower_case_ok:
                yield following, following, 1.0, "name_after_cue"
        speech = lower in vocabulary.SPEECH_CUES or lower in {"i'm", "im"}
        speech = speech or (lower == "you" and index > 0 and self.tokens[index - 1].lower in {"thank", "love"})
        named = not self.function(candidate) and (not self.common(candidate) or self.listed(candidate))
        if not cue and speech and self.capitalised(candidate) and named:
            yield following, following, 0.9, "name_after_cue"

    def _acceptable(self, candidate):
        """After a title, a relation or a cue: a capitalised word or a listed name, not a place word."""
        if self.function(candidate) or candidate.lower in INSTITUTIONAL or candidate.lower in vocabulary.TITLES:
            return False
        if self.capitalised(candidate) or self.loud_listed(candidate):
            return not self.common(candidate) or self.ambiguous(candidate) or self.listed(candidate)
        return self.listed(candidate) and not self.common(candidate)

    def _listed(self, index):
        token = self.tokens[index]
        if self.common(token):
            return
        if self.first_name(token) and (self.capitalised(token) or self.loud_listed(token)):
            yield index, index, 0.9, "first_name"
        elif self.first_name(token) and (token.text.islower() or self.shouting):
            yield index, index, 0.8, "first_name"
        elif self.surname(token) and (self.capitalised(token) or self.loud_listed(token)):
            yield index, index, 0.8, "surname"

    def _guessed(self, index):
        token = self.tokens[index]
        if not self.capitalised(token) or token.title_case_sentence or len(token.text) < 3:
            return
        if token.lower in INSTITUTIONAL or token.lower in vocabulary.TITLES:
            return
        unknown = not self.common(token)
        if not token.sentence_start:
            if unknown:
                locative = index > 0 and self.tokens[index - 1].lower in _LOCATIVE and self.gap(index) == " "
                yield index, index, 0.5, "capitalised_after_preposition" if locative else "capitalised"
            return
        # At the start of a sentence a capital says nothing, unless a verb follows ("Duqyaha shouted",
        # also "Frank had") or the word is someone being addressed ("Marisca, can I ...").
        personal = unknown or (self.ambiguous(token) and token.lower not in vocabulary.WORDS_FIRST)
        following = self._next(index, gaps=(" ",))
        if personal and following is not None and self.tokens[following].lower in vocabulary.SUBJECT_VERBS:
            yield index, index, 0.5, "capitalised_subject"
        addressed = self._next(index, gaps=(", ",))
        if unknown and token.line_start and addressed is not None and self.tokens[addressed].lower in _ADDRESSED_NEXT:
            yield index, index, 0.5, "addressed"

    # --- how far a name goes ---

    def extend(self, first, last):
        """Widens [first, last] over the surrounding words that continue the name."""
        anchor_lower = self.tokens[first].text.islower()
        while last - first < 4:
            following = self._next(last, gaps=(" ", ". ", ", ") if self._post_nominal(last + 1) else (" ", ". "))
            if following is None:
                break
            if self.gap(following).startswith(".") and len(self.tokens[last].text) > 1:
                break  # "Smith. Then": the name ended with the sentence
            if self._continues(following, anchor_lower):
                last = following
            elif self.tokens[following].lower in PARTICLES and self._next(following, gaps=(" ",)) is not None:
                after = following + 1
                if self.capitalised(self.tokens[after]) and not self.common(self.tokens[after]):
                    last = after
                else:
                    break
            else:
                break
        while first > 0 and last - first < 4 and self.gap(first) == " ":
            previous = self.tokens[first - 1]
            if not self.capitalised(previous) or self.function(previous) or previous.lower in INSTITUTIONAL:
                break
            if previous.lower in vocabulary.TITLES or (self.common(previous) and not self.ambiguous(previous)):
                break
            first -= 1
        return first, last

    def _post_nominal(self, index):
        return index < len(self.tokens) and self.tokens[index].lower in POST_NOMINALS

    def _continues(self, index, anchor_lower):
        token = self.tokens[index]
        if self._post_nominal(index):
            return True
        if self.function(token) or token.lower in INSTITUTIONAL or token.lower in vocabulary.TITLES:
            return False
        if len(token.text) == 1:  # an initial: "Amy J. Smith"
            return self.capitalised(token) or (token.text.isupper() and not self.shouting)
        if self.capitalised(token) or self.loud_listed(token):
            # A capitalised word right after a name is almost always more of it, common or not:
            # "John Green", "Sarah Young". Days and months are the exception.
            return not (self.common(token) and token.lower in _CALENDAR)
        if self.shouting:
            return self.listed(token) and not self.common(token)
        # Lower case: "tracy sukhorukova", "john smith", but not "john had".
        return self.surname(token) or (anchor_lower and not self.common(token))


_CALENDAR = words(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december christmas easter
"""
)
