"""Theme suggestions: the portal's ThemeModel against pxtextmining's baseline, on the same 80/20 split.

Splits tests/data/themes/themes_dev.jsonl (5,786 labelled Friends and Family Test comments; see its
README) with evaluation.split()'s fixed seed, writes the halves to bench-results/themes_train.jsonl and
themes_test.jsonl (so `manage.py evaluate_themes --train ... --test ... [--baseline]` can score them again),
then trains and scores both models with portal.feedback.suggest.evaluation, the code the tests use. Macro
F1 is over the themes present in the test half. Ours is also trained on the sentiment (1-2 positive, 3
neutral, 4-5 negative; rows without one are left out), so its train_seconds include that classifier;
sentiment is scored on the test rows that have one. The baseline suggests no sentiment.

The data comes from ambulance and community health services and the v6 framework, not from this portal's
services or its v7 codebook: these figures compare methods, they do not predict how useful the suggestions
will be to this portal's moderators.
"""

from bench.settings import RESULTS
from portal.feedback.suggest import ThemeModel
from portal.feedback.suggest.baseline import BaselineModel
from portal.feedback.suggest.evaluation import THEMES_DEV, evaluate, read_jsonl, write_split

TARGETS = {
    "micro_f1_gain": (">=", 0, "our model suggests the common themes at least as well as the baseline"),
    "macro_f1_gain": (">=", 0, "and the rare themes too, which a single threshold tends to miss"),
    "ours_train_seconds": ("<=", 60, "retraining on all moderated feedback fits in one background task"),
    "ours_model_bytes": ("<=", 20_000_000, "small enough to keep in the database and load in each worker"),
}


def run():
    train_path, test_path = write_split(read_jsonl(THEMES_DEV), RESULTS)
    train, test = read_jsonl(train_path), read_jsonl(test_path)
    ours = evaluate(train, test, ThemeModel, sentiment=True)
    baseline = evaluate(train, test, BaselineModel)
    figures = {"train_rows": len(train), "test_rows": len(test)}
    for name, result in (("ours", ours), ("baseline", baseline)):
        figures[f"{name}_micro_f1"] = round(result["micro_f1"], 4)
        figures[f"{name}_macro_f1"] = round(result["macro_f1"], 4)
        figures[f"{name}_labels_scored"] = result["labels_scored"]
        figures[f"{name}_train_seconds"] = round(result["train_seconds"], 2)
        figures[f"{name}_predict_per_second"] = round(result["predict_per_second"], 1)
    figures["micro_f1_gain"] = round(ours["micro_f1"] - baseline["micro_f1"], 4)
    figures["macro_f1_gain"] = round(ours["macro_f1"] - baseline["macro_f1"], 4)
    figures["ours_sentiment_accuracy"] = round(ours["sentiment_accuracy"], 4)
    figures["ours_sentiment_macro_f1"] = round(ours["sentiment_macro_f1"], 4)
    figures["ours_sentiment_scored"] = ours["sentiment_scored"]
    figures["ours_model_bytes"] = len(ours["model"].to_bytes())
    return figures
