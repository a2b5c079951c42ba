"""Draw the sample for a blind second annotation: the same number of clauses from each batch.

The second annotator gets the candidate lines only (never the first labels). The first round drew
65 per first-round batch; later rounds name their batches and output::

    python -m evaluation.gold.classification.second_sample --per-batch 65
    python -m evaluation.gold.classification.second_sample --per-batch 70 \
        --batches real-13 real-14 real-15 real-16 real-17 --out second/real-sample-3.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

HERE = Path(__file__).parent
SEED = 7


def main() -> None:
    """Write the sample (``second/sample.jsonl`` unless ``--out`` says otherwise)."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--per-batch", type=int, default=65)
    ap.add_argument("--batches", nargs="*", help="candidate batch names (default: batch-*)")
    ap.add_argument("--out", default="second/sample.jsonl", help="path under the gold folder")
    args = ap.parse_args()
    rng = random.Random(SEED)
    paths = (
        [HERE / "candidates" / f"{b}.jsonl" for b in args.batches]
        if args.batches
        else sorted((HERE / "candidates").glob("batch-*.jsonl"))
    )
    rows: list[dict[str, object]] = []
    for path in paths:
        lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        rows += rng.sample(lines, min(args.per_batch, len(lines)))
    rng.shuffle(rows)
    out = HERE / args.out
    out.parent.mkdir(exist_ok=True)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} clauses -> {out}")


if __name__ == "__main__":
    main()
