import io
import logging
import sys

import pytest
from django.conf import settings

from portal.core.logging import PersonalDataFilter, mask


def make_record(msg, *args, **extra):
    record = logging.LogRecord("portal.test", logging.WARNING, __file__, 1, msg, args or None, None)
    record.__dict__.update(extra)
    return record


def filtered(record):
    assert PersonalDataFilter().filter(record) is True
    return record


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Sent to jo.bloggs+care@example.nhs.uk today", "jo.bloggs+care@example.nhs.uk"),
        ("Call 07700 900123 back", "07700 900123"),
        ("Call 07700900123 back", "07700900123"),
        ("Call +44 7700 900123 back", "7700 900123"),
        ("Call +447700900123 back", "7700900123"),
        ("Call 020 7946 0018 back", "7946 0018"),
        ("Call (020) 7946 0018 back", "7946 0018"),
        ("Call +44 (0)20 7946 0018 back", "7946 0018"),
        ("NHS number 943 476 5919 given", "943 476 5919"),
        ("NHS number 943-476-5919 given", "943-476-5919"),
        ("NHS number 9434765919 given", "9434765919"),
        ("Request from 203.0.113.42 refused", "203.0.113.42"),
        ("Request from 2001:db8:85a3::8a2e:370:7334 refused", "2001:db8:85a3::8a2e:370:7334"),
        ("Request from 2001:0db8:0000:0000:0000:ff00:0042:8329 refused", "0042:8329"),
        ("Lives at SW1A 1AA now", "SW1A 1AA"),
        ("Lives at m1 1ae now", "m1 1ae"),
        ("Lives at EC1A1BB now", "EC1A1BB"),
    ],
)
def test_mask_removes_personal_data(text, secret):
    masked = mask(text)

    assert secret not in masked
    assert masked.startswith(text.split()[0])


@pytest.mark.parametrize(
    "text",
    [
        "GET /need-help-now/ took 12 ms",
        "Worker processed 3 tasks at 14:05:09",
        "Started 2026-11-22 14:05:09.123456+00:00 on Django 5.2.19",
        "Task 0f8c2a4e-5b1d-4c7e-9a3f-2d6e8b1c0a7f finished",
        "Page 42 published, revision 7",
        "Health check cache failed: ConnectionError",
    ],
)
def test_mask_leaves_ordinary_messages_alone(text):
    assert mask(text) == text


def test_filter_masks_arguments_as_well_as_the_message():
    record = filtered(make_record("Password reset for %s from %s", "sam@example.org", "198.51.100.7"))

    assert record.getMessage() == "Password reset for [email] from [ip]"
    assert record.args is None


def test_filter_masks_exception_text():
    try:
        raise ValueError("no account for sam@example.org")
    except ValueError:
        record = logging.LogRecord("portal.test", logging.ERROR, __file__, 1, "Failed", None, sys.exc_info())

    filtered(record)

    assert "sam@example.org" not in record.exc_text
    assert "ValueError" in record.exc_text
    assert record.exc_info is None


def test_filter_drops_attributes_that_carry_a_request_or_address():
    record = filtered(make_record("Forbidden", request=object(), ip="198.51.100.7", email="sam@example.org"))

    assert record.request is None
    assert record.ip is None
    assert record.email is None


def test_filter_masks_other_text_attached_to_the_record():
    record = filtered(make_record("Signed in", user="sam@example.org", status_code=200))

    assert record.user == "[email]"
    assert record.status_code == 200


def test_filter_never_raises_on_a_badly_formed_log_call():
    # logging.Logger swallows formatting errors in handlers; a filter must not turn them into a crash.
    record = filtered(make_record("Two values %s %s for %s", "sam@example.org"))

    assert "sam@example.org" not in record.getMessage()


def test_filter_can_run_twice_on_the_same_record():
    record = filtered(filtered(make_record("From %s", "sam@example.org")))

    assert record.getMessage() == "From [email]"


def test_every_configured_handler_uses_the_personal_data_filter():
    handlers = settings.LOGGING["handlers"]

    assert handlers
    for name, handler in handlers.items():
        assert "personal_data" in handler.get("filters", []), name
    assert settings.LOGGING["filters"]["personal_data"]["()"] == "portal.core.logging.PersonalDataFilter"


@pytest.mark.parametrize("logger_name", ["portal.feedback", "django.request", "allauth"])
def test_log_lines_written_by_the_configured_handler_are_masked(logger_name):
    logger = logging.getLogger(logger_name)
    configured = logging.getLogger(logger_name.split(".")[0]).handlers or logging.root.handlers
    handler = next(h for h in configured if any(isinstance(f, PersonalDataFilter) for f in h.filters))
    stream = io.StringIO()
    previous = handler.setStream(stream)
    try:
        logger.warning("Could not email %s on %s", "sam@example.org", "07700 900123")
    finally:
        handler.setStream(previous)

    line = stream.getvalue()
    assert "Could not email [email] on [phone]" in line
    assert "sam@example.org" not in line
