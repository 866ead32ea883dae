from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from portal.content.models import HomePage, StandardPage
from portal.core import roles
from portal.core.demo import DEMO_PASSWORD, DEMO_USERS
from portal.core.models import CrisisContacts, OrganisationSettings
from portal.feedback.models import Draft, Service, Submission

User = get_user_model()


def seed_demo():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "sites": Site.objects.count(),
        "users": User.objects.count(),
        "groups": Group.objects.count(),
        "email addresses": EmailAddress.objects.count(),
        "crisis contacts": CrisisContacts.objects.count(),
        "organisation settings": OrganisationSettings.objects.count(),
        "services": Service.objects.count(),
        "submissions": Submission.objects.count(),
    }


@pytest.fixture
def demo_machine(settings):
    settings.PORTAL_DEMO = True
    settings.DEBUG = False


def test_seed_demo_makes_the_home_page_the_root_of_the_default_site(db):
    seed_demo()

    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.live
    assert site.hostname == "testserver"
    assert not Page.objects.filter(depth=2).exclude(pk=site.root_page.pk).exists()


def test_seed_demo_publishes_the_pages_every_footer_links_to(db):
    seed_demo()

    organisation = OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
    for page in (organisation.accessibility_page, organisation.privacy_page, organisation.cookies_page):
        assert isinstance(page.specific, StandardPage)
        assert page.live
    assert organisation.organisation_name
    assert organisation.contact_email


def test_seed_demo_fills_in_the_national_crisis_numbers(db):
    seed_demo()

    contacts = CrisisContacts.objects.get(site__is_default_site=True)
    assert contacts.samaritans_number == "116 123"
    assert contacts.nhs111_number == "111"
    assert contacts.emergency_number == "999"


def test_seed_demo_run_twice_changes_nothing_the_second_time(db, demo_machine):
    seed_demo()
    after_first = counts()

    seed_demo()

    assert counts() == after_first


def test_seed_demo_keeps_changes_people_made_to_the_settings(db):
    seed_demo()
    contacts = CrisisContacts.objects.get(site__is_default_site=True)
    contacts.local_crisis_line = "Mersey crisis line"
    contacts.save()

    seed_demo()

    assert CrisisContacts.objects.get(site__is_default_site=True).local_crisis_line == "Mersey crisis line"


def test_seed_demo_creates_one_verified_account_per_role_on_a_demo_machine(db, demo_machine):
    output = seed_demo()

    for email, _first, _last, role_names in DEMO_USERS:
        user = User.objects.get(email=email)
        assert set(user.groups.values_list("name", flat=True)) == set(role_names)
        assert user.check_password(DEMO_PASSWORD)
        assert EmailAddress.objects.filter(user=user, email=email, verified=True, primary=True).exists()
        assert email in output
    held = {name for _email, _first, _last, role_names in DEMO_USERS for name in role_names}
    assert held == set(roles.ROLES)


def test_seed_demo_creates_accounts_when_debug_is_on(db, settings):
    settings.PORTAL_DEMO = False
    settings.DEBUG = True

    seed_demo()

    assert User.objects.filter(email__in=[email for email, *_rest in DEMO_USERS]).count() == len(DEMO_USERS)


def test_seed_demo_creates_no_accounts_and_prints_no_password_outside_a_demo_machine(db, settings):
    settings.PORTAL_DEMO = False
    settings.DEBUG = False

    output = seed_demo()

    assert not User.objects.exists()
    assert DEMO_PASSWORD not in output
    assert "PORTAL_DEMO" in output
    assert HomePage.objects.exists()


def test_seed_demo_does_not_reset_a_demo_password_someone_changed(db, demo_machine):
    seed_demo()
    user = User.objects.get(email=DEMO_USERS[0][0])
    user.set_password("a-new-password-chosen-later")
    user.save()

    seed_demo()

    user.refresh_from_db()
    assert user.check_password("a-new-password-chosen-later")


