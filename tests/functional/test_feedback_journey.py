"""The feedback journey in a real Chromium, from the start page to the reference code and on to
"your feedback": with the mouse at desktop width, at 320px, in easy read, with the keyboard alone and
without JavaScript. Every page a test visits, error states included, is checked with axe."""

import re

import pytest
from playwright.sync_api import expect

from portal.feedback.factories import OrganisationFactory, ServiceFactory, complete_draft
from portal.feedback.models import ContactDetails, Submission
from portal.feedback.views import DRAFT_COOKIE

from .axe import assert_accessible

# XXXX-XXXX in Crockford's base 32: no I, L, O or U.
REFERENCE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")
# What a keyboard user hears as the focused element's name: its label, or its own text.
FOCUSED_NAME = """() => {
    const element = document.activeElement;
    if (element.labels && element.labels.length) return element.labels[0].innerText.trim();
    return (element.innerText || element.value || '').trim();
}"""
NHS_FOCUS_YELLOW = "rgb(255, 235, 59)"


@pytest.fixture
def services(site_pages, settings):
    """Two organisations with a ward each, grouped under their names on the service question."""
    # Sending within seconds of starting is marked "too_fast"; a browser test is always that fast.
    settings.FEEDBACK_MIN_SECONDS = 0
    north = OrganisationFactory(name="Northshire NHS Foundation Trust")
    south = OrganisationFactory(name="Southvale Healthcare")
    return {
        "willow": ServiceFactory(organisation=north, name="Willow Ward", place="Northtown"),
        "cedar": ServiceFactory(organisation=south, name="Cedar Unit", ward_type="picu", place="Southby"),
    }


def check(page):
    """What every page of the journey must pass: axe, no JavaScript errors and, at 320px, nothing
    that scrolls sideways (WCAG 1.4.10 reflow)."""
    assert_accessible(page)
    assert page.javascript_problems == []
    if page.viewport_size["width"] <= 320:
        scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert scroll <= client + 1, f"{page.url} scrolls sideways at 320px ({scroll} > {client})"


def answer(page, slug, choice=None, *, text=None, fields=None):
    """Wait for a question and check it; choose a radio by its label, type in the textarea or fill
    labelled fields; then continue."""
    page.wait_for_url(f"**/feedback/{slug}/")
    check(page)
    if choice is not None:
        page.get_by_label(choice, exact=True).check()
    if text is not None:
        page.locator("textarea").fill(text)
    for label, value in (fields or {}).items():
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_role("button", name="Continue").click()


def start(page, live_server):
    page.goto(live_server.url + "/feedback/")
    check(page)
    page.get_by_role("button", name="Start now").click()


def send(page):
    """Check the answers page, send, check the thank-you page and return its reference code."""
    page.wait_for_url("**/feedback/check-your-answers/")
    check(page)
    page.get_by_role("button", name="Send feedback").click()
    page.wait_for_url("**/feedback/thank-you/")
    check(page)
    reference = page.locator(".portal-reference").inner_text().strip()
    assert REFERENCE.match(reference)
    return reference


