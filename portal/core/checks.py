"""System checks for settings a deployment must get right (run by `manage.py check --deploy`)."""

from csp.constants import UNSAFE_INLINE
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.core.exceptions import ImproperlyConfigured

from . import crypto


@register(Tags.security, deploy=True)
def check_portal_deployment(app_configs, **kwargs):
    problems = []
    directives = settings.CONTENT_SECURITY_POLICY.get("DIRECTIVES", {})
    for directive in ("default-src", "script-src", "style-src"):
        if UNSAFE_INLINE in directives.get(directive, []):
            problems.append(
                Error(
                    f"The Content Security Policy allows 'unsafe-inline' in {directive}.",
                    hint="Use the CSP nonce ({{ request.csp_nonce }}) on inline script and style instead.",
                    id="portal.E001",
                )
            )
    if settings.PORTAL_DEMO:
        problems.append(
            Warning(
                "PORTAL_DEMO is on: demo accounts with published passwords can be created.",
                hint="Unset PORTAL_DEMO in production.",
                id="portal.W001",
            )
        )
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        problems.append(
            Warning(
                "The database is SQLite.",
                hint="Set DATABASE_URL to a PostgreSQL database for a deployment.",
                id="portal.W002",
            )
        )
    if not settings.REDIS_URL:
        problems.append(
            Warning(
                "REDIS_URL is not set, so rate limits are kept per process and are easy to get around.",
                hint="Set REDIS_URL to a Redis server shared by every web process.",
                id="portal.W003",
            )
        )
    if "console" in settings.EMAIL_BACKEND or "locmem" in settings.EMAIL_BACKEND:
        problems.append(
            Warning(
                "Email is not sent: the email backend only prints or keeps messages.",
                hint="Set EMAIL_HOST (and EMAIL_BACKEND if you do not use SMTP).",
                id="portal.W004",
            )
        )
    return problems


@register(Tags.security, deploy=True)
def check_field_encryption_keys(app_configs, **kwargs):
    """TOTP keys (and later contact details) are encrypted with FIELD_ENCRYPTION_KEYS: without them,
    setting up two-step sign-in fails at the first use."""
    if settings.DEBUG:
        return []  # development derives a key from SECRET_KEY (see portal/core/crypto.py)
    try:
        crypto.configured_keys()
    except ImproperlyConfigured as error:
        return [
            Error(
                str(error),
                hint="Set FIELD_ENCRYPTION_KEYS to one or more Fernet keys, comma-separated, newest first.",
                id="portal.E002",
            )
        ]
    return []


@register()
def check_suppression_threshold(app_configs, **kwargs):
    """Disclosure control hides counts from 1 to the threshold less one: below 2 it hides nothing."""
    if settings.PORTAL_SUPPRESSION_THRESHOLD < 2:
        return [
            Error(
                f"PORTAL_SUPPRESSION_THRESHOLD is {settings.PORTAL_SUPPRESSION_THRESHOLD}, so steering reports "
                "would show counts small enough to identify someone.",
                hint="Use 10 (the default, as NHS England's statistics do) or more; never less than 2.",
                id="portal.E003",
            )
        ]
    return []
