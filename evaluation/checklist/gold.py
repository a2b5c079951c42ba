"""Provision gold: labels by reading, per annotator, merged into one label set per clause.

Layout (``evaluation/gold/checklist/``):

- ``documents.csv``: every document read in full, its split (the theme gold's split by document
  family) and the annotators who read it;
- ``annotations/<annotator>.jsonl``: one line per clause the annotator gave a provision
  (``{"clause_id", "doc_id", "provisions": {id: "bindend" | "genoemd"}, "note"}``); a clause of
  a listed document without a line carries no provision;
- ``adjudicated.jsonl``: for doubly read documents, the decided label of every clause on which
  the two annotators differ, with the reason (``{"clause_id", "provisions", "reason"}``).

The gold label of a clause is the adjudicated one where there is one, else the first annotator's
(both agree, or only one read the document).
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

GOLD_DIR = Path(__file__).resolve().parents[1] / "gold" / "checklist"
LEVELS = ("bindend", "genoemd")


@dataclass(frozen=True)
class GoldDocument:
    """A document read in full for the checklist."""

    doc_id: str
    split: str
    annotators: tuple[str, ...]


def _jsonl(path: Path) -> list[dict[str, object]]:
    if not path.exists():
        return []
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def documents(gold_dir: Path = GOLD_DIR) -> list[GoldDocument]:
    """The documents read in full, in file order."""
    with (gold_dir / "documents.csv").open(encoding="utf-8") as f:
        return [
            GoldDocument(r["doc_id"], r["split"], tuple(r["annotators"].split())) for r in csv.DictReader(f)
        ]


def annotations(annotator: str, gold_dir: Path = GOLD_DIR) -> dict[str, dict[str, str]]:
    """One annotator's labels: clause id -> {provision id: level}."""
    out: dict[str, dict[str, str]] = {}
    for line in _jsonl(gold_dir / "annotations" / f"{annotator}.jsonl"):
        provs = dict(line.get("provisions") or {})  # type: ignore[call-overload]
        bad = [v for v in provs.values() if v not in LEVELS]
        if bad:
            raise ValueError(f"{annotator}: {line['clause_id']} has level {bad[0]!r}")
        out[str(line["clause_id"])] = provs
    return out


def labels(gold_dir: Path = GOLD_DIR) -> dict[str, dict[str, str]]:
    """The gold label of every labelled clause (clauses absent here carry no provision)."""
    docs = documents(gold_dir)
    decided = {str(x["clause_id"]): dict(x["provisions"]) for x in _jsonl(gold_dir / "adjudicated.jsonl")}  # type: ignore[call-overload]
    first: dict[str, dict[str, str]] = {}
    for a in sorted({d.annotators[0] for d in docs}):
        own = {d.doc_id for d in docs if d.annotators[0] == a}
        first.update({c: p for c, p in annotations(a, gold_dir).items() if c.rsplit(":", 1)[0] in own})
    merged = {**first, **decided}
    return {c: p for c, p in merged.items() if p}
