"""Signing in, password reset, closed sign-up, rate limits and MFA, over HTTP with Django's test client."""

import re
import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core import mail
from django.urls import reverse

from portal.core import crypto, roles
from portal.core.factories import PASSWORD, UserFactory
from portal.core.models import AuditEvent, User

pytestmark = pytest.mark.django_db

LOGIN_URL = "/accounts/login/"
MFA_AUTHENTICATE_URL = "/accounts/2fa/authenticate/"


def current_code(secret):
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def sign_in(client, email, password=PASSWORD):
    return client.post(LOGIN_URL, {"login": email, "password": password})


def reauthenticated_get(client, path, password=PASSWORD):
    """allauth asks for the password again before any change to MFA (MFA_REAUTHENTICATION_REQUIRED)."""
    response = client.get(path)
    if response.status_code == 302 and response.url.startswith(reverse("account_reauthenticate")):
        assert "Enter your password again" in text(client.get(response.url))
        client.post(response.url, {"password": password})
        response = client.get(path)
    return response


def text(response):
    """The page's words, tags removed and spaces collapsed, for checking wording."""
    content = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(content.split())


# Signing in and out ---------------------------------------------------------------------------


def test_a_person_signs_in_with_their_email_address_in_any_case(client):
    user = UserFactory()

    response = sign_in(client, user.email.upper())

    assert response.status_code == 302
    assert response.url == reverse("core:staff_home")
    assert client.get(reverse("core:staff_home")).status_code == 200


def test_sign_in_and_sign_out_are_audited(client):
    user = UserFactory()

    sign_in(client, user.email)
    client.post(reverse("account_logout"))

    actions = list(AuditEvent.objects.filter(actor=user).order_by("id").values_list("action", flat=True))
    assert actions == ["account.signed_in", "account.signed_out"]
    assert "_auth_user_id" not in client.session


def test_a_wrong_password_is_refused_with_a_clear_message_and_the_email_kept(client):
    user = UserFactory()

    response = sign_in(client, user.email, "not-the-password")

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    page = response.content.decode()
    assert 'class="nhsuk-error-summary"' in page
    assert "<title>Error: Sign in – Lived experience portal</title>" in " ".join(page.split())
    assert "The email address or password is not right" in text(response)
    assert f'value="{user.email}"' in page
    assert AuditEvent.objects.filter(action="account.sign_in_failed").count() == 1


def test_an_empty_sign_in_form_says_what_to_enter_next_to_each_field(client):
    response = client.post(LOGIN_URL, {"login": "", "password": ""})

    page = response.content.decode()
    assert response.status_code == 200
    # The summary links to each field; each field carries its own message, tied to it for screen readers.
    assert 'href="#id_login"' in page
    assert 'href="#id_password"' in page
    assert 'id="id_login-error"' in page
    assert re.search(r'<input class="nhsuk-input nhsuk-input--error"[^>]*id="id_login"', page)
    assert re.search(r'id="id_login"[^>]*aria-describedby="[^"]*id_login-error"', page)
    assert "Enter your email address" in text(response)
    assert "Enter your password" in text(response)


def test_the_sign_in_page_offers_no_sign_up(client):
    response = client.get(LOGIN_URL)

    assert response.status_code == 200
    assert reverse("account_signup") not in response.content.decode()
    assert "sign up" not in text(response).lower()


def test_repeated_failed_sign_ins_are_stopped_kindly_even_with_the_right_password(client):
    user = UserFactory()
    for _ in range(5):  # allauth's default: 5 failures for one email address in 5 minutes
        response = sign_in(client, user.email, "wrong-password")
        assert "too many times" not in text(response)

    response = sign_in(client, user.email)

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "You have tried to sign in too many times" in text(response)
    assert "wait a few minutes" in text(response)


# Password reset and sign-up -------------------------------------------------------------------


def test_password_reset_looks_the_same_whether_or_not_the_address_has_an_account(client):
    user = UserFactory()
    url = reverse("account_reset_password")

    known = client.post(url, {"email": user.email})
    unknown = client.post(url, {"email": "nobody@example.org"})

    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url == reverse("account_reset_password_done")
    done = client.get(known.url)
    assert "If the email address you entered matches an account" in text(done)


