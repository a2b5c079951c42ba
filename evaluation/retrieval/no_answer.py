"""Choose when search says "geen vergelijkbare clausule gevonden".

Two kinds of queries against the bundled store: the 70 answerable queries of
``evaluation/gold/retrieval/queries.jsonl`` (each with relevant clauses) and the no-answer
queries of ``evaluation/gold/retrieval/no_answer.jsonl`` (topics the corpus does not cover, far
off-domain text and nonsense, each checked against the corpus by reading). A rule
(:class:`nlp.retrieval.search.Floor`) keeps a hit when its cosine similarity to the query is at
least ``alone``, or at least ``lexical`` when the clause also shares a word stem with the query
(BM25 found it). An answerable query whose top 10 holds a relevant clause is kept when one of
those stays (queries whose top 10 holds none are left out: the rule cannot lose what search did
not find); a no-answer query is answered correctly when no hit stays. The rule maximises the mean
of the two rates on the condition that at least 95% of the answerable queries are kept (losing
a real answer costs a negotiator more than seeing a weak one), among single thresholds
(``lexical == alone``) and pairs. Both sets are small and the rule is chosen on them, so the
rates are optimistic. The shipped rule is ``nlp.retrieval.search.MIN_SIMILARITY``; this script
checks it and writes the table in ``evaluation/README.md``::

    python -m evaluation.retrieval.no_answer
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from nlp.coding.evaluate import replace_block
from nlp.retrieval.search import MIN_SIMILARITY as SHIPPED
from nlp.retrieval.search import ClauseIndex, Floor, Hit
from nlp.store.base import Store

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "evaluation" / "gold" / "retrieval"
README = ROOT / "evaluation" / "README.md"
BEGIN, END = "<!-- no-answer:begin -->", "<!-- no-answer:end -->"
KEEP = 0.95
K = 10
KINDS = ("off_corpus_topic", "off_domain", "nonsense")


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def rates(found: list[tuple[list[Hit], set[str]]], empty: list[list[Hit]], floor: Floor) -> tuple[float, float]:
    """(share of answerable queries that keep a relevant hit, share of no-answer queries left empty)."""
    kept = np.mean([any(floor.keeps(h) for h in hits if h.clause_id in rel) for hits, rel in found])
    right = np.mean([not any(floor.keeps(h) for h in hits) for hits in empty])
    return float(kept), float(right)


def choose(found: list[tuple[list[Hit], set[str]]], empty: list[list[Hit]]) -> Floor:
    """The floor with the best mean rate among those keeping KEEP of the answerable queries."""
    grid = [round(x, 2) for x in np.arange(0.20, 0.80, 0.01)]
    floors = [Floor(lo, hi) for lo in grid for hi in grid if hi >= lo]
    scored = [(f, rates(found, empty, f)) for f in floors]
    ok = [(f, r) for f, r in scored if r[0] >= KEEP]
    return max(ok, key=lambda fr: (fr[1][0] + fr[1][1], -fr[0].alone, -fr[0].lexical))[0]


def main() -> None:
    """Score both query sets, report the chosen rule and check the shipped one."""
    queries = _jsonl(GOLD / "queries.jsonl")
    nothing = _jsonl(GOLD / "no_answer.jsonl")
    with Store(read_only=True) as store:
        index = ClauseIndex.from_store(store)
    answerable = [(index.search(q["query"], k=K), {r["clause_id"] for r in q["relevant"]}) for q in queries]
    found = [(hits, rel) for hits, rel in answerable if any(h.clause_id in rel for h in hits)]
    empty = [index.search(q["query"], k=K) for q in nothing]
    chosen = choose(found, empty)
    shipped = SHIPPED[index.embedder]
    single = [Floor(t, t) for t in (0.3, 0.35, 0.4, 0.45, 0.5)]
    grid = [Floor(t, t) for t in np.round(np.arange(0.2, 0.8, 0.01), 2)]
    best_single = max((f for f in grid if rates(found, empty, f)[0] >= KEEP), key=lambda f: sum(rates(found, empty, f)))
    rows = []
    for f in [*single, best_single, chosen, *([shipped] if shipped not in (chosen, best_single) else [])]:
        kept, right = rates(found, empty, f)
        by_kind = [
            np.mean([not any(f.keeps(h) for h in hits) for hits, q in zip(empty, nothing, strict=True) if q["kind"] == k])
            for k in KINDS
        ]
        rule = f"cosine >= {f.alone:.2f}" if f.lexical == f.alone else f"cosine >= {f.alone:.2f}, or >= {f.lexical:.2f} with a shared word stem"
        mark = " **(chosen, shipped)**" if f == chosen == shipped else " (chosen)" if f == chosen else " (shipped)" if f == shipped else ""
        mark += " (best single threshold)" if f == best_single and f != chosen else ""
        rows.append(f"| {rule}{mark} | {kept:.2f} | {right:.2f} | " + " | ".join(f"{x:.2f}" for x in by_kind) + " |")
    counts = ", ".join(f"{sum(q['kind'] == k for q in nothing)} {k}" for k in KINDS)
    table = [
        f"{len(queries)} answerable queries ({len(found)} with a relevant clause in the top {K}), "
        f"{len(nothing)} no-answer queries ({counts}).",
        "",
        "| a hit counts when | answerable kept | no-answer left empty | off-corpus topics | off-domain | nonsense |",
        "|---|---|---|---|---|---|",
        *rows,
    ]
    replace_block(README, "\n".join(table), BEGIN, END, "No comparable clause")
    print("\n".join(table))
    if chosen != shipped:
        print(f"note: the shipped rule {shipped} ({index.embedder}) differs from the chosen {chosen}")


if __name__ == "__main__":
    main()
