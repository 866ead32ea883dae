"""“You said, we did” and the codebook in a real Chromium: a steering member records and publishes an
action with the keyboard alone, the public page shows it, and a codebook change is suggested without
JavaScript. Every page is axe-clean."""

import re

import pytest

from portal.core import roles
from portal.core.factories import UserFactory
from portal.easyread.pictures import load_starter_pictures
from portal.feedback.models import Action, Theme, ThemeProposal

from .axe import assert_accessible
from .test_accounts import assert_fits_320px
from .test_moderation import sign_in_with_code, tab_to


@pytest.fixture
def member(db):
    load_starter_pictures(only=["bed", "calm"])
    return UserFactory(roles=[roles.STEERING_GROUP], with_totp=True)


def type_into(page, label, words):
    tab_to(page, label)
    page.keyboard.type(words)


def test_a_steering_member_publishes_an_action_with_the_keyboard_alone(page, live_server, member):
    sign_in_with_code(page, live_server, member)
    page.goto(live_server.url + "/steering/actions/")
    assert_accessible(page)
    tab_to(page, "Add an action", tag="A")
    page.keyboard.press("Enter")
    page.wait_for_url("**/steering/actions/new/")
    assert_accessible(page)

    # Sent with nothing in it: the error summary names each problem, and the page stays accessible.
    tab_to(page, "Add the action", tag="BUTTON")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "There is a problem" in page.locator("main").inner_text()
    assert_accessible(page)

    type_into(page, "Title", "Quieter nights on the ward")
    type_into(page, "You said", "The ward is too noisy at night and it is hard to sleep.")
    type_into(page, "We did", "Night staff now use quiet torches and the doors have soft closers.")
    type_into(page, "Easy-read summary", "You said the ward was noisy at night. We made it quieter.")
    tab_to(page, "No picture", tag="INPUT")
    page.keyboard.press("ArrowDown")  # the next picture in the group
    tab_to(page, "Planned", tag="INPUT")  # a radio group is one tab stop, at the chosen radio
    page.keyboard.press("ArrowRight")  # moves to, and chooses, "In progress"
    tab_to(page, "General", tag="SUMMARY")
    page.keyboard.press("Enter")
    tab_to(page, "Feeling safe")
    page.keyboard.press("Space")
    tab_to(page, "Show on the public", tag="INPUT")
    page.keyboard.press("Space")
    tab_to(page, "Add the action", tag="BUTTON")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/steering/actions/\d+/$"))
    assert "How easy is the summary to read?" in page.locator("main").inner_text()
    assert_accessible(page)

    action = Action.objects.get()
    assert action.is_published and action.status == "in_progress" and action.picture is not None
    assert [theme.name for theme in action.themes.all()] == ["Feeling safe"]

    page.goto(live_server.url + "/you-said-we-did/")
    assert "Quieter nights on the ward" in page.locator("main").inner_text()
    assert_accessible(page)


def test_the_public_page_fits_a_small_screen(mobile_page, live_server, member):
    action = Action.objects.create(
        title="Halal food every day",
        you_said="There was not always halal food.",
        we_did="The kitchen now cooks halal meals every day.",
        easy_read_summary="You said there was not always halal food. Now there is halal food every day.",
        status="done",
        is_published=True,
    )
    action.themes.add(Theme.objects.get(name="Feeling safe"))
    mobile_page.goto(live_server.url + "/you-said-we-did/")
    assert "Halal food every day" in mobile_page.locator("main").inner_text()
    assert_fits_320px(mobile_page)
    assert_accessible(mobile_page)


def test_a_steering_member_suggests_a_codebook_change_without_javascript(no_js_page, live_server, member):
    page = no_js_page
    sign_in_with_code(page, live_server, member)
    page.goto(live_server.url + "/steering/codebook/")
    assert_accessible(page)
    page.get_by_role("link", name="Suggest a new theme").click()
    page.wait_for_url("**/steering/codebook/propose/*")
    assert_accessible(page)
    page.get_by_role("button", name="Send the suggestion").click()
    assert "There is a problem" in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_label("Name", exact=True).fill("Sleep and rest")
    page.get_by_label("Category").fill("Environment")
    page.get_by_label("Plain description").fill("Sleep, rest and being woken at night.")
    page.get_by_label("Why").fill("Many people tell us about sleep, and no theme fits it.")
    page.get_by_role("button", name="Send the suggestion").click()
    page.wait_for_url("**/steering/codebook/suggestions/*")
    assert "Sleep and rest" in page.locator("main").inner_text()
    assert_accessible(page)
    assert ThemeProposal.objects.get().name == "Sleep and rest"
