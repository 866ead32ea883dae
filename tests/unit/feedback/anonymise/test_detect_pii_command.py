import io
import json

import pytest
from django.core.management import call_command

from portal.feedback.factories import ServiceFactory


def run(lines, *args):
    stdout = io.StringIO()
    call_command("detect_pii", *args, stdin=io.StringIO(lines), stdout=stdout)
    return [json.loads(line) for line in stdout.getvalue().splitlines()]


def test_writes_spans_and_redacted_text_for_each_line():
    lines = '{"text": "Call me on 07700 900123"}\n\n{"text": "Nothing personal here."}\n'
    assert run(lines, "--no-known-terms") == [
        {"spans": [{"start": 11, "end": 23, "label": "phone"}], "redacted": "Call me on [phone number]"},
        {"spans": [], "redacted": "Nothing personal here."},
    ]


def test_a_bad_line_gives_an_error_and_the_rest_go_on():
    lines = 'not json\n{"no_text": 1}\n["a list"]\n{"text": 5}\n{"text": "Dr Okafor"}\n'
    results = run(lines, "--no-known-terms")
    assert [sorted(r) for r in results] == [["error"], ["error"], ["error"], ["error"], ["redacted", "spans"]]
    assert results[0]["error"].startswith("line 1: not valid JSON")
    assert results[1]["error"] == 'line 2: expected an object with a string "text"'
    assert results[4]["redacted"] == "Dr [name]"


def test_urdu_text_is_written_as_it_is():
    text = "میرا نام عائشہ ہے، میرا فون 07700 900123 ہے"
    (result,) = run(json.dumps({"text": text}, ensure_ascii=False) + "\n", "--no-known-terms")
    assert result["redacted"] == "میرا نام عائشہ ہے، میرا فون [phone number] ہے"


def test_output_is_not_escaped_to_ascii():
    stdout = io.StringIO()
    call_command("detect_pii", "--no-known-terms", stdin=io.StringIO('{"text": "çok iyi"}'), stdout=stdout)
    assert stdout.getvalue() == '{"spans": [], "redacted": "çok iyi"}\n'


@pytest.mark.django_db
def test_uses_the_services_and_places_in_the_database():
    ServiceFactory(name="Willow Ward", place="Harrogate")
    (result,) = run('{"text": "I was on willow ward in harrogate"}\n')
    assert result["redacted"] == "I was on [ward or service] in [place]"
