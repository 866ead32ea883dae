"""Moderation and safeguarding: what happens to feedback between "sent" and "seen by a steering group".

Every change here is made in one transaction with its audit record. Raw words are read only through
raw_text_for(), which audits the read. A decision names the version of the submission it was made on;
if someone else decided in the meantime, DecisionConflict is raised and nothing is saved.

The safeguarding alert carries a link, never the feedback: email is not a safe place for someone's words.
"""

import json
import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Case, IntegerField, Q, Value, When
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from portal.core import audit
from portal.core.crypto import decrypt_text
from portal.core.roles import SAFEGUARDING_LEADS

from . import anonymise, risk
from .anonymise.known import known_terms
from .choices import Decision, FlagStatus, RedactionStatus, Severity, SubmissionStatus, TextField
from .models import ContactDetails, ModerationDecision, Redaction, RedactionTerm, SafeguardingFlag, Submission

logger = logging.getLogger(__name__)

TEXT_FIELDS = [choice.value for choice in TextField]
REDACTED_FIELD = {field: f"redacted_{field}" for field in TEXT_FIELDS}
# Statuses a moderator can still decide on; the others are settled (and may have lost their words).
UNDECIDED = (SubmissionStatus.RECEIVED, SubmissionStatus.ESCALATED)


class DecisionConflict(Exception):
    """Someone else changed this submission after the moderator opened it."""


class NotDecidable(Exception):
    """The submission is withdrawn or already decided, so there is nothing to decide."""


# Reading ----------------------------------------------------------------------------------------


def raw_text_for(submission, *, user):
    """The person's own words, for a moderator or safeguarding lead. Every call is audited."""
    audit.record(action="feedback.raw_viewed", actor=user, obj=submission, detail={"status": submission.status})
    return {field: getattr(submission, field) for field in TEXT_FIELDS}


def contact_details_for(submission, *, user):
    """The person's contact details, if they asked to be contacted and they are still kept. Audited."""
    details = ContactDetails.objects.filter(submission=submission).first()
    if details is None:
        return {}
    audit.record(action="feedback.contact_details_viewed", actor=user, obj=submission)
    return json.loads(decrypt_text(details.encrypted))


@dataclass(frozen=True)
class Segment:
    text: str
    redaction: Redaction | None = None


def segments(text, redactions):
    """Split text into plain pieces and redaction pieces, in order, for highlighting."""
    pieces, position = [], 0
    for redaction in sorted(redactions, key=lambda r: r.start):
        if redaction.start < position or redaction.end > len(text):
            continue  # overlaps an earlier one, or the text changed under it
        if redaction.start > position:
            pieces.append(Segment(text[position : redaction.start]))
        pieces.append(Segment(text[redaction.start : redaction.end], redaction))
        position = redaction.end
    if position < len(text):
        pieces.append(Segment(text[position:]))
    return pieces


def redacted(text, redactions):
    """The text with every redaction that is not rejected replaced by its placeholder.

    Suggestions count as accepted until a moderator rejects them: a missed name harms a person, an
    extra redaction only costs a word.
    """
    spans = [
        anonymise.Span(r.start, r.end, r.label, r.source)
        for r in redactions
        if r.status != RedactionStatus.REJECTED and r.end <= len(text)
    ]
    return anonymise.redact(text, spans)


