"""Steering reports at scale: dashboard, theme, equity and quotes over 1,000,000 approved submissions.

Loads BENCH_STEERING_ROWS synthetic approved submissions (portal.feedback.synthetic) spread over the
last 24 months: 1,000,000 on PostgreSQL, 100,000 on SQLite, where loading a million takes too long to
be worth it. Rows already there for the benchmark's seed count towards the total, so a second run
loads nothing. They are spread over 40 services, weighted so a few are busy.

Each report is timed (median of 5 after one warm-up) for four choices a steering group makes: the
default 3 months, 12 months, the busiest service over 12 months, and carers over 3 months. The theme
page and quotes use the commonest theme, which has the most rows to count. On PostgreSQL, after
VACUUM ANALYZE (what autovacuum does in production), every query a report makes is explained, and
the figures say how each scans feedback_submission and its themes table.
"""

import json
import os
import statistics
import time
from datetime import timedelta

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from portal.feedback import reporting, synthetic
from portal.feedback.choices import Respondent, SubmissionStatus
from portal.feedback.models import Organisation, Service, Submission, Theme
from portal.feedback.steering_views import QUOTES_PER_PAGE

SEED = 1
SERVICES = 40
MONTHS = 24
REPEAT = 5

# For 1,000,000 approved submissions on PostgreSQL, about 40,000 a month: far more than one trust
# receives, so a trust's own pages are quicker. Times are server time for the report alone, without
# rendering. Chosen from the figures of 2026-12-02 (docs/operations/benchmarks.md), on a busy 2-core machine.
TARGETS = {
    "dashboard_3m_ms": ("<=", 1500, "the default view a steering group opens first answers in a second or so"),
    "dashboard_12m_ms": (
        "<=",
        3000,
        "the widest common view, which reads two years to compare with the year before, within 3 seconds",
    ),
    "dashboard_service_12m_ms": ("<=", 1500, "a service lead's own year is as quick as the default view"),
    "theme_12m_ms": ("<=", 1500, "following a theme from the dashboard takes no longer than the dashboard"),
    "equity_12m_ms": ("<=", 2000, "the equity table for a year within 2 seconds"),
    "quotes_12m_ms": ("<=", 1000, "turning a page of quotes feels immediate"),
}


def rows_wanted() -> int:
    default = 1_000_000 if connection.vendor == "postgresql" else 100_000
    return int(os.environ.get("BENCH_STEERING_ROWS", default))


def bench_services() -> list[Service]:
    """Forty services in four organisations, made once."""
    services = []
    for number in range(SERVICES):
        organisation, _new = Organisation.objects.get_or_create(name=f"Benchmark trust {number % 4 + 1}")
        service, _new = Service.objects.get_or_create(
            organisation=organisation, name=f"Benchmark ward {number + 1:02d}", defaults={"ward_type": "acute"}
        )
        services.append(service)
    return services


def load(rows: int) -> dict:
    """Top the benchmark's synthetic feedback up to `rows`; nothing to do on a second run."""
    existing = synthetic.synthetic(SEED).count()
    started = time.perf_counter()
    added = 0
    if existing < rows:
        now = timezone.now()
        added = synthetic.generate_approved(
            rows - existing,
            start=now - timedelta(days=MONTHS * 365 / 12),
            end=now,
            seed=SEED,
            services=bench_services(),
        )
    return {"rows_added": added, "load_seconds": round(time.perf_counter() - started, 1)}


def analyse() -> None:
    """Fresh planner statistics, and on PostgreSQL a visibility map so index-only scans can be used."""
    if connection.vendor != "postgresql":
        return
    tables = [Submission._meta.db_table, Submission.themes.through._meta.db_table]
    with connection.cursor() as cursor:
        for table in tables:
            # VACUUM cannot run in a transaction (as under the tests); ANALYZE alone still can.
            cursor.execute(f"{'ANALYZE' if connection.in_atomic_block else 'VACUUM ANALYZE'} {table}")


def choices() -> tuple[dict, Theme]:
    """The report filters timed, by name, and the theme the theme page and quotes use."""
    approved = Submission.objects.filter(status=SubmissionStatus.APPROVED)
    busiest = approved.exclude(service=None).values("service").annotate(n=Count("id")).order_by("-n").first()
    links = Submission.themes.through.objects.filter(submission__status=SubmissionStatus.APPROVED)
    commonest = links.values("theme").annotate(n=Count("id")).order_by("-n").first()
    three, twelve = reporting.Filters.default(months=3), reporting.Filters.default(months=12)
    filters = {
        "3m": three,
        "12m": twelve,
        "service_12m": reporting.Filters(
            start=twelve.start, end=twelve.end, service=Service.objects.get(pk=busiest["service"])
        ),
        "carers_3m": reporting.Filters(start=three.start, end=three.end, respondent=Respondent.CARER),
    }
    return filters, Theme.objects.get(pk=commonest["theme"])


def reports(theme) -> dict:
    return {
        "dashboard": reporting.dashboard,
        "theme": lambda filters: reporting.theme_report(filters, theme),
        "equity": reporting.equity,
        "quotes": lambda filters: list(Paginator(reporting.quotes(filters, theme), QUOTES_PER_PAGE).get_page(1)),
    }


def median_ms(report, filters, repeat=REPEAT) -> float:
    report(filters)  # warm-up: connection, caches and the database's own buffers
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        report(filters)
        times.append(time.perf_counter() - started)
    return round(statistics.median(times) * 1000, 1)


def scans(report, filters) -> list[str]:
    """How each of the report's queries reads feedback_submission and its themes table, from EXPLAIN."""
    watched = {Submission._meta.db_table: "submission", Submission.themes.through._meta.db_table: "links"}
    with CaptureQueriesContext(connection) as captured:
        report(filters)
    described = []
    for query in captured.captured_queries:
        if not any(table in query["sql"] for table in watched):
            continue
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (FORMAT JSON) " + query["sql"])
            plan = cursor.fetchone()[0]
        plan = json.loads(plan) if isinstance(plan, str) else plan
        found = []
        _walk(plan[0]["Plan"], watched, found)
        described.append(", ".join(found))
    return described


def _walk(node, watched, found):
    relation = watched.get(node.get("Relation Name"))
    if relation:
        indexes = [node["Index Name"]] if "Index Name" in node else []
        indexes += [child["Index Name"] for child in node.get("Plans", []) if "Index Name" in child]
        found.append(f"{relation}: {node['Node Type']}{' ' + '+'.join(indexes) if indexes else ''}")
    for child in node.get("Plans", []):
        _walk(child, watched, found)


def run():
    rows = rows_wanted()
    figures = {"database": connection.vendor, **load(rows)}
    analyse()
    figures["rows"] = synthetic.synthetic(SEED).count()
    figures["theme_links"] = Submission.themes.through.objects.filter(
        submission__draft_digest__startswith=synthetic.prefix(SEED)
    ).count()
    filters_by_name, theme = choices()
    figures["theme"] = theme.name
    for report_name, report in reports(theme).items():
        for case, filters in filters_by_name.items():
            figures[f"{report_name}_{case}_ms"] = median_ms(report, filters)
    if connection.vendor == "postgresql":
        for report_name, report in reports(theme).items():
            for case, filters in filters_by_name.items():
                described = scans(report, filters)
                figures[f"{report_name}_{case}_submission_seq_scans"] = sum(
                    "submission: Seq Scan" in query for query in described
                )
                figures[f"{report_name}_{case}_plans"] = " | ".join(described)
    return figures
