"""The two classifier heads, scikit-learn estimators over the shared clause features.

- :class:`ThemeClassifier`: multi-label; one logistic regression per theme on
  :class:`~nlp.coding.features.ClauseFeatures`, Platt-calibrated on cross-validated scores, with
  a threshold per theme (tuned on dev data) so that a clause may get no theme at all.
- :class:`StanceClassifier`: one of five; multinomial logistic regression, temperature-scaled on
  cross-validated scores.

Both derive from :class:`_LinearHead`, which holds their parameters and the shared-feature
handling; :mod:`nlp.coding.classify` joins them into the clause coder.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, StratifiedKFold
from sklearn.utils.validation import check_is_fitted

from nlp.coding.features import ClauseFeatures, readable_cue, readable_word
from nlp.records import Sample
from nlp.resources import STANCES, STOP_WORDS, THEMES


def is_stop_word(term: str) -> bool:
    """Whether an explanation term is only Dutch function words ("wat", "worden over")."""
    return all(w in STOP_WORDS for w in term.lower().split())


THRESHOLD_GRID = np.round(np.arange(0.05, 0.96, 0.025), 3)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _folds(y: np.ndarray, groups: Sequence[str] | None, cv: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Cross-validation folds: by group (document) when groups are given, else stratified."""
    idx = np.arange(len(y))
    if groups is not None and len(set(groups)) >= cv:
        return list(GroupKFold(n_splits=cv).split(idx, y, groups))
    counts = np.bincount(np.unique(y, return_inverse=True)[1])
    k = max(2, min(cv, int(counts.min()) if len(counts) > 1 else 2))
    return list(StratifiedKFold(n_splits=k, shuffle=True, random_state=0).split(idx, y))


def to_indicator(labels: Sequence[Sequence[str]], classes: Sequence[str] = THEMES) -> np.ndarray:
    """Label lists to a 0/1 matrix with one column per class."""
    return np.array([[int(c in ls) for c in classes] for ls in labels], dtype=int).reshape(
        len(labels), len(classes)
    )


def best_threshold(y: np.ndarray, p: np.ndarray, grid: np.ndarray = THRESHOLD_GRID) -> float:
    """The threshold on scores ``p`` that maximises F1 for binary labels ``y`` (ties: closest to 0.5)."""
    best, best_f1 = 0.5, -1.0
    for t in sorted(grid, key=lambda t: abs(t - 0.5)):
        pred = p >= t
        tp = int((pred & (y == 1)).sum())
        f1 = 2 * tp / max(int(pred.sum()) + int(y.sum()), 1)
        if f1 > best_f1 + 1e-12:
            best, best_f1 = float(t), f1
    return best


