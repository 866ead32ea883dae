"""choose_thresholds on small arrays whose best thresholds can be worked out by hand."""

import numpy as np
import pytest

from portal.feedback.suggest.thresholds import choose_thresholds

GRID = np.array([0.2, 0.5, 0.8])


def test_each_theme_gets_the_threshold_that_separates_its_rows():
    # Theme 0's positives score 0.9 and its negatives 0.6: only 0.8 separates them.
    # Theme 1's positives score 0.3 and its negatives 0.1: only 0.2 does.
    confidences = np.array([[0.9, 0.1], [0.6, 0.3], [0.9, 0.1], [0.6, 0.3]])
    targets = np.array([[1, 0], [0, 1], [1, 0], [0, 1]])
    thresholds, _ = choose_thresholds(confidences, targets, min_examples=1, grid=GRID)
    assert thresholds.tolist() == [0.8, 0.2]


def test_a_theme_with_too_few_examples_keeps_the_shared_fallback():
    confidences = np.array([[0.9, 0.1], [0.6, 0.3], [0.9, 0.1], [0.6, 0.3]])
    targets = np.array([[1, 0], [0, 1], [1, 0], [0, 1]])
    thresholds, fallback = choose_thresholds(confidences, targets, min_examples=3, grid=GRID)
    assert thresholds.tolist() == [fallback, fallback]
    assert fallback in GRID


def test_a_theme_with_no_positives_keeps_the_fallback_and_costs_only_micro_f1():
    # At 0.2 theme 1 would be suggested wrongly on every row; 0.5 is the lowest threshold with no mistakes,
    # and theme 0 keeps it because 0.8 is no better.
    confidences = np.array([[0.9, 0.4], [0.1, 0.4], [0.9, 0.4]])
    targets = np.array([[1, 0], [0, 0], [1, 0]])
    thresholds, fallback = choose_thresholds(confidences, targets, min_examples=1, grid=GRID)
    assert (thresholds.tolist(), fallback) == ([0.5, 0.5], 0.5)


def test_shapes_must_match():
    with pytest.raises(ValueError, match="differ in shape"):
        choose_thresholds(np.zeros((2, 2)), np.zeros((2, 3)), min_examples=1)
