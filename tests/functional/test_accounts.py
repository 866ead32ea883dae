"""Sign-in and two-step sign-in pages in a real Chromium: accessibility, the error summary, the first
sign-in of a Moderator from password to the Wagtail dashboard, and security keys under the CSP."""

import re
import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from playwright.sync_api import expect

from portal.core import roles
from portal.core.factories import PASSWORD, UserFactory

from .axe import assert_accessible

PUBLIC_ACCOUNT_PATHS = [
    "/accounts/login/",
    "/accounts/password/reset/",
    "/accounts/password/reset/done/",
    "/accounts/signup/",
]


def current_code(secret):
    """The code an authenticator app shows now. allauth accepts only the current 30-second window,
    so near its end wait for the next one rather than type a code about to expire."""
    if 30 - time.time() % 30 < 2:
        time.sleep(30 - time.time() % 30 + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def sign_in(page, live_server, email, password=PASSWORD):
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def assert_fits_320px(page):
    # Reflow (WCAG 1.4.10): nothing scrolls sideways at 320 CSS pixels.
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def set_up_authenticator_app(page, check):
    """From the two-step sign-in overview to the recovery codes, calling check(page) on each page."""
    page.get_by_role("button", name="Set up an authenticator app").click()
    # allauth asks for the password again before any change to two-step sign-in.
    page.wait_for_url("**/accounts/reauthenticate/**")
    check(page)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/accounts/2fa/totp/activate/")
    assert page.get_by_role("img", name="QR code for your authenticator app").is_visible()
    check(page)
    secret = re.sub(r"\s", "", page.locator("#authenticator-secret").inner_text())
    page.get_by_label("Code from your authenticator app").fill(current_code(secret))
    page.get_by_role("button", name="Turn on two-step sign-in").click()
    page.wait_for_url("**/accounts/2fa/recovery-codes/")
    check(page)
    return secret


@pytest.mark.parametrize("path", PUBLIC_ACCOUNT_PATHS)
def test_public_account_pages_have_no_accessibility_violations_at_desktop_width(page, live_server, site_pages, path):
    page.goto(live_server.url + path)

    assert_accessible(page)
    assert page.javascript_problems == []


@pytest.mark.parametrize("path", PUBLIC_ACCOUNT_PATHS)
def test_public_account_pages_have_no_accessibility_violations_at_320px(mobile_page, live_server, site_pages, path):
    mobile_page.goto(live_server.url + path)

    assert_accessible(mobile_page)
    assert_fits_320px(mobile_page)


def check_two_step_sign_in_pages(browser_page, live_server, *, narrow):
    moderator = UserFactory(roles=[roles.MODERATORS])

    def check(page):
        assert_accessible(page)
        if narrow:
            assert_fits_320px(page)

    sign_in(browser_page, live_server, moderator.email)
    browser_page.wait_for_url("**/accounts/2fa/")
    check(browser_page)
    set_up_authenticator_app(browser_page, check)

    assert browser_page.locator("#recovery_codes li").count() > 0

    # The next sign-in asks for a code from the app.
    browser_page.goto(live_server.url + "/accounts/logout/")
    check(browser_page)
    browser_page.get_by_role("button", name="Sign out").click()
    browser_page.wait_for_url(live_server.url + "/")
    sign_in(browser_page, live_server, moderator.email)
    browser_page.wait_for_url("**/accounts/2fa/authenticate/")
    check(browser_page)
    assert browser_page.javascript_problems == []


def test_two_step_sign_in_pages_have_no_accessibility_violations_at_desktop_width(page, live_server, site_pages):
    check_two_step_sign_in_pages(page, live_server, narrow=False)


def test_two_step_sign_in_pages_have_no_accessibility_violations_at_320px(mobile_page, live_server, site_pages):
    check_two_step_sign_in_pages(mobile_page, live_server, narrow=True)


def test_an_empty_sign_in_shows_an_error_summary_that_takes_focus_and_keeps_what_was_typed(
    page, live_server, site_pages
):
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email address").fill("someone@example.org")
    page.get_by_role("button", name="Sign in").click()

    summary = page.locator(".nhsuk-error-summary")
    # NHS.UK frontend moves focus to the summary once its scripts have run; role="alert" announces it.
    expect(summary).to_be_focused()
    assert summary.get_attribute("role") == "alert"
    assert page.title().startswith("Error: Sign in")
    assert page.get_by_label("Email address").input_value() == "someone@example.org"
    assert "Enter your password" in page.locator("#id_password-error").inner_text()

    # Each problem links to its field.
    summary.get_by_role("link", name="Enter your password").click()
    expect(page.get_by_label("Password")).to_be_focused()
    assert_accessible(page)


def test_the_error_summary_is_announced_without_javascript(no_js_page, live_server, site_pages):
    no_js_page.goto(live_server.url + "/accounts/login/")
    no_js_page.get_by_role("button", name="Sign in").click()

    summary = no_js_page.get_by_role("alert")
    assert "There is a problem" in summary.inner_text()
    assert "Enter your email address" in summary.inner_text()


def test_a_moderator_without_mfa_sets_up_an_authenticator_app_and_reaches_the_wagtail_dashboard(
    page, live_server, site_pages
):
    moderator = UserFactory(roles=[roles.MODERATORS])

    sign_in(page, live_server, moderator.email)
    # Sent from the staff area to set up two-step sign-in first.
    page.wait_for_url("**/accounts/2fa/")
    assert "Set up two-step sign-in before you use the staff areas" in page.locator("main").inner_text()
    set_up_authenticator_app(page, check=lambda page: None)

    response = page.goto(live_server.url + "/admin/")

    assert response.status == 200
    assert page.url == live_server.url + "/admin/"
    assert "Dashboard" in page.title()


def add_virtual_security_key(page):
    """Chromium's virtual authenticator (over the DevTools protocol) answers WebAuthn like a USB key."""
    devtools = page.context.new_cdp_session(page)
    devtools.send("WebAuthn.enable")
    devtools.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "usb",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )


def test_security_keys_work_under_the_content_security_policy(page, live_server, site_pages):
    moderator = UserFactory(roles=[roles.MODERATORS], with_totp=True)
    add_virtual_security_key(page)
    sign_in(page, live_server, moderator.email)
    page.get_by_label("Sign-in code").fill(current_code(moderator.totp_secret))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/staff/")

    page.goto(live_server.url + "/accounts/2fa/webauthn/add/")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/accounts/2fa/webauthn/add/")
    page.get_by_label("Name for this security key").fill("Work laptop")
    page.get_by_role("button", name="Add security key").click()
    page.wait_for_url(lambda url: "/webauthn/add/" not in url)

    key = Authenticator.objects.get(user=moderator, type=Authenticator.Type.WEBAUTHN)
    assert key.wrap().name == "Work laptop"

    # Next time, the key can stand in for the code.
    page.goto(live_server.url + "/accounts/logout/")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(live_server.url + "/")
    sign_in(page, live_server, moderator.email)
    page.wait_for_url("**/accounts/2fa/authenticate/")
    page.get_by_role("button", name="Use a security key").click()
    page.wait_for_url("**/staff/")
    # Scripts refused by the CSP would show here as console errors.
    assert page.javascript_problems == []
