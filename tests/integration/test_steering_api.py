"""The steering group's JSON API: who may read it, that it says what the reports say, and that small
numbers never leave it."""

import json
import logging
import re
from datetime import date, datetime, time, timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from portal.core import roles
from portal.core.factories import UserFactory
from portal.core.models import AuditEvent
from portal.feedback import api_keys, reporting
from portal.feedback.factories import ServiceFactory, approved
from portal.feedback.models import ApiToken, Theme

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 5)
STAFF = "Staff manner & personal attributes"
FOOD = "Food & drink provision & facilities"
REPORTS = ["/api/v1/themes", "/api/v1/equity"]
LISTS = ["/api/v1/services", "/api/v1/codebook"]
# Keys whose values are counts of feedback; `change` is a difference and may be small.
COUNT_KEYS = {"total", "previous_total", "count", "size", "positive", "mixed", "neutral", "negative"}


def at(year, month, day=10):
    return timezone.make_aware(datetime.combine(date(year, month, day), time(12)))


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)


@pytest.fixture
def themes():
    return {
        "staff": Theme.objects.get(name=STAFF),
        "food": Theme.objects.get(name=FOOD),
        "activities": Theme.objects.get(name="Activities & access to fresh air"),
    }


@pytest.fixture
def key():
    return api_keys.issue(name="Trust BI dashboard")[1]


@pytest.fixture
def api(client, key):
    """A client that sends a working key with every request."""

    def get(url, **params):
        return client.get(url, params, headers={"Authorization": f"Bearer {key}"})

    return get


@pytest.fixture
def feedback(themes):
    """12 positive on staff attitude and 3 negative on food this period; 10 on staff the period before."""
    willow = ServiceFactory(name="Willow Ward")
    for _n in range(12):
        approved(submitted_at=at(2026, 10), themes=[themes["staff"]], sentiment="positive", service=willow)
    for _n in range(3):
        approved(submitted_at=at(2026, 11), themes=[themes["food"]], sentiment="negative", ethnic_group="asian")
    for _n in range(10):
        approved(submitted_at=at(2026, 7), themes=[themes["staff"]], sentiment="mixed", respondent="carer")
    return {"willow": willow}


def counts_in(data):
    """Every count anywhere in an answer."""
    if isinstance(data, dict):
        for name, value in data.items():
            if name in COUNT_KEYS and (value is None or isinstance(value, int)):
                yield value
            else:
                yield from counts_in(value)
    elif isinstance(data, list):
        for item in data:
            yield from counts_in(item)


# Who may read it --------------------------------------------------------------------------------


def test_nobody_reads_anything_without_a_key_or_a_session(client, themes):
    for url in [*REPORTS, *LISTS, f"/api/v1/themes/{themes['staff'].pk}"]:
        response = client.get(url)
        assert response.status_code == 401, url
        assert response["WWW-Authenticate"].startswith("Bearer")
        assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("header", ["Bearer not-a-key", "Bearer ", "bearer wrong"])
def test_a_wrong_key_is_refused(client, key, header):
    response = client.get("/api/v1/themes", headers={"Authorization": header})

    assert response.status_code == 401
    assert response.json() == {"detail": "The API key is wrong or has been revoked."}


def test_keys_never_reach_the_logs(client, key, settings, caplog):
    # In debug mode django-ninja's own bearer check logs the whole header when the scheme is not Bearer.
    settings.DEBUG = True
    logger = logging.getLogger("django")  # does not propagate to the root logger caplog listens on
    logger.addHandler(caplog.handler)
    try:
        for header in (f"Token {key}", f"Bearer {key}x", f"Basic {key}"):
            assert client.get("/api/v1/themes", headers={"Authorization": header}).status_code == 401
    finally:
        logger.removeHandler(caplog.handler)

    assert len(caplog.records) == 3  # each refusal is logged, by path only
    assert key not in caplog.text


def test_a_revoked_key_is_refused_and_a_working_one_is_not_confused_with_it(client):
    revoked, revoked_key = api_keys.issue(name="Old dashboard")
    api_keys.revoke(token=revoked)
    _working, working_key = api_keys.issue(name="New dashboard")

    assert client.get("/api/v1/themes", headers={"Authorization": f"Bearer {revoked_key}"}).status_code == 401
    assert client.get("/api/v1/themes", headers={"Authorization": f"Bearer {working_key}"}).status_code == 200


def test_a_wrong_key_is_refused_even_alongside_a_steering_session(client, key):
    client.force_login(UserFactory(roles=[roles.STEERING_GROUP], with_totp=True))

    response = client.get("/api/v1/themes", headers={"Authorization": f"Bearer {key}x"})

    assert response.status_code == 401


