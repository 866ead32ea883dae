"""Adapters for statistical recognisers: where a deployment plugs in spaCy or Microsoft Presidio.

Neither library is a dependency of the portal (both are large, and spaCy needs a model package), so the
rules in the other modules are what runs by default. To add one, install it and name the adapter in
settings, after the built-ins so their finds are kept:

    PII_RECOGNISERS = [*DEFAULT_RECOGNISERS, "portal.feedback.anonymise.nlp.SpacyRecogniser"]
    PII_SPACY_MODEL = "en_core_web_lg"

Each adapter imports its library when it is created, so a missing library fails at the first detect()
with ImproperlyConfigured naming what to install, not with an ImportError deep inside a request.
"""

import importlib

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from portal.feedback.anonymise.labels import Label
from portal.feedback.anonymise.recognisers import Recogniser
from portal.feedback.anonymise.spans import Span

# spaCy's entity types, and the OntoNotes ones most English models use, mapped to our labels.
SPACY_LABELS = {
    "PERSON": Label.NAME,
    "PER": Label.NAME,
    "GPE": Label.PLACE,
    "LOC": Label.PLACE,
    "FAC": Label.PLACE,
    "ORG": Label.SERVICE,
    "DATE": Label.DATE,
}

PRESIDIO_LABELS = {
    "PERSON": Label.NAME,
    "PHONE_NUMBER": Label.PHONE,
    "EMAIL_ADDRESS": Label.EMAIL,
    "URL": Label.URL,
    "IP_ADDRESS": Label.URL,
    "LOCATION": Label.PLACE,
    "DATE_TIME": Label.DATE,
    "UK_NHS": Label.NHS_NUMBER,
    "UK_NINO": Label.NI_NUMBER,
    "UK_POSTCODE": Label.POSTCODE,
    "CREDIT_CARD": Label.RECORD_NUMBER,
    "US_SSN": Label.RECORD_NUMBER,
    "IBAN_CODE": Label.RECORD_NUMBER,
    "NRP": Label.OTHER,
}


def _import(module, recogniser, install):
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise ImproperlyConfigured(
            f"{recogniser} is listed in PII_RECOGNISERS but {module!r} is not installed ({error}). "
            f"Install it ({install}) or remove {recogniser} from PII_RECOGNISERS."
        ) from error


class SpacyRecogniser(Recogniser):
    """Named entities from the spaCy model named by PII_SPACY_MODEL (default en_core_web_sm)."""

    name = "spacy"

    def __init__(self, model=None):
        spacy = _import("spacy", type(self).__name__, "pip install spacy, then a model package")
        model = model or getattr(settings, "PII_SPACY_MODEL", "en_core_web_sm")
        try:
            self.nlp = spacy.load(model)
        except OSError as error:
            raise ImproperlyConfigured(
                f"SpacyRecogniser could not load the spaCy model {model!r} set by PII_SPACY_MODEL ({error}). "
                f"Install the model package, e.g. `pip install {model}`."
            ) from error

    def find(self, text):
        for entity in self.nlp(text).ents:
            label = SPACY_LABELS.get(entity.label_)
            if label is not None:
                yield Span(entity.start_char, entity.end_char, label, f"spacy:{entity.label_}", 0.8)


class PresidioRecogniser(Recogniser):
    """Finds from presidio_analyzer's AnalyzerEngine, in English, above a minimum score."""

    name = "presidio"

    def __init__(self, *, min_score=0.4):
        analyzer = _import("presidio_analyzer", type(self).__name__, "pip install presidio-analyzer and a spaCy model")
        self.engine = analyzer.AnalyzerEngine()
        self.min_score = min_score

    def find(self, text):
        for result in self.engine.analyze(text=text, language="en"):
            if result.score >= self.min_score:
                label = PRESIDIO_LABELS.get(result.entity_type, Label.OTHER)
                yield Span(result.start, result.end, label, f"presidio:{result.entity_type}", min(result.score, 0.9))
