"""Choose the similarity below which search says "geen vergelijkbare clausule gevonden".

Two kinds of queries against the bundled store: the 70 answerable queries of
``evaluation/gold/retrieval/queries.jsonl`` (each with relevant clauses) and the no-answer
queries of ``evaluation/gold/retrieval/no_answer.jsonl`` (topics the corpus does not cover, far
off-domain text and nonsense, each checked against the corpus by reading). For a threshold t,
a hit counts only when its cosine similarity to the query is at least t; an answerable query is
kept when a relevant clause stays among its top 10, a no-answer query is answered correctly when
no hit stays. The threshold maximises the mean of the two rates, on the condition that at least
95% of the answerable queries are kept (losing a real answer costs a negotiator more than
seeing a weak one). The chosen value is ``nlp.retrieval.search.MIN_SIMILARITY``; this script
checks it and writes the table in ``evaluation/README.md``::

    python -m evaluation.retrieval.no_answer
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from nlp.coding.evaluate import replace_block
from nlp.retrieval.search import MIN_SIMILARITY as SHIPPED
from nlp.retrieval.search import ClauseIndex
from nlp.store.base import Store

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "evaluation" / "gold" / "retrieval"
README = ROOT / "evaluation" / "README.md"
BEGIN, END = "<!-- no-answer:begin -->", "<!-- no-answer:end -->"
KEEP = 0.95
K = 10


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def best_relevant(index: ClauseIndex, q: dict) -> float:
    """Highest similarity of a relevant clause among the top 10 (0 when none is there)."""
    relevant = {r["clause_id"] for r in q["relevant"]}
    sims = [h.similarity for h in index.search(q["query"], k=K) if h.clause_id in relevant]
    return max(sims, default=0.0)


def best_any(index: ClauseIndex, q: dict) -> float:
    """Highest similarity among the top 10."""
    return max((h.similarity for h in index.search(q["query"], k=K)), default=0.0)


def rates(answerable: np.ndarray, unanswerable: np.ndarray, t: float) -> tuple[float, float]:
    """(share of answerable queries kept, share of no-answer queries left empty) at threshold t."""
    return float((answerable >= t).mean()), float((unanswerable < t).mean())


def choose(answerable: np.ndarray, unanswerable: np.ndarray) -> float:
    """The threshold with the best mean rate among those keeping KEEP of the answerable queries."""
    grid = np.round(np.arange(0.20, 0.80, 0.01), 2)
    ok = [t for t in grid if rates(answerable, unanswerable, t)[0] >= KEEP]
    return float(max(ok, key=lambda t: (np.mean(rates(answerable, unanswerable, t)), -t)))


def main() -> None:
    """Score both query sets, report the chosen threshold and check the shipped one."""
    queries = _jsonl(GOLD / "queries.jsonl")
    empty = _jsonl(GOLD / "no_answer.jsonl")
    with Store(read_only=True) as store:
        index = ClauseIndex.from_store(store)
    a = np.array([best_relevant(index, q) for q in queries])
    u = np.array([best_any(index, q) for q in empty])
    chosen = choose(a, u)
    shipped = SHIPPED[index.embedder]
    rows = []
    for t in sorted({0.3, 0.35, 0.4, 0.45, 0.5, 0.55, chosen, shipped}):
        kept, right = rates(a, u, t)
        by_kind = {
            kind: float((u[[q["kind"] == kind for q in empty]] < t).mean())
            for kind in ("off_corpus_topic", "off_domain", "nonsense")
        }
        mark = " (chosen)" if t == chosen else ""
        mark += " (shipped)" if t == shipped else ""
        rows.append(
            f"| {t:.2f}{mark} | {kept:.2f} | {right:.2f} | {by_kind['off_corpus_topic']:.2f} "
            f"| {by_kind['off_domain']:.2f} | {by_kind['nonsense']:.2f} |"
        )
    kinds = ("off_corpus_topic", "off_domain", "nonsense")
    counts = ", ".join(f"{sum(q['kind'] == k for q in empty)} {k}" for k in kinds)
    table = [
        f"{len(queries)} answerable queries, {len(empty)} no-answer queries ({counts}).",
        "",
        "| similarity threshold | answerable kept | no-answer left empty | off-corpus topics | off-domain | nonsense |",
        "|---|---|---|---|---|---|",
        *rows,
    ]
    replace_block(README, "\n".join(table), BEGIN, END, "No comparable clause")
    print("\n".join(table))
    if abs(chosen - shipped) > 1e-9:
        print(f"note: the shipped MIN_SIMILARITY {shipped} ({index.embedder}) differs from the chosen {chosen}")


if __name__ == "__main__":
    main()
