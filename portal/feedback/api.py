"""The steering group's read-only JSON API, for a trust's own dashboards, at /api/v1/.

Every count comes from portal.feedback.reporting, disclosure control included: a count the steering
pages show as "fewer than 10" is null here, never a number. Callers send an API key made with
`manage.py api_tokens create`, or, from a browser, are signed in as a steering-group member with
two-step sign-in. The OpenAPI document is at /api/v1/openapi.json. There is no Swagger page: it loads
from a CDN that our Content Security Policy blocks.

The API answers in English whatever the browser asks for: it is read by dashboards, not by people.
"""

from datetime import datetime, timedelta
from typing import Annotated, Literal

from allauth.mfa.utils import is_mfa_enabled
from django.shortcuts import get_object_or_404
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import AuthenticationError, AuthorizationError, ValidationError
from ninja.security import HttpBearer, SessionAuth
from pydantic import StringConstraints, field_validator
from pydantic_core import PydanticCustomError

from portal.core.roles import STEERING_GROUP, has_role

from . import api_keys, reporting
from .api_schemas import CodebookThemeOut, DashboardOut, EquityOut, ServiceOut, ThemeReportOut
from .choices import Respondent
from .models import Service, Theme

# Nothing here may sit in a shared cache or a browser's history of pages.
CACHE_CONTROL = "private, no-store"


class SteeringAPI(NinjaAPI):
    def create_response(self, request, data, *, status=None, temporal_response=None):
        """Every answer, errors included, is private and uncached; a 401 says how to authenticate."""
        response = super().create_response(request, data, status=status, temporal_response=temporal_response)
        response["Cache-Control"] = CACHE_CONTROL
        if response.status_code == 401:
            response["WWW-Authenticate"] = 'Bearer realm="steering API"'
        return response


class ApiKey(HttpBearer):
    """`Authorization: Bearer <key>`, with a key from `manage.py api_tokens create`."""

    def __call__(self, request):
        # HttpBearer's own version logs the whole header, key and all, in debug mode when the scheme
        # is not Bearer. Keys are never logged.
        scheme, _space, key = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer":
            return None
        return self.authenticate(request, key.strip())

    def authenticate(self, request, token):
        found = api_keys.authenticate(token)
        if found is None:
            # A caller that sent a key meant to use it: do not fall back to the session.
            raise AuthenticationError(message="The API key is wrong or has been revoked.")
        return found


class SteeringSession(SessionAuth):
    """A signed-in steering-group member with two-step sign-in, as for the steering pages."""

    def authenticate(self, request, key):
        user = request.user
        if not user.is_authenticated:
            return None
        if not has_role(user, STEERING_GROUP):
            raise AuthorizationError(message="Only the steering group can use this API.")
        if not is_mfa_enabled(user):
            raise AuthorizationError(message="Set up two-step sign-in before you use this API.")
        return user


api = SteeringAPI(
    title="Lived experience portal steering API",
    version="1",
    description=(
        "Anonymised theme counts from approved feedback, for the steering group and the trust's own "
        "dashboards. Counts from 1 to the threshold less one are null, and so are larger counts that "
        "would give a small one away."
    ),
    docs_url=None,
    urls_namespace="steering_api",
    auth=[ApiKey(), SteeringSession()],
)


# Query parameters ----------------------------------------------------------------------------------


# Literal, not str, so the OpenAPI document lists the values and a wrong one is named in the error.
RespondentValue = Literal[tuple(Respondent.values)]
Month = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}$")]


class ReportQuery(Schema):
    end: Month | None = Field(
        None,
        description="The last month the report covers, as YYYY-MM: this month or one of the 35 before. "
        "Last month (the last whole month) if not given.",
        examples=["2025-06"],
    )
    months: int = Field(
        3,
        description="How many months the report covers, ending with `end`.",
        json_schema_extra={"enum": [*reporting.PERIOD_MONTHS]},
    )
    service: int | None = Field(None, description="Only feedback about this service (an id from /services).")
    respondent: RespondentValue | None = Field(None, description="Only feedback from this group of people.")

    @field_validator("end", mode="before")
    @classmethod
    def _end_is_an_offered_month(cls, value):
        """Before the type's own check, so a badly written month gets this message, not a regex."""
        if value is None:
            return None
        months = [month for month, _label in reporting.period_choices()]
        if value not in months:
            raise PydanticCustomError(
                "month",
                "Give the month as YYYY-MM, from {first} to {last}.",
                {"first": months[-1], "last": months[0]},
            )
        return value

    @field_validator("months")
    @classmethod
    def _months_is_a_period(cls, value):
        if value not in reporting.PERIOD_MONTHS:
            raise PydanticCustomError(
                "months",
                "months must be one of {choices}.",
                {"choices": ", ".join(map(str, reporting.PERIOD_MONTHS))},
            )
        return value

    def filters(self) -> reporting.Filters:
        last_month = reporting.last_complete_month()
        if self.end:
            last_month = datetime.strptime(self.end, "%Y-%m").date()
        service = None
        if self.service is not None:
            service = Service.objects.select_related("organisation").filter(pk=self.service).first()
            if service is None:
                raise ValidationError(
                    [
                        {
                            "type": "unknown_service",
                            "loc": ["query", "service"],
                            "msg": f"No service has the id {self.service}; /services lists them.",
                        }
                    ]
                )
        return reporting.Filters.ending(
            last_month, months=self.months, service=service, respondent=self.respondent or ""
        )


