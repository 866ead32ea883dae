from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from . import audit, crypto


class AccountAdapter(DefaultAccountAdapter):
    """Closes self sign-up (staff accounts are made by an Administrator) and audits sign-ins."""

    # Kinder, plainer wording for the messages people see most; allauth's own for the rest.
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": _(
            "The email address or password is not right. Check them and try again, or reset your password."
        ),
        "too_many_login_attempts": _(
            "You have tried to sign in too many times. To keep your account safe, wait a few minutes and then "
            "try again, or reset your password."
        ),
        "rate_limited": _("You have tried this too many times in a short time. Wait a few minutes, then try again."),
        "enter_current_password": _("Enter your current password."),
        "incorrect_password": _("The password is not right. Check it and try again."),
        "account_inactive": _("This account has been closed. Ask an Administrator if you need it again."),
    }

    def is_open_for_signup(self, request):
        return settings.PORTAL_OPEN_SIGNUP

    def login(self, request, user):
        with transaction.atomic():
            super().login(request, user)
            audit.record(action="account.signed_in", actor=user)

    def logout(self, request):
        user = request.user
        with transaction.atomic():
            if user.is_authenticated:
                audit.record(action="account.signed_out", actor=user)
            super().logout(request)

    def authentication_failed(self, request, **credentials):
        # The email typed is not recorded: it may be mistyped personal data of someone else.
        audit.record(action="account.sign_in_failed")
        super().authentication_failed(request, **credentials)


class MFAAdapter(DefaultMFAAdapter):
    """Keeps TOTP keys and recovery-code seeds encrypted in the database (allauth stores them in
    Authenticator.data), so a copy of the database alone cannot produce sign-in codes."""

    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "incorrect_code": _(
            "The code is not right. Check it and try again. Codes from an authenticator app change every 30 seconds."
        ),
        "unverified_email": _("Confirm your email address before you set up two-step sign-in."),
    }

    def encrypt(self, text: str) -> str:
        return crypto.encrypt_text(text)

    def decrypt(self, encrypted_text: str) -> str:
        return crypto.decrypt_text(encrypted_text)
