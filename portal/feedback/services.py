"""The one write path for feedback: drafts, sending, withdrawing and processing.

Views, commands, tasks and tests all come through here. Each function that changes something runs
in one transaction and writes its audit record in that transaction.
"""

import hashlib
import json
import logging
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from portal.core import audit
from portal.core.crypto import decrypt_text, encrypt_text

from . import journey, risk
from .choices import SubmissionStatus
from .forms import NOT_SAID
from .models import ContactDetails, Draft, Submission

logger = logging.getLogger(__name__)

# Crockford's base 32: digits and capitals without I, L, O and U, which are easy to misread.
REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
REFERENCE_LENGTH = 8
# What people may type for a character that is not in the alphabet.
REFERENCE_LOOKALIKES = str.maketrans({"I": "1", "L": "1", "O": "0", "U": "V"})
SUBMISSION_FIELDS = (
    "respondent",
    "when",
    "overall",
    "what_was_good",
    "what_could_be_better",
    "ethnic_group",
    "ethnic_background",
    "learning_disability",
    "autism",
    "age_band",
    "gender",
    "religion",
)


class DraftAlreadySent(Exception):
    """The draft's answers were sent already; its submission is on the exception."""

    def __init__(self, submission):
        super().__init__("These answers have already been sent.")
        self.submission = submission


class AnswersIncomplete(Exception):
    """A question still needs an answer before the feedback can be sent."""

    def __init__(self, step):
        super().__init__(f"The step {step.slug!r} needs an answer.")
        self.step = step


def digest(token):
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token():
    return secrets.token_urlsafe(32)


def find_draft(token):
    """The live draft for a token, or None (unknown, expired or malformed)."""
    if not token or len(token) > 100:
        return None
    return Draft.objects.filter(token_digest=digest(token), expires_at__gt=timezone.now()).first()


def start_draft(*, easy_read=False):
    """A new, empty draft and the token that finds it (only the digest is stored)."""
    token = new_token()
    draft = Draft.objects.create(
        token_digest=digest(token),
        easy_read=easy_read,
        expires_at=timezone.now() + timedelta(days=settings.FEEDBACK_DRAFT_DAYS),
    )
    return draft, token


def save_answers(*, draft, step, cleaned_data):
    """Keep one step's answers. Contact details are encrypted before they reach the database."""
    with transaction.atomic():
        draft = Draft.objects.select_for_update().get(pk=draft.pk)
        if draft.submission_id:
            raise DraftAlreadySent(draft.submission)
        if step.slug == journey.CONTACT_DETAILS:
            draft.contact_encrypted = encrypt_text(json.dumps(cleaned_data, ensure_ascii=False))
        else:
            draft.answers.update({name: cleaned_data[name] for name in step.fields})
            # Text kept because it was too long is replaced by what passed: the step shows the saved answer.
            unchecked = {k: v for k, v in draft.answers.pop("_unchecked", {}).items() if k not in step.fields}
            if unchecked:
                draft.answers["_unchecked"] = unchecked
        draft.expires_at = timezone.now() + timedelta(days=settings.FEEDBACK_DRAFT_DAYS)
        draft.save()
    return draft


def keep_unchecked_text(*, draft, step, values):
    """Save free text that did not pass its checks (too long), so a lost connection cannot lose it.

    It is stored under a separate key and shown again on that step; it is never sent as an answer.
    """
    with transaction.atomic():
        draft = Draft.objects.select_for_update().get(pk=draft.pk)
        if draft.submission_id:
            return draft
        unchecked = dict(draft.answers.get("_unchecked", {}))
        unchecked.update(values)
        draft.answers["_unchecked"] = unchecked
        draft.save(update_fields=["answers", "updated_at"])
    return draft


def set_easy_read(*, draft, easy_read):
    Draft.objects.filter(pk=draft.pk, submission__isnull=True).update(easy_read=easy_read)
    draft.easy_read = easy_read


def add_spam_signal(*, draft, signal):
    with transaction.atomic():
        draft = Draft.objects.select_for_update().get(pk=draft.pk)
        if signal not in draft.spam_signals:
            draft.spam_signals = [*draft.spam_signals, signal]
            draft.save(update_fields=["spam_signals", "updated_at"])
    return draft


