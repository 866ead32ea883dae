"""The cookies page names every cookie the portal's own views set (the law asks us to say so)."""

import pytest

from portal.feedback import views as feedback_views
from portal.research import views as research_views


@pytest.mark.parametrize(
    "name",
    [
        feedback_views.DRAFT_COOKIE,
        feedback_views.SENT_COOKIE,
        feedback_views.LOOKUP_COOKIE,
        research_views.DRAFT_COOKIE,
        research_views.SENT_COOKIE,
    ],
)
def test_the_cookies_page_lists_each_cookie_we_set(client, site_pages, name):
    assert name in client.get("/cookies/").content.decode()
