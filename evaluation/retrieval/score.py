"""Score comparable-clause search: dense only, lexical only and hybrid.

1. Corpus queries (``evaluation/gold/retrieval/queries.jsonl``: paraphrases of corpus clauses
   and negotiator-style questions with graded relevant clauses) against the bundled store:
   recall@5, MRR and nDCG@10.
2. Blind paraphrase queries (``evaluation/gold/retrieval/blind/queries.jsonl``, written by a
   helper the developers never read) against documents the search never saw: the fixture PDF
   and DOCX files are ingested into a fresh store, each query must return the clause it
   paraphrases in the top 5 (hit@5; matched by text, tolerant to small segmentation
   differences).

Writes ``evaluation/retrieval/results.json`` and the table in ``evaluation/README.md``::

    python -m evaluation.retrieval.score
"""

from __future__ import annotations

import difflib
import json
import math
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from nlp.coding.evaluate import replace_block
from nlp.ingest.manifest import doc_id_from_path
from nlp.ingest.pipeline import Job, ingest
from nlp.retrieval.search import MODES, ClauseIndex
from nlp.store.base import Store

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "evaluation" / "gold" / "retrieval"
SEG = ROOT / "evaluation" / "segmentation"
README = ROOT / "evaluation" / "README.md"
BEGIN, END = "<!-- retrieval:begin -->", "<!-- retrieval:end -->"


def norm(text: str) -> str:
    """Text compared loosely: lower case, one space, no punctuation at the ends."""
    return re.sub(r"\s+", " ", text.lower()).strip(" .;:,")


def same_clause(a: str, b: str) -> bool:
    """Whether two clause texts are the same clause (allowing small segmentation differences)."""
    a, b = norm(a), norm(b)
    return (
        a == b
        or (min(len(a), len(b)) > 20 and (a in b or b in a))
        or difflib.SequenceMatcher(None, a, b).ratio() >= 0.9
    )


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def metrics(ranked: Sequence[str], grades: dict[str, int]) -> dict[str, float]:
    """recall@5 (grade-2 items in the top 5 over min(5, their number)), reciprocal rank of the
    first relevant item, nDCG@10 (graded).
    """
    top = [grades.get(c, 0) for c in ranked]
    strong = [c for c, g in grades.items() if g >= 2] or list(grades)
    recall5 = sum(1 for c in ranked[:5] if c in strong) / min(5, len(strong))
    rr = next((1 / (i + 1) for i, g in enumerate(top) if g > 0), 0.0)
    dcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(top[:10]))
    ideal = sorted(grades.values(), reverse=True)[:10]
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return {"recall@5": recall5, "mrr": rr, "ndcg@10": dcg / idcg if idcg else 0.0}


def score_corpus(
    index: ClauseIndex, queries: list[dict[str, Any]], modes: Sequence[str] = MODES
) -> dict[str, Any]:
    """Mean metrics per mode and query type over the corpus queries."""
    by_text: dict[str, list[str]] = {}
    for r in index.rows:
        by_text.setdefault(norm(r["text"]), []).append(r["clause_id"])
    out: dict[str, Any] = {}
    for mode in modes:
        per_type: dict[str, list[dict[str, float]]] = {}
        for q in queries:
            grades: dict[str, int] = {}
            for rel in q["relevant"]:
                ids = by_text.get(norm(rel["text"]), [])
                for cid in ids or ([rel["clause_id"]] if rel["clause_id"] in index.position else []):
                    grades[cid] = max(grades.get(cid, 0), int(rel.get("grade", 2)))
            if not grades:
                continue
            ranked = [h.clause_id for h in index.search(q["query"], k=10, mode=mode)]
            per_type.setdefault(q["type"], []).append(metrics(ranked, grades))
            per_type.setdefault("all", []).append(per_type[q["type"]][-1])
        out[mode] = {
            t: {m: sum(x[m] for x in v) / len(v) for m in v[0]} | {"n": len(v)} for t, v in per_type.items()
        }
    return out


