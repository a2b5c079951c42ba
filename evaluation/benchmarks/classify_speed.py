"""Benchmark: ``clause-atlas classify`` on 1,000 clauses, end to end (process start, model load,
embedding, prediction, explanations), as a user runs it.

Takes the first 1,000 clauses of the bundled corpus store (run ``make app`` first), writes
them as classify input, runs the command in a fresh process a few times and reports wall time
and peak memory. Results go to ``classify_speed.json`` next to this file::

    python -m evaluation.benchmarks.classify_speed
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from nlp.store.base import Store

HERE = Path(__file__).parent


def main() -> None:
    """Run the benchmark and write the result file."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with Store(read_only=True) as store:
        docs = {d["doc_id"]: d["doc_type"] for d in store.documents()}
        clauses = store.clauses()[: args.n]
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "in.jsonl"
        inp.write_text(
            "".join(
                json.dumps(
                    {"id": c.clause_id, "text": c.text, "doc_type": docs[c.doc_id]}, ensure_ascii=False
                )
                + "\n"
                for c in clauses
            ),
            encoding="utf-8",
        )
        exe = Path(sys.executable).with_name("clause-atlas")
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            out = subprocess.run([str(exe), "classify", str(inp)], capture_output=True, text=True, check=True)
            times.append(time.perf_counter() - t0)
            assert len(out.stdout.splitlines()) == len(clauses)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    result = {
        "clauses": len(clauses),
        "runs": args.runs,
        "wall_seconds": [round(t, 2) for t in times],
        "best_seconds": round(min(times), 2),
        "clauses_per_second": round(len(clauses) / min(times), 1),
        "peak_rss_mb": round(peak_mb),
        "note": "fresh process per run: interpreter start, model load, USE embedding, prediction, explanations",
    }
    (HERE / "classify_speed.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
