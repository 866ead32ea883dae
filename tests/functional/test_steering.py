"""The steering area in a real Chromium: axe-clean pages, reached and filtered with the keyboard alone,
with and without JavaScript, and at 320px wide."""

from datetime import timedelta

import pytest
from django.utils import timezone

from portal.core import roles
from portal.core.factories import UserFactory
from portal.feedback.factories import ServiceFactory, approved
from portal.feedback.models import Theme

from .axe import assert_accessible
from .test_accounts import assert_fits_320px
from .test_moderation import sign_in_with_code, tab_to


@pytest.fixture
def reports(db):
    """Enough approved feedback for real numbers, and a theme with too little to show."""
    service = ServiceFactory(name="Willow Ward")
    staff = Theme.objects.get(name="Staff manner & personal attributes")
    food = Theme.objects.get(name="Food & drink provision & facilities")
    now = timezone.now()
    for number in range(24):
        approved(
            submitted_at=now - timedelta(days=number * 7),
            themes=[staff],
            sentiment="positive" if number % 3 else "negative",
            service=service,
            ethnic_group="white" if number % 2 else "black",
            consent_to_share=True,
            quotable=True,
            redacted_what_was_good="[name] on the ward always listened to me.",
        )
    for number in range(3):
        approved(submitted_at=now - timedelta(days=number), themes=[food], sentiment="negative", service=service)
    return {"staff": staff, "service": service}


@pytest.fixture
def member(db):
    return UserFactory(roles=[roles.STEERING_GROUP], with_totp=True)


def test_a_steering_member_filters_and_reads_a_theme_with_the_keyboard(page, live_server, reports, member):
    sign_in_with_code(page, live_server, member)
    page.goto(live_server.url + "/steering/")
    assert_accessible(page)
    assert "fewer than 10" in page.locator("main").inner_text()

    tab_to(page, "Length of period", tag="SELECT")
    page.keyboard.press("End")  # 12 months, the last choice
    tab_to(page, "Show", tag="BUTTON")
    page.keyboard.press("Enter")
    page.wait_for_url("**/steering/?*months=12*")
    assert_accessible(page)

    tab_to(page, "Staff manner & personal attributes", tag="A")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/steering/themes/{reports['staff'].pk}/*")
    main = page.locator("main").inner_text()
    assert "[name] on the ward always listened to me." in main
    assert_accessible(page)

    tab_to(page, "Equity", tag="A")
    page.keyboard.press("Enter")
    page.wait_for_url("**/steering/equity/*")
    assert_accessible(page)

    tab_to(page, "Printable report", tag="A")
    page.keyboard.press("Enter")
    page.wait_for_url("**/steering/report/*")
    tab_to(page, "Print this report", tag="BUTTON")  # shown once JavaScript can print
    assert_accessible(page)


def test_the_printable_report_and_the_equity_view_without_javascript(no_js_page, live_server, reports, member):
    page = no_js_page
    sign_in_with_code(page, live_server, member)
    page.goto(live_server.url + "/steering/report/")
    assert "use your browser’s Print command" in page.locator("main").inner_text()
    assert_accessible(page)
    page.emulate_media(media="print")
    assert not page.locator(".portal-report-filters").is_visible()
    assert not page.locator(".portal-area-nav").is_visible()
    page.emulate_media(media="screen")

    page.goto(live_server.url + "/steering/equity/")
    page.get_by_label("Service").select_option(value=str(reports["service"].pk))
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**/steering/equity/?*service=*")
    assert "Willow Ward" in page.locator("main").inner_text()
    assert_accessible(page)


def test_the_steering_pages_fit_a_small_screen(mobile_page, live_server, reports, member):
    sign_in_with_code(mobile_page, live_server, member)
    for path in ("/steering/", "/steering/equity/", f"/steering/themes/{reports['staff'].pk}/"):
        mobile_page.goto(live_server.url + path)
        assert_fits_320px(mobile_page)  # wide tables scroll inside their own focusable region
        assert_accessible(mobile_page)
