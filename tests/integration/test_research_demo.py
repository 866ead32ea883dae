"""`manage.py seed_demo` publishes two realistic studies, with information sheets that are real PDF
files, and on a demo machine puts the demo researcher on one study's team with made-up interest."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.documents import get_document_model

from portal.content.models import HomePage
from portal.research.choices import StudyStatus
from portal.research.demo import STUDIES
from portal.research.models import ExpressionOfInterest, StudyIndexPage, StudyPage, StudyTeamMember
from portal.research.services import answers_of

User = get_user_model()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def demo_machine(settings):
    settings.PORTAL_DEMO = True
    settings.DEBUG = False


def seed_demo():
    call_command("seed_demo", stdout=StringIO())


def research_counts():
    return {
        "indexes": StudyIndexPage.objects.count(),
        "studies": StudyPage.objects.count(),
        "documents": get_document_model().objects.count(),
        "team members": StudyTeamMember.objects.count(),
        "expressions of interest": ExpressionOfInterest.objects.count(),
        "home routes": len(HomePage.objects.get().routes),
    }


def test_seed_demo_publishes_two_open_studies_with_every_section_filled(db, demo_machine):
    seed_demo()

    index = StudyIndexPage.objects.get()
    assert index.live
    studies = StudyPage.objects.live().child_of(index).order_by("title")
    assert studies.count() == 2
    for study in studies:
        assert study.is_recruiting
        assert study.status == StudyStatus.OPEN
        assert 5 <= len(study.easy_read_summary) <= 7
        assert study.description and study.who_can_take_part and study.support
        assert study.ethics_reference and study.contact_phone
        assert re.fullmatch(r"\d{6,7}", study.iras_id)
        assert study.audiences.exists()
        assert 1 <= len(study.questions) <= 3
        study.full_clean()
    segregation = studies.get(slug=STUDIES[0]["slug"])
    assert set(segregation.audiences.values_list("slug", flat=True)) == {
        "people-who-use-services",
        "family-and-carers",
        "learning-disability",
        "autistic-people",
    }


def test_the_demo_information_sheets_are_pdf_files(db):
    seed_demo()

    for study in StudyPage.objects.all():
        for sheet in (study.information_sheet, study.easy_read_information_sheet):
            assert sheet.file_extension == "pdf"
            with sheet.open_file() as file:
                content = file.read()
            assert content.startswith(b"%PDF-1.4\n")
            assert content.rstrip().endswith(b"%%EOF")
            assert sheet.file_size == len(content)
            # The cross-reference table points at each object, as PDF readers expect.
            xref = int(re.search(rb"startxref\n(\d+)\n", content).group(1))
            assert content[xref:].startswith(b"xref\n")
            offsets = [int(offset) for offset in re.findall(rb"(\d{10}) 00000 n ", content[xref:])]
            for number, offset in enumerate(offsets, start=1):
                assert content[offset:].startswith(b"%d 0 obj" % number)


def test_the_demo_researcher_is_on_exactly_one_team_with_made_up_interest(db, demo_machine):
    seed_demo()

    researcher = User.objects.get(email="researcher@example.org")
    membership = StudyTeamMember.objects.get(user=researcher)
    assert membership.page.slug == STUDIES[0]["slug"]
    interest = ExpressionOfInterest.objects.filter(study=membership.page)
    assert interest.count() == 3
    assert not ExpressionOfInterest.objects.exclude(study=membership.page).exists()
    for expression in interest:
        answers = answers_of(expression)
        assert answers["name"]
        assert all(entry["answer"] in {"yes", "no", "not_sure"} for entry in answers["screening"])
        assert "@example.org" in answers.get("email", "") + answers.get("supporter_email", "") or answers.get("phone")


def test_seed_demo_adds_studies_but_no_team_or_interest_outside_a_demo_machine(db, settings):
    settings.PORTAL_DEMO = False
    settings.DEBUG = False

    seed_demo()

    assert StudyPage.objects.count() == 2
    assert not StudyTeamMember.objects.exists()
    assert not ExpressionOfInterest.objects.exists()


def test_seed_demo_adds_a_take_part_in_research_route_to_the_home_page(client, db):
    seed_demo()

    index = StudyIndexPage.objects.get()
    home = HomePage.objects.get()
    assert [block.value["text"] for block in home.routes].count("Take part in research") == 1
    html = client.get("/").content.decode()
    assert f'<a class="nhsuk-card__link" href="{index.url}">Take part in research</a>' in html


def test_seed_demo_run_twice_adds_no_second_study_route_or_interest(db, demo_machine):
    seed_demo()
    after_first = research_counts()

    seed_demo()

    assert research_counts() == after_first
    assert after_first["studies"] == 2
    assert after_first["documents"] == 4
