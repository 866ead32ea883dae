import pytest
from django.core.cache import cache

from portal.content.demo import seed_pages
from portal.core.demo import seed_settings


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
    from portal.content.demo_content import seed_content

    return {**site_pages, **seed_content(site_pages["home"])}
