"""What happens to feedback once it is sent: looking it up, withdrawing it, processing it in the
background, the housekeeping commands, the services list in the Wagtail admin, and the sitemap.

Background tasks run inside the test's transaction (see tests/integration/test_tasks.py for why);
on-commit callbacks are captured with django_capture_on_commit_callbacks, which runs them as a
commit would.
"""

import json
import logging
import re
import xml.etree.ElementTree as ET
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from portal.core.factories import UserFactory
from portal.core.models import AuditEvent
from portal.core.roles import ADMINISTRATORS, EDITORS, MODERATORS
from portal.feedback import factories, services, views
from portal.feedback.choices import SubmissionStatus
from portal.feedback.journey import STEPS_BY_SLUG
from portal.feedback.models import ContactDetails, Draft, Organisation, Service, Submission

pytestmark = pytest.mark.django_db

LOOKUP_URL = "/feedback/your-feedback/"
STATUS_URL = "/feedback/your-feedback/what-happened/"
WITHDRAW_URL = "/feedback/your-feedback/withdraw/"
CHECK_URL = "/feedback/check-your-answers/"
SERVICE_STEP_URL = "/feedback/service/"
PROCESS_TASK = "portal.feedback.tasks.process_submission"

# Words only a person could have written: the tests look for them where they must, or must not, be.
GOOD_WORDS = "Nurse Bartholomew sang to me on the night I arrived."
BETTER_WORDS = "The corridor lights by room nine flicker all night."
CONTACT = {"name": "Sam Quillfeather", "method": "email", "email": "sam.quillfeather@example.org", "phone": ""}

# A fixed reference with 0 and 1 in it, so the lookalike letters have something to stand for.
REFERENCE = "10KM0Q1V"
STAGE = re.compile(r'portal-stages__label">(?P<label>[^<]+): <strong[^>]*>(?P<state>done|not yet)</strong>')


@pytest.fixture
def service(db):
    return factories.ServiceFactory(name="Willow Ward", organisation__name="Northshire NHS Foundation Trust")


@pytest.fixture
def sent(service):
    """A received submission with words, consent to share and contact details, with a known reference."""
    submission = factories.submission(
        service=service, contact=CONTACT, what_was_good=GOOD_WORDS, what_could_be_better=BETTER_WORDS
    )
    Submission.objects.filter(pk=submission.pk).update(reference=REFERENCE)
    submission.refresh_from_db()
    return submission


def look_up(client, typed):
    return client.post(LOOKUP_URL, {"reference": typed})


def stages_on(response):
    """{"Received": "done", "Read by a moderator": "not yet", ...} as the status page shows them."""
    return {match["label"]: match["state"] for match in STAGE.finditer(response.content.decode())}


def feedback_rows_text():
    """Every text column (and JSON, read as text) of every submission and draft, joined together."""
    found = []
    for model in (Submission, Draft):
        columns = [
            field.column
            for field in model._meta.concrete_fields
            if field.get_internal_type() in {"CharField", "TextField", "JSONField"}
        ]
        quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {quoted} FROM {connection.ops.quote_name(model._meta.db_table)}")  # noqa: S608
            found.extend(str(value) for row in cursor.fetchall() for value in row)
    return "\n".join(found)


def send(client, service, **answers):
    """Send a complete draft through "Check your answers", as the person's browser would."""
    _draft, token = factories.complete_draft(service=service, **answers)
    response = client.post(CHECK_URL, {"draft_token": token})
    assert response.status_code == 302
    assert response.url == reverse("feedback:thank_you")
    return Submission.objects.get(draft_digest=services.digest(token))


def process_tasks():
    return DBTaskResult.objects.filter(task_path=PROCESS_TASK)