class _LinearHead(ClassifierMixin, BaseEstimator):
    """Shared parts of both heads: parameters, features, linear scores, readable cue terms.

    A head either fits its own :class:`~nlp.coding.features.ClauseFeatures` (``fit`` on samples) or
    works on the matrix of an extractor shared with the other head (``fit_matrix`` after
    :meth:`share`), which is how :class:`ClauseCoder` featurises a text only once.

    Args:
        features: Feature extractor, or (when shared) the block weights of this head.
        C: Inverse regularisation strength of the logistic regression(s).
        class_weight: Passed to the logistic regression(s).
        cv: Folds for the cross-validated calibration scores.
        classes: Labels in column order (default: the head's label set).
    """

    default_classes: tuple[str, ...] = ()

    def __init__(
        self,
        features: ClauseFeatures | None = None,
        C: float = 4.0,
        class_weight: str | None = "balanced",
        cv: int = 5,
        classes: tuple[str, ...] | None = None,
    ) -> None:
        self.features = features
        self.C = C
        self.class_weight = class_weight
        self.cv = cv
        self.classes = classes

    @property
    def labels(self) -> tuple[str, ...]:
        """The labels in column order."""
        return tuple(self.classes) if self.classes is not None else self.default_classes

    def block_weights(self) -> ClauseFeatures:
        """An unfitted copy of ``features``: the weight this head gives each feature block."""
        return clone(self.features) if self.features is not None else ClauseFeatures()

    def share(self, extractor: ClauseFeatures) -> _LinearHead:
        """Use a fitted extractor shared with other heads, weighing its blocks as ``features`` says."""
        self.features_ = extractor
        self.scale_ = extractor.block_scale(self.block_weights())
        self.feature_names_ = extractor.get_feature_names_out()
        return self

    def _own_matrix(self, X: Sequence[Sample]) -> sp.csr_matrix:
        return self.scaled(self.features_.transform(X))

    def scaled(self, F: sp.spmatrix) -> sp.csr_matrix:
        """The shared feature matrix with this head's block weights applied."""
        return sp.csr_matrix(F @ sp.diags(self.scale_))

    def fit(self, X: Sequence[Sample], y: Any, **kwargs: Any) -> _LinearHead:
        """Fit this head's own feature extractor on ``X``, then the head (see :meth:`fit_matrix`)."""
        extractor = self.block_weights().fit(X)
        self.share(extractor)
        return self.fit_matrix(self._own_matrix(X), y, **kwargs)

    def fit_matrix(self, F: sp.spmatrix, y: Any, **kwargs: Any) -> _LinearHead:  # pragma: no cover
        """Fit on a feature matrix already weighted for this head."""
        raise NotImplementedError

    def decision_matrix(self, F: sp.spmatrix) -> np.ndarray:
        """Raw linear scores of a weighted feature matrix, one column per class."""
        check_is_fitted(self, "coef_")
        return np.asarray(F @ self.coef_.T) + self.intercept_

    def decision_function(self, X: Sequence[Sample]) -> np.ndarray:
        """Raw linear scores, one column per class."""
        return self.decision_matrix(self._own_matrix(X))

    def predict_proba(self, X: Sequence[Sample]) -> np.ndarray:
        """Calibrated probabilities (see :meth:`proba_matrix`)."""
        return self.proba_matrix(self._own_matrix(X))

    def proba_matrix(self, F: sp.spmatrix) -> np.ndarray:  # pragma: no cover
        """Calibrated probabilities of a weighted feature matrix."""
        raise NotImplementedError

    def top_terms(self, F: sp.spmatrix, column: int, n: int = 4) -> list[tuple[str, ...]]:
        """Per row of a weighted feature matrix, the readable features that add most to a class score."""
        check_is_fitted(self, "coef_")
        names = self.feature_names_
        m = sp.csr_matrix(F)
        out: list[tuple[str, ...]] = []
        for i in range(m.shape[0]):
            row = m.getrow(i)
            contrib = row.data * self.coef_[column, row.indices]
            order = np.argsort(-contrib)
            terms: list[str] = []
            for j in order:
                if contrib[j] <= 0 or len(terms) >= n:
                    break
                name = str(names[row.indices[j]])
                kind, _, value = name.partition(":")
                term = (
                    readable_word(value)
                    if kind in ("word", "section")
                    else readable_cue(value)
                    if kind == "cue"
                    else ""
                )
                if term and term not in terms and not is_stop_word(term):
                    terms.append(term)
            out.append(tuple(terms))
        return out


class ThemeClassifier(_LinearHead):
    """Multi-label theme classifier with calibrated probabilities and per-theme thresholds.

    One logistic regression per theme, Platt-calibrated on cross-validated scores; a theme is
    given when its probability reaches the theme's threshold (tuned on dev data), so a clause
    may get none. Parameters: see :class:`_LinearHead`.
    """

    default_classes = THEMES

    def _lr(self) -> LogisticRegression:
        return LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=2000, solver="liblinear")

    def fit_matrix(
        self,
        F: sp.spmatrix,
        Y: Any,
        groups: Sequence[str] | None = None,
        sample_weight: np.ndarray | None = None,
    ) -> ThemeClassifier:
        """Fit one calibrated logistic regression per theme.

        Args:
            F: Weighted feature matrix (samples x features).
            Y: 0/1 matrix (samples x themes), or a list of theme lists.
            groups: Document of each sample, so calibration folds never split a document.
            sample_weight: Weight of each sample (default 1).
        """
        classes = self.labels
        n = F.shape[0]
        sw = np.ones(n) if sample_weight is None else np.asarray(sample_weight, dtype=float)
        Y = np.asarray(to_indicator(Y, classes) if not isinstance(Y, np.ndarray) else Y, dtype=int)
        self.coef_ = np.zeros((len(classes), F.shape[1]))
        self.intercept_ = np.zeros(len(classes))
        self.platt_ = np.tile([1.0, 0.0], (len(classes), 1))
        for k in range(len(classes)):
            y = Y[:, k]
            if y.min() == y.max():  # a label never (or always) seen: constant score
                self.intercept_[k] = 10.0 if y[0] else -10.0
                continue
            oof = np.zeros(len(y))
            for tr, te in _folds(y, groups, self.cv):
                if y[tr].min() == y[tr].max():
                    oof[te] = 10.0 if y[tr][0] else -10.0
                    continue
                oof[te] = self._lr().fit(F[tr], y[tr], sample_weight=sw[tr]).decision_function(F[te])
            platt = LogisticRegression(C=1e4, max_iter=1000).fit(oof.reshape(-1, 1), y, sample_weight=sw)
            self.platt_[k] = [platt.coef_[0, 0], platt.intercept_[0]]
            lr = self._lr().fit(F, y, sample_weight=sw)
            self.coef_[k] = lr.coef_[0]
            self.intercept_[k] = lr.intercept_[0]
        self.thresholds_ = np.full(len(classes), 0.5)
        self.classes_ = np.asarray(classes)
        return self

    def proba_matrix(self, F: sp.spmatrix) -> np.ndarray:
        """Calibrated probability of each theme (samples x themes; rows need not sum to 1)."""
        s = self.decision_matrix(F)
        return _sigmoid(s * self.platt_[:, 0] + self.platt_[:, 1])

    def predict(self, X: Sequence[Sample]) -> np.ndarray:
        """0/1 matrix: themes whose probability reaches their threshold (a row may be all 0)."""
        return self.threshold(self.predict_proba(X))

    def threshold(self, proba: np.ndarray) -> np.ndarray:
        """Apply the per-theme thresholds to probabilities."""
        check_is_fitted(self, "thresholds_")
        return (proba >= self.thresholds_).astype(int)

    def tune_thresholds(self, proba: np.ndarray, Y: Any) -> ThemeClassifier:
        """Set each theme's threshold to the value that maximises its F1 on (dev) probabilities."""
        Y = np.asarray(to_indicator(Y, self.labels) if not isinstance(Y, np.ndarray) else Y, dtype=int)
        self.thresholds_ = np.array([best_threshold(Y[:, k], proba[:, k]) for k in range(len(self.labels))])
        return self


