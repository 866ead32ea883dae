"""Property: whatever the feedback, no page, CSV, printable report or API response of the steering
area shows a count from 1 to the threshold less one.

Hypothesis makes random sets of approved feedback (themes, tones, months, services, groups); each
example replaces the last inside the test's transaction, then every output is read back.
"""

import csv
import io
import json
import re
from datetime import date, datetime, time

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.core import roles
from portal.core.factories import UserFactory
from portal.feedback.factories import ServiceFactory, approved
from portal.feedback.models import Service, Submission, Theme

TODAY = date(2026, 11, 20)
THRESHOLD = 5  # small, so that random data often lands on both sides of it

feedback = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=7),  # months before this one
        st.sampled_from(["positive", "mixed", "neutral", "negative", ""]),
        st.sets(st.integers(min_value=0, max_value=3), min_size=1, max_size=3),  # themes
        st.sampled_from(["white", "black", "asian", "", "prefer_not"]),
        st.sampled_from(["yes", "no", ""]),  # learning disability
        st.sampled_from(["yes", "no"]),  # autistic
        st.integers(min_value=0, max_value=1),  # service
        st.sampled_from(["patient_now", "carer"]),
    ),
    max_size=40,
)


def small(value):
    return 0 < value < THRESHOLD


def page_counts(content):
    return [int(value) for value in re.findall(r'data-count="(\d+)"', content)]


def csv_counts(content):
    counts = []
    for row in csv.reader(io.StringIO(content)):
        for cell in row:
            if re.fullmatch(r"[+-]?\d+", cell) and not cell.startswith(("+", "-")):
                counts.append(int(cell))
    return counts


def json_counts(value, key=""):
    """Every whole number in an API response except the threshold itself and ids."""
    if isinstance(value, dict):
        for name, item in value.items():
            yield from json_counts(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from json_counts(item, key)
    elif (
        isinstance(value, int)
        and not isinstance(value, bool)
        and key not in {"threshold", "id", "theme_id", "months", "service", "change"}
    ):
        yield value


@pytest.fixture
def steering(client, db, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)
    client.force_login(UserFactory(roles=[roles.STEERING_GROUP], with_totp=True))
    return client


@override_settings(PORTAL_SUPPRESSION_THRESHOLD=THRESHOLD)
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(rows=feedback)
def test_no_output_ever_shows_a_small_count(steering, rows):
    Submission.objects.all().delete()
    Service.objects.all().delete()
    themes = list(Theme.objects.order_by("pk")[:4])
    services = [ServiceFactory(name=f"Ward {n}") for n in range(2)]
    for months_ago, sentiment, theme_numbers, ethnic_group, learning_disability, autism, service, respondent in rows:
        month = date(TODAY.year, TODAY.month, 1)
        index = month.year * 12 + month.month - 1 - months_ago
        sent = timezone.make_aware(datetime.combine(date(index // 12, index % 12 + 1, 5), time(12)))
        approved(
            submitted_at=sent,
            sentiment=sentiment,
            themes=[themes[number] for number in theme_numbers],
            ethnic_group=ethnic_group,
            learning_disability=learning_disability,
            autism=autism,
            service=services[service],
            respondent=respondent,
        )

    queries = [{}, {"months": "6"}, {"service": str(services[0].pk)}, {"respondent": "carer", "months": "12"}]
    for query in queries:
        for name in ("steering:dashboard", "steering:equity", "steering:report"):
            content = steering.get(reverse(name), query).content.decode()
            assert page_counts(content) or 'data-count="suppressed"' in content  # counts are marked
            assert not [count for count in page_counts(content) if small(count)], (name, query)
        for theme in themes[:2]:
            content = steering.get(reverse("steering:theme", args=[theme.pk]), query).content.decode()
            assert not [count for count in page_counts(content) if small(count)], ("theme", query)
        content = steering.get(reverse("steering:export_csv"), query).content.decode()
        assert not [count for count in csv_counts(content) if small(count)], ("csv", query)
        for path in ("/api/v1/themes", "/api/v1/equity", f"/api/v1/themes/{themes[0].pk}"):
            response = steering.get(path, query)
            assert response.status_code == 200, (path, response.content)
            assert not [count for count in json_counts(json.loads(response.content)) if small(count)], (path, query)