@pytest.mark.parametrize(
    ("user_roles", "with_totp", "message"),
    [
        ([roles.MODERATORS], True, "Only the steering group can use this API."),
        ([], True, "Only the steering group can use this API."),
        ([roles.STEERING_GROUP], False, "Set up two-step sign-in before you use this API."),
    ],
)
def test_signed_in_people_need_the_steering_role_and_two_step_sign_in(client, user_roles, with_totp, message):
    client.force_login(UserFactory(roles=user_roles, with_totp=with_totp))

    for url in [*REPORTS, *LISTS]:
        response = client.get(url)
        assert response.status_code == 403, url
        assert response.json() == {"detail": message}


def test_a_steering_member_with_two_step_sign_in_reads_it_from_the_browser(client, feedback):
    client.force_login(UserFactory(roles=[roles.STEERING_GROUP], with_totp=True))

    for url in [*REPORTS, *LISTS]:
        assert client.get(url).status_code == 200, url
    assert client.get("/api/v1/themes").json()["total"] == 15


def test_a_key_works_and_records_when_it_was_last_used_at_most_once_a_minute(api):
    token = ApiToken.objects.get()
    assert token.last_used_at is None

    assert api("/api/v1/themes").status_code == 200
    token.refresh_from_db()
    first_use = token.last_used_at
    assert first_use is not None
    assert api("/api/v1/codebook").status_code == 200
    token.refresh_from_db()
    assert token.last_used_at == first_use

    ApiToken.objects.filter(pk=token.pk).update(last_used_at=first_use - timedelta(minutes=2))
    api("/api/v1/services")
    token.refresh_from_db()
    assert token.last_used_at > first_use - timedelta(minutes=2)


def test_answers_are_never_cached(api, client, themes):
    for response in (
        api("/api/v1/themes"),
        api(f"/api/v1/themes/{themes['staff'].pk}"),
        api("/api/v1/equity"),
        api("/api/v1/services"),
        api("/api/v1/themes", months=5),  # refused
        api("/api/v1/themes/999999"),  # not found
    ):
        assert response["Cache-Control"] == "private, no-store"


# What it says -----------------------------------------------------------------------------------


def test_the_themes_answer_is_the_dashboard_report_as_json(api, feedback, themes):
    data = api("/api/v1/themes", end="2026-11", months=3).json()

    report = reporting.dashboard(reporting.Filters(start=date(2026, 9, 1), end=date(2026, 12, 1)))
    assert data["period"] == {"start": "2026-09-01", "end": "2026-11-30", "months": 3, "label": report.filters.label()}
    assert data["filters"] == {"end": "2026-11", "months": 3, "service": None, "respondent": None}
    assert data["threshold"] == report.threshold == 10
    assert data["suppressed"].startswith("Counts from 1 to 9 are null")
    assert (data["total"], data["previous_total"], data["change"]) == (
        report.total.value,
        report.previous_total.value,
        report.change.value,
    )
    assert data["by_sentiment"] == {key.value: count.value for key, count in report.by_sentiment.items()}
    assert [(row["id"], row["total"], row["previous_total"], row["change"]) for row in data["themes"]] == [
        (row.theme.pk, row.total.value, row.previous.value, row.change.value) for row in report.themes
    ]
    assert [row["by_sentiment"] for row in data["themes"]] == [
        {key.value: count.value for key, count in row.by_sentiment.items()} for row in report.themes
    ]
    assert data["trend"] == [
        {"month": month.month.strftime("%Y-%m"), "count": month.count.value, "in_period": month.in_period}
        for month in report.trend
    ]
    staff = next(row for row in data["themes"] if row["name"] == STAFF)
    assert (staff["total"], staff["previous_total"], staff["change"]) == (12, 10, 2)
    assert staff["category"] == themes["staff"].category


def test_counts_from_one_to_nine_are_null_never_numbers(api, feedback, themes):
    data = api("/api/v1/themes").json()

    rows = {row["name"]: row for row in data["themes"]}
    assert rows[STAFF]["total"] == 12
    assert rows[FOOD]["total"] is None
    assert rows[FOOD]["by_sentiment"]["negative"] is None
    assert rows[FOOD]["change"] is None
    for url in ["/api/v1/themes", f"/api/v1/themes/{themes['food'].pk}", "/api/v1/equity"]:
        counts = list(counts_in(api(url).json()))
        assert counts, url
        assert not [count for count in counts if count is not None and 0 < count < 10], url
    assert None in counts_in(api("/api/v1/equity").json())


