"""Audit entries for MFA changes: allauth reports these only through its signals.

The receivers only record what happened; they hold no other logic.
"""

from allauth.mfa.signals import authenticator_added, authenticator_removed, authenticator_reset
from django.dispatch import receiver

from . import audit


@receiver(authenticator_added)
def audit_authenticator_added(sender, request, user, authenticator, **kwargs):
    audit.record(action="mfa.added", actor=user, obj=authenticator, detail={"type": authenticator.type})


@receiver(authenticator_removed)
def audit_authenticator_removed(sender, request, user, authenticator, **kwargs):
    audit.record(action="mfa.removed", actor=user, obj=authenticator, detail={"type": authenticator.type})


@receiver(authenticator_reset)
def audit_authenticator_reset(sender, request, user, authenticator, **kwargs):
    audit.record(action="mfa.recovery_codes_reset", actor=user, obj=authenticator, detail={"type": authenticator.type})
