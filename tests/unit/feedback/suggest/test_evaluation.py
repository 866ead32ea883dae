"""The scorer on cases small enough to work out by hand, the split, and reading labelled files."""

import json

import pytest

from portal.feedback.suggest import Suggestion
from portal.feedback.suggest.evaluation import (
    DataError,
    evaluate,
    read_jsonl,
    score,
    score_sentiment,
    sentiment_from_scale,
    split,
    write_split,
)


def test_perfect_predictions_score_1():
    result = score([{"a"}, {"b", "c"}], [{"a"}, {"b", "c"}], ["a", "b", "c"])
    assert (result["micro_f1"], result["macro_f1"], result["labels_scored"]) == (1.0, 1.0, 3)


def test_micro_and_macro_by_hand():
    true = [{"a", "b"}, {"a", "c"}, {"b"}]
    predicted = [{"a", "b"}, {"a"}, {"c"}]
    # a: TP 2, FP 0, FN 0 -> F1 1.  b: TP 1, FP 0, FN 1 -> 2/3.  c: TP 0, FP 1, FN 1 -> 0.
    # micro: TP 3, FP 1, FN 2 -> 6 / (6 + 1 + 2) = 2/3.  macro: (1 + 2/3 + 0) / 3 = 5/9.
    result = score(true, predicted, "abc")
    assert result["per_label"] == pytest.approx({"a": 1.0, "b": 2 / 3, "c": 0.0})
    assert result["micro_f1"] == pytest.approx(2 / 3)
    assert result["macro_f1"] == pytest.approx(5 / 9)
    assert result["labels_scored"] == 3


def test_macro_is_only_over_themes_present_in_the_test_rows():
    # d never occurs in the test rows: it is left out of macro F1 (not scored as 0 or 1), but suggesting
    # it wrongly still costs micro F1.  a: F1 1.  micro: TP 2, FP 1, FN 0 -> 4/5.
    result = score([{"a"}, {"a"}], [{"a"}, {"a", "d"}], ["a", "d"])
    assert result["labels_scored"] == 1
    assert result["macro_f1"] == 1.0
    assert result["micro_f1"] == pytest.approx(4 / 5)


def test_a_theme_in_the_test_rows_never_predicted_scores_0_in_macro():
    result = score([{"a"}, {"b"}], [{"a"}, {"a"}], ["a", "b"])
    # a: TP 1, FP 1, FN 0 -> 2/3.  b: 0.  macro 1/3.  micro: TP 1, FP 1, FN 1 -> 2/4.
    assert result["macro_f1"] == pytest.approx(1 / 3)
    assert result["micro_f1"] == pytest.approx(1 / 2)


def test_scoring_refuses_mismatched_or_unknown_input():
    with pytest.raises(ValueError, match="2 true sets but 1 predicted"):
        score([{"a"}, {"a"}], [{"a"}], ["a"])
    with pytest.raises(ValueError, match=r"not in labels: \['z'\]"):
        score([{"a"}], [{"z"}], ["a"])
    with pytest.raises(ValueError, match="no themes"):
        score([set()], [set()], ["a"])


def test_sentiment_accuracy_and_macro_by_hand():
    # positive: TP 1, FP 0, FN 1 -> 2/3.  negative: TP 1, FP 1, FN 0 -> 2/3.  accuracy 2/3.
    result = score_sentiment(["positive", "positive", "negative"], ["positive", "negative", "negative"])
    assert result["accuracy"] == pytest.approx(2 / 3)
    assert result["macro_f1"] == pytest.approx(2 / 3)


@pytest.mark.parametrize(
    ("value", "sentiment"),
    [
        ("1", "positive"),
        (2, "positive"),
        ("3", "neutral"),
        ("4", "negative"),
        (5, "negative"),
        ("", None),
        (None, None),
    ],
)
def test_the_1_to_5_scale_maps_to_the_portals_sentiments(value, sentiment):
    assert sentiment_from_scale(value) == sentiment


@pytest.mark.parametrize("value", ["0", "6", "good", "2.5", 2.5, True])
def test_a_rating_off_the_scale_is_refused(value):
    with pytest.raises(DataError):
        sentiment_from_scale(value)


