"""The one write path for research recruitment: drafts of the "I'm interested" form, sending it,
the research team's follow-up (status, notes), withdrawal and retention.

Views, commands, tasks and tests all come through here. Each function that changes something runs
in one transaction and writes its audit record in that transaction. Audit details hold ids, counts
and statuses only, never what a person told us.
"""

import json
import logging
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from portal.core import audit
from portal.core.crypto import decrypt_text, encrypt_text
from portal.feedback.services import digest, new_reference, new_token, normalise_reference

from .choices import RESEARCHER_STATUSES, InterestStatus
from .models import ExpressionOfInterest, InterestDraft, InterestNote, StudyPage

logger = logging.getLogger(__name__)


class DraftAlreadySent(Exception):
    """The draft's answers were sent already; the expression of interest is on the exception."""

    def __init__(self, expression):
        super().__init__("These answers have already been sent.")
        self.expression = expression


class StudyNotRecruiting(Exception):
    """The study has closed or paused since the person started."""


class AnswersIncomplete(Exception):
    """A question still needs an answer before the interest can be sent."""

    def __init__(self, step):
        super().__init__(f"The step {step!r} needs an answer.")
        self.step = step


class InterestClosed(Exception):
    """The expression of interest was withdrawn or its details deleted: nothing more can be recorded."""


# Drafts -----------------------------------------------------------------------------------------


def find_draft(token, *, study=None):
    """The live draft for a token (and study, when given), or None."""
    if not token or len(token) > 100:
        return None
    drafts = InterestDraft.objects.select_related("study", "expression").filter(
        token_digest=digest(token), expires_at__gt=timezone.now()
    )
    if study is not None:
        drafts = drafts.filter(study=study)
    return drafts.first()


def start_draft(*, study, easy_read=False):
    """A new, empty draft for a study and the token that finds it (only the digest is stored)."""
    token = new_token()
    draft = InterestDraft.objects.create(
        token_digest=digest(token),
        study=study,
        easy_read=easy_read,
        expires_at=_draft_expiry(),
    )
    return draft, token


def _draft_expiry():
    return timezone.now() + timedelta(days=settings.RESEARCH_DRAFT_DAYS)


def answers_of(draft_or_expression):
    """The decrypted answers of a draft or an expression of interest ({} once deleted)."""
    if not draft_or_expression.encrypted:
        return {}
    return json.loads(decrypt_text(draft_or_expression.encrypted))


def _encrypt(answers):
    return encrypt_text(json.dumps(answers, ensure_ascii=False, sort_keys=True))


def save_answers(*, draft, values):
    """Keep one step's answers (a dict); they are encrypted before they reach the database."""
    with transaction.atomic():
        draft = InterestDraft.objects.select_for_update().select_related("study").get(pk=draft.pk)
        if draft.expression_id:
            raise DraftAlreadySent(draft.expression)
        answers = answers_of(draft)
        answers.update(values)
        draft.encrypted = _encrypt(answers)
        draft.expires_at = _draft_expiry()
        draft.save()
    return draft


def set_easy_read(*, draft, easy_read):
    InterestDraft.objects.filter(pk=draft.pk, expression__isnull=True).update(easy_read=easy_read)
    draft.easy_read = easy_read


def add_spam_signal(*, draft, signal):
    with transaction.atomic():
        draft = InterestDraft.objects.select_for_update().get(pk=draft.pk)
        if signal not in draft.spam_signals:
            draft.spam_signals = [*draft.spam_signals, signal]
            draft.save(update_fields=["spam_signals", "updated_at"])
    return draft


def discard_draft(*, draft):
    """The person chose to start again: their unsent answers go now, not in a week."""
    InterestDraft.objects.filter(pk=draft.pk, expression__isnull=True).delete()


def delete_expired_drafts(*, now=None):
    now = now or timezone.now()
    with transaction.atomic():
        deleted = InterestDraft.objects.filter(expires_at__lte=now).delete()[0]
        if deleted:
            audit.record(action="research.drafts_purged", detail={"count": deleted})
    return deleted


# Sending ----------------------------------------------------------------------------------------