def test_password_reset_emails_a_reset_link_only_to_a_known_address(client, settings):
    user = UserFactory()
    url = reverse("account_reset_password")

    client.post(url, {"email": user.email})
    client.post(url, {"email": "nobody@example.org"})

    links = [message.to for message in mail.outbox if "/accounts/password/reset/key/" in message.body]
    assert links == [[user.email]]
    # With the project's settings, allauth also tells an unknown address that it has no account
    # (ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS, True unless set); that email carries no link.
    expected = [[user.email], ["nobody@example.org"]]
    if not getattr(settings, "ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS", True):
        expected = [[user.email]]
    assert [message.to for message in mail.outbox] == expected


def test_the_unknown_account_email_explains_kindly_and_offers_no_sign_up(client, settings):
    settings.ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = True

    client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})

    (message,) = mail.outbox
    assert message.to == ["nobody@example.org"]
    assert "There is no account with this address" in message.body
    assert "/accounts/password/reset/key/" not in message.body
    # There is no public sign-up, so the email must not offer one.
    assert "/accounts/signup/" not in message.body
    assert "sign up" not in message.body.lower()


def test_no_email_at_all_for_an_unknown_address_when_unknown_account_emails_are_off(client, settings):
    settings.ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False

    response = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})

    assert response.status_code == 302
    assert mail.outbox == []


def test_the_password_reset_link_lets_a_person_choose_a_new_password(client):
    user = UserFactory()
    client.post(reverse("account_reset_password"), {"email": user.email})
    link = re.search(r"https?://[^\s]+/accounts/password/reset/key/[^\s]+", mail.outbox[0].body).group(0)

    form_page = client.get(link, follow=True)
    assert "Choose a new password" in text(form_page)
    new_password = "a-brand-new-password-77"
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"password1": new_password, "password2": new_password},
    )

    assert response.status_code == 302
    assert "Your password has been changed" in text(client.get(response.url))
    user.refresh_from_db()
    assert user.check_password(new_password)


def test_a_used_or_broken_reset_link_says_so_kindly(client):
    response = client.get("/accounts/password/reset/key/1-not-a-real-key/")

    assert response.status_code == 200
    assert "This link does not work any more" in text(response)


def test_sign_up_is_closed_and_the_page_says_who_to_ask(client):
    before = User.objects.count()

    page = client.get(reverse("account_signup"))
    posted = client.post(
        reverse("account_signup"),
        {"email": "new@example.org", "password1": "a-long-password-42", "password2": "a-long-password-42"},
    )

    assert page.status_code == posted.status_code == 200
    assert "You cannot create an account here" in text(page)
    assert "ask the Administrator in your team" in text(page)
    assert "You do not need an account to give feedback" in text(page)
    assert User.objects.count() == before


# MFA for staff ----------------------------------------------------------------------------------


def test_anonymous_people_opening_the_admin_are_sent_to_the_allauth_sign_in(client):
    response = client.get("/admin/", follow=True)

    final_url = response.redirect_chain[-1][0]
    assert final_url.startswith(LOGIN_URL)
    assert "next=%2Fadmin%2F" in final_url or "next=/admin/" in final_url
    assert "Sign in" in text(response)


@pytest.mark.parametrize("path", ["/admin/", "/staff/"])
def test_staff_without_mfa_are_sent_to_set_it_up(client, path):
    user = UserFactory(roles=[roles.MODERATORS])
    sign_in(client, user.email)

    response = client.get(path)

    assert response.status_code == 302
    assert response.url == reverse("mfa_index")
    page = client.get(response.url)
    assert "Set up two-step sign-in before you use the staff areas" in text(page)
    assert "Set up an authenticator app" in text(page)


def test_a_person_with_no_role_is_not_forced_to_set_up_mfa(client):
    user = UserFactory()
    sign_in(client, user.email)

    response = client.get("/staff/")

    assert response.status_code == 200
    assert "Your account has no role yet" in text(response)


def test_staff_with_an_authenticator_app_give_a_code_at_sign_in_and_then_reach_the_admin(client):
    user = UserFactory(roles=[roles.MODERATORS], with_totp=True)

    response = sign_in(client, user.email)
    assert response.status_code == 302
    assert response.url == MFA_AUTHENTICATE_URL
    assert "_auth_user_id" not in client.session
    assert "Enter your sign-in code" in text(client.get(MFA_AUTHENTICATE_URL))

    response = client.post(MFA_AUTHENTICATE_URL, {"code": current_code(user.totp_secret)})

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    assert AuditEvent.objects.filter(actor=user, action="account.signed_in").count() == 1


