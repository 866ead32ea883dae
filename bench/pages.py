"""Public pages: server time, database queries and page weight for an old phone on a slow connection.

Renders each public page many times through Django's test client (the whole middleware stack, no
network) and measures what a visitor downloads: the HTML plus the CSS and JavaScript it links,
gzip-compressed as whitenoise serves them. Images and fonts are left out: NHS.UK fonts come from the
NHS's own server and are cached across NHS sites.
"""

import gzip
import posixpath
import re
import statistics
import time

from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from portal.content.demo import seed_pages
from portal.content.demo_content import seed_content
from portal.core.demo import seed_settings

PATHS = [
    "/",
    "/need-help-now/",
    "/accessibility-statement/",
    "/ur/",
    "/accounts/login/",
    "/updates/",
    "/updates/reducing-long-term-segregation-findings/",
    "/easy-read/long-term-segregation/",
    "/self-care-and-recovery/",
    "/self-care-and-recovery/?topic=peer-support",
    "/search/?q=peer+support",
]
REPEAT = 200
ASSET = re.compile(r'(?:href|src)="/static/([^"]+\.(?:css|m?js))"')
MODULE_IMPORT = re.compile(r"""(?:import|from)\s*["']([^"']+\.m?js)["']""")

TARGETS = {
    "home_median_ms": ("<=", 50, "server time well inside a one-second first paint on 3G"),
    "home_queries": ("<=", 12, "the query budget asserted in tests/integration for public pages"),
    "home_transfer_kb_gzip": ("<=", 100, "under 100 KB so an old phone on a slow 3G connection loads in seconds"),
    "easy_read_long_term_segregation_median_ms": ("<=", 50, "easy-read pages as fast as the rest"),
    "self_care_and_recovery_queries": ("<=", 15, "the budget asserted in tests/integration/test_content_pages.py"),
    "search_q_peer_support_median_ms": ("<=", 100, "search answers well inside a second"),
}


def _gzip_size(data):
    return len(gzip.compress(data, compresslevel=9))


def _page_weight(html):
    """Bytes on the wire for the HTML and every stylesheet and script it loads, modules included."""
    pending = sorted(set(ASSET.findall(html)))
    seen = set()
    total = _gzip_size(html.encode())
    while pending:
        asset = posixpath.normpath(pending.pop())
        if asset in seen:
            continue
        seen.add(asset)
        with open(finders.find(asset), "rb") as handle:
            data = handle.read()
        total += _gzip_size(data)
        if asset.endswith(".mjs") or asset.endswith(".js"):
            for imported in MODULE_IMPORT.findall(data.decode("utf-8", "replace")):
                pending.append(posixpath.join(posixpath.dirname(asset), imported))
    return total, sorted(seen)


def run():
    pages = seed_pages()
    seed_settings(pages)
    seed_content(pages["home"])
    call_command("update_index", verbosity=0)
    client = Client()
    figures = {}
    for path in PATHS:
        client.get(path)  # warm caches, as a running server would be
        timings = []
        for _ in range(REPEAT):
            started = time.perf_counter()
            response = client.get(path)
            timings.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise RuntimeError(f"{path} answered {response.status_code}")
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        weight, _assets = _page_weight(response.content.decode())
        name = "home" if path == "/" else re.sub(r"[^a-z0-9]+", "_", path.strip("/")).strip("_")
        figures[f"{name}_median_ms"] = round(statistics.median(timings), 2)
        figures[f"{name}_p95_ms"] = round(statistics.quantiles(timings, n=20)[18], 2)
        figures[f"{name}_queries"] = len(queries)
        figures[f"{name}_transfer_kb_gzip"] = round(weight / 1024, 1)
    return figures
