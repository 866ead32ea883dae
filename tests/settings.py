"""Test settings: the production settings, with only what a test run must change.

Environment variables are set before the portal's settings are read, so tests run with DEBUG off,
as production does. DATABASE_URL and REDIS_URL pass through, so `make test` runs on PostgreSQL and
Redis when they are set (as CI does) and on SQLite with an in-memory cache otherwise.
"""

import os

os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "test-only-secret-key-never-used-outside-tests")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("LOG_FORMAT", "plain")
os.environ.setdefault("SITE_URL", "http://testserver")
# A fixed, test-only key for fields encrypted at rest (TOTP secrets, contact details).
os.environ.setdefault("FIELD_ENCRYPTION_KEYS", "RnrdOO7slLrukT9oRj6y-O2tVz6zMFPjKBtSrj7LJ_A=")

from portal.settings import *  # noqa: F403

# Tests render templates without running collectstatic first.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WHITENOISE_AUTOREFRESH = True
# A fast hasher: password hashing cost is not what these tests measure.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Each run gets its own Redis key prefix, so parallel runs and leftovers never collide.
if REDIS_URL:  # noqa: F405
    CACHES["default"]["KEY_PREFIX"] = f"portal-test-{os.getpid()}"  # noqa: F405
MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media"  # noqa: F405
