"""Benchmark: the corpus scaled to about 100,000 clauses, ingested and coded into each back end.

The bundled corpus (85 documents, about 13,000 clauses) is copied ``--copies`` times under new
document ids; each copy gets one extra closing line so its content hash differs (the store
refuses the same file twice). So texts repeat: the embedding cache computes each distinct text
once, as it would for successive editions of one agreement, and the ingest time below is that of
segmentation, coding and writing, with USE embeddings for 13,000 distinct texts.

For each back end (a DuckDB file; PostgreSQL in a throwaway cluster, ``tests/pgcluster.py``),
each step in a fresh process: ``ingest`` with the bundled model (time, clauses, store size),
search (index build, hybrid query p50/p95 over 50 queries with the query embedding included,
the exact dense floor on the same vectors, peak memory), and the app (the Overzicht, Thema's
and Zoeken pages in Streamlit's AppTest on that store: wall time and peak memory). Writes
``store_scale.json`` and the table in ``evaluation/README.md``::

    python -m evaluation.benchmarks.store_scale                 # 8 copies, both back ends
    python -m evaluation.benchmarks.store_scale --copies 1 --backends duckdb
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from evaluation.benchmarks.search_scale import QUERIES, query_latencies
from nlp.coding.evaluate import replace_block

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
README = HERE.parent / "README.md"
BEGIN, END = "<!-- store-bench:begin -->", "<!-- store-bench:end -->"


def scaled_corpus(folder: Path, copies: int) -> int:
    """Write ``copies`` renamed copies of the corpus with a manifest; returns the document count."""
    with (ROOT / "corpus" / "manifest.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for k in range(copies):
        for r in rows:
            text = (ROOT / "corpus" / r["file"]).read_text(encoding="utf-8")
            name = f"k{k}_{r['file']}"
            (folder / name).write_text(f"{text}\n\nKopie {k} van {r['doc_id']}.\n", encoding="utf-8")
            out.append({**r, "doc_id": f"{r['doc_id']}-k{k}", "file": name, "source": name})
    with (folder / "manifest.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(out)
    return len(out)


def _rss_mb() -> int:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def step_ingest(target: str, folder: str) -> dict[str, object]:
    """Ingest and code the scaled corpus into an empty store."""
    from nlp.coding.modelio import load
    from nlp.ingest.pipeline import collect, ingest
    from nlp.store.base import Store

    coder = load()
    with Store(target) as store:
        t0 = time.perf_counter()
        report = ingest(store, collect([Path(folder)]), coder=coder)
        seconds = time.perf_counter() - t0
        clauses = store.count("clauses")
        if target.startswith("postgresql://"):
            size = store._x("SELECT pg_database_size(current_database())").fetchone()[0]
        else:
            store.close()
            size = sum(p.stat().st_size for p in Path(target).parent.glob(Path(target).name + "*"))
            store = Store(target, read_only=True)
        return {
            "documents": len(report.status),
            "clauses": clauses,
            "coded": report.coded,
            "ingest_s": round(seconds, 1),
            "store_mb": round(size / 2**20),
            "ingest_peak_rss_mb": _rss_mb(),
        }


def step_search(target: str) -> dict[str, object]:
    """Index build, hybrid query latency and the exact floor on the stored vectors."""
    from nlp.retrieval.embed import embed
    from nlp.retrieval.search import ClauseIndex
    from nlp.store.base import Store

    embed(["opwarmen"])  # load the encoder outside the timings
    with Store(target, read_only=True) as store:
        t0 = time.perf_counter()
        index = ClauseIndex.from_store(store)
        build = time.perf_counter() - t0
    lat, floor = query_latencies(index)
    return {
        "index_build_s": round(build, 1),
        "search_p50_ms": round(1000 * float(np.percentile(lat, 50)), 1),
        "search_p95_ms": round(1000 * float(np.percentile(lat, 95)), 1),
        "exact_floor_p95_ms": round(1000 * float(np.percentile(floor, 95)), 1),
        "search_peak_rss_mb": _rss_mb(),
    }


def step_app(target: str) -> dict[str, object]:
    """The Overzicht, Thema's and Zoeken pages on the store, as AppTest runs them."""
    from streamlit.testing.v1 import AppTest

    os.environ.update({"CLAUSE_ATLAS_STORE": target, "CLAUSE_ATLAS_NO_BOOTSTRAP": "1"})
    t0 = time.perf_counter()
    for page in ("overview", "themes", "search"):
        at = AppTest.from_file(str(ROOT / "ui" / f"page_{page}.py"), default_timeout=600)
        at.run()
        if at.exception:
            raise RuntimeError(f"{page}: {at.exception[0].value}")
        if page == "search" and at.text_input:
            at.text_input[0].input(QUERIES[0]).run()
    return {"app_pages_s": round(time.perf_counter() - t0, 1), "app_peak_rss_mb": _rss_mb()}


STEPS = {"ingest": step_ingest, "search": step_search, "app": step_app}


def _child(step: str, *args: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-m", "evaluation.benchmarks.store_scale", "--child", step, *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if out.returncode != 0:
        raise SystemExit(f"{step} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    """Run every back end and write the results."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=8)
    ap.add_argument("--backends", nargs="+", default=["duckdb", "postgresql"])
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(STEPS[args.child[0]](*args.child[1:])))
        return
    sys.path.insert(0, str(ROOT / "tests"))
    from pgcluster import Cluster

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        n_docs = scaled_corpus(folder, args.copies)
        for backend in args.backends:
            cluster = Cluster() if backend == "postgresql" else None
            try:
                target = cluster.database() if cluster else str(Path(tmp) / "scaled.duckdb")
                row: dict[str, object] = {"backend": backend, "copies": args.copies, "files": n_docs}
                row |= _child("ingest", target, str(folder))
                row |= _child("search", target)
                row |= _child("app", target)
            finally:
                if cluster:
                    cluster.stop()
            print(json.dumps(row), flush=True)
            results.append(row)
    (HERE / "store_scale.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    table = [
        "| back end | documents | clauses | ingest + code s | store MB | index build s | search p50 ms | "
        "search p95 ms | exact floor p95 ms | search peak MB | app pages s | app peak MB |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
        *[
            f"| {r['backend']} | {r['documents']:,} | {r['clauses']:,} | {r['ingest_s']} | {r['store_mb']} "
            f"| {r['index_build_s']} | {r['search_p50_ms']} | {r['search_p95_ms']} | {r['exact_floor_p95_ms']} "
            f"| {r['search_peak_rss_mb']} | {r['app_pages_s']} | {r['app_peak_rss_mb']} |"
            for r in results
        ],
    ]
    replace_block(README, "\n".join(table), BEGIN, END, "Stores at scale")


if __name__ == "__main__":
    main()
