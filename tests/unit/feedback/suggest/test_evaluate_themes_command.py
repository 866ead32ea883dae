"""manage.py evaluate_themes on small files: the JSON it prints, --baseline, and clear errors."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from tests.unit.feedback.suggest.hand_made import EXAMPLES, FOOD, STAFF, WAITING

KEYS = {"model", "micro_f1", "macro_f1", "labels_scored", "train_seconds", "predict_per_second"}
TEST_ROWS = [
    {"text": "The ambulance was very late", "themes": [WAITING], "trust": "ignored"},
    {"text": "Such kind and friendly nurses", "themes": [STAFF]},
    {"text": "The meals were cold", "themes": [FOOD]},
]


def write(path, rows):
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return str(path)


@pytest.fixture
def files(tmp_path):
    train = [{"text": text, "themes": themes, "sentiment": "1"} for text, themes, _ in EXAMPLES]
    return write(tmp_path / "train.jsonl", train), write(tmp_path / "test.jsonl", TEST_ROWS)


def run(*args):
    stdout = io.StringIO()
    call_command("evaluate_themes", *args, stdout=stdout)
    (line,) = stdout.getvalue().splitlines()  # one JSON object, on one line
    return json.loads(line)


def test_prints_the_scores_of_the_portals_model(files):
    train, test = files
    result = run("--train", train, "--test", test)
    assert set(result) == KEYS
    assert result["model"] == "portal"
    # Each test text has one clear theme the hand-made set teaches.
    assert (result["micro_f1"], result["macro_f1"], result["labels_scored"]) == (1.0, 1.0, 3)
    assert result["train_seconds"] >= 0
    assert result["predict_per_second"] > 0


def test_baseline_prints_the_same_keys(files):
    train, test = files
    result = run("--train", train, "--test", test, "--baseline")
    assert set(result) == KEYS
    assert result["model"] == "baseline"
    assert 0 <= result["micro_f1"] <= 1
    assert 0 <= result["macro_f1"] <= 1
    assert result["labels_scored"] == 3


def test_a_theme_only_in_the_test_file_is_scored_and_missed(files, tmp_path):
    train, _ = files
    test = write(tmp_path / "new.jsonl", [*TEST_ROWS, {"text": "Parking was hard", "themes": ["Parking"]}])
    result = run("--train", train, "--test", test)
    assert result["labels_scored"] == 4
    assert result["macro_f1"] < 1


def test_a_missing_file_is_named(files, tmp_path):
    train, _ = files
    with pytest.raises(CommandError, match=r"missing\.jsonl: no such file"):
        run("--train", train, "--test", str(tmp_path / "missing.jsonl"))


def test_a_bad_line_is_named_without_repeating_it(files, tmp_path):
    _, test = files
    lines = [json.dumps({"text": text, "themes": themes}) for text, themes, _ in EXAMPLES]
    lines[2] = '{"text": "My name is Jo Bloggs", "themes": ['
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"bad\.jsonl, line 3: not valid JSON") as error:
        run("--train", str(bad), "--test", test)
    assert "Jo Bloggs" not in str(error.value)


def test_a_line_without_themes_is_named(files, tmp_path):
    train, _ = files
    test = write(tmp_path / "test.jsonl", [TEST_ROWS[0], {"text": "no themes key"}])
    with pytest.raises(CommandError, match='line 2: "themes" must be a list of strings'):
        run("--train", train, "--test", test)


def test_empty_or_too_small_files_give_a_clear_error(files, tmp_path):
    train, test = files
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(CommandError, match="no rows to score"):
        run("--train", train, "--test", str(empty))
    tiny = write(tmp_path / "tiny.jsonl", TEST_ROWS)
    with pytest.raises(CommandError, match="at least 5 texts"):
        run("--train", tiny, "--test", test)


def test_a_file_that_is_not_utf8_is_named(files, tmp_path):
    train, _ = files
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes('{"text": "café", "themes": []}\n'.encode("latin-1"))
    with pytest.raises(CommandError, match=r"latin\.jsonl: not UTF-8 text"):
        run("--train", train, "--test", str(latin))