def test_a_wrong_mfa_code_is_refused_with_a_clear_message(client):
    user = UserFactory(roles=[roles.MODERATORS], with_totp=True)
    sign_in(client, user.email)
    wrong = "000000" if current_code(user.totp_secret) != "000000" else "111111"

    response = client.post(MFA_AUTHENTICATE_URL, {"code": wrong})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "The code is not right" in text(response)
    assert 'href="#id_code"' in response.content.decode()


def test_the_totp_secret_is_stored_encrypted(client):
    user = UserFactory(roles=[roles.MODERATORS], with_totp=True)

    stored = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP).data["secret"]

    assert stored != user.totp_secret
    assert user.totp_secret not in stored
    assert crypto.decrypt_text(stored) == user.totp_secret


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # allauth signals after commit
def test_setting_up_an_authenticator_app_stores_the_secret_and_recovery_seed_encrypted(client):
    user = UserFactory(roles=[roles.MODERATORS])
    sign_in(client, user.email)

    page = reauthenticated_get(client, reverse("mfa_activate_totp"))
    secret = page.context["form"].secret
    shown = re.search(r'id="authenticator-secret">([A-Z2-7 ]+)<', page.content.decode()).group(1)
    assert shown.replace(" ", "") == secret
    assert 'src="data:image/svg+xml;base64,' in page.content.decode()
    response = client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})

    assert response.status_code == 302
    assert response.url == reverse("mfa_view_recovery_codes")
    totp = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    assert totp.data["secret"] != secret
    assert crypto.decrypt_text(totp.data["secret"]) == secret
    recovery = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
    crypto.decrypt_text(recovery.data["seed"])  # raises if the seed were stored in the clear
    assert AuditEvent.objects.filter(actor=user, action="mfa.added").exists()
    assert client.get("/admin/").status_code == 200


# Every page renders in the NHS.UK layout ---------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        (LOGIN_URL, "Sign in"),
        ("/accounts/password/reset/", "Reset your password"),
        ("/accounts/password/reset/done/", "Check your email"),
        ("/accounts/signup/", "You cannot create an account here"),
        ("/accounts/confirm-email/not-a-key/", "Confirm your email address"),
    ],
)
def test_public_account_pages_use_the_portal_layout(client, path, heading):
    response = client.get(path)

    assert response.status_code == 200
    page = " ".join(response.content.decode().split())
    assert f"<h1>{heading}</h1>" in page
    assert f"<title>{heading} – Lived experience portal</title>" in page
    assert 'class="nhsuk-header"' in page


@pytest.mark.parametrize(
    ("url_name", "heading"),
    [
        ("mfa_index", "Two-step sign-in"),
        ("mfa_view_recovery_codes", "Your recovery codes"),
        ("mfa_generate_recovery_codes", "Get new recovery codes"),
        ("mfa_deactivate_totp", "Turn off your authenticator app"),
        ("mfa_add_webauthn", "Add a security key"),
        ("mfa_list_webauthn", "Your security keys"),
        ("account_change_password", "Change your password"),
        ("account_email", "Your email address"),
        ("account_logout", "Sign out"),
    ],
)
def test_signed_in_account_pages_use_the_portal_layout(client, url_name, heading):
    user = UserFactory(roles=[roles.MODERATORS], with_totp=True)
    sign_in(client, user.email)
    client.post(MFA_AUTHENTICATE_URL, {"code": current_code(user.totp_secret)})
    reauthenticated_get(client, reverse("mfa_generate_recovery_codes"))
    client.post(reverse("mfa_generate_recovery_codes"))

    response = reauthenticated_get(client, reverse(url_name))

    assert response.status_code == 200
    page = " ".join(response.content.decode().split())
    assert f"<h1>{heading}</h1>" in page
    assert f"<title>{heading} – Lived experience portal</title>" in page


def test_reauthentication_asks_for_a_code_in_plain_words(client):
    user = UserFactory(roles=[roles.MODERATORS], with_totp=True)
    sign_in(client, user.email)
    client.post(MFA_AUTHENTICATE_URL, {"code": current_code(user.totp_secret)})

    response = client.get(reverse("mfa_reauthenticate"))
    password_page = client.get(reverse("account_reauthenticate"))

    assert response.status_code == password_page.status_code == 200
    assert "Enter a code to continue" in text(response)
    assert "Enter your password again" in text(password_page)