def test_seed_demo_adds_services_and_synthetic_feedback_through_the_real_write_path(db):
    seed_demo()

    assert Service.objects.offered().count() == 7
    assert {service.ward_type for service in Service.objects.all()} >= {"acute", "picu", "secure", "ld_autism", "cyp"}
    submissions = Submission.objects.all()
    assert submissions.count() == 60
    # Sent like anyone's: reference codes, emptied drafts, and spread over months for the reports.
    assert all(len(submission.reference) == 8 for submission in submissions)
    assert not Draft.objects.exclude(answers={}).exists()
    dates = sorted(submission.submitted_at for submission in submissions)
    assert (dates[-1] - dates[0]).days > 90


def test_seed_demo_moderates_the_older_feedback_and_leaves_the_rest_in_the_queue(db, mailoutbox, demo_machine):
    from portal.feedback.demo import DEMO_COMMENTS, DEMO_THEMES
    from portal.feedback.models import SafeguardingFlag, Theme

    assert len(DEMO_THEMES) == len(DEMO_COMMENTS)
    assert {name for names in DEMO_THEMES for name in names} <= set(Theme.objects.values_list("name", flat=True))

    seed_demo()

    # The sixty sent through the write path; the year of bulk-made history is checked below.
    submissions = Submission.objects.exclude(draft_digest__startswith="synthetic-")
    assert submissions.filter(processed_at__isnull=True).count() == 0
    approved = submissions.filter(status="approved")
    assert 0 < approved.count() < 60
    assert all(item.themes.exists() and item.sentiment for item in approved)
    # Recent flags wait for a lead; older ones were handled and closed, with what was done.
    assert SafeguardingFlag.objects.filter(submission__status="received", status="open").exists()
    assert SafeguardingFlag.objects.filter(status="closed").exclude(action_taken="").exists()
    assert not approved.filter(redacted_what_could_be_better__contains="07700").exists()
    assert approved.filter(redacted_what_could_be_better__contains="[phone number]").exists()
    # The safeguarding lead was told about each flag, with a link and without the words.
    assert len(mailoutbox) == SafeguardingFlag.objects.count()

    # The theme model learned from the demo's confirmed themes, and suggests themes for what waits.
    from portal.feedback.models import ThemeModelVersion, ThemeSuggestion

    assert ThemeModelVersion.objects.get().confirmed_submissions == approved.count()
    assert ThemeSuggestion.objects.filter(submission__status="received").exists()

    approved_before = approved.count()
    seed_demo()  # a second run decides nothing twice, and trains nothing again
    assert approved.count() == approved_before
    assert ThemeModelVersion.objects.count() == 1


def test_seed_demo_adds_a_year_of_approved_history_so_the_steering_dashboard_shows_numbers(db, demo_machine):
    from portal.feedback import reporting
    from portal.feedback.demo import DEMO_HISTORY_COUNT, DEMO_HISTORY_SEED, DEMO_SERVICES
    from portal.feedback.synthetic import synthetic

    output = seed_demo()

    history = synthetic(DEMO_HISTORY_SEED)
    assert history.count() == DEMO_HISTORY_COUNT
    demo_services = {name for services in DEMO_SERVICES.values() for name, _type, _place in services}
    assert set(history.values_list("service__name", flat=True)) == demo_services | {None}
    assert f"({DEMO_HISTORY_COUNT} pieces)" in output
    dashboard = reporting.dashboard(reporting.Filters.default(months=12))
    assert not dashboard.total.suppressed
    assert dashboard.total.value > 1000
    assert sum(not row.total.suppressed for row in dashboard.themes) >= 10

    assert "pieces)" not in seed_demo()
    assert history.count() == DEMO_HISTORY_COUNT


def test_seed_demo_adds_no_made_up_history_outside_a_demo_machine(db, settings):
    settings.PORTAL_DEMO = False
    settings.DEBUG = False

    seed_demo()

    assert not Submission.objects.filter(status="approved").exists()
