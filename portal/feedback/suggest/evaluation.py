"""How well a theme model suggests moderators' themes: one scorer for the tests, the command and the benchmark.

Rows are dicts with a "text" and a list of "themes" (read_jsonl reads them from JSON lines, one row a line,
as in tests/data/themes/); any other keys are kept, so a "sentiment" can be scored too.

Scores are F1 over (text, theme) decisions:

- micro F1 counts every suggestion and every missed theme alike, so common themes dominate it;
- macro F1 is the mean of each theme's own F1, over the themes that occur in the test rows. Rare themes
  count as much as common ones, which is what a moderator checking a rare theme (safeguarding, equality)
  cares about. A theme absent from the test rows has no F1 to speak of (nothing to find), so it is left
  out rather than scored as 0 or 1; suggesting it wrongly still lowers micro F1 and the F1 of nothing
  else, which is the honest place for that cost.

A model is anything with fit(texts, label_sets, sentiments=None) and predict_label_sets(texts); ThemeModel
and the baseline both are. evaluate() also scores sentiment when asked and the model has predict().
"""

import json
import random
import time
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parents[3] / "tests" / "data" / "themes"
THEMES_DEV = DATA / "themes_dev.jsonl"

# pxtextmining's data rates sentiment 1 (very positive) to 5 (very negative). The portal's choices
# (portal.feedback.choices.Sentiment) also have "mixed", which this scale cannot express.
SENTIMENT_FROM_SCALE = {1: "positive", 2: "positive", 3: "neutral", 4: "negative", 5: "negative"}

DEFAULT_SEED = 20231


class DataError(ValueError):
    """A line of a labelled file is not a usable example; the message names the file and line."""


def read_jsonl(path):
    """Rows from a JSON-lines file of {"text": str, "themes": [str, ...], ...}; blank lines are skipped.

    Raises FileNotFoundError for a missing file and DataError naming the line for a bad one, so that a
    typo in line 4,000 of an export is found at once instead of skewing the scores.
    """
    path = Path(path)
    rows = []
    with path.open(encoding="utf-8") as file:
        for number, line in enumerate(file, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise DataError(
                    f"{path}, line {number}: not valid JSON ({error.msg} at column {error.colno})"
                ) from None
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise DataError(f'{path}, line {number}: expected an object with a string "text"')
            themes = record.get("themes")
            if not isinstance(themes, list) or not all(isinstance(theme, str) for theme in themes):
                raise DataError(f'{path}, line {number}: "themes" must be a list of strings')
            rows.append(record)
    return rows


def sentiment_from_scale(value):
    """The portal's sentiment for a 1-5 rating ("1" or 1), or None where the row has none ("" or missing)."""
    if value is None or value == "":
        return None
    try:
        # Only whole numbers: int(2.5) would quietly read a half-point rating as 2.
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise TypeError
        return SENTIMENT_FROM_SCALE[int(value)]
    except (KeyError, TypeError, ValueError):
        raise DataError(f"sentiment must be 1 to 5 or empty, not {value!r}") from None


def split(rows, test_fraction=0.2, seed=DEFAULT_SEED):
    """(train, test): a shuffled split that is the same on every machine and every run for the same seed.

    Not stratified by theme: with 43 themes, some on one or two rows, no split keeps them all in both
    halves, and a plain shuffle is the simplest thing to reproduce from another tool.
    """
    if not 0 < test_fraction < 1:
        raise ValueError("test_fraction must be between 0 and 1")
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)  # noqa: S311 (a reproducible shuffle, not a secret)
    test_size = round(len(rows) * test_fraction)
    test = sorted(order[:test_size])
    train = sorted(order[test_size:])
    return [rows[i] for i in train], [rows[i] for i in test]


