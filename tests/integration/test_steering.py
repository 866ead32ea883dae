"""The steering area: who can reach it, what it counts, and that small numbers never leave it."""

import csv
import io
import re
from datetime import date, datetime, time

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from portal.core import roles
from portal.core.factories import UserFactory
from portal.core.models import AuditEvent
from portal.feedback import reporting
from portal.feedback.factories import ServiceFactory, approved, submission
from portal.feedback.models import Theme

TODAY = date(2026, 12, 5)


def at(year, month, day=10):
    return timezone.make_aware(datetime.combine(date(year, month, day), time(12)))


@pytest.fixture
def themes(db):
    return {
        "staff": Theme.objects.get(name="Staff manner & personal attributes"),
        "food": Theme.objects.get(name="Food & drink provision & facilities"),
        "activities": Theme.objects.get(name="Activities & access to fresh air"),
    }


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)


def counts_on(response):
    """Every count a steering page shows: its data-count marks."""
    return re.findall(r'data-count="([^"]*)"', response.content.decode())


def test_only_signed_in_steering_members_with_mfa_get_in(client, db):
    url = reverse("steering:dashboard")
    assert client.get(url).status_code == 302  # to sign in
    client.force_login(UserFactory(roles=[roles.MODERATORS], with_totp=True))
    assert client.get(url).status_code == 403
    client.force_login(UserFactory(roles=[roles.STEERING_GROUP]))  # no MFA yet
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_index")
    client.force_login(UserFactory(roles=[roles.STEERING_GROUP], with_totp=True))
    assert client.get(url).status_code == 200
    for name in ("steering:equity", "steering:report", "steering:export_csv"):
        assert client.get(reverse(name)).status_code == 200


def test_the_dashboard_counts_confirmed_themes_by_tone_and_hides_small_numbers(steering, themes):
    for _n in range(12):
        approved(submitted_at=at(2026, 10), themes=[themes["staff"]], sentiment="positive")
    for _n in range(3):
        approved(submitted_at=at(2026, 11), themes=[themes["food"]], sentiment="negative")
    # Not counted: waiting for a moderator, or outside the period.
    submission(what_was_good="Lovely staff")
    approved(submitted_at=at(2025, 1), themes=[themes["staff"]])

    response = steering.get(reverse("steering:dashboard"))

    report = response.context["report"]
    rows = {row.theme.name: row for row in report.themes}
    assert report.total.value == 15
    assert rows["Staff manner & personal attributes"].total.value == 12
    assert rows["Staff manner & personal attributes"].by_sentiment["positive"].value == 12
    assert rows["Food & drink provision & facilities"].total.suppressed
    assert "fewer than 10" in response.content.decode()
    assert not any(value.isdigit() and 0 < int(value) < 10 for value in counts_on(response))


def test_a_total_never_gives_back_a_hidden_count(steering, themes):
    for _n in range(15):
        approved(submitted_at=at(2026, 11), themes=[themes["staff"]], sentiment="positive")
    for _n in range(4):
        approved(submitted_at=at(2026, 11), themes=[themes["staff"]], sentiment="negative")

    report = steering.get(reverse("steering:dashboard")).context["report"]

    row = report.themes[0]
    assert row.total.value == 19
    assert row.by_sentiment["negative"].suppressed
    assert row.by_sentiment["positive"].suppressed  # or 19 - 15 would give the 4 back


def test_change_since_the_previous_period(steering, themes):
    for _n in range(10):
        approved(submitted_at=at(2026, 7), themes=[themes["staff"]])  # previous three months
    for _n in range(25):
        approved(submitted_at=at(2026, 10), themes=[themes["staff"]])

    response = steering.get(reverse("steering:dashboard"))

    row = response.context["report"].themes[0]
    assert (row.total.value, row.previous.value, row.change.value) == (25, 10, 15)
    assert "up 15" in response.content.decode()


def test_filters_by_service_period_and_who_gave_the_feedback(steering, themes):
    willow, cedar = ServiceFactory(name="Willow Ward"), ServiceFactory(name="Cedar Ward")
    for _n in range(11):
        approved(submitted_at=at(2026, 5), themes=[themes["staff"]], service=willow, respondent="carer")
    for _n in range(20):
        approved(submitted_at=at(2026, 5), themes=[themes["staff"]], service=cedar)

    def total(**query):
        return steering.get(reverse("steering:dashboard"), query).context["report"].total.value

    assert total() == 0  # May is outside the last three months
    assert total(end="2026-06", months="3") == 31
    assert total(end="2026-06", months="3", service=willow.pk) == 11
    assert total(end="2026-06", months="3", respondent="carer") == 11
    assert total(end="2026-11", months="12") == 31


