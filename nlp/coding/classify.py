"""The clause coder: both classifier heads on one shared, once-fitted feature extractor.

:class:`ClauseCoder` gives themes, stance and an explanation (strongest cue terms, nearest
labelled clauses) per clause; the heads live in :mod:`nlp.coding.heads`, persistence in
:mod:`nlp.coding.modelio`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.exceptions import NotFittedError

from nlp.coding.features import BLOCKS, ClauseFeatures
from nlp.coding.heads import (
    StanceClassifier,
    ThemeClassifier,
    to_indicator,
)
from nlp.records import Explanation, Neighbour, Prediction, Sample
from nlp.resources import FORMULA_CUE, FORMULA_RE


class ClauseCoder:
    """Themes, stance and explanations for clauses.

    Both heads share one fitted :class:`~nlp.coding.features.ClauseFeatures` (``features_``): a clause
    is featurised once and each head weighs the blocks its own way (the heads' ``features``
    parameters give their block weights; the shared extractor computes every block either uses).

    Args:
        themes: The theme head.
        stance: The stance head.
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
        self.info: dict[str, Any] = {}

    def _require_fitted(self) -> None:
        if not hasattr(self, "features_"):
            raise NotFittedError("this ClauseCoder is not fitted yet; call fit or load a model")

    def shared_features(self) -> ClauseFeatures:
        """An unfitted extractor that computes every block either head weighs (each at weight 1)."""
        a, b = self.themes.block_weights(), self.stance.block_weights()
        params = a.get_params()
        for name in BLOCKS:
            params[name] = 1.0 if max(getattr(a, name), getattr(b, name)) > 0 else 0.0
        return ClauseFeatures(**params)

    def fit(
        self,
        X: Sequence[Sample],
        themes: Sequence[Sequence[str]],
        stances: Sequence[str],
        *,
        ids: Sequence[str] | None = None,
        groups: Sequence[str] | None = None,
        sample_weight: np.ndarray | dict[str, np.ndarray] | None = None,
    ) -> ClauseCoder:
        """Fit the shared features and both heads; keep the samples as explanation examples.

        Args:
            X: Samples.
            themes: Theme labels of each sample.
            stances: Stance label of each sample.
            ids: Gold ids (shown as nearest examples in explanations).
            groups: Document of each sample, so calibration folds never split a document.
            sample_weight: One weight per sample for both heads, or ``{"themes": w, "stance": w}``.
        """
        per_head = sample_weight if isinstance(sample_weight, dict) else {}
        w_themes = per_head.get("themes") if per_head else sample_weight
        w_stance = per_head.get("stance") if per_head else sample_weight
        self.features_ = self.shared_features().fit(X)
        X = self.with_vectors(X)
        F = self.features_.transform(X)
        for head in (self.themes, self.stance):
            head.share(self.features_)
        self.themes.fit_matrix(
            self.themes.scaled(F),
            to_indicator(themes, self.themes.labels),
            groups=groups,
            sample_weight=w_themes,
        )
        self.stance.fit_matrix(self.stance.scaled(F), stances, groups=groups, sample_weight=w_stance)
        self.examples_ = {
            "ids": list(ids) if ids is not None else [str(i) for i in range(len(X))],
            "texts": [s.text for s in X],
            "themes": [list(t) for t in themes],
            "stance": list(stances),
        }
        self.example_vectors_ = (
            np.vstack([s.vector for s in X]).astype(np.float32) if len(X) else np.zeros((0, 0), np.float32)
        )
        return self

    @property
    def embedder(self) -> str:
        """Registry name of the embedder the coder was trained with."""
        self._require_fitted()
        return self.features_.embedder

    def probabilities(self, X: Sequence[Sample]) -> tuple[np.ndarray, np.ndarray]:
        """Theme and stance probabilities of the samples (one featurisation for both heads)."""
        F = self.features_.transform(self.with_vectors(X))
        return self.themes.proba_matrix(self.themes.scaled(F)), self.stance.proba_matrix(
            self.stance.scaled(F)
        )

    def tune(self, X: Sequence[Sample], themes: Sequence[Sequence[str]]) -> ClauseCoder:
        """Tune the theme thresholds on held-out (dev) data."""
        proba, _ = self.probabilities(X)
        self.themes.tune_thresholds(proba, to_indicator(themes, self.themes.labels))
        return self

    def predict(self, X: Sequence[Sample], *, explain: bool = True) -> list[Prediction]:
        """Predict themes and stance of each sample, with scores and (optionally) explanations.

        A fixed formula of a law or decree (:data:`nlp.resources.FORMULA_RE`: "Wij Beatrix, bij de
        gratie Gods", "Lasten en bevelen", "Gegeven te") is coded neutral without a theme.
        """
        if not len(X):
            return []
        X = self.with_vectors(X)
        F = self.features_.transform(X)
        Ft, Fs = self.themes.scaled(F), self.stance.scaled(F)
        tp, sp_ = self.themes.proba_matrix(Ft), self.stance.proba_matrix(Fs)
        tmask = self.themes.threshold(tp)
        sidx = sp_.argmax(axis=1)
        theme_cues: list[dict[str, tuple[str, ...]]] = [{} for _ in X]
        stance_cues: list[tuple[str, ...]] = [() for _ in X]
        neighbours: list[tuple[Neighbour, ...]] = [() for _ in X]
        if explain:
            for k, name in enumerate(self.themes.labels):
                rows = np.flatnonzero(tmask[:, k])
                if len(rows):
                    for r, terms in zip(rows, self.themes.top_terms(Ft[rows], k), strict=True):
                        theme_cues[r][name] = terms
            for k in range(len(self.stance.labels)):
                rows = np.flatnonzero(sidx == k)
                if len(rows):
                    for r, terms in zip(rows, self.stance.top_terms(Fs[rows], k), strict=True):
                        stance_cues[r] = terms
            neighbours = self.neighbours(np.vstack([s.vector for s in X]))
        for i, s in enumerate(X):
            if FORMULA_RE.match(s.text):
                tmask[i] = False
                sidx[i] = list(self.stance.labels).index("neutral")
                theme_cues[i], stance_cues[i] = {}, (FORMULA_CUE,)
        out = []
        for i in range(len(X)):
            out.append(
                Prediction(
                    themes=tuple(c for c, m in zip(self.themes.labels, tmask[i], strict=True) if m),
                    theme_scores={
                        c: round(float(p), 4) for c, p in zip(self.themes.labels, tp[i], strict=True)
                    },
                    stance=str(self.stance.labels[sidx[i]]),
                    stance_scores={
                        c: round(float(p), 4) for c, p in zip(self.stance.labels, sp_[i], strict=True)
                    },
                    explanation=Explanation(theme_cues[i], stance_cues[i], neighbours[i]),
                    model_version=self.version,
                )
            )
        return out

    def with_vectors(self, X: Sequence[Sample]) -> list[Sample]:
        """The samples, each with its sentence embedding (computed with the model's embedder if missing)."""
        if all(s.vector is not None for s in X):
            return list(X)
        vecs = self.features_.vectors(X)
        return [Sample(s.text, s.doc_type, s.section, v, s.context) for s, v in zip(X, vecs, strict=True)]

    def neighbours(self, vectors: np.ndarray) -> list[tuple[Neighbour, ...]]:
        """The nearest labelled examples of each vector (cosine similarity)."""
        self._require_fitted()
        if self.example_vectors_.size == 0 or self.n_neighbours <= 0:
            return [() for _ in range(len(vectors))]
        sims = vectors.astype(np.float32) @ self.example_vectors_.T.astype(np.float32)
        k = min(self.n_neighbours, sims.shape[1])
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        ex = self.examples_
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
