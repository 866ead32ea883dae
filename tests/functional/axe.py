"""Accessibility checks with axe-core (shipped by axe-playwright-python).

assert_accessible() fails on any violation tagged with a WCAG 2.0/2.1/2.2 A or AA rule.
"""

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
_axe = Axe()


def violations(page):
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    return results.response["violations"]


def describe(found):
    lines = []
    for violation in found:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node.get('failureSummary', '').strip()}")
    return "\n".join(lines)


def _snapshot_with_javascript(page):
    """axe is JavaScript: it cannot run in a page with JavaScript turned off (Playwright waits for
    ever). Check the same DOM instead: load the page's HTML into a page where JavaScript runs for axe
    only; the page's own scripts are refused, so nothing enhances the DOM first."""
    from .conftest import _stay_on_this_machine

    context = page.context.browser.new_context(viewport=page.viewport_size)
    context.route("**/*", _stay_on_this_machine)  # registered first, so it runs last
    context.route("**/*.js", lambda route: route.abort())
    context.route("**/*.mjs", lambda route: route.abort())
    snapshot = context.new_page()
    snapshot.goto(page.url)  # same origin and address, so stylesheets and links resolve as before
    snapshot.set_content(page.content().replace("<head>", f'<head><base href="{page.url}">', 1))
    return context, snapshot


def assert_accessible(page):
    if getattr(page, "javascript_enabled", True):
        found = violations(page)
    else:
        context, snapshot = _snapshot_with_javascript(page)
        try:
            found = violations(snapshot)
        finally:
            context.close()
    assert not found, f"axe found accessibility violations on {page.url}:\n{describe(found)}"
