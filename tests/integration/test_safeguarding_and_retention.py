"""Safeguarding alerts reach every lead in one task run, without the words; retention and withdrawal leave
no copy of a person's raw words anywhere in the database."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from portal.core.factories import UserFactory
from portal.core.models import AuditEvent
from portal.feedback import moderation, retention, services
from portal.feedback.factories import submission
from portal.feedback.models import SafeguardingFlag, Submission, Theme

pytestmark = pytest.mark.django_db

RISKY = "At night I wanted to end my life and nobody came. Ask for Marguerite Okonkwo-Field."
MARKER = "Marguerite Okonkwo-Field"


@pytest.fixture
def leads():
    return [UserFactory(roles=["Safeguarding leads"], with_totp=True) for _ in range(3)]


def send_through_the_queue(django_capture_on_commit_callbacks, **answers):
    with django_capture_on_commit_callbacks(execute=True):
        return submission(**answers)


def tables_containing(text):
    """Every table with a row whose text (any column) contains `text`."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - table names from introspection
            if any(text in str(value) for row in cursor.fetchall() for value in row):
                found.append(table)
    return found


# Safeguarding -----------------------------------------------------------------------------------


def test_a_flagged_submission_emails_every_lead_within_one_task_run_without_the_words(
    leads, run_worker, django_capture_on_commit_callbacks
):
    UserFactory(roles=["Moderators"])  # not a lead: not emailed
    UserFactory(roles=["Safeguarding leads"], is_active=False)  # left: not emailed
    made = send_through_the_queue(django_capture_on_commit_callbacks, what_could_be_better=RISKY)

    run_worker()

    flag = SafeguardingFlag.objects.get(submission=made)
    assert flag.severity == "high"
    assert "suicide" in flag.categories
    assert flag.notified_at is not None
    assert sorted(message.to[0] for message in mail.outbox) == sorted(lead.email for lead in leads)
    link = "http://testserver" + reverse("feedback_moderation:detail", args=[made.pk])
    for message in mail.outbox:
        assert len(message.to) == 1  # leads do not see each other's addresses
        assert link in message.body
        assert made.formatted_reference in message.subject
        for fragment in ("end my life", "nobody came", MARKER):
            assert fragment not in message.body
            assert fragment not in message.subject
    assert AuditEvent.objects.get(action="safeguarding.leads_emailed").detail["leads"] == 3


def test_feedback_without_risk_raises_no_flag_and_sends_no_email(leads, run_worker, django_capture_on_commit_callbacks):
    send_through_the_queue(django_capture_on_commit_callbacks)
    run_worker()
    assert not SafeguardingFlag.objects.exists()
    assert mail.outbox == []


def test_a_flag_is_emailed_once_however_often_processing_runs(leads):
    made = submission(what_could_be_better=RISKY)
    services.process(submission_id=made.pk)
    services.process(submission_id=made.pk)
    flag = SafeguardingFlag.objects.get()
    moderation.notify_safeguarding_leads(flag_id=flag.pk)
    assert len(mail.outbox) == len(leads)