def test_one_theme_is_its_report(api, feedback, themes):
    data = api(f"/api/v1/themes/{themes['staff'].pk}", end="2026-10", months=6).json()

    filters = reporting.Filters(start=date(2026, 5, 1), end=date(2026, 11, 1))
    report = reporting.theme_report(filters, themes["staff"])
    assert data["theme"] == {"id": themes["staff"].pk, "name": STAFF, "category": themes["staff"].category}
    assert data["period"]["start"] == "2026-05-01"
    assert data["period"]["end"] == "2026-10-31"
    assert (data["total"], data["previous_total"], data["change"]) == (
        report.total.value,
        report.previous.value,
        report.change.value,
    )
    assert data["total"] == 22
    assert data["by_sentiment"] == {key.value: count.value for key, count in report.by_sentiment.items()}
    assert [month["count"] for month in data["trend"]] == [month.count.value for month in report.trend]


def test_it_answers_in_english_whatever_the_browser_asks_for(client, key):
    response = client.get("/api/v1/themes", headers={"Authorization": f"Bearer {key}", "Accept-Language": "pl"})

    assert response.json()["period"]["label"] == "September 2026 to November 2026"


def test_an_unknown_theme_is_not_found(api):
    assert api("/api/v1/themes/999999").status_code == 404


def test_the_equity_answer_is_the_equity_report(api, feedback):
    data = api("/api/v1/equity").json()

    report = reporting.equity(reporting.Filters.default(today=TODAY))
    assert data["groups"] == [
        {"key": group.key, "label": group.label, "size": size.value}
        for group, size in zip(report.groups, report.sizes, strict=True)
    ]
    assert [row["theme"]["id"] for row in data["rows"]] == [row.theme.pk for row in report.rows]
    for row, expected in zip(data["rows"], report.rows, strict=True):
        assert [cell["count"] for cell in row["cells"]] == [cell.count.value for cell in expected.cells]
        assert [cell["rate"] for cell in row["cells"]] == [
            None if cell.rate is None else round(cell.rate, 1) for cell in expected.cells
        ]
    everyone = {row["theme"]["name"]: row["cells"][0] for row in data["rows"]}
    assert everyone[STAFF] == {"group": "everyone", "count": 12, "rate": 80.0}
    assert everyone[FOOD] == {"group": "everyone", "count": None, "rate": None}


def test_filters_by_service_and_who_gave_the_feedback(api, feedback):
    willow = feedback["willow"]

    by_service = api("/api/v1/themes", service=willow.pk).json()
    by_carers = api("/api/v1/themes", end="2026-08", months=1, respondent="carer").json()

    assert by_service["filters"]["service"] == willow.pk
    assert by_service["total"] == 12
    assert [row["name"] for row in by_service["themes"]] == [STAFF]
    report = reporting.dashboard(reporting.Filters(start=date(2026, 8, 1), end=date(2026, 9, 1), respondent="carer"))
    assert by_carers["filters"] == {"end": "2026-08", "months": 1, "service": None, "respondent": "carer"}
    assert by_carers["total"] == report.total.value == 0
    assert by_carers["previous_total"] == report.previous_total.value == 10


def test_services_and_codebook_label_what_the_reports_show(api, feedback):
    services = api("/api/v1/services").json()
    codebook = api("/api/v1/codebook").json()

    willow = next(service for service in services if service["id"] == feedback["willow"].pk)
    assert willow == {
        "id": feedback["willow"].pk,
        "name": "Willow Ward",
        "organisation": feedback["willow"].organisation.name,
        "ward_type": "acute",
        "ward_type_label": "Acute mental-health ward",
        "place": "Anytown",
        "offered": True,
    }
    assert len(codebook) == Theme.objects.count()
    staff = next(theme for theme in codebook if theme["name"] == STAFF)
    assert set(staff) == {"id", "name", "category", "description", "in_use"}
    assert staff["in_use"] is True


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"end": "November"}, "end", "Give the month as YYYY-MM, from 2024-01 to 2026-12."),
        ({"end": "2026-13"}, "end", "Give the month as YYYY-MM, from 2024-01 to 2026-12."),
        ({"end": "2027-01"}, "end", "Give the month as YYYY-MM, from 2024-01 to 2026-12."),
        ({"end": "2020-01"}, "end", "Give the month as YYYY-MM, from 2024-01 to 2026-12."),
        ({"months": 5}, "months", "months must be one of 1, 3, 6, 12."),
        ({"months": "three"}, "months", None),
        ({"service": 999999}, "service", "No service has the id 999999; /services lists them."),
        ({"service": "willow"}, "service", None),
        ({"respondent": "robot"}, "respondent", None),
    ],
)
def test_bad_filters_are_refused_with_a_clear_message(api, themes, params, field, message):
    for url in [*REPORTS, f"/api/v1/themes/{themes['staff'].pk}"]:
        response = api(url, **params)

        assert response.status_code == 422, url
        [error] = response.json()["detail"]
        assert error["loc"] == ["query", field]
        if message:
            assert error["msg"] == message
        else:
            assert error["msg"]


# The OpenAPI document ---------------------------------------------------------------------------


