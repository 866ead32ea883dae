"""Feedback sent concurrently: every acknowledged "Send" stored exactly once, on PostgreSQL under gunicorn.

Prepares BENCH_SUBMISSIONS complete drafts (400 by default) through portal.feedback.factories, starts
gunicorn with several workers and threads, then posts every draft to /feedback/check-your-answers/ at
once from a pool of client threads. A quarter of the drafts are sent two or three times side by side
(a double click), and a tenth of those acknowledged are sent again afterwards (a replay). A request is
acknowledged when it answers 302 to the thank-you page with a `portal_feedback_sent` cookie whose
signature Django accepts. The database is then read directly: each acknowledged draft must have exactly
one Submission, with the pk every one of its requests was given, and nothing may be stored that nobody
was told about.

SQLite serialises writers, so it cannot show this. When DATABASE_URL is not PostgreSQL the benchmark
creates its own database (BENCH_POSTGRES_URL, default below), migrates it and drops it afterwards; the
other benchmarks' database is not touched. Throughput is reported, not targeted: it depends on the machine.
"""

import http.client
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import psycopg
from psycopg import sql

BASE_DIR = Path(__file__).resolve().parent.parent
LOG_PATH = BASE_DIR / "bench-results" / "feedback_concurrency-gunicorn.log"
THROWAWAY_URL = "postgres://postgres@127.0.0.1:5432/portal_bench_concurrency"
POSTGRES_SCHEMES = {"postgres", "postgresql", "pgsql"}
START_PATH = "/feedback/"
SEND_PATH = "/feedback/check-your-answers/"
THANK_YOU_PATH = "/feedback/thank-you/"
DOUBLE_CLICK_SHARE = 0.25
REPLAY_SHARE = 0.10
# One draft in ten asks to be contacted, so ContactDetails is written inside the race too.
CONTACT_EVERY = 10
CONTACT = {"name": "Sam", "method": "email", "email": "sam@example.com", "phone": ""}
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

TARGETS = {
    "duplicates_created": ("<=", 0, "a double click, a replay or two requests at once never store the answers twice"),
    "lost": ("<=", 0, "every submission a person was thanked for is stored, with the pk they were given"),
    "errors_5xx": ("<=", 0, "a burst of submissions never shows anyone an error page"),
    "inconsistent_pks": ("<=", 0, "every request for one draft is told about the same submission"),
    "stored_unacknowledged": ("<=", 0, "nothing is stored that its sender was not told about"),
    "requests_not_acknowledged": ("<=", 0, "every request, duplicates included, ends on the thank-you page"),
}


@dataclass
class Outcome:
    token: str
    status: int | None
    pk: int | None
    started: float
    finished: float
    error: str = ""


def _setting(name, default):
    value = os.environ.get(name, "")
    if value and not value.isdigit():
        sys.exit(f"{name} must be a whole number, not {value!r}.")
    return int(value) if value else default


def _database():
    """(url, throwaway): DATABASE_URL when it is PostgreSQL, else a database of our own on PostgreSQL."""
    url = os.environ.get("DATABASE_URL", "")
    if urlsplit(url).scheme in POSTGRES_SCHEMES:
        return url, False
    return os.environ.get("BENCH_POSTGRES_URL", THROWAWAY_URL), True


def _recreate(url, *, create):
    """Drop the throwaway database, and create it again when asked."""
    name = sql.Identifier(urlsplit(url).path.lstrip("/"))
    maintenance = urlunsplit(urlsplit(url)._replace(path="/postgres"))
    try:
        with psycopg.connect(maintenance, autocommit=True) as connection:
            connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
            if create:
                connection.execute(sql.SQL("CREATE DATABASE {}").format(name))
    except psycopg.OperationalError as error:
        sys.exit(
            f"This benchmark needs PostgreSQL: set BENCH_POSTGRES_URL to a server it may create databases on. {error}"
        )


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _server_env(database_url, *, port, workers, threads, static_root):
    # SECRET_KEY and FIELD_ENCRYPTION_KEYS are inherited from bench.settings (or the shell), so this
    # process can check the signature of the cookie that names each submission.
    return {
        **os.environ,
        # Production settings, not bench.settings: the server runs as it would in a trust.
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "LOG_LEVEL": "WARNING",
        "LOG_FORMAT": "json",  # _errors_logged() reads the level from each JSON line
        # Every request comes from 127.0.0.1: the per-address limits would turn most of them away.
        "FEEDBACK_RATE_LIMIT_SUBMIT": "100000/h",
        "FEEDBACK_RATE_LIMIT_START": "100000/h",
        # The drafts are made a moment before they are sent; without this each is marked "too_fast".
        "FEEDBACK_MIN_SECONDS": "0",
        # Templates render without collectstatic's manifest; no static file is fetched.
        "PORTAL_PLAIN_STATIC": "1",
        "STATIC_ROOT": str(static_root),
        "CACHE_KEY_PREFIX": f"bench-concurrency-{os.getpid()}",
        "PORT": str(port),
        "GUNICORN_BIND": "127.0.0.1",
        "WEB_CONCURRENCY": str(workers),
        "GUNICORN_THREADS": str(threads),
    }


