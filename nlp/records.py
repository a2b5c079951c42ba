"""Typed records passed between pipeline stages.

All records are frozen dataclasses. Offsets (``start``, ``end``) are character offsets into the
document's cleaned text, so that ``doc.text[c.start:c.end] == c.text`` holds for every clause.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import numpy as np

DocType = Literal["policy_brief", "covenant", "cao", "union_guide", "report", "other"]
DOC_TYPES: tuple[str, ...] = ("policy_brief", "covenant", "cao", "union_guide", "report", "other")
COUNTRIES: tuple[str, ...] = ("NL", "BE", "EU")

BlockKind = Literal["heading", "paragraph", "item"]
ClauseKind = Literal["sentence", "item", "provision"]


@dataclass(frozen=True)
class DocumentMeta:
    """Metadata of a document (LABELS.md section 5)."""

    doc_id: str
    title: str
    doc_type: str = "other"
    organisation: str = ""
    sector: str = ""
    country: str = ""
    year: int | None = None
    language: str = "nl"
    source: str = ""
    short_title: str = ""  # for tables and charts; the title when empty


@dataclass(frozen=True)
class RawBlock:
    """A block of text as a reader or the layout stage found it, before offsets exist.

    Attributes:
        kind: ``heading``, ``paragraph`` or ``item`` (list item or numbered provision).
        text: The block's text on one line (no line breaks).
        page: 1-based page number where the block starts, if known.
        marker: The list marker or number in front of the text ("•", "2.", "a)", "Artikel 3").
        level: Heading depth (1 = chapter) or list nesting depth; 0 if unknown.
    """

    kind: BlockKind
    text: str
    page: int | None = None
    marker: str = ""
    level: int = 0


@dataclass(frozen=True)
class Extracted:
    """What a reader got out of a file.

    Line-based sources (PDF, plain text) fill ``pages`` with the raw text of each page;
    structured sources (DOCX, HTML, Markdown) fill ``blocks`` directly.
    """

    path: str
    fmt: str
    pages: tuple[str, ...] = ()
    blocks: tuple[RawBlock, ...] = ()
    title: str = ""
    content_hash: str = ""


@dataclass(frozen=True)
class Block:
    """A structural block of the cleaned text, addressed by offsets."""

    kind: BlockKind
    start: int
    end: int
    page: int | None = None
    marker: str = ""
    level: int = 0


@dataclass(frozen=True)
class Document:
    """A cleaned document: its metadata, cleaned text and structural blocks."""

    meta: DocumentMeta
    text: str
    blocks: tuple[Block, ...]
    content_hash: str = ""
    source_path: str = ""
    fmt: str = ""
    n_pages: int | None = None

    @property
    def doc_id(self) -> str:
        """The document's identifier."""
        return self.meta.doc_id

    def block_text(self, block: Block) -> str:
        """Return the text of one of this document's blocks."""
        return self.text[block.start : block.end]


@dataclass(frozen=True)
class Clause:
    """One clause: the unit that is classified, searched and compared.

    Attributes:
        doc_id: Document the clause belongs to.
        ordinal: 0-based position in the document.
        text: The clause text, equal to ``doc.text[start:end]``.
        start: Start offset in the cleaned text.
        end: End offset in the cleaned text.
        section: Heading path, outermost first.
        page: 1-based page where the clause starts, if known.
        kind: ``sentence``, list ``item`` or numbered ``provision``.
        marker: List marker or number of an item or provision ("•", "2", "b").
        lead_in: The lead-in line that introduces the list this item belongs to, if any.
    """

    doc_id: str
    ordinal: int
    text: str
    start: int
    end: int
    section: tuple[str, ...] = ()
    page: int | None = None
    kind: ClauseKind = "sentence"
    marker: str = ""
    lead_in: str = ""

    @property
    def clause_id(self) -> str:
        """Stable identifier ``<doc_id>:<ordinal>``."""
        return f"{self.doc_id}:{self.ordinal}"

    @property
    def section_path(self) -> str:
        """The section path joined with " > "."""
        return " > ".join(self.section)