def test_the_openapi_document_describes_every_path_the_key_and_nullable_counts(client):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    document = response.json()
    assert document["info"]["title"] == "Lived experience portal steering API"
    assert set(document["paths"]) == {
        "/api/v1/themes",
        "/api/v1/themes/{theme_id}",
        "/api/v1/equity",
        "/api/v1/services",
        "/api/v1/codebook",
    }
    assert all(set(methods) == {"get"} for methods in document["paths"].values())
    schemes = document["components"]["securitySchemes"]
    assert {"type": "http", "scheme": "bearer"} in schemes.values()
    for methods in document["paths"].values():
        assert {"ApiKey": []} in methods["get"]["security"]
    schemas = document["components"]["schemas"]
    nullable = {"anyOf": [{"type": "integer"}, {"type": "null"}]}
    for schema, field in [
        ("DashboardOut", "total"),
        ("DashboardOut", "change"),
        ("ThemeRowOut", "total"),
        ("BySentiment", "negative"),
        ("MonthCountOut", "count"),
        ("GroupOut", "size"),
        ("EquityCellOut", "count"),
    ]:
        assert schemas[schema]["properties"][field]["anyOf"] == nullable["anyOf"], (schema, field)
    months = next(
        param for param in document["paths"]["/api/v1/themes"]["get"]["parameters"] if param["name"] == "months"
    )
    assert months["schema"]["enum"] == [1, 3, 6, 12]


def test_there_are_no_swagger_pages(client):
    assert client.get("/api/v1/docs/").status_code == 404


# Cost -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        # Key lookup, then the report's own queries.
        ("/api/v1/themes", 4),
        ("/api/v1/themes?service={service}&respondent=patient_now", 5),
        ("/api/v1/themes/{theme}", 3),
        ("/api/v1/equity", 4),
        ("/api/v1/services", 2),
        ("/api/v1/codebook", 2),
    ],
)
def test_each_answer_takes_a_fixed_number_of_queries(
    client, key, feedback, themes, django_assert_num_queries, url, queries
):
    for _n in range(5):
        approved(submitted_at=at(2026, 11), themes=[themes["activities"], themes["food"]], sentiment="neutral")
    ServiceFactory.create_batch(3)
    url = url.format(service=feedback["willow"].pk, theme=themes["staff"].pk)
    client.get("/api/v1/codebook", headers={"Authorization": f"Bearer {key}"})  # last used: written once

    with django_assert_num_queries(queries):
        response = client.get(url, headers={"Authorization": f"Bearer {key}"})

    assert response.status_code == 200


def test_a_browser_session_costs_a_fixed_number_of_queries_too(
    client, feedback, django_assert_num_queries, session_read_queries
):
    client.force_login(UserFactory(roles=[roles.STEERING_GROUP], with_totp=True))

    # Session, user, roles and MFA, then the report's three, then the session saved (three, with the
    # test's savepoint), as every signed-in request saves it.
    with django_assert_num_queries(9 + session_read_queries):
        response = client.get("/api/v1/themes")

    assert response.status_code == 200


# Keys -------------------------------------------------------------------------------------------


def test_api_tokens_create_list_and_revoke(capsys, client):
    call_command("api_tokens", "create", "Trust BI dashboard")
    made = capsys.readouterr().out
    token = ApiToken.objects.get()
    [key] = re.findall(r"^    (\S+)$", made, flags=re.MULTILINE)

    assert "cannot be shown again" in made
    assert len(key) >= 40
    assert token.name == "Trust BI dashboard"
    assert token.digest == api_keys.digest(key)
    assert key not in json.dumps(list(ApiToken.objects.values()), default=str)
    created = AuditEvent.objects.get(action="api_token.created")
    assert created.object_id == str(token.pk)
    assert key not in json.dumps(created.detail)
    assert client.get("/api/v1/themes", headers={"Authorization": f"Bearer {key}"}).status_code == 200

    call_command("api_tokens", "list")
    listed = capsys.readouterr().out
    assert "Trust BI dashboard" in listed
    assert key not in listed

    call_command("api_tokens", "revoke", str(token.pk))
    assert "Revoked API key" in capsys.readouterr().out
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert AuditEvent.objects.get(action="api_token.revoked").object_id == str(token.pk)
    assert client.get("/api/v1/themes", headers={"Authorization": f"Bearer {key}"}).status_code == 401

    with pytest.raises(CommandError, match="already revoked"):
        call_command("api_tokens", "revoke", str(token.pk))
    with pytest.raises(CommandError, match="no API key"):
        call_command("api_tokens", "revoke", "999999")
    assert AuditEvent.objects.filter(action="api_token.revoked").count() == 1


def test_a_key_needs_a_name(capsys):
    with pytest.raises(CommandError):
        call_command("api_tokens", "create", "   ")
    assert not ApiToken.objects.exists()
    assert not AuditEvent.objects.filter(action="api_token.created").exists()
