"""portal/settings.py read in a fresh interpreter, with only the environment a deployment would set.

Each case runs in a subprocess: settings are read once per process, and the test run's own
settings (tests/settings.py) must not leak into what is being checked.
"""

import base64
import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from csp.constants import UNSAFE_INLINE

PROJECT_DIR = Path(__file__).resolve().parents[2]

# What a production deployment sets (see portal/settings.py and portal/core/checks.py).
PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "SECRET_KEY": "",  # filled per test with a fresh random value
    "ALLOWED_HOSTS": "portal.example.nhs.uk",
    "SITE_URL": "https://portal.example.nhs.uk",
    "DATABASE_URL": "postgres://portal:secret@db.internal:5432/portal",
    "REDIS_URL": "redis://cache.internal:6379/0",
    "EMAIL_HOST": "smtp.example.nhs.uk",
    "EMAIL_PORT": "587",
    "EMAIL_USE_TLS": "1",
    "DEFAULT_FROM_EMAIL": "portal@example.nhs.uk",
    "FIELD_ENCRYPTION_KEYS": "",  # filled per test with a fresh random key
}


def clean_env(**variables):
    """Only what a shell needs to find Python, plus the variables under test."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    env.update(variables)
    return env


def production_env(**overrides):
    fresh = {
        "SECRET_KEY": secrets.token_urlsafe(45)[:60],
        # 32 random bytes, URL-safe base64: the usual form of a symmetric field key (Fernet).
        "FIELD_ENCRYPTION_KEYS": base64.urlsafe_b64encode(os.urandom(32)).decode(),
    }
    return clean_env(**{**PRODUCTION_ENV, **fresh, **overrides})


def run_python(code, env):
    return subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, "-c", code], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=60
    )


def read_settings(env, *names):
    """The named settings as portal/settings.py computes them under `env`."""
    code = (
        "import json, portal.settings as s; "
        f"print(json.dumps({{n: getattr(s, n) for n in {list(names)!r}}}, default=str))"
    )
    result = run_python(code, env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_settings_refuse_to_load_without_secret_key_when_debug_is_off():
    result = run_python("import portal.settings", clean_env(DJANGO_DEBUG="0"))

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_settings_load_without_secret_key_for_local_development():
    result = run_python("import portal.settings", clean_env(DJANGO_DEBUG="1"))

    assert result.returncode == 0, result.stderr


def test_debug_defaults_to_off_so_a_forgotten_variable_never_exposes_debug_pages():
    result = run_python("import portal.settings", clean_env(SECRET_KEY="x" * 60))

    assert result.returncode == 0, result.stderr
    assert read_settings(clean_env(SECRET_KEY="x" * 60), "DEBUG") == {"DEBUG": False}


def test_a_mistyped_boolean_variable_is_an_error_naming_it():
    result = run_python("import portal.settings", clean_env(DJANGO_DEBUG="maybe"))

    assert result.returncode != 0
    assert "DJANGO_DEBUG" in result.stderr


def test_without_database_url_the_database_is_sqlite():
    databases = read_settings(clean_env(DJANGO_DEBUG="1"), "DATABASES")["DATABASES"]

    assert databases["default"]["ENGINE"] == "django.db.backends.sqlite3"


def test_database_url_selects_postgresql_with_connection_health_checks():
    env = clean_env(DJANGO_DEBUG="1", DATABASE_URL="postgres://portal:pw@db.internal:5433/portal_live")

    database = read_settings(env, "DATABASES")["DATABASES"]["default"]

    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["NAME"] == "portal_live"
    assert database["HOST"] == "db.internal"
    assert database["PORT"] == 5433
    assert database["CONN_HEALTH_CHECKS"] is True
    assert database["CONN_MAX_AGE"] > 0


def test_without_redis_url_the_cache_is_in_memory_and_sessions_are_in_the_database():
    values = read_settings(clean_env(DJANGO_DEBUG="1"), "CACHES", "SESSION_ENGINE")

    assert values["CACHES"]["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert values["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"


def test_redis_url_selects_the_redis_cache_and_cached_database_sessions():
    env = clean_env(DJANGO_DEBUG="1", REDIS_URL="redis://cache.internal:6379/3")

    values = read_settings(env, "CACHES", "SESSION_ENGINE")

    assert values["CACHES"]["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert values["CACHES"]["default"]["LOCATION"] == "redis://cache.internal:6379/3"
    assert values["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"


def test_production_settings_turn_on_https_protections():
    values = read_settings(
        production_env(),
        "DEBUG",
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SECURE_REDIRECT_EXEMPT",
    )

    assert values["DEBUG"] is False
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SECURE_REDIRECT_EXEMPT"] == [r"^health/$"]


def test_production_content_security_policy_never_allows_inline_script_or_style():
    directives = read_settings(production_env(), "CONTENT_SECURITY_POLICY")["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]

    for name in ("default-src", "script-src", "style-src"):
        assert UNSAFE_INLINE not in directives.get(name, []), name
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]


def test_deploy_checks_pass_with_the_production_environment():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT_DIR,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("overrides", "check_id"),
    [
        ({"ALLOWED_HOSTS": ""}, "security.W020"),
        ({"FIELD_ENCRYPTION_KEYS": ""}, "portal.E002"),
        ({"PORTAL_DEMO": "1"}, "portal.W001"),
        ({"DATABASE_URL": "sqlite:////tmp/portal.sqlite3"}, "portal.W002"),
        ({"REDIS_URL": ""}, "portal.W003"),
        ({"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}, "portal.W004"),
        ({"PORTAL_SUPPRESSION_THRESHOLD": "1"}, "portal.E003"),
    ],
)
def test_deploy_checks_fail_when_a_production_setting_is_unsafe(overrides, check_id):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT_DIR,
        env=production_env(**overrides),
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode != 0
    assert check_id in result.stdout + result.stderr
