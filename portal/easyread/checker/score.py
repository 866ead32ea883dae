"""The score from 0 to 100: higher is easier to read.

Five measures, each turned into a part between 0 (hard) and 1 (easy) with yardsticks taken from
the easy-read guidance, then weighted and added up. The yardsticks are fixed, whatever kind of page
is checked, so that scores of easy-read and standard pages can be compared. docs/easyread-checker.md
explains the choices and how they were checked against real documents.
"""

from dataclasses import dataclass

from .text import syllables

SEVERITY_WEIGHT = {"advice": 0.5, "warning": 1.0, "serious": 2.0}


@dataclass(frozen=True)
class Yardstick:
    """A measure's value at which its part is 1 (easy) and the value at which it is 0 (hard)."""

    easy: float
    hard: float
    weight: float

    def part(self, value):
        share = (self.hard - value) / (self.hard - self.easy)
        return min(max(share, 0.0), 1.0)


# Easy read asks for sentences of 10 to 15 words; a typical report runs at 20 to 25.
AVERAGE_SENTENCE_WORDS = Yardstick(easy=10, hard=25, weight=0.25)
# Share of sentences over 15 words.
LONG_SENTENCE_SHARE = Yardstick(easy=0.0, hard=0.5, weight=0.20)
# Share of words of three syllables or more ("polysyllables", as in readability formulas).
LONG_WORD_SHARE = Yardstick(easy=0.08, hard=0.30, weight=0.25)
# Passive constructions for each sentence.
PASSIVE_PER_SENTENCE = Yardstick(easy=0.0, hard=0.5, weight=0.10)
# Issues for each 100 words, weighted by severity.
ISSUE_DENSITY = Yardstick(easy=0.0, hard=10.0, weight=0.20)
LONG_SENTENCE_WORDS = 15


@dataclass(frozen=True)
class Measures:
    average_sentence_words: float
    long_sentence_share: float
    long_word_share: float
    passive_per_sentence: float
    issue_density: float


def measure(document, issues):
    sentences = document.prose
    lengths = [len(sentence.words) for sentence in sentences]
    words = [word.text for word in document.words if not word.text[0].isdigit()]
    passives = sum(1 for issue in issues if issue.rule == "passive-voice")
    weighted_issues = sum(SEVERITY_WEIGHT[issue.severity] for issue in issues)
    return Measures(
        average_sentence_words=sum(lengths) / len(lengths) if lengths else 0.0,
        long_sentence_share=sum(length > LONG_SENTENCE_WORDS for length in lengths) / len(lengths) if lengths else 0.0,
        long_word_share=sum(syllables(word) >= 3 for word in words) / len(words) if words else 0.0,
        passive_per_sentence=passives / len(sentences) if sentences else 0.0,
        issue_density=100 * weighted_issues / len(document.words) if document.words else 0.0,
    )


def score(measures):
    parts = (
        (AVERAGE_SENTENCE_WORDS, measures.average_sentence_words),
        (LONG_SENTENCE_SHARE, measures.long_sentence_share),
        (LONG_WORD_SHARE, measures.long_word_share),
        (PASSIVE_PER_SENTENCE, measures.passive_per_sentence),
        (ISSUE_DENSITY, measures.issue_density),
    )
    total = sum(yardstick.weight * yardstick.part(value) for yardstick, value in parts)
    return round(100 * total / sum(yardstick.weight for yardstick, _ in parts))
