"""Research recruitment: the study pages, sending "I'm interested", and the research area with 2,000 people.

Everything a person tells a study is encrypted (Fernet), so the research area decrypts each row it
shows in Python, and the CSV decrypts every row. This measures what that costs: sending one
expression of interest through the write path, a page of 50 in the research area (rendered, with
its audit entry), and the export's rows for 2,000 people. The study pages are timed as the other
public pages are (bench/pages.py), with their page weight.
"""

import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.pages import _page_weight
from portal.content.demo import seed_pages
from portal.core.demo import seed_settings
from portal.core.factories import UserFactory
from portal.core.models import User
from portal.core.roles import RESEARCHERS
from portal.research import factories, services
from portal.research.models import ExpressionOfInterest, StudyPage, StudyTeamMember

PEOPLE = 2_000
REPEAT = 50
SLUG = "bench-study"
RESEARCHER = "bench-researcher@example.org"
ANSWERS = {
    "name": "Bench Person",
    "method": "supporter",
    "email": "",
    "phone": "",
    "address": "",
    "supporter_name": "Bench Supporter",
    "supporter_relationship": "family",
    "supporter_email": "supporter@example.org",
    "supporter_phone": "07700 900123",
    "supporter_agreed": True,
    "communication_needs": ["easy_read", "interpreter"],
    "interpreter_language": "Polish",
    "other_needs": "Short meetings in the morning, please.",
    "screening": [{"id": f"q{n}", "question": f"Question {n}?", "answer": "yes"} for n in range(3)],
}

TARGETS = {
    "send_median_ms": ("<=", 50, "sending is quick enough that a double click never waits on the first"),
    "study_page_median_ms": ("<=", 60, "a study page as quick as the other public pages"),
    "study_page_transfer_kb_gzip": ("<=", 100, "under 100 KB for an old phone on a slow connection"),
    "study_index_queries": ("<=", 12, "the budget asserted in tests/integration/test_study_pages.py"),
    "area_list_50_median_ms": ("<=", 300, "a page of 50 people, each decrypted, opens without a wait"),
    "export_2000_rows_ms": ("<=", 5000, "a whole study's CSV for 2,000 people in a few seconds"),
}


def _median_ms(action, repeat=REPEAT):
    action()  # warm caches, as a running server would be
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(timings), 2)


def _study(home, researcher):
    index = factories.study_index(home)
    study = StudyPage.objects.filter(slug=SLUG).first() or factories.study_page(
        index, title="Benchmark study", slug=SLUG, questions=["Question 0?", "Question 1?", "Question 2?"]
    )
    StudyTeamMember.objects.get_or_create(page=study, user=researcher)
    return study


def _send():
    # A new draft each time, as each person has their own.
    draft, _token = services.start_draft(study=_send.study)
    services.save_answers(draft=draft, values=ANSWERS)
    services.send(draft=draft, answers=ANSWERS, consent_future_studies=True)


def run():
    pages = seed_pages()
    seed_settings(pages)
    researcher = User.objects.filter(email=RESEARCHER).first() or UserFactory(
        email=RESEARCHER, roles=[RESEARCHERS], with_totp=True
    )
    study = _study(pages["home"], researcher)
    _send.study = study
    figures = {}
    figures["send_median_ms"] = _median_ms(_send)
    missing = PEOPLE - ExpressionOfInterest.objects.filter(study=study).count()
    for _ in range(max(missing, 0)):
        _send()

    public = Client()
    for name, path in (("study_index", study.get_parent().url), ("study_page", study.url)):
        figures[f"{name}_median_ms"] = _median_ms(lambda path=path: public.get(path))
        with CaptureQueriesContext(connection) as queries:
            response = public.get(path)
        figures[f"{name}_queries"] = len(queries)
        figures[f"{name}_transfer_kb_gzip"] = round(_page_weight(response.content.decode())[0] / 1024, 1)

    staff = Client()
    staff.force_login(researcher)
    list_url = f"/researchers/studies/{study.pk}/"
    if staff.get(list_url).status_code != 200:
        raise RuntimeError("The research area did not answer 200 for the benchmark's researcher.")
    figures["area_list_50_median_ms"] = _median_ms(lambda: staff.get(list_url), repeat=20)
    with CaptureQueriesContext(connection) as queries:
        staff.get(list_url)
    figures["area_list_50_queries"] = len(queries)

    started = time.perf_counter()
    rows = services.export_rows(study=study, by=researcher)
    figures["export_2000_rows_ms"] = round((time.perf_counter() - started) * 1000, 1)
    figures["export_rows"] = len(rows) - 1
    return figures
