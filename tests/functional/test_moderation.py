"""The moderation queue in a real Chromium: axe-clean, and a decision made with the keyboard alone, with
and without JavaScript; a safeguarding lead closes a concern."""

import pytest

from portal.core import roles
from portal.core.factories import UserFactory
from portal.feedback import services
from portal.feedback.factories import submission
from portal.feedback.models import SafeguardingFlag, Submission

from .axe import assert_accessible
from .test_accounts import current_code, sign_in

WORDS = "Nurse Priya Kaur sat with me every evening. My number is 07700 900123."


def sign_in_with_code(page, live_server, user):
    sign_in(page, live_server, user.email)
    page.get_by_label("Sign-in code").fill(current_code(user.totp_secret))
    page.get_by_label("Sign-in code").press("Enter")
    page.wait_for_url("**/staff/")


@pytest.fixture
def sent(db):
    made = submission(what_was_good=WORDS, what_could_be_better="I did not feel safe at night.")
    services.process(submission_id=made.pk)
    return made


def tab_to(page, name, *, tag=None, limit=400):
    """Press Tab until the focused element (of `tag`, if given) has `name` in its text, label or value."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => {
                const el = document.activeElement;
                const label = el.labels && el.labels.length ? el.labels[0].innerText : "";
                return [el.tagName, (el.innerText || "") + " " + label + " " + (el.value || "")];
            }"""
        )
        if name in focused[1] and (tag is None or focused[0] == tag):
            return
    raise AssertionError(f"Could not reach {name!r} with the Tab key")


def decide_with_the_keyboard(page, live_server, sent):
    page.goto(live_server.url + "/admin/")  # the dashboard's summary leads to the queue
    assert_accessible(page)
    tab_to(page, "Open the moderation queue", tag="A")
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/moderation/")
    assert_accessible(page)
    tab_to(page, sent.formatted_reference, tag="A")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/admin/moderation/{sent.pk}/")
    assert "Priya Kaur" in page.locator("main").inner_text()
    assert_accessible(page)

    tab_to(page, "General", tag="SUMMARY")  # themes are grouped by category, each group folded
    page.keyboard.press("Enter")
    tab_to(page, "Positive experience & gratitude")
    page.keyboard.press("Space")
    tab_to(page, "Positive")  # the first sentiment
    page.keyboard.press("Space")
    tab_to(page, "Approve")
    page.keyboard.press("Space")
    tab_to(page, "Save decision", tag="BUTTON")
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/moderation/")
    assert_accessible(page)


def test_a_moderator_approves_feedback_with_the_keyboard_alone(page, live_server, sent):
    moderator = UserFactory(roles=[roles.MODERATORS], with_totp=True)
    sign_in_with_code(page, live_server, moderator)

    decide_with_the_keyboard(page, live_server, sent)

    sent.refresh_from_db()
    assert sent.status == "approved"
    assert "Priya" not in sent.redacted_what_was_good
    assert "[phone number]" in sent.redacted_what_was_good


def test_the_queue_and_a_decision_work_without_javascript(no_js_page, live_server, sent):
    moderator = UserFactory(roles=[roles.MODERATORS], with_totp=True)
    sign_in_with_code(no_js_page, live_server, moderator)

    no_js_page.goto(live_server.url + f"/admin/moderation/{sent.pk}/")
    no_js_page.get_by_label("Escalate to a safeguarding lead").check()
    no_js_page.get_by_role("button", name="Save decision").click()
    no_js_page.wait_for_url(f"**/admin/moderation/{sent.pk}/")
    assert "Say why" in no_js_page.locator("main").inner_text()
    assert_accessible(no_js_page)

    no_js_page.get_by_label("Reason", exact=True).fill("Says they did not feel safe at night")
    no_js_page.get_by_role("button", name="Save decision").click()
    no_js_page.wait_for_url("**/admin/moderation/")

    assert Submission.objects.get(pk=sent.pk).status == "escalated"


def test_a_safeguarding_lead_closes_a_concern(page, live_server, sent):
    lead = UserFactory(roles=[roles.SAFEGUARDING_LEADS], with_totp=True)
    sign_in_with_code(page, live_server, lead)

    page.goto(live_server.url + "/admin/moderation/?risk=open")
    assert sent.formatted_reference in page.locator("main").inner_text()
    page.get_by_role("link", name=sent.formatted_reference).click()
    page.get_by_role("button", name="I am picking this up").click()
    page.get_by_label("What was done").fill("Spoke to the ward manager; night checks increased.")
    page.get_by_role("button", name="Record what was done and close").click()
    page.wait_for_url(f"**/admin/moderation/{sent.pk}/")
    assert_accessible(page)

    assert SafeguardingFlag.objects.get(submission=sent).status == "closed"