@dataclass(frozen=True)
class Progress:
    """One step of a long run, for a progress bar: ``done`` of ``total`` in a stage.

    Attributes:
        stage: ``"read"`` (reading, segmenting and coding files) or ``"code"`` (coding documents
            stored earlier that this model has not coded yet).
        done: Items finished in this stage.
        total: Items in this stage.
        item: The item just finished (a file or document name).
    """

    stage: str
    done: int
    total: int
    item: str = ""


@dataclass(frozen=True, eq=False)
class Sample:
    """A clause as the classifiers see it.

    Attributes:
        text: The clause text.
        doc_type: Type of its document (LABELS.md section 5); modality depends on it.
        section: Its section path, joined with " > " (may be empty).
        vector: Its embedding, if already computed (see :func:`nlp.retrieval.embed.embed`).
        context: Text of the neighbouring clauses (may be empty).
    """

    text: str
    doc_type: str = "other"
    section: str = ""
    vector: np.ndarray | None = None
    context: str = ""


@dataclass(frozen=True)
class Neighbour:
    """A labelled gold clause close to a predicted one (part of an explanation)."""

    gold_id: str
    text: str
    themes: tuple[str, ...]
    stance: str
    similarity: float


@dataclass(frozen=True)
class Explanation:
    """Why a prediction came out as it did.

    Attributes:
        theme_cues: Per predicted theme, the terms that pushed its score up most.
        stance_cues: The terms that pushed the predicted stance up most.
        neighbours: The nearest labelled gold clauses.
    """

    theme_cues: dict[str, tuple[str, ...]]
    stance_cues: tuple[str, ...]
    neighbours: tuple[Neighbour, ...] = ()

    def summary(self) -> str:
        """One line for people: cue terms and the nearest gold clause."""
        parts = [f"{t}: {', '.join(c)}" for t, c in self.theme_cues.items() if c]
        if self.stance_cues:
            parts.append(f"stance: {', '.join(self.stance_cues)}")
        if self.neighbours:
            n = self.neighbours[0]
            parts.append(f"nearest gold {n.gold_id} ({n.similarity:.2f})")
        return "; ".join(parts)


@dataclass(frozen=True)
class Prediction:
    """Themes and stance of one clause, with calibrated scores and an explanation."""

    themes: tuple[str, ...]
    theme_scores: dict[str, float]
    stance: str
    stance_scores: dict[str, float]
    explanation: Explanation
    model_version: str = ""

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form (the ``classify`` output and the stored explanation)."""
        e = self.explanation
        return {
            "themes": list(self.themes),
            "theme_scores": dict(self.theme_scores),
            "stance": self.stance,
            "stance_scores": dict(self.stance_scores),
            "explanation": {
                "summary": e.summary(),
                "theme_cues": {k: list(v) for k, v in e.theme_cues.items()},
                "stance_cues": list(e.stance_cues),
                "neighbours": [
                    {
                        "gold_id": n.gold_id,
                        "text": n.text,
                        "themes": list(n.themes),
                        "stance": n.stance,
                        "similarity": n.similarity,
                    }
                    for n in e.neighbours
                ],
            },
            "model_version": self.model_version,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Prediction:
        """Inverse of :meth:`to_dict`."""
        e = d.get("explanation") or {}
        return cls(
            themes=tuple(d["themes"]),
            theme_scores=dict(d["theme_scores"]),
            stance=d["stance"],
            stance_scores=dict(d["stance_scores"]),
            explanation=Explanation(
                {k: tuple(v) for k, v in e.get("theme_cues", {}).items()},
                tuple(e.get("stance_cues", ())),
                tuple(
                    Neighbour(n["gold_id"], n["text"], tuple(n["themes"]), n["stance"], n["similarity"])
                    for n in e.get("neighbours", ())
                ),
            ),
            model_version=d.get("model_version", ""),
        )


def clause_to_dict(clause: Clause) -> dict[str, object]:
    """A JSON-ready dict of a clause, with its id and section path."""
    d = asdict(clause)
    d["section"] = clause.section_path
    d["clause_id"] = clause.clause_id
    return d


def to_json(obj: object) -> str:
    """Serialise to one JSON line, keeping Dutch characters readable."""
    return json.dumps(obj, ensure_ascii=False, default=str)