def prepare_drafts(count, path):
    """In a subprocess on the benchmark's database: `count` complete drafts, their tokens written to `path`."""
    import django

    django.setup()
    from django.db import transaction

    from portal.feedback.factories import OrganisationFactory, ServiceFactory, complete_draft
    from portal.feedback.models import Service

    drafts = []
    with transaction.atomic():
        organisation = OrganisationFactory(name="Bench NHS Foundation Trust")
        service = Service.objects.filter(organisation=organisation, name="Bench Ward").first()
        service = service or ServiceFactory(organisation=organisation, name="Bench Ward")
        for index in range(count):
            contact = CONTACT if index % CONTACT_EVERY == 0 else None
            _draft, token = complete_draft(service=service if index % 2 else None, contact=contact)
            drafts.append({"token": token, "contact": bool(contact)})
    Path(path).write_text(json.dumps(drafts))


def _run(command, environment):
    done = subprocess.run(command, cwd=BASE_DIR, env=environment, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")


def _request(port, method, path, *, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request(method, path, body=body, headers={"Connection": "close", **(headers or {})})
        response = connection.getresponse()
        return response, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def _cookies(response):
    cookies = SimpleCookie()
    for header in response.headers.get_all("Set-Cookie") or []:
        cookies.load(header)
    return {name: morsel.value for name, morsel in cookies.items()}


@contextmanager
def _gunicorn(environment, port):
    """gunicorn as production runs it (gunicorn.conf.py), until /health/ answers 200; stopped afterwards."""
    with LOG_PATH.open("w") as log:
        # No control socket: its default path is shared by every gunicorn this user runs.
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi",
            "--config",
            "gunicorn.conf.py",
            "--no-control-socket",
        ]
        server = subprocess.Popen(command, cwd=BASE_DIR, env=environment, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    try:
        deadline = time.monotonic() + 90
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"gunicorn stopped (exit {server.returncode}); see {LOG_PATH}")
            try:
                if _request(port, "GET", "/health/")[0].status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"/health/ did not answer 200 within 90 seconds; see {LOG_PATH}")
            time.sleep(0.25)
        yield
    finally:
        server.terminate()
        try:
            server.wait(timeout=40)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _csrf(port):
    """A CSRF cookie and form token from the start page's form; Django accepts the pair for every post."""
    response, body = _request(port, "GET", START_PATH)
    cookie, field = _cookies(response).get("csrftoken"), CSRF_FIELD.search(body)
    if response.status != 200 or not cookie or not field:
        raise RuntimeError(f"GET {START_PATH} answered {response.status} without a CSRF cookie and form token")
    return cookie, field.group(1)


def _acknowledged_pk(response):
    """The submission pk from a 302 to the thank-you page with a valid `portal_feedback_sent`, else None."""
    from django.http import HttpRequest

    from portal.feedback.views import SENT_COOKIE, SENT_MAX_AGE, SENT_SALT

    if response.status != 302 or urlsplit(response.getheader("Location", "")).path != THANK_YOU_PATH:
        return None
    # Read back as the thank-you page reads it: Django checks the signature (same SECRET_KEY) and age.
    browser = HttpRequest()
    browser.COOKIES = _cookies(response)
    value = browser.get_signed_cookie(SENT_COOKIE, default=None, salt=SENT_SALT, max_age=SENT_MAX_AGE)
    return int(value) if value and value.isdigit() else None


