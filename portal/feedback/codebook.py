"""The one write path for the theme codebook's proposals: steering members propose, Administrators decide.

Accepting a proposal changes the codebook in the same transaction as the decision, and saves the
theme as a new Wagtail revision by the Administrator, so the codebook's history (in the admin)
shows who changed what; a log entry beside it names the proposal and its reason, which says why.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from portal.core import audit

from .choices import ProposalKind, ProposalStatus
from .models import Theme, ThemeProposal

logger = logging.getLogger(__name__)

# The Wagtail log action beside each revision a proposal makes (registered in wagtail_hooks).
APPLIED_LOG_ACTION = "feedback.proposal_applied"


class CodebookConflict(Exception):
    """A proposal that cannot be applied as it stands; the message says why, for the Administrator."""


class AlreadyDecided(Exception):
    """A proposal's decision is final: an accepted change is undone by changing the theme itself."""


@transaction.atomic
def propose(*, kind, theme=None, name="", category="", description="", reason, by):
    """Record a steering member's proposal, waiting for an Administrator."""
    if kind != ProposalKind.NEW and theme is None:
        raise CodebookConflict(_("Choose the theme to change or stop using."))
    proposal = ThemeProposal.objects.create(
        kind=kind,
        theme=theme if kind != ProposalKind.NEW else None,
        name=name if kind != ProposalKind.RETIRE else "",
        category=category if kind != ProposalKind.RETIRE else "",
        description=description if kind != ProposalKind.RETIRE else "",
        reason=reason,
        proposed_by=by,
    )
    audit.record(action="codebook.proposed", actor=by, obj=proposal, detail={"kind": kind, "theme": proposal.theme_id})
    return proposal


def conflict(proposal):
    """Why the proposal cannot be applied to the codebook as it is now, or "" if it can."""
    others = Theme.objects.exclude(pk=proposal.theme_id) if proposal.theme_id else Theme.objects.all()
    if proposal.kind == ProposalKind.NEW:
        if not proposal.name or not proposal.category:
            return _("A new theme needs a name and a category.")
    elif proposal.theme_id is None:
        return _("The theme this proposal is about has been deleted, so it cannot be applied.")
    if proposal.kind != ProposalKind.RETIRE and proposal.name and others.filter(name__iexact=proposal.name).exists():
        return _("There is already a theme called “%(name)s”. Decline this, or rename that theme first.") % {
            "name": proposal.name
        }
    return ""


def apply_proposal(proposal, by):
    """Change the codebook as the proposal says, as a new revision by `by`; return the theme.

    Call inside the transaction that records the decision (decide does).
    """
    problem = conflict(proposal)
    if problem:
        raise CodebookConflict(problem)
    if proposal.kind == ProposalKind.NEW:
        theme = Theme(name=proposal.name, category=proposal.category, description=proposal.description)
        log_action = "wagtail.create"
    else:
        theme = Theme.objects.select_for_update().get(pk=proposal.theme_id)
        log_action = True  # Wagtail's own "edited"
        if proposal.kind == ProposalKind.RETIRE:
            theme.is_active = False
        else:
            for field in ("name", "category", "description"):
                value = getattr(proposal, field)
                if value:
                    setattr(theme, field, value)
    theme.full_clean()
    theme.save()
    theme.save_revision(user=by, log_action=log_action)
    log(
        instance=theme,
        action=APPLIED_LOG_ACTION,
        user=by,
        data={"proposal": proposal.pk, "kind": proposal.kind, "reason": proposal.reason},
    )
    proposal.theme = theme
    return theme


@transaction.atomic
def decide(*, proposal_id, status, response, by):
    """Save an Administrator's decision and reply; accepting applies the proposal to the codebook.

    Deciding is once only: a decided proposal keeps its status (the reply can still change).
    The proposer is emailed after the transaction commits.
    """
    proposal = ThemeProposal.objects.select_for_update().get(pk=proposal_id)
    was = proposal.status
    proposal.response = response
    if status == was:
        proposal.save(update_fields=["response"])
        return proposal
    if was != ProposalStatus.OPEN:
        raise AlreadyDecided(_("This proposal was decided already. Its decision cannot change."))
    proposal.status = status
    if status != ProposalStatus.OPEN:
        proposal.decided_by = by
        proposal.decided_at = timezone.now()
    if status == ProposalStatus.ACCEPTED:
        apply_proposal(proposal, by)
    proposal.save()
    audit.record(
        action="codebook.proposal_decided",
        actor=by,
        obj=proposal,
        detail={"status": status, "kind": proposal.kind, "theme": proposal.theme_id},
    )
    transaction.on_commit(lambda: _enqueue_email(proposal.pk))
    return proposal


def _enqueue_email(proposal_id):
    from .tasks import notify_proposal_decided

    try:
        notify_proposal_decided.enqueue(proposal_id)
    except Exception:
        # The decision stands; the proposer still sees it on the suggestions page.
        logger.exception("Could not queue the email about codebook proposal %s.", proposal_id)


def email_proposer(*, proposal_id):
    """Tell the person who proposed it that it was decided, with a link to the reply. Returns 1 if sent."""
    proposal = ThemeProposal.objects.select_related("proposed_by", "theme").filter(pk=proposal_id).first()
    if proposal is None or proposal.status == ProposalStatus.OPEN:
        return 0
    person = proposal.proposed_by
    if person is None or not person.is_active or not person.email:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("steering:codebook_proposals")
        context = {"proposal": proposal, "url": url}
        subject = render_to_string("feedback/email/proposal_decided_subject.txt", context).strip()
        body = render_to_string("feedback/email/proposal_decided.txt", context)
    EmailMessage(subject, body, to=[person.email]).send()
    return 1