class StanceClassifier(_LinearHead):
    """Single-label stance classifier (multinomial logistic regression, temperature-scaled).

    Parameters: see :class:`_LinearHead`.
    """

    default_classes = STANCES

    def _lr(self) -> LogisticRegression:
        return LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=3000)

    def fit_matrix(
        self,
        F: sp.spmatrix,
        y: Sequence[str],
        groups: Sequence[str] | None = None,
        sample_weight: np.ndarray | None = None,
    ) -> StanceClassifier:
        """Fit the model and its temperature.

        Args:
            F: Weighted feature matrix (samples x features).
            y: Stance label of each sample.
            groups: Document of each sample, so calibration folds never split a document.
            sample_weight: Weight of each sample (default 1).
        """
        classes = self.labels
        sw = np.ones(F.shape[0]) if sample_weight is None else np.asarray(sample_weight, dtype=float)
        index = {c: i for i, c in enumerate(classes)}
        yi = np.array([index[v] for v in y])
        oof = np.zeros((len(yi), len(classes)))
        for tr, te in _folds(yi, groups, self.cv):
            lr = self._lr().fit(F[tr], yi[tr], sample_weight=sw[tr])
            oof[np.ix_(te, lr.classes_)] = lr.decision_function(F[te])
            missing = np.setdiff1d(np.arange(len(classes)), lr.classes_)
            oof[np.ix_(te, missing)] = -1e3
        temps = np.exp(np.linspace(np.log(0.25), np.log(8.0), 60))
        nll = [
            -np.average(np.log(_softmax(oof / t)[np.arange(len(yi)), yi] + 1e-12), weights=sw) for t in temps
        ]
        self.temperature_ = float(temps[int(np.argmin(nll))])
        lr = self._lr().fit(F, yi, sample_weight=sw)
        self.coef_ = np.zeros((len(classes), F.shape[1]))
        self.intercept_ = np.full(len(classes), -1e3)
        self.coef_[lr.classes_] = lr.coef_ if len(lr.classes_) > 2 else np.vstack([-lr.coef_[0], lr.coef_[0]])
        self.intercept_[lr.classes_] = (
            lr.intercept_ if len(lr.classes_) > 2 else np.array([-lr.intercept_[0], lr.intercept_[0]])
        )
        self.classes_ = np.asarray(classes)
        return self

    def proba_matrix(self, F: sp.spmatrix) -> np.ndarray:
        """Calibrated probability of each stance (rows sum to 1)."""
        return _softmax(self.decision_matrix(F) / self.temperature_)

    def predict(self, X: Sequence[Sample]) -> np.ndarray:
        """The most probable stance of each sample."""
        return self.classes_[self.predict_proba(X).argmax(axis=1)]
