"""The demo's study pages in a real browser: accessible at desktop width and at 320px, the filter
usable without JavaScript, and "I'm interested" reachable with the keyboard alone."""

import pytest

from portal.research.demo import seed_studies

from .axe import assert_accessible

# The name an element is known by once it has focus: its label, else its text.
FOCUSED_NAME = """() => {
    const element = document.activeElement;
    if (element.labels && element.labels.length) return element.labels[0].innerText.trim();
    return (element.innerText || element.value || '').trim();
}"""


@pytest.fixture
def study_pages(content_pages, settings):
    settings.ROOT_URLCONF = "tests.functional.urls"
    return seed_studies(content_pages["home"])


def paths(study_pages):
    index = study_pages["index"]
    return [
        index.url,
        index.url + "?closed=1&audience=autistic-people",
        *(study.url for study in study_pages["studies"]),
    ]


def test_study_pages_have_no_accessibility_violations_at_desktop_width(page, live_server, study_pages):
    for path in paths(study_pages):
        page.goto(live_server.url + path)
        assert_accessible(page)
    assert page.javascript_problems == []


def test_study_pages_have_no_accessibility_violations_and_fit_at_320px(mobile_page, live_server, study_pages):
    for path in paths(study_pages):
        mobile_page.goto(live_server.url + path)
        assert_accessible(mobile_page)
        # Reflow (WCAG 1.4.10): nothing scrolls sideways at 320 CSS pixels.
        assert mobile_page.evaluate("document.documentElement.scrollWidth") <= 320, path


def test_the_study_filter_works_without_javascript(no_js_page, live_server, study_pages):
    index = study_pages["index"]
    no_js_page.goto(live_server.url + index.url)
    assert "2 studies found" in no_js_page.locator(".portal-result-count").inner_text()

    no_js_page.get_by_label("People with a learning disability").check()
    no_js_page.get_by_role("button", name="Apply filters").click()

    no_js_page.wait_for_url("**audience=learning-disability*")
    assert "1 study found" in no_js_page.locator(".portal-result-count").inner_text()
    assert no_js_page.get_by_role("link", name=study_pages["studies"][0].title).is_visible()
    assert_accessible(no_js_page)


def test_the_keyboard_reaches_i_m_interested_from_the_index(page, live_server, study_pages):
    index = study_pages["index"]
    study = study_pages["studies"][0]
    page.goto(live_server.url + index.url)

    for _press in range(60):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED_NAME) == study.title:
            break
    else:
        raise AssertionError(f"Tab never reached the link to {study.title!r}")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{study.url}")

    for _press in range(80):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED_NAME) == "I'm interested":
            break
    else:
        raise AssertionError("Tab never reached “I'm interested”")
    assert page.evaluate("document.activeElement.getAttribute('href')") == f"/take-part/{study.pk}/"
    # A visible focus style, in the NHS.UK yellow, so a keyboard user can see where they are.
    assert page.evaluate("getComputedStyle(document.activeElement).backgroundColor") == "rgb(255, 235, 59)"
