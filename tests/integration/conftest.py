"""Fixtures shared by the integration tests."""

import logging
import signal

import pytest
from django.core.management import call_command
from django_tasks_db.management.commands import db_worker

from portal.core import roles
from portal.core.factories import UserFactory


@pytest.fixture
def run_worker(monkeypatch):
    """Runs `db_worker --batch` and puts back the signal handlers and log levels it changes."""
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    signals = [signal.SIGINT, signal.SIGTERM, signal.SIGQUIT]
    handlers = {number: signal.getsignal(number) for number in signals}
    loggers = [logging.getLogger(name) for name in ("django_tasks", "django_tasks_db")]
    levels = {logger: logger.level for logger in loggers}

    def run():
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    yield run
    for number, handler in handlers.items():
        signal.signal(number, handler)
    for logger, level in levels.items():
        logger.setLevel(level)


@pytest.fixture
def session_read_queries(settings):
    """Queries a signed-in request spends reading its session: one from the database, none when the
    session is cached (cached_db, as with REDIS_URL in CI), so exact query counts hold on both."""
    return 0 if settings.SESSION_ENGINE.endswith("cached_db") else 1


@pytest.fixture
def steering_member(db):
    """A Steering group member who has set up two-step sign-in."""
    return UserFactory(roles=[roles.STEERING_GROUP], with_totp=True)


@pytest.fixture
def steering(client, steering_member):
    """A client signed in as steering_member."""
    client.force_login(steering_member)
    return client
