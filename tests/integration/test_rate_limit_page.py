"""When allauth's rate limits stop requests outright, people see a kind page in the NHS layout."""

from http import HTTPStatus


def test_too_many_sign_in_requests_get_a_kind_page_in_the_site_layout(client, db, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login": "1/m/ip"}
    form = {"login": "someone@example.org", "password": "not-the-password"}

    client.post("/accounts/login/", form)
    response = client.post("/accounts/login/", form)

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    html = response.content.decode()
    assert "<h1>Please wait a few minutes</h1>" in html
    assert "Need help now?" in html  # the site layout, with the crisis link, not a bare error
