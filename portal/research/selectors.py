"""Reads for research recruitment: the public list of studies, the research area's lists, and counts."""

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.utils import timezone

from portal.content.models import Audience

from .choices import InterestStatus, StudyStatus
from .models import ExpressionOfInterest, InterestDraft, StudyPage


def recruiting(studies):
    """Studies people can register interest in today."""
    return studies.filter(status=StudyStatus.OPEN, closing_date__gte=timezone.localdate())


def study_list(index, params):
    """The study index's context: studies under `index`, open ones only unless asked, filtered by
    who they are for (an Audience slug). Unknown filter values are ignored, not errors."""
    studies = StudyPage.objects.live().public().child_of(index)
    audiences = list(Audience.objects.filter(studies__in=studies).distinct().order_by("order", "name"))
    audience = next((each for each in audiences if each.slug == params.get("audience")), None)
    include_closed = params.get("closed") == "1"
    if not include_closed:
        studies = recruiting(studies)
    if audience is not None:
        studies = studies.filter(audiences=audience)
    studies = studies.order_by("closing_date", "title").prefetch_related("audiences")
    page = Paginator(studies, index.page_size).get_page(params.get("page"))
    return {
        "audiences": audiences,
        "audience": audience,
        "include_closed": include_closed,
        "filtered": bool(audience or include_closed),
        "studies": page,
    }


def status_counts(expressions):
    """{status: count} for every status, zeros included, in one query."""
    counts = {status.value: 0 for status in InterestStatus}
    for row in expressions.values("status").annotate(count=Count("id")):
        counts[row["status"]] = row["count"]
    return counts


def studies_with_counts(studies):
    """The research area's list of studies, each with its number of expressions of interest by
    status: one query for the studies and one for the counts."""
    studies = list(studies)
    counts = {study.pk: {status.value: 0 for status in InterestStatus} for study in studies}
    rows = (
        ExpressionOfInterest.objects.filter(study__in=[study.pk for study in studies])
        .values("study_id", "status")
        .annotate(count=Count("id"))
    )
    for row in rows:
        counts[row["study_id"]][row["status"]] = row["count"]
    for study in studies:
        study.interest_counts = counts[study.pk]
        study.interest_total = sum(counts[study.pk].values())
    return studies


def research_stats():
    """Counts for operators (`manage.py portal_stats`): totals only."""
    today = timezone.localdate()
    studies = StudyPage.objects.aggregate(
        total_studies=Count("id"),
        live_studies=Count("id", filter=Q(live=True)),
        recruiting_studies=Count("id", filter=Q(live=True, status=StudyStatus.OPEN, closing_date__gte=today)),
    )
    by_status = status_counts(ExpressionOfInterest.objects.all())
    return {
        "studies": studies["total_studies"],
        "expressions_of_interest": sum(by_status.values()),
        "research": {
            "studies_live": studies["live_studies"],
            "studies_recruiting": studies["recruiting_studies"],
            "expressions_of_interest_by_status": by_status,
            "expressions_of_interest_with_personal_data": ExpressionOfInterest.objects.exclude(encrypted="").count(),
            "interest_drafts": InterestDraft.objects.filter(expression__isnull=True).count(),
        },
    }
