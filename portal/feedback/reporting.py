"""Steering-group reporting: anonymised theme counts, trends and equity, with disclosure control.

Everything here reads approved feedback only, and only what a moderator confirmed: the themes and
sentiment they saved and the redacted words. Suggestions, raw words and contact details are never read.

Each report builds one disclosure-control table (portal.core.disclosure) holding every number it will
show, with the relations between them, so a total on the page cannot give back a hidden cell anywhere
else on it. The steering pages, the CSV, the printable report, `manage.py export_themes` and the JSON API
all take their numbers from the reports built here, never from their own queries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db.models import BooleanField, Case, Count, Q, Value, When
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.core import disclosure

from .choices import EthnicGroup, Respondent, Sentiment, SubmissionStatus, YesNoUnsure
from .models import Service, Submission, Theme

SENTIMENTS = [Sentiment.POSITIVE, Sentiment.MIXED, Sentiment.NEUTRAL, Sentiment.NEGATIVE]
# Approved feedback with no words has no sentiment: counted in totals, never shown on its own.
NO_SENTIMENT = ""
PERIOD_MONTHS = (1, 3, 6, 12)
TREND_MONTHS = 12
NOT_STATED = "not_stated"


# Periods -------------------------------------------------------------------------------------------


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def months_between(start: date, end: date) -> list[date]:
    """The first day of each month from start up to, not including, end."""
    months, month = [], start
    while month < end:
        months.append(month)
        month = add_months(month, 1)
    return months


def last_complete_month(today: date | None = None) -> date:
    return add_months(month_start(today or timezone.localdate()), -1)


def month_label(month: date) -> str:
    return date_format(month, "F Y")


def short_month_label(month: date) -> str:
    return date_format(month, "M Y")


@dataclass(frozen=True)
class Filters:
    """What a report covers: whole months from `start` up to (not including) `end`, and who."""

    start: date
    end: date
    service: Service | None = None
    respondent: str = ""

    @classmethod
    def default(cls, *, today: date | None = None, months: int = 3) -> Filters:
        """The last `months` whole months: this month is not over, so comparing it would mislead."""
        return cls.ending(last_complete_month(today), months=months)

    @classmethod
    def ending(cls, last_month: date, *, months: int = 3, service: Service | None = None, respondent: str = ""):
        """`months` months up to and including `last_month`."""
        end = add_months(month_start(last_month), 1)
        return cls(start=add_months(end, -months), end=end, service=service, respondent=respondent)

    @property
    def months(self) -> int:
        return len(months_between(self.start, self.end))

    @property
    def previous(self) -> Filters:
        """The same length of time just before, for "change since the previous period"."""
        return Filters(
            start=add_months(self.start, -self.months),
            end=self.start,
            service=self.service,
            respondent=self.respondent,
        )

    @property
    def last_month(self) -> date:
        return add_months(self.end, -1)

    def label(self) -> str:
        if self.months == 1:
            return month_label(self.start)
        return _("%(start)s to %(end)s") % {"start": month_label(self.start), "end": month_label(self.last_month)}

    def describe(self) -> list[tuple[str, str]]:
        """What the report covers, for its heading, the CSV and the API."""
        return [
            (_("Period"), self.label()),
            (_("Service"), str(self.service) if self.service else _("All services")),
            (
                _("Who gave the feedback"),
                str(Respondent(self.respondent).label) if self.respondent else _("Everyone"),
            ),
        ]

    def as_query(self) -> dict[str, str]:
        """URL parameters that give this report back (see steering_forms.ReportFilterForm)."""
        query = {"end": self.last_month.strftime("%Y-%m"), "months": str(self.months)}
        if self.service:
            query["service"] = str(self.service.pk)
        if self.respondent:
            query["respondent"] = self.respondent
        return query


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    zone = timezone.get_current_timezone()
    return (
        timezone.make_aware(datetime.combine(start, time.min), zone),
        timezone.make_aware(datetime.combine(end, time.min), zone),
    )


def approved(filters: Filters, *, start: date | None = None, end: date | None = None):
    """Approved feedback in the filters' service and respondent group, sent within [start, end)."""
    since, until = _bounds(start or filters.start, end or filters.end)
    queryset = Submission.objects.filter(
        status=SubmissionStatus.APPROVED, submitted_at__gte=since, submitted_at__lt=until
    )
    if filters.service is not None:
        queryset = queryset.filter(service=filters.service)
    if filters.respondent:
        queryset = queryset.filter(respondent=filters.respondent)
    return queryset


