"""Draw the real-document gold sample: a random sample per document, plus cue-picked clauses for training.

What users meet decides the sample (issue 11):

- every document: a uniform random sample of its clauses (``sample: random``), so that most
  sampled clauses have no theme, as in real texts; dev and test documents get only this;
- train documents also get clauses that contain a theme cue word (``sample: cue``), drawn from
  the clauses the random sample left; a keyword picks them, it never labels them.

Clauses labelled before (``candidates/batch-*.jsonl``, matched by document and text, since
clause ids move when segmentation changes) are kept with their labels and not sent again.
The split comes from ``split.csv`` (by document family). Run after ``make app`` built the store::

    python -m evaluation.gold.classification.real.sample --batches 6
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from pathlib import Path

from evaluation.gold.classification.candidates import CUE_RE, candidate
from nlp.store.base import Store

HERE = Path(__file__).parent
GOLD = HERE.parent
SEED = 20261202
PER_DOC = {"test": 60, "dev": 50, "train": 35}
CUE_PER_TRAIN_DOC = 15


def norm(text: str) -> str:
    """Whitespace- and case-normalised text, to match clauses across segmenter versions."""
    return " ".join(text.lower().split())


def splits() -> dict[str, dict[str, str]]:
    """``doc_id -> {"family", "split"}`` from ``split.csv``."""
    with (GOLD / "split.csv").open(encoding="utf-8") as f:
        return {r["doc_id"]: {"family": r["family"], "split": r["split"]} for r in csv.DictReader(f)}


def legacy_texts() -> set[tuple[str, str]]:
    """(doc_id, normalised text) of every clause in the earlier candidate batches."""
    out = set()
    for path in (GOLD / "candidates").glob("batch-*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                c = json.loads(line)
                out.add((str(c["doc_id"]), norm(str(c["text"]))))
    return out


def write_jsonl(path: Path, rows: list[dict[str, object]]) -> None:
    """One JSON object per line, UTF-8."""
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def write_batches(by_doc: dict[str, list[dict[str, object]]], n: int, first: int) -> None:
    """Cut candidates into ``n`` annotation batches ``candidates/real-<first>.jsonl`` ...

    Whole documents go to one batch, the largest first onto the smallest batch, so batches are
    about equal and an annotator reads a document's clauses together.
    """
    batches: list[list[dict[str, object]]] = [[] for _ in range(n)]
    for rows in sorted(by_doc.values(), key=len, reverse=True):
        min(batches, key=len).extend(rows)
    for k, rows in enumerate(batches, first):
        path = GOLD / "candidates" / f"real-{k}.jsonl"
        write_jsonl(path, rows)
        print(f"{path.name}: {len(rows)} clauses from {len({r['doc_id'] for r in rows})} documents")


def main() -> None:
    """Write ``real/sample.jsonl`` and the annotation batches ``candidates/real-<i>.jsonl``."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--batches", type=int, default=6)
    ap.add_argument("--docs", nargs="*", help="only these documents (a later top-up)")
    ap.add_argument("--first-batch", type=int, default=1)
    args = ap.parse_args()
    split_of = splits()
    legacy = legacy_texts()
    rng = random.Random(SEED)
    sample: list[dict[str, object]] = []
    todo: dict[str, list[dict[str, object]]] = {}
    with Store(read_only=True) as store:
        for doc in sorted(store.documents(), key=lambda d: str(d["doc_id"])):
            doc_id = str(doc["doc_id"])
            if args.docs and doc_id not in args.docs:
                continue
            split = split_of[doc_id]["split"]
            clauses = store.clauses(doc_id)
            idx = list(range(len(clauses)))
            picked = {i: "random" for i in rng.sample(idx, min(len(idx), PER_DOC[split]))}
            if split == "train":
                cued = [i for i in idx if i not in picked and CUE_RE.search(clauses[i].text)]
                for i in rng.sample(cued, min(len(cued), CUE_PER_TRAIN_DOC)):
                    picked[i] = "cue"
            for i in sorted(picked):
                c = candidate(doc, clauses, i)
                known = (doc_id, norm(clauses[i].text)) in legacy
                sample.append(
                    {
                        "id": c["id"],
                        "doc_id": doc_id,
                        "text": c["text"],
                        "sample": picked[i],
                        "split": split,
                        "legacy": known,
                    }
                )
                if not known:
                    todo.setdefault(doc_id, []).append(c)
    name = "sample.jsonl" if not args.docs else f"sample-{args.first_batch}.jsonl"
    write_jsonl(HERE / name, sample)
    write_batches(todo, args.batches, args.first_batch)
    print(
        f"sample: {len(sample)} clauses, {sum(1 for s in sample if s['legacy'])} labelled before, "
        f"{sum(len(v) for v in todo.values())} to annotate"
    )


if __name__ == "__main__":
    main()
