"""The moderation queue: who may read raw words, every read audited, decisions that cannot collide."""

import pytest
from django.urls import reverse

from portal.core.factories import UserFactory
from portal.core.models import AuditEvent
from portal.feedback import moderation, services
from portal.feedback.factories import ServiceFactory, submission
from portal.feedback.models import ModerationDecision, Redaction, RedactionTerm, SafeguardingFlag, Submission, Theme

pytestmark = pytest.mark.django_db

WORDS = "Nurse Priya Kaur was kind. Ring my mum on 07700 900123 about it."


@pytest.fixture
def sent():
    made = submission(what_was_good=WORDS, what_could_be_better="More to do at weekends.")
    services.process(submission_id=made.pk)
    made.refresh_from_db()
    return made


def signed_in(client, *roles, **kwargs):
    user = UserFactory(roles=list(roles), with_totp=True, **kwargs)
    client.force_login(user)
    return user


def detail_url(item):
    return reverse("feedback_moderation:detail", args=[item.pk])


def decide(client, item, **data):
    item.refresh_from_db()
    redactions = list(item.redactions.values_list("pk", flat=True))
    theme = Theme.objects.get(name="Positive experience & gratitude")
    form = {
        "do": "decide",
        "version": item.version,
        "remove": redactions,
        "themes": [theme.pk],
        "sentiment": "positive",
        "action": "approve",
        "reason": "",
        **data,
    }
    return client.post(detail_url(item), form)


# Who can read -----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["Moderators", "Safeguarding leads"])
def test_moderators_and_safeguarding_leads_read_raw_words_and_each_read_is_audited(client, sent, role):
    user = signed_in(client, role)

    for _ in range(2):
        response = client.get(detail_url(sent))
        assert response.status_code == 200
        assert "Priya Kaur" in response.content.decode()

    views = AuditEvent.objects.filter(action="feedback.raw_viewed", object_id=str(sent.pk))
    assert views.count() == 2
    assert {event.actor_id for event in views} == {user.pk}


@pytest.mark.parametrize("role", ["Editors", "Administrators", "Steering group", "Researchers"])
def test_no_other_role_can_open_the_queue_or_read_raw_words(client, sent, role):
    signed_in(client, role)

    for url in (reverse("feedback_moderation:index"), detail_url(sent)):
        response = client.get(url, follow=True)
        assert response.status_code in {200, 403}
        assert "Priya Kaur" not in response.content.decode()
        assert sent.formatted_reference not in response.content.decode()
    assert not AuditEvent.objects.filter(action="feedback.raw_viewed").exists()
    posted = client.post(detail_url(sent), {"do": "decide", "version": 0, "action": "approve"})
    assert posted.status_code in {302, 403}
    sent.refresh_from_db()
    assert sent.status == "received"


def test_people_who_are_not_signed_in_are_sent_to_sign_in(client, sent):
    response = client.get(detail_url(sent))
    assert response.status_code == 302
    assert "login" in response.url
    assert not AuditEvent.objects.filter(action="feedback.raw_viewed").exists()


def test_the_queue_lists_feedback_without_its_words_and_in_few_queries(client, sent, django_assert_max_num_queries):
    signed_in(client, "Moderators")
    for _ in range(5):
        services.process(submission_id=submission().pk)

    with django_assert_max_num_queries(20):
        response = client.get(reverse("feedback_moderation:index"))

    content = response.content.decode()
    assert response.status_code == 200
    assert sent.formatted_reference in content
    assert "Priya" not in content
    assert not AuditEvent.objects.filter(action="feedback.raw_viewed").exists()


# Redactions -------------------------------------------------------------------------------------


def test_processing_suggests_redactions_which_are_highlighted(client, sent):
    labels = set(sent.redactions.values_list("label", flat=True))
    assert {"name", "phone"} <= labels
    signed_in(client, "Moderators")

    content = client.get(detail_url(sent)).content.decode()

    assert "<mark" in content
    assert "[phone number]" in content  # the preview of what others will see


