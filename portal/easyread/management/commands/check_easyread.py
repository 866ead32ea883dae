"""`manage.py check_easyread [FILE]`: score a text against the easy-read rules and print JSON.

Reads FILE, or standard input when no FILE (or "-") is given, as UTF-8. Prints one JSON object:
{"score": 0-100, higher is easier, "sentences": N, "words": N,
 "issues": [{"rule", "message", "start", "end", "severity"}]}; offsets count characters of the text.
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.easyread.checker import check_text


class Command(BaseCommand):
    help = "Check a text against the easy-read rules and print the score and issues as JSON."
    # Tests pass a text stream as `stdin` through call_command, as they would type it at a terminal.
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="A UTF-8 text file; standard input when left out or '-'.")
        parser.add_argument(
            "--standard",
            action="store_true",
            help="Check as a standard page, which allows slightly longer sentences and paragraphs.",
        )

    def handle(self, *args, **options):
        path = options["file"]
        text = self._read_stdin(options.get("stdin") or sys.stdin) if path in (None, "-") else self._read_file(path)
        report = check_text(text, easy_read=not options["standard"])
        self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False))

    def _read_file(self, path):
        try:
            return Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise CommandError(f"There is no file at {path}.") from None
        except IsADirectoryError:
            raise CommandError(f"{path} is a folder, not a text file.") from None
        except UnicodeDecodeError:
            raise CommandError(f"{path} is not UTF-8 text.") from None
        except OSError as error:
            raise CommandError(f"Could not read {path}: {error.strerror}.") from None

    def _read_stdin(self, stream):
        # Read bytes where we can, so the text is UTF-8 whatever the terminal's locale says.
        try:
            raw = stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
            return raw.decode("utf-8") if isinstance(raw, bytes) else raw
        except UnicodeDecodeError:
            raise CommandError("The text on standard input is not UTF-8.") from None
