import pytest
from django.db import OperationalError, connection

from portal.core import health

FAILURE_TEXT = "could not connect to 10.1.2.3 as sam@example.org: password authentication failed"


def refuse(*args, **kwargs):
    raise OperationalError(FAILURE_TEXT)


def test_health_is_ok_when_every_part_works(client, db):
    response = client.get("/health/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok", "tasks": "ok"}


def test_health_answers_a_head_request_from_a_load_balancer(client, db):
    response = client.head("/health/")

    assert response.status_code == 200


def test_health_refuses_to_change_anything(client, db):
    assert client.post("/health/").status_code == 405


def test_health_is_never_cached(client, db):
    response = client.get("/health/")

    assert "no-store" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]


def test_health_sets_no_cookies(client, db):
    response = client.get("/health/")

    assert not response.cookies


def test_health_names_the_cache_when_the_cache_is_broken(client, db, monkeypatch):
    monkeypatch.setitem(health.CHECKS, "cache", refuse)

    response = client.get("/health/")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "cache": "unavailable", "tasks": "ok"}


def test_health_names_the_cache_when_redis_cannot_be_reached(client, db, settings):
    # Nothing listens on port 1: the connection is refused at once.
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    }

    response = client.get("/health/")

    assert response.status_code == 503
    assert response.json()["cache"] == "unavailable"
    assert response.json()["database"] == "ok"


def test_health_names_the_database_when_it_is_unavailable(client, db, monkeypatch):
    # Every query fails, as when the server is down: the task queue lives there too. The patch is
    # undone before the test database is rolled back.
    with monkeypatch.context() as patch:
        patch.setattr(connection, "cursor", refuse)
        response = client.get("/health/")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable", "cache": "ok", "tasks": "unavailable"}


def test_health_names_the_task_queue_when_its_table_cannot_be_read(client, db, monkeypatch):
    monkeypatch.setitem(health.CHECKS, "tasks", refuse)

    response = client.get("/health/")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "cache": "ok", "tasks": "unavailable"}


@pytest.mark.parametrize("part", ["database", "cache", "tasks"])
def test_a_failing_health_check_shows_no_error_text_or_personal_data(client, db, monkeypatch, part):
    monkeypatch.setitem(health.CHECKS, part, refuse)

    response = client.get("/health/")

    body = response.content.decode()
    for fragment in ("10.1.2.3", "sam@example.org", "password", "OperationalError", "connect"):
        assert fragment not in body


def test_health_is_exempt_from_the_https_redirect(client, db, settings):
    # The load balancer checks health over plain HTTP inside the network.
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/health/").status_code == 200
    assert client.get("/need-help-now/").status_code == 301
