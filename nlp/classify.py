"""Theme and stance classifiers (scikit-learn estimators) and the clause coder that joins them.

- :class:`ThemeClassifier`: multi-label; one logistic regression per theme on
  :class:`~nlp.features.ClauseFeatures`, Platt-calibrated on cross-validated scores, with a
  threshold per theme (tuned on dev data) so that a clause may get no theme at all.
- :class:`StanceClassifier`: one of five; multinomial logistic regression, temperature-scaled on
  cross-validated scores.
- :class:`ClauseCoder`: both heads plus the labelled examples used to explain a prediction
  (strongest cue terms, nearest gold clauses). Persistence lives in :mod:`nlp.modelio`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, StratifiedKFold
from sklearn.utils.validation import check_is_fitted

from nlp.features import ClauseFeatures, readable_cue, readable_word
from nlp.records import Explanation, Neighbour, Prediction, Sample
from nlp.resources import STANCES, THEMES

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
    """Shared parts: features, linear scores, readable cue terms."""

    features: ClauseFeatures | None

    def _features(self) -> ClauseFeatures:
        return clone(self.features) if self.features is not None else ClauseFeatures()

    def decision_function(self, X: Sequence[Sample]) -> np.ndarray:
        """Raw linear scores, one column per class."""
        check_is_fitted(self, "coef_")
        return np.asarray(self.features_.transform(X) @ self.coef_.T) + self.intercept_

    def top_terms(self, X: Sequence[Sample], column: int, n: int = 4) -> list[tuple[str, ...]]:
        """Per sample, the readable features (words, cue phrases) that add most to a class score."""
        check_is_fitted(self, "coef_")
        names = self.feature_names_
        m = self.features_.transform(X).tocsr()
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
                if term and term not in terms:
                    terms.append(term)
            out.append(tuple(terms))
        return out


class ThemeClassifier(_LinearHead):
    """Multi-label theme classifier with calibrated probabilities and per-theme thresholds.

    Args:
        features: Feature extractor (default :class:`~nlp.features.ClauseFeatures`).
        C: Inverse regularisation strength of each logistic regression.
        class_weight: Passed to each logistic regression.
        cv: Folds for the cross-validated calibration scores.
        classes: Theme labels, in column order.
    """

    def __init__(
        self,
        features: ClauseFeatures | None = None,
        C: float = 4.0,
        class_weight: str | None = "balanced",
        cv: int = 5,
        classes: tuple[str, ...] = THEMES,
    ) -> None:
        self.features = features
        self.C = C
        self.class_weight = class_weight
        self.cv = cv
        self.classes = classes

    def _lr(self) -> LogisticRegression:
        return LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=2000, solver="liblinear")

    def fit(
        self,
        X: Sequence[Sample],
        Y: np.ndarray,
        groups: Sequence[str] | None = None,
        sample_weight: np.ndarray | None = None,
    ) -> ThemeClassifier:
        """Fit one calibrated logistic regression per theme.

        Args:
            X: Samples.
            Y: 0/1 matrix (samples x themes), or a list of theme lists.
            groups: Document of each sample, so calibration folds never split a document.
            sample_weight: Weight of each sample (default 1).
        """
        sw = np.ones(len(X)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
        Y = np.asarray(to_indicator(Y, self.classes) if not isinstance(Y, np.ndarray) else Y, dtype=int)
        self.features_ = self._features().fit(X)
        self.feature_names_ = self.features_.get_feature_names_out()
        F = self.features_.transform(X)
        n_feat = F.shape[1]
        self.coef_ = np.zeros((len(self.classes), n_feat))
        self.intercept_ = np.zeros(len(self.classes))
        self.platt_ = np.tile([1.0, 0.0], (len(self.classes), 1))
        for k in range(len(self.classes)):
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
            platt = LogisticRegression(C=1e4, max_iter=1000).fit(oof.reshape(-1, 1), y)
            self.platt_[k] = [platt.coef_[0, 0], platt.intercept_[0]]
            lr = self._lr().fit(F, y, sample_weight=sw)
            self.coef_[k] = lr.coef_[0]
            self.intercept_[k] = lr.intercept_[0]
        self.thresholds_ = np.full(len(self.classes), 0.5)
        self.classes_ = np.asarray(self.classes)
        return self

    def predict_proba(self, X: Sequence[Sample]) -> np.ndarray:
        """Calibrated probability of each theme (samples x themes; rows need not sum to 1)."""
        s = self.decision_function(X)
        return _sigmoid(s * self.platt_[:, 0] + self.platt_[:, 1])

    def predict(self, X: Sequence[Sample]) -> np.ndarray:
        """0/1 matrix: themes whose probability reaches their threshold (a row may be all 0)."""
        return self.threshold(self.predict_proba(X))

    def threshold(self, proba: np.ndarray) -> np.ndarray:
        """Apply the per-theme thresholds to probabilities."""
        check_is_fitted(self, "thresholds_")
        return (proba >= self.thresholds_).astype(int)

    def tune_thresholds(self, X: Sequence[Sample], Y: np.ndarray) -> ThemeClassifier:
        """Set each theme's threshold to the value that maximises its F1 on (dev) data."""
        Y = np.asarray(to_indicator(Y, self.classes) if not isinstance(Y, np.ndarray) else Y, dtype=int)
        P = self.predict_proba(X)
        self.thresholds_ = np.array([best_threshold(Y[:, k], P[:, k]) for k in range(len(self.classes))])
        return self


