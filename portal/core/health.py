"""Checks behind GET /health/. Each returns "ok" or a short, non-sensitive reason."""

import logging
import uuid

from django.core.cache import cache
from django.db import connection

logger = logging.getLogger(__name__)


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    key = f"health:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    if cache.get(key) != "ok":
        raise RuntimeError("value written was not read back")
    cache.delete(key)


def check_tasks():
    """The web process can reach the task queue.

    With the database backend the queue is a table, so read it. Other backends (RQ, Celery) bring
    their own brokers and their own monitoring; asking the backend for its status is left to them.
    """
    from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends

    if type(task_backends[DEFAULT_TASK_BACKEND_ALIAS]).__module__.startswith("django_tasks_db"):
        from django_tasks_db.models import DBTaskResult

        DBTaskResult.objects.exists()


CHECKS = {"database": check_database, "cache": check_cache, "tasks": check_tasks}


def run_checks():
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:  # noqa: BLE001 - any failure means the part is down
            logger.warning("Health check %s failed: %s", name, type(error).__name__)
            results[name] = "unavailable"
        else:
            results[name] = "ok"
    return results
