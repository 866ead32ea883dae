"""Keys for the steering-group API: made, checked and revoked here and nowhere else.

A key is shown once, when it is made. Only its SHA-256 digest is stored, so a copy of the database
holds no working key. A key is 32 random bytes, so a fast hash is enough: unlike a password, there is
nothing to guess, and a slow hash would only slow every request.
"""

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from portal.core import audit

from .models import ApiToken

# Writing last_used_at on every request would turn every read into a write. Once a minute is enough to
# tell whether a key is still in use before revoking it.
LAST_USED_EVERY = timedelta(minutes=1)


class ApiTokenAlreadyRevoked(Exception):
    """A key can be revoked once; revoking it again would hide when it really stopped working."""


def digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def issue(*, name: str, by=None) -> tuple[ApiToken, str]:
    """Make a key for `name` and return the token with the key, which is never available again."""
    key = secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken(name=name.strip(), digest=digest(key))
        token.full_clean()
        token.save()
        audit.record(action="api_token.created", actor=by, obj=token)
    return token, key


def revoke(*, token: ApiToken, by=None) -> ApiToken:
    """Stop a key working from now on. Its row stays, so the audit log still points at something."""
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().get(pk=token.pk)
        if token.revoked_at is not None:
            raise ApiTokenAlreadyRevoked(f"API key {token.pk} was already revoked.")
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit.record(action="api_token.revoked", actor=by, obj=token)
    return token


def authenticate(key: str) -> ApiToken | None:
    """The token a key belongs to, or None if it is unknown or revoked.

    Looked up by digest: the database compares digests, never keys, so response times say nothing
    about how much of a key was right.
    """
    if not key:
        return None
    try:
        token = ApiToken.objects.get(digest=digest(key), revoked_at__isnull=True)
    except ApiToken.DoesNotExist:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
