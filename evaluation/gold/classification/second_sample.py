"""Draw the sample for the blind second annotation: the same number of clauses from each batch.

The second annotator gets the candidate lines only (never the first labels)::

    python -m evaluation.gold.classification.second_sample --per-batch 65
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

HERE = Path(__file__).parent
SEED = 7


def main() -> None:
    """Write ``second/sample.jsonl``."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--per-batch", type=int, default=65)
    args = ap.parse_args()
    rng = random.Random(SEED)
    rows: list[dict[str, object]] = []
    for path in sorted((HERE / "candidates").glob("batch-*.jsonl")):
        lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        rows += rng.sample(lines, min(args.per_batch, len(lines)))
    rng.shuffle(rows)
    out = HERE / "second" / "sample.jsonl"
    out.parent.mkdir(exist_ok=True)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} clauses -> {out}")


if __name__ == "__main__":
    main()
