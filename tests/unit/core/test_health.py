import logging

import pytest
from django.db import OperationalError

from portal.core import health


def test_every_part_reports_ok_when_it_works(db):
    assert health.run_checks() == {"database": "ok", "cache": "ok", "tasks": "ok"}


def test_a_failing_part_is_named_unavailable_and_the_others_still_run(db, monkeypatch):
    def broken():
        raise OperationalError("could not connect to server at 10.0.0.5 as sam@example.org")

    monkeypatch.setitem(health.CHECKS, "cache", broken)

    assert health.run_checks() == {"database": "ok", "cache": "unavailable", "tasks": "ok"}


def test_a_failure_is_logged_by_kind_without_the_error_text(db, monkeypatch, caplog):
    def broken():
        raise OperationalError("password authentication failed for user sam@example.org")

    monkeypatch.setitem(health.CHECKS, "database", broken)

    with caplog.at_level(logging.WARNING, logger="portal.core.health"):
        health.run_checks()

    assert "database" in caplog.text
    assert "OperationalError" in caplog.text
    assert "sam@example.org" not in caplog.text
    assert "password authentication" not in caplog.text


def test_the_cache_check_fails_when_a_value_is_not_read_back(db, monkeypatch):
    monkeypatch.setattr(health.cache, "get", lambda key, default=None: None)

    with pytest.raises(RuntimeError):
        health.check_cache()


def test_the_cache_check_leaves_no_key_behind(db, monkeypatch):
    written = []
    original_set = health.cache.set

    def remembering_set(key, *args, **kwargs):
        written.append(key)
        return original_set(key, *args, **kwargs)

    monkeypatch.setattr(health.cache, "set", remembering_set)

    health.check_cache()

    assert len(written) == 1
    assert health.cache.get(written[0]) is None
