"""Score the theme model on labelled JSON lines: `manage.py evaluate_themes --train F --test F [--baseline]`.

Each line of both files is {"text": ..., "themes": [...]}; other keys are ignored. Trains the portal's own
ThemeModel (or, with --baseline, pxtextmining's TF-IDF + linear SVM) on the training file, suggests themes
for the test file and prints one JSON object: micro_f1, macro_f1 (over the themes present in the test
file), labels_scored, train_seconds and predict_per_second, plus which model was scored. Running it twice,
with and without --baseline, compares the two on the same rows. Errors name the file and line but never
repeat the line, which may hold personal data.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from portal.feedback.suggest import ThemeModel
from portal.feedback.suggest.baseline import BaselineModel
from portal.feedback.suggest.evaluation import DataError, evaluate, read_jsonl


class Command(BaseCommand):
    help = "Train the theme model on one JSON-lines file, score it on another and print the scores as JSON."

    def add_arguments(self, parser):
        parser.add_argument("--train", required=True, help='JSON lines {"text": ..., "themes": [...]} to learn from.')
        parser.add_argument("--test", required=True, help="JSON lines in the same form to score the suggestions on.")
        parser.add_argument(
            "--baseline",
            action="store_true",
            help="Score the baseline (TF-IDF + one-vs-rest linear SVM, as in pxtextmining) instead.",
        )

    def handle(self, *args, train, test, baseline=False, **options):
        train_rows, test_rows = self._read(train), self._read(test)
        if not train_rows:
            raise CommandError(f"{train}: no rows to train on")
        if not test_rows:
            raise CommandError(f"{test}: no rows to score")
        factory = BaselineModel if baseline else ThemeModel
        try:
            result = evaluate(train_rows, test_rows, factory)
        except ValueError as error:  # too few rows, no themes at all: say so rather than show a traceback
            raise CommandError(str(error)) from None
        figures = {
            "model": "baseline" if baseline else "portal",
            "micro_f1": round(result["micro_f1"], 4),
            "macro_f1": round(result["macro_f1"], 4),
            "labels_scored": result["labels_scored"],
            "train_seconds": round(result["train_seconds"], 2),
            "predict_per_second": round(result["predict_per_second"], 1),
        }
        self.stdout.write(json.dumps(figures))

    @staticmethod
    def _read(path):
        try:
            return read_jsonl(path)
        except FileNotFoundError:
            raise CommandError(f"{path}: no such file") from None
        except DataError as error:
            raise CommandError(str(error)) from None
        except UnicodeDecodeError:
            raise CommandError(f"{path}: not UTF-8 text") from None
        except OSError as error:
            raise CommandError(f"{path}: could not be read ({error.strerror})") from None
