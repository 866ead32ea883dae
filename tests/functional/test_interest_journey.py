"""The "I'm interested" form in a real Chromium: a person with the keyboard alone, a supporter in
easy read at 320px, and the whole journey without JavaScript, then withdrawing by link and by code.
Every page a test visits, error states included, is checked with axe."""

import re

import pytest
from playwright.sync_api import expect

from portal.research import factories, services
from portal.research.models import ExpressionOfInterest

from .axe import assert_accessible
from .test_feedback_journey import FOCUSED_NAME, focused, skip_to_main_content, tab_to

REFERENCE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")
SUPPORTER_LABEL = "Through someone who supports me, such as a carer or a member of staff"


@pytest.fixture
def study(site_pages):
    index = factories.study_index(site_pages["home"])
    questions = [
        ("question", {"question": "Are you 18 or over?", "easy_read_question": "Are you an adult?", "hint": ""}),
        (
            "question",
            {
                "question": "Have you lived in long-term segregation in the last 5 years?",
                "easy_read_question": "Did you live apart from other people on a ward?",
                "hint": "Segregation means living apart from other patients on a ward.",
            },
        ),
    ]
    return factories.study_page(index, screening_questions=questions)


def check(page):
    """What every page must pass: axe, no JavaScript errors and, at 320px, nothing that scrolls
    sideways (WCAG 1.4.10 reflow)."""
    assert_accessible(page)
    assert page.javascript_problems == []
    if page.viewport_size["width"] <= 320:
        scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert scroll <= client + 1, f"{page.url} scrolls sideways at 320px ({scroll} > {client})"


def at(page, study, slug):
    page.wait_for_url(f"**/take-part/{study.pk}/{slug}/")
    check(page)


def tab_into(page, selector):
    """Tab until an element matching selector has focus (the first radio of a group, a checkbox)."""
    for _press in range(40):
        page.keyboard.press("Tab")
        if focused(page, selector):
            return
    raise AssertionError(f"Tab never reached {selector} on {page.url}")


def keyboard_continue(page):
    tab_to(page, "Continue")
    page.keyboard.press("Enter")


def reference_on(page):
    reference = page.locator(".portal-reference").inner_text().strip()
    assert REFERENCE.match(reference)
    return reference


def test_a_person_registers_interest_with_the_keyboard_alone(page, live_server, study):
    page.goto(f"{live_server.url}/take-part/{study.pk}/")
    check(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Tell the research team you are interested")
    skip_to_main_content(page)
    tab_to(page, "Start now")
    page.keyboard.press("Enter")

    # Continue without a name: the error summary takes focus, and its link goes to the field.
    at(page, study, "name")
    skip_to_main_content(page)
    keyboard_continue(page)
    page.wait_for_url(f"**/take-part/{study.pk}/name/")
    expect(page.locator(".nhsuk-error-summary")).to_be_focused()
    expect(page).to_have_title(re.compile(r"^Error: "))
    check(page)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("#id_name")).to_be_focused()
    page.keyboard.type("Sam Okafor")
    keyboard_continue(page)

    # Radios: Tab to the group, Space chooses the first; the email field is revealed after it.
    at(page, study, "contact")
    skip_to_main_content(page)
    tab_into(page, "input[type=radio]")
    page.keyboard.press("Space")
    assert page.evaluate(FOCUSED_NAME) == "Email"
    expect(page.get_by_label("Email address", exact=True)).to_be_visible()
    expect(page.get_by_label("Phone number", exact=True)).to_be_hidden()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Email address", exact=True)).to_be_focused()
    page.keyboard.type("sam.okafor@example.org")
    keyboard_continue(page)

    # Checkboxes: Tab to each and press Space.
    at(page, study, "needs")
    skip_to_main_content(page)
    tab_into(page, "input[type=checkbox]")
    assert page.evaluate(FOCUSED_NAME) == "Easy read"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED_NAME) == "Large print"
    page.keyboard.press("Space")
    keyboard_continue(page)

    # Two groups of radios: Space in the first, then Tab to the next group and arrow down twice.
    at(page, study, "screening")
    skip_to_main_content(page)
    tab_into(page, "input[type=radio]")
    page.keyboard.press("Space")
    assert page.evaluate(FOCUSED_NAME) == "Yes"
    page.keyboard.press("Tab")
    assert focused(page, "#id_question_2-1")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.evaluate(FOCUSED_NAME) == "Not sure"
    assert focused(page, ":checked")
    keyboard_continue(page)

    at(page, study, "consent")
    skip_to_main_content(page)
    tab_into(page, "input[type=checkbox]")
    assert page.evaluate(FOCUSED_NAME) == "I agree that the research team can contact me about this study"
    page.keyboard.press("Space")
    keyboard_continue(page)

    at(page, study, "check")
    expect(page.locator(".nhsuk-summary-list")).to_contain_text("sam.okafor@example.org")
    expect(page.locator(".nhsuk-summary-list")).to_contain_text("Large print")
    skip_to_main_content(page)
    tab_to(page, "Send")
    page.keyboard.press("Enter")

    page.wait_for_url("**/take-part/thank-you/")
    check(page)
    reference = reference_on(page)
    expect(page.get_by_text("We are sending you an email with your reference code.")).to_be_visible()

    expression = ExpressionOfInterest.objects.get()
    assert expression.formatted_reference == reference
    answers = services.answers_of(expression)
    assert (answers["name"], answers["method"], answers["email"]) == ("Sam Okafor", "email", "sam.okafor@example.org")
    assert answers["communication_needs"] == ["easy_read", "large_print"]
    assert [answer["answer"] for answer in answers["screening"]] == ["yes", "not_sure"]
    assert (expression.consent_future_studies, expression.easy_read) == (False, False)


