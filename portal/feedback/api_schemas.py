"""What the steering-group API answers (portal/feedback/api.py), described for its OpenAPI document.

Every count is `int | None`: None (JSON null) where disclosure control hides it, so a dashboard built
from the document knows to expect it.
"""

from datetime import date

from ninja import Field, Schema

COUNT = "A count, or null where disclosure control hides it (see `suppressed`)."


class Period(Schema):
    start: date = Field(description="The first day covered.")
    end: date = Field(description="The last day covered.")
    months: int
    label: str


class EchoedFilters(Schema):
    end: str = Field(description="The last month covered, as YYYY-MM.")
    months: int
    service: int | None
    respondent: str | None


class Report(Schema):
    period: Period
    filters: EchoedFilters
    threshold: int = Field(description="Counts from 1 to this less one are never shown.")
    suppressed: str = Field(description="What a null count means.")


class BySentiment(Schema):
    positive: int | None = Field(description=COUNT)
    mixed: int | None = Field(description=COUNT)
    neutral: int | None = Field(description=COUNT)
    negative: int | None = Field(description=COUNT)


class MonthCountOut(Schema):
    month: str = Field(description="YYYY-MM.")
    count: int | None = Field(description=COUNT)
    in_period: bool = Field(description="False for the months before the period, shown for the trend.")


class ThemeRowOut(Schema):
    id: int
    name: str
    category: str
    by_sentiment: BySentiment
    total: int | None = Field(description=COUNT)
    previous_total: int | None = Field(description="The same count for the period just before. " + COUNT)
    change: int | None = Field(description="total less previous_total; null when either is null.")


class DashboardOut(Report):
    total: int | None = Field(description="Approved feedback in the period. " + COUNT)
    previous_total: int | None = Field(description="The same for the period just before. " + COUNT)
    change: int | None = Field(description="total less previous_total; null when either is null.")
    by_sentiment: BySentiment
    themes: list[ThemeRowOut]
    trend: list[MonthCountOut]


class ThemeOut(Schema):
    id: int
    name: str
    category: str


class ThemeReportOut(Report):
    theme: ThemeOut
    total: int | None = Field(description=COUNT)
    previous_total: int | None = Field(description="The same for the period just before. " + COUNT)
    change: int | None = Field(description="total less previous_total; null when either is null.")
    by_sentiment: BySentiment
    trend: list[MonthCountOut]


class GroupOut(Schema):
    key: str
    label: str
    size: int | None = Field(description="Approved feedback from this group. " + COUNT)


class EquityCellOut(Schema):
    group: str = Field(description="A group key from `groups`.")
    count: int | None = Field(description=COUNT)
    rate: float | None = Field(
        description="count as a percentage of the group's size, to one decimal place; null when either is null."
    )


class EquityRowOut(Schema):
    theme: ThemeOut
    cells: list[EquityCellOut]


class EquityOut(Report):
    groups: list[GroupOut]
    rows: list[EquityRowOut]


class ServiceOut(Schema):
    id: int
    name: str
    organisation: str
    ward_type: str
    ward_type_label: str
    place: str
    offered: bool = Field(description="Whether people can choose it in the feedback form now.")


class CodebookThemeOut(Schema):
    id: int
    name: str
    category: str
    description: str
    in_use: bool = Field(description="Whether moderators can choose it now. Past uses still count.")
