"""The steering-group CSV: the dashboard's theme table, as the download and `manage.py export_themes`
write it. Both call write_csv, so both carry exactly the suppression the page shows."""

import csv

from django.utils.translation import gettext as _

from . import reporting


def filename(filters: reporting.Filters) -> str:
    name = f"themes-{filters.start:%Y-%m}-to-{filters.last_month:%Y-%m}"
    if filters.service:
        name += f"-service-{filters.service.pk}"
    if filters.respondent:
        name += f"-{filters.respondent}"
    return f"{name}.csv"


def rows(dashboard: reporting.Dashboard):
    """The CSV's rows: what it covers, then one row for all feedback and one per theme."""
    filters = dashboard.filters
    yield [_("Themes in approved feedback")]
    for label, value in filters.describe():
        yield [label, value]
    yield [
        _("Counts from 1 to %(limit)s are shown as “%(text)s”.")
        % {"limit": dashboard.threshold - 1, "text": reporting.disclosure.fewer_than_text(dashboard.threshold)}
    ]
    yield []
    yield [
        _("Category"),
        _("Theme"),
        *dashboard.sentiment_labels,
        _("Total"),
        _("Previous period"),
        _("Change"),
    ]
    yield [
        "",
        _("All approved feedback"),
        *map(str, dashboard.sentiment_counts()),
        str(dashboard.total),
        str(dashboard.previous_total),
        _signed(dashboard.change.value),
    ]
    for row in dashboard.themes:
        yield [
            row.theme.category,
            row.theme.name,
            *map(str, row.sentiment_counts()),
            str(row.total),
            str(row.previous),
            _signed(row.change.value),
        ]


def _signed(value):
    if value is None:
        return _("not shown")
    return f"{value:+d}" if value else "0"


def write_csv(dashboard: reporting.Dashboard, stream) -> None:
    writer = csv.writer(stream)
    for row in rows(dashboard):
        # A theme name or category beginning with = + - @ would be a formula in a spreadsheet.
        writer.writerow([defuse(cell) for cell in row])


def defuse(cell: str) -> str:
    """The cell as text a spreadsheet shows as text, never runs as a formula (the research export uses it too)."""
    if cell and cell[0] in "=+-@\t\r" and not _is_number(cell):
        return "'" + cell
    return cell


def _is_number(cell: str) -> bool:
    try:
        int(cell)
    except ValueError:
        return False
    return True
