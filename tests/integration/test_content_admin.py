"""Editors create every page type in the Wagtail admin, and see the easy-read check as they work."""

import json
import re

import pytest
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from portal.content.demo import seed_pages
from portal.content.models import (
    Audience,
    HomePage,
    ResourceIndexPage,
    ResourcePage,
    ResourceTopic,
    StandardPage,
    UpdateIndexPage,
    UpdatePage,
)
from portal.core.factories import UserFactory
from portal.core.roles import EDITORS
from portal.easyread.models import EasyReadIndexPage, EasyReadPage, EasyReadSettings
from portal.easyread.pictures import load_starter_pictures
from portal.research.models import StudyIndexPage

SHORT_ROW = "<p>Peer support groups meet every week.</p>"
LONG_ROW = (
    "<p>Peer support groups, which are run by trained volunteers who have themselves used mental health "
    "services in the past, meet every week in community centres across the whole of the area.</p>"
)


def easy_read_body(image, *texts, alt_text=""):
    return streamfield([("row", {"image": image.pk, "alt_text": alt_text, "text": rich_text(text)}) for text in texts])


class PageTypesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.pages = seed_pages()
        cls.home = cls.pages["home"]
        cls.picture = load_starter_pictures(only=["telephone"])["telephone"]

    def setUp(self):
        self.client.force_login(UserFactory(roles=[EDITORS], with_totp=True, is_superuser=True))

    def test_the_tree_allows_each_page_where_it_belongs(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {StandardPage, UpdateIndexPage, ResourceIndexPage, StudyIndexPage, EasyReadIndexPage, EasyReadPage},
        )
        self.assertAllowedParentPageTypes(UpdatePage, {UpdateIndexPage})
        self.assertAllowedParentPageTypes(ResourcePage, {ResourceIndexPage})
        self.assertCanNotCreateAt(HomePage, UpdatePage)
        self.assertCanNotCreateAt(StandardPage, ResourcePage)
        self.assertCanCreateAt(StandardPage, EasyReadPage)

    def test_editors_can_create_a_standard_page(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Visiting the ward",
                    "intro": rich_text("<p>When you can visit.</p>"),
                    "body": streamfield([("paragraph", rich_text("<p>Visiting is 2pm to 8pm.</p>"))]),
                }
            ),
        )

    def test_editors_can_create_updates_and_findings(self):
        self.assertCanCreate(self.home, UpdateIndexPage, nested_form_data({"title": "News", "intro": "What is new."}))
        index = UpdateIndexPage.objects.get(slug="news")
        self.assertCanCreate(
            index,
            UpdatePage,
            nested_form_data(
                {
                    "title": "What the survey found",
                    "kind": "findings",
                    "date": "2026-11-01",
                    "summary": "People want more say in ward rounds.",
                    "body": streamfield([("paragraph", rich_text("<p>Most people said so.</p>"))]),
                }
            ),
        )

    def test_editors_can_create_resources(self):
        self.assertCanCreate(
            self.home, ResourceIndexPage, nested_form_data({"title": "Support", "body": streamfield([])})
        )
        index = ResourceIndexPage.objects.get(slug="support")
        self.assertCanCreate(
            index,
            ResourcePage,
            nested_form_data(
                {
                    "title": "Hearing voices group",
                    "summary": "A group for people who hear voices.",
                    "topics": ResourceTopic.objects.get(slug="peer-support").pk,
                    "audiences": Audience.objects.get(slug="people-who-use-services").pk,
                    "who_it_is_for": "Adults who hear voices.",
                    "how_to_get_it": rich_text("<p>Just come along.</p>"),
                    "self_referral": "on",
                    "where": "Online",
                    "cost": "Free",
                    "links": streamfield(
                        [
                            (
                                "link",
                                {
                                    "text": "Hearing Voices Network",
                                    "page": "",
                                    "url": "https://www.hearing-voices.org/",
                                    "description": "",
                                },
                            )
                        ]
                    ),
                    "body": streamfield([]),
                }
            ),
        )
        page = ResourcePage.objects.get(slug="hearing-voices-group")
        assert [topic.slug for topic in page.topics.all()] == ["peer-support"]

    def test_editors_can_create_easy_read_pages(self):
        self.assertCanCreate(self.home, EasyReadIndexPage, nested_form_data({"title": "Easy read", "intro": ""}))
        index = EasyReadIndexPage.objects.get()
        self.assertCanCreate(
            index,
            EasyReadPage,
            nested_form_data(
                {
                    "title": "Peer support",
                    "summary": "Groups where you meet people who understand.",
                    "standard_version": "",
                    "body": easy_read_body(self.picture, SHORT_ROW),
                }
            ),
        )


@pytest.fixture
def editor_client(client, site_pages):
    client.force_login(UserFactory(roles=[EDITORS], with_totp=True, is_superuser=True))
    return client


@pytest.fixture
def picture(db):
    return load_starter_pictures(only=["telephone"])["telephone"]


def add_easy_read(client, parent, picture, *texts, publish=True, confirm=False, alt_text=""):
    data = nested_form_data(
        {
            "title": "Peer support",
            "slug": "peer-support",
            "summary": "Groups where you meet people who understand.",
            "standard_version": "",
            "body": easy_read_body(picture, *texts, alt_text=alt_text),
        }
    )
    if publish:
        data["action-publish"] = "action-publish"
    if confirm:
        data["publish_despite_issues"] = "on"
    return client.post(f"/admin/pages/add/easyread/easyreadpage/{parent.pk}/", data)


def test_publishing_with_a_serious_issue_asks_for_confirmation_and_keeps_the_words(editor_client, site_pages, picture):
    response = add_easy_read(editor_client, site_pages["home"], picture, LONG_ROW)

    assert response.status_code == 200
    assert not EasyReadPage.objects.exists()
    html = response.content.decode()
    assert "The easy-read check found 1 serious issue" in html
    assert "trained volunteers who have themselves used" in html  # what the editor wrote is still there