def test_a_patient_gives_feedback_with_the_mouse_and_skips_the_questions_about_them(page, live_server, services):
    start(page, live_server)
    answer(page, "who", "I am a patient now")
    page.wait_for_url("**/feedback/service/")
    expect(page.get_by_role("heading", name="Northshire NHS Foundation Trust")).to_be_visible()
    expect(page.get_by_role("heading", name="Southvale Healthcare")).to_be_visible()
    answer(page, "service", "Willow Ward")
    answer(page, "when", "In the last 3 months")
    answer(page, "overall", "Good")

    # NHS.UK's character count replaces the hint with a count that follows what is typed.
    page.wait_for_url("**/feedback/what-was-good/")
    count = page.locator(".nhsuk-character-count__status")
    expect(count).to_have_text("You have 5,000 characters remaining")
    page.locator("textarea").press_sequentially("Kind staff")
    expect(count).to_have_text("You have 4,990 characters remaining")
    answer(page, "what-was-good", text="Kind staff who listened to me.")
    answer(page, "what-could-be-better", text="More to do at weekends.")
    answer(page, "about-you", "No")
    answer(page, "share", "Yes")
    answer(page, "contact", "No")

    # Change an answer from "check your answers" and come straight back.
    page.wait_for_url("**/feedback/check-your-answers/")
    check(page)
    summary = page.locator(".nhsuk-summary-list")
    expect(summary).to_contain_text("Willow Ward, Northshire NHS Foundation Trust")
    expect(summary).not_to_contain_text("Ethnic group")
    page.get_by_role("link", name="Change overall").click()
    page.wait_for_url("**/feedback/overall/?change=1")
    check(page)
    page.get_by_label("Very good", exact=True).check()
    page.get_by_role("button", name="Save and go back to your answers").click()
    expect(page.locator(".nhsuk-summary-list")).to_contain_text("Very good")

    reference = send(page)
    submission = Submission.objects.get()
    assert submission.formatted_reference == reference
    assert submission.respondent == "patient_now"
    assert submission.service == services["willow"]
    assert (submission.when, submission.overall) == ("3m", "very_good")
    assert submission.what_was_good == "Kind staff who listened to me."
    assert submission.what_could_be_better == "More to do at weekends."
    assert submission.ethnic_group == submission.age_band == submission.religion == ""
    assert (submission.consent_to_share, submission.consent_to_contact) == (True, False)
    assert submission.easy_read is False
    assert submission.spam_signals == []


def test_a_carer_answers_the_questions_about_them_and_asks_for_an_email_at_320px(mobile_page, live_server, services):
    page = mobile_page
    start(page, live_server)
    answer(page, "who", "I am a family member or carer")
    answer(page, "service", "Cedar Unit")
    answer(page, "when", "I am using the service now")
    answer(page, "overall", "Poor")
    answer(page, "what-was-good", text="")
    answer(page, "what-could-be-better", text="Tell families what is happening.")
    answer(page, "about-you", "Yes")
    answer(page, "ethnic-group", "Black, Black British, Black Welsh, Caribbean or African")
    answer(page, "ethnic-background", "Caribbean")
    answer(page, "learning-disability", "No")
    answer(page, "autism", "I’m not sure")
    answer(page, "age", "45 to 54")
    answer(page, "gender", "Woman")
    answer(page, "religion", "Christian")
    answer(page, "share", "No")
    answer(page, "contact", "Yes")
    answer(
        page,
        "contact-details",
        "Email",
        fields={"What should we call you? (optional)": "Sam", "Email address": "sam@example.com"},
    )
    page.wait_for_url("**/feedback/check-your-answers/")
    expect(page.locator(".nhsuk-summary-list")).to_contain_text("sam@example.com")
    send(page)
    expect(page.get_by_text("You asked us to contact you.")).to_be_visible()

    submission = Submission.objects.get()
    assert submission.respondent == "carer"
    assert submission.service == services["cedar"]
    assert (submission.ethnic_group, submission.ethnic_background) == ("black", "black_caribbean")
    assert (submission.learning_disability, submission.autism) == ("no", "not_sure")
    assert (submission.age_band, submission.gender, submission.religion) == ("45_54", "woman", "christian")
    assert (submission.consent_to_share, submission.consent_to_contact) == (False, True)
    assert ContactDetails.objects.filter(submission=submission).exists()


EASY_READ_STEPS = [
    # slug, the easy question, the answer chosen or typed
    ("who", "Who are you?", "I was a patient before"),
    ("service", "Which place is it about?", "I’d rather not say"),
    ("when", "When was this?", "More than a year ago"),
    ("overall", "How was it?", "Very good"),
    ("what-was-good", "What was good?", "The garden."),
    ("what-could-be-better", "What could be better?", ""),
    ("about-you", "Can we ask some questions about you?", "No"),
    ("share", "Can we share what you wrote?", "Yes"),
    ("contact", "Can we get in touch with you?", "No"),
]


