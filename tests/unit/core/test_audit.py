import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, connection, transaction

from portal.core import audit
from portal.core.factories import UserFactory
from portal.core.models import AuditEvent, AuditLogIsAppendOnly, CrisisContacts


@pytest.fixture
def event(db):
    return audit.record(action="test.something_happened", actor=UserFactory(), detail={"count": 3})


def test_record_writes_the_actor_the_action_and_the_detail(db):
    user = UserFactory(email="editor.one@example.org")

    event = audit.record(action="page.published", actor=user, detail={"revision": 12})

    stored = AuditEvent.objects.get(pk=event.pk)
    assert stored.action == "page.published"
    assert stored.actor_id == user.pk
    assert stored.actor_label == "editor.one@example.org"
    assert stored.detail == {"revision": 12}
    assert stored.occurred_at is not None


def test_record_names_the_object_by_type_and_id(db):
    user = UserFactory()
    target = UserFactory()

    event = audit.record(action="account.role_changed", actor=user, obj=target)

    stored = AuditEvent.objects.get(pk=event.pk)
    assert stored.object_type == ContentType.objects.get_for_model(target)
    assert stored.object_id == str(target.pk)
    assert stored.object_label == f"core.user {target.pk}"


def test_record_without_an_actor_or_object_leaves_them_empty(db):
    event = audit.record(action="account.sign_in_failed")

    stored = AuditEvent.objects.get(pk=event.pk)
    assert stored.actor_id is None
    assert stored.actor_label == ""
    assert stored.object_type is None
    assert stored.object_id == ""
    assert stored.detail == {}


def test_record_treats_an_anonymous_visitor_as_no_actor(db):
    from django.contrib.auth.models import AnonymousUser

    event = audit.record(action="feedback.submitted", actor=AnonymousUser())

    assert event.actor_id is None
    assert event.actor_label == ""


def test_record_refuses_an_object_that_has_not_been_saved(db):
    with pytest.raises(ValueError, match="saved"):
        audit.record(action="test.unsaved", obj=CrisisContacts())

    assert not AuditEvent.objects.exists()


def test_queryset_update_is_refused(event):
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEvent.objects.filter(pk=event.pk).update(action="test.rewritten")

    assert AuditEvent.objects.get(pk=event.pk).action == "test.something_happened"


def test_queryset_delete_is_refused(event):
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEvent.objects.all().delete()

    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_saving_an_existing_event_again_is_refused(event):
    event.action = "test.rewritten"

    with pytest.raises(AuditLogIsAppendOnly):
        event.save()

    assert AuditEvent.objects.get(pk=event.pk).action == "test.something_happened"


def test_saving_a_fetched_event_again_is_refused(event):
    fetched = AuditEvent.objects.get(pk=event.pk)
    fetched.detail = {"count": 0}

    with pytest.raises(AuditLogIsAppendOnly):
        fetched.save()


def test_deleting_an_event_is_refused(event):
    with pytest.raises(AuditLogIsAppendOnly):
        event.delete()

    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the append-only trigger exists on PostgreSQL only")
@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE core_auditevent SET action = 'test.rewritten'",
        "DELETE FROM core_auditevent",
    ],
)
def test_postgresql_refuses_raw_sql_that_changes_or_removes_events(event, statement):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement)

    assert AuditEvent.objects.get(pk=event.pk).action == "test.something_happened"


def test_deleting_the_actor_keeps_the_event_and_who_it_was(db):
    user = UserFactory(email="leaver@example.org")
    event = audit.record(action="page.published", actor=user)
    user_pk = user.pk

    user.delete()

    stored = AuditEvent.objects.get(pk=event.pk)
    assert stored.actor_label == "leaver@example.org"
    assert stored.actor_id == user_pk


def test_events_read_newest_first(db):
    first = audit.record(action="test.first")
    second = audit.record(action="test.second")

    assert list(AuditEvent.objects.all()) == [second, first]


def test_an_event_reads_as_when_who_and_what(event):
    assert str(event).endswith(f"{event.actor_label} test.something_happened")
