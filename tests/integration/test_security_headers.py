import re

import pytest
from csp.constants import UNSAFE_INLINE

PUBLIC_PAGES = ["/", "/need-help-now/", "/privacy-notice/", "/ur/"]


def policy(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_send_the_security_headers(client, site_pages, url):
    response = client.get(url, secure=True)

    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Strict-Transport-Security"] == "max-age=63072000; includeSubDomains; preload"


def test_hsts_is_only_sent_over_https(client, site_pages):
    response = client.get("/")

    assert "Strict-Transport-Security" not in response


def test_hsts_is_sent_when_the_proxy_says_the_request_came_over_https(client, site_pages):
    response = client.get("/", headers={"x-forwarded-proto": "https"})

    assert "max-age=63072000" in response["Strict-Transport-Security"]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_allow_no_inline_script_or_style(client, site_pages, url):
    directives = policy(client.get(url))

    for name in ("default-src", "script-src", "style-src"):
        assert UNSAFE_INLINE not in directives[name], name
    assert directives["script-src"][0] == "'self'"
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]


@pytest.mark.urls("tests.integration.urls")
def test_an_inline_script_runs_only_with_the_nonce_sent_in_the_policy(client, db):
    response = client.get("/test-only/inline-script/")

    nonce = re.search(r'<script nonce="([^"]+)">', response.content.decode()).group(1)
    directives = policy(response)
    assert f"'nonce-{nonce}'" in directives["script-src"]
    assert UNSAFE_INLINE not in directives["script-src"]


@pytest.mark.urls("tests.integration.urls")
def test_each_response_gets_a_fresh_nonce(client, db):
    first = policy(client.get("/test-only/inline-script/"))["script-src"]
    second = policy(client.get("/test-only/inline-script/"))["script-src"]

    assert first != second


def test_only_the_wagtail_admin_is_allowed_inline_script_and_style(client, db):
    # Wagtail's own admin templates still need it (see ADR 0004); nothing else does.
    directives = policy(client.get("/admin/login/"))

    assert UNSAFE_INLINE in directives["script-src"]
    assert UNSAFE_INLINE in directives["style-src"]
    assert UNSAFE_INLINE not in policy(client.get("/staff/"))["script-src"]
    assert UNSAFE_INLINE not in policy(client.get("/ur/admin/"))["script-src"]


def test_plain_http_is_redirected_to_https_in_production(client, site_pages, settings):
    settings.SECURE_SSL_REDIRECT = True

    response = client.get("/privacy-notice/")

    assert response.status_code == 301
    assert response["Location"] == "https://testserver/privacy-notice/"
