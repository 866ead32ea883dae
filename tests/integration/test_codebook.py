"""The theme codebook: steering members read it and propose changes; Administrators decide in the Wagtail
admin, and accepting one changes the codebook as a new revision of the theme."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry, Revision

from portal.core import roles
from portal.core.factories import UserFactory
from portal.core.models import AuditEvent
from portal.feedback import codebook
from portal.feedback.models import Theme, ThemeProposal

pytestmark = pytest.mark.django_db

EDIT = "wagtailsnippets_feedback_themeproposal:edit"
INSPECT = "wagtailsnippets_feedback_themeproposal:inspect"
LIST = "wagtailsnippets_feedback_themeproposal:list"
NEW_THEME = {
    "kind": "new",
    "name": "Sleep and rest",
    "category": "Mental health, learning disability and autism",
    "description": "Being able to sleep and rest on the ward.",
    "reason": "Noise at night keeps coming up under several themes.",
}


@pytest.fixture
def administrator(db):
    return UserFactory(roles=[roles.ADMINISTRATORS], with_totp=True)


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


@pytest.fixture
def safe(db):
    return Theme.objects.get(name="Feeling safe")


def propose(member, **fields):
    return codebook.propose(by=member, **{**NEW_THEME, **fields})


def decide(client, proposal, status, response=""):
    return client.post(reverse(EDIT, args=[proposal.pk]), {"status": status, "response": response})


# The steering area ------------------------------------------------------------------------------


def test_only_steering_members_reach_the_codebook_pages(client, steering_member):
    urls = [reverse("steering:codebook"), reverse("steering:codebook_propose"), reverse("steering:codebook_proposals")]

    for url in urls:
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))

    client.force_login(UserFactory(roles=[roles.MODERATORS], with_totp=True))
    for url in urls:
        assert client.get(url).status_code == 403
    assert client.post(urls[1], NEW_THEME).status_code == 403
    assert not ThemeProposal.objects.exists()

    client.force_login(steering_member)
    for url in urls:
        assert client.get(url).status_code == 200


def test_the_codebook_lists_the_themes_in_use_by_category_with_links_to_suggest_changes(steering, safe):
    Theme.objects.filter(name="Advocacy").update(is_active=False)

    html = steering.get(reverse("steering:codebook")).content.decode()

    assert "<h2 " in html and "General</h2>" in html
    assert "Feeling safe</h3>" in html
    assert "Advocacy</h3>" not in html
    assert "Not changed since it was added" in html
    assert f"?kind=change&amp;theme={safe.pk}" in html
    assert f"?kind=retire&amp;theme={safe.pk}" in html
    assert "?kind=new" in html
    assert 'aria-current="page">Codebook</a>' in html


def test_suggesting_a_change_starts_from_the_theme_as_it_is(steering, safe):
    html = steering.get(reverse("steering:codebook_propose"), {"kind": "change", "theme": safe.pk}).content.decode()

    assert f'<option value="{safe.pk}" selected>' in html
    assert 'value="Feeling safe"' in html
    assert 'value="change" checked' in html
    # A link someone has tampered with just shows the empty form.
    assert steering.get(reverse("steering:codebook_propose"), {"kind": "change", "theme": "x"}).status_code == 200


@pytest.mark.parametrize(
    "posted, errors",
    [
        ({"kind": "", "reason": ""}, ["Choose what you would like to do", "Say why this change is needed"]),
        (
            {"kind": "new", "name": "", "category": "", "description": "", "reason": "Needed."},
            ["Enter a name for the new theme", "Enter a category for the new theme"],
        ),
        ({"kind": "change", "theme": "", "name": "Anything", "reason": "Needed."}, ["Choose the theme to change"]),
        ({"kind": "retire", "theme": "", "reason": "Needed."}, ["Choose the theme to change or stop using"]),
        ({"kind": "new", "name": "feeling SAFE", "reason": "Needed."}, ["There is already a theme with this name"]),
    ],
)
def test_a_proposal_with_mistakes_says_what_to_fix_and_keeps_what_was_typed(steering, posted, errors):
    data = {**NEW_THEME, **posted}

    response = steering.post(reverse("steering:codebook_propose"), data)

    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="nhsuk-error-summary"' in html
    for message in errors:
        assert message in html
    if data["reason"]:
        assert f"{data['reason']}</textarea>" in html
    assert not ThemeProposal.objects.exists()


def test_a_change_that_changes_nothing_is_refused(steering, safe):
    response = steering.post(
        reverse("steering:codebook_propose"),
        {"kind": "change", "theme": safe.pk, "name": safe.name, "category": safe.category, "reason": "Clearer."},
    )

    assert "Change the name, category or description" in response.content.decode()
    assert not ThemeProposal.objects.exists()


def test_sending_a_proposal_records_it_audits_it_and_lists_it(steering, steering_member):
    response = steering.post(reverse("steering:codebook_propose"), NEW_THEME)

    assert response.status_code == 302
    assert response.url == reverse("steering:codebook_proposals")
    proposal = ThemeProposal.objects.get()
    assert (proposal.kind, proposal.name, proposal.proposed_by, proposal.status) == (
        "new",
        "Sleep and rest",
        steering_member,
        "open",
    )
    event = AuditEvent.objects.get(action="codebook.proposed")
    assert event.actor == steering_member
    assert event.detail == {"kind": "new", "theme": None}

    html = steering.get(response.url).content.decode()
    assert "Your suggestion was sent to the Administrators" in html
    assert "Add a new theme: Sleep and rest" in html
    assert "Waiting for a decision" in html
    assert "(by you)" in html


def test_a_retire_proposal_keeps_only_the_theme_and_the_reason(steering, safe):
    steering.post(
        reverse("steering:codebook_propose"),
        {"kind": "retire", "theme": safe.pk, "name": "Ignored", "category": "Ignored", "reason": "Too broad."},
    )

    proposal = ThemeProposal.objects.get()
    assert (proposal.kind, proposal.theme, proposal.name, proposal.category) == ("retire", safe, "", "")


# Administrators decide in the Wagtail admin ---------------------------------------------------------


def test_administrators_see_the_proposal_and_moderators_can_only_read_it(client, admin_client, steering_member):
    proposal = propose(steering_member)

    listing = admin_client.get(reverse(LIST))
    edit = admin_client.get(reverse(EDIT, args=[proposal.pk]))

    assert "Sleep and rest" in listing.content.decode()
    assert edit.status_code == 200
    html = edit.content.decode()
    assert "Noise at night keeps coming up under several themes." in html
    assert "What the steering group proposes" in html

    client.force_login(UserFactory(roles=[roles.MODERATORS], with_totp=True))
    assert client.get(reverse(INSPECT, args=[proposal.pk])).status_code == 200
    assert decide(client, proposal, "accepted").status_code == 302  # sent away by Wagtail
    proposal.refresh_from_db()
    assert proposal.status == "open"
    assert not Theme.objects.filter(name="Sleep and rest").exists()


def test_accepting_a_new_theme_adds_it_as_a_revision_and_tells_the_proposer(
    admin_client, administrator, steering_member, mailoutbox, django_capture_on_commit_callbacks, run_worker
):
    proposal = propose(steering_member)

    with django_capture_on_commit_callbacks(execute=True):
        response = decide(admin_client, proposal, "accepted", "Agreed: moderators will use it from Monday.")

    assert response.status_code == 302
    theme = Theme.objects.get(name="Sleep and rest")
    assert theme.category == "Mental health, learning disability and autism"
    assert theme.is_active
    assert theme.latest_revision.user == administrator
    assert ModelLogEntry.objects.filter(object_id=str(theme.pk), action="wagtail.create", user=administrator).exists()
    applied = ModelLogEntry.objects.get(object_id=str(theme.pk), action=codebook.APPLIED_LOG_ACTION)
    assert applied.data["proposal"] == proposal.pk
    assert applied.data["reason"] == NEW_THEME["reason"]
    history = admin_client.get(reverse("wagtailsnippets_feedback_theme:history", args=[theme.pk])).content.decode()
    assert f"Applied codebook proposal {proposal.pk} from the steering group" in history
    assert NEW_THEME["reason"] in history

    proposal.refresh_from_db()
    assert (proposal.status, proposal.theme, proposal.decided_by) == ("accepted", theme, administrator)
    assert proposal.decided_at is not None
    event = AuditEvent.objects.get(action="codebook.proposal_decided")
    assert event.detail == {"status": "accepted", "kind": "new", "theme": theme.pk}

    run_worker()
    [email] = mailoutbox
    assert email.to == [steering_member.email]
    assert "Accepted" in email.subject
    assert "Agreed: moderators will use it from Monday." in email.body
    assert reverse("steering:codebook_proposals") in email.body


def test_accepting_a_change_updates_only_what_was_given(admin_client, administrator, steering_member, safe):
    description = safe.description
    proposal = propose(
        steering_member, kind="change", theme=safe, name="Feeling safe on the ward", category="", description=""
    )

    decide(admin_client, proposal, "accepted")

    safe.refresh_from_db()
    assert safe.name == "Feeling safe on the ward"
    assert safe.category == "General"
    assert safe.description == description
    revision = Revision.objects.get(object_id=str(safe.pk), base_content_type__model="theme")
    assert revision.user == administrator
    assert revision.content["name"] == "Feeling safe on the ward"


def test_accepting_a_retirement_stops_moderators_choosing_the_theme(admin_client, steering_member, safe):
    proposal = propose(steering_member, kind="retire", theme=safe)

    decide(admin_client, proposal, "accepted")

    safe.refresh_from_db()
    assert not safe.is_active
    assert safe.latest_revision is not None
    assert Theme.objects.filter(pk=safe.pk).exists()  # past uses are kept
    admin_client.force_login(steering_member)
    html = admin_client.get(reverse("steering:codebook")).content.decode()
    assert "Feeling safe</h3>" not in html


def test_declining_needs_a_reason_and_leaves_the_codebook_unchanged(admin_client, administrator, steering_member, safe):
    proposal = propose(steering_member, kind="retire", theme=safe)
    themes_before = list(Theme.objects.values_list("name", "category", "description", "is_active"))

    without_reason = decide(admin_client, proposal, "declined")
    assert without_reason.status_code == 200
    assert "Say why it was declined" in without_reason.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == "open"

    response = decide(admin_client, proposal, "declined", "Moderators still need it for now.")

    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by) == ("declined", administrator)
    assert list(Theme.objects.values_list("name", "category", "description", "is_active")) == themes_before
    assert not Revision.objects.filter(base_content_type__model="theme").exists()
    assert AuditEvent.objects.get(action="codebook.proposal_decided").detail["status"] == "declined"


def test_the_reply_shows_in_the_steering_area(admin_client, steering_member, safe):
    proposal = propose(steering_member, kind="retire", theme=safe)
    decide(admin_client, proposal, "declined", "Moderators still need it for now.")

    admin_client.force_login(steering_member)
    html = admin_client.get(reverse("steering:codebook_proposals")).content.decode()

    assert "Stop using a theme: Feeling safe" in html
    assert "Declined" in html
    assert "Moderators still need it for now." in html


def test_a_decision_cannot_change_once_made(admin_client, steering_member):
    proposal = propose(steering_member)
    decide(admin_client, proposal, "declined", "Not now.")

    response = decide(admin_client, proposal, "accepted", "Changed my mind.")

    assert response.status_code == 200
    assert "This was decided already" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == "declined"
    assert not Theme.objects.filter(name="Sleep and rest").exists()


def test_a_proposal_that_no_longer_fits_the_codebook_is_not_applied(admin_client, steering_member):
    proposal = propose(steering_member)
    Theme.objects.create(name="Sleep and rest", category="General")  # added by hand in the meantime

    response = decide(admin_client, proposal, "accepted")

    assert response.status_code == 200
    assert "There is already a theme called" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == "open"
    assert Theme.objects.filter(name="Sleep and rest").count() == 1


def test_decide_refuses_a_conflict_even_past_the_form(steering_member, administrator):
    proposal = propose(steering_member)
    Theme.objects.create(name="SLEEP AND REST", category="General")

    with pytest.raises(codebook.CodebookConflict):
        codebook.decide(proposal_id=proposal.pk, status="accepted", response="", by=administrator)

    proposal.refresh_from_db()
    assert proposal.status == "open"
    assert not AuditEvent.objects.filter(action="codebook.proposal_decided").exists()


def test_the_proposer_hears_about_a_declined_new_theme_too(admin_client, steering_member, mailoutbox):
    proposal = propose(steering_member)
    decide(admin_client, proposal, "declined", "Sensory experience covers it.")

    assert codebook.email_proposer(proposal_id=proposal.pk) == 1

    [email] = mailoutbox
    assert "Declined" in email.subject
    assert "Add a new theme, “Sleep and rest”" in email.body
    assert "Sensory experience covers it." in email.body


def test_the_codebook_page_costs_a_fixed_number_of_queries(steering, django_assert_num_queries, session_read_queries):
    steering.get(reverse("steering:codebook"))  # the first request of a site makes its settings rows

    # Session, user, roles, MFA, themes with their latest revisions, site settings, session save.
    with django_assert_num_queries(11 + session_read_queries):
        assert steering.get(reverse("steering:codebook")).status_code == 200
