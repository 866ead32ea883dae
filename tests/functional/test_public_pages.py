import pytest

from .axe import assert_accessible

PUBLIC_PATHS = [
    "/",
    "/need-help-now/",
    "/accessibility-statement/",
    "/privacy-notice/",
    "/cookies/",
    "/a-page-that-does-not-exist/",
    "/accounts/login/",
    "/accounts/password/reset/",
    "/ur/",
    "/ur/need-help-now/",
    "/pl/",
    "/pl/need-help-now/",
]


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_pages_have_no_accessibility_violations_at_desktop_width(page, live_server, site_pages, path):
    page.goto(live_server.url + path)
    assert_accessible(page)
    assert page.javascript_problems == []


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_pages_have_no_accessibility_violations_at_320px(mobile_page, live_server, site_pages, path):
    mobile_page.goto(live_server.url + path)
    assert_accessible(mobile_page)
    # Reflow (WCAG 1.4.10): nothing scrolls sideways at 320 CSS pixels.
    assert mobile_page.evaluate("document.documentElement.scrollWidth") <= 320


def test_skip_link_is_the_first_thing_the_keyboard_reaches_and_moves_to_the_main_content(page, live_server, site_pages):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "maincontent"


def test_need_help_now_is_reachable_by_keyboard_from_every_page(page, live_server, site_pages):
    page.goto(live_server.url + "/cookies/")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Need help now?":
            break
    else:
        pytest.fail("The 'Need help now?' link was not reached with the Tab key")
    page.keyboard.press("Enter")
    page.wait_for_url("**/need-help-now/")
    assert page.locator("a[href='tel:116123']").first.inner_text() == "116 123"


def test_urdu_pages_are_right_to_left_and_keep_english_content_marked_as_english(page, live_server, site_pages):
    page.goto(live_server.url + "/ur/")
    assert page.locator("html").get_attribute("lang") == "ur"
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("main [lang='en-gb'][dir='ltr'] h1").count() == 1


def test_pages_work_without_javascript(no_js_page, live_server, site_pages):
    no_js_page.goto(live_server.url + "/")
    no_js_page.get_by_role("link", name="Need help now?").first.click()
    assert no_js_page.get_by_role("heading", level=1).inner_text() == "Need help now?"
    assert_accessible(no_js_page)


def test_the_too_many_attempts_page_is_accessible(page, live_server, site_pages, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login": "1/m/ip"}
    for _ in range(2):
        page.goto(live_server.url + "/accounts/login/")
        page.fill("#id_login", "someone@example.org")
        page.fill("#id_password", "not-the-password")
        page.get_by_role("button", name="Sign in").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Please wait a few minutes"
    assert_accessible(page)