def test_easy_read_questions_use_easy_words_and_pictures(page, live_server, services):
    page.goto(live_server.url + "/feedback/easy-read/")
    check(page)
    page.get_by_role("button", name="Start", exact=True).click()

    for slug, question, reply in EASY_READ_STEPS:
        page.wait_for_url(f"**/feedback/{slug}/")
        expect(page.get_by_role("heading", level=1)).to_have_text(question)
        picture = page.locator(".portal-question__picture")
        expect(picture).to_be_visible()
        assert picture.evaluate("img => img.complete && img.naturalWidth > 0"), f"no picture on {slug}"
        if slug == "overall":
            faces = page.locator(".portal-radio-picture")
            expect(faces).to_have_count(6)
            assert "face-very-happy" in faces.first.get_attribute("src")
            assert faces.evaluate_all("faces => faces.every(face => face.complete && face.naturalWidth > 0)")
        if slug.startswith("what-"):
            answer(page, slug, text=reply)
        else:
            answer(page, slug, reply)

    page.wait_for_url("**/feedback/check-your-answers/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check what you told us")
    send(page)

    submission = Submission.objects.get()
    assert submission.easy_read is True
    assert (submission.respondent, submission.service, submission.overall) == ("patient_before", None, "very_good")
    assert submission.what_was_good == "The garden."


def focused(page, selector):
    return page.evaluate("selector => document.activeElement.matches(selector)", selector)


def tab_to(page, name, *, limit=60):
    """Press Tab until the element named `name` has focus."""
    for _press in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED_NAME) == name:
            return
    raise AssertionError(f"Tab never reached {name!r} on {page.url}")


def skip_to_main_content(page):
    """The first Tab reaches the skip link; Enter on it jumps past the header to the question."""
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED_NAME) == "Skip to main content"
    page.keyboard.press("Enter")


def keyboard_answer(page, slug, choice=None, *, text=None, arrows=0):
    """Answer with the keyboard: Tab into the radios, then Space for the first answer or the arrow
    keys for a later one; or Tab to the textarea and type. Then Tab to Continue and press Enter."""
    page.wait_for_url(f"**/feedback/{slug}/")
    check(page)
    skip_to_main_content(page)
    if choice is not None:
        page.keyboard.press("Tab")
        while not focused(page, "input[type=radio]"):
            page.keyboard.press("Tab")
        if arrows:
            for _press in range(arrows):
                page.keyboard.press("ArrowDown")  # moves to the next radio and chooses it
        else:
            page.keyboard.press("Space")
        assert page.evaluate(FOCUSED_NAME) == choice
        assert focused(page, ":checked")
    if text is not None:
        page.keyboard.press("Tab")
        while not focused(page, "textarea"):
            page.keyboard.press("Tab")
        page.keyboard.type(text)
    tab_to(page, "Continue")
    page.keyboard.press("Enter")


def test_the_whole_journey_works_with_the_keyboard_alone(page, live_server, services):
    page.goto(live_server.url + "/feedback/")
    check(page)
    skip_to_main_content(page)
    tab_to(page, "Start now")
    page.keyboard.press("Enter")

    # Continue without choosing: the error summary takes focus, and its link goes to the first radio.
    page.wait_for_url("**/feedback/who/")
    check(page)
    skip_to_main_content(page)
    tab_to(page, "Continue")
    assert focused(page, ":focus-visible")
    background = page.evaluate("getComputedStyle(document.activeElement).backgroundColor")
    assert background == NHS_FOCUS_YELLOW
    page.keyboard.press("Enter")
    page.wait_for_url("**/feedback/who/")
    summary = page.locator(".nhsuk-error-summary")
    expect(summary).to_be_focused()
    expect(page).to_have_title(re.compile(r"^Error: "))
    check(page)
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED_NAME) == "Choose the answer that describes you best."
    page.keyboard.press("Enter")
    expect(page.locator("#id_respondent-1")).to_be_focused()
    page.keyboard.press("Space")
    tab_to(page, "Continue")
    page.keyboard.press("Enter")

    keyboard_answer(page, "service", "Willow Ward")
    keyboard_answer(page, "when", "In the last 3 months", arrows=1)
    keyboard_answer(page, "overall", "Good", arrows=1)
    keyboard_answer(page, "what-was-good", text="Staff explained my medication.")
    keyboard_answer(page, "what-could-be-better", text="")
    keyboard_answer(page, "about-you", "No", arrows=1)
    keyboard_answer(page, "share", "Yes")
    keyboard_answer(page, "contact", "No", arrows=1)

    page.wait_for_url("**/feedback/check-your-answers/")
    check(page)
    skip_to_main_content(page)
    tab_to(page, "Send feedback")
    page.keyboard.press("Enter")
    page.wait_for_url("**/feedback/thank-you/")
    check(page)
    assert REFERENCE.match(page.locator(".portal-reference").inner_text().strip())

    submission = Submission.objects.get()
    assert (submission.respondent, submission.when, submission.overall) == ("patient_now", "3m", "good")
    assert submission.service == services["willow"]
    assert submission.what_was_good == "Staff explained my medication."
    assert (submission.consent_to_share, submission.consent_to_contact) == (True, False)