# 1. "Your feedback": look up a reference code ------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        pytest.param(REFERENCE, id="as-given"),
        pytest.param("10km0q1v", id="lower-case"),
        pytest.param("10KM 0Q1V", id="with-a-space"),
        pytest.param("10km-0q1v", id="with-a-dash"),
        pytest.param(" 10KM-0Q1V ", id="with-spaces-around"),
        pytest.param("IOKM-OQLV", id="O-for-0-I-and-L-for-1"),
        pytest.param("lokm oqiu", id="lookalikes-in-lower-case-and-U-for-V"),
    ],
)
def test_a_reference_code_is_found_however_it_is_typed(client, sent, typed):
    response = look_up(client, typed)

    assert response.status_code == 302
    assert response.url == STATUS_URL
    page = client.get(response.url)
    assert page.status_code == 200
    assert "10KM-0Q1V" in page.content.decode()
    assert stages_on(page) == {
        "Received": "done",
        "Read by a moderator": "not yet",
        "Included in reports to the steering group": "not yet",
    }


def test_a_wrong_reference_code_is_explained_and_what_was_typed_is_kept(client, sent):
    response = look_up(client, "7K3M-Q9TX")

    html = response.content.decode()
    assert response.status_code == 200
    assert "We could not find feedback with that reference code" in html
    assert 'value="7K3M-Q9TX"' in html
    assert views.LOOKUP_COOKIE not in response.cookies


@pytest.mark.parametrize("typed", ["", "   ", "- -"])
def test_an_empty_reference_code_asks_for_one(client, sent, typed):
    response = look_up(client, typed)

    assert response.status_code == 200
    assert "Enter your reference code" in response.content.decode()
    assert views.LOOKUP_COOKIE not in response.cookies