def test_an_email_that_failed_is_sent_by_process_pending(leads, monkeypatch):
    made = submission(what_could_be_better=RISKY)

    def mail_server_down(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    with monkeypatch.context() as patched:
        patched.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", mail_server_down)
        with pytest.raises(ConnectionRefusedError):
            services.process(submission_id=made.pk)
    flag = SafeguardingFlag.objects.get()
    assert flag.notified_at is None  # the flag itself is safe in the database

    call_command("process_pending", "--older-than", "0", stdout=open("/dev/null", "w"))  # noqa: SIM115

    flag.refresh_from_db()
    assert flag.notified_at is not None
    assert len(mail.outbox) == len(leads)


def test_an_escalation_emails_the_leads_through_the_worker(
    leads, client, run_worker, django_capture_on_commit_callbacks
):
    made = submission()
    services.process(submission_id=made.pk)
    moderator = UserFactory(roles=["Moderators"])
    with django_capture_on_commit_callbacks(execute=True):
        moderation.decide(submission_id=made.pk, version=0, action="escalate", reason="Worried", by=moderator)

    run_worker()

    assert len(mail.outbox) == len(leads)
    assert DBTaskResult.objects.filter(task_path="portal.feedback.tasks.notify_safeguarding").exists()


def test_a_lead_picks_up_and_closes_a_concern_with_what_was_done(client, leads):
    made = submission(what_could_be_better=RISKY)
    services.process(submission_id=made.pk)
    lead = leads[0]
    client.force_login(lead)
    url = reverse("feedback_moderation:detail", args=[made.pk])

    page = client.get(url).content.decode()
    assert "I am picking this up" in page
    client.post(url, {"do": "acknowledge"})
    refused = client.post(url, {"do": "close_flag", "action_taken": ""})
    assert refused.status_code == 400
    client.post(url, {"do": "close_flag", "action_taken": "Called the ward manager; incident raised."})

    flag = SafeguardingFlag.objects.get()
    assert flag.status == "closed"
    assert flag.handled_by == lead
    assert flag.acknowledged_at is not None and flag.closed_at is not None
    assert {"safeguarding.acknowledged", "safeguarding.closed"} <= set(
        AuditEvent.objects.values_list("action", flat=True)
    )


def test_a_moderator_who_is_not_a_lead_cannot_close_a_concern(client):
    made = submission(what_could_be_better=RISKY)
    services.process(submission_id=made.pk)
    client.force_login(UserFactory(roles=["Moderators"], with_totp=True))

    response = client.post(
        reverse("feedback_moderation:detail", args=[made.pk]), {"do": "close_flag", "action_taken": "Done"}
    )

    # Wagtail turns a refusal inside its admin into a message and a redirect to the dashboard.
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    assert SafeguardingFlag.objects.get().status == "open"


# Retention and withdrawal -----------------------------------------------------------------------


def approved(what_was_good):
    made = submission(what_was_good=what_was_good)
    services.process(submission_id=made.pk)
    moderator = UserFactory(roles=["Moderators"])
    made.refresh_from_db()
    moderation.decide(
        submission_id=made.pk,
        version=made.version,
        action="approve",
        reason="",
        by=moderator,
        removed_ids=made.redactions.values_list("pk", flat=True),
        themes=[Theme.objects.first()],
        sentiment="positive",
    )
    made.refresh_from_db()
    return made


def test_raw_words_of_approved_feedback_are_replaced_by_the_redacted_version_after_90_days(settings):
    made = approved(f"Dr {MARKER} was brilliant with me.")
    assert MARKER not in made.redacted_what_was_good
    assert tables_containing(MARKER) == [Submission._meta.db_table]

    assert retention.purge_expired()["approved_raw_text"] == 0  # not yet due
    Submission.objects.filter(pk=made.pk).update(decided_at=timezone.now() - timedelta(days=91))
    output = _purge()

    made.refresh_from_db()
    assert made.what_was_good == made.redacted_what_was_good
    assert made.raw_text_removed_at is not None
    assert not made.redactions.exists()
    assert tables_containing(MARKER) == []
    assert "Replaced the raw words of 1 approved submission(s)" in output
    assert AuditEvent.objects.get(action="feedback.raw_text_purged").detail == {"approved": 1, "spam": 0}


def test_the_words_of_spam_are_deleted_after_30_days():
    made = submission(what_was_good=f"Cheap pills from {MARKER}")
    services.process(submission_id=made.pk)
    moderation.bulk_reject_spam(submission_ids=[made.pk], reason="Advertising", by=UserFactory())
    Submission.objects.filter(pk=made.pk).update(decided_at=timezone.now() - timedelta(days=29))
    _purge()
    assert tables_containing(MARKER) == [Submission._meta.db_table]

    Submission.objects.filter(pk=made.pk).update(decided_at=timezone.now() - timedelta(days=31))
    _purge()

    made.refresh_from_db()
    assert (made.what_was_good, made.redacted_what_was_good) == ("", "")
    assert tables_containing(MARKER) == []


def test_feedback_not_yet_decided_keeps_its_words(settings):
    made = submission(what_was_good=f"Thanks {MARKER}")
    Submission.objects.filter(pk=made.pk).update(submitted_at=timezone.now() - timedelta(days=365))
    _purge()
    made.refresh_from_db()
    assert MARKER in made.what_was_good


def test_withdrawal_after_approval_leaves_no_copy_of_the_words(client):
    made = approved(f"Thanks to {MARKER} on the ward, and I would be happy to be quoted.")
    assert tables_containing("happy to be quoted") == [Submission._meta.db_table]

    services.withdraw(submission=made)

    made.refresh_from_db()
    assert made.status == "withdrawn"
    assert made.quotable is False
    assert tables_containing(MARKER) == []
    assert tables_containing("happy to be quoted") == []


def test_the_retention_task_does_what_the_command_does(run_worker):
    from portal.feedback.tasks import purge_expired

    made = approved(f"Kind words about {MARKER}")
    Submission.objects.filter(pk=made.pk).update(decided_at=timezone.now() - timedelta(days=91))
    purge_expired.enqueue()

    run_worker()

    assert tables_containing(MARKER) == []


def _purge():
    from io import StringIO

    output = StringIO()
    call_command("purge_expired", stdout=output)
    return output.getvalue()


def test_escalating_feedback_whose_concern_was_closed_opens_it_and_tells_the_leads_again(
    leads, run_worker, django_capture_on_commit_callbacks
):
    made = submission(what_could_be_better=RISKY)
    services.process(submission_id=made.pk)
    flag = SafeguardingFlag.objects.get()
    moderation.close_flag(flag=flag, by=leads[0], action_taken="Checked with the ward.")
    mail.outbox.clear()
    made.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        moderation.decide(
            submission_id=made.pk, version=made.version, action="escalate", reason="New worry", by=UserFactory()
        )
    run_worker()

    flag.refresh_from_db()
    assert flag.status == "open"
    assert flag.notified_at is not None
    assert len(mail.outbox) == len(leads)
