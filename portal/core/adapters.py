from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.db import transaction

from . import audit


class AccountAdapter(DefaultAccountAdapter):
    """Closes self sign-up (staff accounts are made by an Administrator) and audits sign-ins."""

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