class StanceClassifier(_LinearHead):
    """Single-label stance classifier (multinomial logistic regression, temperature-scaled).

    Args:
        features: Feature extractor (default :class:`~nlp.features.ClauseFeatures`).
        C: Inverse regularisation strength.
        class_weight: Passed to the logistic regression.
        cv: Folds for the cross-validated temperature fit.
        classes: Stance labels, in column order.
    """

    def __init__(
        self,
        features: ClauseFeatures | None = None,
        C: float = 4.0,
        class_weight: str | None = "balanced",
        cv: int = 5,
        classes: tuple[str, ...] = STANCES,
    ) -> None:
        self.features = features
        self.C = C
        self.class_weight = class_weight
        self.cv = cv
        self.classes = classes

    def _lr(self) -> LogisticRegression:
        return LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=3000)

    def fit(
        self,
        X: Sequence[Sample],
        y: Sequence[str],
        groups: Sequence[str] | None = None,
        sample_weight: np.ndarray | None = None,
    ) -> StanceClassifier:
        """Fit the model and its temperature.

        Args:
            X: Samples.
            y: Stance label of each sample.
            groups: Document of each sample, so calibration folds never split a document.
            sample_weight: Weight of each sample (default 1).
        """
        sw = np.ones(len(X)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
        index = {c: i for i, c in enumerate(self.classes)}
        yi = np.array([index[v] for v in y])
        self.features_ = self._features().fit(X)
        self.feature_names_ = self.features_.get_feature_names_out()
        F = self.features_.transform(X)
        oof = np.zeros((len(yi), len(self.classes)))
        for tr, te in _folds(yi, groups, self.cv):
            lr = self._lr().fit(F[tr], yi[tr], sample_weight=sw[tr])
            oof[np.ix_(te, lr.classes_)] = lr.decision_function(F[te])
            missing = np.setdiff1d(np.arange(len(self.classes)), lr.classes_)
            oof[np.ix_(te, missing)] = -1e3
        temps = np.exp(np.linspace(np.log(0.25), np.log(8.0), 60))
        nll = [-np.log(_softmax(oof / t)[np.arange(len(yi)), yi] + 1e-12).mean() for t in temps]
        self.temperature_ = float(temps[int(np.argmin(nll))])
        lr = self._lr().fit(F, yi, sample_weight=sw)
        self.coef_ = np.zeros((len(self.classes), F.shape[1]))
        self.intercept_ = np.full(len(self.classes), -1e3)
        self.coef_[lr.classes_] = lr.coef_ if len(lr.classes_) > 2 else np.vstack([-lr.coef_[0], lr.coef_[0]])
        self.intercept_[lr.classes_] = (
            lr.intercept_ if len(lr.classes_) > 2 else np.array([-lr.intercept_[0], lr.intercept_[0]])
        )
        self.classes_ = np.asarray(self.classes)
        return self

    def predict_proba(self, X: Sequence[Sample]) -> np.ndarray:
        """Calibrated probability of each stance (rows sum to 1)."""
        return _softmax(self.decision_function(X) / self.temperature_)

    def predict(self, X: Sequence[Sample]) -> np.ndarray:
        """The most probable stance of each sample."""
        return self.classes_[self.predict_proba(X).argmax(axis=1)]


class ClauseCoder:
    """Themes, stance and explanations for clauses.

    Args:
        themes: The theme head (fitted or not).
        stance: The stance head (fitted or not).
        n_neighbours: Nearest labelled examples in an explanation.
        version: Model version string (set by training, checked by loading).
    """

    def __init__(
        self,
        themes: ThemeClassifier | None = None,
        stance: StanceClassifier | None = None,
        n_neighbours: int = 3,
        version: str = "",
    ) -> None:
        self.themes = themes if themes is not None else ThemeClassifier()
        self.stance = stance if stance is not None else StanceClassifier()
        self.n_neighbours = n_neighbours
        self.version = version
        self.examples: dict[str, Any] = {"ids": [], "texts": [], "themes": [], "stance": []}
        self.example_vectors = np.zeros((0, 0), dtype=np.float32)
        self.info: dict[str, Any] = {}

    def fit(
        self,
        X: Sequence[Sample],
        themes: Sequence[Sequence[str]],
        stances: Sequence[str],
        *,
        ids: Sequence[str] | None = None,
        groups: Sequence[str] | None = None,
        sample_weight: np.ndarray | None = None,
    ) -> ClauseCoder:
        """Fit both heads and keep the samples as explanation examples."""
        self.themes.fit(
            X, to_indicator(themes, self.themes.classes), groups=groups, sample_weight=sample_weight
        )
        self.stance.fit(X, stances, groups=groups, sample_weight=sample_weight)
        self.examples = {
            "ids": list(ids) if ids is not None else [str(i) for i in range(len(X))],
            "texts": [s.text for s in X],
            "themes": [list(t) for t in themes],
            "stance": list(stances),
        }
        self.example_vectors = self.themes.features_._vectors(X) if len(X) else self.example_vectors
        return self

    def tune(self, X: Sequence[Sample], themes: Sequence[Sequence[str]]) -> ClauseCoder:
        """Tune the theme thresholds on held-out (dev) data."""
        self.themes.tune_thresholds(X, to_indicator(themes, self.themes.classes))
        return self

    def predict(self, X: Sequence[Sample], *, explain: bool = True) -> list[Prediction]:
        """Predict themes and stance of each sample, with scores and (optionally) explanations."""
        if not len(X):
            return []
        X = self._with_vectors(X)
        tp = self.themes.predict_proba(X)
        tmask = self.themes.threshold(tp)
        sp_ = self.stance.predict_proba(X)
        sidx = sp_.argmax(axis=1)
        theme_cues: list[dict[str, tuple[str, ...]]] = [{} for _ in X]
        stance_cues: list[tuple[str, ...]] = [() for _ in X]
        neighbours: list[tuple[Neighbour, ...]] = [() for _ in X]
        if explain:
            for k, name in enumerate(self.themes.classes):
                rows = np.flatnonzero(tmask[:, k])
                if len(rows):
                    for r, terms in zip(rows, self.themes.top_terms([X[i] for i in rows], k), strict=True):
                        theme_cues[r][name] = terms
            for k in range(len(self.stance.classes)):
                rows = np.flatnonzero(sidx == k)
                if len(rows):
                    for r, terms in zip(rows, self.stance.top_terms([X[i] for i in rows], k), strict=True):
                        stance_cues[r] = terms
            neighbours = self.neighbours(np.vstack([s.vector for s in X]))
        out = []
        for i in range(len(X)):
            out.append(
                Prediction(
                    themes=tuple(c for c, m in zip(self.themes.classes, tmask[i], strict=True) if m),
                    theme_scores={
                        c: round(float(p), 4) for c, p in zip(self.themes.classes, tp[i], strict=True)
                    },
                    stance=str(self.stance.classes[sidx[i]]),
                    stance_scores={
                        c: round(float(p), 4) for c, p in zip(self.stance.classes, sp_[i], strict=True)
                    },
                    explanation=Explanation(theme_cues[i], stance_cues[i], neighbours[i]),
                    model_version=self.version,
                )
            )
        return out

    def _with_vectors(self, X: Sequence[Sample]) -> list[Sample]:
        if all(s.vector is not None for s in X):
            return list(X)
        vecs = self.themes.features_._vectors(X)
        return [Sample(s.text, s.doc_type, s.section, v, s.context) for s, v in zip(X, vecs, strict=True)]

    def neighbours(self, vectors: np.ndarray) -> list[tuple[Neighbour, ...]]:
        """The nearest labelled examples of each vector (cosine similarity)."""
        if self.example_vectors.size == 0 or self.n_neighbours <= 0:
            return [() for _ in range(len(vectors))]
        sims = vectors.astype(np.float32) @ self.example_vectors.T.astype(np.float32)
        k = min(self.n_neighbours, sims.shape[1])
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        ex = self.examples
        result = []
        for i, row in enumerate(top):
            row = row[np.argsort(-sims[i, row])]
            result.append(
                tuple(
                    Neighbour(
                        ex["ids"][j],
                        ex["texts"][j],
                        tuple(ex["themes"][j]),
                        ex["stance"][j],
                        round(float(sims[i, j]), 3),
                    )
                    for j in row
                )
            )
        return result
