"""The public pages anyone can reach: home, "Need help now?" and a standard page."""

import pytest
from wagtail.models import Site

from portal.core.models import CrisisContacts

# Queries per page with a warm cache (a second request); Wagtail finds the site, walks the page
# path, checks view restrictions and reads the footer settings. A deeper page costs one query per level.
# The home page also looks for the latest updates; a standard page for its easy-read version.
PUBLIC_PAGES = [
    pytest.param("/", 9, id="home"),
    pytest.param("/need-help-now/", 3, id="crisis help"),
    pytest.param("/privacy-notice/", 9, id="standard page"),
    pytest.param("/ur/", 9, id="home in Urdu"),
    pytest.param("/pl/need-help-now/", 3, id="crisis help in Polish"),
]


@pytest.fixture
def crisis_contacts(site_pages):
    return CrisisContacts.for_site(Site.objects.get(is_default_site=True))


@pytest.mark.parametrize(("url", "budget"), PUBLIC_PAGES)
def test_public_pages_render_in_the_nhs_layout(client, site_pages, url, budget):
    response = client.get(url)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith("<!DOCTYPE html>")
    assert 'class="nhsuk-header' in html
    assert 'class="nhsuk-footer' in html
    assert '<a class="nhsuk-skip-link" data-module="nhsuk-skip-link" href="#maincontent">' in html
    assert '<main class="nhsuk-main-wrapper' in html


@pytest.mark.parametrize(("url", "budget"), PUBLIC_PAGES)
def test_public_pages_offer_crisis_help_at_the_top(client, site_pages, url, budget):
    html = client.get(url).content.decode()

    help_link = html.index('class="portal-help-bar__crisis"')
    assert html.index('id="maincontent"') > help_link
    assert "need-help-now/" in html[help_link : help_link + 120]


@pytest.mark.parametrize(("url", "budget"), PUBLIC_PAGES)
def test_public_pages_stay_within_their_query_budget(client, site_pages, django_assert_max_num_queries, url, budget):
    client.get(url)  # warms Wagtail's site and page caches

    with django_assert_max_num_queries(budget):
        response = client.get(url)

    assert response.status_code == 200


@pytest.mark.parametrize(("url", "budget"), PUBLIC_PAGES)
def test_public_pages_set_no_cookies_for_an_anonymous_visitor(client, site_pages, url, budget):
    response = client.get(url)

    assert not response.cookies
    assert "sessionid" not in client.cookies
    assert "csrftoken" not in client.cookies


def test_a_page_with_a_form_sets_only_the_csrf_cookie(client, site_pages):
    response = client.get("/accounts/login/")

    assert response.status_code == 200
    assert set(response.cookies) == {"csrftoken"}


def test_the_footer_links_to_the_accessibility_privacy_and_cookie_pages(client, site_pages):
    html = client.get("/").content.decode()
    footer = html[html.index('class="nhsuk-footer') :]

    assert 'href="/accessibility-statement/">Accessibility statement</a>' in footer
    assert 'href="/privacy-notice/">Privacy notice</a>' in footer
    assert 'href="/cookies/">Cookies</a>' in footer
    assert 'href="/need-help-now/">Need help now?</a>' in footer
    assert "Run by Demo Mental Health NHS Foundation Trust" in footer


def test_the_footer_leaves_out_a_page_that_is_not_published(client, site_pages):
    site_pages["cookies"].unpublish()

    footer = client.get("/").content.decode().split('class="nhsuk-footer', 1)[1]

    assert "/cookies/" not in footer
    assert "/privacy-notice/" in footer


def test_the_home_page_shows_its_title_and_introduction(client, site_pages):
    html = client.get("/").content.decode()

    assert f"<h1>{site_pages['home'].title}</h1>" in html
    assert "You do not need to give your name." in html


def test_a_standard_page_shows_its_body_and_when_it_was_reviewed(client, site_pages):
    html = client.get("/privacy-notice/").content.decode()

    assert "<h1>Privacy notice</h1>" in html
    assert "What we collect" in html
    assert "Page last reviewed:" in html


