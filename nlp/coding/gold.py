"""Gold theme/stance data: records, loading and the fixed split by document.

The gold file (``evaluation/gold/classification/gold.jsonl``) has one labelled clause per line
(see ``evaluation/gold/classification/GUIDELINES.md``); every record names its split, and all
clauses of a document share one split.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from nlp.errors import ClauseAtlasError
from nlp.records import DOC_TYPES, Sample
from nlp.resources import STANCES, THEMES

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "evaluation" / "gold" / "classification" / "gold.jsonl"
SPLITS = ("train", "dev", "test")


class GoldError(ClauseAtlasError, ValueError):
    """A gold file or line is invalid."""


@dataclass(frozen=True)
class GoldClause:
    """One labelled clause."""

    id: str
    doc_id: str
    text: str
    themes: tuple[str, ...]
    stance: str
    doc_type: str = "other"
    section: str = ""
    split: str = "train"
    synthetic: bool = False
    source: str = "corpus"
    extra: dict[str, object] = field(default_factory=dict, compare=False)

    @property
    def context(self) -> str:
        """Text of the neighbouring clauses, if the gold file records it."""
        return str(self.extra.get("context", ""))

    def sample(self) -> Sample:
        """The clause as classifier input."""
        return Sample(self.text, self.doc_type, self.section, context=self.context)


def parse(obj: object, where: str) -> GoldClause:
    """Validate one gold record (a parsed JSON object).

    Raises:
        GoldError: a field is missing or has an illegal value; the message names ``where``.
    """
    if not isinstance(obj, dict):
        raise GoldError(f"{where}: expected a JSON object")
    for key in ("id", "doc_id", "text", "themes", "stance"):
        if key not in obj:
            raise GoldError(f"{where}: missing field {key!r}")
    themes = obj["themes"]
    if not isinstance(themes, list) or any(t not in THEMES for t in themes):
        raise GoldError(f"{where}: themes must be a list of {', '.join(THEMES)}; got {themes!r}")
    if obj["stance"] not in STANCES:
        raise GoldError(f"{where}: stance must be one of {', '.join(STANCES)}; got {obj['stance']!r}")
    doc_type = obj.get("doc_type") or "other"
    if doc_type not in DOC_TYPES:
        raise GoldError(f"{where}: doc_type must be one of {', '.join(DOC_TYPES)}; got {doc_type!r}")
    split = obj.get("split", "train")
    if split not in SPLITS:
        raise GoldError(f"{where}: split must be one of {', '.join(SPLITS)}; got {split!r}")
    known = {
        "id",
        "doc_id",
        "text",
        "themes",
        "stance",
        "doc_type",
        "section",
        "split",
        "synthetic",
        "source",
    }
    return GoldClause(
        id=str(obj["id"]),
        doc_id=str(obj["doc_id"]),
        text=str(obj["text"]),
        themes=tuple(t for t in THEMES if t in themes),
        stance=str(obj["stance"]),
        doc_type=doc_type,
        section=str(obj.get("section") or ""),
        split=split,
        synthetic=bool(obj.get("synthetic", False)),
        source=str(obj.get("source") or ("synthetic" if obj.get("synthetic") else "corpus")),
        extra={k: v for k, v in obj.items() if k not in known},
    )


def load_gold(path: str | Path | None = None) -> list[GoldClause]:
    """Read a gold JSONL file and check that no document is in two splits.

    Raises:
        GoldError: the file is missing, a line is invalid, or a document spans splits.
    """
    path = Path(path) if path is not None else DEFAULT_GOLD
    if not path.is_file():
        raise GoldError(f"no gold file at {path}")
    out: list[GoldClause] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}:{n}: not valid JSON ({exc.msg})") from exc
        out.append(parse(obj, f"{path}:{n}"))
    check_split(out)
    return out


def check_split(gold: Iterable[GoldClause]) -> None:
    """Raise :class:`GoldError` when a document has clauses in more than one split."""
    seen: dict[str, str] = {}
    for g in gold:
        if seen.setdefault(g.doc_id, g.split) != g.split:
            raise GoldError(f"document {g.doc_id!r} is in splits {seen[g.doc_id]!r} and {g.split!r}")


def select(gold: Sequence[GoldClause], *splits: str) -> list[GoldClause]:
    """The clauses of the given splits."""
    return [g for g in gold if g.split in splits]


def from_annotations(rows: Iterable[dict[str, object]], doc_types: dict[str, str]) -> list[GoldClause]:
    """Reviewed annotations from the store as training clauses (never dev or test).

    Ids are ``review:<doc_id>:<hash of the text>``: unique per judged text, also for reviews
    whose clause is gone (:meth:`~nlp.store.Store.stale_annotations`).
    """
    import hashlib

    return [
        GoldClause(
            id=f"review:{r['doc_id']}:{hashlib.sha1(str(r['text']).encode('utf-8')).hexdigest()[:12]}",
            doc_id=str(r["doc_id"]),
            text=str(r["text"]),
            themes=tuple(t for t in THEMES if t in list(r["themes"])),  # type: ignore[call-overload]
            stance=str(r["stance"]),
            doc_type=doc_types.get(str(r["doc_id"]), "other"),
            split="train",
            source="review",
            extra={"annotator": r["annotator"], "created_at": str(r["created_at"])},
        )
        for r in rows
    ]