def test_the_journey_works_without_javascript(no_js_page, live_server, services):
    page = no_js_page
    start(page, live_server)
    page.wait_for_url("**/feedback/who/")
    check(page)
    # The field that catches form-filling robots is in the form, but nobody sees it.
    expect(page.locator("#id_website")).to_be_attached()
    expect(page.locator("#id_website")).to_be_hidden()
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("Choose the answer that describes you best.")
    expect(page.locator("#id_respondent-error")).to_be_visible()
    answer(page, "who", "I work for the service")  # checks the error state first
    answer(page, "service", "Willow Ward")
    answer(page, "when", "3 to 12 months ago")
    answer(page, "overall", "Neither good nor poor")
    page.wait_for_url("**/feedback/what-was-good/")
    expect(page.get_by_text("You can enter up to 5,000 characters")).to_be_visible()
    answer(page, "what-was-good", text="Handover was clear.")
    answer(page, "what-could-be-better", text="Quieter nights.")
    answer(page, "about-you", "No")
    answer(page, "share", "Yes")
    answer(page, "contact", "No")
    send(page)

    submission = Submission.objects.get()
    assert (submission.respondent, submission.overall) == ("staff", "neither")
    assert submission.what_could_be_better == "Quieter nights."
    assert submission.spam_signals == []


def test_too_long_an_answer_shows_an_error_and_keeps_the_words(page, live_server, services):
    # Straight to the question, as from a bookmark or after the draft expired: the answer starts a draft.
    page.goto(live_server.url + "/feedback/what-could-be-better/")
    check(page)
    too_long = "a" * 5_001
    page.locator("textarea").fill(too_long)
    expect(page.locator(".nhsuk-character-count__status")).to_have_text("You have 1 character too many")
    page.get_by_role("button", name="Continue").click()

    page.wait_for_url("**/feedback/what-could-be-better/")
    expect(page).to_have_title(re.compile(r"^Error: "))
    message = "Your answer is 1 character too long. Make it 5,000 characters or fewer. We have kept what you wrote."
    expect(page.locator(".nhsuk-error-summary")).to_contain_text(message)
    expect(page.locator("#id_what_could_be_better-error")).to_contain_text(message)
    assert page.locator("textarea").input_value() == too_long
    check(page)
    assert not Submission.objects.exists()


def test_someone_sees_what_happened_to_their_feedback_and_withdraws_it(page, live_server, services):
    # Answers made through the journey's own write path; the browser sends them.
    _draft, token = complete_draft(service=services["willow"])
    page.context.add_cookies([{"name": DRAFT_COOKIE, "value": token, "url": live_server.url}])
    page.goto(live_server.url + "/feedback/check-your-answers/")
    reference = send(page)

    page.get_by_role("link", name="See what happened to your feedback").click()
    page.wait_for_url("**/feedback/your-feedback/")
    check(page)
    code = page.get_by_label("See what happened to your feedback")
    code.fill("ZZZZ-ZZZZ")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("We could not find feedback with that reference")
    check(page)

    code.fill(reference.lower())
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/feedback/your-feedback/what-happened/")
    expect(page.get_by_role("heading", level=1)).to_have_text("What happened to your feedback")
    expect(page.get_by_text(reference)).to_be_visible()
    check(page)

    page.get_by_role("link", name="Withdraw my feedback").click()
    page.wait_for_url("**/feedback/your-feedback/withdraw/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Are you sure you want to withdraw your feedback?")
    check(page)
    page.get_by_role("button", name="Yes, withdraw my feedback").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your feedback has been withdrawn")
    check(page)

    submission = Submission.objects.get()
    assert submission.status == "withdrawn"
    assert submission.what_was_good == submission.what_could_be_better == ""
