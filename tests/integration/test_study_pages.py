"""Study pages: the index lists the studies people can take part in, filtered by who they are for;
a study page says everything about a study, and asks for interest only while it is recruiting."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from portal.content.demo import seed_pages
from portal.content.models import Audience, HomePage
from portal.core.factories import UserFactory
from portal.core.roles import EDITORS
from portal.easyread.pictures import load_starter_pictures
from portal.research import factories
from portal.research.choices import StudyStatus
from portal.research.models import StudyIndexPage, StudyPage

TODAY = timezone.localdate()
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def days(number):
    return TODAY + datetime.timedelta(days=number)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    # Uploaded sheets keep the names they were given, and leave nothing behind.
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def index(site_pages):
    return factories.study_index(site_pages["home"])


@pytest.fixture
def audiences(db):
    return {audience.slug: audience for audience in Audience.objects.all()}


def titles_listed(html):
    return re.findall(r'<h2 class="nhsuk-card__heading[^"]*"[^>]*><a href="[^"]+">([^<]+)</a>', html)


def make_study(index, title, *, audiences=(), **fields):
    return factories.study_page(index, title=title, audiences=list(audiences), **fields)


@pytest.fixture
def studies(index, audiences):
    """One study of each kind a visitor might meet."""
    return {
        "open": make_study(
            index, "Open study", closing_date=days(30), audiences=[audiences["people-who-use-services"]]
        ),
        "for carers": make_study(
            index, "Study for carers", closing_date=days(60), audiences=[audiences["family-and-carers"]]
        ),
        "past its date": make_study(index, "Study past its closing date", closing_date=days(-1)),
        "closed": make_study(index, "Closed study", status=StudyStatus.CLOSED, closing_date=days(-10)),
        "paused": make_study(index, "Paused study", status=StudyStatus.PAUSED, closing_date=days(20)),
    }


# The index ---------------------------------------------------------------------------------------


def test_the_index_lists_only_studies_that_are_recruiting(client, index, studies):
    html = client.get(index.url).content.decode()

    assert titles_listed(html) == ["Open study", "Study for carers"]
    assert "2 studies found" in html
    assert "Closing date: <time" in html
    assert days(30).strftime("%-d %B %Y") in html
    assert '<strong class="nhsuk-tag nhsuk-tag--green">Open: looking for people to take part</strong>' in html
    assert "Who it is for:" in html


def test_closed_and_paused_studies_appear_when_asked_for(client, index, studies):
    html = client.get(index.url, {"closed": "1"}).content.decode()

    assert sorted(titles_listed(html)) == sorted(study.title for study in studies.values())
    assert "5 studies found" in html
    # A study whose closing date has passed shows as closed, whatever its status says.
    assert html.count('<strong class="nhsuk-tag nhsuk-tag--grey">Closed: no longer looking for people</strong>') == 2
    assert '<strong class="nhsuk-tag nhsuk-tag--yellow">Paused: not looking for people just now</strong>' in html
    assert 'id="filter-closed" name="closed" type="checkbox" value="1" checked' in html
    assert f'<a href="{index.url}">Clear filters</a>' in html


def test_the_audience_filter_shows_the_studies_for_that_audience(client, index, studies):
    html = client.get(index.url, {"audience": "family-and-carers"}).content.decode()

    assert titles_listed(html) == ["Study for carers"]
    assert 'value="family-and-carers" checked' in html
    assert 'id="filter-audience-everyone" name="audience" type="radio" value=""' in html
    assert "Everyone</label>" in html
    # Only audiences some study is for are offered.
    assert 'value="people-who-use-services"' in html
    assert 'value="young-people"' not in html


def test_unknown_filter_values_are_ignored(client, index, studies):
    response = client.get(index.url, {"audience": "martians", "closed": "yes", "page": "lots"})

    assert response.status_code == 200
    html = response.content.decode()
    assert titles_listed(html) == ["Open study", "Study for carers"]
    assert "Clear filters" not in html


def test_a_filter_that_matches_nothing_says_so_kindly(client, index, studies, audiences):
    studies["closed"].audiences.set([audiences["staff"]])
    studies["closed"].save_revision().publish()

    html = client.get(index.url, {"audience": "staff"}).content.decode()

    assert "0 studies found" in html
    assert "No studies match these filters." in html
    assert f'<a href="{index.url}">Clear the filters</a>' in html


def test_an_index_without_open_studies_says_when_to_come_back(client, index):
    html = client.get(index.url).content.decode()

    assert "0 studies found" in html
    assert "No studies are looking for people just now." in html
    assert f'href="{index.url}?closed=1"' in html


def test_the_index_is_paginated_and_keeps_its_filters(client, index, monkeypatch):
    monkeypatch.setattr(StudyIndexPage, "page_size", 2)
    for number in range(3):
        make_study(index, f"Study {number}", closing_date=days(10 + number))

    first = client.get(index.url, {"closed": "1"}).content.decode()
    second = client.get(index.url, {"closed": "1", "page": "2"}).content.decode()

    assert titles_listed(first) == ["Study 0", "Study 1"]
    assert "3 studies found" in first
    assert 'href="?closed=1&amp;page=2"' in first
    assert titles_listed(second) == ["Study 2"]
    assert "(page 2)" in second


def test_the_body_is_shown_under_the_list(client, index, studies):
    index.body = [("paragraph", "<p>Research helps services learn what works.</p>")]
    index.save_revision().publish()

    html = client.get(index.url).content.decode()

    assert html.index("Research helps services learn what works.") > html.index("Study for carers")


# The study page ----------------------------------------------------------------------------------


def information_sheet(title, file_name, content=PDF):
    return get_document_model().objects.create(
        title=title, file=ContentFile(content, name=file_name), file_size=len(content)
    )


@pytest.fixture
def full_study(index, audiences):
    picture = load_starter_pictures(only=["telephone"])["telephone"]
    return make_study(
        index,
        "Life after long-term segregation",
        audiences=[audiences["autistic-people"]],
        closing_date=datetime.date(2099, 1, 31),
        easy_read_summary=[
            ("row", {"image": picture, "alt_text": "", "text": "<p>We would like to talk with you.</p>"}),
            ("row", {"image": picture, "alt_text": "A telephone", "text": "<p>You can phone us.</p>"}),
        ],
        contact_name="Dr Miriam Ashdown",
        contact_email="moving-on-study@example.org",
        contact_phone="0113 496 0742",
        information_sheet=information_sheet("Moving On information sheet", "moving-on.pdf", PDF * 100),
        easy_read_information_sheet=information_sheet("Moving On easy read", "moving-on-easy-read.pdf"),
    )


def test_the_study_page_shows_every_section(client, full_study):
    html = client.get(full_study.url).content.decode()

    for text in [
        "<h1>Life after long-term segregation</h1>",
        '<strong class="nhsuk-tag nhsuk-tag--green">Open: looking for people to take part</strong>',
        'Closing date: <time datetime="2099-01-31">31 January 2099</time>',
        "Interviews with people who have lived in long-term segregation.",
        "In easy read",
        "We would like to talk with you.",
        'alt="A telephone"',
        "About this study",
        "We want to learn what helps people leave segregation.",
        "Who can take part",
        "Adults who have lived in long-term segregation.",
        "What taking part involves",
        "One interview of about an hour",
        "At home, on the ward or by video call",
        "A £25 voucher for each interview",
        "You can bring someone you trust.",
        "Approvals",
        "University of the North West",
        "24/NW/0123",
        "324567",
        "Integrated Research Application System",
        "Dr Miriam Ashdown",
        '<a href="mailto:moving-on-study@example.org">moving-on-study@example.org</a>',
        '<a href="tel:01134960742">0113 496 0742</a>',
        "does not mean you have to take part",
    ]:
        assert text in html, text
    assert f'<a class="nhsuk-button" href="/take-part/{full_study.pk}/"' in html
    assert "I'm interested</a>" in html
    assert '<a href="/take-part/withdraw/">Changed your mind? Withdraw your interest</a>' in html


def test_the_information_sheets_say_what_they_are_and_how_big(client, full_study):
    html = client.get(full_study.url).content.decode()

    standard = full_study.information_sheet
    easy_read = full_study.easy_read_information_sheet
    assert f'<a href="{standard.url}">Participant information sheet (PDF, 7.5\xa0KB)</a>' in html
    assert f'<a href="{easy_read.url}">Easy-read participant information sheet (PDF, 77\xa0bytes)</a>' in html


def test_sections_left_blank_are_not_shown(client, index):
    study = make_study(index, "A short study", ethics_reference="", contact_phone="")

    html = client.get(study.url).content.decode()

    assert "Participant information sheets" not in html
    assert "Ethics reference" not in html
    assert "tel:" not in html.split("Contact the research team")[1].split("crisis")[0]
    assert "In easy read" not in html


@pytest.mark.parametrize(
    ("status", "closing_in", "shown"),
    [
        (StudyStatus.PAUSED, 20, "Paused: not looking for people just now"),
        (StudyStatus.CLOSED, -3, "Closed: no longer looking for people"),
        (StudyStatus.OPEN, -1, "Closed: no longer looking for people"),
    ],
)
def test_a_study_that_is_not_recruiting_does_not_ask_for_interest(client, index, status, closing_in, shown):
    study = make_study(index, "Not now", status=status, closing_date=days(closing_in))

    html = client.get(study.url).content.decode()

    assert shown in html
    assert "/take-part/" + str(study.pk) not in html
    assert "I'm interested" not in html
    assert "This study is not looking for people to take part now." in html
    assert f'<a href="{index.url}">See studies that are looking for people</a>' in html
    # Someone who said they were interested can still withdraw.
    assert 'href="/take-part/withdraw/"' in html


def test_the_study_page_is_translated_around_english_content(client, full_study):
    html = client.get("/pl" + full_study.url).content.decode()

    assert '<h1 lang="en-gb" dir="ltr">Life after long-term segregation</h1>' in html


def test_a_closed_study_cannot_have_a_closing_date_in_the_future(index):
    study = StudyPage.objects.get(pk=make_study(index, "Closing early").pk)
    study.status = StudyStatus.CLOSED
    study.closing_date = days(5)

    with pytest.raises(ValidationError) as error:
        study.clean()

    assert "closing_date" in error.value.message_dict
    study.closing_date = TODAY
    study.clean()


def test_an_information_sheet_downloads_with_headers_that_keep_it_inert(client, full_study):
    sheet = full_study.information_sheet

    response = client.get(sheet.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    # A download never renders at the portal's address (settings.WAGTAILDOCS_INLINE_CONTENT_TYPES).
    assert response["Content-Disposition"].startswith("attachment")
    assert 'filename="moving-on.pdf"' in response["Content-Disposition"]
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF * 100


def test_study_pages_are_in_the_sitemap(client, index, studies):
    response = client.get("/sitemap.xml")
    tree = ET.fromstring(response.content)  # noqa: S314 - our own response
    namespace = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = {element.text for element in tree.findall("sm:url/sm:loc", namespace)}

    assert index.full_url in locations
    assert studies["open"].full_url in locations
    assert studies["closed"].full_url in locations


# What the pages cost ----------------------------------------------------------------------------
# Queries with a warm cache. Wagtail's routing (site, pages, view restrictions) and the site settings
# take eight; the index adds a fixed four (audiences, count, studies, their audiences) whatever the
# list's length, and a study page four (its index, its pictures and its two information sheets).


@pytest.mark.parametrize("query", [{}, {"closed": "1", "audience": "family-and-carers"}], ids=["default", "filtered"])
def test_the_index_stays_within_its_query_budget(client, index, studies, django_assert_max_num_queries, query):
    for number in range(6):
        make_study(index, f"Another study {number}", closing_date=days(40 + number))
    client.get(index.url, query)  # warm the caches, as a running site has them

    with django_assert_max_num_queries(12):
        response = client.get(index.url, query)
    assert response.status_code == 200


def test_the_study_page_stays_within_its_query_budget(client, full_study, django_assert_max_num_queries):
    client.get(full_study.url)

    with django_assert_max_num_queries(12):
        response = client.get(full_study.url)
    assert response.status_code == 200


# Editors -----------------------------------------------------------------------------------------


class StudyPageTypesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = seed_pages()["home"]
        cls.picture = load_starter_pictures(only=["telephone"])["telephone"]

    def setUp(self):
        self.client.force_login(UserFactory(roles=[EDITORS], with_totp=True, is_superuser=True))

    def test_studies_live_under_the_one_study_index(self):
        self.assertAllowedParentPageTypes(StudyIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(StudyPage, {StudyIndexPage})
        self.assertAllowedSubpageTypes(StudyPage, set())

    def test_editors_can_create_a_study_index_and_a_study(self):
        self.assertCanCreate(
            self.home,
            StudyIndexPage,
            nested_form_data(
                {
                    "title": "Take part in research",
                    "intro": "Studies looking for people to take part.",
                    "body": streamfield([("paragraph", rich_text("<p>Research helps services learn.</p>"))]),
                }
            ),
        )
        index = StudyIndexPage.objects.get(slug="take-part-in-research")
        researcher = UserFactory(roles=["Researchers"], with_totp=True)
        self.assertCanCreate(
            index,
            StudyPage,
            nested_form_data(
                {
                    "title": "Fair care under the Mental Health Act",
                    "summary": "Focus groups about whether care on the ward felt fair.",
                    "audiences": Audience.objects.get(slug="family-and-carers").pk,
                    "status": "open",
                    "closing_date": days(90).isoformat(),
                    "easy_read_summary": streamfield(
                        [
                            (
                                "row",
                                {
                                    "image": self.picture.pk,
                                    "alt_text": "",
                                    "text": rich_text("<p>We are running small group meetings.</p>"),
                                },
                            )
                        ]
                    ),
                    "description": streamfield([("paragraph", rich_text("<p>What fair care looks like.</p>"))]),
                    "who_can_take_part": rich_text("<p>Adults who have been detained, and carers.</p>"),
                    "time_involved": "One group of about 90 minutes",
                    "place": "A community venue or online",
                    "expenses": "A £30 voucher and travel paid",
                    "support": rich_text("<ul><li>Interpreters in any language</li></ul>"),
                    "sponsor": "Kingsmere University",
                    "ethics_committee": "Thames Meadow Research Ethics Committee",
                    "ethics_reference": "25/TM/0042",
                    "iras_id": "341906",
                    "information_sheet": "",
                    "easy_read_information_sheet": "",
                    "contact_name": "Fair Care study team",
                    "contact_email": "fair-care@example.org",
                    "contact_phone": "",
                    "screening_questions": streamfield(
                        [("question", {"question": "Are you 18 or over?", "easy_read_question": "", "hint": ""})]
                    ),
                    "team_members": inline_formset([{"user": researcher.pk, "role": "Focus group lead"}]),
                }
            ),
        )
        study = StudyPage.objects.get(slug="fair-care-under-the-mental-health-act")
        assert [member.user for member in study.team_members.all()] == [researcher]
        assert study.questions[0]["question"] == "Are you 18 or over?"
