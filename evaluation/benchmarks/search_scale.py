"""Benchmark: hybrid search on synthetically scaled stores (10k, 100k, 1M clauses).

The store is scaled from the bundled corpus (run ``make app`` first): clause embeddings are
mixtures of two real clause embeddings plus noise (so they cluster like real ones), texts are
real clause texts, metadata and codes are drawn from real rows. For each size, in a fresh
process: index build time (``ClauseIndex``: BM25, plus the FAISS IVF index from 500k rows),
hybrid query latency p50/p95 over 50 queries (query embedding with USE included), the exact
dense floor (numpy matmul + argpartition) on the same matrix, and peak memory (max RSS).
Writes ``search_scale.json`` and the table in ``evaluation/README.md``::

    python -m evaluation.benchmarks.search_scale            # 10k, 100k, 1M
    python -m evaluation.benchmarks.search_scale --sizes 10000
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from nlp.coding.evaluate import replace_block

HERE = Path(__file__).parent
README = HERE.parent / "README.md"
BEGIN, END = "<!-- search-bench:begin -->", "<!-- search-bench:end -->"
QUERIES = [
    "afspraken over camerabewaking op de werkvloer",
    "recht op opleiding in werktijd",
    "inspraak van de ondernemingsraad bij nieuwe technologie",
    "werkdruk en psychosociale risico's",
    "monitoring van e-mail en internetgebruik door de werkgever",
    "AI-geletterdheid van medewerkers",
    "thuiswerken en arbeidsomstandigheden",
    "klachtenprocedure ongewenste omgangsvormen",
    "loopbaanbegeleiding bij reorganisatie",
    "de werkgever informeert de vakbond vooraf",
]


def query_latencies(index: object, repeats: int = 5) -> tuple[list[float], list[float]]:
    """Seconds per hybrid query and per exact dense top 10 on the same vectors.

    The hybrid time includes embedding the query; each query runs ``repeats`` times. Load the
    encoder before calling.
    """
    from nlp.retrieval.embed import embed

    qv = embed(QUERIES)
    lat = []
    for _ in range(repeats):
        for q in QUERIES:
            t = time.perf_counter()
            index.search(q, k=10)  # type: ignore[attr-defined]
            lat.append(time.perf_counter() - t)
    floor = []
    for _ in range(repeats):
        for v in qv:
            t = time.perf_counter()
            s = index.vectors @ v  # type: ignore[attr-defined]
            part = np.argpartition(-s, 10)[:10]
            part[np.argsort(-s[part])]
            floor.append(time.perf_counter() - t)
    return lat, floor


def child(n: int) -> dict[str, float]:
    """Build and query one scaled index in this process; return the measurements."""
    from nlp.retrieval.embed import embed
    from nlp.retrieval.search import ClauseIndex
    from nlp.store.base import Store

    with Store(read_only=True) as store:
        base = ClauseIndex.from_store(store)
    rng = np.random.default_rng(0)
    m = len(base.rows)
    a, b = rng.integers(0, m, n), rng.integers(0, m, n)
    w = rng.uniform(0.6, 1.0, (n, 1)).astype(np.float32)
    vecs = (
        w * base.vectors[a]
        + (1 - w) * base.vectors[b]
        + 0.02 * rng.standard_normal((n, base.vectors.shape[1]), dtype=np.float32)
    )
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    rows = [{**base.rows[int(i)], "clause_id": f"s{j}", "doc_id": f"doc{j // 250}"} for j, i in enumerate(a)]
    del base
    t0 = time.perf_counter()
    index = ClauseIndex(rows, vecs, "use-multilingual-v3")
    build = time.perf_counter() - t0
    embed(["opwarmen"])  # load the query encoder outside the timing
    lat, floor = query_latencies(index)
    qv = embed(QUERIES)
    recall = None
    if index.ann is not None:
        from nlp.retrieval.dense import top_k

        exact, _ = top_k(qv, index.vectors, 10)
        approx, _ = top_k(qv, index.vectors, 10, index=index.ann)
        recall = round(
            float(np.mean([len(set(a) & set(e)) / 10 for a, e in zip(approx, exact, strict=True)])), 3
        )
    return {
        "clauses": n,
        "ann_recall@10": recall,
        "build_s": round(build, 2),
        "ann": index.ann is not None,
        "hybrid_p50_ms": round(1000 * float(np.percentile(lat, 50)), 1),
        "hybrid_p95_ms": round(1000 * float(np.percentile(lat, 95)), 1),
        "exact_floor_p50_ms": round(1000 * float(np.percentile(floor, 50)), 1),
        "exact_floor_p95_ms": round(1000 * float(np.percentile(floor, 95)), 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def ann_label(r: dict[str, object]) -> str:
    """Table cell for the index kind."""
    return f"FAISS IVF ({r.get('ann_recall@10')})" if r["ann"] else "no (exact)"


def main() -> None:
    """Run every size in its own process and write the results."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--child", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child)))
        return
    path = HERE / "search_scale.json"
    previous = (
        {r["clauses"]: r for r in json.loads(path.read_text(encoding="utf-8"))} if path.exists() else {}
    )
    results = []
    for n in (int(x) for x in args.sizes.split(",")):
        out = subprocess.run(
            [sys.executable, "-m", "evaluation.benchmarks.search_scale", "--child", str(n)],
            capture_output=True,
            text=True,
            check=True,
        )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(json.dumps(results[-1]), flush=True)
    previous.update({r["clauses"]: r for r in results})
    results = [previous[n] for n in sorted(previous)]
    path.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    table = [
        "| clauses | index build s | approximate index (recall@10 vs exact) | hybrid query p50 ms | hybrid p95 ms | exact dense floor p50 ms | floor p95 ms | peak memory MB |",
        "|---|---|---|---|---|---|---|---|",
        *[
            f"| {r['clauses']:,} | {r['build_s']} | {ann_label(r)} | {r['hybrid_p50_ms']} | {r['hybrid_p95_ms']} "
            f"| {r['exact_floor_p50_ms']} | {r['exact_floor_p95_ms']} | {r['peak_rss_mb']} |"
            for r in results
        ],
    ]
    replace_block(README, "\n".join(table), BEGIN, END, "Search at scale")


if __name__ == "__main__":
    main()
