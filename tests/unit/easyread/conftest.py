import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english():
    # These tests read the checker's English messages; another test may have left a language active.
    with translation.override("en-gb"):
        yield
