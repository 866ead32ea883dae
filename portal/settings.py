"""Settings for the portal, read from environment variables.

Local development needs nothing set: SQLite, an in-memory cache and a generated-per-run-free
development key (only when DJANGO_DEBUG=1). Production needs SECRET_KEY, ALLOWED_HOSTS and usually
DATABASE_URL and REDIS_URL; every variable is listed in the README.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be 1 or 0 (true or false), not {value!r}.")


def env_int(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long random value "
            "(for example: python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
            "or set DJANGO_DEBUG=1 for local development."
        )
    # Local development only: DEBUG is on, so this key never protects real data.
    SECRET_KEY = "insecure-development-key-only-used-when-DJANGO_DEBUG-is-1"  # noqa: S105
# Old keys still accepted for signatures (sessions, password-reset links) while a new key rolls out.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")

# The key that protects sensitive fields at rest (contact details). Later features read it; kept
# separate from SECRET_KEY so that rotating one does not lose the other.
FIELD_ENCRYPTION_KEYS = env_list("FIELD_ENCRYPTION_KEYS")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The public address of the site, used in emails and the sitemap when there is no request.
WAGTAILADMIN_BASE_URL = env("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "portal.core",
    "portal.content",
    "portal.easyread",
    "portal.feedback",
    "portal.research",
    # Wagtail
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "wagtailnhsukfrontend",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Background tasks
    "django_tasks",
    "django_tasks_db",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.core.middleware.PortalCSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After MessageMiddleware: it tells the person, with a message, why they were sent to MFA setup.
    "portal.core.middleware.RequireMFAForStaffMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"
AUTH_USER_MODEL = "core.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "csp.context_processors.nonce",
                "portal.core.context_processors.portal",
            ],
        },
    },
]

# Database: SQLite by default, PostgreSQL (psycopg 3) when DATABASE_URL is set.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process read while the task worker writes.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: in-process by default; Redis when REDIS_URL is set, so that rate limits are shared by
# every web process.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "portal"),
            # A Redis that hangs must not hang every request (sessions, rate limits, health).
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background tasks: stored in the database and run by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

# Accounts and sign-in ------------------------------------------------------------------------
AUTHENTICATION_BACKENDS = ["allauth.account.auth_backends.AuthenticationBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:staff_home"
ACCOUNT_ADAPTER = "portal.core.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_PREVENT_ENUMERATION = True
# Password reset for an unknown address shows the same page but sends nothing: the form cannot be
# used to send email to strangers, and there is no sign-up to invite them to.
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
# Staff accounts are created by an Administrator; nobody needs an account to take part.
PORTAL_OPEN_SIGNUP = env_bool("PORTAL_OPEN_SIGNUP", False)
# Email people when their password or two-step sign-in changes, so a takeover is noticed.
ACCOUNT_EMAIL_NOTIFICATIONS = True
# How many proxies in front of the app append to X-Forwarded-For; rate limits use the client address.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
MFA_ADAPTER = "portal.core.adapters.MFAAdapter"  # encrypts TOTP keys at rest (portal/core/crypto.py)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = False
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
MFA_TOTP_ISSUER = env("MFA_TOTP_ISSUER", "Lived experience portal")

# Sessions end after this many seconds without a request (30 minutes by default).
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_TIMEOUT", 30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db" if REDIS_URL else "django.contrib.sessions.backends.db"

# Wagtail ---------------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = env("SITE_NAME", "Lived experience portal")
# Our /admin/login/ view: sends visitors to the allauth sign-in, and signed-in staff whose role has no
# CMS access to the staff home (pointing Wagtail at allauth directly loops for them).
WAGTAILADMIN_LOGIN_URL = "wagtailadmin_login"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_I18N_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "rtf", "txt", "xlsx", "ods", "csv"]
# Every document downloads (Content-Disposition: attachment) instead of opening at the portal's address.
# Documents such as participant information sheets come from outside teams; a PDF can carry script,
# which the "default-src 'none'" policy Wagtail's serve view adds does not stop in PDF viewers; a PDF
# plug-in, as some managed desktops use, may run it with the site's access. The page gives type and size.
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
# Editors may upload photographs and drawings, but not SVG, which can carry script.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024)
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env_int("WAGTAILIMAGES_MAX_IMAGE_PIXELS", 40_000_000)
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Request limits: form posts are small; files go through Wagtail's own limits above.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 2 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = env_int("FILE_UPLOAD_MAX_MEMORY_SIZE", 2 * 1024 * 1024)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000

# Languages -------------------------------------------------------------------------------------
LANGUAGE_CODE = "en-gb"
LANGUAGES = [
    ("en-gb", "English"),
    ("pl", "Polski"),
    ("ur", "اردو"),
]
WAGTAIL_CONTENT_LANGUAGES = [("en-gb", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# Static and media files ------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", BASE_DIR / "staticfiles"))
# The easy-read pictures are also served as they are, for the pictures beside feedback questions.
STATICFILES_DIRS = [BASE_DIR / "static", ("easyread/pictures", BASE_DIR / "portal" / "easyread" / "pictures")]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if env_bool("PORTAL_PLAIN_STATIC", False)
            else "portal.core.storage.PortalStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# Email -----------------------------------------------------------------------------------------
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "portal@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security --------------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "portal.core.views.csrf_failure"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
if not DEBUG:
    # Behind a proxy that terminates TLS and sets X-Forwarded-Proto (see docs/operations/deployment.md).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^health/$"]
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 63_072_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# The NHS.UK frontend stylesheet loads the Frutiger font from NHS England's asset server.
NHS_FONT_ORIGIN = "https://assets.nhs.uk"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, NHS_FONT_ORIGIN],
        "connect-src": [SELF],
        "media-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "frame-src": [NONE],
    }
}
# The Wagtail admin's own templates still use inline script and style (InlinePanel, date pickers), so
# the admin, and only the admin, is allowed them; still no third-party script. See ADR 0004.
PORTAL_WAGTAIL_ADMIN_PREFIX = "/admin/"
PORTAL_ADMIN_CSP_SCRIPT_SRC = [SELF, UNSAFE_INLINE]
PORTAL_ADMIN_CSP_STYLE_SRC = [SELF, UNSAFE_INLINE]

# Logging: one JSON object a line in production, readable lines in development. The
# PersonalDataFilter removes email addresses, phone numbers and client addresses from every record.
LOG_LEVEL = env("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"personal_data": {"()": "portal.core.logging.PersonalDataFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": env("LOG_FORMAT", "plain" if DEBUG else "json"),
            "filters": ["personal_data"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
        # Request lines can carry query strings; the access log (gunicorn) already records requests.
        "django.server": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "portal": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
    },
}

# Portal ----------------------------------------------------------------------------------------
# Demo accounts and passwords are created only when this is on (make demo sets it), never in production.
PORTAL_DEMO = env_bool("PORTAL_DEMO", False)
PORTAL_SERVICE_NAME = _("Lived experience portal")
# Paths (after any language prefix) that only staff reach, and only with MFA set up.
PORTAL_STAFF_AREA_PREFIXES = ["/admin/", "/staff/", "/steering/", "/researchers/"]
# Disclosure control (portal/core/disclosure.py): any count from 1 to this less one is shown as
# "fewer than N" wherever numbers leave the database (steering pages, CSV, report, API).
PORTAL_SUPPRESSION_THRESHOLD = env_int("PORTAL_SUPPRESSION_THRESHOLD", 10)

# Feedback --------------------------------------------------------------------------------------
# Unfinished answers are kept this many days, then deleted by `manage.py purge_expired`.
FEEDBACK_DRAFT_DAYS = env_int("FEEDBACK_DRAFT_DAYS", 7)
# Contact details are deleted after follow-up, and at the latest this many days after they were given.
FEEDBACK_CONTACT_DETAILS_DAYS = env_int("FEEDBACK_CONTACT_DETAILS_DAYS", 90)
# Answers sent sooner than this after starting are marked as possibly automated (never discarded).
FEEDBACK_MIN_SECONDS = env_int("FEEDBACK_MIN_SECONDS", 10)
# A submission still unprocessed this long after it arrived is queued again by `process_pending`.
FEEDBACK_PROCESSING_GRACE_MINUTES = env_int("FEEDBACK_PROCESSING_GRACE_MINUTES", 10)
# Per-address limits (django-ratelimit syntax). Generous: a ward's patients may share one address.
FEEDBACK_RATE_LIMITS = {
    "start": env("FEEDBACK_RATE_LIMIT_START", "60/h"),
    "submit": env("FEEDBACK_RATE_LIMIT_SUBMIT", "30/h"),
    "lookup": env("FEEDBACK_RATE_LIMIT_LOOKUP", "20/h"),
}
# Retention after a moderator's decision (`manage.py purge_expired`): the raw words of approved feedback
# are replaced by the approved redacted version after FEEDBACK_RAW_TEXT_DAYS; the words of feedback
# rejected as spam are deleted after FEEDBACK_SPAM_DAYS.
FEEDBACK_RAW_TEXT_DAYS = env_int("FEEDBACK_RAW_TEXT_DAYS", 90)
FEEDBACK_SPAM_DAYS = env_int("FEEDBACK_SPAM_DAYS", 30)
# The theme-suggestion model is retrained after this many approvals (0: only by `manage.py train_themes`
# or the scheduled task).
THEME_MODEL_RETRAIN_EVERY = env_int("THEME_MODEL_RETRAIN_EVERY", 25)
# Personal-data recognisers, run in order (dotted paths; default: the built-ins listed in
# portal.feedback.anonymise.DEFAULT_RECOGNISERS). A deployment can add an NLP one, such as
# "portal.feedback.anonymise.nlp.SpacyRecogniser", once its library and model are installed.
if env("PII_RECOGNISERS"):
    PII_RECOGNISERS = env_list("PII_RECOGNISERS")
PII_SPACY_MODEL = env("PII_SPACY_MODEL", "en_core_web_sm")

# Research ----------------------------------------------------------------------------------------
# Unfinished "I'm interested" answers are kept this many days, then deleted by `manage.py purge_expired`.
RESEARCH_DRAFT_DAYS = env_int("RESEARCH_DRAFT_DAYS", 7)
# People's contact details (and the researchers' notes on them) are deleted this many days after a
# study's closing date, by `manage.py purge_expired`.
RESEARCH_CONTACT_DETAILS_DAYS = env_int("RESEARCH_CONTACT_DETAILS_DAYS", 90)
# Per-address limits (django-ratelimit syntax), as for feedback.
RESEARCH_RATE_LIMITS = {
    "start": env("RESEARCH_RATE_LIMIT_START", "60/h"),
    "submit": env("RESEARCH_RATE_LIMIT_SUBMIT", "30/h"),
    "withdraw": env("RESEARCH_RATE_LIMIT_WITHDRAW", "20/h"),
}
# Rate limits count the client's address as the sign-in limits do (TRUSTED_PROXY_COUNT).
RATELIMIT_IP_META_KEY = "portal.core.ratelimits.client_ip"
