"""Benchmark settings: production settings (DEBUG off) on a throwaway database.

SQLite in bench-results/ unless DATABASE_URL is set, so figures for PostgreSQL come from the same code.
"""

import os
from pathlib import Path

RESULTS = Path(__file__).resolve().parent.parent / "bench-results"
RESULTS.mkdir(exist_ok=True)

os.environ["DJANGO_DEBUG"] = "0"
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-never-used-in-production")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.setdefault("SITE_URL", "http://testserver")
os.environ.setdefault("FIELD_ENCRYPTION_KEYS", "YmVuY2gtb25seS1rZXktMzItYnl0ZXMtbG9uZy4uLi4=")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{RESULTS / 'bench.sqlite3'}")

from portal.settings import *  # noqa: E402, F403

# Pages are rendered without collectstatic; page weight is measured from the source files.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
STATIC_ROOT = RESULTS / "staticfiles"
STATIC_ROOT.mkdir(exist_ok=True)
