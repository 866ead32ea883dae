""" "You said, we did": the steering group adds and changes actions, the public page shows the published
ones, and someone who looks up their reference code sees the actions about what they told us."""

import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portal.core import roles
from portal.core.factories import UserFactory
from portal.core.models import AuditEvent
from portal.easyread.pictures import load_starter_pictures
from portal.feedback import actions, factories
from portal.feedback.models import Action, Theme, ThemeProposal

pytestmark = pytest.mark.django_db

PUBLIC_URL = "/you-said-we-did/"
LOOKUP_URL = "/feedback/your-feedback/"
STATUS_URL = "/feedback/your-feedback/what-happened/"
# Words only this test writes, to find where they must, or must not, appear.
SECRET_TITLE = "Quieter corridors after lights out"


@pytest.fixture
def themes(db):
    return {
        "safe": Theme.objects.get(name="Feeling safe"),
        "restraint": Theme.objects.get(name="Restrictive practice"),
        "food": Theme.objects.get(name="Food & drink provision & facilities"),
    }


@pytest.fixture
def wards(db):
    willow = factories.ServiceFactory(name="Willow Ward", organisation__name="Northshire NHS Foundation Trust")
    cedar = factories.ServiceFactory(name="Cedar Ward", organisation=willow.organisation)
    return {"willow": willow, "cedar": cedar}


@pytest.fixture
def pictures(db):
    return load_starter_pictures(only=["bed", "family", "talking"])


def make_action(by, *, title="Quieter wards at night", themes, services=(), published=True, **fields):
    data = {
        "title": title,
        "you_said": "The ward was too noisy at night.",
        "we_did": "Night staff agreed quiet hours with patients.",
        "easy_read_summary": "The ward was noisy at night. Staff are quieter now.",
        "picture": None,
        "status": "done",
        "expected": None,
        "is_published": published,
        "themes": list(themes),
        "services": list(services),
        **fields,
    }
    return actions.save_action(data=data, by=by)


def form_data(themes, **changes):
    data = {
        "title": "Quieter wards at night",
        "you_said": "The ward was too noisy at night.",
        "we_did": "Night staff agreed quiet hours with patients.",
        "easy_read_summary": "The ward was noisy at night. Staff are quieter now.",
        "picture": "",
        "status": "in_progress",
        "themes": [theme.pk for theme in themes],
        "expected_month": "",
        "expected_year": "",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def titles_on(response):
    """The action titles a page shows, in order."""
    return re.findall(r'<h2 class="nhsuk-heading-m portal-action__title"[^>]*>([^<]+)</h2>', response.content.decode())


# Who can reach the steering pages ----------------------------------------------------------------


def test_only_steering_members_reach_the_action_pages(client, themes, steering_member):
    action = make_action(steering_member, themes=[themes["safe"]])
    urls = [
        reverse("steering:actions"),
        reverse("steering:action_new"),
        reverse("steering:action_edit", args=[action.pk]),
    ]

    for url in urls:
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))

    client.force_login(UserFactory(roles=[roles.MODERATORS], with_totp=True))
    for url in urls:
        assert client.get(url).status_code == 403
    assert client.post(urls[1], form_data([themes["safe"]], title="By a moderator")).status_code == 403
    assert not Action.objects.filter(title="By a moderator").exists()

    for member in (steering_member, UserFactory(is_superuser=True, with_totp=True)):
        client.force_login(member)
        for url in urls:
            assert client.get(url).status_code == 200


def test_a_post_without_the_csrf_token_is_refused(steering_member, themes):
    client = Client(enforce_csrf_checks=True)
    client.force_login(steering_member)

    response = client.post(reverse("steering:action_new"), form_data([themes["safe"]]))

    assert response.status_code == 403
    assert not Action.objects.exists()


def test_the_report_pages_stay_read_only(steering):
    assert steering.post(reverse("steering:dashboard")).status_code == 405


# Adding and changing actions --------------------------------------------------------------------


