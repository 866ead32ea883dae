"""Splitting text into paragraphs, sentences and words, keeping character offsets.

Every rule reports a span of the text the editor gave us, so nothing here changes the text: each
piece is a (start, end) pair into it. Editors paste text from Word, PDFs and web pages, so the
splitter copes with bullet lists (each item is its own sentence), headings (lines without a full
stop), abbreviations ("Dr.", "e.g.") and numbers ("3.5"), and with hard-wrapped lines that carry
on a sentence.
"""

import functools
import re
from dataclasses import dataclass

SENTENCE = "sentence"
HEADING = "heading"
ITEM = "item"


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    """One sentence, list item or heading; `kind` says which."""

    start: int
    end: int
    text: str
    kind: str
    paragraph: int
    words: tuple[Word, ...]

    @property
    def is_prose(self):
        """Headings are labels, not sentences: they do not count towards sentence length."""
        return self.kind != HEADING


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    index: int


@dataclass(frozen=True)
class Document:
    text: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]

    @functools.cached_property
    def words(self):
        return tuple(word for sentence in self.sentences for word in sentence.words)

    @functools.cached_property
    def prose(self):
        return tuple(sentence for sentence in self.sentences if sentence.is_prose)


PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
LINE = re.compile(r"[^\n]+")
# "•", "-", "*", "1.", "2)", "(a)", "(iii)": what starts a list item in pasted text.
BULLET = re.compile(r"[ \t]*(?:[•·▪◦‣∙●○■□➢►*+\-–—]|\d{1,2}[.)]|\(?[a-z]\)|\(?[ivx]{1,4}\))[ \t]+")
# Punctuation that can end a sentence, any closing quotes or brackets after it, then a space.
SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)")
LINE_ENDS_SENTENCE = re.compile(r"[.!?…:;][\"'”’)\]]*\s*$")
# A line ending in one of these words carries on into the next line: it cannot end a heading.
CARRIES_ON = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "and",
        "or",
        "for",
        "in",
        "on",
        "with",
        "by",
        "at",
        "from",
        "that",
        "which",
        "who",
        "is",
        "are",
        "was",
        "were",
        "be",
        "as",
        "but",
        "their",
        "our",
        "your",
        "its",
        "this",
        "these",
        "those",
        "than",
        "into",
        "about",
        "under",
        "over",
        "between",
    ]
)
# Words before a full stop that do not end a sentence.
ABBREVIATIONS = frozenset(
    [
        "dr",
        "mr",
        "mrs",
        "ms",
        "mx",
        "prof",
        "st",
        "no",
        "vs",
        "approx",
        "dept",
        "fig",
        "inc",
        "ltd",
        "co",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "e.g",
        "eg",
        "i.e",
        "ie",
        "cf",
        "al",
    ]
)
NEVER_END = frozenset({"e.g", "eg", "i.e", "ie", "cf"})
WORD = re.compile(r"\d+(?:[.,]\d+)*%?|[A-Za-z]+(?:['’\-][A-Za-z0-9]+)*")
# Web addresses and email addresses are not words a reader sounds out; the rules skip them.
ADDRESS = re.compile(r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
HEADING_MAX_WORDS = 10


def split(text, *, headings=True):
    """Split `text` into paragraphs and sentences.

    With `headings=False` (easy-read rows) a line without a full stop is still a sentence.
    """
    addresses = [match.span() for match in ADDRESS.finditer(text)]
    paragraphs = []
    sentences = []
    for index, (start, end) in enumerate(_paragraph_spans(text)):
        paragraphs.append(Paragraph(start, end, index))
        for seg_start, seg_end, is_item in _segments(text, start, end):
            for sent_start, sent_end in _sentence_spans(text, seg_start, seg_end):
                kind = ITEM if is_item else SENTENCE
                words = _words(text, sent_start, sent_end, addresses)
                sentences.append(Sentence(sent_start, sent_end, text[sent_start:sent_end], kind, index, words))
    if headings:
        sentences = _mark_headings(text, sentences)
    return Document(text, tuple(paragraphs), tuple(sentences))


def _paragraph_spans(text):
    position = 0
    for match in PARAGRAPH_BREAK.finditer(text):
        yield from _trimmed(text, position, match.start())
        position = match.end()
    yield from _trimmed(text, position, len(text))


def _trimmed(text, start, end):
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end


def _segments(text, start, end):
    """Group a paragraph's lines into runs of text that belong together, and list items."""
    current = None  # [start, end, is_item]
    for match in LINE.finditer(text, start, end):
        line_start, line_end = next(_trimmed(text, match.start(), match.end()), (None, None))
        if line_start is None:
            continue
        bullet = BULLET.match(text, line_start, line_end)
        if bullet:
            if current:
                yield tuple(current)
            content_start = next(_trimmed(text, bullet.end(), line_end), (line_end, line_end))[0]
            current = [content_start, line_end, True]
            continue
        if current and not _line_break_ends_segment(text[current[0] : current[1]], text[line_start:line_end]):
            current[1] = line_end
            continue
        if current:
            yield tuple(current)
        current = [line_start, line_end, False]
    if current:
        yield tuple(current)


def _line_break_ends_segment(before, line):
    """Whether a line break ends what came before, or a hard-wrapped sentence carries on."""
    if LINE_ENDS_SENTENCE.search(before):
        return True
    first = line.lstrip("\"'“‘(")[:1]
    if not first or first.islower():
        return False
    if before.rstrip().endswith((",", "-", "–", "—", "/", "&")):
        return False
    last_words = WORD.findall(before[-40:])
    return not (last_words and last_words[-1].lower() in CARRIES_ON)


def _sentence_spans(text, start, end):
    sentence_start = start
    for match in SENTENCE_END.finditer(text, start, end):
        if not _ends_sentence(text, match, end):
            continue
        yield from _trimmed(text, sentence_start, match.end())
        sentence_start = match.end()
    yield from _trimmed(text, sentence_start, end)


def _ends_sentence(text, match, end):
    following = text[match.end() : end].lstrip()
    if not following:
        return True
    punctuation = text[match.start() : match.end()]
    if punctuation.startswith(".") and punctuation.rstrip("\"'”’)]") == ".":
        before = re.search(r"([A-Za-z][A-Za-z.]*)$", text[max(0, match.start() - 12) : match.start()])
        word = before.group(1).lower() if before else ""
        if word in NEVER_END:
            return False
        if word in ABBREVIATIONS and not (word == "no" and not following[:1].isdigit()):
            return False
        if len(word) == 1 and word.isalpha() and text[match.start() - 1].isupper():
            return False  # an initial, as in "J. Smith"
    first = following.lstrip("\"'“‘([")[:1]
    return not first.islower()


def _words(text, start, end, addresses):
    words = []
    for match in WORD.finditer(text, start, end):
        if any(a_start <= match.start() < a_end for a_start, a_end in addresses):
            continue
        words.append(Word(match.group(), match.start(), match.end()))
    return tuple(words)


def _mark_headings(text, sentences):
    """A short line with no full stop, alone in its paragraph or on its own line, followed by more text."""
    marked = []
    for position, sentence in enumerate(sentences):
        is_heading = (
            sentence.kind == SENTENCE
            and position + 1 < len(sentences)
            and not LINE_ENDS_SENTENCE.search(sentence.text)
            and 0 < len(sentence.words) <= HEADING_MAX_WORDS
            and _on_its_own_line(text, sentence)
        )
        if is_heading:
            sentence = Sentence(
                sentence.start, sentence.end, sentence.text, HEADING, sentence.paragraph, sentence.words
            )
        marked.append(sentence)
    return marked


def _on_its_own_line(text, sentence):
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.end)
    line_end = len(text) if line_end == -1 else line_end
    return not text[line_start : sentence.start].strip() and not text[sentence.end : line_end].strip()


