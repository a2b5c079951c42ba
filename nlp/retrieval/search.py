"""Comparable-clause search: dense similarity and BM25, fused, with filters.

Hybrid search fuses the two rankings by a weighted sum of the cosine and the BM25 score scaled
by the best one (:data:`FUSION` ``"weighted"``, dense weight :data:`DENSE_WEIGHT`), chosen over
reciprocal rank fusion on the corpus queries (``evaluation/retrieval/TUNING.md``); reciprocal
rank (``"rrf"``) stays available.

- :func:`~nlp.retrieval.dense.top_k` is the dense part (``dense``), a pure function over
  arrays: exact by default, or through an approximate index that :class:`ClauseIndex` builds
  only for large stores (``ANN_MIN_ROWS``).
- :class:`ClauseIndex` holds every clause with its metadata, predictions and embedding, and a
  :class:`~nlp.retrieval.lexical.LexicalIndex`; embeddings come from the store's cache, so they are
  computed once. :meth:`ClauseIndex.search` answers free-text and "more like this" queries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from nlp.errors import ClauseAtlasError
from nlp.resources import STANCES, THEMES
from nlp.retrieval.dense import ANN_MIN_ROWS, build_ann, top_k
from nlp.retrieval.embed import DEFAULT_EMBEDDER, embed
from nlp.retrieval.lexical import LexicalIndex

RRF_K = 60
POOL = 100  # candidates taken from each ranking before fusion
MODES = ("hybrid", "dense", "lexical")
@dataclass(frozen=True)
class Floor:
    """When a hit counts as comparable (below it: no answer).

    Its cosine similarity to the query is at least ``alone``, or at least ``lexical`` when the
    clause also shares a word stem with the query (BM25 found it).
    """

    lexical: float
    alone: float

    def keeps(self, hit: Hit) -> bool:
        """Whether the hit counts as comparable."""
        return hit.similarity >= self.alone or (hit.similarity >= self.lexical and "lexical" in hit.ranks)


# Per embedder (a property of its cosine scale): chosen on answerable and no-answer queries
# (evaluation/retrieval/no_answer.py); embedders without a calibrated floor keep every hit.
MIN_SIMILARITY: dict[str, Floor] = {"use-multilingual-v3": Floor(lexical=0.34, alone=0.47)}


def comparable(hits: list[Hit], floor: float | Floor | None) -> list[Hit]:
    """The hits similar enough to the query to count (none: "geen vergelijkbare clausule").

    ``floor`` is a :class:`Floor`, a plain cosine threshold, or None to keep every hit.
    """
    if floor is None:
        return hits
    rule = floor if isinstance(floor, Floor) else Floor(floor, floor)
    return [h for h in hits if rule.keeps(h)]


def min_similarity(embedder: str) -> Floor | None:
    """The calibrated no-answer floor of an embedder, or None when it has none."""
    return MIN_SIMILARITY.get(embedder)
FUSION = "weighted"  # or "rrf"; chosen on the corpus queries (evaluation/retrieval/TUNING.md)
DENSE_WEIGHT = 0.8


class SearchError(ClauseAtlasError, ValueError):
    """A query cannot be answered as asked (empty query, unknown clause, no match)."""


def rrf(rankings: Sequence[Sequence[int]], k: int = RRF_K) -> dict[int, float]:
    """Reciprocal rank fusion: ``sum(1 / (k + rank))`` over the rankings each item appears in."""
    fused: dict[int, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, 1):
            fused[item] = fused.get(item, 0.0) + 1.0 / (k + rank)
    return fused


def weighted_fusion(
    dense: dict[int, float], lexical: dict[int, float], dense_weight: float = DENSE_WEIGHT
) -> dict[int, float]:
    """Convex combination of the cosine and the BM25 score scaled by the best BM25 score.

    Items missing from one ranking get 0 for it.
    """
    top = max(lexical.values(), default=0.0) or 1.0
    items = set(dense) | set(lexical)
    return {
        i: dense_weight * dense.get(i, 0.0) + (1 - dense_weight) * lexical.get(i, 0.0) / top for i in items
    }


def _check_fusion(fusion: str) -> None:
    if fusion not in ("weighted", "rrf"):
        raise SearchError(f"unknown fusion {fusion!r}; use 'weighted' or 'rrf'")


@dataclass(frozen=True)
class Filters:
    """Restrict search to clauses whose fields take one of the given values (empty: any)."""

    themes: tuple[str, ...] = ()
    stances: tuple[str, ...] = ()
    doc_types: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    doc_ids: tuple[str, ...] = ()
    clause_ids: tuple[str, ...] = ()  # only these clauses (e.g. the evidence of a checklist provision)

    def describe(self) -> str:
        """The active filters as ``name=value,value`` pairs."""
        parts = [
            f"{name}={len(v)} clauses" if name == "clause_ids" else f"{name}={','.join(map(str, v))}"
            for name, v in self.__dict__.items()
            if v
        ]
        return " ".join(parts) or "none"


@dataclass(frozen=True)
class Hit:
    """One search result: the clause, where it comes from, its codes, score and context."""

    clause_id: str
    doc_id: str
    title: str
    doc_type: str
    country: str
    organisation: str
    year: int | None
    section: str
    page: int | None
    text: str
    themes: tuple[str, ...]
    stance: str
    score: float
    similarity: float
    before: str = ""
    after: str = ""
    ranks: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        return dict(self.__dict__)


class ClauseIndex:
    """Clauses, their metadata and codes, embeddings and a BM25 index, ready to search.

    Args:
        rows: One dict per clause with ``clause_id``, ``doc_id``, ``ordinal``, ``text``,
            ``section``, ``page``, ``title``, ``doc_type``, ``country``, ``organisation``,
            ``year``, ``themes``, ``stance``; in document order.
        vectors: ``(n, d)`` embeddings of the clause texts.
        embedder: Registry name of the embedder that made them (queries use the same).
        fusion: How hybrid search fuses the dense and lexical rankings.
        dense_weight: The dense share of a weighted fusion.
        cache_dir: Where the lexical index is cached between processes (None: not cached).
    """

    def __init__(
        self,
        rows: Sequence[dict[str, Any]],
        vectors: np.ndarray,
        embedder: str = DEFAULT_EMBEDDER,
        *,
        fusion: str = FUSION,
        dense_weight: float = DENSE_WEIGHT,
        cache_dir: Path | None = None,
    ) -> None:
        self.rows = list(rows)
        self.vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        self.embedder = embedder
        self.position = {r["clause_id"]: i for i, r in enumerate(self.rows)}
        col = lambda name: np.array([r[name] for r in self.rows], dtype=object)  # noqa: E731
        self._cols = {n: col(n) for n in ("doc_id", "doc_type", "country", "organisation", "year", "stance")}
        self._themes = np.array([[t in r["themes"] for t in THEMES] for r in self.rows], dtype=bool).reshape(
            len(self.rows), len(THEMES)
        )
        self.lexical = LexicalIndex([r["text"] for r in self.rows], cache_dir)
        self.ann = build_ann(self.vectors) if len(self.rows) >= ANN_MIN_ROWS else None
        _check_fusion(fusion)
        self.fusion = fusion
        self.dense_weight = dense_weight

    def with_fusion(self, fusion: str, dense_weight: float = DENSE_WEIGHT) -> ClauseIndex:
        """The same index (sharing its arrays) with another hybrid fusion."""
        import copy

        _check_fusion(fusion)
        other = copy.copy(self)
        other.fusion, other.dense_weight = fusion, dense_weight
        return other

    @classmethod
    def from_store(cls, store: Any, embedder: str | None = None) -> ClauseIndex:
        """Index every clause in a store (embeddings from its cache, computed where missing).

        A clause's themes and stance are a person's latest review where there is one (the Nakijken
        page, a QDA import), else the model's; the theme scores stay the model's.
        """
        docs = {d["doc_id"]: d for d in store.documents()}
        preds = store.predictions()
        reviewed = {str(a["clause_id"]): a for a in store.annotations()}
        rows = []
        for c in store.clauses():
            d, p, review = docs[c.doc_id], preds.get(c.clause_id), reviewed.get(c.clause_id)
            rows.append(
                {
                    "clause_id": c.clause_id,
                    "doc_id": c.doc_id,
                    "ordinal": c.ordinal,
                    "text": c.text,
                    "section": c.section_path,
                    "lead_in": c.lead_in,
                    "page": c.page,
                    "title": d["title"],
                    "short_title": d.get("short_title") or "",
                    "doc_type": d["doc_type"],
                    "country": d["country"] or "",
                    "organisation": d["organisation"] or "",
                    "sector": d.get("sector") or "",
                    "year": d["year"],
                    "themes": tuple(review["themes"]) if review else p.themes if p else (),
                    "theme_scores": p.theme_scores if p else {},
                    "stance": str(review["stance"]) if review else p.stance if p else "",
                    "reviewed": review is not None,
                }
            )
        name = embedder or DEFAULT_EMBEDDER
        vectors = embed([r["text"] for r in rows], name, store) if rows else np.zeros((0, 1), np.float32)
        from nlp.store.paths import default_cache_dir

        return cls(rows, vectors, name, cache_dir=default_cache_dir())

    def __len__(self) -> int:
        return len(self.rows)

    def mask(self, filters: Filters) -> np.ndarray:
        """Rows that pass the filters."""
        m = np.ones(len(self.rows), dtype=bool)
        for name, values in (
            ("doc_id", filters.doc_ids),
            ("doc_type", filters.doc_types),
            ("country", filters.countries),
            ("organisation", filters.organisations),
            ("year", filters.years),
            ("stance", filters.stances),
        ):
            if values:
                m &= np.isin(self._cols[name], list(values))
        if filters.themes:
            m &= self._themes[:, [THEMES.index(t) for t in filters.themes]].any(axis=1)
        if filters.clause_ids:
            keep = np.zeros(len(self.rows), dtype=bool)
            keep[[self.position[c] for c in filters.clause_ids if c in self.position]] = True
            m &= keep
        return m

    def check_filters(self, filters: Filters) -> None:
        """Raise :class:`SearchError` for filter values that are not known at all."""
        known = {
            "theme": (filters.themes, set(THEMES)),
            "stance": (filters.stances, set(STANCES)),
            "doc_id": (filters.doc_ids, set(self._cols["doc_id"])),
        }
        for name, (given, allowed) in known.items():
            bad = [v for v in given if v not in allowed]
            if bad:
                raise SearchError(
                    f"unknown {name} {', '.join(map(repr, bad))}; known: {', '.join(sorted(map(str, allowed))[:12])}"
                )

    def search(
        self,
        query: str | None = None,
        *,
        like: str | None = None,
        k: int = 10,
        filters: Filters | None = None,
        mode: str = "hybrid",
        min_similarity: float | Floor | None = None,
    ) -> list[Hit]:
        """Clauses comparable to a text or to a stored clause ("more like this").

        Args:
            query: Free text.
            like: A clause id; its text and embedding are the query, and it is left out.
            k: Number of results.
            filters: Restrictions on theme, stance, document type, country, organisation,
                year and document.
            mode: ``hybrid`` (dense + BM25, fused as the index's ``fusion`` says), ``dense`` or
                ``lexical``.
            min_similarity: Leave out hits below this cosine similarity to the query, or below
                a :class:`Floor` (the command line and the app pass the embedder's
                :data:`MIN_SIMILARITY`, so that a query nothing in the corpus resembles gets no
                results); None keeps every hit.

        Raises:
            SearchError: empty query, unknown clause id or filter value, unknown mode, or no
                clause passes the filters.
        """
        filters = filters or Filters()
        if mode not in MODES:
            raise SearchError(f"unknown search mode {mode!r}; use one of {', '.join(MODES)}")
        if k < 1:
            raise SearchError("k must be at least 1")
        text = self._query_text(query, like)
        self.check_filters(filters)
        mask = self.mask(filters)
        if like is not None:
            mask[self.position[like]] = False
        if not mask.any():
            raise SearchError(f"no clauses match the filters ({filters.describe()})")
        qvec = (
            self.vectors[self.position[like]]
            if like is not None and not (query or "").strip()
            else embed([text], self.embedder)[0]
        )
        fused, sims, ranks = self._rank(text, qvec, mask, mode)
        best = sorted(fused, key=lambda i: -fused[i])[:k]
        hits = [
            self._hit(
                i,
                fused[i],
                sims.get(i, float(self.vectors[i] @ qvec)),
                {m: ranks[m][i] for m in ranks if i in ranks[m]},
            )
            for i in best
        ]
        return comparable(hits, min_similarity)

    def _query_text(self, query: str | None, like: str | None) -> str:
        """The text to search for: the query, else the text of the clause ``like`` names."""
        text = (query or "").strip()
        if like is not None:
            if like not in self.position:
                import difflib

                close = difflib.get_close_matches(like, list(self.position), n=3)
                hint = f" (did you mean {', '.join(close)}?)" if close else ""
                raise SearchError(
                    f"unknown clause id {like!r}{hint}; 'clause-atlas clauses DOC_ID' lists them"
                )
            text = text or self.rows[self.position[like]]["text"]
        if not text:
            raise SearchError("empty query: give a text or --like CLAUSE_ID")
        if not len(self.rows):
            raise SearchError("the store has no clauses; run 'clause-atlas ingest' first")
        return text

    def _rank(
        self, text: str, qvec: np.ndarray, mask: np.ndarray, mode: str
    ) -> tuple[dict[int, float], dict[int, float], dict[str, dict[int, int]]]:
        """Fused scores of the candidates, their cosines, and their rank in each ranking."""
        dense_idx, dense_sc = top_k(qvec, self.vectors, POOL, mask=mask, index=self.ann)
        dense = [int(i) for i in dense_idx[0]]
        lex_scores = self.lexical.scores(text)
        lex_scores[~mask] = 0.0
        cand = np.flatnonzero(lex_scores > 0)
        lexical = [int(i) for i in cand[np.argsort(-lex_scores[cand])][:POOL]]
        sims = dict(zip(dense, map(float, dense_sc[0]), strict=True))
        if mode == "hybrid" and self.fusion == "weighted":
            fused = weighted_fusion(sims, {i: float(lex_scores[i]) for i in lexical}, self.dense_weight)
        else:
            fused = rrf({"dense": [dense], "lexical": [lexical], "hybrid": [dense, lexical]}[mode])
        ranks = {
            "dense": {i: r for r, i in enumerate(dense, 1)},
            "lexical": {i: r for r, i in enumerate(lexical, 1)},
        }
        return fused, sims, ranks

    def neighbours(self, i: int) -> tuple[str, str]:
        """The texts of the clauses before and after row ``i`` in its document ("" at an edge)."""
        doc = self.rows[i]["doc_id"]
        same = lambda j: 0 <= j < len(self.rows) and self.rows[j]["doc_id"] == doc  # noqa: E731
        return (
            self.rows[i - 1]["text"] if same(i - 1) else "",
            self.rows[i + 1]["text"] if same(i + 1) else "",
        )

    def _hit(self, i: int, score: float, similarity: float, ranks: dict[str, int]) -> Hit:
        r = self.rows[i]
        before, after = self.neighbours(i)
        return Hit(
            clause_id=r["clause_id"],
            doc_id=r["doc_id"],
            title=r["title"],
            doc_type=r["doc_type"],
            country=r["country"],
            organisation=r["organisation"],
            year=r["year"],
            section=r["section"],
            page=r["page"],
            text=r["text"],
            themes=tuple(r["themes"]),
            stance=r["stance"],
            score=round(score, 6),
            similarity=round(similarity, 4),
            before=before,
            after=after,
            ranks=ranks,
        )