def contact_details_of(draft):
    if not draft.contact_encrypted:
        return {}
    return json.loads(decrypt_text(draft.contact_encrypted))


def submission_values(answers):
    """The submission's fields from a draft's answers, counting only questions that still apply."""
    applicable = set()
    for step in journey.applicable_steps(answers):
        applicable.update(step.fields)
    values = {name: answers.get(name, "") if name in applicable else "" for name in SUBMISSION_FIELDS}
    service = answers.get("service")
    values["service_id"] = None if service in (None, NOT_SAID) else int(service)
    values["consent_to_share"] = answers.get("consent_to_share") == "yes"
    values["consent_to_contact"] = answers.get("consent_to_contact") == "yes"
    return values


def submit(*, draft, language=""):
    """Store the feedback in one transaction and queue its processing after commit.

    Returns (submission, created). Sending the same draft again, however it happens (a double
    click, the back button, a replayed request, two requests at once), returns the first
    submission with created=False: the draft digest is unique on Submission.
    """
    draft_digest = draft.token_digest
    try:
        with transaction.atomic():
            draft = Draft.objects.select_for_update().get(pk=draft.pk)
            if draft.submission_id:
                return draft.submission, False
            has_contact = bool(draft.contact_encrypted)
            missing = journey.next_step(draft.answers, has_contact=has_contact)
            if missing is not None:
                raise AnswersIncomplete(missing)
            values = submission_values(draft.answers)
            spam_signals = list(draft.spam_signals)
            if (timezone.now() - draft.created_at).total_seconds() < settings.FEEDBACK_MIN_SECONDS:
                spam_signals.append("too_fast")
            submission = _create_submission(
                draft_digest=draft_digest,
                easy_read=draft.easy_read,
                language=language[:10],
                suggested_risk=risk.suggests_risk(values["what_was_good"], values["what_could_be_better"]),
                spam_signals=spam_signals,
                **values,
            )
            if values["consent_to_contact"] and draft.contact_encrypted:
                ContactDetails.objects.create(submission=submission, encrypted=draft.contact_encrypted)
            draft.answers = {}
            draft.contact_encrypted = ""
            draft.submission = submission
            draft.save()
            audit.record(action="feedback.submitted", obj=submission, detail={"easy_read": draft.easy_read})
            transaction.on_commit(lambda: enqueue_processing(submission.pk))
    except IntegrityError:
        # Another request sent this draft at the same moment and won; give back its submission.
        existing = Submission.objects.filter(draft_digest=draft_digest).first()
        if existing is None:
            raise
        return existing, False
    return submission, True


def _create_submission(**fields):
    # A reference clash is one in a trillion, but it must not lose anyone's words: try again.
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Submission.objects.create(reference=new_reference(), **fields)
        except IntegrityError:
            if Submission.objects.filter(draft_digest=fields["draft_digest"]).exists():
                raise
    raise IntegrityError("Could not find a free reference code after 5 tries.")


def new_reference():
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


def normalise_reference(typed):
    """What someone typed (any case, spaces, dashes, lookalike letters) as a stored reference."""
    characters = "".join(character for character in (typed or "").upper() if character.isalnum())
    return characters.translate(REFERENCE_LOOKALIKES)


def enqueue_processing(submission_id):
    from .tasks import process_submission

    try:
        process_submission.enqueue(submission_id)
    except Exception:
        logger.exception("Could not queue processing for submission %s; process_pending will retry.", submission_id)


def process(*, submission_id):
    """Run the automatic checks on one submission, once. Safe to call again: it does nothing then.

    Records the risk categories, suggests redactions of personal data, and raises a safeguarding flag
    when the scan finds risk; the safeguarding leads are emailed in the same run, after the commit.
    Then the theme model suggests themes and a sentiment (portal.feedback.theming).
    """
    from . import moderation

    flag = None
    with transaction.atomic():
        submission = Submission.objects.select_for_update().filter(pk=submission_id).first()
        if submission is None or submission.processed_at is not None:
            return False
        if submission.status != SubmissionStatus.WITHDRAWN:
            submission.risk_categories = sorted(
                risk.risk_categories(submission.what_was_good, submission.what_could_be_better)
            )
            moderation.suggest_redactions(submission)
            flag = moderation.flag_from_scan(submission)
        submission.processed_at = timezone.now()
        submission.save(update_fields=["risk_categories", "processed_at"])
        audit.record(
            action="feedback.processed", obj=submission, detail={"risk_categories": submission.risk_categories}
        )
    if flag is not None:
        moderation.notify_safeguarding_leads(flag_id=flag.pk)
    if submission.status != SubmissionStatus.WITHDRAWN:
        _suggest_themes(submission)
    return True