def test_approving_stores_the_redacted_words_themes_and_sentiment(client, sent):
    user = signed_in(client, "Moderators")

    response = decide(client, sent, reason="Clear and useful.")

    assert response.status_code == 302
    sent.refresh_from_db()
    assert sent.status == "approved"
    assert "Priya" not in sent.redacted_what_was_good
    assert "07700" not in sent.redacted_what_was_good
    assert "[phone number]" in sent.redacted_what_was_good
    assert sent.redacted_what_could_be_better == "More to do at weekends."
    assert sent.sentiment == "positive"
    assert list(sent.themes.values_list("name", flat=True)) == ["Positive experience & gratitude"]
    decision = ModerationDecision.objects.get(submission=sent)
    assert (decision.action, decision.reason, decision.decided_by) == ("approve", "Clear and useful.", user)
    event = AuditEvent.objects.get(action="feedback.approve")
    assert event.actor_id == user.pk
    assert "Priya" not in str(event.detail)


def test_an_unticked_suggestion_is_kept_in_the_words(client, sent):
    signed_in(client, "Moderators")
    phone = sent.redactions.get(label="phone")
    keep_all_but_phone = [pk for pk in sent.redactions.values_list("pk", flat=True) if pk != phone.pk]

    decide(client, sent, remove=keep_all_but_phone)

    sent.refresh_from_db()
    assert "07700 900123" in sent.redacted_what_was_good
    phone.refresh_from_db()
    assert phone.status == "rejected"


def test_a_moderator_adds_a_redaction_and_can_remove_it_from_all_new_feedback(client):
    made = submission(what_was_good="Thank you to Bartholomew on Willow.")
    services.process(submission_id=made.pk)
    user = signed_in(client, "Moderators")

    response = client.post(
        detail_url(made), {"do": "add_redaction", "words": "bartholomew", "label": "name", "always": "on"}
    )

    assert response.status_code == 302
    added = Redaction.objects.get(submission=made, source="moderator")
    assert made.what_was_good[added.start : added.end] == "Bartholomew"
    term = RedactionTerm.objects.get()
    assert (term.term, term.added_by) == ("bartholomew", user)
    later = submission(what_was_good="BARTHOLOMEW was on shift again.")
    services.process(submission_id=later.pk)
    assert later.redactions.filter(start=0, end=11).exists()


def test_words_that_are_not_there_are_not_added(client, sent):
    signed_in(client, "Moderators")
    before = sent.redactions.count()

    response = client.post(
        detail_url(sent), {"do": "add_redaction", "words": "Zanzibar", "label": "place"}, follow=True
    )

    assert "not in this feedback" in response.content.decode()
    assert sent.redactions.count() == before


# Decisions --------------------------------------------------------------------------------------


def test_approving_needs_a_theme_and_a_sentiment_and_keeps_what_was_chosen(client, sent):
    signed_in(client, "Moderators")

    response = decide(client, sent, themes=[], sentiment="", reason="Checked")

    assert response.status_code == 400
    content = response.content.decode()
    assert "Choose at least one theme" in content
    assert "Choose the sentiment" in content
    assert "Checked</textarea>" in content
    sent.refresh_from_db()
    assert sent.status == "received"


@pytest.mark.parametrize("action", ["reject_spam", "escalate"])
def test_rejecting_or_escalating_needs_a_reason(client, sent, action):
    signed_in(client, "Moderators")

    response = decide(client, sent, action=action, reason="  ")

    assert response.status_code == 400
    assert "Say why" in response.content.decode()


