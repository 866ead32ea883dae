"""Find and redact personal data in JSON lines: `manage.py detect_pii < in.jsonl > out.jsonl`.

Each input line is an object with a "text"; each output line, in the same order, is
{"spans": [{"start", "end", "label"}], "redacted": "..."}, with offsets in characters. Blank lines are
skipped. A line that is not a JSON object with a string "text" gives {"error": "..."} and the rest go
on, so one bad line does not lose a batch; the error never repeats the line, which may hold personal
data. Services, places and the always-remove list are read from the database first; --no-known-terms
skips that, for use without a database.
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from portal.feedback import anonymise


class Command(BaseCommand):
    help = 'Read JSON lines {"text": ...} on stdin and write the personal data found and the redacted text.'
    # Tests pass stdin=io.StringIO(...) through call_command.
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-known-terms",
            action="store_true",
            help="Do not read service names, places and the always-remove list from the database.",
        )

    def handle(self, *args, no_known_terms=False, **options):
        terms = ()
        if not no_known_terms:
            from portal.feedback.anonymise.known import known_terms

            terms = known_terms()
        stream = options.get("stdin") or sys.stdin
        try:
            for number, line in enumerate(stream, start=1):
                if line.strip():
                    self.stdout.write(json.dumps(self._result(number, line, terms), ensure_ascii=False))
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Could not read standard input: {error}") from error

    def _result(self, number, line, terms):
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            return {"error": f"line {number}: not valid JSON ({error.msg} at column {error.colno})"}
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            return {"error": f'line {number}: expected an object with a string "text"'}
        text = record["text"]
        spans = anonymise.detect(text, known_terms=terms)
        return {
            "spans": [{"start": span.start, "end": span.end, "label": span.label} for span in spans],
            "redacted": anonymise.redact(text, spans),
        }