def test_split_is_deterministic_complete_and_disjoint():
    rows = [{"text": str(i), "themes": []} for i in range(100)]
    train, test = split(rows, test_fraction=0.2, seed=7)
    assert (len(train), len(test)) == (80, 20)
    assert sorted(r["text"] for r in train + test) == sorted(r["text"] for r in rows)
    assert split(rows, test_fraction=0.2, seed=7) == (train, test)
    assert split(rows, test_fraction=0.2, seed=8) != (train, test)
    with pytest.raises(ValueError):
        split(rows, test_fraction=1)


def test_read_jsonl_keeps_rows_and_skips_blank_lines(tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_text('{"text": "Late", "themes": ["t"], "sentiment": "4"}\n\n{"text": "é", "themes": []}\n')
    assert read_jsonl(path) == [{"text": "Late", "themes": ["t"], "sentiment": "4"}, {"text": "é", "themes": []}]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 2: not valid JSON"),
        ('["a list"]', 'line 2: expected an object with a string "text"'),
        ('{"themes": []}', 'line 2: expected an object with a string "text"'),
        ('{"text": "x"}', 'line 2: "themes" must be a list of strings'),
        ('{"text": "x", "themes": "one"}', 'line 2: "themes" must be a list of strings'),
        ('{"text": "x", "themes": [1]}', 'line 2: "themes" must be a list of strings'),
    ],
)
def test_read_jsonl_names_the_bad_line(tmp_path, line, message):
    path = tmp_path / "rows.jsonl"
    path.write_text('{"text": "fine", "themes": []}\n' + line + "\n")
    with pytest.raises(DataError, match=message):
        read_jsonl(path)


def test_write_split_writes_what_read_jsonl_reads(tmp_path):
    rows = [{"text": f"ü {i}", "themes": ["t"], "extra": i} for i in range(10)]
    train_path, test_path = write_split(rows, tmp_path, test_fraction=0.3, seed=1)
    assert (read_jsonl(train_path), read_jsonl(test_path)) == split(rows, test_fraction=0.3, seed=1)
    assert json.loads(train_path.read_text(encoding="utf-8").splitlines()[0])["text"].startswith("ü")


class FixedModel:
    """Suggests the same themes for every text, so evaluate()'s wiring can be checked by hand."""

    labels = ("a", "b")

    def fit(self, texts, label_sets, sentiments=None):
        self.fitted_on = (list(texts), list(label_sets), sentiments)
        return self

    def predict_label_sets(self, texts):
        return [{"a"} for _ in texts]


def test_evaluate_trains_on_train_rows_and_scores_test_rows():
    train = [{"text": "x", "themes": ["a"]}, {"text": "y", "themes": ["b"]}]
    test = [{"text": "z", "themes": ["a"]}, {"text": "w", "themes": ["c"]}]
    result = evaluate(train, test, FixedModel)
    assert result["model"].fitted_on == (["x", "y"], [["a"], ["b"]], None)
    # a: F1 2/3 (TP 1, FP 1).  c (only in test): F1 0.  b is absent from the test rows.  micro: TP 1, FP 1, FN 1.
    assert result["labels_scored"] == 2
    assert result["macro_f1"] == pytest.approx(1 / 3)
    assert result["micro_f1"] == pytest.approx(1 / 2)
    assert result["train_seconds"] >= 0
    assert result["predict_per_second"] > 0


class SentimentModel(FixedModel):
    """FixedModel that also suggests "positive" for every text."""

    def predict(self, texts):
        return [Suggestion(themes=[("a", 1.0)], sentiment=("positive", 0.9)) for _ in texts]


def test_evaluate_scores_sentiment_on_the_rows_that_have_one():
    train = [{"text": "x", "themes": ["a"], "sentiment": "1"}, {"text": "y", "themes": ["b"], "sentiment": ""}]
    test = [
        {"text": "z", "themes": ["a"], "sentiment": "2"},
        {"text": "w", "themes": ["a"], "sentiment": "5"},
        {"text": "v", "themes": ["a"], "sentiment": ""},
    ]
    result = evaluate(train, test, SentimentModel, sentiment=True)
    assert result["model"].fitted_on[2] == ["positive", None]
    # Two rows have a sentiment; "positive" is right for one.  positive F1 2/3, negative F1 0.
    assert result["sentiment_scored"] == 2
    assert result["sentiment_accuracy"] == 0.5
    assert result["sentiment_macro_f1"] == pytest.approx(1 / 3)
