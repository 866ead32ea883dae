"""Synthetic approved feedback (portal.feedback.synthetic) and the steering benchmark that loads it."""

import re
from datetime import UTC, datetime

import pytest

from portal.feedback import synthetic
from portal.feedback.anonymise import detect
from portal.feedback.factories import ServiceFactory
from portal.feedback.models import Submission, Theme
from portal.feedback.synthetic_comments import COMMENTS

pytestmark = pytest.mark.django_db

START = datetime(2025, 1, 1, tzinfo=UTC)
END = datetime(2026, 1, 1, tzinfo=UTC)
REFERENCE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{8}$")


@pytest.fixture
def services():
    return [ServiceFactory() for _ in range(4)]


def fields_of(rows):
    """What a row holds, in a form two runs can be compared by (ids and times of creation aside)."""
    return [
        (
            row.reference,
            row.submitted_at,
            row.service_id,
            row.respondent,
            row.ethnic_group,
            row.ethnic_background,
            row.sentiment,
            row.redacted_what_was_good,
            row.quotable,
            tuple(sorted(row.themes.values_list("name", flat=True))),
        )
        for row in rows.order_by("draft_digest").prefetch_related("themes")
    ]


def test_makes_exactly_count_approved_submissions_sent_within_the_period(services):
    made = synthetic.generate_approved(250, start=START, end=END, seed=3, services=services, batch_size=100)

    rows = synthetic.synthetic(3)
    assert made == 250
    assert rows.count() == 250 == Submission.objects.count()
    assert not rows.exclude(status="approved").exists()
    assert not rows.filter(submitted_at__lt=START).exists()
    assert not rows.filter(submitted_at__gte=END).exists()
    for row in rows:
        assert row.processed_at is not None
        assert row.submitted_at < row.processed_at < row.decided_at
        assert row.sentiment
        assert row.redacted_what_was_good or row.redacted_what_could_be_better


def test_every_row_has_one_to_three_active_themes():
    synthetic.generate_approved(300, start=START, end=END, seed=3, services=[])

    through = Submission.themes.through.objects.filter(submission__in=synthetic.synthetic(3))
    per_row = {}
    for submission_id, theme_active in through.values_list("submission_id", "theme__is_active"):
        assert theme_active
        per_row[submission_id] = per_row.get(submission_id, 0) + 1
    assert len(per_row) == 300
    assert set(per_row.values()) <= {1, 2, 3}
    assert {1, 2, 3} <= set(per_row.values())


def test_references_are_valid_unique_and_never_one_already_taken(services, monkeypatch):
    existing = Submission.objects.bulk_create(
        [Submission(reference="AAAAAAAA", draft_digest="x" * 64, respondent="carer", when="now", overall="good")]
    )[0]
    draws = iter(["AAAAAAAA", "AAAAAAAA", "BBBBBBBB", "BBBBBBBB"])
    real_choices = synthetic.random.Random.choices

    def choices(self, population, *args, **kwargs):
        # The first references drawn clash with a stored one and with each other.
        if population == synthetic.REFERENCE_ALPHABET:
            drawn = next(draws, None)
            if drawn:
                return list(drawn)
        return real_choices(self, population, *args, **kwargs)

    monkeypatch.setattr(synthetic.random.Random, "choices", choices)
    synthetic.generate_approved(200, start=START, end=END, seed=3, services=services)

    references = list(synthetic.synthetic(3).values_list("reference", flat=True))
    assert len(set(references)) == 200
    assert all(REFERENCE.match(reference) for reference in references)
    assert existing.reference not in references
    assert references.count("BBBBBBBB") == 1


def test_the_same_seed_gives_the_same_rows_and_another_seed_does_not(services):
    synthetic.generate_approved(120, start=START, end=END, seed=5, services=services)
    first = fields_of(synthetic.synthetic(5))
    synthetic.synthetic(5).delete()

    synthetic.generate_approved(120, start=START, end=END, seed=5, services=services)
    synthetic.generate_approved(120, start=START, end=END, seed=6, services=services)

    assert fields_of(synthetic.synthetic(5)) == first
    assert fields_of(synthetic.synthetic(6)) != first


def test_a_second_call_adds_to_the_first_without_clashing(services):
    synthetic.generate_approved(50, start=START, end=END, seed=5, services=services)
    synthetic.generate_approved(30, start=START, end=END, seed=5, services=services)

    digests = sorted(synthetic.synthetic(5).values_list("draft_digest", flat=True))
    assert len(digests) == 80
    assert digests[0] == "synthetic-5-0000000000"
    assert digests[-1] == "synthetic-5-0000000079"


def test_rows_are_created_in_the_order_they_were_sent(services):
    synthetic.generate_approved(200, start=START, end=END, seed=5, services=services, batch_size=30)

    by_id = list(synthetic.synthetic(5).order_by("id").values_list("submitted_at", flat=True))
    assert by_id == sorted(by_id)


def test_shares_are_roughly_those_asked_for_and_keep_the_constraints(services):
    synthetic.generate_approved(3000, start=START, end=END, seed=7, services=services)
    rows = synthetic.synthetic(7)

    def share(**lookup):
        return rows.filter(**lookup).count() / 3000

    assert 0.07 < share(service=None) < 0.13
    assert 0.66 < share(consent_to_share=True) < 0.74
    assert 0.06 < share(ethnic_group__in=["", "prefer_not"]) < 0.10
    assert 0.70 < share(ethnic_group="white") < 0.79
    assert share(ethnic_group="black") > 0.02
    # Quoted only with consent, and a background only under a stated group.
    assert not rows.filter(quotable=True, consent_to_share=False).exists()
    assert share(quotable=True) > 0.5
    assert not rows.exclude(ethnic_background="").filter(ethnic_group__in=["", "prefer_not"]).exists()
    # Equality questions skipped altogether leave every one of them empty.
    assert not rows.filter(ethnic_group="").exclude(age_band="", gender="", religion="", autism="").exists()


def test_refuses_a_period_that_ends_before_it_starts(services):
    with pytest.raises(ValueError, match="start before end"):
        synthetic.generate_approved(10, start=END, end=START, services=services)


def test_the_comment_bank_holds_no_personal_details_and_only_codebook_themes():
    assert len(COMMENTS) >= 40
    codebook = set(Theme.objects.values_list("name", flat=True))
    for good, better, overall, themes in COMMENTS:
        assert good or better
        assert overall in synthetic.SENTIMENT
        assert 1 <= len(themes) <= 2
        assert set(themes) <= codebook, themes
        for text in (good, better):
            assert detect(text) == [], text


def test_the_steering_benchmark_loads_once_and_times_every_report(monkeypatch):
    from bench import steering_reports

    monkeypatch.setenv("BENCH_STEERING_ROWS", "300")
    monkeypatch.setattr(steering_reports, "REPEAT", 1)

    figures = steering_reports.run()

    assert figures["rows"] == 300
    assert figures["rows_added"] == 300
    assert figures["theme_links"] >= 300
    timed = [name for name in figures if name.endswith("_ms")]
    assert len(timed) == 16
    assert all(figures[name] >= 0 for name in timed)
    assert steering_reports.run()["rows_added"] == 0
