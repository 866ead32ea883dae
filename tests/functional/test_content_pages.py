"""Updates, findings, resources, easy read and search in a real browser: accessible at 320px and
at desktop width, usable with the keyboard alone and without JavaScript."""

import pytest
from django.core.management import call_command

from .axe import assert_accessible

CONTENT_PATHS = [
    "/",
    "/updates/",
    "/updates/?kind=findings",
    "/updates/reducing-long-term-segregation-findings/",
    "/easy-read/",
    "/easy-read/long-term-segregation/",
    "/self-care-and-recovery/",
    "/self-care-and-recovery/?topic=peer-support&audience=people-who-use-services",
    "/self-care-and-recovery/recovery-college/",
    "/search/?q=peer+support",
    "/search/?q=nothing+matches+this",
    "/ur/easy-read/long-term-segregation/",
    "/pl/self-care-and-recovery/",
]


@pytest.fixture
def browsable_pages(content_pages, settings):
    settings.ROOT_URLCONF = "tests.functional.urls"
    call_command("update_index", verbosity=0)
    return content_pages


@pytest.mark.parametrize("path", CONTENT_PATHS)
def test_content_pages_have_no_accessibility_violations_at_desktop_width(page, live_server, browsable_pages, path):
    page.goto(live_server.url + path)
    assert_accessible(page)
    assert page.javascript_problems == []


@pytest.mark.parametrize("path", CONTENT_PATHS)
def test_content_pages_have_no_accessibility_violations_at_320px(mobile_page, live_server, browsable_pages, path):
    mobile_page.goto(live_server.url + path)
    assert_accessible(mobile_page)
    assert mobile_page.evaluate("document.documentElement.scrollWidth") <= 320


def test_easy_read_rows_put_the_picture_beside_the_words_and_stack_on_a_phone(
    page, mobile_page, live_server, browsable_pages
):
    page.goto(live_server.url + "/easy-read/long-term-segregation/")
    picture = page.locator(".portal-easy-read-row__picture").first.bounding_box()
    words = page.locator(".portal-easy-read-row__words").first.bounding_box()
    assert picture["x"] + picture["width"] <= words["x"]  # picture on the left, words on the right
    assert page.locator(".portal-easy-read-row__img").first.evaluate("img => img.naturalWidth") > 0

    mobile_page.goto(live_server.url + "/easy-read/long-term-segregation/")
    picture = mobile_page.locator(".portal-easy-read-row__picture").first.bounding_box()
    words = mobile_page.locator(".portal-easy-read-row__words").first.bounding_box()
    assert picture["y"] + picture["height"] <= words["y"]  # stacked: picture above the words


def test_easy_read_text_is_larger_than_standard_text(page, live_server, browsable_pages):
    page.goto(live_server.url + "/easy-read/long-term-segregation/")
    easy = page.locator(".portal-easy-read-row__words p").first.evaluate(
        "p => parseFloat(getComputedStyle(p).fontSize)"
    )
    page.goto(live_server.url + "/updates/reducing-long-term-segregation-findings/")
    standard = page.locator("#portal-readable .portal-prose p").first.evaluate(
        "p => parseFloat(getComputedStyle(p).fontSize)"
    )
    assert easy >= 20 > standard


def test_the_resources_filter_works_with_the_keyboard_alone(page, live_server, browsable_pages):
    page.goto(live_server.url + "/self-care-and-recovery/")
    page.focus("#filter-topic")
    page.keyboard.press("ArrowDown")  # Chromium changes a focused select's value with the arrow keys
    page.select_option("#filter-topic", "carers-support")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # tick "only easy read", then untick it again
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/self-care-and-recovery/?topic=carers-support*")
    assert "2 places to find support" in page.locator(".portal-result-count").inner_text()


def test_the_resources_filter_and_search_work_without_javascript(no_js_page, live_server, browsable_pages):
    no_js_page.goto(live_server.url + "/self-care-and-recovery/")
    no_js_page.select_option("#filter-audience", "young-people")
    no_js_page.get_by_role("button", name="Show support").click()
    no_js_page.wait_for_url("**audience=young-people*")
    assert no_js_page.get_by_role("link", name="Wellbeing support for young people").is_visible()

    no_js_page.fill("#search-field", "advocacy")
    no_js_page.locator("#search-field").press("Enter")
    no_js_page.wait_for_url("**/search/?q=advocacy")
    assert no_js_page.get_by_role("link", name="Independent mental health advocacy").is_visible()
    assert_accessible(no_js_page)


def test_listen_and_print_are_hidden_without_javascript(no_js_page, live_server, browsable_pages):
    no_js_page.goto(live_server.url + "/easy-read/long-term-segregation/")
    assert not no_js_page.get_by_role("button", name="Listen").is_visible()
    assert not no_js_page.get_by_role("button", name="Print this page").is_visible()


def test_listen_reads_the_page_aloud_and_can_be_paused_and_stopped_with_the_keyboard(
    page, live_server, browsable_pages
):
    # Record what the page asks the browser to say: headless Chromium has no voices to speak with.
    page.add_init_script(
        """
        window.__spoken = [];
        const synth = { speaking: false, paused: false,
          speak(u) { window.__spoken.push(u.text); this.speaking = true; },
          pause() { this.paused = true; }, resume() { this.paused = false; },
          cancel() { this.speaking = false; window.__cancelled = true; }, getVoices() { return []; } };
        Object.defineProperty(window, 'speechSynthesis', { value: synth });
        """
    )
    page.goto(live_server.url + "/easy-read/long-term-segregation/")
    listen = page.get_by_role("button", name="Listen")
    listen.focus()
    page.keyboard.press("Enter")

    spoken = page.evaluate("window.__spoken")
    assert spoken[0].startswith("Being kept apart in hospital")
    pause = page.get_by_role("button", name="Pause")
    assert pause.evaluate("button => button === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("window.speechSynthesis.paused") is True
    page.get_by_role("button", name="Stop").click()
    assert page.evaluate("window.__cancelled") is True
    assert listen.is_visible()


def test_the_easy_read_page_prints_one_idea_per_row_with_the_pictures(page, live_server, browsable_pages):
    page.goto(live_server.url + "/easy-read/long-term-segregation/")
    page.emulate_media(media="print")
    assert not page.locator(".nhsuk-header").is_visible()
    assert not page.get_by_role("button", name="Listen").is_visible()
    assert page.locator(".portal-easy-read-row__img").first.is_visible()
    assert page.locator(".portal-easy-read-row").first.evaluate("row => getComputedStyle(row).breakInside") == "avoid"
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
