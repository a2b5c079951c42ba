"""Map clause ids of the first gold round to the ids the current segmenter gives.

Clause ids are ``<doc_id>:<ordinal>``; segmentation fixes since the first round moved ordinals, so
an old id can name another clause today. Every first-round clause is looked up by document and
text (case and whitespace ignored) in the store; found clauses take today's id, the rest keep
their old id behind a ``v1:`` prefix, so no two gold clauses share an id. Writes
``real/legacy-ids.csv``; run after ``make app`` built the store::

    python -m evaluation.gold.classification.real.legacy_ids
"""

from __future__ import annotations

import csv
import json

from evaluation.gold.classification.real.sample import GOLD, HERE, norm
from nlp.store.base import Store


def main() -> None:
    """Write the id map."""
    old = [
        json.loads(line)
        for path in sorted((GOLD / "candidates").glob("batch-*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    now: dict[tuple[str, str], list[tuple[int, str]]] = {}
    with Store(read_only=True) as store:
        for doc in store.documents():
            for c in store.clauses(str(doc["doc_id"])):
                now.setdefault((c.doc_id, norm(c.text)), []).append((c.ordinal, c.clause_id))
    rows, used = [], set()
    for c in old:
        ordinal = int(str(c["id"]).rsplit(":", 1)[1])
        # a text can occur more than once in a document: take the free occurrence nearest the old place
        found = [
            cid
            for _, cid in sorted(
                now.get((str(c["doc_id"]), norm(str(c["text"]))), []), key=lambda t: abs(t[0] - ordinal)
            )
            if cid not in used
        ]
        new = found[0] if found else f"v1:{c['id']}"
        used.add(new)
        rows.append({"old_id": c["id"], "id": new})
    with (HERE / "legacy-ids.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["old_id", "id"])
        w.writeheader()
        w.writerows(rows)
    print(
        f"{len(rows)} first-round clauses: {sum(not r['id'].startswith('v1:') for r in rows)} found by text"
    )


if __name__ == "__main__":
    main()