def test_a_bad_filter_says_what_is_wrong_and_shows_the_default_report(steering, db):
    response = steering.get(reverse("steering:dashboard"), {"months": "5", "service": "999999"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert 'href="#id_months"' in page and 'href="#id_service"' in page
    assert response.context["filters"] == reporting.Filters.default(today=TODAY)


def test_the_dashboard_takes_a_fixed_number_of_queries(
    steering, themes, django_assert_num_queries, session_read_queries
):
    for theme in themes.values():
        for _n in range(3):
            approved(submitted_at=at(2026, 10), themes=[theme])
    url = reverse("steering:dashboard")
    steering.get(url)
    # The report itself takes three (months by tone, themes now and before in one, the themes); the rest are
    # the session, user, roles, MFA, the service filter, site settings and the page header's
    # permissions. More feedback or more themes add none.
    with django_assert_num_queries(15 + session_read_queries):
        steering.get(url)
    for _n in range(30):
        approved(submitted_at=at(2026, 9), themes=list(Theme.objects.all()[:20]))
    with django_assert_num_queries(15 + session_read_queries):
        steering.get(url)


def test_quotes_are_redacted_words_people_agreed_to_share(steering, themes):
    shared = approved(
        submitted_at=at(2026, 10),
        themes=[themes["staff"]],
        consent_to_share=True,
        quotable=True,
        what_was_good="Nurse Priya Kaur was kind.",
        redacted_what_was_good="Nurse [name] was kind.",
    )
    approved(
        submitted_at=at(2026, 10),
        themes=[themes["staff"]],
        consent_to_share=False,
        redacted_what_was_good="Not to be shared.",
    )
    approved(
        submitted_at=at(2026, 10),
        themes=[themes["staff"]],
        consent_to_share=True,
        quotable=False,  # the moderator decided it could identify someone
        redacted_what_was_good="The moderator kept this back.",
    )

    page = steering.get(reverse("steering:theme", args=[themes["staff"].pk])).content.decode()

    assert "Nurse [name] was kind." in page
    assert "Priya" not in page
    assert "Not to be shared." not in page
    assert "kept this back" not in page
    assert shared.reference not in page  # quotes carry no reference


def test_equity_compares_groups_with_everyone(steering, themes):
    for _n in range(20):
        approved(submitted_at=at(2026, 10), themes=[themes["staff"]], ethnic_group="white", autism="no")
    for _n in range(10):
        approved(submitted_at=at(2026, 10), themes=[themes["staff"]], ethnic_group="black", autism="yes")
    for _n in range(10):
        approved(submitted_at=at(2026, 10), themes=[themes["food"]], ethnic_group="black", autism="yes")

    report = steering.get(reverse("steering:equity")).context["report"]

    keys = [group.key for group in report.groups]
    sizes = dict(zip(keys, (number.value for number in report.sizes), strict=True))
    assert sizes["everyone"] == 40 and sizes["white"] == 20 and sizes["black"] == 20 and sizes["autism"] == 20
    staff = next(row for row in report.rows if row.theme == themes["staff"])
    cells = dict(zip(keys, staff.cells, strict=True))
    assert cells["everyone"].rate == 75
    assert cells["white"].rate == 100
    assert cells["black"].rate == 50
    assert cells["autism"].rate == 50
    assert cells["asian"].count.value == 0


def test_equity_hides_a_group_that_totals_would_give_away(steering, themes):
    for _n in range(30):
        approved(submitted_at=at(2026, 10), themes=[themes["staff"]], learning_disability="yes")
    for _n in range(3):
        approved(submitted_at=at(2026, 10), themes=[themes["staff"]], learning_disability="no")

    report = steering.get(reverse("steering:equity")).context["report"]

    keys = [group.key for group in report.groups]
    sizes = dict(zip(keys, report.sizes, strict=True))
    assert sizes["everyone"].value == 33
    # Everyone minus people with a learning disability would be the 3 others.
    assert sizes["learning_disability"].suppressed


def test_the_csv_download_matches_the_page_and_is_audited(steering, themes):
    for _n in range(12):
        approved(submitted_at=at(2026, 10), themes=[themes["staff"]], sentiment="negative")
    for _n in range(2):
        approved(submitted_at=at(2026, 10), themes=[themes["food"]], sentiment="negative")

    response = steering.get(reverse("steering:export_csv"), {"end": "2026-11", "months": "3"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="themes-2026-09-to-2026-11.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    header = rows.index(
        ["Category", "Theme", "Positive", "Mixed", "Neutral", "Negative", "Total", "Previous period", "Change"]
    )
    by_theme = {row[1]: row for row in rows[header + 1 :]}
    assert by_theme["Staff manner & personal attributes"][5:7] == ["12", "12"]
    assert by_theme["Food & drink provision & facilities"][5:7] == ["fewer than 10", "fewer than 10"]
    event = AuditEvent.objects.get(action="steering.exported")
    assert event.detail == {"end": "2026-11", "months": "3"}


def test_export_themes_writes_the_same_csv(steering, themes, tmp_path):
    for _n in range(12):
        approved(submitted_at=at(2026, 10), themes=[themes["staff"]])
    download = steering.get(reverse("steering:export_csv"), {"end": "2026-11", "months": "3"}).content.decode()
    output = tmp_path / "themes.csv"

    call_command("export_themes", "--format", "csv", "--end", "2026-11", "--months", "3", "--output", str(output))

    assert output.read_bytes().decode() == download


def test_export_themes_refuses_bad_filters(db):
    with pytest.raises(Exception, match="--months"):
        call_command("export_themes", "--months", "7")


def test_a_theme_name_cannot_become_a_spreadsheet_formula(steering, db):
    theme = Theme.objects.create(category="Test", name='=HYPERLINK("http://example.com")')
    for _n in range(10):
        approved(submitted_at=at(2026, 10), themes=[theme])
    content = steering.get(reverse("steering:export_csv")).content.decode()
    assert "'=HYPERLINK" in content


def test_the_printable_report_has_every_section(steering, themes):
    for _n in range(10):
        approved(submitted_at=at(2026, 10), themes=[themes["staff"]])
    page = steering.get(reverse("steering:report")).content.decode()
    for heading in ("Themes by tone", "Approved feedback each month", "Share of each group", "You said, we did"):
        assert heading in page
