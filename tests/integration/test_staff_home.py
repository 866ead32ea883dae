import pytest
from django.urls import reverse
from django.utils import translation

from portal.core import roles
from portal.core.factories import UserFactory


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    response = client.get("/staff/")

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next=/staff/"


def test_staff_with_a_role_and_two_step_sign_in_reach_the_staff_home(client, db):
    user = UserFactory(roles=[roles.EDITORS], with_totp=True)
    client.force_login(user)

    response = client.get("/staff/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Staff area</h1>" in html
    assert "Editors" in html
    assert f'href="{reverse("wagtailadmin_home")}"' in html


def test_roles_without_the_cms_are_not_offered_the_wagtail_admin(client, db):
    client.force_login(UserFactory(roles=[roles.RESEARCHERS], with_totp=True))

    html = client.get("/staff/").content.decode()

    assert "Researchers" in html
    assert f'href="{reverse("wagtailadmin_home")}"' not in html


@pytest.mark.parametrize(("url", "language"), [("/staff/", "en-gb"), ("/ur/staff/", "ur"), ("/pl/staff/", "pl")])
def test_staff_without_two_step_sign_in_are_sent_to_set_it_up(client, db, url, language):
    client.force_login(UserFactory(roles=[roles.MODERATORS]))

    response = client.get(url)

    with translation.override(language):
        assert response.status_code == 302
        assert response["Location"] == reverse("mfa_index")


def test_staff_without_two_step_sign_in_are_told_why(client, db):
    client.force_login(UserFactory(roles=[roles.SAFEGUARDING_LEADS]))

    response = client.get("/staff/", follow=True)

    assert "Set up two-step sign-in before you use the staff areas." in response.content.decode()


def test_staff_without_two_step_sign_in_cannot_reach_the_wagtail_admin(client, db):
    client.force_login(UserFactory(roles=[roles.EDITORS]))

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_index")


def test_a_signed_in_account_with_no_role_is_told_to_ask_for_one(client, db):
    client.force_login(UserFactory())

    response = client.get("/staff/")

    assert response.status_code == 200
    assert "Your account has no role yet" in response.content.decode()


def test_the_staff_home_is_shown_in_the_language_of_its_address(client, db):
    client.force_login(UserFactory(roles=[roles.EDITORS], with_totp=True))

    response = client.get("/ur/staff/")

    assert response.status_code == 200
    assert '<html lang="ur" dir="rtl"' in response.content.decode()
