"""What people tell a study is unreadable without the key, and it goes: when they withdraw, when a
researcher records their withdrawal, and RESEARCH_CONTACT_DETAILS_DAYS after the study closes.
Each of these is audited without personal data. The database refuses rows that break the rules."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from portal.core.crypto import DecryptionError, decrypt_text
from portal.core.factories import UserFactory
from portal.core.models import AuditEvent
from portal.feedback import retention
from portal.research import factories, services
from portal.research.choices import InterestStatus
from portal.research.models import ExpressionOfInterest, InterestDraft, InterestNote

pytestmark = pytest.mark.django_db

PERSON = {
    "name": "Philippa Quarrington",
    "method": "supporter",
    "supporter_name": "Desmond Aldous-Fry",
    "supporter_relationship": "family",
    "supporter_email": "desmond.aldous-fry@example.org",
    "supporter_phone": "07700 900123",
    "supporter_agreed": True,
    "communication_needs": ["easy_read", "interpreter"],
    "interpreter_language": "Tigrinya",
    "screening": [{"id": "q1", "question": "Have you lived in segregation?", "answer": "yes"}],
}
WORDS = ["Philippa Quarrington", "Desmond Aldous-Fry", "desmond.aldous-fry@example.org", "07700 900123", "Tigrinya"]
NOTE = "Spoke to Desmond; call Philippa on Thursday"


@pytest.fixture
def researcher():
    return UserFactory(roles=["Researchers"], with_totp=True)


@pytest.fixture
def study(site_pages, researcher):
    index = factories.study_index(site_pages["home"])
    return factories.study_page(index, team=[researcher], questions=["Have you lived in segregation?"])


def rows_containing(text):
    """(table, column value) for every value in the database that contains `text`."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - names from introspection
            found.extend((table, value) for row in cursor.fetchall() for value in row if text in str(value))
    return found


def raw_encrypted(expression):
    with connection.cursor() as cursor:
        cursor.execute("SELECT encrypted FROM research_expressionofinterest WHERE id = %s", [expression.pk])
        return cursor.fetchone()[0]


# Encryption at rest -----------------------------------------------------------------------------


def test_what_a_person_tells_a_study_is_nowhere_in_the_database_in_plain_text(study, researcher):
    expression, _token = factories.expression_of_interest(study, **PERSON)
    services.add_note(expression=expression, text=NOTE, by=researcher)
    draft, _draft_token = services.start_draft(study=study)
    services.save_answers(draft=draft, values={"name": "Ottoline Brackenbury"})

    for text in [*WORDS, NOTE, "Ottoline Brackenbury"]:
        assert rows_containing(text) == []
    assert services.answers_of(expression)["supporter_name"] == "Desmond Aldous-Fry"
    assert services.answers_of(InterestDraft.objects.get(pk=draft.pk)) == {"name": "Ottoline Brackenbury"}


def test_without_the_key_the_stored_details_cannot_be_read(study, settings):
    expression, _token = factories.expression_of_interest(study, **PERSON)
    stored = raw_encrypted(expression)

    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]

    with pytest.raises(DecryptionError):
        decrypt_text(stored)


# Withdrawal -------------------------------------------------------------------------------------


def test_a_person_withdrawing_leaves_no_details_or_notes_and_is_audited(study, researcher):
    expression, token = factories.expression_of_interest(study, consent_future_studies=True, **PERSON)
    services.add_note(expression=expression, text=NOTE, by=researcher)

    found = services.find_by_withdraw_token(token)
    services.withdraw(expression=found, via="link")

    expression.refresh_from_db()
    assert expression.status == InterestStatus.WITHDRAWN
    assert expression.encrypted == ""
    assert expression.withdrawn_at is not None
    assert expression.personal_data_deleted_at is not None
    assert expression.consent_future_studies is False
    assert not InterestNote.objects.exists()
    for text in [*WORDS, NOTE]:
        assert rows_containing(text) == []
    event = AuditEvent.objects.get(action="research.interest_withdrawn")
    assert event.actor is None
    assert event.detail == {"study": study.pk, "from": "new", "by": "person", "via": "link", "notes_deleted": 1}


def test_a_researcher_recording_a_withdrawal_is_audited_with_their_name(study, researcher):
    expression, _token = factories.expression_of_interest(study, **PERSON)
    services.set_status(expression=expression, status=InterestStatus.CONTACTED, by=researcher)

    services.withdraw(expression=expression, by=researcher)
    services.withdraw(expression=expression, by=researcher)  # twice is once

    expression.refresh_from_db()
    assert expression.encrypted == ""
    events = AuditEvent.objects.filter(action="research.interest_withdrawn")
    assert events.count() == 1
    assert events.get().actor == researcher
    assert events.get().detail["from"] == "contacted"
    assert events.get().detail["by"] == "researcher"


