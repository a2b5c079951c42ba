"""Merge every labelled clause into ``gold.jsonl``, with its split, sample and provenance.

Real clauses (taken as published from the corpus documents) are the ground truth; clauses
written for the gold set are kept as extra training data and as a separate written-style test:

- first gold round: ``candidates/batch-N.jsonl`` labelled in ``labels/batch-N.jsonl``, decided
  disagreements in ``adjudicated.jsonl``, brought in line with LABELS.md section 6 by
  ``real/legacy-recheck.jsonl``, with today's clause ids (``real/legacy-ids.csv``); ``sample:
  legacy``, or ``random`` when the clause fell in its document's random sample (matched by text);
- real-document round: ``candidates/real-N.jsonl`` labelled in ``labels/real-N.jsonl`` (a line labelled
  again by a later batch takes the later label), convention fixes in ``real/convention-fixes-*.jsonl``
  (for both rounds), then the decided disagreements of the blind double annotation
  (``real/adjudicated*.jsonl``), which are final;
  ``sample`` (``random``, ``cue`` or ``uncertain``) from ``real/sample*.jsonl``;
- ``synthetic/*.jsonl``: written clauses, labelled as written (``sample: written``).

``split.csv`` fixes the split of every document by family (successive editions of one agreement,
sibling regulations sharing text, stay on one side). Lines marked ``is_clause: false`` are left
out. Run from the repository root::

    python -m evaluation.gold.classification.build
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

from nlp.coding.gold import check_split, parse

HERE = Path(__file__).parent


def _jsonl(path: Path) -> list[dict[str, object]]:
    if not path.exists():
        return []
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def _norm(text: object) -> str:
    return " ".join(str(text).lower().split())


def _record(c: dict[str, object], lab: dict[str, object], annotator: str, sample: str) -> dict[str, object]:
    return {
        "id": c["id"],
        "is_clause": bool(lab.get("is_clause", True)),
        "doc_id": c["doc_id"],
        "doc_type": c["doc_type"],
        "section": c["section"],
        "lead_in": c.get("lead_in", ""),
        "text": c["text"],
        "themes": lab["themes"],
        "stance": lab["stance"],
        "synthetic": False,
        "source": "corpus",
        "sample": sample,
        "annotator": annotator,
        "context": f"{c['prev']} {c['next']}".strip(),
    }


def _apply(records: list[dict[str, object]], decisions: dict[str, dict[str, object]], flag: str) -> Counter:
    """Overwrite labels (and the clause verdict) with decided ones."""
    n: Counter = Counter()
    for r in records:
        d = decisions.get(str(r["id"]))
        if d is None:
            continue
        is_clause = bool(d.get("is_clause", True))
        if is_clause != r["is_clause"]:
            n["now a clause" if is_clause else "now not a clause"] += 1
        elif list(d["themes"]) != list(r["themes"]) or d["stance"] != r["stance"]:  # type: ignore[call-overload]
            n["relabelled"] += 1
        r["is_clause"], r["themes"], r["stance"], r[flag] = is_clause, d["themes"], d["stance"], True
    return n


def _clauses(records: list[dict[str, object]], skipped: Counter, what: str) -> list[dict[str, object]]:
    """The records that are clauses (counting the rest), without the verdict field."""
    skipped[f"not a clause ({what})"] += sum(1 for r in records if not r["is_clause"])
    return [{k: v for k, v in r.items() if k != "is_clause"} for r in records if r["is_clause"]]


def first_round(random_texts: set[tuple[str, str]]) -> tuple[list[dict[str, object]], Counter]:
    """Clauses of the first gold round with every later decision applied, under today's ids."""
    records: list[dict[str, object]] = []
    for cand_path in sorted((HERE / "candidates").glob("batch-*.jsonl")):
        cands = {str(c["id"]): c for c in _jsonl(cand_path)}
        for lab in _jsonl(HERE / "labels" / cand_path.name):
            c = cands[str(lab["id"])]
            key = (str(c["doc_id"]), _norm(c["text"]))
            sample = "random" if key in random_texts else "legacy"
            records.append(_record(c, lab, f"annotator-1/{cand_path.stem}", sample))
    n: Counter = Counter()
    for name, flag in (("adjudicated.jsonl", "adjudicated"), ("real/legacy-recheck.jsonl", "rechecked")):
        decisions = {str(a["id"]): a for a in _jsonl(HERE / name) if a.get("changed", True)}
        n.update({f"{k} ({flag})": v for k, v in _apply(records, decisions, flag).items()})
    with (HERE / "real" / "legacy-ids.csv").open(encoding="utf-8") as f:
        new_id = {row["old_id"]: row["id"] for row in csv.DictReader(f)}
    for r in records:
        r["id"] = new_id[str(r["id"])]
    return records, n


