"""Real-browser fixtures: Debian's Chromium driven by Playwright, with axe-core for accessibility.

Browser tests are skipped when /usr/bin/chromium is missing, unless PORTAL_REQUIRE_BROWSER=1 (CI sets
it), in which case they fail: CI must never pass with the browser tests quietly skipped.
"""

import os
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path(os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 320, "height": 640}
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

# The database is emptied between browser tests (they need real transactions for the live server);
# serialized rollback puts back what migrations created: Wagtail's root page and the role groups.

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test body are
# still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/functional" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def _serialized_db_contents(django_db_setup):
    """The migrated data (Wagtail's root page, role groups) saved when the test databases were made.

    Django keeps it on the connection object, and connections are per async context: once
    Playwright's event loop is running, Django hands out fresh connection objects without it, and
    serialized rollback would restore nothing. Read it before the browser starts.
    """
    from django.db import connections

    return {alias: getattr(connections[alias], "_test_serialized_contents", None) for alias in connections}


@pytest.fixture
def _browser_db(browser, _serialized_db_contents):
    from django.db import connections

    for alias, contents in _serialized_db_contents.items():
        if contents is not None:
            connections[alias]._test_serialized_contents = contents


@pytest.fixture(scope="session")
def browser(_serialized_db_contents):
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM}; install Debian's chromium package to run browser tests."
        if os.environ.get("PORTAL_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _stay_on_this_machine(route):
    # Nothing leaves the machine: the NHS font server and any other host are refused, so tests
    # never depend on the network.
    host = urlsplit(route.request.url).hostname or ""
    if host in {"localhost", "127.0.0.1", "::1"} or route.request.url.startswith("data:"):
        route.continue_()
    else:
        route.abort()


def _new_page(browser, request, *, viewport=DESKTOP, javascript=True):
    context = browser.new_context(viewport=viewport, java_script_enabled=javascript, locale="en-GB")
    context.route("**/*", _stay_on_this_machine)
    page = context.new_page()
    page.set_default_timeout(10_000)
    problems = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))

    def on_console(message):
        if message.type != "error" or "net::ERR_FAILED" in message.text:
            return  # ERR_FAILED: a request to another host, refused on purpose by _stay_on_this_machine
        if message.text.startswith("Failed to load resource") and message.location.get("url") == page.url:
            return  # the document's own status, such as the 404 page we asked for
        problems.append(f"console {message.type}: {message.text}")

    page.on("console", on_console)
    page.javascript_problems = problems
    page.javascript_enabled = javascript
    yield page
    if request.node.rep_call.failed if hasattr(request.node, "rep_call") else False:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    _wait_for_live_server_requests()


def _wait_for_live_server_requests(timeout=5):
    """Let the live server finish the requests of a context that just closed.

    Chromium keeps idle keep-alive connections open until its context closes; the threads serving
    them then close their database connection. If the live server stopped in that instant (after the
    session's last test), SQLite's shared connection would no longer be shareable and those threads
    would fail with "DatabaseWrapper objects created in a thread can only be used in that same thread".
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(
        "process_request_thread" in thread.name for thread in threading.enumerate()
    ):
        time.sleep(0.05)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture
def page(browser, request, _browser_db, live_server, django_db_serialized_rollback):
    """A desktop-width page with JavaScript on."""
    yield from _new_page(browser, request)


@pytest.fixture
def mobile_page(browser, request, _browser_db, live_server, django_db_serialized_rollback):
    """A 320px-wide page: the narrowest screen WCAG reflow asks us to support."""
    yield from _new_page(browser, request, viewport=MOBILE)


@pytest.fixture
def no_js_page(browser, request, _browser_db, live_server, django_db_serialized_rollback):
    """A page with JavaScript turned off: every journey must still work."""
    yield from _new_page(browser, request, javascript=False)
