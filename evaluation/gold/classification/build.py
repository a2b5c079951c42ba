"""Merge candidates, labels, synthetic clauses and adjudications into ``gold.jsonl``.

- ``labels/batch-N.jsonl`` label ``candidates/batch-N.jsonl`` (same ids);
- ``synthetic/*.jsonl`` are labelled as written;
- ``adjudicated.jsonl`` overrides labels of clauses where the blind second annotation
  disagreed and the disagreement was decided;
- ``split.csv`` fixes the split of every document. Documents not yet in it are assigned once
  (seeded, about 60/20/20 within each group of corpus or synthetic documents of one type) and
  appended, so existing assignments never move.

Run from the repository root::

    python -m evaluation.gold.classification.build
"""

from __future__ import annotations

import csv
import json
import random
from collections import Counter
from pathlib import Path

from nlp.gold import check_split, parse

HERE = Path(__file__).parent
SEED = 11


def _jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def assign_splits(docs: dict[str, tuple[str, bool]], fixed: dict[str, str]) -> dict[str, str]:
    """Give every new document a split, group by group (doc_type x synthetic)."""
    out = dict(fixed)
    groups: dict[tuple[str, bool], list[str]] = {}
    for doc_id, key in sorted(docs.items()):
        if doc_id not in out:
            groups.setdefault(key, []).append(doc_id)
    rng = random.Random(SEED)
    for _, ids in sorted(groups.items()):
        rng.shuffle(ids)
        n = len(ids)
        n_test = 0 if n < 2 else max(1, round(0.2 * n))
        n_dev = 0 if n < 3 else max(1, round(0.2 * n))
        for i, doc_id in enumerate(ids):
            out[doc_id] = "test" if i < n_test else "dev" if i < n_test + n_dev else "train"
    return out


def main() -> None:
    """Write gold.jsonl and update split.csv."""
    records: list[dict[str, object]] = []
    skipped = Counter()
    for cand_path in sorted((HERE / "candidates").glob("batch-*.jsonl")):
        label_path = HERE / "labels" / cand_path.name
        if not label_path.exists():
            continue
        cands = {str(c["id"]): c for c in _jsonl(cand_path)}
        for lab in _jsonl(label_path):
            c = cands[str(lab["id"])]
            if not lab.get("is_clause", True):
                skipped["not a clause"] += 1
                continue
            records.append(
                {
                    "id": c["id"],
                    "doc_id": c["doc_id"],
                    "doc_type": c["doc_type"],
                    "section": c["section"],
                    "text": c["text"],
                    "themes": lab["themes"],
                    "stance": lab["stance"],
                    "synthetic": False,
                    "source": "corpus",
                    "annotator": f"annotator-1/{cand_path.stem}",
                    "context": f"{c['prev']} {c['next']}".strip(),
                }
            )
    for path in sorted((HERE / "synthetic").glob("*.jsonl")):
        rows = _jsonl(path)
        for n, r in enumerate(rows):
            neighbours = [rows[k]["text"] for k in (n - 1, n + 1) if 0 <= k < len(rows)]
            records.append(
                {
                    "id": r["id"],
                    "doc_id": r["doc_id"],
                    "doc_type": r["doc_type"],
                    "section": r.get("section", ""),
                    "text": r["text"],
                    "themes": r["themes"],
                    "stance": r["stance"],
                    "synthetic": True,
                    "source": "synthetic",
                    "country": r.get("country", ""),
                    "annotator": f"writer/{path.stem}",
                    "context": " ".join(str(t) for t in neighbours),
                }
            )
    adjudicated = (
        {str(a["id"]): a for a in _jsonl(HERE / "adjudicated.jsonl")}
        if (HERE / "adjudicated.jsonl").exists()
        else {}
    )
    for r in records:
        a = adjudicated.get(str(r["id"]))
        if a is not None:
            if not a.get("is_clause", True):
                r["drop"] = True
                continue
            r["themes"], r["stance"], r["adjudicated"] = a["themes"], a["stance"], True
    records = [r for r in records if not r.pop("drop", False)]
    skipped["not a clause (adjudicated)"] = len(adjudicated) and sum(
        1 for a in adjudicated.values() if not a.get("is_clause", True)
    )

    split_path = HERE / "split.csv"
    fixed: dict[str, str] = {}
    if split_path.exists():
        with split_path.open(encoding="utf-8") as f:
            fixed = {row["doc_id"]: row["split"] for row in csv.DictReader(f)}
    docs = {str(r["doc_id"]): (str(r["doc_type"]), bool(r["synthetic"])) for r in records}
    splits = assign_splits(docs, fixed)
    with split_path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["doc_id", "doc_type", "synthetic", "split"])
        for doc_id in sorted(splits):
            dt, syn = docs.get(doc_id, ("", False))
            w.writerow([doc_id, dt, str(syn).lower(), splits[doc_id]])
    for r in records:
        r["split"] = splits[str(r["doc_id"])]
    gold = [parse(r, str(r["id"])) for r in records]
    check_split(gold)
    with (HERE / "gold.jsonl").open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    by_split = Counter(str(r["split"]) for r in records)
    print(
        f"{len(records)} gold clauses ({sum(1 for r in records if r['synthetic'])} synthetic); "
        f"splits {dict(by_split)}; skipped {dict(skipped)}"
    )


if __name__ == "__main__":
    main()