def test_nothing_more_is_recorded_about_someone_who_withdrew(study, researcher):
    expression, _token = factories.expression_of_interest(study, **PERSON)
    services.withdraw(expression=expression)

    with pytest.raises(services.InterestClosed):
        services.set_status(expression=expression, status=InterestStatus.ENROLLED, by=researcher)
    with pytest.raises(services.InterestClosed):
        services.add_note(expression=expression, text=NOTE, by=researcher)
    with pytest.raises(ValueError, match="not a status a researcher can set"):
        services.set_status(expression=expression, status=InterestStatus.WITHDRAWN, by=researcher)


def test_a_withdrawal_code_is_found_however_it_is_typed(study):
    expression, _token = factories.expression_of_interest(study)
    typed = f" {expression.reference[:4].lower()} - {expression.reference[4:].lower()} "

    assert services.find_by_reference(typed) == expression
    assert services.find_by_reference("") is None
    assert services.find_by_withdraw_token("not-a-token") is None


# Retention --------------------------------------------------------------------------------------


def close(study, *, days_ago):
    study.closing_date = timezone.localdate() - timedelta(days=days_ago)
    study.status = "closed"
    study.save(update_fields=["closing_date", "status"])


def test_details_and_notes_go_the_set_time_after_the_study_closes_and_the_run_is_audited(
    study, researcher, site_pages, settings
):
    settings.RESEARCH_CONTACT_DETAILS_DAYS = 90
    kept_study = factories.study_page(factories.study_index(site_pages["home"]), title="A study closed recently")
    expressions = [factories.expression_of_interest(study, **PERSON)[0] for _ in range(3)]
    services.add_note(expression=expressions[0], text=NOTE, by=researcher)
    services.set_status(expression=expressions[1], status=InterestStatus.ENROLLED, by=researcher)
    kept, _token = factories.expression_of_interest(kept_study, name="Ffion Carradine-Oyelaran")
    close(study, days_ago=91)
    close(kept_study, days_ago=90)

    out = StringIO()
    call_command("purge_expired", stdout=out)

    for expression in expressions:
        expression.refresh_from_db()
        assert expression.encrypted == ""
        assert expression.personal_data_deleted_at is not None
    # The status stays, so the study's numbers still add up.
    assert expressions[1].status == InterestStatus.ENROLLED
    assert not InterestNote.objects.exists()
    for text in [*WORDS, NOTE]:
        assert rows_containing(text) == []
    kept.refresh_from_db()
    assert services.answers_of(kept)["name"] == "Ffion Carradine-Oyelaran"
    event = AuditEvent.objects.get(action="research.contact_details_purged")
    assert event.object_id == str(study.pk)
    assert event.detail == {"count": 3, "notes_deleted": 1, "days_after_closing": 90}
    assert "Deleted the details of 3 person(s) interested in studies" in out.getvalue()

    # A second run finds nothing more and records nothing more.
    assert retention.purge_expired()["research_contact_details"] == 0
    assert AuditEvent.objects.filter(action="research.contact_details_purged").count() == 1


def test_an_open_study_keeps_its_details_however_old_they_are(study):
    expression, _token = factories.expression_of_interest(study, **PERSON)
    ExpressionOfInterest.objects.filter(pk=expression.pk).update(created_at=timezone.now() - timedelta(days=400))

    assert retention.purge_expired()["research_contact_details"] == 0
    expression.refresh_from_db()
    assert expression.encrypted


def test_unfinished_answers_go_after_the_draft_time_limit(study, settings):
    settings.RESEARCH_DRAFT_DAYS = 7
    old, _token = services.start_draft(study=study)
    services.save_answers(draft=old, values={"name": "Ottoline Brackenbury"})
    fresh, _token = services.start_draft(study=study)
    InterestDraft.objects.filter(pk=old.pk).update(expires_at=timezone.now() - timedelta(minutes=1))

    assert retention.purge_expired()["research_drafts"] == 1

    assert list(InterestDraft.objects.all()) == [fresh]
    assert AuditEvent.objects.get(action="research.drafts_purged").detail == {"count": 1}


# Sending ----------------------------------------------------------------------------------------


