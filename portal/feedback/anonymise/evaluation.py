"""How well detect() finds personal data in labelled text: one scorer for the tests and the benchmark.

Two data sets, in tests/data/pii/ (its README says where they come from):

- Synthetic sentences with labelled spans (presidio-research). A gold span counts as found when any
  predicted span overlaps it, whatever its label, because for redaction that is what matters: the text
  is hidden either way. Names are also scored "as a name", since a moderator reads the placeholder.
  Precision is the share of predicted spans that overlap some gold span.
- UK identifier cases (presidio's tests): valid NHS numbers, postcodes and National Insurance numbers
  with their exact expected spans (less any surrounding whitespace), and invalid ones that must produce
  no span of that kind.

The figures measure recall on data the rules were developed against, so they are a floor that must not
fall, not an estimate of recall on real feedback.
"""

import csv
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from portal.feedback.anonymise import detect
from portal.feedback.anonymise.labels import Label

DATA = Path(__file__).resolve().parents[3] / "tests" / "data" / "pii"
SYNTHETIC = DATA / "pii_dev_synthetic.json"
UK_CASES = DATA / "pii_uk_identifier_cases.csv"

UK_ENTITY_LABELS = {"UK_NHS": Label.NHS_NUMBER, "UK_POSTCODE": Label.POSTCODE, "UK_NINO": Label.NI_NUMBER}


@dataclass(frozen=True)
class GoldSpan:
    start: int
    end: int
    entity: str


@dataclass(frozen=True)
class Example:
    text: str
    spans: tuple


@dataclass(frozen=True)
class UKCase:
    entity: str
    text: str
    expected: tuple  # (start, end) pairs; empty for an invalid identifier

    @property
    def label(self):
        return str(UK_ENTITY_LABELS[self.entity])


def load_synthetic(path=SYNTHETIC):
    records = json.loads(Path(path).read_text(encoding="utf-8"))
    return [
        Example(
            record["full_text"],
            tuple(GoldSpan(s["start_position"], s["end_position"], s["entity_type"]) for s in record["spans"]),
        )
        for record in records
    ]


def load_uk_cases(path=UK_CASES):
    with Path(path).open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    cases = []
    for row in rows:
        expected = tuple(tuple(int(n) for n in part.split("-")) for part in row["expected_spans"].split(";") if part)
        if len(expected) != int(row["expected_count"]):
            raise ValueError(f"{path}: expected_count does not match expected_spans for {row['text']!r}")
        cases.append(UKCase(row["entity"], row["text"], expected))
    return cases


def _overlaps(a, b):
    return a.start < b.end and b.start < a.end


def score_synthetic(examples, detector=detect):
    """Recall per entity type, recall of names as names, precision, and what was missed."""
    gold, found, names_as_names = Counter(), Counter(), 0
    predicted_total = predicted_on_gold = 0
    missed = []
    for example in examples:
        predicted = detector(example.text)
        predicted_total += len(predicted)
        predicted_on_gold += sum(1 for p in predicted if any(_overlaps(p, g) for g in example.spans))
        for span in example.spans:
            gold[span.entity] += 1
            hits = [p for p in predicted if _overlaps(p, span)]
            if hits:
                found[span.entity] += 1
            else:
                missed.append((span.entity, example.text[span.start : span.end], example.text))
            if span.entity == "PERSON" and any(p.label == Label.NAME for p in hits):
                names_as_names += 1
    recall = {entity: found[entity] / gold[entity] for entity in sorted(gold)}
    return {
        "gold": dict(gold),
        "recall": recall,
        "name_recall_as_name": names_as_names / gold["PERSON"] if gold["PERSON"] else 1.0,
        "precision": predicted_on_gold / predicted_total if predicted_total else 1.0,
        "predicted": predicted_total,
        "missed": missed,
    }


def score_uk_cases(cases, detector=detect):
    """Expected spans found exactly with the right label, and invalid identifiers wrongly found."""
    expected_total = exact = 0
    invalid_total = false_positives = 0
    failures = []
    for case in cases:
        of_kind = {(p.start, p.end) for p in detector(case.text) if p.label == case.label}
        if case.expected:
            expected_total += len(case.expected)
            matched = sum(1 for start, end in case.expected if _trimmed(case.text, start, end) in of_kind)
            exact += matched
            if matched < len(case.expected):
                failures.append(case)
        else:
            invalid_total += 1
            if of_kind:
                false_positives += 1
                failures.append(case)
    return {
        "expected_spans": expected_total,
        "exact_matches": exact,
        "invalid_cases": invalid_total,
        "invalid_false_positives": false_positives,
        "failures": failures,
    }


def _trimmed(text, start, end):
    """An expected span less surrounding whitespace, which is not part of any identifier.

    One of presidio's cases ("... Number YZ 61 48 68 B") expects the span to start at the space before
    the number; the identifier itself is what must be matched exactly.
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def figures():
    """The benchmark's figures: flat, numeric, rounded."""
    synthetic = score_synthetic(load_synthetic())
    uk = score_uk_cases(load_uk_cases())
    result = {f"recall_{entity.lower()}": round(value, 3) for entity, value in synthetic["recall"].items()}
    result["name_recall_as_name"] = round(synthetic["name_recall_as_name"], 3)
    result["precision"] = round(synthetic["precision"], 3)
    result["predicted_spans"] = synthetic["predicted"]
    result["uk_expected_spans"] = uk["expected_spans"]
    result["uk_exact_matches"] = uk["exact_matches"]
    result["uk_exact_match_rate"] = round(uk["exact_matches"] / uk["expected_spans"], 3)
    result["uk_invalid_cases"] = uk["invalid_cases"]
    result["uk_invalid_false_positives"] = uk["invalid_false_positives"]
    return result