def test_two_moderators_cannot_overwrite_each_others_decision(client, sent, django_user_model):
    from django.test import Client

    first, second = Client(), Client()
    signed_in(first, "Moderators")
    signed_in(second, "Moderators")
    version_both_saw = sent.version

    assert decide(first, sent, version=version_both_saw).status_code == 302
    response = decide(second, sent, version=version_both_saw, action="reject_spam", reason="Looks automated")

    assert response.status_code == 302
    sent.refresh_from_db()
    assert sent.status == "approved"
    assert ModerationDecision.objects.filter(submission=sent).count() == 1
    page = second.get(response.url)
    assert "already been decided" in page.content.decode() or "Someone else" in page.content.decode()


def test_a_stale_version_is_refused_even_before_the_first_decision_lands():
    made = submission()
    moderator = UserFactory(roles=["Moderators"])
    Submission.objects.filter(pk=made.pk).update(version=3)

    with pytest.raises(moderation.DecisionConflict):
        moderation.decide(submission_id=made.pk, version=2, action="approve", reason="", by=moderator)


def test_quoting_needs_the_persons_consent(client):
    made = submission(consent_to_share="no")
    services.process(submission_id=made.pk)
    signed_in(client, "Moderators")

    decide(client, made, quotable="on")

    made.refresh_from_db()
    assert made.status == "approved"
    assert made.quotable is False


def test_quoting_is_recorded_when_the_person_agreed(client, sent):
    signed_in(client, "Moderators")
    decide(client, sent, quotable="on")
    sent.refresh_from_db()
    assert sent.quotable is True


def test_bulk_reject_skips_feedback_with_an_open_safeguarding_flag(client):
    spam = [submission(what_was_good=f"Buy cheap watches {n}") for n in range(2)]
    risky = submission(what_could_be_better="I do not feel safe on the ward at night.")
    for item in [*spam, risky]:
        services.process(submission_id=item.pk)
    signed_in(client, "Moderators")

    response = client.post(
        reverse("feedback_moderation:index"),
        {"submissions": [item.pk for item in [*spam, risky]], "reason": "Advertising"},
        follow=True,
    )

    assert response.status_code == 200
    assert set(Submission.objects.filter(status="rejected").values_list("pk", flat=True)) == {s.pk for s in spam}
    risky.refresh_from_db()
    assert risky.status == "received"
    assert "were not rejected" in response.content.decode()


def test_bulk_reject_needs_a_selection_and_a_reason(client, sent):
    signed_in(client, "Moderators")
    response = client.post(reverse("feedback_moderation:index"), {"reason": ""})
    assert response.status_code == 400
    assert "Select the feedback to reject" in response.content.decode()


# Queue order and filters ------------------------------------------------------------------------


def test_flagged_feedback_comes_first_then_the_longest_waiting(client):
    plain = submission()
    medium = submission(what_could_be_better="There was a lot of restraint used.")
    high = submission(what_could_be_better="I wanted to end my life on that ward.")
    for item in (plain, medium, high):
        services.process(submission_id=item.pk)

    order = [item.pk for item in moderation.queue()]

    assert order == [high.pk, medium.pk, plain.pk]


def test_the_queue_filters_by_status_risk_service_and_age(client):
    from datetime import timedelta

    from django.utils import timezone

    willow = ServiceFactory(name="Willow Ward")
    old = submission(service=willow)
    Submission.objects.filter(pk=old.pk).update(submitted_at=timezone.now() - timedelta(days=10))
    risky = submission(what_could_be_better="I am not safe here.")
    services.process(submission_id=risky.pk)
    signed_in(client, "Moderators")

    def listed(**query):
        content = client.get(reverse("feedback_moderation:index"), query).content.decode()
        return {item.formatted_reference for item in (old, risky) if item.formatted_reference in content}

    assert listed() == {old.formatted_reference, risky.formatted_reference}
    assert listed(service=willow.pk) == {old.formatted_reference}
    assert listed(risk="high") == {risky.formatted_reference}
    assert listed(risk="none") == {old.formatted_reference}
    assert listed(older_than=7) == {old.formatted_reference}
    assert listed(status="approved") == set()
    assert listed(status="nonsense") == {old.formatted_reference, risky.formatted_reference}
    # A reference code, typed as people read it out, finds that one whatever its status.
    Submission.objects.filter(pk=old.pk).update(status="approved")
    assert listed(reference=old.formatted_reference.lower().replace("-", " ")) == {old.formatted_reference}


