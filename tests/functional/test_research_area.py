"""The research area in a real Chromium: a researcher follows up an expression of interest with the
keyboard alone, downloads the CSV after entering their password again, and every page is axe-clean
and fits 320px."""

import re
from pathlib import Path

import pytest

from portal.core import roles
from portal.core.factories import PASSWORD, UserFactory
from portal.research import factories
from portal.research.choices import InterestStatus
from portal.research.models import ExpressionOfInterest, InterestNote

from .axe import assert_accessible
from .test_accounts import assert_fits_320px
from .test_moderation import sign_in_with_code, tab_to

PERSON = {
    "name": "Philippa Quarrington",
    "method": "supporter",
    "email": "",
    "supporter_name": "Desmond Aldous-Fry",
    "supporter_relationship": "family",
    "supporter_email": "desmond.aldous-fry@example.org",
    "supporter_phone": "07700 900123",
    "supporter_agreed": True,
    "communication_needs": ["easy_read", "interpreter"],
    "interpreter_language": "Tigrinya",
}


@pytest.fixture
def researcher(db):
    return UserFactory(roles=[roles.RESEARCHERS], with_totp=True)


@pytest.fixture
def interest(site_pages, researcher):
    index = factories.study_index(site_pages["home"])
    study = factories.study_page(
        index, title="Living in long-term segregation", team=[researcher], questions=["Are you 18 or over?"]
    )
    screening = [{"id": study.questions[0]["id"], "question": "Are you 18 or over?", "answer": "yes"}]
    expression, _token = factories.expression_of_interest(study, screening=screening, **PERSON)
    return expression


def test_a_researcher_follows_up_an_expression_of_interest_with_the_keyboard_alone(
    page, live_server, researcher, interest
):
    sign_in_with_code(page, live_server, researcher)
    tab_to(page, "Research area: your studies", tag="A")
    page.keyboard.press("Enter")
    page.wait_for_url("**/researchers/")
    assert_accessible(page)

    tab_to(page, "Living in long-term segregation", tag="A")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/researchers/studies/{interest.study_id}/")
    assert "Philippa Quarrington" in page.locator("main").inner_text()
    assert_accessible(page)

    tab_to(page, interest.formatted_reference, tag="A")
    page.keyboard.press("Enter")
    detail = f"**/researchers/interest/{interest.public_id}/"
    page.wait_for_url(detail)
    main = page.locator("main").inner_text()
    assert "Desmond Aldous-Fry" in main
    assert "Tigrinya" in main
    assert_accessible(page)

    # Tab stops on the chosen radio of a group; the arrow keys choose another.
    tab_to(page, "New", tag="INPUT")
    page.keyboard.press("ArrowDown")
    tab_to(page, "Save the status", tag="BUTTON")
    # The form posts to the page's own address: wait for the navigation, not for a URL it already has.
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "The status is now “Contacted”." in page.locator("main").inner_text()
    assert_accessible(page)

    tab_to(page, "Add a note", tag="TEXTAREA")
    page.keyboard.type("Left a voicemail with Desmond; call back Tuesday.")
    tab_to(page, "Add the note", tag="BUTTON")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/researchers/interest/[0-9a-f-]+/#notes$"))
    assert "Left a voicemail with Desmond; call back Tuesday." in page.locator("main").inner_text()
    assert_accessible(page)

    tab_to(page, "Record that they have withdrawn", tag="A")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/researchers/interest/{interest.public_id}/withdraw/")
    assert "This deletes their contact details and your notes now." in page.locator("main").inner_text()
    assert_accessible(page)
    tab_to(page, "Record the withdrawal and delete their details", tag="BUTTON")
    page.keyboard.press("Enter")
    page.wait_for_url(detail)
    main = page.locator("main").inner_text()
    assert f"You recorded that {interest.formatted_reference} has withdrawn." in main
    assert "Desmond" not in main
    assert_accessible(page)

    interest.refresh_from_db()
    assert interest.status == InterestStatus.WITHDRAWN
    assert interest.encrypted == ""
    assert not InterestNote.objects.filter(expression=interest).exists()


def test_the_research_pages_fit_a_small_screen_and_the_export_asks_for_the_password(
    mobile_page, live_server, researcher, interest
):
    page = mobile_page
    sign_in_with_code(page, live_server, researcher)
    for path in (
        "/researchers/",
        f"/researchers/studies/{interest.study_id}/",
        f"/researchers/studies/{interest.study_id}/?status=nobody",
        f"/researchers/interest/{interest.public_id}/",
        f"/researchers/interest/{interest.public_id}/withdraw/",
    ):
        page.goto(live_server.url + path)
        assert_fits_320px(page)  # the list's table scrolls inside its own focusable region
        assert_accessible(page)

    page.goto(live_server.url + f"/researchers/studies/{interest.study_id}/")
    page.get_by_role("link", name="Download their details as a spreadsheet (CSV)").click()
    page.wait_for_url("**/accounts/reauthenticate/**")
    assert_fits_320px(page)
    assert_accessible(page)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"**/researchers/studies/{interest.study_id}/export/")
    assert "Keep the file safe" in page.locator("main").inner_text()
    assert_fits_320px(page)
    assert_accessible(page)

    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV").click()
    saved = download.value
    assert saved.suggested_filename.startswith("expressions-of-interest-living-in-long-term-segregation-")
    content = Path(saved.path()).read_text(encoding="utf-8-sig")
    assert "Philippa Quarrington" in content
    assert "Desmond Aldous-Fry" in content
    assert ExpressionOfInterest.objects.get(pk=interest.pk).status == InterestStatus.NEW


def test_a_researcher_filters_changes_a_status_and_adds_a_note_without_javascript(
    no_js_page, live_server, researcher, interest
):
    page = no_js_page
    sign_in_with_code(page, live_server, researcher)
    page.goto(f"{live_server.url}/researchers/studies/{interest.study_id}/")
    page.get_by_role("link", name="New (1)").click()
    page.wait_for_url("**?status=new*")
    assert "Philippa Quarrington" in page.locator("main").inner_text()
    assert_accessible(page)

    page.get_by_role("link", name=interest.formatted_reference).click()
    page.wait_for_url(f"**/researchers/interest/{interest.public_id}/")
    page.get_by_label("Screened").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Save the status").click()
    assert "The status is now “Screened”." in page.locator("main").inner_text()
    # An empty note is refused with the error summary, not lost.
    with page.expect_navigation():
        page.get_by_role("button", name="Add the note").click()
    assert "There is a problem" in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_label("Add a note").fill("Screened by phone with Desmond.")
    page.get_by_role("button", name="Add the note").click()
    page.wait_for_url(re.compile(r".*#notes$"))
    assert "Screened by phone with Desmond." in page.locator("main").inner_text()

    interest.refresh_from_db()
    assert interest.status == InterestStatus.SCREENED
    assert InterestNote.objects.filter(expression=interest).count() == 1
