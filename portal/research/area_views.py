"""The research area (/researchers/): a researcher's studies and the people interested in them.

Only the Researchers role gets in (others are refused), with MFA (RequireMFAForStaffMiddleware
covers the /researchers/ prefix). Which studies and expressions of interest a researcher reaches is
decided by portal.research.access alone: anything outside their teams is "not found", superusers
included. Every page that shows what a person told us is audited, and writes go through
portal.research.services.
"""

import csv
import io

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from portal.core.decorators import WITH_FORM, staff_area_view
from portal.feedback.exports import defuse

from . import access, follow_up, selectors, services
from .area_forms import NoteForm, StatusFilterForm, StatusForm
from .choices import RESEARCHER_STATUSES, InterestStatus
from .models import ExpressionOfInterest

PER_PAGE = 50


# The lists are read-only; the pages with a form show it on GET and take it on POST.
researcher_required = staff_area_view(access.is_researcher)
researcher_form = staff_area_view(access.is_researcher, methods=WITH_FORM)


@researcher_required
def home(request):
    studies = selectors.studies_with_counts(access.studies_for(request.user))
    for study in studies:
        study.count_rows = [
            (label, study.interest_counts[value])
            for value, label in InterestStatus.choices
            if study.interest_counts[value]
        ]
    return render(request, "research/area/home.html", {"studies": studies})


@researcher_required
def study(request, study_id):
    study = access.study_for(request.user, study_id)
    form = StatusFilterForm(request.GET if "status" in request.GET else None)
    status = form.chosen_status()
    expressions = ExpressionOfInterest.objects.filter(study=study)
    counts = selectors.status_counts(expressions)
    if status:
        expressions = expressions.filter(status=status)
    page = Paginator(expressions, PER_PAGE).get_page(request.GET.get("page"))
    # Decrypted here, row by row in Python: the database is asked once for the page, however long.
    rows = [follow_up.list_row(expression, services.answers_of(expression)) for expression in page.object_list]
    services.record_listed(study=study, by=request.user, count=len(rows), page=page.number)
    filters = [("", _("All"), sum(counts.values()))]
    filters += [(value, label, counts[value]) for value, label in InterestStatus.choices]
    return render(
        request,
        "research/area/study.html",
        {
            "study": study,
            "form": form,
            "status": status,
            "filters": filters,
            "page": page,
            "rows": rows,
            "total": sum(counts.values()),
        },
    )


@researcher_form
def expression(request, public_id):
    expression = access.expression_for(request.user, public_id)
    detail_url = reverse("research_area:expression", args=[expression.public_id])
    status_form = note_form = None
    if request.method == "POST":
        if not expression.has_personal_data:
            return _closed(request, expression)
        if "change_status" in request.POST:
            status_form = StatusForm(request.POST)
            if status_form.is_valid():
                status = status_form.cleaned_data["status"]
                try:
                    services.set_status(expression=expression, status=status, by=request.user)
                except services.InterestClosed:
                    return _closed(request, expression)
                messages.success(
                    request, _("The status is now “%(status)s”.") % {"status": InterestStatus(status).label}
                )
                return redirect(detail_url)
        elif "add_note" in request.POST:
            note_form = NoteForm(request.POST)
            if note_form.is_valid():
                try:
                    services.add_note(expression=expression, text=note_form.cleaned_data["text"], by=request.user)
                except services.InterestClosed:
                    return _closed(request, expression)
                messages.success(request, _("Your note was added."))
                return redirect(f"{detail_url}#notes")
        else:
            return redirect(detail_url)
    return _detail(request, expression, status_form=status_form, note_form=note_form)


def _detail(request, expression, *, status_form=None, note_form=None):
    answers = services.answers_of(expression)
    services.record_viewed(expression=expression, by=request.user)
    notes = [
        {"text": services.note_text(note), "author": note.author, "created_at": note.created_at}
        for note in expression.notes.select_related("author")
    ]
    current = expression.status if expression.status in RESEARCHER_STATUSES else None
    invalid = bool((status_form and status_form.errors) or (note_form and note_form.errors))
    return render(
        request,
        "research/area/expression.html",
        {
            "expression": expression,
            "study": expression.study,
            "name": answers.get("name") or "",
            "sections": follow_up.summary_sections(expression, answers),
            "notes": notes,
            "status_form": status_form or StatusForm(initial={"status": current}),
            "note_form": note_form or NoteForm(),
            "error_links": [
                *(status_form.error_links if status_form else []),
                *(note_form.error_links if note_form else []),
            ],
            "closed": not expression.has_personal_data,
        },
        status=400 if invalid else 200,
    )


def _closed(request, expression):
    """Someone withdrew, or their details were deleted, between the page loading and the button press."""
    messages.info(
        request, _("Nothing was saved: this person’s details have been deleted, so nothing more can be recorded.")
    )
    return redirect("research_area:expression", public_id=expression.public_id)


@researcher_form
def record_withdrawal(request, public_id):
    expression = access.expression_for(request.user, public_id)
    if expression.status == InterestStatus.WITHDRAWN:
        messages.info(request, _("This person’s withdrawal has already been recorded."))
        return redirect("research_area:expression", public_id=expression.public_id)
    if request.method == "POST":
        services.withdraw(expression=expression, by=request.user)
        messages.success(
            request,
            _("You recorded that %(reference)s has withdrawn. Their contact details and your notes have been deleted.")
            % {"reference": expression.formatted_reference},
        )
        return redirect("research_area:expression", public_id=expression.public_id)
    return render(
        request, "research/area/record_withdrawal.html", {"expression": expression, "study": expression.study}
    )


@researcher_form
def export(request, study_id):
    # The team check comes first, so another team's study is "not found" whether or not the
    # researcher has just entered their password again.
    study = access.study_for(request.user, study_id)
    return _export(request, study)


# A copy of people's contact details is the most sensitive thing the area gives out: allauth asks
# for the password (or an authenticator code) again unless it was entered in the last few minutes.
# Signing in does not count, only asking again does, so a session left open cannot download it.
@reauthentication_required
def _export(request, study):
    if request.method != "POST":
        count = ExpressionOfInterest.objects.filter(study=study).exclude(encrypted="").count()
        return render(request, "research/area/export.html", {"study": study, "count": count})
    rows = services.export_rows(study=study, by=request.user)
    # The byte-order mark tells Excel the file is UTF-8, so names in any script open as typed.
    stream = io.StringIO()
    stream.write("\ufeff")
    writer = csv.writer(stream)
    for row in rows:
        writer.writerow([defuse(str(cell)) for cell in row])
    response = HttpResponse(stream.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{export_filename(study)}"'
    response["Cache-Control"] = "no-store"
    return response


def export_filename(study):
    slug = slugify(study.slug) or f"study-{study.pk}"
    return f"expressions-of-interest-{slug}-{timezone.localdate():%Y-%m-%d}.csv"
