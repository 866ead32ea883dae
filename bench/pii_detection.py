"""Personal-data detection: recall per kind of data, names as names, precision, and the UK identifier cases.

Scores anonymise.detect() with portal.feedback.anonymise.evaluation on the copies in tests/data/pii/:
100 synthetic sentences with labelled spans (a gold span is found when any predicted span overlaps it,
as redaction needs) and presidio's valid and invalid NHS numbers, postcodes and National Insurance
numbers (exact spans; invalid ones must give no span of their kind). Also the time to scan a
5,000-character text, since moderators wait for it. The sentences were generated with Faker, like the
name lists, so name recall here is a regression floor, not real-world recall (tests/data/pii/README.md).
"""

import statistics
import time

from portal.feedback.anonymise import detect, evaluation

TARGETS = {
    "recall_phone_number": (">=", 1.0, "every phone number in the data set is redacted"),
    "recall_email_address": (">=", 1.0, "every email address is redacted"),
    "recall_person": (">=", 0.9, "a missed name can harm a person: at least nine in ten, as the tests assert"),
    "name_recall_as_name": (">=", 0.9, "moderators read the placeholder, so names should be labelled as names"),
    "uk_exact_match_rate": (">=", 1.0, "NHS numbers, postcodes and NI numbers found with their exact extent"),
    "uk_invalid_false_positives": ("<=", 0, "an invalid NHS number, postcode or NI number is not labelled as one"),
    "scan_5000_chars_median_ms": ("<=", 200, "well inside the time a moderator waits for a page"),
}

_SAMPLE = (
    "My son Jamal was on Willow Ward from 13/04/2023. Dr Okafor and nurse Kelly were kind, but the food "
    "was cold. Call me on 07700 900123 or email jo.bloggs@example.co.uk. NHS number 943 476 5919, "
    "postcode LS1 4AB, flat 3, 12 Acacia Avenue. I am 34 years old. "
)


def run():
    figures = evaluation.figures()
    text = (_SAMPLE * (5000 // len(_SAMPLE) + 1))[:5000]
    timings = []
    for _ in range(20):
        started = time.perf_counter()
        detect(text)
        timings.append((time.perf_counter() - started) * 1000)
    figures["scan_5000_chars_median_ms"] = round(statistics.median(timings), 1)
    return figures
