"""A stretch of text found to hold personal data, and how overlapping finds become one redaction."""

from dataclasses import dataclass

from portal.feedback.anonymise.labels import Label

# When finds overlap, the merged span takes the label of the most confident find; among equally
# confident finds, the first label here wins. Identifiers come first because they are exact (an NHS
# number found inside what a looser rule took for a phone number is an NHS number), then the kinds of
# data that identify someone directly, then the ones that only narrow them down. An address outranks
# the postcode inside it: "[address]" says more than "[postcode]" about what was removed.
LABEL_PRIORITY = (
    Label.NHS_NUMBER,
    Label.NI_NUMBER,
    Label.RECORD_NUMBER,
    Label.EMAIL,
    Label.PHONE,
    Label.URL,
    Label.ADDRESS,
    Label.POSTCODE,
    Label.NAME,
    Label.DATE,
    Label.AGE,
    Label.SERVICE,
    Label.PLACE,
    Label.OTHER,
)
_RANK = {str(label): rank for rank, label in enumerate(LABEL_PRIORITY)}


@dataclass(frozen=True, order=True)
class Span:
    """Characters text[start:end] hold personal data of kind `label`, found by `source` with `score` (0-1).

    score is 1.0 for finds that rest on a format or on context ("MRN 1234567", "Dr Okafor") and lower for
    guesses (a capitalised word that is in no dictionary); it only decides which label a merged span gets.
    """

    start: int
    end: int
    label: str
    source: str = ""
    score: float = 1.0

    def __post_init__(self):
        # Labels arrive as Label members or plain strings; keep the plain value, as JSON and tests expect.
        object.__setattr__(self, "label", str(self.label))

    def text_of(self, text):
        return text[self.start : self.end]


def merge_spans(spans):
    """Sorted, non-overlapping spans: finds that overlap or touch become one span covering all of them."""
    ordered = sorted((span for span in spans if span.end > span.start), key=lambda span: (span.start, -span.end))
    groups = []
    for span in ordered:
        if groups and span.start <= groups[-1][-1]:
            groups[-1][0].append(span)
            groups[-1][-1] = max(groups[-1][-1], span.end)
        else:
            groups.append([[span], span.end])
    return [_merged(members) for members, _end in groups]


def _merged(members):
    if len(members) == 1:
        return members[0]
    best = min(members, key=lambda span: (-span.score, _RANK.get(str(span.label), len(_RANK))))
    sources = "+".join(sorted({span.source for span in members if span.source}))
    return Span(
        start=min(span.start for span in members),
        end=max(span.end for span in members),
        label=best.label,
        source=sources,
        score=best.score,
    )
