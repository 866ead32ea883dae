"""The easy-read checker: how easy a text is to read, and what an editor could change.

Pure Python with no network or database, so it runs in the editor's request, in a management
command and in tests alike. The rules follow published easy-read guidance (GOV.UK "Accessible
communication formats", the Department of Health's "Making written information easier to
understand for people with learning disabilities", Mencap's "Am I making myself clear?"); see
docs/easyread-checker.md for the rules, the score and how it was checked against real documents.

    report = check_text(text)
    report.score       # 0 to 100, higher is easier
    report.issues      # Issue(rule, message, start, end, severity); text[start:end] is the part meant
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from . import number_rules, pictures, score, sentence_rules, word_rules
from .report import RULES, SEVERITIES, Issue, Report
from .text import split as split_text
from .vocabulary import builtin_plain_words

__all__ = ["RULES", "SEVERITIES", "Issue", "Report", "Row", "check_rows", "check_text"]

ROW_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Row:
    """One easy-read row: a picture beside one or two short sentences."""

    text: str
    image_alt: str | None  # None when the row has no picture


def check_text(
    text: str,
    *,
    easy_read: bool = True,
    extra_plain_words: Mapping[str, str] | None = None,
    known_words: Iterable[str] = (),
) -> Report:
    """Check `text` against the easy-read rules.

    `easy_read=False` gives standard pages slightly more room (longer sentences and paragraphs);
    the rules and the score are otherwise the same. `extra_plain_words` adds hard words (with a
    plainer alternative) to the built-in list; `known_words` are never flagged, for example the
    terms a page explains in its own glossary.
    """
    document = split_text(text, headings=True)
    issues = _text_issues(document, easy_read, extra_plain_words, known_words)
    return _report(document, issues)


def check_rows(
    rows: Sequence[Row],
    *,
    extra_plain_words: Mapping[str, str] | None = None,
    known_words: Iterable[str] = (),
) -> Report:
    """Check easy-read rows: their text joined by blank lines, plus a picture and one idea for each row.

    Offsets are into the rows' text joined with a blank line ("\\n\\n") between rows. A row's
    picture issues span the row's text, and their message names the row by number (from 1).
    """
    spans = []
    position = 0
    for row in rows:
        spans.append((position, position + len(row.text)))
        position += len(row.text) + len(ROW_SEPARATOR)
    joined = ROW_SEPARATOR.join(row.text for row in rows)
    # Each row is a point on its own: a line without a full stop is a short sentence, not a heading.
    document = split_text(joined, headings=False)
    issues = _text_issues(document, True, extra_plain_words, known_words)
    issues.extend(pictures.row_issues(rows, spans, document))
    return _report(document, issues)


def _text_issues(document, easy_read, extra_plain_words, known_words):
    limits = sentence_rules.EASY_READ if easy_read else sentence_rules.STANDARD
    plain_words = builtin_plain_words()
    if extra_plain_words:
        plain_words = plain_words | {" ".join(hard.lower().split()): plain for hard, plain in extra_plain_words.items()}
    known_words = [word for word in known_words if word and word.strip()]
    issues = [
        *sentence_rules.long_sentences(document, limits),
        *sentence_rules.more_than_one_idea(document, limits),
        *sentence_rules.passive_voice(document),
        *word_rules.hard_words(document, plain_words=plain_words, known_words=known_words, easy_read=easy_read),
        *word_rules.acronyms(document, known_words=known_words),
        *number_rules.numbers(document),
        *sentence_rules.long_paragraphs(document, limits),
    ]
    return issues


def _report(document, issues):
    issues.sort(key=lambda issue: (issue.start, issue.end, RULES.index(issue.rule)))
    # Nothing to read is nothing hard to read.
    value = score.score(score.measure(document, issues)) if document.words else 100
    return Report(score=value, sentences=len(document.prose), words=len(document.words), issues=tuple(issues))