def _send(port, csrf, token, gate):
    gate.wait()
    body = urlencode({"csrfmiddlewaretoken": csrf[1], "draft_token": token})
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={csrf[0]}"}
    started = time.perf_counter()
    try:
        response, _body = _request(port, "POST", SEND_PATH, body=body, headers=headers)
    except OSError as error:
        return Outcome(token, None, None, started, time.perf_counter(), error=type(error).__name__)
    return Outcome(token, response.status, _acknowledged_pk(response), started, time.perf_counter())


def _fire(port, csrf, tokens, clients):
    """Post every token at once: the pool's threads wait at a gate until all the requests are queued."""
    gate = threading.Event()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        futures = [pool.submit(_send, port, csrf, token, gate) for token in tokens]
        started = time.perf_counter()
        gate.set()
        outcomes = [future.result() for future in futures]
    return outcomes, time.perf_counter() - started


def _warm_up(port, clients):
    """Every worker thread opens its database connection and loads the URLs before the clock starts."""
    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(lambda path: _request(port, "GET", path), [START_PATH, "/health/"] * clients))


def _plan(tokens, rng):
    """Each token once, and a quarter of them two or three times side by side (a double click), shuffled."""
    doubled = set(rng.sample(range(len(tokens)), round(len(tokens) * DOUBLE_CLICK_SHARE)))
    groups = [[token] * ((2 + index % 2) if index in doubled else 1) for index, token in enumerate(tokens)]
    rng.shuffle(groups)
    return [token for group in groups for token in group], len(doubled)


def _in_flight_together(outcomes):
    """Double-clicked drafts whose requests were all at the server at the same moment (the race tested)."""
    by_token = {}
    for outcome in outcomes:
        by_token.setdefault(outcome.token, []).append(outcome)
    return sum(
        1
        for group in by_token.values()
        if len(group) > 1 and max(each.started for each in group) < min(each.finished for each in group)
    )


def _stored(database_url, baseline, digests):
    """Rows made since `baseline` (the highest Submission pk before), read with SQL, not the ORM."""
    with psycopg.connect(database_url) as db:
        rows = db.execute("SELECT id, draft_digest FROM feedback_submission WHERE id > %s", [baseline]).fetchall()
        ids = [pk for pk, _digest in rows]

        def count(query, *params):
            return db.execute(query, params).fetchone()[0]

        return rows, {
            "drafts_left_unsent": count(
                "SELECT count(*) FROM feedback_draft WHERE token_digest = ANY(%s) AND submission_id IS NULL", digests
            ),
            "contact_details_stored": count(
                "SELECT count(*) FROM feedback_contactdetails WHERE submission_id = ANY(%s)", ids
            ),
            "audit_events_submitted": count(
                "SELECT count(*) FROM core_auditevent WHERE action = 'feedback.submitted' AND object_id = ANY(%s)",
                [str(pk) for pk in ids],
            ),
            # django-tasks' database backend (app label django_tasks_database), queued on commit.
            "processing_tasks_queued": count(
                "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE task_path LIKE '%%.process_submission'"
                " AND (args_kwargs->'args'->>0)::bigint = ANY(%s)",
                ids,
            ),
        }


def _check(outcomes, drafts, rows, digest):
    """Acknowledgements against rows: what was stored twice, lost, or stored without anyone being told."""
    acknowledged = {}
    for outcome in outcomes:
        if outcome.pk is not None:
            acknowledged.setdefault(outcome.token, set()).add(outcome.pk)
    rows_by_digest = {}
    for pk, draft_digest in rows:
        rows_by_digest.setdefault(draft_digest, set()).add(pk)
    acknowledged_digests = {digest(token) for token in acknowledged}
    return {
        "acknowledged": len(acknowledged),
        "acknowledged_responses": sum(1 for outcome in outcomes if outcome.pk is not None),
        "requests_not_acknowledged": sum(1 for outcome in outcomes if outcome.pk is None),
        "stored": len(rows),
        "duplicates_created": sum(len(pks) - 1 for pks in rows_by_digest.values()),
        # A pk someone was given that is not the row stored for their draft.
        "lost": sum(len(pks - rows_by_digest.get(digest(token), set())) for token, pks in acknowledged.items()),
        "inconsistent_pks": sum(1 for pks in acknowledged.values() if len(pks) > 1),
        "stored_unacknowledged": sum(
            len(pks) for key, pks in rows_by_digest.items() if key not in acknowledged_digests
        ),
        "contact_details_expected": sum(1 for each in drafts if each["contact"] and each["token"] in acknowledged),
    }


