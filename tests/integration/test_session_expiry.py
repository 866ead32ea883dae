"""Staff sessions end after a period of inactivity (SESSION_IDLE_TIMEOUT), not at a fixed time."""

from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.utils import timezone

from portal.core.factories import UserFactory


def _end_session_at(client, when):
    """Move the session's end, in the database and in the cache when sessions are cached (Redis)."""
    key = client.session.session_key
    Session.objects.filter(session_key=key).update(expire_date=when)
    store = import_module(settings.SESSION_ENGINE).SessionStore(session_key=key)
    if hasattr(store, "cache_key"):  # cached_db: the cache entry would expire at the same moment
        caches[settings.SESSION_CACHE_ALIAS].delete(store.cache_key)


def _session(client):
    return Session.objects.get(session_key=client.cookies[settings.SESSION_COOKIE_NAME].value)


def test_the_idle_timeout_is_thirty_minutes_by_default_and_applies_to_the_browser_cookie_too():
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True


def test_each_request_moves_the_end_of_the_session_forward(client, db):
    client.force_login(UserFactory(roles=["Moderators"], with_totp=True))
    _end_session_at(client, timezone.now() + timedelta(minutes=1))

    assert client.get("/staff/").status_code == 200

    remaining = _session(client).expire_date - timezone.now()
    assert remaining > timedelta(minutes=29)


def test_after_the_idle_timeout_the_person_must_sign_in_again(client, db):
    client.force_login(UserFactory(roles=["Moderators"], with_totp=True))
    assert client.get("/staff/").status_code == 200
    _end_session_at(client, timezone.now() - timedelta(seconds=1))

    response = client.get("/staff/")

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")