def send(*, draft, answers, consent_future_studies, language=""):
    """Store the expression of interest in one transaction.

    `answers` are the checked answers to keep (the view builds them from the draft with the
    study's journey, portal.research.journey.expression_answers). Returns (expression,
    withdraw_token, created). The withdrawal token is given back only when the expression is
    created: only its digest is stored. Sending the same draft again returns the first expression
    with created=False and no token.
    """
    draft_digest = draft.token_digest
    try:
        with transaction.atomic():
            draft = InterestDraft.objects.select_for_update().select_related("study").get(pk=draft.pk)
            if draft.expression_id:
                return draft.expression, "", False
            study = StudyPage.objects.get(pk=draft.study_id)
            if not study.is_recruiting:
                raise StudyNotRecruiting(f"Study {study.pk} is not recruiting.")
            withdraw_token = new_token()
            expression = _create_expression(
                study=study,
                draft_digest=draft_digest,
                withdraw_digest=digest(withdraw_token),
                encrypted=_encrypt(answers),
                consent_this_study=True,
                consent_future_studies=bool(consent_future_studies),
                easy_read=draft.easy_read,
                language=language[:10],
            )
            draft.encrypted = ""
            draft.expression = expression
            draft.save()
            audit.record(
                action="research.interest_registered",
                obj=expression,
                detail={"study": study.pk, "easy_read": draft.easy_read, "spam_signals": list(draft.spam_signals)},
            )
            transaction.on_commit(lambda: _enqueue_emails(expression.pk))
    except IntegrityError:
        existing = ExpressionOfInterest.objects.filter(draft_digest=draft_digest).first()
        if existing is None:
            raise
        return existing, "", False
    return expression, withdraw_token, True


def _create_expression(**fields):
    # A reference clash is one in a trillion, but it must not lose anyone's interest: try again.
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return ExpressionOfInterest.objects.create(reference=new_reference(), **fields)
        except IntegrityError:
            if ExpressionOfInterest.objects.filter(draft_digest=fields["draft_digest"]).exists():
                raise
    raise IntegrityError("Could not find a free reference code after 5 tries.")


def _enqueue_emails(expression_id):
    from .tasks import send_interest_emails

    try:
        send_interest_emails.enqueue(expression_id)
    except Exception:
        logger.exception("Could not queue the emails for expression of interest %s.", expression_id)


# Finding one ------------------------------------------------------------------------------------


def find_by_withdraw_token(token):
    if not token or len(token) > 100:
        return None
    return ExpressionOfInterest.objects.select_related("study").filter(withdraw_digest=digest(token)).first()


def find_by_reference(typed):
    reference = normalise_reference(typed)
    if len(reference) != 8:
        return None
    return ExpressionOfInterest.objects.select_related("study").filter(reference=reference).first()


# The research team's follow-up ------------------------------------------------------------------


def set_status(*, expression, status, by):
    """Record where the team has got to with someone. Withdrawal goes through withdraw()."""
    if status not in RESEARCHER_STATUSES:
        raise ValueError(f"{status!r} is not a status a researcher can set.")
    with transaction.atomic():
        expression = ExpressionOfInterest.objects.select_for_update().get(pk=expression.pk)
        if expression.status == InterestStatus.WITHDRAWN:
            raise InterestClosed("This person has withdrawn.")
        if expression.status == status:
            return expression
        previous = expression.status
        expression.status = status
        expression.status_changed_at = timezone.now()
        expression.save(update_fields=["status", "status_changed_at"])
        audit.record(
            action="research.interest_status_changed",
            actor=by,
            obj=expression,
            detail={"study": expression.study_id, "from": previous, "to": status},
        )
    return expression


def add_note(*, expression, text, by):
    with transaction.atomic():
        expression = ExpressionOfInterest.objects.select_for_update().get(pk=expression.pk)
        if not expression.has_personal_data:
            raise InterestClosed("This person's details have been deleted.")
        note = InterestNote.objects.create(expression=expression, author=by, encrypted=encrypt_text(text))
        audit.record(action="research.note_added", actor=by, obj=expression, detail={"study": expression.study_id})
    return note


def note_text(note):
    return decrypt_text(note.encrypted)


def withdraw(*, expression, by=None, via="link"):
    """The person no longer wants to take part: their details and the team's notes go now.

    `by` is the researcher who recorded it, or None when the person withdrew themselves (`via` is
    "link" or "code" then). Safe to call again.
    """
    with transaction.atomic():
        expression = ExpressionOfInterest.objects.select_for_update().get(pk=expression.pk)
        if expression.status == InterestStatus.WITHDRAWN:
            return expression
        now = timezone.now()
        previous = expression.status
        expression.status = InterestStatus.WITHDRAWN
        expression.status_changed_at = now
        expression.withdrawn_at = now
        expression.consent_future_studies = False
        _empty(expression, now)
        expression.save()
        notes = expression.notes.all().delete()[0]
        audit.record(
            action="research.interest_withdrawn",
            actor=by,
            obj=expression,
            detail={
                "study": expression.study_id,
                "from": previous,
                "by": "researcher" if by is not None else "person",
                "via": "research_area" if by is not None else via,
                "notes_deleted": notes,
            },
        )
    return expression


