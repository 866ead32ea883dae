"""The score against real documents: easy-read versions must score clearly higher than the originals.

tests/data/easyread holds excerpts of published easy-read documents (easy/) and of the standard
documents they were made from (standard/), one file name per topic; SOURCES.md says where each came
from and under which licence. docs/easyread-checker.md records the figures.
"""

from pathlib import Path
from statistics import mean

import pytest

from portal.easyread.checker import check_text

DATA = Path(__file__).resolve().parents[2] / "data" / "easyread"
TOPICS = sorted(path.stem for path in (DATA / "easy").glob("*.txt"))
# The brief asked for a mean gap of at least 25 points; on these documents it is about 49.
MIN_MEAN_GAP = 25
MIN_TOPICS = 6


def score(kind, topic):
    return check_text((DATA / kind / f"{topic}.txt").read_text(encoding="utf-8")).score


def test_there_are_enough_pairs_and_every_easy_read_text_has_its_original():
    assert len(TOPICS) >= MIN_TOPICS
    assert sorted(path.stem for path in (DATA / "standard").glob("*.txt")) == TOPICS


def test_every_document_is_listed_in_the_sources_with_its_licence():
    sources = (DATA / "SOURCES.md").read_text(encoding="utf-8")
    for topic in TOPICS:
        assert f"easy/{topic}.txt" in sources
        assert f"standard/{topic}.txt" in sources
    assert sources.count("Open Government Licence v3.0") >= len(TOPICS)


@pytest.mark.parametrize("topic", TOPICS)
def test_the_easy_read_version_scores_higher_than_its_original(topic):
    assert score("easy", topic) > score("standard", topic)


def test_every_easy_read_document_scores_higher_than_every_standard_document():
    assert min(score("easy", topic) for topic in TOPICS) > max(score("standard", topic) for topic in TOPICS)


def test_the_mean_gap_is_large():
    gaps = [score("easy", topic) - score("standard", topic) for topic in TOPICS]
    assert mean(gaps) >= MIN_MEAN_GAP