# Contact details --------------------------------------------------------------------------------


def test_contact_details_are_shown_to_moderators_audited_and_deleted_after_follow_up(client):
    made = submission(consent_to_contact="yes", contact={"name": "Sam", "method": "email", "email": "sam@example.org"})
    signed_in(client, "Moderators")

    content = client.get(detail_url(made)).content.decode()
    assert "sam@example.org" in content
    assert AuditEvent.objects.filter(action="feedback.contact_details_viewed").count() == 1

    client.post(detail_url(made), {"do": "contact_done"})

    made.refresh_from_db()
    assert not hasattr(made, "contact_details")
    assert AuditEvent.objects.filter(action="feedback.contact_details_deleted").exists()


def test_escalating_raises_a_flag_for_the_safeguarding_leads(client, sent, django_capture_on_commit_callbacks):
    moderator = signed_in(client, "Moderators")

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        decide(client, sent, action="escalate", reason="Mentions a family worry")

    sent.refresh_from_db()
    assert sent.status == "escalated"
    flag = SafeguardingFlag.objects.get(submission=sent)
    assert flag.raised_by == moderator
    assert flag.severity == "high"
    assert len(callbacks) == 1


def test_the_feedback_page_reads_in_few_queries_however_many_redactions(client, django_assert_max_num_queries):
    many = submission(
        what_was_good="Dr Ahmed, Nurse Jones, Sister Patel and Matron Evans were kind. Call 07700 900123.",
        what_could_be_better="Email me at sam@example.org or ring 020 7946 0018 after 13/04/2026.",
        consent_to_contact="yes",
        contact={"name": "Sam", "method": "email", "email": "sam@example.org"},
    )
    services.process(submission_id=many.pk)
    assert many.redactions.count() >= 7
    signed_in(client, "Moderators")

    with django_assert_max_num_queries(30):
        response = client.get(detail_url(many))

    assert response.status_code == 200


def test_the_admin_dashboard_and_staff_home_point_moderators_to_the_queue(client, sent):
    risky = submission(what_could_be_better="I wanted to die on that ward.")
    services.process(submission_id=risky.pk)
    signed_in(client, "Moderators")

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    staff_home = client.get(reverse("core:staff_home")).content.decode()

    assert "2 pieces of feedback are waiting" in dashboard
    assert "1 safeguarding flag is open: 1 high severity, 1 not yet picked up" in dashboard
    assert reverse("feedback_moderation:index") in staff_home


def test_editors_see_no_moderation_summary_or_link(client, sent):
    signed_in(client, "Editors")
    assert "Feedback to moderate" not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("feedback_moderation:index") not in client.get(reverse("core:staff_home")).content.decode()


def test_a_superuser_without_the_role_cannot_read_raw_words(client, sent):
    signed_in(client, "Administrators", is_superuser=True, is_staff=True)

    response = client.get(detail_url(sent), follow=True)

    assert "Priya Kaur" not in response.content.decode()
    assert not AuditEvent.objects.filter(action="feedback.raw_viewed").exists()


def test_moderators_keep_the_always_remove_list_in_the_admin(client):
    moderator = signed_in(client, "Moderators")

    response = client.post(reverse("wagtailsnippets_feedback_redactionterm:add"), {"term": "Florence", "label": "name"})

    assert response.status_code == 302
    term = RedactionTerm.objects.get()
    assert (term.term, term.added_by) == ("Florence", moderator)
    made = submission(what_was_good="Florence on nights was lovely.")
    services.process(submission_id=made.pk)
    assert made.redactions.filter(start=0, end=8).exists()