def real_round() -> tuple[list[dict[str, object]], Counter, set[tuple[str, str]]]:
    """Clauses of the real-document round, and the (doc, text) keys of every random-sample clause."""
    sample: dict[str, dict[str, object]] = {}
    for path in sorted((HERE / "real").glob("sample*.jsonl")):
        sample.update({str(s["id"]): s for s in _jsonl(path)})
    random_texts = {(str(s["doc_id"]), _norm(s["text"])) for s in sample.values() if s["sample"] == "random"}
    records: list[dict[str, object]] = []
    for cand_path in sorted(
        (HERE / "candidates").glob("real-*.jsonl"), key=lambda p: int(p.stem.split("-")[1])
    ):
        label_path = HERE / "labels" / cand_path.name
        if not label_path.exists():
            continue
        cands = {str(c["id"]): c for c in _jsonl(cand_path)}
        for lab in _jsonl(label_path):
            c = cands[str(lab["id"])]
            how = str(sample[str(c["id"])]["sample"])
            records.append(_record(c, lab, f"annotator/{cand_path.stem}", how))
    # the active-learning batches could pick a line an earlier batch had marked "not a clause" (such lines
    # were not in the gold set it excluded): the later, convention-bound label wins
    last = {str(r["id"]): k for k, r in enumerate(records)}
    relabelled = len(records) - len(last)
    records = [r for k, r in enumerate(records) if last[str(r["id"])] == k]
    return records, Counter({"lines labelled again by a later batch": relabelled}), random_texts


def written() -> list[dict[str, object]]:
    """Clauses written for the gold set, labelled as written."""
    records = []
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
                    "sample": "written",
                    "country": r.get("country", ""),
                    "annotator": f"writer/{path.stem}",
                    "context": " ".join(str(t) for t in neighbours),
                }
            )
    return records


def main() -> None:
    """Write gold.jsonl."""
    real, skipped, random_texts = real_round()
    legacy, skipped_legacy = first_round(random_texts)
    skipped.update(skipped_legacy)
    fixes = {
        str(a["id"]): a
        for path in sorted((HERE / "real").glob("convention-fixes*.jsonl"))
        for a in _jsonl(path)
    }
    # a first-round line the active-learning round picked again (it had been marked "not a clause",
    # so it was not in the gold set the picker excluded) is labelled by the later, convention-bound round
    later = {str(r["id"]) for r in real}
    skipped["first-round lines relabelled by the real round"] = sum(
        1 for r in legacy if str(r["id"]) in later
    )
    legacy = [r for r in legacy if str(r["id"]) not in later]
    both = legacy + real
    skipped.update({f"{k} (convention fixes)": v for k, v in _apply(both, fixes, "convention_fixed").items()})
    # decided disagreements of the blind double annotation come last: they are final
    decisions = {
        str(a["id"]): a for path in sorted((HERE / "real").glob("adjudicated*.jsonl")) for a in _jsonl(path)
    }
    skipped.update({f"{k} (adjudicated)": v for k, v in _apply(real, decisions, "adjudicated").items()})
    ids = Counter(str(r["id"]) for r in both)
    if max(ids.values(), default=0) > 1:
        raise SystemExit(f"clause ids labelled twice: {', '.join(i for i, n in ids.items() if n > 1)[:300]}")
    records = _clauses(legacy, skipped, "first round") + _clauses(real, skipped, "real round") + written()
    with (HERE / "split.csv").open(encoding="utf-8") as f:
        split_rows = {row["doc_id"]: row for row in csv.DictReader(f)}
    missing = sorted({str(r["doc_id"]) for r in records} - set(split_rows))
    if missing:
        raise SystemExit(f"documents without a split in split.csv: {', '.join(missing)}")
    for r in records:
        row = split_rows[str(r["doc_id"])]
        r["split"], r["family"] = row["split"], row["family"]
        r.setdefault("country", row.get("country", ""))
    check_split([parse(r, str(r["id"])) for r in records])
    with (HERE / "gold.jsonl").open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    counts = Counter((str(r["split"]), str(r["sample"])) for r in records)
    real_docs = {str(r["doc_id"]) for r in records if not r["synthetic"]}
    print(
        f"{len(records)} gold clauses: {sum(not r['synthetic'] for r in records)} real from "
        f"{len(real_docs)} documents, {sum(bool(r['synthetic']) for r in records)} written"
    )
    for (split, how), n in sorted(counts.items()):
        print(f"  {split:5} {how:7} {n}")
    print("decisions and skipped lines: " + ", ".join(f"{k} {v}" for k, v in sorted(skipped.items())))


if __name__ == "__main__":
    main()
