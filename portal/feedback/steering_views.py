"""The steering area (/steering/): anonymised themes, trends, equity and quotes for the Steering group.

Only members of the Steering group role reach it, with MFA (RequireMFAForStaffMiddleware covers the
/steering/ prefix). Every number comes from portal.feedback.reporting, after disclosure control.
"""

import io

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from portal.core import audit
from portal.core.decorators import WITH_FORM, staff_area_view
from portal.core.roles import STEERING_GROUP, has_role

from . import charts, exports, reporting
from .models import Action, Theme
from .steering_forms import ReportFilterForm

QUOTES_PER_PAGE = 10


def _is_steering_member(user):
    return has_role(user, STEERING_GROUP)


# The report pages are read-only; the pages with a form show it on GET and take it on POST.
steering_member_required = staff_area_view(_is_steering_member)
steering_member_form = staff_area_view(_is_steering_member, methods=WITH_FORM)


def _filters(request):
    """The report's filters from the query string, and the form that shows and changes them."""
    keys = {"end", "months", "service", "respondent"}
    if keys & set(request.GET):
        form = ReportFilterForm(request.GET)
        filters = form.filters()
    else:
        filters = reporting.Filters.default()
        form = ReportFilterForm(initial=filters.as_query())
    return form, filters


@steering_member_required
def dashboard(request):
    form, filters = _filters(request)
    report = reporting.dashboard(filters)
    return render(
        request,
        "feedback/steering/dashboard.html",
        {
            "form": form,
            "filters": filters,
            "report": report,
            "chart": charts.monthly_bars(report.trend),
            "query": filters.as_query(),
        },
    )


@steering_member_required
def theme(request, pk):
    theme = get_object_or_404(Theme, pk=pk)
    form, filters = _filters(request)
    report = reporting.theme_report(filters, theme)
    quotes = Paginator(reporting.quotes(filters, theme), QUOTES_PER_PAGE).get_page(request.GET.get("page"))
    actions = Action.objects.filter(themes=theme).order_by("status", "-updated_at")
    return render(
        request,
        "feedback/steering/theme.html",
        {
            "form": form,
            "filters": filters,
            "theme": theme,
            "report": report,
            "chart": charts.monthly_bars(report.trend),
            "quotes": quotes,
            "actions": actions,
            "query": filters.as_query(),
        },
    )


@steering_member_required
def equity(request):
    form, filters = _filters(request)
    return render(
        request,
        "feedback/steering/equity.html",
        {"form": form, "filters": filters, "report": reporting.equity(filters), "query": filters.as_query()},
    )


@steering_member_required
def report(request):
    """Everything on one page, laid out for printing or saving as a PDF from the browser."""
    form, filters = _filters(request)
    dashboard = reporting.dashboard(filters)
    return render(
        request,
        "feedback/steering/report.html",
        {
            "form": form,
            "filters": filters,
            "report": dashboard,
            "chart": charts.monthly_bars(dashboard.trend),
            "equity": reporting.equity(filters),
            "actions": Action.objects.prefetch_related("themes").order_by("status", "-updated_at"),
            "query": filters.as_query(),
        },
    )


@steering_member_required
def export_csv(request):
    _form, filters = _filters(request)
    stream = io.StringIO()
    exports.write_csv(reporting.dashboard(filters), stream)
    audit.record(action="steering.exported", actor=request.user, detail=filters.as_query())
    response = HttpResponse(stream.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(filters)}"'
    return response
