"""Find personal data in free text and replace it with placeholders, offline, before anyone else reads it.

Moderators use this to strip names, contact details, identifiers, addresses and dates from feedback before
steering groups see it. Everything runs in the portal's own process: no text leaves the server.

    spans = detect(text, known_terms=known.known_terms())
    safe = redact(text, spans)

Detection is a set of recognisers (recognisers.py, dates.py, addresses.py, names.py), each a small,
tested set of rules. Which run is the PII_RECOGNISERS setting, a list of dotted paths to Recogniser
classes, so a deployment can add one (nlp.py has adapters for spaCy and Presidio) without changing this
code. The rules are tuned for recall: a missed name can harm a person, an extra redaction costs a word.
So finds that overlap or touch are merged into one span, and the redaction covers all of them.

No rule set finds everything. A moderator still reads the redacted text before it goes anywhere.
"""

import functools
import logging

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.module_loading import import_string

from portal.feedback.anonymise.labels import Label, placeholder
from portal.feedback.anonymise.spans import Span, merge_spans

__all__ = ["DEFAULT_RECOGNISERS", "Label", "Span", "detect", "get_recognisers", "placeholder", "redact"]

logger = logging.getLogger(__name__)

DEFAULT_RECOGNISERS = [
    "portal.feedback.anonymise.recognisers.NHSNumberRecogniser",
    "portal.feedback.anonymise.recognisers.NationalInsuranceNumberRecogniser",
    "portal.feedback.anonymise.recognisers.PostcodeRecogniser",
    "portal.feedback.anonymise.recognisers.PhoneNumberRecogniser",
    "portal.feedback.anonymise.recognisers.EmailRecogniser",
    "portal.feedback.anonymise.recognisers.WebAddressRecogniser",
    "portal.feedback.anonymise.recognisers.RecordNumberRecogniser",
    "portal.feedback.anonymise.dates.DateRecogniser",
    "portal.feedback.anonymise.dates.AgeRecogniser",
    "portal.feedback.anonymise.addresses.AddressRecogniser",
    "portal.feedback.anonymise.names.NameRecogniser",
]


@functools.cache
def get_recognisers():
    """The recognisers PII_RECOGNISERS names, instantiated once; a bad path fails loudly, not silently."""
    paths = getattr(settings, "PII_RECOGNISERS", DEFAULT_RECOGNISERS)
    return tuple(import_string(path)() for path in paths)


@receiver(setting_changed)
def _forget_recognisers(*, setting, **kwargs):
    if setting in {"PII_RECOGNISERS", "PII_SPACY_MODEL"}:
        get_recognisers.cache_clear()


def detect(text, *, known_terms=(), recognisers=None):
    """Sorted, non-overlapping spans of personal data in `text`.

    known_terms: (term, label) pairs that are always personal data wherever they appear, such as staff
    names and the names of wards and places (known.known_terms() reads them from the database).
    recognisers: instead of get_recognisers(), for callers that want a different set.

    Never raises for a str: a recogniser that fails is logged and skipped, so the others still redact.
    The failure is logged without the text, which is personal data.
    """
    if text is None or text == "":
        return []  # an optional text field left empty
    if not isinstance(text, str):
        raise TypeError(f"detect() needs a str, not {type(text).__name__}")
    from portal.feedback.anonymise.recognisers import KnownTermsRecogniser

    chosen = list(get_recognisers() if recognisers is None else recognisers)
    terms = tuple(known_terms)
    if terms:
        chosen.append(KnownTermsRecogniser(terms))
    found = []
    for recogniser in chosen:
        try:
            found.extend(_checked(recogniser.find(text), len(text)))
        except Exception:
            logger.exception("PII recogniser %s failed on a text of %d characters", _name(recogniser), len(text))
    return merge_spans(found)


def redact(text, spans):
    """`text` with each span replaced by its placeholder ("[name]", "[phone number]", ...)."""
    pieces, position = [], 0
    for span in merge_spans(spans):
        pieces.append(text[position : span.start])
        pieces.append(placeholder(span.label))
        position = span.end
    pieces.append(text[position:])
    return "".join(pieces)


def _checked(spans, length):
    for span in spans:
        start, end = max(0, span.start), min(length, span.end)
        if start < end:
            yield (
                span
                if (start, end) == (span.start, span.end)
                else Span(start, end, span.label, span.source, span.score)
            )


def _name(recogniser):
    return getattr(recogniser, "name", type(recogniser).__name__)