# Answers, built from the reports (shapes in api_schemas.py) ----------------------------------------


def _suppressed_text(threshold: int) -> str:
    if threshold <= 1:
        return "No counts are hidden."
    return (
        f"Counts from 1 to {threshold - 1} are null (the steering pages show “fewer than {threshold}”). "
        "Some larger counts are null too, where with a total they would give a small one away."
    )


def _report(filters: reporting.Filters, threshold: int) -> dict:
    return {
        "period": {
            "start": filters.start,
            "end": filters.end - timedelta(days=1),
            "months": filters.months,
            "label": filters.label(),
        },
        "filters": {
            "end": filters.last_month.strftime("%Y-%m"),
            "months": filters.months,
            "service": filters.service.pk if filters.service else None,
            "respondent": filters.respondent or None,
        },
        "threshold": threshold,
        "suppressed": _suppressed_text(threshold),
    }


def _by_sentiment(counts: dict[str, reporting.Number]) -> dict[str, int | None]:
    return {sentiment.value: counts[sentiment].value for sentiment in reporting.SENTIMENTS}


def _trend(trend: list[reporting.MonthCount]) -> list[dict]:
    return [
        {"month": month.month.strftime("%Y-%m"), "count": month.count.value, "in_period": month.in_period}
        for month in trend
    ]


def _theme(theme: Theme) -> dict:
    return {"id": theme.pk, "name": theme.name, "category": theme.category}


# Endpoints -----------------------------------------------------------------------------------------


@api.get("/themes", response=DashboardOut, summary="Counts per theme, by sentiment, with the trend")
def list_themes(request, query: Query[ReportQuery]):
    filters = query.filters()
    report = reporting.dashboard(filters)
    return {
        **_report(filters, report.threshold),
        "total": report.total.value,
        "previous_total": report.previous_total.value,
        "change": report.change.value,
        "by_sentiment": _by_sentiment(report.by_sentiment),
        "themes": [
            {
                **_theme(row.theme),
                "by_sentiment": _by_sentiment(row.by_sentiment),
                "total": row.total.value,
                "previous_total": row.previous.value,
                "change": row.change.value,
            }
            for row in report.themes
        ],
        "trend": _trend(report.trend),
    }


@api.get("/themes/{theme_id}", response=ThemeReportOut, summary="One theme's counts by sentiment and by month")
def get_theme(request, theme_id: int, query: Query[ReportQuery]):
    found = get_object_or_404(Theme, pk=theme_id)
    filters = query.filters()
    report = reporting.theme_report(filters, found)
    return {
        **_report(filters, report.threshold),
        "theme": _theme(found),
        "total": report.total.value,
        "previous_total": report.previous.value,
        "change": report.change.value,
        "by_sentiment": _by_sentiment(report.by_sentiment),
        "trend": _trend(report.trend),
    }


@api.get("/equity", response=EquityOut, summary="Theme rates by ethnic group, learning disability and autism")
def get_equity(request, query: Query[ReportQuery]):
    filters = query.filters()
    report = reporting.equity(filters)
    return {
        **_report(filters, report.threshold),
        "groups": [
            {"key": group.key, "label": group.label, "size": size.value}
            for group, size in zip(report.groups, report.sizes, strict=True)
        ],
        "rows": [
            {
                "theme": _theme(row.theme),
                "cells": [
                    {
                        "group": group.key,
                        "count": cell.count.value,
                        "rate": None if cell.rate is None else round(cell.rate, 1),
                    }
                    for group, cell in zip(report.groups, row.cells, strict=True)
                ],
            }
            for row in report.rows
        ],
    }


@api.get("/services", response=list[ServiceOut], summary="Every service, to label the service filter")
def list_services(request):
    return [
        {
            "id": service.pk,
            "name": service.name,
            "organisation": service.organisation.name,
            "ward_type": service.ward_type,
            "ward_type_label": str(service.get_ward_type_display()),
            "place": service.place,
            "offered": service.is_active and service.organisation.is_active,
        }
        for service in Service.objects.select_related("organisation")
    ]


@api.get("/codebook", response=list[CodebookThemeOut], summary="Every theme in the codebook")
def list_codebook(request):
    return [
        {
            "id": theme.pk,
            "name": theme.name,
            "category": theme.category,
            "description": theme.description,
            "in_use": theme.is_active,
        }
        for theme in Theme.objects.order_by("category", "name")
    ]
