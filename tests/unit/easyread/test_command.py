"""`manage.py check_easyread [FILE]`: JSON out, from a file or standard input."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from portal.easyread.checker import check_text

TEXT = "We will utilise the “room”. Call the CMHT.\n\nIt is ten minutes away."


def run(*args, stdin=None):
    out = io.StringIO()
    options = {"stdout": out}
    if stdin is not None:
        options["stdin"] = stdin
    call_command("check_easyread", *args, **options)
    return out.getvalue()


def test_reads_a_file_and_prints_the_report_as_json(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(TEXT, encoding="utf-8")
    data = json.loads(run(str(path)))
    assert set(data) >= {"score", "sentences", "issues"}
    assert data == check_text(TEXT).as_dict()
    assert 0 <= data["score"] <= 100
    assert data["sentences"] == 3
    assert [(issue["rule"], TEXT[issue["start"] : issue["end"]]) for issue in data["issues"]] == [
        ("hard-word", "utilise"),
        ("acronym", "CMHT"),
        ("number", "ten"),
    ]
    for issue in data["issues"]:
        assert {"rule", "message", "start", "end"} <= set(issue)


def test_reads_standard_input_when_no_file_is_given():
    assert json.loads(run(stdin=io.StringIO(TEXT))) == check_text(TEXT).as_dict()
    assert json.loads(run("-", stdin=io.StringIO(TEXT))) == check_text(TEXT).as_dict()


def test_reads_utf8_bytes_from_standard_input_whatever_the_locale():
    stream = io.TextIOWrapper(io.BytesIO(TEXT.encode("utf-8")), encoding="latin-1")
    assert json.loads(run(stdin=stream))["issues"][0]["start"] == TEXT.index("utilise")


def test_prints_text_as_it_is_not_as_escapes(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(TEXT, encoding="utf-8")
    output = run(str(path))
    assert "“utilise”" in output
    assert "\\u201c" not in output


def test_standard_pages_get_more_room(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("We will phone you on the day before your visit so that you remember to come.", encoding="utf-8")
    assert [issue["rule"] for issue in json.loads(run(str(path)))["issues"]] == ["long-sentence"]
    assert json.loads(run(str(path), "--standard"))["issues"] == []


def test_a_missing_file_is_a_clear_error(tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(CommandError, match=r"There is no file at .*nope\.txt"):
        run(str(missing))


def test_a_folder_or_a_file_that_is_not_utf8_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="is a folder"):
        run(str(tmp_path))
    path = tmp_path / "latin1.txt"
    path.write_bytes("Café".encode("latin-1"))
    with pytest.raises(CommandError, match="not UTF-8"):
        run(str(path))


def test_empty_input_scores_100_with_no_issues():
    assert json.loads(run(stdin=io.StringIO(""))) == {"score": 100, "sentences": 0, "words": 0, "issues": []}