@pytest.mark.parametrize("url", [STATUS_URL, WITHDRAW_URL])
def test_without_a_looked_up_code_the_status_pages_send_people_to_the_lookup(client, sent, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response.url == reverse("feedback:lookup")


def test_a_tampered_lookup_cookie_is_refused(client, sent, service):
    other = factories.submission(service=service)
    assert look_up(client, REFERENCE).status_code == 302
    signed = client.cookies[views.LOOKUP_COOKIE].value
    assert signed.startswith(f"{sent.pk}:")

    client.cookies[views.LOOKUP_COOKIE] = f"{other.pk}:" + signed.split(":", 1)[1]
    response = client.get(STATUS_URL)

    assert response.status_code == 302
    assert response.url == reverse("feedback:lookup")
    assert client.post(WITHDRAW_URL).status_code == 302
    assert Submission.objects.get(pk=other.pk).status == SubmissionStatus.RECEIVED


@pytest.mark.parametrize("forged", ["plain-id", "thank-you-cookie"])
def test_a_lookup_cookie_not_signed_for_the_lookup_is_refused(client, service, forged):
    submission = send(client, service)
    # The thank-you page's cookie names the same submission, but is signed for another purpose.
    thank_you_cookie = client.cookies[views.SENT_COOKIE].value
    assert submission.formatted_reference in client.get(reverse("feedback:thank_you")).content.decode()
    client.cookies[views.LOOKUP_COOKIE] = {"plain-id": str(submission.pk), "thank-you-cookie": thank_you_cookie}[forged]

    response = client.get(STATUS_URL)

    assert response.status_code == 302
    assert response.url == reverse("feedback:lookup")


def test_approved_feedback_shows_it_was_read_and_included_in_reports(client, sent):
    Submission.objects.filter(pk=sent.pk).update(status=SubmissionStatus.APPROVED)

    look_up(client, REFERENCE)
    page = client.get(STATUS_URL)

    assert stages_on(page) == {
        "Received": "done",
        "Read by a moderator": "done",
        "Included in reports to the steering group": "done",
    }


# 2. Withdrawing --------------------------------------------------------------------------------


def test_withdrawing_asks_first_and_changes_nothing_until_confirmed(client, sent):
    look_up(client, REFERENCE)

    response = client.get(WITHDRAW_URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Are you sure you want to withdraw your feedback?" in html
    assert "10KM-0Q1V" in html
    sent.refresh_from_db()
    assert sent.status == SubmissionStatus.RECEIVED
    assert sent.what_was_good == GOOD_WORDS
    assert ContactDetails.objects.filter(submission=sent).exists()


def test_withdrawing_deletes_the_words_and_contact_details_and_records_it(client, sent):
    assert GOOD_WORDS in feedback_rows_text()
    assert ContactDetails.objects.filter(submission=sent).exists()
    look_up(client, REFERENCE)

    response = client.post(WITHDRAW_URL)

    assert response.status_code == 200
    assert "Your feedback has been withdrawn" in response.content.decode()
    sent.refresh_from_db()
    assert sent.status == SubmissionStatus.WITHDRAWN
    assert sent.withdrawn_at is not None
    assert sent.what_was_good == ""
    assert sent.what_could_be_better == ""
    assert sent.consent_to_share is False
    assert not ContactDetails.objects.filter(submission_id=sent.pk).exists()
    event = AuditEvent.objects.get(action="feedback.withdrawn")
    assert event.object_id == str(sent.pk)
    assert event.detail == {"contact_details_deleted": True}
    rows = feedback_rows_text()
    for words in (GOOD_WORDS, BETTER_WORDS, "Bartholomew", "flicker", CONTACT["name"], CONTACT["email"]):
        assert words not in rows
        assert not AuditEvent.objects.filter(detail__icontains=words).exists()


def test_withdrawing_twice_is_harmless(client, sent):
    look_up(client, REFERENCE)
    client.post(WITHDRAW_URL)
    withdrawn_at = Submission.objects.get(pk=sent.pk).withdrawn_at

    look_up(client, REFERENCE)
    status = client.get(STATUS_URL)
    again = client.post(WITHDRAW_URL)
    services.withdraw(submission=sent)

    assert stages_on(status) == {"Withdrawn": "done"}
    assert "Withdraw my feedback" not in status.content.decode()
    assert again.status_code == 200
    assert Submission.objects.get(pk=sent.pk).withdrawn_at == withdrawn_at
    assert AuditEvent.objects.filter(action="feedback.withdrawn").count() == 1


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"status": SubmissionStatus.WITHDRAWN}, id="withdrawn-with-words"),
        pytest.param({"status": SubmissionStatus.WITHDRAWN, "what_was_good": ""}, id="withdrawn-with-some-words"),
        pytest.param({"status": SubmissionStatus.WITHDRAWN, "what_could_be_better": ""}, id="withdrawn-other-words"),
    ],
)
def test_the_database_refuses_a_withdrawn_submission_that_still_has_words(sent, change):
    with pytest.raises(IntegrityError), transaction.atomic():
        Submission.objects.filter(pk=sent.pk).update(withdrawn_at=timezone.now(), **change)

    sent.refresh_from_db()
    assert sent.status == SubmissionStatus.RECEIVED


def test_the_database_refuses_a_withdrawal_time_on_feedback_that_was_not_withdrawn(sent):
    with pytest.raises(IntegrityError), transaction.atomic():
        Submission.objects.filter(pk=sent.pk).update(withdrawn_at=timezone.now(), what_was_good="")


def test_the_database_accepts_a_withdrawal_without_words(sent):
    Submission.objects.filter(pk=sent.pk).update(
        status=SubmissionStatus.WITHDRAWN, withdrawn_at=timezone.now(), what_was_good="", what_could_be_better=""
    )

    assert Submission.objects.get(pk=sent.pk).status == SubmissionStatus.WITHDRAWN


# 3. Processing in the background ---------------------------------------------------------------