@pytest.mark.parametrize(
    ("url", "links"),
    [
        ("/", ['href="/pl/" lang="pl" hreflang="pl">Polski</a>', 'href="/ur/" lang="ur" hreflang="ur">اردو</a>']),
        ("/ur/", ['href="/" lang="en-gb" hreflang="en-gb">English</a>', 'href="/pl/" lang="pl"']),
        ("/need-help-now/", ['href="/pl/need-help-now/" lang="pl"', 'href="/ur/need-help-now/" lang="ur"']),
    ],
)
def test_the_language_switcher_links_to_this_page_in_the_other_languages(client, site_pages, url, links):
    html = client.get(url).content.decode()
    switcher = html[html.index('class="portal-languages"') :]

    for link in links:
        assert link in switcher


@pytest.mark.parametrize(
    ("url", "opening_tag"),
    [
        ("/", '<html lang="en-gb" dir="ltr"'),
        ("/ur/", '<html lang="ur" dir="rtl"'),
        ("/pl/", '<html lang="pl" dir="ltr"'),
        ("/ur/need-help-now/", '<html lang="ur" dir="rtl"'),
        ("/pl/privacy-notice/", '<html lang="pl" dir="ltr"'),
    ],
)
def test_the_page_language_and_direction_follow_the_address(client, site_pages, url, opening_tag):
    response = client.get(url)

    assert response.status_code == 200
    assert opening_tag in response.content.decode()


def test_the_browser_language_does_not_change_the_page_language(client, site_pages):
    # The language is in the address only, so a shared link always opens in the same language.
    response = client.get("/", headers={"accept-language": "ur"})

    assert '<html lang="en-gb" dir="ltr"' in response.content.decode()


def test_crisis_help_shows_the_national_numbers_as_phone_links(client, crisis_contacts):
    html = client.get("/need-help-now/").content.decode()

    assert '<a href="tel:999">999</a>' in html
    assert '<a href="tel:111">111</a>' in html
    assert "choose option 2" in html
    assert '<a href="tel:116123">116 123</a>' in html
    assert "Text SHOUT to 85258" in html


def test_crisis_help_numbers_come_from_the_site_setting(client, crisis_contacts):
    crisis_contacts.samaritans_number = "0800 123 4567"
    crisis_contacts.local_crisis_line = "the Mersey 24-hour crisis line"
    crisis_contacts.local_crisis_number = "0800 145 6570"
    crisis_contacts.text_service = ""
    crisis_contacts.save()

    html = client.get("/need-help-now/").content.decode()

    assert '<a href="tel:08001234567">0800 123 4567</a>' in html
    assert "116 123" not in html
    assert 'Or call the Mersey 24-hour crisis line on <a href="tel:08001456570">0800 145 6570</a>' in html
    assert "SHOUT" not in html


def test_crisis_help_shows_more_help_written_by_the_trust(client, crisis_contacts):
    crisis_contacts.more_help = '<p>Visit the <a href="https://example.nhs.uk/safe-haven">safe haven</a>.</p>'
    crisis_contacts.save()

    html = client.get("/need-help-now/").content.decode()

    assert '<a href="https://example.nhs.uk/safe-haven">safe haven</a>' in html


def test_crisis_help_works_before_any_content_or_settings_exist(client, db):
    response = client.get("/need-help-now/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<a href="tel:999">999</a>' in html
    assert '<a href="tel:116123">116 123</a>' in html


def test_public_pages_are_served_as_utf8_html(client, site_pages):
    response = client.get("/ur/")

    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["Content-Language"] == "ur"


def test_settings_text_inside_a_translated_sentence_is_marked_as_english(client, crisis_contacts):
    # In the Urdu interface the editor's English keeps its own direction and is read as English.
    crisis_contacts.local_crisis_line = "the Mersey 24-hour crisis line"
    crisis_contacts.local_crisis_number = "0800 145 6570"
    crisis_contacts.save()

    urdu = client.get("/ur/need-help-now/").content.decode()
    english = client.get("/need-help-now/").content.decode()

    assert '<bdi lang="en-gb" dir="ltr">Text SHOUT to 85258</bdi>' in urdu
    assert '<bdi lang="en-gb" dir="ltr">the Mersey 24-hour crisis line</bdi>' in urdu
    assert "<bdi" not in english
