"""Train the clause coder from gold data.

Real clauses (taken as published from real documents) come first; clauses written for the gold
set are extra training data with their own weight (``written_weight``; 0 leaves them out).
Protocol (fixed, so figures are reproducible):

1. fit on the ``train`` split; tune each theme's threshold on the real clauses of ``dev``;
2. refit on ``train`` + ``dev`` with the same hyper-parameters and the tuned thresholds;
3. the ``test`` split is never used here (see :mod:`nlp.coding.evaluate`).

Reviewed labels from the store (corrections made in the app or imported from a QDA tool) can
be added to the training data; they never enter dev or test.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import numpy as np

from nlp.coding.classify import ClauseCoder
from nlp.coding.features import ClauseFeatures
from nlp.coding.gold import GoldClause, select
from nlp.coding.heads import StanceClassifier, ThemeClassifier
from nlp.records import Sample
from nlp.retrieval.embed import DEFAULT_EMBEDDER, embed

# Hyper-parameters compared by cross-validation over the real documents of train + dev
# (evaluation/classification/tune.py, TUNING.md); the model card gives the decisions.
DEFAULT_CONFIG: dict[str, Any] = {
    # Weight of clauses written for the gold set against real clauses (weight 1).
    "written_weight": 0.5,
    # Themes: the document type does not help (a theme is what a clause is about, whatever the
    # document), cue words weigh more. Stance: the document type matters ("moet").
    "themes": {
        "C": 4.0,
        "features": {"word": 1.0, "char": 1.0, "embedding": 1.0, "cues": 1.0, "doc_type": 0.0},
    },
    "stance": {
        "C": 4.0,
        "features": {"word": 1.0, "char": 1.0, "embedding": 1.0, "cues": 0.5, "doc_type": 0.5},
    },
}
MODEL_VERSION_PREFIX = "coder-1"


def samples(gold: Sequence[GoldClause], vectors: dict[str, np.ndarray] | None = None) -> list[Sample]:
    """Classifier inputs for gold clauses, with their embeddings when given (keyed by id)."""
    return [
        Sample(g.text, g.doc_type, g.section, vectors.get(g.id) if vectors else None, g.context) for g in gold
    ]


def embed_gold(
    gold: Sequence[GoldClause], embedder: str = DEFAULT_EMBEDDER, store: Any = None
) -> dict[str, np.ndarray]:
    """Embeddings of gold clauses keyed by id (cached in ``store`` when given)."""
    vecs = embed([g.text for g in gold], embedder, store)
    return {g.id: v for g, v in zip(gold, vecs, strict=True)}


def _written_weight(config: dict[str, Any], head: str) -> float:
    return float(config.get(head, {}).get("written_weight", config.get("written_weight", 1.0)))


def weights(gold: Sequence[GoldClause], config: dict[str, Any] | None = None) -> dict[str, np.ndarray]:
    """Training weight of each clause per head: 1 for real clauses, the head's ``written_weight`` for written ones.

    A head's own ``written_weight`` (``config["themes"]["written_weight"]``) overrides the global one.
    """
    config = config or DEFAULT_CONFIG
    return {
        head: np.array([_written_weight(config, head) if g.synthetic else 1.0 for g in gold])
        for head in ("themes", "stance")
    }


def training_set(gold: Sequence[GoldClause], config: dict[str, Any] | None = None) -> list[GoldClause]:
    """The clauses to fit on: written ones only when some head weighs them above 0."""
    config = config or DEFAULT_CONFIG
    keep = max(_written_weight(config, h) for h in ("themes", "stance")) > 0
    return [g for g in gold if keep or not g.synthetic]


def make_coder(config: dict[str, Any] | None = None, embedder: str = DEFAULT_EMBEDDER) -> ClauseCoder:
    """An unfitted coder from a configuration (default: :data:`DEFAULT_CONFIG`)."""
    config = config or DEFAULT_CONFIG
    heads = {}
    for name, cls in (("themes", ThemeClassifier), ("stance", StanceClassifier)):
        c = config[name]
        heads[name] = cls(
            features=ClauseFeatures(embedder=embedder, **c.get("features", {})),
            C=c.get("C", 4.0),
            class_weight=c.get("class_weight", "balanced"),
        )
    return ClauseCoder(themes=heads["themes"], stance=heads["stance"])


def fit_and_tune(
    train: Sequence[GoldClause],
    dev: Sequence[GoldClause],
    vectors: dict[str, np.ndarray],
    config: dict[str, Any] | None = None,
    embedder: str = DEFAULT_EMBEDDER,
) -> ClauseCoder:
    """Step 1 of the protocol: fit on ``train``, tune thresholds on ``dev``."""
    coder = make_coder(config, embedder)
    train = training_set(train, config)
    dev = [g for g in dev if not g.synthetic]
    coder.fit(
        samples(train, vectors),
        [g.themes for g in train],
        [g.stance for g in train],
        ids=[g.id for g in train],
        groups=[g.doc_id for g in train],
        sample_weight=weights(train, config),
    )
    if dev:
        coder.tune(samples(dev, vectors), [g.themes for g in dev])
    return coder


def train(
    gold: Sequence[GoldClause],
    *,
    extra: Sequence[GoldClause] = (),
    config: dict[str, Any] | None = None,
    embedder: str = DEFAULT_EMBEDDER,
    store: Any = None,
) -> ClauseCoder:
    """Run the whole protocol and return the final coder (fitted on train + dev).

    Args:
        gold: All gold clauses (with splits).
        extra: Further training clauses (e.g. reviewed labels); always used as train data.
        config: Hyper-parameters (default :data:`DEFAULT_CONFIG`).
        embedder: Registry name of the embedder.
        store: Store whose embedding cache is used.
    """
    extra = [replace(g, split="train") for g in extra]
    tr, dev = select(gold, "train") + list(extra), select(gold, "dev")
    vectors = embed_gold([*tr, *dev], embedder, store)
    tuned = fit_and_tune(tr, dev, vectors, config, embedder)
    final = make_coder(config, embedder)
    both = training_set([*tr, *dev], config)
    final.fit(
        samples(both, vectors),
        [g.themes for g in both],
        [g.stance for g in both],
        ids=[g.id for g in both],
        groups=[g.doc_id for g in both],
        sample_weight=weights(both, config),
    )
    final.themes.thresholds_ = tuned.themes.thresholds_.copy()
    stamp = datetime.now(UTC).strftime("%Y%m%d")
    final.version = f"{MODEL_VERSION_PREFIX}-{stamp}-{len(both)}"
    final.info = {
        "trained_on": {
            "train": len(training_set(tr, config)),
            "dev": len(training_set(dev, config)),
            "extra": len(extra),
            "real": sum(not g.synthetic for g in both),
            "written": sum(g.synthetic for g in both),
        },
        "documents": {s: sorted({g.doc_id for g in select(gold, s)}) for s in ("train", "dev", "test")},
        "embedder": embedder,
        "config": config or DEFAULT_CONFIG,
        "thresholds": dict(zip(final.themes.labels, map(float, final.themes.thresholds_), strict=True)),
        "stance_temperature": final.stance.temperature_,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    return final
