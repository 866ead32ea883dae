"""Who may see which study's expressions of interest: its research team, and nobody else.

Every research-area view asks this module. A study or an expression of interest outside the
researcher's teams is "not found" (404), never "forbidden", so its address tells nothing.
Superusers are no exception: what people told a study's team is for that team.
"""

from django.http import Http404

from portal.core.roles import RESEARCHERS, role_names

from .models import ExpressionOfInterest, StudyPage


def is_researcher(user):
    """Holds the Researchers role (superusers without it do not: see the module's docstring)."""
    return user.is_authenticated and user.is_active and RESEARCHERS in role_names(user)


def studies_for(user):
    """The studies whose research team the user is on (published or not), by title."""
    if not is_researcher(user):
        return StudyPage.objects.none()
    return StudyPage.objects.filter(team_members__user=user).distinct().order_by("title", "pk")


def study_for(user, study_id):
    """The study, if the user is on its team; otherwise 404."""
    study = studies_for(user).filter(pk=study_id).first()
    if study is None:
        raise Http404("No such study.")
    return study


def expression_for(user, public_id):
    """The expression of interest, if the user is on its study's team; otherwise 404."""
    expression = (
        ExpressionOfInterest.objects.select_related("study")
        .filter(public_id=public_id, study__in=studies_for(user))
        .first()
    )
    if expression is None:
        raise Http404("No such expression of interest.")
    return expression