def _empty(expression, now):
    expression.encrypted = ""
    if expression.personal_data_deleted_at is None:
        expression.personal_data_deleted_at = now


def delete_after_closing(*, now=None):
    """Retention: details of people interested in a study go RESEARCH_CONTACT_DETAILS_DAYS after
    its closing date, with the team's notes. One audit entry per study. Returns how many."""
    now = now or timezone.now()
    last_closing_date = timezone.localdate(now) - timedelta(days=settings.RESEARCH_CONTACT_DETAILS_DAYS)
    total = 0
    study_ids = (
        ExpressionOfInterest.objects.filter(study__closing_date__lt=last_closing_date)
        .exclude(encrypted="")
        .values_list("study_id", flat=True)
        .distinct()
    )
    for study_id in list(study_ids):
        with transaction.atomic():
            expressions = (
                ExpressionOfInterest.objects.select_for_update().filter(study_id=study_id).exclude(encrypted="")
            )
            ids = list(expressions.values_list("pk", flat=True))
            if not ids:
                continue
            notes = InterestNote.objects.filter(expression_id__in=ids).delete()[0]
            count = ExpressionOfInterest.objects.filter(pk__in=ids).update(encrypted="", personal_data_deleted_at=now)
            audit.record(
                action="research.contact_details_purged",
                obj=StudyPage.objects.get(pk=study_id),
                detail={
                    "count": count,
                    "notes_deleted": notes,
                    "days_after_closing": settings.RESEARCH_CONTACT_DETAILS_DAYS,
                },
            )
            total += count
    return total


# The research area's reads of personal data -----------------------------------------------------
# Reading what a person told us is audited like changing it: who looked, at which study, and how
# much, never what they saw.


def record_listed(*, study, by, count, page):
    """A researcher saw a page of a study's expressions of interest (names included)."""
    audit.record(
        action="research.interests_listed",
        actor=by,
        obj=study,
        detail={"study": study.pk, "page": page, "rows": count},
    )


def record_viewed(*, expression, by):
    """A researcher opened one expression of interest and saw everything the person told us."""
    audit.record(
        action="research.interest_viewed",
        actor=by,
        obj=expression,
        detail={"study": expression.study_id, "status": expression.status},
    )


def export_rows(*, study, by):
    """The CSV's rows (header first) of the study's expressions of interest that still have
    details, oldest first, and the audit entry, in one transaction: the file is never made without
    its record."""
    # Only this read needs the CSV's layout; kept out of the module's imports so the write path
    # does not load how the research area presents answers.
    from .follow_up import csv_header, csv_questions, csv_row

    with transaction.atomic():
        expressions = list(
            ExpressionOfInterest.objects.filter(study=study).exclude(encrypted="").order_by("created_at", "pk")
        )
        answer_sets = [answers_of(expression) for expression in expressions]
        questions = csv_questions(study, answer_sets)
        rows = [csv_header(questions)]
        rows.extend(
            csv_row(expression, answers, questions)
            for expression, answers in zip(expressions, answer_sets, strict=True)
        )
        audit.record(
            action="research.interests_exported",
            actor=by,
            obj=study,
            detail={"study": study.pk, "rows": len(expressions)},
        )
    return rows


# Study pages deleted in the CMS -----------------------------------------------------------------


def interest_under(page):
    """How many expressions of interest (and how many still with details) belong to studies at or
    below `page`: Wagtail deletes them with the page."""
    expressions = ExpressionOfInterest.objects.filter(study__path__startswith=page.path)
    return {
        "page": page.pk,
        "expressions_of_interest": expressions.count(),
        "with_personal_data": expressions.exclude(encrypted="").count(),
    }


def record_deleted_with_page(*, counts, by):
    """An editor deleted a study page, and with it what people had told its team: audit how much."""
    if counts["expressions_of_interest"]:
        audit.record(action="research.deleted_with_study_page", actor=by, detail=counts)
