"""Compare documents: theme x stance profiles and clause alignment (pairs, unique clauses).

Works on a :class:`~nlp.retrieval.search.ClauseIndex` (clauses with predictions and embeddings).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from nlp.errors import UnknownDocumentError
from nlp.resources import STANCES, THEMES
from nlp.retrieval.search import ClauseIndex

NO_THEME = "(no theme)"
# USE cosine from which a clause's best match in another document counts as comparable, chosen on
# 240 pairs judged by reading (evaluation/retrieval/compare_threshold.py): F1 is flat from 0.55 to
# 0.70 and the lowest of those keeps the most comparable pairs (precision 0.35, recall 0.75).
ALIGN_THRESHOLD = 0.55


def _rows(index: ClauseIndex, doc_id: str) -> np.ndarray:
    rows = np.flatnonzero(index._cols["doc_id"] == doc_id)
    if not len(rows):
        raise UnknownDocumentError(doc_id, sorted(set(index._cols["doc_id"])))
    return rows


@dataclass(frozen=True)
class Profile:
    """Clause counts of one document by theme x stance, and its share of commitments per theme."""

    doc_id: str
    title: str
    doc_type: str
    n_clauses: int
    counts: dict[str, dict[str, int]]
    binding_share: dict[str, float]


def profile(index: ClauseIndex, doc_id: str) -> Profile:
    """Theme x stance counts of a document (a clause counts once under each of its themes)."""
    rows = _rows(index, doc_id)
    counts = {t: dict.fromkeys(STANCES, 0) for t in (*THEMES, NO_THEME)}
    for i in rows:
        r = index.rows[i]
        for t in r["themes"] or (NO_THEME,):
            if r["stance"] in counts[t]:
                counts[t][r["stance"]] += 1
    share = {t: (counts[t]["commitment"] / n if (n := sum(counts[t].values())) else 0.0) for t in THEMES}
    first = index.rows[rows[0]]
    return Profile(doc_id, first["title"], first["doc_type"], len(rows), counts, share)


@dataclass(frozen=True)
class Pair:
    """A clause of A and its best match on the other side."""

    a: str
    b: str
    similarity: float
    themes: tuple[str, ...]


@dataclass
class Alignment:
    """Result of aligning document A with B (another document or the rest of the corpus)."""

    doc_a: str
    doc_b: str
    threshold: float
    pairs: list[Pair] = field(default_factory=list)
    only_a: list[str] = field(default_factory=list)
    only_b: list[str] = field(default_factory=list)

    def by_theme(self, index: ClauseIndex) -> dict[str, dict[str, list[Any]]]:
        """Pairs and unique clauses grouped under each theme of their (A-side) clause."""
        out: dict[str, dict[str, list[Any]]] = {
            t: {"pairs": [], "only_a": [], "only_b": []} for t in (*THEMES, NO_THEME)
        }
        for p in self.pairs:
            for t in p.themes or (NO_THEME,):
                out[t]["pairs"].append(p)
        for key in ("only_a", "only_b"):
            for cid in getattr(self, key):
                for t in index.rows[index.position[cid]]["themes"] or (NO_THEME,):
                    out[t][key].append(cid)
        return out


def align(
    index: ClauseIndex, doc_a: str, doc_b: str | None = None, *, threshold: float = ALIGN_THRESHOLD
) -> Alignment:
    """Best match of every clause of A among B's clauses (B None: all other documents).

    A clause of A is paired when its best match reaches ``threshold``, otherwise it is unique
    to A; a clause of B that is no clause's best match above the threshold, and is not close
    to any clause of A, is unique to B (for the corpus side: only B clauses sharing a theme
    with A are listed, so "unique to the corpus" stays readable).
    """
    ra = _rows(index, doc_a)
    rb = _rows(index, doc_b) if doc_b is not None else np.flatnonzero(index._cols["doc_id"] != doc_a)
    sims = index.vectors[ra] @ index.vectors[rb].T if len(rb) else np.zeros((len(ra), 0))
    result = Alignment(doc_a, doc_b or "(corpus)", threshold)
    for row_i, i in enumerate(ra):
        j = int(np.argmax(sims[row_i])) if sims.shape[1] else -1
        a = index.rows[i]
        if j >= 0 and sims[row_i, j] >= threshold:
            result.pairs.append(
                Pair(
                    a["clause_id"],
                    index.rows[rb[j]]["clause_id"],
                    round(float(sims[row_i, j]), 4),
                    tuple(a["themes"]),
                )
            )
        else:
            result.only_a.append(a["clause_id"])
    close_to_a = (sims >= threshold).any(axis=0) if sims.size else np.zeros(len(rb), dtype=bool)
    themes_a = {t for i in ra for t in index.rows[i]["themes"]}
    for col, j in enumerate(rb):
        b = index.rows[j]
        if close_to_a[col]:
            continue
        if doc_b is None and not (set(b["themes"]) & themes_a):
            continue
        result.only_b.append(b["clause_id"])
    return result
