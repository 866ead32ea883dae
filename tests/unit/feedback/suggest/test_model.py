"""ThemeModel on a small hand-made set: sensible themes and sentiment, bounds, edge cases, storage."""

import io

import joblib
import pytest
import sklearn

from portal.feedback.choices import Sentiment
from portal.feedback.suggest import SENTIMENTS, ModelFormatError, Suggestion, ThemeModel
from tests.unit.feedback.suggest.hand_made import EXAMPLES, FOOD, STAFF, WAITING


@pytest.fixture(scope="module")
def model():
    texts, themes, sentiments = zip(*EXAMPLES, strict=True)
    return ThemeModel().fit(texts, themes, sentiments)


def top_theme(model, text):
    return model.predict([text])[0].themes[0][0]


def test_knows_its_themes_and_how_many_texts_it_learnt_from(model):
    assert model.labels == sorted([FOOD, STAFF, WAITING])
    assert model.trained_on == len(EXAMPLES)
    assert set(model.thresholds) == set(model.labels)
    assert all(0 < threshold < 1 for threshold in model.thresholds.values())


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("The ambulance was very late", WAITING),
        ("Such kind and friendly nurses", STAFF),
        ("The meals were cold", FOOD),
    ],
)
def test_suggests_the_theme_a_moderator_would(model, text, theme):
    assert top_theme(model, text) == theme


@pytest.mark.parametrize(
    ("text", "sentiment"),
    [("Such kind and friendly nurses", "positive"), ("The receptionist was rude and the wait was long", "negative")],
)
def test_suggests_a_sentiment(model, text, sentiment):
    (suggestion,) = model.predict([text])
    assert suggestion.sentiment[0] == sentiment
    assert 0 <= suggestion.sentiment[1] <= 1


def test_confidences_are_between_0_and_1_and_most_confident_first(model):
    texts = ["Late ambulance, rude driver, cold food", "kind", "The wait", "qqq zzz"]
    for suggestion in model.predict(texts):
        confidences = [confidence for _, confidence in suggestion.themes]
        assert confidences == sorted(confidences, reverse=True)
        assert all(0 <= confidence <= 1 for confidence in confidences)


def test_every_non_empty_text_gets_at_least_one_theme(model):
    # Words the model has never seen: nothing reaches a threshold, so the most likely theme is given.
    (suggestion,) = model.predict(["qqq zzz xyzzy"])
    assert len(suggestion.themes) == 1
    assert suggestion.themes[0][0] in model.labels


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_an_empty_text_gets_no_themes_and_no_sentiment(model, text):
    assert model.predict([text, "The meals were cold"])[0] == Suggestion(themes=[], sentiment=None)
    assert model.predict([text]) == [Suggestion(themes=[], sentiment=None)]


def test_predicting_nothing_gives_nothing(model):
    assert model.predict([]) == []


def test_predict_label_sets_matches_predict(model):
    texts = ["The ambulance was very late", "Kind nurses, cold food", ""]
    assert model.predict_label_sets(texts) == [set(s.theme_names) for s in model.predict(texts)]


def test_round_trip_through_bytes_gives_identical_predictions(model):
    texts = ["The ambulance was very late", "Kind nurses, cold food", "", "qqq"]
    loaded = ThemeModel.from_bytes(model.to_bytes())
    assert loaded.predict(texts) == model.predict(texts)
    assert (loaded.labels, loaded.trained_on, loaded.thresholds) == (model.labels, model.trained_on, model.thresholds)


def test_training_is_deterministic(model):
    texts, themes, sentiments = zip(*EXAMPLES, strict=True)
    again = ThemeModel().fit(texts, themes, sentiments)
    probe = ["The ambulance was very late", "Kind nurses, cold food", "qqq"]
    assert again.predict(probe) == model.predict(probe)


def dumped(payload):
    buffer = io.BytesIO()
    joblib.dump(payload, buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"not a model",
        dumped(["a list"]),
        dumped({"format": 99, "model": None}),
        dumped({"format": 1, "scikit_learn": sklearn.__version__, "model": "a string"}),
    ],
)
def test_bytes_that_are_not_a_stored_model_are_refused(data):
    with pytest.raises(ModelFormatError):
        ThemeModel.from_bytes(data)


def test_a_model_stored_by_another_scikit_learn_version_is_refused(model):
    with pytest.raises(ModelFormatError, match=r"scikit-learn 0\.1"):
        ThemeModel.from_bytes(dumped({"format": 1, "scikit_learn": "0.1", "model": model}))


def test_without_sentiments_it_suggests_themes_only():
    texts, themes, _ = zip(*EXAMPLES, strict=True)
    model = ThemeModel().fit(texts, themes)
    (suggestion,) = model.predict(["The meals were cold"])
    assert suggestion.sentiment is None
    assert suggestion.themes[0][0] == FOOD


def test_rows_without_a_sentiment_are_left_out_of_the_sentiment_only():
    texts, themes, sentiments = zip(*EXAMPLES, strict=True)
    sentiments = [None if i % 3 == 0 else value for i, value in enumerate(sentiments)]
    model = ThemeModel().fit(texts, themes, sentiments)
    assert model.trained_on == len(EXAMPLES)
    assert model.predict(["Such kind and friendly nurses"])[0].sentiment[0] == "positive"


def test_the_sentiments_are_the_portals_choices():
    assert set(SENTIMENTS) == set(Sentiment.values)


def test_bad_input_is_refused_clearly():
    texts, themes, sentiments = zip(*EXAMPLES, strict=True)
    with pytest.raises(ValueError, match="26 texts but 25 theme lists"):
        ThemeModel().fit(texts, themes[:-1])
    with pytest.raises(ValueError, match="not \\['delighted'\\]"):
        ThemeModel().fit(texts, themes, ["delighted", *sentiments[1:]])
    with pytest.raises(ValueError, match="at least 5 texts"):
        ThemeModel().fit(texts[:3], themes[:3])
    with pytest.raises(ValueError, match="no themes to learn"):
        ThemeModel().fit(texts, [[] for _ in texts])
    with pytest.raises(TypeError, match="list of str"):
        ThemeModel().fit(texts, [WAITING, *themes[1:]])
    with pytest.raises(TypeError, match="list of str"):
        ThemeModel().fit(texts, [[1], *themes[1:]])
    with pytest.raises(TypeError, match="not NoneType"):
        ThemeModel().fit([None, *texts[1:]], themes)
    with pytest.raises(ValueError, match="not been trained"):
        ThemeModel().predict(["anything"])
    with pytest.raises(ValueError, match="not been trained"):
        ThemeModel().to_bytes()
