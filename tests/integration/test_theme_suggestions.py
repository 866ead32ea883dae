"""Theme suggestions: trained on the codebook and confirmed themes, shown to moderators ticked, never counted
until a moderator saves them."""

import re

import pytest
from django.urls import reverse

from portal.core.factories import UserFactory
from portal.core.models import AuditEvent
from portal.feedback import moderation, services, theming
from portal.feedback.factories import submission
from portal.feedback.models import SafeguardingFlag, Submission, Theme, ThemeModelVersion, ThemeSuggestion

pytestmark = pytest.mark.django_db

RESTRAINT = "I was restrained in front of other patients and nobody talked to me about it afterwards."


_TRAINED = {}


@pytest.fixture
def trained(db):
    """A model trained on the seeded codebook. Training takes seconds, so it is done once per run and
    the same bytes stored for each test, as theming.train() would store them."""
    if "model" not in _TRAINED:
        _TRAINED["model"] = theming.train().model
        ThemeModelVersion.objects.all().delete()
    return ThemeModelVersion.objects.create(
        trained_on=1, confirmed_submissions=0, labels=1, train_seconds=0, model=_TRAINED["model"]
    )


def approve(made, themes, sentiment="negative"):
    made.refresh_from_db()
    return moderation.decide(
        submission_id=made.pk,
        version=made.version,
        action="approve",
        reason="",
        by=UserFactory(roles=["Moderators"]),
        removed_ids=made.redactions.values_list("pk", flat=True),
        themes=themes,
        sentiment=sentiment,
    )


def test_codebook_examples_are_read_with_their_sentiment():
    theme = Theme(name="x", examples="POSITIVE: ‘Very good’, ‘Thank you’ NEGATIVE: 'Awful care', ‘Nobody came’")
    assert theming.codebook_examples(theme) == [
        ("Very good", "positive"),
        ("Thank you", "positive"),
        ("Awful care", "negative"),
        ("Nobody came", "negative"),
    ]


def test_train_themes_learns_from_the_codebook_records_the_version_and_keeps_the_newest_three(trained, capsys):
    from django.core.management import call_command

    for _ in range(2):
        ThemeModelVersion.objects.create(trained_on=1, confirmed_submissions=0, labels=1, train_seconds=0, model=b"")

    call_command("train_themes")

    assert "Trained theme model" in capsys.readouterr().out
    newest = ThemeModelVersion.objects.latest()
    assert newest.trained_on > Theme.objects.count()
    assert newest.confirmed_submissions == 0
    assert newest.labels == Theme.objects.exclude(examples="").count()  # all but "Not assigned"
    event = AuditEvent.objects.get(action="themes.model_trained", object_id=str(newest.pk))
    assert event.detail["examples"] == newest.trained_on
    assert ThemeModelVersion.objects.count() == 3
    assert not ThemeModelVersion.objects.filter(pk=trained.pk).exists()


def test_processing_stores_suggestions_and_a_sentiment(trained):
    made = submission(what_was_good="", what_could_be_better=RESTRAINT)
    services.process(submission_id=made.pk)

    made.refresh_from_db()
    suggested = {suggestion.theme.name: suggestion.confidence for suggestion in made.theme_suggestions.all()}
    assert "Restrictive practice" in suggested
    assert all(0 <= confidence <= 1 for confidence in suggested.values())
    assert made.suggested_sentiment in {"positive", "neutral", "negative", "mixed"}
    # Suggestions are not confirmed themes.
    assert not made.themes.exists()
    assert made.sentiment == ""


def test_without_a_trained_model_processing_suggests_nothing():
    made = submission(what_could_be_better=RESTRAINT)
    services.process(submission_id=made.pk)
    assert not ThemeSuggestion.objects.exists()


def test_a_fault_in_the_model_never_holds_up_the_safeguarding_checks(trained, monkeypatch, caplog):
    def broken(submission):
        raise RuntimeError("model file damaged")

    monkeypatch.setattr(theming, "suggest", broken)
    made = submission(what_could_be_better="I wanted to end my life.")

    assert services.process(submission_id=made.pk) is True

    made.refresh_from_db()
    assert made.processed_at is not None
    assert SafeguardingFlag.objects.filter(submission=made).exists()
    assert "Theme suggestions failed" in caplog.text
    assert "end my life" not in caplog.text


def test_the_moderation_page_ticks_suggestions_and_saving_confirms_them(client, trained):
    made = submission(what_was_good="", what_could_be_better=RESTRAINT)
    services.process(submission_id=made.pk)
    client.force_login(UserFactory(roles=["Moderators"], with_totp=True))
    url = reverse("feedback_moderation:detail", args=[made.pk])

    page = client.get(url).content.decode()
    restrictive = Theme.objects.get(name="Restrictive practice")
    assert "% confidence)" in page
    # Ticked in advance, in an open group.
    assert re.search(rf'<input[^>]*name="themes" value="{restrictive.pk}"[^>]*checked', page)

    made.refresh_from_db()
    suggested = list(made.theme_suggestions.values_list("theme_id", flat=True))
    client.post(
        url,
        {
            "do": "decide",
            "version": made.version,
            "themes": suggested,
            "sentiment": "negative",
            "action": "approve",
        },
    )
    made.refresh_from_db()
    assert set(made.themes.values_list("pk", flat=True)) == set(suggested)


def test_the_model_learns_from_redacted_words_only():
    made = submission(what_was_good="Bartholomew Quigley-Andrews on nights was brilliant.")
    services.process(submission_id=made.pk)
    approve(made, [Theme.objects.get(name="Staff manner & personal attributes")], sentiment="positive")

    texts, _labels, _sentiments, confirmed = theming.training_set()

    assert confirmed == 1
    assert not any("Bartholomew" in text or "Quigley" in text for text in texts)
    assert any("[name]" in text for text in texts)


def test_retraining_is_queued_at_every_nth_approval(settings, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    settings.THEME_MODEL_RETRAIN_EVERY = 2
    theme = Theme.objects.get(name="Advocacy")
    queued = DBTaskResult.objects.filter(task_path="portal.feedback.tasks.train_theme_model")
    for number in range(4):
        made = submission(what_was_good=f"The advocate helped {number}")
        with django_capture_on_commit_callbacks(execute=True):
            approve(made, [theme], sentiment="positive")
        assert queued.count() == (number + 1) // 2


def test_withdrawal_clears_themes_and_suggestions(trained):
    made = submission(what_was_good="", what_could_be_better=RESTRAINT)
    services.process(submission_id=made.pk)
    approve(made, [Theme.objects.get(name="Restrictive practice")])

    services.withdraw(submission=Submission.objects.get(pk=made.pk))

    assert not ThemeSuggestion.objects.filter(submission=made).exists()
    assert not Submission.objects.get(pk=made.pk).themes.exists()


def test_a_model_this_version_cannot_load_suggests_nothing_and_says_to_retrain(caplog):
    ThemeModelVersion.objects.create(
        trained_on=1, confirmed_submissions=0, labels=1, train_seconds=0, model=b"not a model at all"
    )
    made = submission(what_could_be_better=RESTRAINT)

    services.process(submission_id=made.pk)

    assert not ThemeSuggestion.objects.exists()
    assert "manage.py train_themes" in caplog.text
