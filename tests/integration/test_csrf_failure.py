"""The page people see when a form is sent with a missing or stale security token."""

import pytest
from django.test import Client

FORM_URL = "/accounts/login/"
SAME_ORIGIN_FORM = "http://testserver/accounts/login/"


@pytest.fixture
def strict_client(db):
    return Client(enforce_csrf_checks=True)


def send_without_token(client, data, referer=SAME_ORIGIN_FORM, **extra):
    if referer:
        extra["HTTP_REFERER"] = referer
    return client.post(FORM_URL, data, **extra)


def test_a_form_without_a_valid_token_is_refused_with_an_explanation(strict_client):
    response = send_without_token(strict_client, {"login": "sam@example.org", "csrfmiddlewaretoken": "stale"})

    html = response.content.decode()
    assert response.status_code == 403
    assert "Sorry, we could not send your answers" in html
    assert "Nothing is wrong with what you wrote." in html
    assert "back button" in html
    assert 'class="nhsuk-header' in html


def test_the_page_offers_a_way_back_to_the_form_on_this_site(strict_client):
    response = send_without_token(strict_client, {"login": "sam@example.org"})

    assert f'href="{SAME_ORIGIN_FORM}"' in response.content.decode()


def test_the_page_gives_back_what_was_typed(strict_client):
    response = send_without_token(
        strict_client,
        {"comment": "The staff on the ward listened to me.", "service": "Ward 7", "login": "sam@example.org"},
    )

    html = response.content.decode()
    assert "The staff on the ward listened to me." in html
    assert "Ward 7" in html
    assert "sam@example.org" in html
    assert "What you wrote" in html


@pytest.mark.parametrize(
    "field",
    ["password", "password1", "oldpassword", "csrfmiddlewaretoken", "token", "code", "otp", "recovery_code", "api_key"],
)
def test_the_page_never_gives_back_passwords_codes_or_tokens(strict_client, field):
    response = send_without_token(strict_client, {"login": "sam@example.org", field: "do-not-echo-this-value"})

    html = response.content.decode()
    assert "sam@example.org" in html
    assert "do-not-echo-this-value" not in html


def test_what_was_typed_is_escaped(strict_client):
    response = send_without_token(strict_client, {"comment": '<script>alert("hi")</script> & <b>bold</b>'})

    html = response.content.decode()
    assert "<script>alert" not in html
    assert "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in html


@pytest.mark.parametrize(
    "referer",
    [None, "https://elsewhere.example.com/form/", "http://testserver.evil.example/", "javascript:alert(1)"],
)
def test_nothing_is_given_back_when_the_form_was_not_on_this_site(strict_client, referer):
    response = send_without_token(strict_client, {"comment": "my private words"}, referer=referer)

    html = response.content.decode()
    assert response.status_code == 403
    assert "my private words" not in html
    assert "Go back to the form" not in html
    assert "Sorry, we could not send your answers" in html


def test_nothing_is_given_back_when_the_referer_scheme_differs(strict_client):
    response = send_without_token(
        strict_client, {"comment": "my private words"}, referer="https://testserver/accounts/login/"
    )

    assert "my private words" not in response.content.decode()


def test_very_long_answers_are_cut_short(strict_client):
    response = send_without_token(strict_client, {"first": "a" * 15_000, "second": "b" * 15_000})

    html = response.content.decode()
    assert "a" * 15_000 in html
    assert "b" * 5_000 in html
    assert "b" * 5_001 not in html


def test_the_page_is_never_stored_by_a_browser_or_proxy(strict_client):
    response = send_without_token(strict_client, {"comment": "my private words"})

    assert "no-store" in response["Cache-Control"]


def test_a_form_with_a_valid_token_is_not_refused(strict_client):
    strict_client.get(FORM_URL)
    token = strict_client.cookies["csrftoken"].value

    response = strict_client.post(
        FORM_URL, {"login": "nobody@example.org", "password": "wrong", "csrfmiddlewaretoken": token}
    )

    assert response.status_code != 403
    assert "Sorry, we could not send your answers" not in response.content.decode()


def test_the_page_gives_back_what_was_typed_over_https(strict_client):
    response = send_without_token(
        strict_client, {"comment": "my words"}, referer="https://testserver/accounts/login/", secure=True
    )

    assert response.status_code == 403
    assert "my words" in response.content.decode()
