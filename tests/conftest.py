import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from portal.content.demo import seed_pages
from portal.core.demo import seed_settings


@pytest.fixture(autouse=True)
def _english_between_tests():
    # A request to /ur/ or /pl/ leaves that language active in the thread; start each test in English.
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate limits and Wagtail's site-root cache live in the cache: start each test clean.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site_pages(db):
    """The home page, the footer pages and the site settings, exactly as seed_demo makes them."""
    pages = seed_pages()
    seed_settings(pages)
    return pages


@pytest.fixture
def content_pages(site_pages):
    """site_pages plus the demo updates, findings, resources and easy-read pages."""
    from portal.content.demo_content import demo_picture_names, seed_content
    from portal.easyread.pictures import load_starter_pictures

    # Only the pictures the pages use: loading all 49 would triple the time this fixture takes.
    pictures = load_starter_pictures(only=demo_picture_names())
    return {**site_pages, **seed_content(site_pages["home"], pictures=pictures)}