def test_mistakes_are_listed_at_the_top_linked_to_their_fields_and_what_was_typed_is_kept(steering, wards, pictures):
    response = steering.post(
        reverse("steering:action_new"),
        form_data(
            [],
            title=SECRET_TITLE,
            we_did="",
            picture=str(pictures["bed"].pk),
            services=[wards["cedar"].pk],
            expected_month="3",
            is_published="on",
        ),
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error:" in html
    assert 'class="nhsuk-error-summary"' in html
    for anchor, message in [
        ("id_we_did", "Enter what we are doing about it"),
        ("id_themes-fieldset", "Choose at least one theme"),
        ("id_expected_year", "Enter both the month and the year, or leave both empty"),
    ]:
        assert f'<a href="#{anchor}">{message}</a>' in html
        assert f'id="{anchor}"' in html
    # Everything typed or chosen is still there.
    assert f'value="{SECRET_TITLE}"' in html
    assert "The ward was too noisy at night.</textarea>" in html
    assert re.search(rf'value="{pictures["bed"].pk}" checked', html)
    assert re.search(rf'name="services" type="checkbox" value="{wards["cedar"].pk}" checked', html)
    assert 'name="expected_month" type="text" inputmode="numeric" value="3"' in html
    assert re.search(r'name="is_published" type="checkbox" value="on" checked', html)
    assert not Action.objects.exists()


def test_adding_an_action_saves_it_audits_it_and_shows_the_easy_read_score(
    steering, steering_member, themes, wards, pictures
):
    response = steering.post(
        reverse("steering:action_new"),
        form_data(
            [themes["safe"], themes["restraint"]],
            picture=str(pictures["bed"].pk),
            services=[wards["willow"].pk],
            expected_month="3",
            expected_year="2027",
            is_published="on",
        ),
    )

    action = Action.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("steering:action_edit", args=[action.pk])
    assert set(action.themes.all()) == {themes["safe"], themes["restraint"]}
    assert list(action.services.all()) == [wards["willow"]]
    assert action.picture == pictures["bed"]
    assert action.expected == date(2027, 3, 1)
    assert action.status == "in_progress"
    assert action.created_by == steering_member
    assert action.is_published and action.published_at is not None

    event = AuditEvent.objects.get(action="action.created")
    assert event.actor == steering_member
    assert event.object_id == str(action.pk)
    assert "title" in event.detail["changed"] and "themes" in event.detail["changed"]
    # Field names only: none of the words.
    assert "noisy" not in str(event.detail)

    page = steering.get(response.url).content.decode()
    assert "The action was added. The easy-read summary scores" in page
    assert "How easy is the summary to read?" in page
    assert "out of 100</strong>" in page


def test_the_easy_read_check_says_what_could_be_easier(steering, steering_member, themes):
    action = make_action(
        steering_member,
        themes=[themes["safe"]],
        easy_read_summary=(
            "Following consultation with stakeholders, the multidisciplinary team has implemented a comprehensive "
            "programme of environmental modifications intended to ameliorate nocturnal disturbance on the ward."
        ),
    )

    html = steering.get(reverse("steering:action_edit", args=[action.pk])).content.decode()

    assert "What could make it easier:" in html
    assert "There is no picture." in html
    assert "The checker found nothing to change." not in html


def test_editing_audits_only_what_changed_and_keeps_the_first_publication_date(steering, steering_member, themes):
    action = make_action(steering_member, themes=[themes["safe"]], published=True)
    first_published = action.published_at
    url = reverse("steering:action_edit", args=[action.pk])

    # Taken off the public page, with a new title.
    response = steering.post(url, form_data([themes["safe"]], title="Quiet hours on every ward", status="done"))
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.title == "Quiet hours on every ward"
    assert not action.is_published
    assert action.published_at == first_published
    assert AuditEvent.objects.get(action="action.updated").detail == {"changed": ["is_published", "title"]}

    # Published again later: still first published when it first was.
    steering.post(url, form_data([themes["safe"]], title="Quiet hours on every ward", status="done", is_published="on"))
    action.refresh_from_db()
    assert action.is_published
    assert action.published_at == first_published

    # Saved with nothing changed: nothing written.
    updates = AuditEvent.objects.filter(action="action.updated").count()
    steering.post(url, form_data([themes["safe"]], title="Quiet hours on every ward", status="done", is_published="on"))
    assert AuditEvent.objects.filter(action="action.updated").count() == updates


def test_publishing_for_the_first_time_sets_the_publication_date(steering, steering_member, themes):
    action = make_action(steering_member, themes=[themes["safe"]], published=False)
    assert action.published_at is None

    steering.post(reverse("steering:action_edit", args=[action.pk]), form_data([themes["safe"]], is_published="on"))

    action.refresh_from_db()
    assert action.published_at is not None
    assert timezone.now() - action.published_at < timedelta(minutes=1)


def test_the_form_offers_the_easy_read_pictures_by_title_and_no_picture(steering, pictures):
    html = steering.get(reverse("steering:action_new")).content.decode()

    assert "No picture" in html
    for picture in pictures.values():
        assert f'value="{picture.pk}"' in html
        assert f"<span>{picture.title}</span>" in html
    assert html.count('name="picture" type="radio"') == len(pictures) + 1


def test_the_steering_list_shows_every_action_and_filters_by_status(steering, steering_member, themes):
    make_action(steering_member, title="Done and published", themes=[themes["safe"]], status="done")
    make_action(
        steering_member, title="Planned, not published", themes=[themes["food"]], status="planned", published=False
    )

    everything = steering.get(reverse("steering:actions")).content.decode()
    planned = steering.get(reverse("steering:actions"), {"status": "planned"}).content.decode()

    assert "Done and published" in everything and "Planned, not published" in everything
    assert "Not published" in everything and "Food &amp; drink provision &amp; facilities" in everything
    assert "Every service" in everything
    assert "Planned, not published" in planned and "Done and published" not in planned
    assert 'aria-current="page">You said, we did</a>' in everything


# The public page ---------------------------------------------------------------------------------


def test_the_public_page_shows_only_published_actions_newest_first(client, site_pages, steering_member, themes, wards):
    older = make_action(steering_member, title="Halal food every day", themes=[themes["food"]])
    Action.objects.filter(pk=older.pk).update(published_at=timezone.now() - timedelta(days=30))
    make_action(
        steering_member, title="Talking after restraint", themes=[themes["restraint"]], services=[wards["willow"]]
    )
    make_action(steering_member, title=SECRET_TITLE, themes=[themes["safe"]], published=False)

    response = client.get(PUBLIC_URL)

    assert response.status_code == 200
    assert titles_on(response) == ["Talking after restraint", "Halal food every day"]
    html = response.content.decode()
    assert SECRET_TITLE not in html
    assert "You said" in html and "We did" in html
    assert "Willow Ward (Northshire NHS Foundation Trust)" in html
    assert "Every service" in html
    assert "portal-easy-read-row__words" in html


def test_the_public_page_filters_by_status_and_by_service(client, site_pages, steering_member, themes, wards):
    make_action(steering_member, title="For every ward", themes=[themes["food"]], status="done")
    make_action(
        steering_member, title="For Willow Ward", themes=[themes["safe"]], services=[wards["willow"]], status="planned"
    )
    make_action(
        steering_member, title="For Cedar Ward", themes=[themes["safe"]], services=[wards["cedar"]], status="done"
    )

    willow = client.get(PUBLIC_URL, {"service": wards["willow"].pk})
    done = client.get(PUBLIC_URL, {"status": "done"})
    nonsense = client.get(PUBLIC_URL, {"service": "not-a-ward", "status": "nonsense"})

    assert sorted(titles_on(willow)) == ["For Willow Ward", "For every ward"]
    assert sorted(titles_on(done)) == ["For Cedar Ward", "For every ward"]
    assert len(titles_on(nonsense)) == 3


def test_the_public_page_is_paginated(client, site_pages, steering_member, themes):
    for number in range(12):
        make_action(steering_member, title=f"Action {number:02d}", themes=[themes["safe"]])

    first = client.get(PUBLIC_URL)
    second = client.get(PUBLIC_URL, {"page": 2})

    assert len(titles_on(first)) == 10
    assert len(titles_on(second)) == 2
    assert "?page=2" in first.content.decode()


def test_the_public_page_costs_the_same_queries_however_many_actions(
    client, site_pages, steering_member, themes, wards, pictures
):
    def add(count):
        for number in range(count):
            picture = list(pictures.values())[number % len(pictures)]
            make_action(
                steering_member,
                title=f"Action {Action.objects.count()}",
                themes=[themes["safe"], themes["food"]],
                services=[wards["willow"], wards["cedar"]] if number % 2 else [],
                picture=picture,
            )

    def queries():
        client.get(PUBLIC_URL)  # renders each picture once, so the next request only reads
        with CaptureQueriesContext(connection) as captured:
            response = client.get(PUBLIC_URL)
        assert response.status_code == 200
        assert "<picture>" in response.content.decode()
        return len(captured)

    add(2)
    with_two = queries()
    add(6)
    with_eight = queries()

    assert with_two == with_eight
    # The page count, the service filter's options, the actions, then one each for their themes, services,
    # pictures and renditions, and the site and its settings for the header and footer.
    assert with_eight <= 10


def test_the_sitemap_and_the_feedback_start_page_link_to_the_public_page(client, site_pages):
    assert f"http://testserver{PUBLIC_URL}" in client.get("/sitemap.xml").content.decode()
    assert f'href="{PUBLIC_URL}"' in client.get("/feedback/").content.decode()


# The reference-code page ------------------------------------------------------------------------


def look_up(client, submission):
    response = client.post(LOOKUP_URL, {"reference": submission.reference})
    assert response.url == STATUS_URL
    return client.get(STATUS_URL).content.decode()


@pytest.fixture
def actions_on_safety(steering_member, themes, wards):
    return {
        "every_service": make_action(
            steering_member, title="Night checks you can sleep through", themes=[themes["safe"]]
        ),
        "willow": make_action(
            steering_member, title="A quiet room on Willow Ward", themes=[themes["safe"]], services=[wards["willow"]]
        ),
        "cedar": make_action(
            steering_member, title="A quiet room on Cedar Ward", themes=[themes["safe"]], services=[wards["cedar"]]
        ),
        "unpublished": make_action(steering_member, title=SECRET_TITLE, themes=[themes["safe"]], published=False),
        "other_theme": make_action(steering_member, title="Halal food every day", themes=[themes["food"]]),
    }


def test_approved_feedback_shows_the_published_actions_on_its_themes_for_its_service(
    client, themes, wards, actions_on_safety
):
    submission = factories.approved(
        submitted_at=timezone.now(), themes=[themes["safe"], themes["restraint"]], service=wards["willow"]
    )

    html = look_up(client, submission)

    assert "What is being done about what you told us" in html
    assert "Night checks you can sleep through" in html
    assert "A quiet room on Willow Ward" in html
    for hidden in ("A quiet room on Cedar Ward", SECRET_TITLE, "Halal food every day"):
        assert hidden not in html
    assert f'href="{PUBLIC_URL}"' in html


def test_feedback_without_a_service_sees_only_actions_for_every_service(client, themes, actions_on_safety):
    submission = factories.approved(submitted_at=timezone.now(), themes=[themes["safe"]])

    html = look_up(client, submission)

    assert "Night checks you can sleep through" in html
    assert "A quiet room on Willow Ward" not in html
    assert "A quiet room on Cedar Ward" not in html


def test_feedback_that_is_not_approved_shows_no_actions(client, themes, wards, actions_on_safety):
    submission = factories.submission(service=wards["willow"])
    submission.themes.add(themes["safe"])  # even with a theme, nothing until a moderator approves it

    html = look_up(client, submission)

    assert "What is being done about what you told us" not in html
    assert "Night checks you can sleep through" not in html


def test_approved_feedback_with_no_matching_action_says_so(client, themes):
    submission = factories.approved(submitted_at=timezone.now(), themes=[themes["food"]])

    html = look_up(client, submission)

    assert "Nothing has been agreed yet about the things you told us." in html


# Staff home ---------------------------------------------------------------------------------------


def test_the_staff_home_links_steering_members_to_the_steering_pages(client, steering_member):
    client.force_login(steering_member)
    html = client.get(reverse("core:staff_home")).content.decode()
    for name in ("steering:dashboard", "steering:actions", "steering:codebook"):
        assert f'href="{reverse(name)}"' in html

    client.force_login(UserFactory(roles=[roles.MODERATORS], with_totp=True))
    html = client.get(reverse("core:staff_home")).content.decode()
    assert f'href="{reverse("steering:actions")}"' not in html


# Demo ---------------------------------------------------------------------------------------------


def test_the_demo_actions_are_made_once_through_the_write_path(steering_member):
    from portal.feedback.demo import DEMO_ACTIONS, seed_actions, seed_services

    seed_services()
    assert seed_actions(steering_member) == len(DEMO_ACTIONS)
    assert seed_actions(steering_member) == 0

    made = Action.objects.all()
    assert made.count() == len(DEMO_ACTIONS)
    assert made.filter(is_published=True).count() > made.count() / 2
    assert {action.status for action in made} == {"planned", "in_progress", "done"}
    assert all(action.picture_id and action.themes.exists() for action in made)
    assert made.filter(themes__name="Restrictive practice").exists()  # an inpatient theme (migration 0005)
    # Every theme and service named in the demo exists, so none was silently left out.
    assert sum(action.themes.count() for action in made) == sum(len(entry[8]) for entry in DEMO_ACTIONS)
    assert sum(action.services.count() for action in made) == sum(len(entry[9]) for entry in DEMO_ACTIONS)
    assert AuditEvent.objects.filter(action="action.created").count() == len(DEMO_ACTIONS)
    proposal = ThemeProposal.objects.get()
    assert proposal.proposed_by == steering_member


def test_the_steering_list_costs_the_same_queries_however_many_actions(steering, steering_member, themes, wards):
    def queries():
        steering.get(reverse("steering:actions"))  # the first request of a site makes its settings rows
        with CaptureQueriesContext(connection) as captured:
            assert steering.get(reverse("steering:actions")).status_code == 200
        return len(captured)

    for number in range(2):
        make_action(steering_member, title=f"Action {number}", themes=[themes["safe"]], services=[wards["willow"]])
    with_two = queries()
    for number in range(2, 8):
        make_action(steering_member, title=f"Action {number}", themes=[themes["food"]], services=[wards["cedar"]])

    assert queries() == with_two
    assert with_two <= 15


def test_the_heading_keeps_the_saved_title_while_a_change_is_not_saved(steering, steering_member, themes):
    action = make_action(steering_member, themes=[themes["safe"]])

    response = steering.post(reverse("steering:action_edit", args=[action.pk]), form_data([], title="Half-typed"))

    html = response.content.decode()
    assert "<h1>Change “Quieter wards at night”</h1>" in html
    assert 'value="Half-typed"' in html