def score_blind(queries: list[dict[str, Any]]) -> dict[str, Any]:
    """hit@5 per mode after ingesting the fixture documents into a fresh store."""
    files = sorted({q["file"] for q in queries})
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "s.duckdb") as store:
        report = ingest(store, [Job(SEG / f) for f in files])
        if report.errors:
            raise RuntimeError("; ".join(report.errors))
        index = ClauseIndex.from_store(store)
    out: dict[str, Any] = {}
    for mode in MODES:
        hits = 0
        for q in queries:
            doc = doc_id_from_path(SEG / q["file"])
            found = index.search(q["query"], k=5, mode=mode)
            hits += any(h.doc_id == doc and same_clause(h.text, q["target"]) for h in found)
        out[mode] = {"hit@5": hits / len(queries), "n": len(queries), "documents": len(files)}
    return out


def tune(index: ClauseIndex, queries: list[dict[str, Any]]) -> list[str]:
    """Hybrid fusion variants on the corpus queries (the development set; never the blind set)."""
    lines = [
        "| fusion | paraphrase recall@5 | paraphrase MRR | question nDCG@10 | all nDCG@10 |",
        "|---|---|---|---|---|",
    ]
    for fusion, weight in [
        ("rrf", 0.0),
        ("weighted", 0.5),
        ("weighted", 0.6),
        ("weighted", 0.7),
        ("weighted", 0.8),
        ("weighted", 0.9),
    ]:
        r = score_corpus(index.with_fusion(fusion, weight), queries, modes=("hybrid",))["hybrid"]
        name = "reciprocal rank" if fusion == "rrf" else f"weighted, dense {weight}"
        lines.append(
            f"| {name} | {r['paraphrase']['recall@5']:.3f} | {r['paraphrase']['mrr']:.3f} | {r['question']['ndcg@10']:.3f} | {r['all']['ndcg@10']:.3f} |"
        )
        print(lines[-1], flush=True)
    return lines


def main() -> None:
    """Score both sets and write the results (``--tune``: compare fusion variants on corpus queries)."""
    import sys

    if "--tune" in sys.argv:
        with Store(read_only=True) as store:
            index = ClauseIndex.from_store(store)
        lines = tune(index, _jsonl(GOLD / "queries.jsonl"))
        (Path(__file__).parent / "TUNING.md").write_text(
            "# Fusion tuning on the corpus queries (development set)\n\nGenerated by `score.py --tune`.\n\n"
            + "\n".join(lines)
            + "\n",
            encoding="utf-8",
        )
        return
    results: dict[str, Any] = {}
    corpus_q = GOLD / "queries.jsonl"
    if corpus_q.exists():
        with Store(read_only=True) as store:
            index = ClauseIndex.from_store(store)
        results["corpus"] = score_corpus(index, _jsonl(corpus_q))
    blind_q = GOLD / "blind" / "queries.jsonl"
    if blind_q.exists():
        results["blind"] = score_blind(_jsonl(blind_q))
    (Path(__file__).parent / "results.json").write_text(
        json.dumps(results, indent=1) + "\n", encoding="utf-8"
    )
    lines = []
    if "corpus" in results:
        c = results["corpus"]
        lines += [
            "| queries on the bundled corpus | mode | recall@5 | MRR | nDCG@10 |",
            "|---|---|---|---|---|",
        ]
        for t in ("paraphrase", "question", "all"):
            for mode in MODES:
                if t in c[mode]:
                    v = c[mode][t]
                    lines.append(
                        f"| {t} ({v['n']}) | {mode} | {v['recall@5']:.3f} | {v['mrr']:.3f} | {v['ndcg@10']:.3f} |"
                    )
    if "blind" in results:
        b = results["blind"]
        n, docs = b["hybrid"]["n"], b["hybrid"]["documents"]
        lines += [
            "",
            f"Blind paraphrase queries against {docs} unseen PDF/DOCX documents ingested into a fresh store ({n} queries):",
            "",
            "| mode | paraphrased clause in top 5 |",
            "|---|---|",
            *[f"| {mode} | {b[mode]['hit@5']:.3f} |" for mode in MODES],
        ]
    replace_block(README, "\n".join(lines), BEGIN, END, "Comparable-clause search")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