def test_publishing_despite_serious_issues_works_when_confirmed(editor_client, site_pages, picture):
    response = add_easy_read(editor_client, site_pages["home"], picture, LONG_ROW, confirm=True)

    assert response.status_code == 302
    assert EasyReadPage.objects.get().live


def test_a_draft_with_serious_issues_saves_without_confirmation(editor_client, site_pages, picture):
    response = add_easy_read(editor_client, site_pages["home"], picture, LONG_ROW, publish=False)

    assert response.status_code == 302
    assert not EasyReadPage.objects.get().live


def test_a_page_without_serious_issues_publishes_straight_away(editor_client, site_pages, picture):
    response = add_easy_read(editor_client, site_pages["home"], picture, SHORT_ROW)

    assert response.status_code == 302
    assert EasyReadPage.objects.get().live


def test_every_picture_needs_alt_text(editor_client, site_pages, picture):
    picture.description = ""
    picture.save()

    response = add_easy_read(editor_client, site_pages["home"], picture, SHORT_ROW, publish=False)

    assert response.status_code == 200
    assert "Every picture in easy read needs alt text" in response.content.decode()
    response = add_easy_read(
        editor_client, site_pages["home"], picture, SHORT_ROW, publish=False, alt_text="IMG_2041.png"
    )
    assert "looks like a file name" in response.content.decode()


def test_the_edit_screen_shows_the_score_and_the_issues(editor_client, site_pages, picture):
    add_easy_read(editor_client, site_pages["home"], picture, LONG_ROW, publish=False)
    page = EasyReadPage.objects.get()

    html = editor_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()

    assert "Easy-read score:" in html
    assert "Serious:" in html
    assert "words" in html


def test_the_site_plain_words_list_extends_the_checker(editor_client, site_pages, picture):
    settings = EasyReadSettings.for_site(site_pages["home"].get_site())
    settings.plain_words = "ward round = meeting about your care\nnot a pair"
    settings.save()
    add_easy_read(editor_client, site_pages["home"], picture, "<p>Come to your ward round.</p>", publish=False)
    page = EasyReadPage.objects.get()

    report = page.easy_read_report()

    assert settings.plain_word_mapping() == {"ward round": "meeting about your care"}
    assert any(issue.rule == "hard-word" and "meeting about your care" in issue.message for issue in report.issues)


def test_the_preview_shows_the_checker_to_the_editor(editor_client, site_pages, picture):
    add_easy_read(editor_client, site_pages["home"], picture, LONG_ROW, publish=False)
    page = EasyReadPage.objects.get()

    html = editor_client.get(f"/admin/pages/{page.pk}/edit/preview/").content.decode()
    if "Easy-read check (only editors see this)" not in html:  # preview needs the form data posted first
        data = nested_form_data(
            {
                "title": page.title,
                "slug": page.slug,
                "summary": page.summary,
                "standard_version": "",
                "body": easy_read_body(picture, LONG_ROW),
            }
        )
        editor_client.post(f"/admin/pages/{page.pk}/edit/preview/", data)
        html = editor_client.get(f"/admin/pages/{page.pk}/edit/preview/").content.decode()

    assert "Easy-read check (only editors see this)" in html


def test_rows_are_marked_for_the_userbar_checks_only_for_editors(client, editor_client, site_pages, picture):
    add_easy_read(editor_client, site_pages["home"], picture, SHORT_ROW, LONG_ROW, confirm=True)
    url = EasyReadPage.objects.get().url

    editor_html = editor_client.get(url).content.decode()
    editor_client.logout()
    public_html = client.get(url).content.decode()

    assert 'data-easy-read-issues="long-sentence' in editor_html
    markers = re.findall(r'data-easy-read-issues="([^"]*)"', editor_html)
    assert ["long-sentence" in marker.split() for marker in markers] == [False, True]  # only the long row
    assert "data-easy-read-issues" not in public_html
    config = json.loads(re.search(r'id="checker-axe-configuration"[^>]*>(.*?)</script>', editor_html, re.S).group(1))
    assert "easy-read-long-sentence" in config["options"]["runOnly"]
    assert any(rule["id"] == "easy-read-long-sentence" for rule in config["spec"]["rules"])


@pytest.fixture
def editor_without_superuser(client, site_pages):
    client.force_login(UserFactory(roles=[EDITORS], with_totp=True))
    return client


def test_editors_manage_resource_topics_and_audiences(editor_without_superuser):
    for model in ("resourcetopic", "audience"):
        assert editor_without_superuser.get(f"/admin/snippets/content/{model}/").status_code == 200
    response = editor_without_superuser.post(
        "/admin/snippets/content/resourcetopic/add/",
        {"name": "Housing", "slug": "housing", "description": "Help with where you live.", "order": 9},
    )

    assert response.status_code == 302
    assert ResourceTopic.objects.filter(slug="housing").exists()


def test_editors_extend_the_plain_words_list(editor_without_superuser, site_pages):
    site = site_pages["home"].get_site()

    response = editor_without_superuser.post(
        f"/admin/settings/easyread/easyreadsettings/{site.pk}/", {"plain_words": "ward round = meeting about your care"}
    )

    assert response.status_code == 302
    assert EasyReadSettings.for_site(site).plain_word_mapping() == {"ward round": "meeting about your care"}


def test_moderators_cannot_change_the_content_filters(client, site_pages):
    client.force_login(UserFactory(roles=["Moderators"], with_totp=True))

    assert client.get("/admin/snippets/content/resourcetopic/add/").status_code in (302, 403)
