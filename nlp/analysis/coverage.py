"""Coverage: which documents address which themes, how strongly, and where the gaps are.

- :func:`matrix`: documents x themes with clause counts, commitments and the strongest stance.
- :func:`gaps`: themes a document never addresses, or addresses without any commitment or
  recommendation.
- :func:`peer_gaps`: themes most documents of the same type cover but this one does not, with
  the best example clauses from those peers.
"""

from __future__ import annotations

from dataclasses import dataclass

from nlp.errors import UnknownDocumentError
from nlp.resources import STANCES, THEMES
from nlp.retrieval.search import ClauseIndex

# Strength order of stances (LABELS.md decision order): earlier is stronger.
STRENGTH = {s: i for i, s in enumerate(STANCES)}
PEER_SHARE = 0.5  # a theme is a peer norm when more than this share of peers cover it
EXAMPLES = 3


@dataclass(frozen=True)
class Cell:
    """One document x theme cell."""

    doc_id: str
    theme: str
    clauses: int
    commitments: int
    recommendations: int
    strongest: str  # strongest stance present, "" when the theme is absent


@dataclass(frozen=True)
class Gap:
    """A theme a document leaves open."""

    doc_id: str
    theme: str
    kind: str  # "absent" or "no commitment or recommendation" or "peer gap"
    examples: tuple[str, ...] = ()  # clause ids from peers
    clauses: int = 0  # the document's clauses on the theme
    strongest: str = ""  # their strongest stance
    covering: int = 0  # peer gap: peers (same document type) that cover the theme ...
    peers: int = 0  # ... out of this many
    doc_type: str = ""

    @property
    def detail(self) -> str:
        """A short English explanation (the command line's wording)."""
        if self.kind == "peer gap":
            return f"{self.covering} of {self.peers} {self.doc_type} documents cover it"
        if self.kind == "no commitment or recommendation":
            return f"{self.clauses} clauses, strongest: {self.strongest}"
        return ""


def documents(index: ClauseIndex) -> dict[str, dict[str, object]]:
    """Metadata of every indexed document, in index order."""
    out: dict[str, dict[str, object]] = {}
    for r in index.rows:
        out.setdefault(
            r["doc_id"], {k: r[k] for k in ("title", "doc_type", "country", "organisation", "year")}
        )
    return out


def matrix(index: ClauseIndex, doc_id: str | None = None) -> list[Cell]:
    """Cells of the coverage matrix (all documents, or one), theme by theme."""
    docs = documents(index)
    if doc_id is not None and doc_id not in docs:
        raise UnknownDocumentError(doc_id, sorted(docs))
    tally: dict[tuple[str, str], list[str]] = {}
    for r in index.rows:
        if doc_id is None or r["doc_id"] == doc_id:
            for t in r["themes"]:
                tally.setdefault((r["doc_id"], t), []).append(r["stance"])
    cells = []
    for d in docs if doc_id is None else [doc_id]:
        for t in THEMES:
            st = tally.get((d, t), [])
            strongest = min(st, key=lambda s: STRENGTH.get(s, len(STANCES))) if st else ""
            cells.append(Cell(d, t, len(st), st.count("commitment"), st.count("recommendation"), strongest))
    return cells


def gaps(index: ClauseIndex, doc_id: str | None = None) -> list[Gap]:
    """Absent themes and themes without any commitment or recommendation."""
    out = []
    for c in matrix(index, doc_id):
        if c.clauses == 0:
            out.append(Gap(c.doc_id, c.theme, "absent"))
        elif c.commitments == 0 and c.recommendations == 0:
            out.append(
                Gap(c.doc_id, c.theme, "no commitment or recommendation", clauses=c.clauses, strongest=c.strongest)
            )
    return out


def peer_gaps(index: ClauseIndex, doc_id: str | None = None, *, share: float = PEER_SHARE) -> list[Gap]:
    """Themes covered by more than ``share`` of the other documents of the same type but absent here.

    Each gap carries up to three example clauses from those peers: commitments first, then
    by the model's theme score.
    """
    docs = documents(index)
    cells = {(c.doc_id, c.theme): c for c in matrix(index)}
    out = []
    for d in docs if doc_id is None else [doc_id]:
        if d not in docs:
            raise UnknownDocumentError(d, sorted(docs))
        peers = [p for p, m in docs.items() if p != d and m["doc_type"] == docs[d]["doc_type"]]
        if not peers:
            continue
        for t in THEMES:
            covering = [p for p in peers if cells[(p, t)].clauses > 0]
            if cells[(d, t)].clauses == 0 and len(covering) > share * len(peers):
                cands = [r for r in index.rows if r["doc_id"] in covering and t in r["themes"]]
                cands.sort(
                    key=lambda r: (
                        STRENGTH.get(r["stance"], 9),
                        -float(r.get("theme_scores", {}).get(t, 0.0)),
                    )
                )
                out.append(
                    Gap(
                        d,
                        t,
                        "peer gap",
                        tuple(r["clause_id"] for r in cands[:EXAMPLES]),
                        covering=len(covering),
                        peers=len(peers),
                        doc_type=str(docs[d]["doc_type"]),
                    )
                )
    return out
