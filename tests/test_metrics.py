"""Metrics: F1 variants, confusion, bootstrap intervals, Cohen's kappa."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nlp.coding.metrics import bootstrap_ci, cohen_kappa, stance_scores, summary_with_ci, theme_scores


def test_metrics_theme_scores_micro_macro_and_no_theme() -> None:
    Y = np.array([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0, 0], [1, 1, 0, 0]])
    P = np.array([[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [1, 0, 1, 0]])
    s = theme_scores(Y, P)
    assert s["per_label"]["participation"]["f1"] == 1.0
    assert s["per_label"]["data"]["recall"] == 0.0
    # tp=2, fp=1, fn=2 -> micro P 2/3, R 1/2
    assert s["micro_f1"] == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert s["no_theme_f1"] == pytest.approx(2 / 3)  # gold none: row 2; predicted none: rows 1, 2


def test_metrics_stance_scores_and_confusion() -> None:
    y = ["commitment", "concern", "neutral", "neutral"]
    p = ["commitment", "neutral", "neutral", "concern"]
    s = stance_scores(y, p)
    assert s["accuracy"] == 0.5
    assert s["confusion"][0][0] == 1 and s["confusion"][2][4] == 1 and s["confusion"][4][2] == 1
    # macro over all five stances: commitment 1, concern 0, neutral 0.5, the two absent ones 0
    assert s["macro_f1"] == pytest.approx(1.5 / 5)


def test_metrics_bootstrap_is_deterministic_and_brackets_the_value() -> None:
    y = np.array(["a"] * 30 + ["b"] * 30)
    p = np.array(["a"] * 25 + ["b"] * 35)
    stat = lambda i: float((y[i] == p[i]).mean())  # noqa: E731
    lo, hi = bootstrap_ci(stat, len(y), resamples=300, seed=1)
    assert (lo, hi) == bootstrap_ci(stat, len(y), resamples=300, seed=1)
    assert lo <= float((y == p).mean()) <= hi


def test_metrics_document_bootstrap_resamples_whole_documents() -> None:
    # two documents: one all right, one all wrong; a clause bootstrap is narrow, a document one is not
    y = np.array(["a"] * 50 + ["b"] * 50)
    p = np.array(["a"] * 50 + ["x"] * 50)
    groups = ["d1"] * 50 + ["d2"] * 50
    stat = lambda i: float((y[i] == p[i]).mean())  # noqa: E731
    lo_c, hi_c = bootstrap_ci(stat, len(y), resamples=300)
    lo_d, hi_d = bootstrap_ci(stat, len(y), groups=groups, resamples=300)
    assert (lo_d, hi_d) == (0.0, 1.0)
    assert hi_c - lo_c < 0.3
    # every resample is made of whole documents: accuracy is 0, 0.5 or 1
    assert bootstrap_ci(stat, len(y), groups=groups, resamples=50, alpha=0.5)[0] in (0.0, 0.5, 1.0)


def test_metrics_summary_has_intervals() -> None:
    Y = np.eye(4, dtype=int)[[0, 1, 2, 3, 0, 1]]
    s = summary_with_ci(Y, Y, ["neutral"] * 6, ["neutral"] * 6, resamples=50)
    assert s["themes"]["micro_f1"] == 1.0 and s["ci"]["theme_micro_f1"] == (1.0, 1.0)


def test_metrics_kappa_known_values() -> None:
    assert cohen_kappa(["a", "b", "a", "b"], ["a", "b", "a", "b"]) == 1.0
    assert cohen_kappa(["a", "a", "b", "b"], ["a", "b", "a", "b"]) == 0.0
    # 2x2 table [[20, 5], [10, 15]]: po 0.7, pe 0.5 -> kappa 0.4
    a = ["y"] * 25 + ["n"] * 25
    b = ["y"] * 20 + ["n"] * 5 + ["y"] * 10 + ["n"] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.4)


@given(st.lists(st.sampled_from(["x", "y", "z"]), min_size=1, max_size=40))
def test_metrics_kappa_of_identical_labels_is_one(labels: list[str]) -> None:
    assert cohen_kappa(labels, labels) == pytest.approx(1.0)


def test_metrics_ece_is_zero_when_confidence_matches_accuracy() -> None:
    from nlp.coding.metrics import expected_calibration_error

    p = np.array([0.25] * 4 + [0.75] * 4)
    h = np.array([1, 0, 0, 0, 1, 1, 1, 0])
    assert expected_calibration_error(p, h) == pytest.approx(0.0)
    assert expected_calibration_error(np.array([0.9, 0.9]), np.array([0, 0])) == pytest.approx(0.9)