def write_split(rows, directory, *, test_fraction=0.2, seed=DEFAULT_SEED, prefix="themes"):
    """Write split(rows) to <directory>/<prefix>_train.jsonl and _test.jsonl; return the two paths.

    The files are what `manage.py evaluate_themes --train ... --test ...` reads, so another tool (or the
    baseline, with --baseline) can be scored on exactly the same rows.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for part, part_rows in zip(("train", "test"), split(rows, test_fraction, seed), strict=True):
        path = directory / f"{prefix}_{part}.jsonl"
        path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in part_rows), encoding="utf-8")
        paths.append(path)
    return tuple(paths)


def _f1(true_positives, false_positives, false_negatives):
    denominator = 2 * true_positives + false_positives + false_negatives
    return 2 * true_positives / denominator if denominator else 0.0


def score(true_sets, predicted_sets, labels):
    """{"micro_f1", "macro_f1", "labels_scored", "per_label"} for parallel lists of theme sets.

    labels: every theme that may appear (for a trained model, its themes plus any in the test rows);
    a theme outside it is a mistake in the caller, so it raises ValueError rather than being dropped.
    Macro F1 is averaged over the themes in `labels` that occur in true_sets (labels_scored of them).
    """
    if len(true_sets) != len(predicted_sets):
        raise ValueError(f"{len(true_sets)} true sets but {len(predicted_sets)} predicted sets")
    known = set(labels)
    true_positives, false_positives, false_negatives = Counter(), Counter(), Counter()
    for true, predicted in zip(true_sets, predicted_sets, strict=True):
        true, predicted = set(true), set(predicted)
        unknown = (true | predicted) - known
        if unknown:
            raise ValueError(f"themes not in labels: {sorted(unknown)}")
        true_positives.update(true & predicted)
        false_positives.update(predicted - true)
        false_negatives.update(true - predicted)
    present = sorted(label for label in known if true_positives[label] + false_negatives[label])
    if not present:
        raise ValueError("nothing to score: the test rows have no themes")
    per_label = {label: _f1(true_positives[label], false_positives[label], false_negatives[label]) for label in present}
    micro = _f1(sum(true_positives.values()), sum(false_positives.values()), sum(false_negatives.values()))
    return {
        "micro_f1": micro,
        "macro_f1": sum(per_label.values()) / len(per_label),
        "labels_scored": len(present),
        "per_label": per_label,
    }


def score_sentiment(true_values, predicted_values):
    """Accuracy and macro F1 (over the classes in true_values) of single-label sentiment predictions."""
    pairs = [(true, predicted) for true, predicted in zip(true_values, predicted_values, strict=True)]
    if not pairs:
        raise ValueError("nothing to score: no rows have a sentiment")
    correct = sum(1 for true, predicted in pairs if true == predicted)
    classes = sorted({true for true, _ in pairs})
    per_class = {}
    for value in classes:
        tp = sum(1 for true, predicted in pairs if true == value and predicted == value)
        fp = sum(1 for true, predicted in pairs if true != value and predicted == value)
        fn = sum(1 for true, predicted in pairs if true == value and predicted != value)
        per_class[value] = _f1(tp, fp, fn)
    return {
        "accuracy": correct / len(pairs),
        "macro_f1": sum(per_class.values()) / len(per_class),
        "scored": len(pairs),
        "per_class": per_class,
    }


def evaluate(train_rows, test_rows, model_factory, *, sentiment=False):
    """Train model_factory() on train_rows, score it on test_rows; figures as unrounded floats.

    Keys: micro_f1, macro_f1, labels_scored, train_seconds, predict_per_second, and the fitted "model".
    With sentiment=True the model is also trained on the rows' 1-5 "sentiment" (rows without one are
    left out of that part) and sentiment_accuracy, sentiment_macro_f1 and sentiment_scored are added;
    train_seconds then includes the sentiment classifier.
    """
    if not train_rows or not test_rows:
        raise ValueError("evaluate() needs at least one training row and one test row")
    texts = [row["text"] for row in train_rows]
    label_sets = [row["themes"] for row in train_rows]
    sentiments = [sentiment_from_scale(row.get("sentiment")) for row in train_rows] if sentiment else None
    model = model_factory()
    started = time.perf_counter()
    model.fit(texts, label_sets, sentiments=sentiments)
    train_seconds = time.perf_counter() - started

    test_texts = [row["text"] for row in test_rows]
    started = time.perf_counter()
    predicted = model.predict_label_sets(test_texts)
    predict_seconds = time.perf_counter() - started

    true_sets = [set(row["themes"]) for row in test_rows]
    labels = set(model.labels).union(*true_sets)
    result = score(true_sets, predicted, labels)
    del result["per_label"]
    result["train_seconds"] = train_seconds
    # A floor on the time keeps the figure finite (and the JSON valid) on a clock too coarse to see it.
    result["predict_per_second"] = len(test_texts) / max(predict_seconds, 1e-9)
    if sentiment:
        expected = [(i, sentiment_from_scale(row.get("sentiment"))) for i, row in enumerate(test_rows)]
        expected = [(i, value) for i, value in expected if value is not None]
        suggestions = model.predict([test_texts[i] for i, _ in expected])
        predicted_sentiment = [s.sentiment[0] if s.sentiment else None for s in suggestions]
        sentiment_scores = score_sentiment([value for _, value in expected], predicted_sentiment)
        result["sentiment_accuracy"] = sentiment_scores["accuracy"]
        result["sentiment_macro_f1"] = sentiment_scores["macro_f1"]
        result["sentiment_scored"] = sentiment_scores["scored"]
    result["model"] = model
    return result
