"""The audit log in the Wagtail admin: readable by Administrators, changeable by nobody."""

import pytest
from django.urls import NoReverseMatch, reverse

from portal.core import audit
from portal.core.factories import UserFactory
from portal.core.models import AuditEvent


@pytest.fixture
def event(db):
    return audit.record(action="feedback.viewed_raw", detail={"submission": 42})


def signed_in(client, user):
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_administrators_can_list_and_inspect_audit_events(client, event):
    admin = UserFactory(roles=["Administrators"], with_totp=True)
    client = signed_in(client, admin)

    listing = client.get(reverse("audit_log:index"))
    assert listing.status_code == 200
    assert b"feedback.viewed_raw" in listing.content

    detail = client.get(reverse("audit_log:inspect", args=[event.pk]))
    assert detail.status_code == 200
    assert b"submission" in detail.content


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["Editors", "Moderators", "Steering group", "Researchers"])
def test_other_roles_cannot_open_the_audit_log(client, event, role):
    client = signed_in(client, UserFactory(roles=[role], with_totp=True))
    response = client.get(reverse("audit_log:index"))
    # Wagtail sends people with admin access but not this permission back to the dashboard, and
    # people without admin access (Steering group, Researchers) to /admin/login/, which sends them
    # on to the staff home rather than round a sign-in loop.
    assert response.status_code == 302
    assert response.url in {reverse("wagtailadmin_home"), "/admin/login/?next=/admin/audit_log/"}
    final = client.get(response.url, follow=True)
    assert final.status_code == 200
    assert b"feedback.viewed_raw" not in final.content


@pytest.mark.django_db
@pytest.mark.parametrize("route", ["add", "edit", "delete", "copy", "history"])
def test_there_is_no_route_that_could_change_an_audit_event(route):
    args = [] if route == "add" else [1]
    with pytest.raises(NoReverseMatch):
        reverse(f"audit_log:{route}", args=args)


@pytest.mark.django_db
def test_even_a_superuser_is_offered_no_way_to_change_the_log(client, event):
    superuser = UserFactory(is_superuser=True, is_staff=True, roles=["Administrators"], with_totp=True)
    response = signed_in(client, superuser).get(reverse("audit_log:index"))
    assert response.status_code == 200
    assert b"/admin/audit_log/new/" not in response.content
    assert b"/admin/audit_log/edit/" not in response.content
    assert AuditEvent.objects.count() == 1


@pytest.mark.django_db
def test_staff_without_cms_access_are_sent_to_their_staff_home_not_round_a_sign_in_loop(client):
    client.force_login(UserFactory(roles=["Steering group"], with_totp=True))
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == reverse("core:staff_home")
    assert "does not include the content management system" in response.content.decode()


@pytest.mark.django_db
def test_visitors_opening_the_admin_are_sent_to_the_one_sign_in_page(client):
    response = client.get("/admin/pages/", follow=False)
    assert response.url == "/admin/login/?next=/admin/pages/"
    assert client.get(response.url).url == "/accounts/login/?next=%2Fadmin%2Fpages%2F"