def test_sending_queues_processing_once_the_transaction_commits(client, service, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        submission = send(client, service)
        assert not process_tasks().exists()

    assert len(callbacks) == 1
    queued = process_tasks().get()
    assert queued.status == TaskResultStatus.READY
    assert queued.args_kwargs == {"args": [submission.pk], "kwargs": {}}


def test_the_worker_processes_the_submission_and_records_it(
    client, service, run_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submission = send(client, service, what_could_be_better="Some nights I wanted to hurt myself.")
    assert submission.processed_at is None
    assert submission.risk_categories == []

    run_worker()

    submission.refresh_from_db()
    assert submission.processed_at is not None
    assert submission.risk_categories == ["self_harm"]
    assert submission.suggested_risk is True
    result = process_tasks().get()
    assert result.status == TaskResultStatus.SUCCESSFUL
    event = AuditEvent.objects.get(action="feedback.processed")
    assert event.object_id == str(submission.pk)
    assert event.detail == {"risk_categories": ["self_harm"]}


def test_feedback_without_risk_words_is_processed_with_no_categories(
    client, service, run_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submission = send(client, service)

    run_worker()

    submission.refresh_from_db()
    assert submission.processed_at is not None
    assert submission.risk_categories == []


def test_processing_twice_does_nothing_the_second_time(sent):
    assert services.process(submission_id=sent.pk) is True
    processed_at = Submission.objects.get(pk=sent.pk).processed_at

    assert services.process(submission_id=sent.pk) is False

    assert Submission.objects.get(pk=sent.pk).processed_at == processed_at
    assert AuditEvent.objects.filter(action="feedback.processed").count() == 1


def test_processing_a_submission_that_is_gone_does_nothing():
    assert services.process(submission_id=987654) is False
    assert not AuditEvent.objects.filter(action="feedback.processed").exists()


@pytest.fixture
def waiting(service):
    """Three submissions, none queued (their on-commit callbacks never run): an old and a new one
    still unprocessed, and an old one already processed."""
    old, new, done = (factories.submission(service=service) for _ in range(3))
    an_hour_ago = timezone.now() - timedelta(hours=1)
    Submission.objects.filter(pk__in=[old.pk, done.pk]).update(submitted_at=an_hour_ago)
    services.process(submission_id=done.pk)
    return {"old": old, "new": new, "done": done}


def run_command(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def queued_ids():
    return sorted(task.args_kwargs["args"][0] for task in process_tasks())


def test_process_pending_queues_only_unprocessed_feedback_older_than_the_grace(waiting):
    output = run_command("process_pending")

    assert "Queued 1 submission(s) for processing." in output
    assert queued_ids() == [waiting["old"].pk]


def test_process_pending_with_no_grace_queues_every_unprocessed_submission(waiting):
    output = run_command("process_pending", "--older-than", "0")

    assert "Queued 2 submission(s) for processing." in output
    assert queued_ids() == sorted([waiting["old"].pk, waiting["new"].pk])


def test_process_pending_now_processes_them_in_the_command(waiting):
    output = run_command("process_pending", "--older-than", "0", "--now")

    assert "Processed 2 submission(s)." in output
    assert not process_tasks().exists()
    assert not Submission.objects.filter(processed_at__isnull=True).exists()
    assert AuditEvent.objects.filter(action="feedback.processed").count() == 3


def test_if_the_queue_is_down_the_feedback_is_still_stored_and_picked_up_later(
    client, service, run_worker, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    def queue_is_down(*args, **kwargs):
        raise ConnectionError("The task queue is down.")

    with monkeypatch.context() as patched:
        # The task is a frozen dataclass, so its backend's enqueue is what fails.
        patched.setattr(DatabaseBackend, "enqueue", queue_is_down)
        # The portal's loggers do not propagate to the root logger, where caplog listens.
        patched.setattr(logging.getLogger("portal"), "propagate", True)
        with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
            submission = send(client, service)

    assert Submission.objects.filter(pk=submission.pk).exists()
    assert not process_tasks().exists()
    assert f"Could not queue processing for submission {submission.pk}" in caplog.text

    assert "Queued 1 submission(s)" in run_command("process_pending", "--older-than", "0")
    run_worker()

    assert Submission.objects.get(pk=submission.pk).processed_at is not None


# 4. Purging expired drafts ---------------------------------------------------------------------


def expire(draft):
    Draft.objects.filter(pk=draft.pk).update(expires_at=timezone.now() - timedelta(minutes=1))


def test_purge_expired_deletes_only_expired_drafts_and_records_how_many(service):
    expired, expired_token = services.start_draft()
    live, live_token = services.start_draft()
    sent_draft, _token = factories.complete_draft(service=service)
    submission = services.submit(draft=sent_draft)[0]
    expire(expired)
    expire(sent_draft)

    output = run_command("purge_expired")

    assert "Deleted 2 expired draft(s)." in output
    assert list(Draft.objects.values_list("pk", flat=True)) == [live.pk]
    assert Submission.objects.filter(pk=submission.pk).exists()
    assert services.find_draft(expired_token) is None
    assert services.find_draft(live_token) == live
    event = AuditEvent.objects.get(action="feedback.drafts_purged")
    assert event.detail == {"count": 2}


def test_purge_expired_with_nothing_to_delete_records_nothing(db):
    services.start_draft()

    assert "Deleted 0 expired draft(s)." in run_command("purge_expired")
    assert Draft.objects.count() == 1
    assert not AuditEvent.objects.filter(action="feedback.drafts_purged").exists()


CONTACT = {"name": "Sam", "method": "email", "email": "sam@example.org", "phone": ""}


def test_contact_details_go_when_staff_record_the_follow_up(service):
    moderator = UserFactory(roles=[MODERATORS])
    submission = factories.submission(service=service, contact=CONTACT)
    assert ContactDetails.objects.filter(submission=submission).exists()

    assert services.delete_contact_details(submission=submission, by=moderator) is True
    assert services.delete_contact_details(submission=submission, by=moderator) is False

    assert not ContactDetails.objects.filter(submission=submission).exists()
    event = AuditEvent.objects.get(action="feedback.contact_details_deleted")
    assert event.actor_label == moderator.email
    assert event.object_id == str(submission.pk)
    assert "sam@example.org" not in json.dumps(event.detail)


def test_purge_expired_deletes_contact_details_past_their_time_limit(service, settings):
    settings.FEEDBACK_CONTACT_DETAILS_DAYS = 90
    old = factories.submission(service=service, contact=CONTACT)
    recent = factories.submission(service=service, contact=CONTACT)
    ContactDetails.objects.filter(submission=old).update(created_at=timezone.now() - timedelta(days=91))

    output = run_command("purge_expired")

    assert "Deleted 1 set(s) of contact details past their time limit." in output
    assert list(ContactDetails.objects.values_list("submission_id", flat=True)) == [recent.pk]
    assert Submission.objects.filter(pk=old.pk).exists()  # the feedback stays; only how to reach them goes
    assert AuditEvent.objects.get(action="feedback.contact_details_purged").detail == {"count": 1}


def test_an_expired_drafts_step_page_starts_fresh(client):
    draft, token = services.start_draft()
    services.save_answers(draft=draft, step=STEPS_BY_SLUG["who"], cleaned_data={"respondent": "carer"})
    client.cookies[views.DRAFT_COOKIE] = token
    assert 'value="carer" checked' in client.get("/feedback/who/").content.decode()
    expire(draft)

    run_command("purge_expired")
    page = client.get("/feedback/who/")
    answered = client.post("/feedback/who/", {"draft_token": token, "respondent": "staff"})

    assert services.find_draft(token) is None
    assert page.status_code == 200
    assert " checked" not in page.content.decode()
    assert answered.status_code == 302
    new_token = answered.cookies[views.DRAFT_COOKIE].value
    assert new_token != token
    new_draft = Draft.objects.get()
    assert new_draft.token_digest == services.digest(new_token)
    assert new_draft.answers == {"respondent": "staff"}


# 5. Counts for operators -------------------------------------------------------------------------


def test_portal_stats_prints_counts_and_no_words(service):
    closed_trust = factories.OrganisationFactory(name="Closed Trust", is_active=False)
    factories.ServiceFactory(organisation=service.organisation, name="Closed Ward", is_active=False)
    factories.ServiceFactory(organisation=closed_trust, name="Ward in a closed trust")
    received = factories.submission(service=service, contact=CONTACT, what_was_good=GOOD_WORDS)
    approved = factories.submission(service=service, what_could_be_better=BETTER_WORDS)
    withdrawn = factories.submission(service=None, easy_read=True)
    Submission.objects.filter(pk=approved.pk).update(status=SubmissionStatus.APPROVED)
    services.withdraw(submission=withdrawn)
    services.start_draft()
    services.start_draft()

    output = run_command("portal_stats")

    stats = json.loads(output)
    assert stats["submissions"]["total"] == 3
    assert stats["submissions"]["by_status"] == {
        "received": 1,
        "escalated": 0,
        "approved": 1,
        "rejected": 0,
        "withdrawn": 1,
    }
    assert stats["submissions"]["easy_read"] == 1
    assert stats["drafts"] == 2
    assert stats["contact_details"] == 1
    assert stats["services"] == {"total": 3, "offered": 1}
    assert stats["themes"]["in_use"] == stats["themes"]["total"] == 40  # the seeded codebook
    assert stats["actions"] == {"total": 0, "published": 0, "by_status": {"planned": 0, "in_progress": 0, "done": 0}}
    for name in ("studies", "expressions_of_interest"):
        assert name in stats
    for words in (GOOD_WORDS, BETTER_WORDS, "Bartholomew", CONTACT["name"], CONTACT["email"], "Willow Ward"):
        assert words not in output
    for submission in (received, approved, withdrawn):
        assert submission.reference not in output


def test_portal_stats_lists_every_status_when_there_is_no_feedback(db):
    stats = json.loads(run_command("portal_stats"))

    assert stats["submissions"]["total"] == 0
    assert stats["submissions"]["by_status"] == {status.value: 0 for status in SubmissionStatus}


# 6. The services list in the Wagtail admin -------------------------------------------------------

SERVICES_LIST = "wagtailsnippets_feedback_service:list"


def staff_client(role):
    """A client signed in as staff with the role, who have set up two-step sign-in."""
    client = Client()
    client.force_login(UserFactory(roles=[role], with_totp=True))
    return client


def service_step_html():
    return Client().get(SERVICE_STEP_URL).content.decode()


@pytest.mark.parametrize("role", [EDITORS, ADMINISTRATORS])
def test_editors_and_administrators_open_the_services_list(service, role):
    response = staff_client(role).get(reverse(SERVICES_LIST))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Services and wards" in html
    assert "Willow Ward" in html
    assert "Northshire NHS Foundation Trust" in html


@pytest.mark.parametrize("role", [EDITORS, ADMINISTRATORS])
def test_editors_and_administrators_add_a_service_that_people_can_then_choose(service, role):
    assert "Cedar Ward" not in service_step_html()

    response = staff_client(role).post(
        reverse("wagtailsnippets_feedback_service:add"),
        {
            "organisation": service.organisation.pk,
            "name": "Cedar Ward",
            "ward_type": "picu",
            "place": "Eastbridge",
            "is_active": "on",
        },
    )

    assert response.status_code == 302
    assert response.url == reverse(SERVICES_LIST)
    added = Service.objects.get(name="Cedar Ward")
    assert added.organisation == service.organisation
    assert added.ward_type == "picu"
    html = service_step_html()
    assert "Cedar Ward" in html
    assert f'value="{added.pk}"' in html


def test_moderators_cannot_open_or_change_the_services_list(service):
    client = staff_client(MODERATORS)

    listing = client.get(reverse(SERVICES_LIST))
    added = client.post(
        reverse("wagtailsnippets_feedback_service:add"),
        {"organisation": service.organisation.pk, "name": "Cedar Ward", "ward_type": "picu"},
    )

    for response in (listing, added):
        assert response.status_code == 302
        assert response.url == reverse("wagtailadmin_home")
    home = client.get(reverse("wagtailadmin_home"))
    assert "Sorry, you do not have permission to access this area." in home.content.decode()
    assert not Service.objects.filter(name="Cedar Ward").exists()


def test_a_deactivated_service_is_no_longer_offered(service):
    assert "Willow Ward" in service_step_html()

    response = staff_client(EDITORS).post(
        reverse("wagtailsnippets_feedback_service:edit", args=[service.pk]),
        {
            "organisation": service.organisation.pk,
            "name": service.name,
            "ward_type": service.ward_type,
            "place": service.place,
            # An unticked checkbox is not sent at all.
        },
    )

    assert response.status_code == 302
    service.refresh_from_db()
    assert service.is_active is False
    assert "Willow Ward" not in service_step_html()


def test_a_service_with_feedback_cannot_be_deleted(sent, service):
    client = staff_client(ADMINISTRATORS)

    response = client.post(reverse("wagtailsnippets_feedback_service:delete", args=[service.pk]))

    # Refused with a message saying what to do instead, not a server error.
    assert response.status_code == 302
    assert response.url == reverse(SERVICES_LIST)
    listing = client.get(response.url).content.decode()
    assert "This cannot be deleted because feedback or services refer to it." in listing
    assert Service.objects.filter(pk=service.pk).exists()
    assert Submission.objects.get(pk=sent.pk).service_id == service.pk


def test_services_with_feedback_cannot_be_deleted_together_either(sent, service):
    spare = factories.ServiceFactory(organisation=service.organisation)
    client = staff_client(ADMINISTRATORS)
    url = reverse("wagtail_bulk_action", args=["feedback", "service", "delete"])

    response = client.post(f"{url}?id={service.pk}&id={spare.pk}&next={reverse(SERVICES_LIST)}")

    assert response.status_code == 302
    assert response.url == reverse(SERVICES_LIST)
    assert "Nothing was deleted" in client.get(response.url).content.decode()
    assert Service.objects.filter(pk__in=[service.pk, spare.pk]).count() == 2


def test_an_organisation_with_services_cannot_be_deleted(service):
    client = staff_client(ADMINISTRATORS)

    response = client.post(reverse("wagtailsnippets_feedback_organisation:delete", args=[service.organisation.pk]))

    assert response.status_code == 302
    assert "This cannot be deleted" in client.get(response.url).content.decode()
    assert Organisation.objects.filter(pk=service.organisation.pk).exists()


def test_a_service_without_feedback_can_be_deleted(service):
    spare = factories.ServiceFactory(organisation=service.organisation)
    client = staff_client(ADMINISTRATORS)

    one = client.post(reverse("wagtailsnippets_feedback_service:delete", args=[service.pk]))
    bulk = client.post(reverse("wagtail_bulk_action", args=["feedback", "service", "delete"]) + f"?id={spare.pk}")

    assert one.status_code == 302
    assert bulk.status_code == 302
    assert not Service.objects.exists()


def test_the_services_list_makes_the_same_number_of_queries_however_many_services(db, django_assert_num_queries):
    client = staff_client(EDITORS)
    factories.ServiceFactory.create_batch(2)
    client.get(reverse(SERVICES_LIST))  # warm the caches a first request fills
    with CaptureQueriesContext(connection) as two:
        assert client.get(reverse(SERVICES_LIST)).status_code == 200

    factories.ServiceFactory.create_batch(8)
    with django_assert_num_queries(len(two)):
        response = client.get(reverse(SERVICES_LIST))

    assert response.status_code == 200
    assert Service.objects.count() == 10
    assert all(service.name in response.content.decode() for service in Service.objects.all())


# 7. Sitemap ----------------------------------------------------------------------------------------


def test_the_sitemap_lists_the_feedback_pages(client, site_pages):
    response = client.get("/sitemap.xml")
    tree = ET.fromstring(response.content)  # noqa: S314 - our own response
    namespace = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = {element.text for element in tree.findall("sm:url/sm:loc", namespace)}

    for path in ("/feedback/", "/feedback/easy-read/", "/feedback/your-feedback/"):
        assert f"http://testserver{path}" in locations