def queue(*, status=None, risk_level=None, service=None, older_than_days=None, reference=None):
    """Submissions for the moderation queue: open safeguarding flags first (high before medium), then oldest.

    A reference code finds that one submission, whatever its status.
    """
    submissions = Submission.objects.select_related("service", "safeguarding_flag")
    if reference is not None:
        from .services import normalise_reference

        return submissions.filter(reference=normalise_reference(reference)).annotate(urgency=Value(0))
    if status == "to_do" or status is None:
        submissions = submissions.filter(status__in=UNDECIDED)
    elif status != "all":
        submissions = submissions.filter(status=status)
    open_flag = Q(safeguarding_flag__isnull=False) & ~Q(safeguarding_flag__status=FlagStatus.CLOSED)
    if risk_level == "flagged":
        submissions = submissions.filter(safeguarding_flag__isnull=False)
    elif risk_level == "open":
        submissions = submissions.filter(open_flag)
    elif risk_level in Severity.values:
        submissions = submissions.filter(safeguarding_flag__severity=risk_level)
    elif risk_level == "none":
        submissions = submissions.filter(safeguarding_flag__isnull=True)
    if service == "none":
        submissions = submissions.filter(service__isnull=True)
    elif service:
        submissions = submissions.filter(service_id=service)
    if older_than_days:
        submissions = submissions.filter(submitted_at__lte=timezone.now() - timedelta(days=older_than_days))
    urgency = Case(
        When(open_flag & Q(safeguarding_flag__severity=Severity.HIGH), then=Value(0)),
        When(open_flag, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return submissions.annotate(urgency=urgency).order_by("urgency", "submitted_at", "id")


def summary():
    """Counts for the admin dashboard: feedback waiting, the oldest, and open safeguarding flags."""
    waiting = Submission.objects.filter(status__in=UNDECIDED)
    oldest = waiting.order_by("submitted_at").values_list("submitted_at", flat=True).first()
    flags = SafeguardingFlag.objects.exclude(status=FlagStatus.CLOSED)
    return {
        "waiting": waiting.count(),
        "oldest": oldest,
        "open_flags": flags.count(),
        "open_high": flags.filter(severity=Severity.HIGH).count(),
        "unacknowledged": flags.filter(status=FlagStatus.OPEN).count(),
    }


# Processing -------------------------------------------------------------------------------------


def suggest_redactions(submission, *, terms=None):
    """Record the personal data the recognisers find in each of the submission's texts."""
    terms = known_terms() if terms is None else terms
    found = []
    for field in TEXT_FIELDS:
        text = getattr(submission, field)
        for span in anonymise.detect(text, known_terms=terms):
            found.append(
                Redaction(
                    submission=submission,
                    field=field,
                    start=span.start,
                    end=span.end,
                    label=span.label,
                    source=span.source[:50],
                )
            )
    Redaction.objects.bulk_create(found, ignore_conflicts=True)
    return len(found)


def flag_from_scan(submission):
    """Raise a safeguarding flag if the scan found risk. Returns the new flag, or None."""
    categories = sorted(submission.risk_categories)
    if not categories or SafeguardingFlag.objects.filter(submission=submission).exists():
        return None
    flag = SafeguardingFlag.objects.create(
        submission=submission, severity=risk.severity(categories), categories=categories
    )
    audit.record(
        action="safeguarding.flag_raised", obj=submission, detail={"severity": flag.severity, "source": "scan"}
    )
    return flag


def safeguarding_leads():
    return get_user_model().objects.filter(groups__name=SAFEGUARDING_LEADS, is_active=True).exclude(email="")


def notify_safeguarding_leads(*, flag_id):
    """Email every safeguarding lead a link to the flagged feedback (never the words). Once per flag.

    Returns how many leads were emailed. Run in the task that raised the flag, so the alert goes in
    the same task run; `process_pending` sends any that failed.
    """
    with transaction.atomic():
        flag = (
            SafeguardingFlag.objects.select_for_update()
            .select_related("submission")
            .filter(pk=flag_id, notified_at__isnull=True)
            .first()
        )
        if flag is None:
            return 0
        leads = list(safeguarding_leads())
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "feedback_moderation:detail", args=[flag.submission_id]
        )
        with translation.override(settings.LANGUAGE_CODE):
            context = {"flag": flag, "reference": flag.submission.formatted_reference, "url": url}
            subject = render_to_string("feedback/email/safeguarding_alert_subject.txt", context).strip()
            body = render_to_string("feedback/email/safeguarding_alert.txt", context)
        messages = [EmailMessage(subject, body, to=[lead.email]) for lead in leads]
        if messages:
            get_connection().send_messages(messages)
        else:
            logger.error("Safeguarding flag %s raised but there is no active safeguarding lead to email.", flag.pk)
        flag.notified_at = timezone.now()
        flag.save(update_fields=["notified_at"])
        audit.record(
            action="safeguarding.leads_emailed", obj=flag.submission, detail={"flag": flag.pk, "leads": len(messages)}
        )
    return len(messages)


def unnotified_flag_ids(*, older_than=None):
    grace = older_than if older_than is not None else timedelta(minutes=settings.FEEDBACK_PROCESSING_GRACE_MINUTES)
    return list(
        SafeguardingFlag.objects.filter(notified_at__isnull=True, raised_at__lte=timezone.now() - grace).values_list(
            "pk", flat=True
        )
    )


def enqueue_notification(flag_id):
    from .tasks import notify_safeguarding

    try:
        notify_safeguarding.enqueue(flag_id)
    except Exception:
        logger.exception("Could not queue the safeguarding email for flag %s; process_pending will retry.", flag_id)


# Moderators' changes ----------------------------------------------------------------------------


def set_redaction_statuses(*, submission, removed_ids):
    """Accept the redactions a moderator ticked and reject the rest."""
    removed_ids = {int(pk) for pk in removed_ids}
    redactions = list(submission.redactions.all())
    for redaction in redactions:
        redaction.status = RedactionStatus.ACCEPTED if redaction.pk in removed_ids else RedactionStatus.REJECTED
    Redaction.objects.bulk_update(redactions, ["status"])
    return redactions


def add_redaction(*, submission, words, label, by, always=False):
    """Redact every whole-word occurrence of `words` in the submission's texts. Returns how many."""
    words = " ".join(words.split())
    if not words:
        return 0
    added = 0
    with transaction.atomic():
        for field in TEXT_FIELDS:
            text = getattr(submission, field)
            for span in anonymise.detect(text, known_terms=[(words, label)], recognisers=[]):
                _redaction, created = Redaction.objects.update_or_create(
                    submission=submission,
                    field=field,
                    start=span.start,
                    end=span.end,
                    defaults={"label": label, "source": "moderator", "status": RedactionStatus.ACCEPTED},
                )
                added += created
        if always and not RedactionTerm.objects.filter(term__iexact=words).exists():
            term = RedactionTerm.objects.create(term=words, label=label, added_by=by)
            audit.record(action="feedback.redaction_term_added", actor=by, obj=term)
        audit.record(
            action="feedback.redaction_added", actor=by, obj=submission, detail={"label": label, "count": added}
        )
    return added


def decide(*, submission_id, version, action, reason, by, removed_ids=(), themes=(), sentiment="", quotable=False):
    """Record a moderator's decision, made on `version` of the submission. Returns the submission.

    Approving fixes the redacted words (from the redactions not rejected), the confirmed themes and
    sentiment, and whether the words may be quoted. Rejecting as spam and escalating keep the raw
    words for now; escalating raises a safeguarding flag if there is none and emails the leads.
    """
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(pk=submission_id)
        if submission.version != version:
            raise DecisionConflict
        if submission.status not in UNDECIDED:
            raise NotDecidable
        redactions = set_redaction_statuses(submission=submission, removed_ids=removed_ids)
        submission.sentiment = sentiment
        submission.quotable = bool(quotable and submission.consent_to_share)
        for field in TEXT_FIELDS:
            setattr(
                submission,
                REDACTED_FIELD[field],
                redacted(getattr(submission, field), [r for r in redactions if r.field == field]),
            )
        new_flag = None
        if action == Decision.APPROVE:
            submission.status = SubmissionStatus.APPROVED
            submission.decided_at = timezone.now()
            transaction.on_commit(_retrain_if_due)
        elif action == Decision.REJECT_SPAM:
            submission.status = SubmissionStatus.REJECTED
            submission.decided_at = timezone.now()
            submission.quotable = False
        elif action == Decision.ESCALATE:
            submission.status = SubmissionStatus.ESCALATED
            if not SafeguardingFlag.objects.filter(submission=submission).exists():
                new_flag = SafeguardingFlag.objects.create(
                    submission=submission,
                    severity=risk.severity(submission.risk_categories) or Severity.HIGH,
                    categories=sorted(submission.risk_categories),
                    raised_by=by,
                )
            elif SafeguardingFlag.objects.filter(submission=submission, status=FlagStatus.CLOSED).update(
                status=FlagStatus.OPEN, closed_at=None, notified_at=None
            ):
                # A closed concern raised again: the leads hear about it again.
                new_flag = SafeguardingFlag.objects.get(submission=submission)
        else:
            raise ValueError(f"Unknown decision {action!r}")
        submission.version += 1
        submission.save()
        submission.themes.set(themes)
        ModerationDecision.objects.create(submission=submission, action=action, reason=reason, decided_by=by)
        audit.record(
            action=f"feedback.{action}",
            actor=by,
            obj=submission,
            detail={
                "themes": sorted(theme.pk for theme in themes),
                "redactions_removed": sum(r.status == RedactionStatus.ACCEPTED for r in redactions),
                "redactions_kept": sum(r.status == RedactionStatus.REJECTED for r in redactions),
            },
        )
        if new_flag is not None:
            audit.record(
                action="safeguarding.flag_raised", actor=by, obj=submission, detail={"severity": new_flag.severity}
            )
            transaction.on_commit(lambda: enqueue_notification(new_flag.pk))
    return submission


def _retrain_if_due():
    from . import theming

    theming.retrain_if_due()


def bulk_reject_spam(*, submission_ids, reason, by):
    """Reject many submissions as spam at once. Skips any with an open safeguarding flag, or already decided.

    Returns (rejected, skipped).
    """
    rejected = skipped = 0
    for submission_id in submission_ids:
        with transaction.atomic():
            submission = Submission.objects.select_for_update().filter(pk=submission_id).first()
            open_flag = SafeguardingFlag.objects.filter(submission_id=submission_id).exclude(status=FlagStatus.CLOSED)
            if submission is None or submission.status not in UNDECIDED or open_flag.exists():
                skipped += 1
                continue
            submission.status = SubmissionStatus.REJECTED
            submission.decided_at = timezone.now()
            submission.quotable = False
            submission.version += 1
            submission.save()
            ModerationDecision.objects.create(
                submission=submission, action=Decision.REJECT_SPAM, reason=reason, decided_by=by
            )
            audit.record(action="feedback.reject_spam", actor=by, obj=submission, detail={"bulk": True})
            rejected += 1
    return rejected, skipped


# Safeguarding leads ------------------------------------------------------------------------------


def acknowledge_flag(*, flag, by):
    """A safeguarding lead has picked the concern up."""
    with transaction.atomic():
        updated = SafeguardingFlag.objects.filter(pk=flag.pk, status=FlagStatus.OPEN).update(
            status=FlagStatus.ACKNOWLEDGED, handled_by=by, acknowledged_at=timezone.now()
        )
        if updated:
            audit.record(action="safeguarding.acknowledged", actor=by, obj=flag.submission)
    return bool(updated)


def close_flag(*, flag, by, action_taken):
    """A safeguarding lead records what was done and closes the concern."""
    with transaction.atomic():
        flag = SafeguardingFlag.objects.select_for_update().get(pk=flag.pk)
        now = timezone.now()
        flag.status = FlagStatus.CLOSED
        flag.action_taken = action_taken
        flag.handled_by = by
        flag.acknowledged_at = flag.acknowledged_at or now
        flag.closed_at = now
        flag.save()
        audit.record(action="safeguarding.closed", actor=by, obj=flag.submission)
    return flag


# Retention ---------------------------------------------------------------------------------------


def remove_raw_text(*, now=None):
    """Replace raw words with their approved redacted version, and delete spam's words, once due.

    Returns (approved, spam): how many of each lost their raw words. Audited with the counts.
    """
    now = now or timezone.now()
    approved_due = Submission.objects.filter(
        status=SubmissionStatus.APPROVED,
        raw_text_removed_at__isnull=True,
        decided_at__lte=now - timedelta(days=settings.FEEDBACK_RAW_TEXT_DAYS),
    )
    spam_due = Submission.objects.filter(
        status=SubmissionStatus.REJECTED,
        raw_text_removed_at__isnull=True,
        decided_at__lte=now - timedelta(days=settings.FEEDBACK_SPAM_DAYS),
    )
    approved = _remove_raw_text(approved_due, keep_redacted=True, now=now)
    spam = _remove_raw_text(spam_due, keep_redacted=False, now=now)
    if approved or spam:
        audit.record(action="feedback.raw_text_purged", detail={"approved": approved, "spam": spam})
    return approved, spam


def _remove_raw_text(due, *, keep_redacted, now):
    """Overwrite each submission's raw words with its redacted ones (or with nothing), one transaction
    each, and drop the offsets. Returns how many."""
    count = 0
    for submission_id in due.values_list("pk", flat=True).iterator():
        with transaction.atomic():
            submission = Submission.objects.select_for_update().get(pk=submission_id)
            for field in TEXT_FIELDS:
                kept = getattr(submission, REDACTED_FIELD[field]) if keep_redacted else ""
                setattr(submission, field, kept)
                setattr(submission, REDACTED_FIELD[field], kept)
            submission.raw_text_removed_at = now
            submission.save()
            submission.redactions.all().delete()
        count += 1
    return count