def _suggest_themes(submission):
    # After the commit and the safeguarding email: suggestions help moderators, and a fault in the model
    # must never hold up the checks that protect people.
    from . import theming

    try:
        theming.suggest(submission)
    except Exception:
        logger.exception("Theme suggestions failed for submission %s; moderators choose themes by hand.", submission.pk)


def unprocessed_ids(*, older_than=None):
    """Submissions whose processing has not run, sent at least `older_than` ago."""
    grace = older_than if older_than is not None else timedelta(minutes=settings.FEEDBACK_PROCESSING_GRACE_MINUTES)
    return list(
        Submission.objects.filter(processed_at__isnull=True, submitted_at__lte=timezone.now() - grace)
        .order_by("submitted_at")
        .values_list("pk", flat=True)
    )


def queue_unprocessed(*, older_than=None):
    """Queue again every submission whose processing never ran. Returns how many."""
    pending = unprocessed_ids(older_than=older_than)
    for submission_id in pending:
        enqueue_processing(submission_id)
    return len(pending)


def withdraw(*, submission):
    """The person's own withdrawal: their words (raw and redacted), their consent to quote and their
    contact details go, wherever they were; the fact it existed, and any safeguarding record, stay."""
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(pk=submission.pk)
        if submission.status == SubmissionStatus.WITHDRAWN:
            return submission
        submission.status = SubmissionStatus.WITHDRAWN
        submission.withdrawn_at = timezone.now()
        submission.what_was_good = ""
        submission.what_could_be_better = ""
        submission.redacted_what_was_good = ""
        submission.redacted_what_could_be_better = ""
        submission.consent_to_share = False
        submission.quotable = False
        submission.version += 1
        submission.save()
        # Offsets only, but they describe words that no longer exist; themes came from the words too.
        submission.redactions.all().delete()
        submission.theme_suggestions.all().delete()
        submission.themes.clear()
        removed_contact = ContactDetails.objects.filter(submission=submission).delete()[0] > 0
        audit.record(action="feedback.withdrawn", obj=submission, detail={"contact_details_deleted": removed_contact})
    return submission


def discard_draft(*, draft):
    """The person chose to start again: their unsent answers are deleted now, not in 7 days."""
    Draft.objects.filter(pk=draft.pk, submission__isnull=True).delete()


def delete_expired_drafts(*, now=None):
    """Remove drafts past their expiry. Returns how many went."""
    now = now or timezone.now()
    with transaction.atomic():
        deleted = Draft.objects.filter(expires_at__lte=now).delete()[0]
        if deleted:
            audit.record(action="feedback.drafts_purged", detail={"count": deleted})
    return deleted


def delete_contact_details(*, submission, by, reason="followed_up"):
    """Delete someone's contact details once staff have been in touch (or no longer need them).

    The moderation queue calls this when a moderator records the follow-up. Returns whether there
    were any to delete.
    """
    with transaction.atomic():
        deleted = ContactDetails.objects.filter(submission=submission).delete()[0] > 0
        if deleted:
            audit.record(action="feedback.contact_details_deleted", actor=by, obj=submission, detail={"reason": reason})
    return deleted


def delete_old_contact_details(*, now=None):
    """The backstop: contact details older than FEEDBACK_CONTACT_DETAILS_DAYS go, followed up or not."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.FEEDBACK_CONTACT_DETAILS_DAYS)
    with transaction.atomic():
        deleted = ContactDetails.objects.filter(created_at__lte=cutoff).delete()[0]
        if deleted:
            audit.record(action="feedback.contact_details_purged", detail={"count": deleted})
    return deleted
