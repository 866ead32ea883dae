import pytest
from django.db import OperationalError, connection
from django.test import Client, RequestFactory

from portal.core.views import server_error


def assert_nhs_layout(html):
    assert 'class="nhsuk-header' in html
    assert 'class="nhsuk-footer' in html
    assert 'href="#maincontent"' in html
    # The way to crisis help is on every page, errors included.
    assert 'href="/need-help-now/"' in html


def test_a_missing_page_uses_the_nhs_layout_and_offers_crisis_help(client, site_pages):
    response = client.get("/no-such-page/")

    html = response.content.decode()
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in html
    assert "find out who to contact" in html
    assert 'href="/"' in html
    assert_nhs_layout(html)


def test_a_missing_page_before_any_content_exists_still_renders(client, db):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_a_missing_page_speaks_the_language_of_its_address(client, site_pages):
    response = client.get("/ur/no-such-page/")

    assert response.status_code == 404
    assert '<html lang="ur" dir="rtl"' in response.content.decode()


@pytest.mark.urls("tests.integration.urls")
def test_a_forbidden_page_explains_and_uses_the_nhs_layout(client, site_pages):
    response = client.get("/test-only/forbidden/")

    html = response.content.decode()
    assert response.status_code == 403
    assert "<h1>You cannot see this page</h1>" in html
    assert "only for moderators" not in html
    assert_nhs_layout(html)


@pytest.mark.urls("tests.integration.urls")
def test_a_server_error_shows_the_error_page_without_the_error(site_pages):
    client = Client(raise_request_exception=False)

    response = client.get("/test-only/broken/")

    html = response.content.decode()
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in html
    assert "sam@example.org" not in html
    assert "RuntimeError" not in html
    assert_nhs_layout(html)


def test_the_server_error_page_renders_without_a_request_context_or_database(db, django_assert_num_queries):
    request = RequestFactory().get("/need-help-now/")

    with django_assert_num_queries(0):
        response = server_error(request)

    html = response.content.decode()
    assert response.status_code == 500
    assert "<h1>Sorry, there is a problem with the service</h1>" in html
    assert "find out who to contact" in html
    assert_nhs_layout(html)


def test_the_server_error_page_renders_when_the_database_is_down(db, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    with monkeypatch.context() as patch:
        patch.setattr(connection, "cursor", refuse)
        response = server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()
