"""Quality metrics for theme (multi-label) and stance (single-label) predictions.

Pure functions over arrays. Confidence intervals come from a percentile bootstrap over clauses
(seeded, so reports are reproducible).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from nlp.resources import STANCES, THEMES


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def theme_scores(Y: np.ndarray, P: np.ndarray, labels: Sequence[str] = THEMES) -> dict[str, object]:
    """Per-label precision/recall/F1/support plus micro and macro F1 for 0/1 matrices."""
    Y, P = np.asarray(Y, dtype=bool), np.asarray(P, dtype=bool)
    per: dict[str, dict[str, float]] = {}
    for k, name in enumerate(labels):
        tp = int((Y[:, k] & P[:, k]).sum())
        fp = int((~Y[:, k] & P[:, k]).sum())
        fn = int((Y[:, k] & ~P[:, k]).sum())
        p, r, f = prf(tp, fp, fn)
        per[name] = {"precision": p, "recall": r, "f1": f, "support": int(Y[:, k].sum())}
    micro = prf(int((Y & P).sum()), int((~Y & P).sum()), int((Y & ~P).sum()))
    none_y, none_p = ~Y.any(axis=1), ~P.any(axis=1)
    return {
        "per_label": per,
        "micro_f1": micro[2],
        "micro_precision": micro[0],
        "micro_recall": micro[1],
        "macro_f1": float(np.mean([v["f1"] for v in per.values()])),
        "no_theme_f1": prf(
            int((none_y & none_p).sum()), int((~none_y & none_p).sum()), int((none_y & ~none_p).sum())
        )[2],
        "exact_match": float((Y == P).all(axis=1).mean()) if len(Y) else 0.0,
        "n": len(Y),
    }


def stance_scores(y: Sequence[str], p: Sequence[str], labels: Sequence[str] = STANCES) -> dict[str, object]:
    """Per-label precision/recall/F1/support, macro F1, accuracy and the confusion matrix."""
    y, p = np.asarray(y), np.asarray(p)
    per: dict[str, dict[str, float]] = {}
    for name in labels:
        tp = int(((y == name) & (p == name)).sum())
        fp = int(((y != name) & (p == name)).sum())
        fn = int(((y == name) & (p != name)).sum())
        pr, rc, f = prf(tp, fp, fn)
        per[name] = {"precision": pr, "recall": rc, "f1": f, "support": int((y == name).sum())}
    present = [n for n in labels if per[n]["support"] > 0]
    confusion = [[int(((y == a) & (p == b)).sum()) for b in labels] for a in labels]
    return {
        "per_label": per,
        "macro_f1": float(np.mean([per[n]["f1"] for n in present])) if present else 0.0,
        "accuracy": float((y == p).mean()) if len(y) else 0.0,
        "confusion": confusion,
        "n": len(y),
    }


def bootstrap_ci(
    stat: Callable[[np.ndarray], float], n: int, *, resamples: int = 1000, seed: int = 0, alpha: float = 0.05
) -> tuple[float, float]:
    """Percentile bootstrap interval of ``stat(indices)`` over ``n`` items."""
    if n == 0:
        return (0.0, 0.0)
    rng = np.random.default_rng(seed)
    vals = np.array([stat(rng.integers(0, n, n)) for _ in range(resamples)])
    return float(np.quantile(vals, alpha / 2)), float(np.quantile(vals, 1 - alpha / 2))


def summary_with_ci(
    Y: np.ndarray, P: np.ndarray, y: Sequence[str], p: Sequence[str], *, resamples: int = 1000, seed: int = 0
) -> dict[str, object]:
    """Theme and stance scores with bootstrap intervals for the headline figures."""
    Y, P = np.asarray(Y), np.asarray(P)
    ya, pa = np.asarray(y), np.asarray(p)
    t, s = theme_scores(Y, P), stance_scores(ya, pa)
    n = len(ya)
    ci = {
        "theme_micro_f1": bootstrap_ci(
            lambda i: theme_scores(Y[i], P[i])["micro_f1"], n, resamples=resamples, seed=seed
        ),
        "theme_macro_f1": bootstrap_ci(
            lambda i: theme_scores(Y[i], P[i])["macro_f1"], n, resamples=resamples, seed=seed
        ),
        "stance_macro_f1": bootstrap_ci(
            lambda i: stance_scores(ya[i], pa[i])["macro_f1"], n, resamples=resamples, seed=seed
        ),
        "stance_accuracy": bootstrap_ci(
            lambda i: stance_scores(ya[i], pa[i])["accuracy"], n, resamples=resamples, seed=seed
        ),
    }
    return {"themes": t, "stance": s, "ci": ci, "n": n}


def cohen_kappa(a: Sequence[object], b: Sequence[object]) -> float:
    """Cohen's kappa of two annotators' labels for the same items (1.0 when both are constant and equal)."""
    a, b = list(a), list(b)
    n = len(a)
    if n == 0:
        return 0.0
    cats = sorted(set(a) | set(b), key=str)
    po = sum(x == y for x, y in zip(a, b, strict=True)) / n
    pe = sum((a.count(c) / n) * (b.count(c) / n) for c in cats)
    return 1.0 if pe == 1 else (po - pe) / (1 - pe)


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
