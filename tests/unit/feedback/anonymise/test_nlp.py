import importlib.util

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from portal.feedback.anonymise import detect, get_recognisers
from portal.feedback.anonymise.nlp import PresidioRecogniser, SpacyRecogniser


@pytest.mark.skipif(importlib.util.find_spec("spacy") is not None, reason="spaCy is installed here")
def test_spacy_recogniser_says_what_to_install():
    with pytest.raises(ImproperlyConfigured, match=r"SpacyRecogniser .* 'spacy' is not installed.*pip install spacy"):
        SpacyRecogniser()


@pytest.mark.skipif(importlib.util.find_spec("presidio_analyzer") is not None, reason="Presidio is installed here")
def test_presidio_recogniser_says_what_to_install():
    with pytest.raises(ImproperlyConfigured, match=r"'presidio_analyzer' is not installed.*presidio-analyzer"):
        PresidioRecogniser()


@pytest.mark.skipif(importlib.util.find_spec("spacy") is not None, reason="spaCy is installed here")
@override_settings(PII_RECOGNISERS=["portal.feedback.anonymise.nlp.SpacyRecogniser"], PII_SPACY_MODEL="en_core_web_lg")
def test_a_missing_library_in_the_setting_fails_loudly_not_silently():
    with pytest.raises(ImproperlyConfigured):
        get_recognisers()
    with pytest.raises(ImproperlyConfigured):
        detect("Call me on 07700 900123")
