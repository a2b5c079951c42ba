"""Pick candidate clauses for the theme/stance gold set and cut them into annotation batches.

Candidates are picked, never labelled, here: per document a quota that grows with the square
root of its size, half drawn from clauses that contain a theme cue word (so the four themes
are well represented) and half uniformly from the rest (so clauses with no theme are common,
as they are in the corpus). Labels come from people reading each clause.

Run from the repository root after ``make app`` (which builds the store)::

    python -m evaluation.gold.classification.candidates --batches 4
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
from pathlib import Path

from nlp.records import Clause
from nlp.resources import THEME_CUES
from nlp.store.base import Store

HERE = Path(__file__).parent
SEED = 20261122
CUE_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(c) for cues in THEME_CUES.values() for c in cues) + ")", re.IGNORECASE
)


def candidate(doc: dict[str, object], clauses: list[Clause], i: int) -> dict[str, object]:
    """The annotation record of clause ``i`` of a document, with its neighbours as context."""
    c = clauses[i]
    return {
        "id": c.clause_id,
        "doc_id": c.doc_id,
        "doc_type": doc["doc_type"],
        "title": doc["title"],
        "section": " > ".join(c.section),
        "lead_in": c.lead_in,
        "prev": clauses[i - 1].text if i > 0 else "",
        "text": c.text,
        "next": clauses[i + 1].text if i + 1 < len(clauses) else "",
        "start": c.start,
        "end": c.end,
    }


def quota(n: int, k: float) -> int:
    """Clauses to draw from a document with ``n`` clauses."""
    return min(n, max(15, round(k * math.sqrt(n))))


def main() -> None:
    """Write ``candidates/batch-<i>.jsonl``."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--batches", type=int, default=4)
    ap.add_argument("--k", type=float, default=2.1, help="quota factor (times sqrt of doc size)")
    ap.add_argument(
        "--top-up",
        type=int,
        default=0,
        help="instead: draw this many further clauses per document (not yet picked) into one new batch",
    )
    args = ap.parse_args()
    if args.top_up:
        top_up(args.top_up)
        return
    rng = random.Random(SEED)
    picked: list[dict[str, object]] = []
    with Store(read_only=True) as store:
        for doc in store.documents():
            clauses = store.clauses(str(doc["doc_id"]))
            q = quota(len(clauses), args.k)
            cued = [i for i, c in enumerate(clauses) if CUE_RE.search(c.text)]
            rest = [i for i in range(len(clauses)) if i not in set(cued)]
            take = rng.sample(cued, min(len(cued), q // 2))
            take += rng.sample(rest, min(len(rest), q - len(take)))
            for i in sorted(take):
                picked.append(candidate(doc, clauses, i))
    # Whole documents go to one batch, round-robin by size, so each annotator sees every type.
    by_doc: dict[str, list[dict[str, object]]] = {}
    for p in picked:
        by_doc.setdefault(str(p["doc_id"]), []).append(p)
    batches: list[list[dict[str, object]]] = [[] for _ in range(args.batches)]
    for rows in sorted(by_doc.values(), key=len, reverse=True):
        min(batches, key=len).extend(rows)
    out = HERE / "candidates"
    out.mkdir(exist_ok=True)
    for i, rows in enumerate(batches, 1):
        with (out / f"batch-{i}.jsonl").open("w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"batch-{i}: {len(rows)} clauses from {len({r['doc_id'] for r in rows})} documents")
    print(f"total {len(picked)} candidates from {len(by_doc)} documents")


def top_up(per_doc: int) -> None:
    """Write ``candidates/batch-<next>.jsonl`` with further random clauses of every document."""
    out = HERE / "candidates"
    taken = {
        json.loads(line)["id"]
        for path in out.glob("batch-*.jsonl")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    n = len(list(out.glob("batch-*.jsonl"))) + 1
    rng = random.Random(SEED + n)
    rows: list[dict[str, object]] = []
    with Store(read_only=True) as store:
        for doc in store.documents():
            clauses = store.clauses(str(doc["doc_id"]))
            free = [i for i, c in enumerate(clauses) if c.clause_id not in taken]
            for i in sorted(rng.sample(free, min(per_doc, len(free)))):
                rows.append(candidate(doc, clauses, i))
    with (out / f"batch-{n}.jsonl").open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"batch-{n}: {len(rows)} clauses")


if __name__ == "__main__":
    main()
