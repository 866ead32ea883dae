"""Theme suggestions: the model learns from the codebook and from every theme a moderator confirms, and
suggests themes and a sentiment for new feedback.

Suggestions are kept apart from the confirmed themes (ThemeSuggestion, Submission.suggested_sentiment).
The moderation page ticks them in advance; nothing counts until a moderator saves the decision, and
reports read only Submission.themes and Submission.sentiment.

The model learns from the redacted words of approved feedback, never the raw words, so a trained model
holds no personal detail a moderator removed. It is retrained by `manage.py train_themes`, by the task
portal.feedback.tasks.train_theme_model, and automatically after every THEME_MODEL_RETRAIN_EVERY
approvals. Each version is kept in the database (ThemeModelVersion) so every process uses the same one.
"""

import logging
import re
import time

from django.conf import settings
from django.db import transaction

from portal.core import audit

from .choices import Sentiment, SubmissionStatus
from .models import Submission, Theme, ThemeModelVersion, ThemeSuggestion
from .suggest.model import ModelFormatError, ThemeModel

logger = logging.getLogger(__name__)

KEEP_VERSIONS = 3
# Codebook examples are quoted (‘…’ or '…' or "…") and may be grouped under POSITIVE:, NEGATIVE: or NEUTRAL:.
_EXAMPLE = re.compile(r"[‘'\"“]([^’'\"”]{2,300})[’'\"”]")
_SENTIMENT_MARK = re.compile(r"\b(POSITIVE|NEGATIVE|NEUTRAL|MIXED)\s*:")


def codebook_examples(theme):
    """(text, sentiment or None) pairs from a theme's examples, as the framework writes them."""
    examples = []
    marks = list(_SENTIMENT_MARK.finditer(theme.examples))
    for match in _EXAMPLE.finditer(theme.examples):
        before = [mark for mark in marks if mark.start() < match.start()]
        sentiment = before[-1].group(1).lower() if before else None
        examples.append((match.group(1).strip(), sentiment if sentiment in Sentiment.values else None))
    return [(text, sentiment) for text, sentiment in examples if text]


def training_set():
    """(texts, label_sets, sentiments, confirmed): codebook examples and confirmed feedback, by theme pk."""
    texts, label_sets, sentiments = [], [], []
    for theme in Theme.objects.filter(is_active=True):
        for text, sentiment in codebook_examples(theme):
            texts.append(text)
            label_sets.append([str(theme.pk)])
            sentiments.append(sentiment)
    confirmed = 0
    approved = Submission.objects.filter(status=SubmissionStatus.APPROVED).prefetch_related("themes")
    for submission in approved.iterator(chunk_size=500):
        text = submission_text(submission, redacted=True)
        themes = [str(theme.pk) for theme in submission.themes.all()]
        if text and themes:
            texts.append(text)
            label_sets.append(themes)
            sentiments.append(submission.sentiment or None)
            confirmed += 1
    return texts, label_sets, sentiments, confirmed


def submission_text(submission, *, redacted=False):
    if redacted:
        parts = (submission.redacted_what_was_good, submission.redacted_what_could_be_better)
    else:
        parts = (submission.what_was_good, submission.what_could_be_better)
    return "\n".join(part for part in parts if part).strip()


def train():
    """Train a new model version and keep it. Returns the version, or None if there is too little to learn."""
    texts, label_sets, sentiments, confirmed = training_set()
    if len({label for labels in label_sets for label in labels}) < 2:
        logger.warning("Not enough labelled examples to train the theme model.")
        return None
    started = time.perf_counter()
    model = ThemeModel().fit(texts, label_sets, sentiments)
    seconds = time.perf_counter() - started
    with transaction.atomic():
        version = ThemeModelVersion.objects.create(
            trained_on=len(texts),
            confirmed_submissions=confirmed,
            labels=len(model.labels),
            train_seconds=round(seconds, 2),
            model=model.to_bytes(),
        )
        old = ThemeModelVersion.objects.order_by("-created_at", "-id").values_list("pk", flat=True)[KEEP_VERSIONS:]
        ThemeModelVersion.objects.filter(pk__in=list(old)).delete()
        audit.record(
            action="themes.model_trained",
            obj=version,
            detail={"examples": len(texts), "confirmed": confirmed, "labels": len(model.labels)},
        )
    return version


_loaded = {"pk": None, "model": None}


def current_model():
    """The newest trained model, loaded once per process and again only when a newer one exists."""
    # Keyed by id and time: an id alone can come round again (SQLite reuses them after a rollback).
    latest = ThemeModelVersion.objects.order_by("-created_at", "-id").values_list("pk", "created_at").first()
    if latest is None:
        return None
    if _loaded["pk"] != latest:
        data = ThemeModelVersion.objects.values_list("model", flat=True).get(pk=latest[0])
        try:
            _loaded["model"] = ThemeModel.from_bytes(bytes(data))
        except ModelFormatError:
            # Stored by another version of scikit-learn (after an upgrade): suggest nothing until retrained.
            logger.error("Theme model %s cannot be loaded by this version; run `manage.py train_themes`.", latest[0])
            _loaded["model"] = None
        _loaded["pk"] = latest
    return _loaded["model"]


def suggest(submission):
    """Store the model's theme and sentiment suggestions for one submission. Returns how many themes."""
    model = current_model()
    text = submission_text(submission)
    if model is None or not text:
        return 0
    suggestion = model.predict([text])[0]
    themes = Theme.objects.in_bulk([int(label) for label, _confidence in suggestion.themes if label.isdigit()])
    ThemeSuggestion.objects.filter(submission=submission).delete()
    ThemeSuggestion.objects.bulk_create(
        [
            ThemeSuggestion(submission=submission, theme=themes[int(label)], confidence=round(float(confidence), 4))
            for label, confidence in suggestion.themes
            if label.isdigit() and int(label) in themes
        ]
    )
    if suggestion.sentiment is not None:
        value, confidence = suggestion.sentiment
        submission.suggested_sentiment = value
        submission.suggested_sentiment_confidence = round(float(confidence), 4)
        Submission.objects.filter(pk=submission.pk).update(
            suggested_sentiment=value, suggested_sentiment_confidence=submission.suggested_sentiment_confidence
        )
    return len(themes)


def retrain_if_due():
    """Queue retraining once THEME_MODEL_RETRAIN_EVERY approvals have come since the last version."""
    every = settings.THEME_MODEL_RETRAIN_EVERY
    if every <= 0:
        return False
    latest = ThemeModelVersion.objects.order_by("-created_at", "-id").first()
    approved = Submission.objects.filter(status=SubmissionStatus.APPROVED)
    if latest is not None:
        approved = approved.filter(decided_at__gt=latest.created_at)
    count = approved.count()
    # Queued when the count reaches each multiple, so a queue that is slow to run gets one request, not many.
    if count < every or count % every:
        return False
    from .tasks import train_theme_model

    try:
        train_theme_model.enqueue()
    except Exception:
        logger.exception("Could not queue retraining of the theme model; `manage.py train_themes` will do it.")
        return False
    return True
