"""Synthetic approved feedback in bulk: a history for the demo's steering pages, and volume for the
steering benchmark (bench/steering_reports.py).

The rows stand for feedback sent, processed and approved in the past, so they are written straight
to the tables with bulk_create: no write path, audit, task or signal, none of which should happen
again for them. Every row is marked by its draft_digest, "synthetic-<seed>-<number>", which a real
digest (64 hex characters) can never be, so synthetic rows can be counted, topped up or deleted by
seed without touching anyone's feedback.

The words come from portal.feedback.synthetic_comments, written for the portal. The people are
spread roughly as England is (2021 census ethnic groups and religions), so equity tables have
something in every column.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from .choices import PREFER_NOT_TO_SAY, SubmissionStatus
from .models import Service, Submission, Theme
from .services import REFERENCE_ALPHABET, REFERENCE_LENGTH
from .synthetic_comments import COMMENTS

DEFAULT_SEED = 2026
PREFIX = "synthetic-"

SENTIMENT = {
    "very_good": "positive",
    "good": "positive",
    "neither": "mixed",
    "dont_know": "neutral",
    "poor": "negative",
    "very_poor": "negative",
}
# How often a comment's themes come up, relative to 1 for the rest: staff, staffing and communication
# lead in inpatient feedback, with restrictive practice close behind.
THEME_WEIGHT = {
    "Staff manner & personal attributes": 6,
    "Staff listening, understanding & involving patients": 5,
    "Staffing levels & responsiveness": 4,
    "Being kept informed, clarity & consistency of information": 3,
    "Restrictive practice": 3,
}
# The chance of a further theme, drawn from the whole codebook, beyond a comment's own.
EXTRA_THEME = 0.3
MAX_THEMES = 3

RESPONDENT = {"patient_now": 35, "patient_before": 25, "carer": 22, "expert": 6, "staff": 5, "other": 7}
WHEN = {"now": 40, "3m": 35, "12m": 15, "longer": 5, PREFER_NOT_TO_SAY: 5}
SERVICE_NOT_SAID = 0.10
# People who skip the equality questions altogether; with "prefer not to say" about 8% give no ethnic group.
SKIPPED_ABOUT_YOU = 0.05
ETHNIC_GROUP_PREFER_NOT = 0.03
# England, 2021 census (ONS TS021), percentages of the population, by detailed background.
ETHNIC_BACKGROUND = {
    "white_british": 73.5,
    "white_irish": 0.9,
    "white_gypsy_traveller": 0.1,
    "white_roma": 0.2,
    "white_other": 6.3,
    "asian_indian": 3.3,
    "asian_pakistani": 2.7,
    "asian_bangladeshi": 1.1,
    "asian_chinese": 0.7,
    "asian_other": 1.6,
    "black_african": 2.5,
    "black_caribbean": 1.1,
    "black_other": 0.6,
    "mixed_white_black_caribbean": 0.9,
    "mixed_white_black_african": 0.4,
    "mixed_white_asian": 0.8,
    "mixed_other": 0.9,
    "other_arab": 0.6,
    "other_any": 1.6,
}
BACKGROUND_PREFER_NOT = 0.02
# England, 2021 census (ONS TS030); "not stated" is "prefer not to say".
RELIGION = {
    "christian": 46.3,
    "none": 36.7,
    "muslim": 6.7,
    "hindu": 1.8,
    "sikh": 0.9,
    "buddhist": 0.5,
    "jewish": 0.5,
    "other": 0.6,
    PREFER_NOT_TO_SAY: 6.0,
}
LEARNING_DISABILITY = {"yes": 8, "no": 80, "not_sure": 7, PREFER_NOT_TO_SAY: 5}
AUTISM = {"yes": 9, "no": 79, "not_sure": 7, PREFER_NOT_TO_SAY: 5}
# Autism is far commoner among people with a learning disability.
AUTISM_WITH_LEARNING_DISABILITY = 0.35
AGE_BAND = {
    "under_18": 6,
    "18_24": 14,
    "25_34": 20,
    "35_44": 18,
    "45_54": 15,
    "55_64": 12,
    "65_74": 7,
    "75_over": 5,
    PREFER_NOT_TO_SAY: 3,
}
GENDER = {"woman": 48, "man": 46, "non_binary": 2, "another_way": 1, PREFER_NOT_TO_SAY: 3}
CONSENT_TO_SHARE = 0.70
# Of those who consented, how many a moderator judged quotable.
QUOTABLE = 0.85
EASY_READ = 0.05
EASY_READ_WITH_LEARNING_DISABILITY = 0.45

# Busier in winter, quieter in late summer, and growing as more people hear of the portal.
SEASONAL_SWING = 0.15
BUSIEST_DAY_OF_YEAR = 20
GROWTH = 0.3
NIGHT_SHARE = 0.35


def prefix(seed: int) -> str:
    return f"{PREFIX}{seed}-"


def synthetic(seed: int):
    """The synthetic submissions made with `seed`."""
    return Submission.objects.filter(draft_digest__startswith=prefix(seed))


def generate_approved(
    count: int,
    *,
    start: datetime | date,
    end: datetime | date,
    seed: int = DEFAULT_SEED,
    services: Iterable[Service] | None = None,
    batch_size: int = 5000,
) -> int:
    """Bulk-create `count` approved submissions sent within [start, end), each with 1 to 3 themes.

    `services` defaults to those offered in the form. Rows are created in the order they were sent,
    as real feedback is, so ids and the table's physical order follow submitted_at: a date range is
    then a run of neighbouring rows, as the database's planner will find it in production. Numbering
    carries on after the seed's existing rows, so a second call adds to the first instead of clashing
    with it; the same calls on the same database give the same rows. Returns how many were created.
    """
    since, until = _aware(start), _aware(end)
    if until <= since:
        raise ValueError("generate_approved needs start before end.")
    services = list(Service.objects.offered() if services is None else services)
    themes = list(Theme.objects.filter(is_active=True).order_by("name"))
    if not themes:
        raise ValueError("generate_approved needs at least one active theme to tag feedback with.")
    first = _next_number(seed)
    picker = _Picker(random.Random(f"{seed}:{first}"), services, themes, since, until)  # noqa: S311 - not secret
    through = Submission.themes.through
    made = 0
    sent_times = sorted(picker.sent_at() for _ in range(count))
    with _keeping_submitted_at():
        for batch_start in range(0, count, batch_size):
            drawn = [
                picker.submission(prefix(seed) + f"{first + offset:010d}", sent_times[offset])
                for offset in range(batch_start, min(batch_start + batch_size, count))
            ]
            rows = [row for row, _theme_ids in drawn]
            _give_free_references(rows, picker.random)
            with transaction.atomic():
                # At most 1,000 rows a statement keeps PostgreSQL under its 65,535 parameters.
                created = Submission.objects.bulk_create(rows, batch_size=1000)
                if created and created[0].pk is None:
                    raise RuntimeError("generate_approved needs PostgreSQL or SQLite 3.35+, which return new keys.")
                links = [
                    through(submission_id=row.pk, theme_id=theme_id)
                    for row, theme_ids in drawn
                    for theme_id in theme_ids
                ]
                through.objects.bulk_create(links, batch_size=batch_size)
            made += len(created)
    return made


def _aware(moment: datetime | date) -> datetime:
    if not isinstance(moment, datetime):
        moment = datetime.combine(moment, time.min)
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


def _next_number(seed: int) -> int:
    # Numbers are zero-padded, so the greatest digest is the greatest number.
    last = synthetic(seed).aggregate(last=Max("draft_digest"))["last"]
    return int(last.removeprefix(prefix(seed))) + 1 if last else 0


@contextmanager
def _keeping_submitted_at():
    """Let bulk_create keep the past times given: submitted_at is auto_now_add, which stamps now.

    Changes the field for the whole process while it lasts, so it is only for commands and benchmarks.
    """
    field = Submission._meta.get_field("submitted_at")
    field.auto_now_add = False
    try:
        yield
    finally:
        field.auto_now_add = True


def _give_free_references(rows: list[Submission], randomiser: random.Random) -> None:
    """Draw a reference for each row, and again for any already used in this batch or the database."""
    pending = rows
    while pending:
        for row in pending:
            row.reference = "".join(randomiser.choices(REFERENCE_ALPHABET, k=REFERENCE_LENGTH))
        references = sorted({row.reference for row in rows})
        taken = set()
        # In chunks, well under SQLite's smallest limit on query parameters.
        for offset in range(0, len(references), 900):
            chunk = references[offset : offset + 900]
            taken.update(Submission.objects.filter(reference__in=chunk).values_list("reference", flat=True))
        seen, pending = set(), []
        for row in rows:
            if row.reference in taken or row.reference in seen:
                pending.append(row)
            seen.add(row.reference)


class _Picker:
    """Draws one submission's answers, themes and times from the shares above."""

    def __init__(self, randomiser, services, themes, since, until):
        self.random = randomiser
        self.now = timezone.now()
        self.since = since
        self.span = (until - since).total_seconds()
        self.services = services
        # A few busy services and some quiet ones.
        self.service_weights = [1 / math.sqrt(rank + 1) for rank in range(len(services))]
        by_name = {theme.name: theme.pk for theme in themes}
        self.comments = [
            (good, better, overall, [by_name[name] for name in names if name in by_name])
            for good, better, overall, names in COMMENTS
        ]
        self.comment_weights = [max(THEME_WEIGHT.get(name, 1) for name in names) for *_rest, names in COMMENTS]
        # Further themes: the common ones first, then the rest in a fixed shuffle, with falling weights.
        ranked = sorted(themes, key=lambda theme: -THEME_WEIGHT.get(theme.name, 0))
        common, tail = ranked[: len(THEME_WEIGHT)], ranked[len(THEME_WEIGHT) :]
        randomiser.shuffle(tail)
        self.extra_ids = [theme.pk for theme in common + tail]
        self.extra_weights = [1 / (rank + 1) for rank in range(len(self.extra_ids))]
        self.raw_text_days = timedelta(days=settings.FEEDBACK_RAW_TEXT_DAYS)

    def _one(self, shares: dict[str, float]) -> str:
        return self.random.choices(list(shares), weights=list(shares.values()))[0]

    def sent_at(self) -> datetime:
        """A time within the period, following the seasons, the growth and the time of day."""
        busiest = (1 + SEASONAL_SWING) * (1 + GROWTH / 2)
        while True:
            fraction = self.random.random()
            moment = self.since + timedelta(seconds=fraction * self.span)
            day = moment.timetuple().tm_yday
            weight = (1 + SEASONAL_SWING * math.cos(2 * math.pi * (day - BUSIEST_DAY_OF_YEAR) / 365.25)) * (
                1 + GROWTH * (fraction - 0.5)
            )
            if not 8 <= moment.hour < 22:
                weight *= NIGHT_SHARE
            if self.random.random() * busiest < weight:
                return moment

    def _about_you(self) -> dict[str, str]:
        if self.random.random() < SKIPPED_ABOUT_YOU:
            return {}
        answers = {"ethnic_group": PREFER_NOT_TO_SAY, "ethnic_background": ""}
        if self.random.random() >= ETHNIC_GROUP_PREFER_NOT:
            background = self._one(ETHNIC_BACKGROUND)
            answers["ethnic_group"] = background.split("_")[0]
            answers["ethnic_background"] = (
                PREFER_NOT_TO_SAY if self.random.random() < BACKGROUND_PREFER_NOT else background
            )
        answers["learning_disability"] = self._one(LEARNING_DISABILITY)
        if answers["learning_disability"] == "yes" and self.random.random() < AUTISM_WITH_LEARNING_DISABILITY:
            answers["autism"] = "yes"
        else:
            answers["autism"] = self._one(AUTISM)
        answers["age_band"] = self._one(AGE_BAND)
        answers["gender"] = self._one(GENDER)
        answers["religion"] = self._one(RELIGION)
        return answers

    def submission(self, draft_digest: str, sent: datetime) -> tuple[Submission, list[int]]:
        """One approved submission sent at `sent`, not yet saved, and the ids of its themes."""
        good, better, overall, theme_ids = self.random.choices(self.comments, weights=self.comment_weights)[0]
        decided = sent + timedelta(minutes=10 + self.random.expovariate(1 / (3 * 24 * 60)))
        if sent < self.now < decided:
            decided = sent + (self.now - sent) / 2
        processed = sent + min(timedelta(seconds=self.random.uniform(2, 60)), (decided - sent) / 2)
        removed = decided + self.raw_text_days
        about_you = self._about_you()
        consent = self.random.random() < CONSENT_TO_SHARE
        easy_read_share = (
            EASY_READ_WITH_LEARNING_DISABILITY if about_you.get("learning_disability") == "yes" else EASY_READ
        )
        service = None
        if self.services and self.random.random() >= SERVICE_NOT_SAID:
            service = self.random.choices(self.services, weights=self.service_weights)[0]
        row = Submission(
            draft_digest=draft_digest,
            status=SubmissionStatus.APPROVED,
            submitted_at=sent,
            processed_at=processed,
            decided_at=decided,
            version=1,
            respondent=self._one(RESPONDENT),
            service=service,
            when=self._one(WHEN),
            overall=overall,
            # The raw words are the redacted ones: there were never real ones to keep.
            what_was_good=good,
            what_could_be_better=better,
            redacted_what_was_good=good,
            redacted_what_could_be_better=better,
            raw_text_removed_at=removed if removed <= self.now else None,
            sentiment=SENTIMENT[overall],
            consent_to_share=consent,
            quotable=consent and self.random.random() < QUOTABLE,
            easy_read=self.random.random() < easy_read_share,
            language="en-gb",
            **about_you,
        )
        return row, self._themes(theme_ids)

    def _themes(self, theme_ids: list[int]) -> list[int]:
        """The comment's own themes, or one from the codebook if none is active, and sometimes another."""
        chosen = list(theme_ids)
        while not chosen or (len(chosen) < MAX_THEMES and self.random.random() < EXTRA_THEME):
            extra = self.random.choices(self.extra_ids, weights=self.extra_weights)[0]
            if extra not in chosen:
                chosen.append(extra)
            elif len(chosen) >= len(self.extra_ids):
                break
        return chosen[:MAX_THEMES]