VOWEL_GROUP = re.compile(r"[aeiouy]+")
# Vowels side by side that are usually said as two syllables: "tri-al", "me-di-um", "u-su-al",
# "qui-et", "se-ri-ous", "be-ing", "i-de-a", "ra-di-o", "cre-ate".
SPLIT_VOWELS = re.compile(
    r"(?<![ctsg])ia|iu|(?<![qg])ua|(?<![ctsg])ie(?=t|nc|nt)|(?<![ctxg])ious|"
    r"(?<=[aeiouy])ing$|ea$|[ie]o$|ea(?=te|tion|tive)|oe(?=t|m)|scien"
)
SPLIT_PREFIX = ("dei", "rei", "reu", "reo", "coo", "coa", "coe", "geo", "theo", "neo", "bio", "prea", "preo")
# A silent "e" before a suffix: "approximate-ly", "state-ment", "care-ful".
SILENT_E_BEFORE_SUFFIX = re.compile(r"(?<=[^aeiouy])e(?=ly$|ment$|ments$|ful$|ness$|less$)")


@functools.lru_cache(maxsize=8192)
def syllables(word):
    """Roughly how many syllables `word` has: vowel groups, adjusted for common English patterns.

    A heuristic, right for most words; the score only needs it to be right on average.
    """
    word = word.lower().strip("'’")
    if "-" in word:
        return sum(syllables(part) for part in word.split("-") if part)
    word = re.sub(r"[^a-z]", "", word)
    if not word:
        return 0
    if len(word) <= 3:
        return 1
    if word.startswith("y"):
        word = word[1:]
    count = len(VOWEL_GROUP.findall(word)) + len(SPLIT_VOWELS.findall(word))
    count += word.startswith(SPLIT_PREFIX)
    count -= len(SILENT_E_BEFORE_SUFFIX.findall(word))
    return max(count - _silent_ending(word), 1)


def _silent_ending(word):
    """1 when the last vowel is not said ("mak-e", "lov-ed", "mak-es"), 0 when it is ("ta-ble", "want-ed")."""
    if word.endswith("e") and not word.endswith(("ee", "ie", "ye", "oe")):
        return int(not (word.endswith("le") and word[-3] not in "aeiouy"))
    if word.endswith("ed"):
        return int(word[-3] not in "aeiouytd")
    if word.endswith("es"):
        return int(word[-3] not in "aeiouysxzcgh")
    return 0
