"""Topic browsing with BERTopic on the cached clause embeddings.

- Embeddings are passed in (``fit(texts, embeddings)``); no embedding model is given to
  BERTopic, so it never tries to load or download one.
- Dutch: spaCy's Dutch stop words, a vectorizer whose tokens keep compounds and hyphenated
  words whole ("risico-inventarisatie"), ``language="multilingual"`` (the English default strips
  accented letters from topic words).
- Guided by the four themes: their cue words (``nlp.resources.THEME_CUES``) are BERTopic's
  ``seed_topic_list``; free topics form beside them.
- Stable: UMAP's ``random_state`` is the seed; :func:`stability` fits several seeds and reports
  the adjusted Rand index between runs and how well topics match by keywords.
- Outliers: HDBSCAN's outlier topic (-1) is reduced to a budget (default 15% of clauses) by
  assigning the outliers closest to a topic centroid (``reduce_outliers``, strategy
  "embeddings", with the threshold chosen to meet the budget).

BERTopic is imported lazily: the rest of Clause Atlas starts without it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from nlp.errors import ClauseAtlasError
from nlp.resources import THEME_CUES, THEMES

OUTLIER_BUDGET = 0.15
MIN_TOPIC_SIZE = 30
TOKEN_PATTERN = r"(?u)\b\w[\w'-]*\w\b"
DEFAULT_TOPICS_DIR = Path(__file__).resolve().parents[2] / "models" / "topics"


class TopicsError(ClauseAtlasError, RuntimeError):
    """Topic modelling cannot run (BERTopic missing, too few clauses, no saved model)."""


@dataclass
class TopicResult:
    """A fitted topic model with the assignment of every clause."""

    model: Any
    topics: list[int]
    outlier_share_before: float
    outlier_share: float
    seed: int
    info: dict[str, Any] = field(default_factory=dict)

    def labels(self, n_words: int = 4) -> dict[int, str]:
        """A short label per topic: its strongest c-TF-IDF words."""
        out = {}
        for t in sorted(set(self.topics)):
            words = [w for w, _ in (self.model.get_topic(t) or [])][:n_words]
            out[t] = "uitschieters" if t == -1 else " · ".join(words)
        return out


def _bertopic() -> Any:
    try:
        from bertopic import BERTopic
    except ImportError as exc:
        raise TopicsError(
            "BERTopic is not installed; run 'make app' or: pip install --no-deps bertopic==0.17.4 (see README)"
        ) from exc
    return BERTopic


def seed_topics() -> list[list[str]]:
    """Seed word lists for the four themes (single words only, as BERTopic matches tokens)."""
    return [[w for w in THEME_CUES[t] if " " not in w.strip() and len(w) > 3] for t in THEMES]


def build_model(seed: int = 0, min_topic_size: int = MIN_TOPIC_SIZE, guided: bool = True) -> Any:
    """An unfitted BERTopic configured for Dutch clauses (no embedding model)."""
    from hdbscan import HDBSCAN
    from sklearn.feature_extraction.text import CountVectorizer
    from spacy.lang.nl.stop_words import STOP_WORDS
    from umap import UMAP

    BERTopic = _bertopic()
    return BERTopic(
        language="multilingual",
        embedding_model=None,
        umap_model=UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", random_state=seed),
        hdbscan_model=HDBSCAN(
            min_cluster_size=min_topic_size,
            min_samples=5,
            cluster_selection_method="leaf",
            prediction_data=True,
        ),
        vectorizer_model=CountVectorizer(
            stop_words=sorted(STOP_WORDS), token_pattern=TOKEN_PATTERN, ngram_range=(1, 2)
        ),
        seed_topic_list=seed_topics() if guided else None,
        min_topic_size=min_topic_size,
        top_n_words=10,
    )


def _budget(
    model: Any, texts: Sequence[str], topics: list[int], embeddings: np.ndarray, budget: float
) -> list[int]:
    """Assign the outliers nearest to a topic until at most ``budget`` of all clauses remain."""
    outliers = [i for i, t in enumerate(topics) if t == -1]
    allowed = int(budget * len(topics))
    if len(outliers) <= allowed:
        return topics
    ids = sorted(t for t in set(topics) if t != -1)
    if not ids:
        return topics
    centroids = np.vstack([embeddings[[i for i, x in enumerate(topics) if x == t]].mean(axis=0) for t in ids])
    centroids /= np.linalg.norm(centroids, axis=1, keepdims=True)
    sims = (embeddings[outliers] @ centroids.T).max(axis=1)
    keep_out = len(outliers) - (len(outliers) - allowed)
    threshold = float(np.sort(sims)[keep_out - 1]) if keep_out > 0 else -1.0
    new = model.reduce_outliers(
        list(texts), topics, strategy="embeddings", embeddings=embeddings, threshold=threshold
    )
    return [int(t) for t in new]


def fit(
    texts: Sequence[str],
    embeddings: np.ndarray,
    *,
    seed: int = 0,
    outlier_budget: float = OUTLIER_BUDGET,
    min_topic_size: int = MIN_TOPIC_SIZE,
    guided: bool = True,
) -> TopicResult:
    """Fit topics on clause texts with their precomputed embeddings.

    Raises:
        TopicsError: BERTopic is missing or there are too few clauses.
    """
    if len(texts) < 5 * min_topic_size:
        raise TopicsError(f"too few clauses for topics ({len(texts)}; need at least {5 * min_topic_size})")
    emb = np.asarray(embeddings, dtype=np.float32)
    model = build_model(seed, min_topic_size, guided)
    topics, _ = model.fit_transform(list(texts), emb)
    topics = [int(t) for t in topics]
    before = topics.count(-1) / len(topics)
    reduced = _budget(model, texts, topics, emb, outlier_budget)
    if reduced != topics:
        model.update_topics(list(texts), topics=reduced, vectorizer_model=model.vectorizer_model)
    return TopicResult(model, reduced, before, reduced.count(-1) / len(reduced), seed)


def keyword_match(a: TopicResult, b: TopicResult, n_words: int = 10) -> float:
    """Mean Jaccard overlap of topic keywords after matching topics one to one (Hungarian)."""
    from scipy.optimize import linear_sum_assignment

    def words(r: TopicResult) -> list[set[str]]:
        return [
            {w for w, _ in (r.model.get_topic(t) or [])[:n_words]} for t in sorted(set(r.topics)) if t != -1
        ]

    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    jac = np.array([[len(x & y) / max(len(x | y), 1) for y in wb] for x in wa])
    rows, cols = linear_sum_assignment(-jac)
    return float(jac[rows, cols].sum() / max(len(wa), len(wb)))


def stability(
    texts: Sequence[str], embeddings: np.ndarray, seeds: Sequence[int] = (0, 1, 2), **kw: Any
) -> dict[str, Any]:
    """Fit once per seed; adjusted Rand index and keyword matching between every pair of runs."""
    from sklearn.metrics import adjusted_rand_score

    runs = [fit(texts, embeddings, seed=s, **kw) for s in seeds]
    pairs = [(i, j) for i in range(len(runs)) for j in range(i + 1, len(runs))]
    ari = [adjusted_rand_score(runs[i].topics, runs[j].topics) for i, j in pairs]
    kw_match = [keyword_match(runs[i], runs[j]) for i, j in pairs]
    return {
        "seeds": list(seeds),
        "n_topics": [len(set(r.topics)) - (1 if -1 in r.topics else 0) for r in runs],
        "outliers_before": [round(r.outlier_share_before, 3) for r in runs],
        "outliers_after": [round(r.outlier_share, 3) for r in runs],
        "ari_mean": round(float(np.mean(ari)), 3),
        "ari": [round(float(x), 3) for x in ari],
        "keyword_match_mean": round(float(np.mean(kw_match)), 3),
    }


def cross_table(topics: Sequence[int], themes: Sequence[Sequence[str]]) -> dict[int, dict[str, int]]:
    """Topic x theme counts (a clause counts under each of its themes, or "none")."""
    out: dict[int, dict[str, int]] = {}
    for t, ths in zip(topics, themes, strict=True):
        row = out.setdefault(int(t), dict.fromkeys((*THEMES, "none"), 0))
        for th in ths or ("none",):
            row[th] += 1
    return dict(sorted(out.items()))


def per_class(result: TopicResult, texts: Sequence[str], classes: Sequence[str]) -> list[dict[str, Any]]:
    """Topic frequencies per class (document type, organisation, year) via ``topics_per_class``."""
    df = result.model.topics_per_class(list(texts), classes=[str(c) for c in classes])
    return [
        {"topic": int(r.Topic), "words": str(r.Words), "frequency": int(r.Frequency), "class": str(r.Class)}
        for r in df.itertuples()
    ]


def fit_index(
    index: Any,
    *,
    seed: int = 0,
    outlier_budget: float = OUTLIER_BUDGET,
    min_topic_size: int = MIN_TOPIC_SIZE,
    folder: str | Path | None = None,
) -> TopicResult:
    """Fit topics on every clause of a search index and save them with their cross tables.

    What ``clause-atlas topics fit`` and the app's "opnieuw berekenen" button do: :func:`fit` on
    the cached embeddings, the topic x theme table, topics per document type, organisation and
    year, then :func:`save` (``models/topics`` unless ``folder``).

    Raises:
        TopicsError: BERTopic is missing or there are too few clauses.
    """
    texts = [r["text"] for r in index.rows]
    result = fit(texts, index.vectors, seed=seed, outlier_budget=outlier_budget, min_topic_size=min_topic_size)
    result.info["cross_table"] = {
        str(k): v for k, v in cross_table(result.topics, [r["themes"] for r in index.rows]).items()
    }
    for key, column in (("per_doc_type", "doc_type"), ("per_organisation", "organisation"), ("per_year", "year")):
        result.info[key] = per_class(result, texts, [str(r[column] or "?") for r in index.rows])
    save(result, folder or DEFAULT_TOPICS_DIR, [r["clause_id"] for r in index.rows])
    return result


def save(result: TopicResult, folder: str | Path, clause_ids: Sequence[str]) -> Path:
    """Save with BERTopic's safetensors serialisation (no pickle) plus the clause assignments."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    result.model.save(
        str(folder / "bertopic"), serialization="safetensors", save_ctfidf=True, save_embedding_model=False
    )
    info = {
        "seed": result.seed,
        "outlier_share_before": result.outlier_share_before,
        "outlier_share": result.outlier_share,
        "labels": {str(k): v for k, v in result.labels().items()},
        **result.info,
    }
    (folder / "assignments.json").write_text(
        json.dumps(
            {"clause_ids": list(clause_ids), "topics": result.topics, "info": info}, ensure_ascii=False
        ),
        encoding="utf-8",
    )
    return folder


def load(folder: str | Path | None = None) -> tuple[Any, dict[str, Any]]:
    """Load a saved topic model and its assignments.

    Raises:
        TopicsError: nothing saved there, or BERTopic missing.
    """
    folder = Path(folder) if folder is not None else DEFAULT_TOPICS_DIR
    if not (folder / "assignments.json").is_file() or not (folder / "bertopic").is_dir():
        raise TopicsError(f"no topic model at {folder}; run 'clause-atlas topics fit'")
    model = _bertopic().load(str(folder / "bertopic"))
    return model, json.loads((folder / "assignments.json").read_text(encoding="utf-8"))