def _theme_links(filters: Filters, *, start: date | None = None, end: date | None = None):
    """Rows of the themes-to-feedback table for approved feedback in range (one per theme per feedback).

    Count them with Count("*"), not Count("*"): PostgreSQL can then answer from the (submission, theme)
    index alone, without reading the rows (docs/operations/benchmarks.md, steering_reports).
    """
    since, until = _bounds(start or filters.start, end or filters.end)
    conditions = Q(
        submission__status=SubmissionStatus.APPROVED,
        submission__submitted_at__gte=since,
        submission__submitted_at__lt=until,
    )
    if filters.service is not None:
        conditions &= Q(submission__service=filters.service)
    if filters.respondent:
        conditions &= Q(submission__respondent=filters.respondent)
    return Submission.themes.through.objects.filter(conditions)


# Shown numbers --------------------------------------------------------------------------------------


@dataclass
class Number:
    """One number as it may be shown: `value` is None where disclosure control hides it."""

    value: int | None
    threshold: int

    @property
    def suppressed(self) -> bool:
        return self.value is None

    def __str__(self) -> str:
        return disclosure.display(self.value, self.threshold)

    def as_json(self):
        return self.value


def _count(table: disclosure.Table, key) -> Number:
    return Number(table.shown(key), table.threshold)


@dataclass
class Change:
    """The difference from the previous period, shown only when both counts are."""

    current: Number
    previous: Number

    @property
    def value(self) -> int | None:
        if self.current.suppressed or self.previous.suppressed:
            return None
        return self.current.value - self.previous.value

    def __str__(self) -> str:
        value = self.value
        if value is None:
            return _("not shown")
        if value > 0:
            return _("up %(count)s") % {"count": value}
        if value < 0:
            return _("down %(count)s") % {"count": -value}
        return _("no change")


@dataclass
class MonthCount:
    month: date
    count: Number
    in_period: bool

    @property
    def label(self) -> str:
        return month_label(self.month)

    @property
    def short_label(self) -> str:
        return short_month_label(self.month)


class BySentiment:
    """Counts split by tone, in the order every table shows them. Needs `by_sentiment`."""

    by_sentiment: dict[str, Number]

    def sentiment_counts(self) -> list[Number]:
        return [self.by_sentiment[sentiment] for sentiment in SENTIMENTS]

    def sentiment_rows(self) -> list[tuple[str, Number]]:
        return [(str(sentiment.label), self.by_sentiment[sentiment]) for sentiment in SENTIMENTS]

    @property
    def sentiment_labels(self) -> list[str]:
        return [str(sentiment.label) for sentiment in SENTIMENTS]


@dataclass
class ThemeRow(BySentiment):
    theme: Theme
    by_sentiment: dict[str, Number]
    total: Number
    previous: Number

    @property
    def change(self) -> Change:
        return Change(self.total, self.previous)


@dataclass
class Dashboard(BySentiment):
    filters: Filters
    threshold: int
    total: Number
    previous_total: Number
    by_sentiment: dict[str, Number]
    themes: list[ThemeRow]
    trend: list[MonthCount]
    generated_at: datetime = field(default_factory=timezone.now)

    @property
    def change(self) -> Change:
        return Change(self.total, self.previous_total)


def _trend_months(filters: Filters) -> list[date]:
    """The twelve months up to the period's end, or the whole period (and the one before) if longer."""
    start = min(add_months(filters.end, -TREND_MONTHS), filters.start)
    return months_between(start, filters.end)