def test_a_supporter_registers_interest_in_easy_read_at_320px(mobile_page, live_server, study):
    page = mobile_page
    page.goto(f"{live_server.url}/take-part/{study.pk}/")
    check(page)
    page.get_by_role("button", name="Start in easy read").click()

    at(page, study, "name")
    expect(page.get_by_role("heading", level=1)).to_have_text("What is your name?")
    picture = page.locator(".portal-question__picture")
    assert picture.evaluate("img => img.complete && img.naturalWidth > 0")
    page.get_by_label("What is your name?").fill("Jo Bright")
    page.get_by_role("button", name="Continue").click()

    at(page, study, "contact")
    expect(page.get_by_role("heading", level=1)).to_have_text("How can the research team get in touch?")
    expect(page.locator(".portal-radio-picture")).to_have_count(4)
    # Missing the supporter's details and Jo's agreement: each has its own message.
    page.get_by_label(SUPPORTER_LABEL).check()
    expect(page.get_by_label("Their name")).to_be_visible()
    expect(page.get_by_label("Email address", exact=True)).to_be_hidden()
    page.get_by_label("Their name").fill("Chris Bright")
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"**/take-part/{study.pk}/contact/")
    summary = page.locator(".nhsuk-error-summary")
    expect(summary).to_contain_text("Choose who the person who supports you is.")
    expect(summary).to_contain_text("Enter an email address or a phone number for the person who supports you")
    expect(summary).to_contain_text("Tick the box to confirm Jo Bright has agreed")
    expect(page.get_by_label("Their name")).to_have_value("Chris Bright")
    check(page)

    page.get_by_label("Family member or carer").check()
    page.get_by_label("Their email address").fill("chris.bright@example.org")
    page.get_by_label("They said yes to this").check()
    page.get_by_role("button", name="Continue").click()

    at(page, study, "needs")
    # "No, I do not need any of these" unticks the others, and the other way round.
    page.get_by_label("Easy read", exact=True).check()
    page.get_by_label("No, I do not need any of these").check()
    expect(page.get_by_label("Easy read", exact=True)).not_to_be_checked()
    page.get_by_label("An interpreter").check()
    expect(page.get_by_label("No, I do not need any of these")).not_to_be_checked()
    page.get_by_label("Which language?").fill("Polish")
    page.get_by_label("Easy read", exact=True).check()
    page.get_by_role("button", name="Continue").click()

    at(page, study, "screening")
    expect(page.get_by_role("group", name="Are you an adult?")).to_be_visible()
    page.get_by_role("group", name="Are you an adult?").get_by_label("Yes", exact=True).check()
    page.get_by_role("group", name="Did you live apart from other people on a ward?").get_by_label(
        "No", exact=True
    ).check()
    page.get_by_role("button", name="Continue").click()

    at(page, study, "consent")
    page.get_by_label("Yes, the team can get in touch with me about this study").check()
    page.get_by_label("Yes, tell me about other studies too").check()
    page.get_by_role("button", name="Continue").click()

    at(page, study, "check")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check what you told us")
    expect(page.locator(".nhsuk-summary-list")).to_contain_text("Chris Bright")
    page.get_by_role("button", name="Send").click()

    page.wait_for_url("**/take-part/thank-you/")
    check(page)
    reference = reference_on(page)
    expect(page.get_by_text("The research team will get in touch with the person who supports you.")).to_be_visible()
    expect(page.get_by_text("We are sending an email to the person who supports you")).to_be_visible()

    expression = ExpressionOfInterest.objects.get()
    assert (expression.easy_read, expression.consent_future_studies) == (True, True)
    answers = services.answers_of(expression)
    assert answers["method"] == "supporter"
    assert (answers["supporter_name"], answers["supporter_relationship"]) == ("Chris Bright", "family")
    assert (answers["supporter_email"], answers["supporter_agreed"]) == ("chris.bright@example.org", True)
    assert answers["communication_needs"] == ["easy_read", "interpreter"]
    assert answers["interpreter_language"] == "Polish"
    assert answers["screening"][0]["question"] == "Are you an adult?"

    # Withdrawing by reference code, on another visit.
    page.goto(f"{live_server.url}/take-part/withdraw/")
    check(page)
    code = page.get_by_label("Withdraw your interest in a study")
    code.fill("ZZZZ-ZZZZ")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("We could not find that reference code.")
    expect(code).to_have_value("ZZZZ-ZZZZ")
    check(page)
    code.fill(reference.lower())
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Are you sure you want to withdraw?")
    check(page)
    page.get_by_role("button", name="Yes, withdraw and delete my details").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You have withdrawn")
    check(page)
    expression.refresh_from_db()
    assert (expression.status, expression.encrypted) == ("withdrawn", "")