def test_sending_a_draft_twice_registers_interest_once_and_gives_the_token_once(study):
    draft, _token = services.start_draft(study=study)
    services.save_answers(draft=draft, values={"name": "Sam"})

    first, token, created = services.send(draft=draft, answers=PERSON, consent_future_studies=False)
    again, no_token, created_again = services.send(draft=draft, answers=PERSON, consent_future_studies=False)

    assert (created, created_again) == (True, False)
    assert again == first
    assert token and no_token == ""
    assert ExpressionOfInterest.objects.count() == 1
    assert InterestDraft.objects.get(pk=draft.pk).encrypted == ""
    event = AuditEvent.objects.get(action="research.interest_registered")
    assert event.detail == {"study": study.pk, "easy_read": False, "spam_signals": []}


def test_a_study_that_stopped_recruiting_takes_no_more_interest(study):
    draft, _token = services.start_draft(study=study)
    close(study, days_ago=1)

    with pytest.raises(services.StudyNotRecruiting):
        services.send(draft=draft, answers=PERSON, consent_future_studies=False)
    assert not ExpressionOfInterest.objects.exists()


# Database rules ---------------------------------------------------------------------------------


def test_the_database_refuses_interest_without_consent_or_withdrawal_with_details(study):
    expression, _token = factories.expression_of_interest(study)

    for changes in (
        {"consent_this_study": False},
        {"status": InterestStatus.WITHDRAWN},  # withdrawn without a time, and with details
        {"encrypted": ""},  # details gone without recording when
        {"reference": "ILOU0000"},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            ExpressionOfInterest.objects.filter(pk=expression.pk).update(**changes)


# Counts for operators ---------------------------------------------------------------------------


def test_portal_stats_counts_studies_and_interest_without_personal_data(study, researcher, site_pages):
    factories.study_page(factories.study_index(site_pages["home"]), title="Closed study", status="paused")
    first, _token = factories.expression_of_interest(study, **PERSON)
    second, _token = factories.expression_of_interest(study, **PERSON)
    services.set_status(expression=first, status=InterestStatus.SCREENED, by=researcher)
    services.withdraw(expression=second)
    services.start_draft(study=study)

    out = StringIO()
    call_command("portal_stats", stdout=out)

    stats = json.loads(out.getvalue())
    assert stats["studies"] == 2
    assert stats["expressions_of_interest"] == 2
    assert stats["research"]["studies_live"] == 2
    assert stats["research"]["studies_recruiting"] == 1
    assert stats["research"]["expressions_of_interest_by_status"]["screened"] == 1
    assert stats["research"]["expressions_of_interest_by_status"]["withdrawn"] == 1
    assert stats["research"]["expressions_of_interest_with_personal_data"] == 1
    assert stats["research"]["interest_drafts"] == 1
    for text in WORDS:
        assert text not in out.getvalue()
    assert first.reference not in out.getvalue()


# A study page deleted in the CMS ----------------------------------------------------------------


def test_deleting_a_study_page_deletes_its_interest_and_audits_how_much(client, study):
    factories.expression_of_interest(study, **PERSON)
    withdrawn, _token = factories.expression_of_interest(study, **PERSON)
    services.withdraw(expression=withdrawn)
    editor = UserFactory(roles=["Editors"], with_totp=True)
    client.force_login(editor)

    response = client.post(f"/admin/pages/{study.pk}/delete/")

    assert response.status_code == 302
    assert not ExpressionOfInterest.objects.exists()
    event = AuditEvent.objects.get(action="research.deleted_with_study_page")
    assert event.actor == editor
    assert event.detail == {"page": study.pk, "expressions_of_interest": 2, "with_personal_data": 1}


def test_deleting_a_page_without_interest_records_nothing(client, study, site_pages):
    client.force_login(UserFactory(roles=["Editors"], with_totp=True))
    other = factories.study_page(factories.study_index(site_pages["home"]), title="Nobody yet")

    assert client.post(f"/admin/pages/{other.pk}/delete/").status_code == 302
    assert not AuditEvent.objects.filter(action="research.deleted_with_study_page").exists()


def test_deleting_study_pages_in_bulk_is_audited_for_each(client, study, site_pages):
    other = factories.study_page(factories.study_index(site_pages["home"]), title="Another study")
    factories.expression_of_interest(study, **PERSON)
    factories.expression_of_interest(other, **PERSON)
    factories.expression_of_interest(other, **PERSON)
    editor = UserFactory(roles=["Editors"], with_totp=True)
    client.force_login(editor)

    response = client.post(f"/admin/bulk/wagtailcore/page/delete/?id={study.pk}&id={other.pk}")

    assert response.status_code == 302
    assert not ExpressionOfInterest.objects.exists()
    events = AuditEvent.objects.filter(action="research.deleted_with_study_page")
    assert {event.actor for event in events} == {editor}
    assert sorted((event.detail["page"], event.detail["expressions_of_interest"]) for event in events) == [
        (study.pk, 1),
        (other.pk, 2),
    ]
