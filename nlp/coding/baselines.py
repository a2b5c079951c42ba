"""Two baselines the classifiers must beat, with the same interface as the clause coder heads.

- :class:`KeywordBaseline`: a theme is present when one of its cue words occurs
  (``nlp.resources.THEME_CUES``); the stance is the first cue family of LABELS.md's decision
  order that occurs (``STANCE_CUES``), with modal verbs ("moet", "dient", "zal") binding only in
  binding document types, else ``neutral``.
- :class:`ZeroShotBaseline`: cosine similarity between the clause embedding and embeddings of
  label descriptions (``THEME_DESCRIPTIONS``, ``STANCE_DESCRIPTIONS``); a theme is present above
  a similarity threshold (one global value, tuned on dev data), the stance is the most similar.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from sklearn.base import BaseEstimator

from nlp.coding.heads import THRESHOLD_GRID, to_indicator
from nlp.records import Sample
from nlp.resources import (
    BINDING_DOC_TYPES,
    MODAL_CUES,
    STANCE_CUES,
    STANCE_DESCRIPTIONS,
    STANCES,
    THEME_CUES,
    THEME_DESCRIPTIONS,
    THEMES,
)
from nlp.retrieval.embed import DEFAULT_EMBEDDER, embed

_THEME_RE = {
    t: re.compile(r"(?<!\w)(?:" + "|".join(re.escape(c) for c in cues) + ")")
    for t, cues in THEME_CUES.items()
}
_STANCE_RE = {s: [(c, re.compile(r"(?<!\w)" + c)) for c in cues] for s, cues in STANCE_CUES.items()}


class KeywordBaseline(BaseEstimator):
    """Cue-word lexicon baseline (no training)."""

    def fit(self, X: Sequence[Sample], y: object = None) -> KeywordBaseline:
        """Nothing to learn; returns self."""
        return self

    def predict_themes(self, X: Sequence[Sample]) -> np.ndarray:
        """0/1 matrix (samples x themes)."""
        return np.array(
            [[int(bool(_THEME_RE[t].search(s.text.lower()))) for t in THEMES] for s in X]
        ).reshape(len(X), len(THEMES))

    def predict_stance(self, X: Sequence[Sample]) -> np.ndarray:
        """One stance per sample."""
        out = []
        for s in X:
            low = s.text.lower()
            binding = s.doc_type in BINDING_DOC_TYPES
            label = "neutral"
            for stance in ("commitment", "recommendation", "concern", "opportunity"):
                hits = [c for c, p in _STANCE_RE[stance] if p.search(low)]
                if stance == "commitment" and not binding:
                    hits = [c for c in hits if c not in MODAL_CUES]
                if hits:
                    label = stance
                    break
            out.append(label)
        return np.asarray(out)


class ZeroShotBaseline(BaseEstimator):
    """Similarity to label descriptions.

    Args:
        embedder: Registry name of the embedder (must match the samples' vectors).
        threshold: Similarity a theme needs; :meth:`tune` sets it from dev data.
    """

    def __init__(self, embedder: str = DEFAULT_EMBEDDER, threshold: float = 0.3) -> None:
        self.embedder = embedder
        self.threshold = threshold

    def fit(self, X: Sequence[Sample] = (), y: object = None) -> ZeroShotBaseline:
        """Embed the label descriptions (the samples are not used)."""
        self.theme_protos_ = np.vstack(
            [embed(list(THEME_DESCRIPTIONS[t]), self.embedder).mean(axis=0) for t in THEMES]
        )
        self.stance_protos_ = np.vstack(
            [embed(list(STANCE_DESCRIPTIONS[s]), self.embedder).mean(axis=0) for s in STANCES]
        )
        for m in (self.theme_protos_, self.stance_protos_):
            m /= np.linalg.norm(m, axis=1, keepdims=True)
        return self

    def _vectors(self, X: Sequence[Sample]) -> np.ndarray:
        if all(s.vector is not None for s in X):
            return np.vstack([s.vector for s in X])
        return embed([s.text for s in X], self.embedder)

    def theme_similarity(self, X: Sequence[Sample]) -> np.ndarray:
        """Cosine similarity of each sample to each theme description."""
        return self._vectors(X) @ self.theme_protos_.T

    def tune(self, X: Sequence[Sample], themes: Sequence[Sequence[str]]) -> ZeroShotBaseline:
        """Pick the one similarity threshold that maximises micro-F1 on (dev) data."""
        Y = to_indicator(themes)
        sims = self.theme_similarity(X)
        grid = np.quantile(sims, THRESHOLD_GRID)
        f1 = [2 * ((sims >= t) & (Y == 1)).sum() / max((sims >= t).sum() + Y.sum(), 1) for t in grid]
        self.threshold = float(grid[int(np.argmax(f1))])
        return self

    def predict_themes(self, X: Sequence[Sample]) -> np.ndarray:
        """0/1 matrix (samples x themes)."""
        return (self.theme_similarity(X) >= self.threshold).astype(int)

    def predict_stance(self, X: Sequence[Sample]) -> np.ndarray:
        """The stance whose description is most similar."""
        return np.asarray(STANCES)[(self._vectors(X) @ self.stance_protos_.T).argmax(axis=1)]
