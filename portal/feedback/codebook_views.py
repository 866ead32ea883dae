"""The codebook in the steering area: the themes in use, and proposals to add, change or stop using one.

Steering members propose; Administrators decide in the Wagtail admin (ThemeProposalViewSet), and
the reply shows on the suggestions page. Writes go through portal.feedback.codebook.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from . import codebook
from .choices import ProposalKind
from .codebook_forms import ProposalForm
from .models import Theme, ThemeProposal
from .steering_views import steering_member_form, steering_member_required

PROPOSALS_PER_PAGE = 20


@steering_member_required
def index(request):
    themes = Theme.objects.filter(is_active=True).select_related("latest_revision").order_by("category", "name")
    return render(request, "feedback/steering/codebook.html", {"themes": themes})


@steering_member_form
def propose(request):
    if request.method == "POST":
        form = ProposalForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            codebook.propose(
                kind=data["kind"],
                theme=data["theme"],
                name=data["name"],
                category=data["category"],
                description=data["description"],
                reason=data["reason"],
                by=request.user,
            )
            messages.success(
                request, _("Thank you. Your suggestion was sent to the Administrators. Their reply will show here.")
            )
            return redirect("steering:codebook_proposals")
    else:
        form = ProposalForm(initial=_initial(request.GET))
    return render(request, "feedback/steering/codebook_propose.html", {"form": form})


def _initial(query):
    """From the codebook's links: the kind, the theme, and for a change the theme's words to edit."""
    kind = query.get("kind", "")
    if kind not in ProposalKind.values:
        return {}
    initial = {"kind": kind}
    theme_id = query.get("theme", "")
    theme = Theme.objects.filter(is_active=True, pk=theme_id).first() if theme_id.isdigit() else None
    if theme is not None and kind != ProposalKind.NEW:
        initial["theme"] = theme.pk
        if kind == ProposalKind.CHANGE:
            initial.update(name=theme.name, category=theme.category, description=theme.description)
    return initial


@steering_member_required
def proposals(request):
    """Every steering member's proposals, newest first, with the decision and the Administrators' reply."""
    queryset = ThemeProposal.objects.select_related("theme").order_by("-created_at", "-id")
    items = Paginator(queryset, PROPOSALS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "feedback/steering/codebook_proposals.html", {"proposals": items})
