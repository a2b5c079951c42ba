"""Quality metrics for theme (multi-label) and stance (single-label) predictions.

Precision, recall, F1, confusion matrices and Cohen's kappa come from scikit-learn; this module
arranges them per label and adds what scikit-learn lacks: the "no theme" F1 and seeded
percentile bootstrap intervals, over clauses or over documents (a cluster bootstrap: whole
documents are resampled, so clauses of one document, which share wording and labels, do not
count as independent evidence).

Stance macro-F1 averages over all five stances, also one that is absent from a sample (its F1 is
then 0), so figures on different sets are comparable; per-label F1 is in every report.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from sklearn.metrics import cohen_kappa_score, confusion_matrix, precision_recall_fscore_support

from nlp.resources import STANCES, THEMES


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def theme_scores(Y: np.ndarray, P: np.ndarray, labels: Sequence[str] = THEMES) -> dict[str, object]:
    """Per-label precision/recall/F1/support plus micro and macro F1 for 0/1 matrices."""
    Y = np.asarray(Y, dtype=int).reshape(-1, len(labels))
    P = np.asarray(P, dtype=int).reshape(-1, len(labels))
    p, r, f, support = precision_recall_fscore_support(Y, P, average=None, zero_division=0)
    per = {
        name: {"precision": float(p[k]), "recall": float(r[k]), "f1": float(f[k]), "support": int(support[k])}
        for k, name in enumerate(labels)
    }
    mp, mr, mf, _ = precision_recall_fscore_support(Y, P, average="micro", zero_division=0)
    none_y, none_p = ~Y.any(axis=1), ~P.any(axis=1)
    return {
        "per_label": per,
        "micro_f1": float(mf),
        "micro_precision": float(mp),
        "micro_recall": float(mr),
        "macro_f1": float(np.mean(f)),
        "no_theme_f1": prf(
            int((none_y & none_p).sum()), int((~none_y & none_p).sum()), int((none_y & ~none_p).sum())
        )[2],
        "exact_match": float((Y == P).all(axis=1).mean()) if len(Y) else 0.0,
        "n": len(Y),
    }


def stance_scores(y: Sequence[str], p: Sequence[str], labels: Sequence[str] = STANCES) -> dict[str, object]:
    """Per-label precision/recall/F1/support, macro F1 over all labels, accuracy, confusion matrix."""
    y, p = np.asarray(y, dtype=object), np.asarray(p, dtype=object)
    pr, rc, f, support = precision_recall_fscore_support(
        y, p, labels=list(labels), average=None, zero_division=0
    )
    per = {
        name: {
            "precision": float(pr[k]),
            "recall": float(rc[k]),
            "f1": float(f[k]),
            "support": int(support[k]),
        }
        for k, name in enumerate(labels)
    }
    confusion = (
        confusion_matrix(y, p, labels=list(labels)).tolist() if len(y) else [[0] * len(labels)] * len(labels)
    )
    return {
        "per_label": per,
        "macro_f1": float(np.mean(f)) if len(y) else 0.0,
        "accuracy": float((y == p).mean()) if len(y) else 0.0,
        "confusion": confusion,
        "n": len(y),
    }


def bootstrap_ci(
    stat: Callable[[np.ndarray], float],
    n: int,
    *,
    groups: Sequence[object] | None = None,
    resamples: int = 1000,
    seed: int = 0,
    alpha: float = 0.05,
) -> tuple[float, float]:
    """Percentile bootstrap interval of ``stat(indices)`` over ``n`` items.

    Args:
        stat: The statistic of a resample, given the item indices it holds.
        n: Number of items.
        groups: Group (document) of each item: whole groups are resampled (cluster bootstrap).
        resamples: Number of resamples.
        seed: Random seed (reports are reproducible).
        alpha: 1 - the interval's coverage.
    """
    if n == 0:
        return (0.0, 0.0)
    rng = np.random.default_rng(seed)
    if groups is None:
        draws = (rng.integers(0, n, n) for _ in range(resamples))
    else:
        keys = np.asarray([str(g) for g in groups])
        members = [np.flatnonzero(keys == k) for k in np.unique(keys)]
        draws = (
            np.concatenate([members[j] for j in rng.integers(0, len(members), len(members))])
            for _ in range(resamples)
        )
    vals = np.array([stat(i) for i in draws])
    return float(np.quantile(vals, alpha / 2)), float(np.quantile(vals, 1 - alpha / 2))


def summary_with_ci(
    Y: np.ndarray,
    P: np.ndarray,
    y: Sequence[str],
    p: Sequence[str],
    *,
    groups: Sequence[object] | None = None,
    resamples: int = 1000,
    seed: int = 0,
) -> dict[str, object]:
    """Theme and stance scores with bootstrap intervals (over documents when ``groups`` is given)."""
    Y, P = np.asarray(Y), np.asarray(P)
    ya, pa = np.asarray(y, dtype=object), np.asarray(p, dtype=object)
    t, s = theme_scores(Y, P), stance_scores(ya, pa)
    n = len(ya)

    def ci(stat: Callable[[np.ndarray], float]) -> tuple[float, float]:
        return bootstrap_ci(stat, n, groups=groups, resamples=resamples, seed=seed)

    intervals = {
        "theme_micro_f1": ci(lambda i: theme_scores(Y[i], P[i])["micro_f1"]),
        "theme_macro_f1": ci(lambda i: theme_scores(Y[i], P[i])["macro_f1"]),
        "stance_macro_f1": ci(lambda i: stance_scores(ya[i], pa[i])["macro_f1"]),
        "stance_accuracy": ci(lambda i: stance_scores(ya[i], pa[i])["accuracy"]),
    }
    return {
        "themes": t,
        "stance": s,
        "ci": intervals,
        "n": n,
        "n_docs": len(set(map(str, groups))) if groups is not None else None,
        "interval": "documents" if groups is not None else "clauses",
    }


def cohen_kappa(a: Sequence[object], b: Sequence[object]) -> float:
    """Cohen's kappa of two annotators' labels for the same items (1.0 when both are constant and equal)."""
    a, b = [str(x) for x in a], [str(x) for x in b]
    if not a:
        return 0.0
    if len(set(a) | set(b)) == 1:
        return 1.0
    return float(cohen_kappa_score(a, b))


def expected_calibration_error(probs: np.ndarray, hits: np.ndarray, bins: int = 10) -> float:
    """ECE: the mean gap between confidence and accuracy over equal-width confidence bins.

    Args:
        probs: Predicted probabilities (any shape; flattened).
        hits: 1 where the event the probability is for happened, else 0 (same shape).
        bins: Number of bins on [0, 1].
    """
    p, h = np.asarray(probs, dtype=float).ravel(), np.asarray(hits, dtype=float).ravel()
    if not len(p):
        return 0.0
    idx = np.minimum((p * bins).astype(int), bins - 1)
    return float(
        sum(
            abs(p[idx == b].mean() - h[idx == b].mean()) * (idx == b).sum()
            for b in range(bins)
            if (idx == b).any()
        )
        / len(p)
    )
