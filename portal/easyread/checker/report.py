"""What the checker gives back: issues an editor can act on, and a score."""

from dataclasses import dataclass

RULES = ("long-sentence", "one-idea", "passive-voice", "hard-word", "acronym", "number", "long-paragraph", "picture")
SEVERITIES = ("advice", "warning", "serious")


@dataclass(frozen=True)
class Issue:
    """One thing to look at: `text[start:end]` is the part of the text it is about."""

    rule: str
    message: str
    start: int
    end: int
    severity: str

    def as_dict(self):
        return {
            "rule": self.rule,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "severity": self.severity,
        }


@dataclass(frozen=True)
class Report:
    """The checker's answer for one text: a score from 0 to 100 (higher is easier) and the issues."""

    score: int
    sentences: int
    words: int
    issues: tuple[Issue, ...]

    @property
    def serious(self):
        """The issues an editor should fix before publishing."""
        return tuple(issue for issue in self.issues if issue.severity == "serious")

    def as_dict(self):
        """The JSON shape `manage.py check_easyread` prints (see DESIGN.md)."""
        return {
            "score": self.score,
            "sentences": self.sentences,
            "words": self.words,
            "issues": [issue.as_dict() for issue in self.issues],
        }