def _month_of(value) -> date:
    """The first day of the month TruncMonth gave (a datetime in the current time zone)."""
    if isinstance(value, datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return month_start(value)


def _span(filters: Filters) -> list[date]:
    """Every month a report reads: the trend's twelve and the previous period's."""
    return months_between(min(_trend_months(filters)[0], filters.previous.start), filters.end)


def _by_month_and_sentiment(rows, month_field, sentiment_field, filters, span):
    """Counts by month over the span, and by sentiment within the period, from one grouped query.

    One query, so the two always agree: two queries could see different data if a moderator approved
    something in between, and totals that disagreed would defeat secondary suppression.
    """
    monthly = dict.fromkeys(span, 0)
    sentiments = dict.fromkeys([*SENTIMENTS, NO_SENTIMENT], 0)
    for row in (
        rows.annotate(month=TruncMonth(month_field))
        .values("month", sentiment_field)
        .annotate(count=Count("*"))
        .order_by()
    ):
        month = _month_of(row["month"])
        monthly[month] = monthly.get(month, 0) + row["count"]
        if filters.start <= month < filters.end:
            sentiments[row[sentiment_field]] = sentiments.get(row[sentiment_field], 0) + row["count"]
    return monthly, sentiments


def _period_table(filters: Filters, monthly: dict[date, int], sentiments: dict[str, int]) -> disclosure.Table:
    """A table of the period's total, the previous period's, the tones and the trend's months, related."""
    previous = filters.previous
    trend_months = _trend_months(filters)
    table = disclosure.Table()
    table.add("total", sum(count for month, count in monthly.items() if filters.start <= month < filters.end))
    table.add("previous", sum(count for month, count in monthly.items() if previous.start <= month < previous.end))
    for sentiment, count in sentiments.items():
        table.add(("sentiment", sentiment), count, hidden=sentiment == NO_SENTIMENT)
    table.relate("total", [("sentiment", sentiment) for sentiment in sentiments])
    for month, count in monthly.items():
        table.add(("month", month), count, hidden=month not in trend_months)
    # A period's total is the sum of its months when the trend shows every one of them.
    for total, period in (("total", filters), ("previous", previous)):
        wanted = months_between(period.start, period.end)
        if all(month in trend_months for month in wanted):
            table.relate(total, [("month", month) for month in wanted])
    return table


def _trend(table: disclosure.Table, filters: Filters) -> list[MonthCount]:
    return [
        MonthCount(month, _count(table, ("month", month)), filters.start <= month) for month in _trend_months(filters)
    ]


def dashboard(filters: Filters) -> Dashboard:
    """Counts per theme by sentiment, the change since the previous period, and the monthly trend."""
    span = _span(filters)
    # Two queries: all feedback by month and tone, and themes by tone in this period and the one before.
    monthly, sentiments = _by_month_and_sentiment(
        approved(filters, start=span[0]), "submitted_at", "sentiment", filters, span
    )
    since, _until = _bounds(filters.start, filters.end)
    in_period = Case(
        When(submission__submitted_at__gte=since, then=Value(True)), default=Value(False), output_field=BooleanField()
    )
    links = _theme_links(filters, start=filters.previous.start).annotate(current=in_period)
    theme_counts: dict[int, dict[str, int]] = {}
    previous_counts: dict[int, int] = {}
    for row in links.values("theme_id", "current", "submission__sentiment").annotate(count=Count("*")).order_by():
        if row["current"]:
            theme_counts.setdefault(row["theme_id"], {})[row["submission__sentiment"]] = row["count"]
        else:
            previous_counts[row["theme_id"]] = previous_counts.get(row["theme_id"], 0) + row["count"]
    themes = Theme.objects.filter(pk__in=set(theme_counts) | set(previous_counts)).order_by("category", "name")

    table = _period_table(filters, monthly, sentiments)
    for theme in themes:
        counts = theme_counts.get(theme.pk, {})
        parts = []
        for sentiment in [*SENTIMENTS, NO_SENTIMENT]:
            table.add(("theme", theme.pk, sentiment), counts.get(sentiment, 0), hidden=sentiment == NO_SENTIMENT)
            parts.append(("theme", theme.pk, sentiment))
        table.add(("theme", theme.pk), sum(counts.values()))
        table.relate(("theme", theme.pk), parts)
        table.add(("theme-previous", theme.pk), previous_counts.get(theme.pk, 0))
    table.suppress()

    return Dashboard(
        filters=filters,
        threshold=table.threshold,
        total=_count(table, "total"),
        previous_total=_count(table, "previous"),
        by_sentiment={sentiment: _count(table, ("sentiment", sentiment)) for sentiment in SENTIMENTS},
        themes=[
            ThemeRow(
                theme=theme,
                by_sentiment={sentiment: _count(table, ("theme", theme.pk, sentiment)) for sentiment in SENTIMENTS},
                total=_count(table, ("theme", theme.pk)),
                previous=_count(table, ("theme-previous", theme.pk)),
            )
            for theme in themes
        ],
        trend=_trend(table, filters),
    )


# One theme -----------------------------------------------------------------------------------------


@dataclass
class ThemeReport(BySentiment):
    filters: Filters
    theme: Theme
    threshold: int
    total: Number
    previous: Number
    by_sentiment: dict[str, Number]
    trend: list[MonthCount]

    @property
    def change(self) -> Change:
        return Change(self.total, self.previous)


def theme_report(filters: Filters, theme: Theme) -> ThemeReport:
    """One theme's counts by sentiment and by month, for its own page."""
    span = _span(filters)
    links = _theme_links(filters, start=span[0]).filter(theme=theme)
    monthly, sentiments = _by_month_and_sentiment(
        links, "submission__submitted_at", "submission__sentiment", filters, span
    )
    table = _period_table(filters, monthly, sentiments)
    table.suppress()
    return ThemeReport(
        filters=filters,
        theme=theme,
        threshold=table.threshold,
        total=_count(table, "total"),
        previous=_count(table, "previous"),
        by_sentiment={sentiment: _count(table, ("sentiment", sentiment)) for sentiment in SENTIMENTS},
        trend=_trend(table, filters),
    )


def quotes(filters: Filters, theme: Theme):
    """Approved feedback on a theme whose redacted words the person agreed we may share.

    Returns a queryset of submissions with only what a quote shows loaded: the redacted words,
    sentiment, month and service. Never the raw words.
    """
    return (
        approved(filters)
        .filter(themes=theme, quotable=True, consent_to_share=True)
        .exclude(redacted_what_was_good="", redacted_what_could_be_better="")
        .select_related("service")
        .only(
            "id",
            "submitted_at",
            "sentiment",
            "respondent",
            "redacted_what_was_good",
            "redacted_what_could_be_better",
            "service__name",
        )
        .order_by("-submitted_at", "-id")
    )


# Equity -------------------------------------------------------------------------------------------


@dataclass
class Group:
    key: str
    label: str


@dataclass
class EquityCell:
    count: Number
    size: Number

    @property
    def rate(self) -> float | None:
        """The share of this group's feedback on the theme, as a percentage, or None if not shown."""
        if self.count.suppressed or self.size.suppressed or not self.size.value:
            return None
        return 100 * self.count.value / self.size.value

    @property
    def rate_text(self) -> str:
        rate = self.rate
        return _("not shown") if rate is None else f"{rate:.0f}%"


@dataclass
class EquityRow:
    theme: Theme
    cells: list[EquityCell]


@dataclass
class Equity:
    filters: Filters
    threshold: int
    groups: list[Group]
    sizes: list[Number]
    rows: list[EquityRow]


# "Prefer not to say" and no answer at all are one column: both are people we cannot place.
ETHNIC_GROUPS = [group for group in EthnicGroup if group != EthnicGroup.PREFER_NOT]
ETHNIC_KEYS = frozenset(group.value for group in ETHNIC_GROUPS)
EVERYONE = "everyone"
EQUITY_GROUP_LABELS = {
    EVERYONE: gettext_lazy("Everyone"),
    NOT_STATED: gettext_lazy("Ethnic group not stated"),
    "learning_disability": gettext_lazy("People with a learning disability"),
    "autism": gettext_lazy("Autistic people"),
}


def _ethnic_key(value: str) -> str:
    return value if value in ETHNIC_KEYS else NOT_STATED


def equity(filters: Filters) -> Equity:
    """Theme rates for each ethnic group, people with a learning disability and autistic people.

    A group's rate for a theme is the share of the group's approved feedback tagged with it. Ethnic
    groups and "not stated" add up to everyone, as do people with a learning disability and everyone
    else (never shown), so each of those is a relation for disclosure control.
    """
    ethnic_keys = [group.value for group in ETHNIC_GROUPS] + [NOT_STATED]
    groups = [Group(EVERYONE, str(EQUITY_GROUP_LABELS[EVERYONE]))]
    groups += [Group(group.value, str(group.label)) for group in ETHNIC_GROUPS]
    groups += [Group(NOT_STATED, str(EQUITY_GROUP_LABELS[NOT_STATED]))]
    groups += [
        Group("learning_disability", str(EQUITY_GROUP_LABELS["learning_disability"])),
        Group("autism", str(EQUITY_GROUP_LABELS["autism"])),
    ]
    # Everyone else, hidden, completes each yes/not-yes pair.
    hidden_keys = ["not_learning_disability", "not_autism"]

    def membership(ethnic_group, learning_disability, autism):
        keys = [EVERYONE, _ethnic_key(ethnic_group)]
        keys.append("learning_disability" if learning_disability == YesNoUnsure.YES else "not_learning_disability")
        keys.append("autism" if autism == YesNoUnsure.YES else "not_autism")
        return keys

    sizes = dict.fromkeys([group.key for group in groups] + hidden_keys, 0)
    for row in (
        approved(filters).values("ethnic_group", "learning_disability", "autism").annotate(count=Count("*")).order_by()
    ):
        for key in membership(row["ethnic_group"], row["learning_disability"], row["autism"]):
            sizes[key] += row["count"]
    counts: dict[int, dict[str, int]] = {}
    for row in (
        _theme_links(filters)
        .values("theme_id", "submission__ethnic_group", "submission__learning_disability", "submission__autism")
        .annotate(count=Count("*"))
        .order_by()
    ):
        theme_counts = counts.setdefault(row["theme_id"], dict.fromkeys(sizes, 0))
        keys = membership(
            row["submission__ethnic_group"], row["submission__learning_disability"], row["submission__autism"]
        )
        for key in keys:
            theme_counts[key] += row["count"]
    themes = Theme.objects.filter(pk__in=counts).order_by("category", "name")

    table = disclosure.Table()

    def add_family(prefix, values):
        for key, value in values.items():
            table.add((*prefix, key), value, hidden=key in hidden_keys)
        table.relate((*prefix, EVERYONE), [(*prefix, key) for key in ethnic_keys])
        table.relate((*prefix, EVERYONE), [(*prefix, "learning_disability"), (*prefix, "not_learning_disability")])
        table.relate((*prefix, EVERYONE), [(*prefix, "autism"), (*prefix, "not_autism")])

    add_family(("size",), sizes)
    for theme in themes:
        add_family(("theme", theme.pk), counts[theme.pk])
    table.suppress()

    size_counts = [_count(table, ("size", group.key)) for group in groups]
    return Equity(
        filters=filters,
        threshold=table.threshold,
        groups=groups,
        sizes=size_counts,
        rows=[
            EquityRow(
                theme=theme,
                cells=[
                    EquityCell(_count(table, ("theme", theme.pk, group.key)), size)
                    for group, size in zip(groups, size_counts, strict=True)
                ],
            )
            for theme in themes
        ],
    )


def period_choices(today: date | None = None, *, years: int = 3) -> list[tuple[str, str]]:
    """Months a report can end in: this one and the ones before, newest first."""
    this_month = month_start(today or timezone.localdate())
    return [
        (add_months(this_month, -n).strftime("%Y-%m"), month_label(add_months(this_month, -n)))
        for n in range(years * 12)
    ]