def test_the_whole_journey_works_without_javascript(no_js_page, live_server, study):
    page = no_js_page
    page.goto(f"{live_server.url}/take-part/{study.pk}/")
    check(page)
    page.get_by_role("button", name="Start now").click()

    at(page, study, "name")
    expect(page.locator("#id_website")).to_be_attached()
    expect(page.locator("#id_website")).to_be_hidden()
    page.get_by_label("What should we call you?").fill("Ravi Shah")
    page.get_by_role("button", name="Continue").click()

    # Without JavaScript every way's fields show; only the chosen way's are checked and kept.
    at(page, study, "contact")
    for label in ("Email address", "Phone number", "Address, including the postcode", "Their email address"):
        expect(page.get_by_label(label, exact=True)).to_be_visible()
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("Choose how the research team should contact you.")
    check(page)
    page.get_by_label("Phone", exact=True).check()
    page.get_by_label("Phone number", exact=True).fill("0161 496 0000")
    page.get_by_label("Email address", exact=True).fill("half-typed@")
    page.get_by_role("button", name="Continue").click()

    at(page, study, "needs")
    page.get_by_label("No, I do not need any of these").check()
    page.get_by_role("button", name="Continue").click()

    at(page, study, "screening")
    page.get_by_role("group", name="Are you 18 or over?").get_by_label("Not sure").check()
    page.get_by_role("group", name="Have you lived in long-term segregation in the last 5 years?").get_by_label(
        "Yes", exact=True
    ).check()
    page.get_by_role("button", name="Continue").click()

    at(page, study, "consent")
    page.get_by_label("I agree that the research team can contact me about this study").check()
    page.get_by_role("button", name="Continue").click()

    at(page, study, "check")
    expect(page.locator(".nhsuk-summary-list")).not_to_contain_text("half-typed@")
    page.get_by_role("button", name="Send").click()
    page.wait_for_url("**/take-part/thank-you/")
    check(page)
    reference_on(page)
    expect(page.get_by_text("We are sending")).to_have_count(0)

    expression = ExpressionOfInterest.objects.get()
    answers = services.answers_of(expression)
    assert (answers["method"], answers["phone"], answers["email"]) == ("phone", "0161 496 0000", "")
    assert answers["communication_needs"] == []

    # Withdrawing with the link from the thank-you page.
    page.locator(".portal-long-link a").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Are you sure you want to withdraw?")
    check(page)
    page.get_by_role("button", name="Yes, withdraw and delete my details").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You have withdrawn")
    check(page)
    expression.refresh_from_db()
    assert (expression.status, expression.encrypted) == ("withdrawn", "")