def _errors_logged():
    """Errors the server logged (Django's JSON records, gunicorn's own lines), to read beside errors_5xx."""
    marks = ('"level": "ERROR"', '"level": "CRITICAL"', "[ERROR]", "[CRITICAL]", "Traceback")
    with LOG_PATH.open() as log:
        return sum(1 for line in log if any(mark in line for mark in marks))


def run():
    from portal.feedback.services import digest

    count = _setting("BENCH_SUBMISSIONS", 400)
    workers, threads = _setting("BENCH_WORKERS", 4), _setting("BENCH_THREADS", 8)
    clients = _setting("BENCH_CLIENTS", 96)
    # Seeded, so a rerun double-clicks and replays the same share of drafts; nothing secret is chosen.
    rng = random.Random(_setting("BENCH_SEED", 2026))  # noqa: S311
    database_url, throwaway = _database()
    parts = urlsplit(database_url)
    shown = f"{parts.scheme}://{parts.hostname}:{parts.port or 5432}{parts.path}"  # no credentials
    cache = "Redis (REDIS_URL)" if os.environ.get("REDIS_URL") else "in-process (REDIS_URL unset)"
    print(f"  database: {shown}, {'created for this run and dropped after' if throwaway else 'from DATABASE_URL'}")
    print(f"  server: gunicorn {workers} workers x {threads} threads, cache {cache}; {clients} client threads")

    port = _free_port()
    scratch = Path(tempfile.mkdtemp(prefix="bench-concurrency-"))
    environment = _server_env(database_url, port=port, workers=workers, threads=threads, static_root=scratch)
    created = False
    try:
        if throwaway:
            _recreate(database_url, create=True)
            created = True
        _run([sys.executable, "manage.py", "migrate", "--noinput"], environment)
        _run(
            [sys.executable, "-m", "bench.feedback_concurrency", str(count), str(scratch / "drafts.json")], environment
        )
        drafts = json.loads((scratch / "drafts.json").read_text())
        with psycopg.connect(database_url) as db:
            baseline = db.execute("SELECT coalesce(max(id), 0) FROM feedback_submission").fetchone()[0]
        with _gunicorn(environment, port):
            _warm_up(port, clients)
            csrf = _csrf(port)
            burst, doubled = _plan([each["token"] for each in drafts], rng)
            load = os.getloadavg()[0]  # throughput means little on a machine busy with other work
            outcomes, seconds = _fire(port, csrf, burst, clients)
            acknowledged = sorted({outcome.token for outcome in outcomes if outcome.pk is not None})
            replays, _seconds = _fire(
                port, csrf, rng.sample(acknowledged, round(len(acknowledged) * REPLAY_SHARE)), clients
            )
        rows, stored = _stored(database_url, baseline, [digest(each["token"]) for each in drafts])
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        if created:
            _recreate(database_url, create=False)

    everything = outcomes + replays
    statuses = Counter(outcome.status or outcome.error for outcome in everything)
    timings = statistics.quantiles([(each.finished - each.started) * 1000 for each in outcomes], n=100)
    return {
        "database": f"{shown} ({'throwaway' if throwaway else 'DATABASE_URL'})",
        "cache": cache,
        "workers": workers,
        "threads": threads,
        "client_threads": clients,
        "submissions_sent": len(drafts),
        "double_clicked_drafts": doubled,
        "double_clicks_in_flight_together": _in_flight_together(outcomes),
        "replays": len(replays),
        "requests_total": len(everything),
        **_check(everything, drafts, rows, digest),
        **stored,
        "responses": ", ".join(f"{status}: {number}" for status, number in sorted(statuses.items(), key=str)),
        "errors_5xx": sum(number for status, number in statuses.items() if isinstance(status, int) and status >= 500),
        "server_errors_logged": _errors_logged(),
        "machine_load_1m": round(load, 2),
        "burst_seconds": round(seconds, 2),
        "requests_per_second": round(len(outcomes) / seconds, 1),
        "p50_ms": round(timings[49], 1),
        "p95_ms": round(timings[94], 1),
        "p99_ms": round(timings[98], 1),
    }


if __name__ == "__main__":
    # `python -m bench.feedback_concurrency COUNT PATH`: the draft preparation that run() starts in a subprocess.
    prepare_drafts(int(sys.argv[1]), sys.argv[2])
