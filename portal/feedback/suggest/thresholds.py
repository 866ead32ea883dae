"""Per-theme decision thresholds, chosen on out-of-fold confidences from the training rows.

One threshold for every theme suits the common themes and starves the rare ones: a rare theme's
confidences are lower, so it is seldom suggested at all and its F1 (and the macro F1) stays near 0.
Choosing each theme's own threshold to maximise that theme's F1 lifts macro F1 but suggests rare themes
so freely that micro F1 falls. So each threshold is chosen to maximise the mean of micro and macro F1,
the two figures the portal reports, over the out-of-fold predictions for all themes together
(coordinate ascent: one theme at a time, the others held, a few passes).

A theme with fewer than `min_examples` training rows has too few out-of-fold positives for its own
threshold to mean anything; it keeps the shared fallback, the one threshold that is best for all themes.
"""

import numpy as np

# Candidate thresholds: fine enough to matter, coarse enough not to chase single rows.
GRID = np.round(np.arange(0.02, 0.96, 0.01), 2)
PASSES = 3


def _f1(true_positives, false_positives, false_negatives):
    denominator = 2 * true_positives + false_positives + false_negatives
    return np.divide(2 * true_positives, denominator, out=np.zeros(np.shape(denominator)), where=denominator > 0)


def choose_thresholds(confidences, targets, *, min_examples, grid=GRID):
    """(thresholds, fallback): one threshold per column of `targets`, and the shared fallback.

    confidences: (rows, themes) out-of-fold confidences in [0, 1]; targets: (rows, themes) of 0/1.
    """
    confidences = np.asarray(confidences, dtype=float)
    targets = np.asarray(targets).astype(bool)
    if confidences.shape != targets.shape:
        raise ValueError(f"confidences {confidences.shape} and targets {targets.shape} differ in shape")
    # Counts for every (theme, candidate threshold): (themes, candidates). One theme at a time, so memory
    # grows with rows x candidates, not rows x themes x candidates.
    themes = targets.shape[1]
    true_positives = np.zeros((themes, len(grid)), dtype=np.int64)
    false_positives = np.zeros_like(true_positives)
    false_negatives = np.zeros_like(true_positives)
    for j in range(themes):
        predicted = confidences[:, j, None] >= grid[None, :]
        truth = targets[:, j, None]
        true_positives[j] = (predicted & truth).sum(axis=0)
        false_positives[j] = (predicted & ~truth).sum(axis=0)
        false_negatives[j] = (~predicted & truth).sum(axis=0)
    positives = targets.sum(axis=0)
    # Macro F1 is over the themes present, as evaluation.score() scores it; a theme with no positives
    # contributes nothing to it.
    present = positives > 0
    per_theme_f1 = _f1(true_positives, false_positives, false_negatives) * present[:, None]
    scored = max(int(present.sum()), 1)

    def objective(tp, fp, fn, f1_sum):
        return (_f1(tp, fp, fn) + f1_sum / scored) / 2

    shared = objective(
        true_positives.sum(axis=0), false_positives.sum(axis=0), false_negatives.sum(axis=0), per_theme_f1.sum(axis=0)
    )
    fallback_index = int(np.argmax(shared))
    chosen = np.full(themes, fallback_index)
    every = np.arange(themes)
    tunable = [j for j in range(themes) if positives[j] >= min_examples]
    for _ in range(PASSES):
        changed = False
        for j in tunable:
            # Totals for all the other themes at their current thresholds, then try each candidate for j.
            tp = true_positives[every, chosen].sum() - true_positives[j, chosen[j]]
            fp = false_positives[every, chosen].sum() - false_positives[j, chosen[j]]
            fn = false_negatives[every, chosen].sum() - false_negatives[j, chosen[j]]
            f1_sum = per_theme_f1[every, chosen].sum() - per_theme_f1[j, chosen[j]]
            scores = objective(
                tp + true_positives[j], fp + false_positives[j], fn + false_negatives[j], f1_sum + per_theme_f1[j]
            )
            # argmax takes the lowest best candidate; keep the current one when it ties, so passes settle.
            best = int(np.argmax(scores))
            if scores[best] > scores[chosen[j]]:
                chosen[j] = best
                changed = True
        if not changed:
            break
    return grid[chosen], float(grid[fallback_index])
