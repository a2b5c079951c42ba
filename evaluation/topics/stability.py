"""Topic stability on the bundled corpus: fit with three seeds, compare the runs.

Reports per seed the number of topics and the outlier share before and after reduction, and
between runs the adjusted Rand index of the clause assignments and the mean keyword overlap
of one-to-one matched topics. Writes ``stability.json`` and the table in
``evaluation/README.md``::

    python -m evaluation.topics.stability
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from nlp.analysis import topics
from nlp.coding.evaluate import replace_block
from nlp.retrieval.search import ClauseIndex
from nlp.store.base import Store

HERE = Path(__file__).parent
README = HERE.parent / "README.md"
BEGIN, END = "<!-- topics:begin -->", "<!-- topics:end -->"


def main() -> None:
    """Fit three seeds and write the results."""
    with Store(read_only=True) as store:
        index = ClauseIndex.from_store(store)
    t0 = time.perf_counter()
    result = topics.stability([r["text"] for r in index.rows], index.vectors, seeds=(0, 1, 2))
    result["seconds_for_three_fits"] = round(time.perf_counter() - t0)
    result["clauses"] = len(index.rows)
    (HERE / "stability.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    table = [
        f"Three fits (seeds {result['seeds']}) over {result['clauses']:,} clauses, {result['seconds_for_three_fits']} s in all.",
        "",
        "| seed | topics | outliers before reduction | after |",
        "|---|---|---|---|",
        *[
            f"| {s} | {n} | {b:.1%} | {a:.1%} |"
            for s, n, b, a in zip(
                result["seeds"],
                result["n_topics"],
                result["outliers_before"],
                result["outliers_after"],
                strict=True,
            )
        ],
        "",
        f"Stability between runs: adjusted Rand index {result['ari_mean']} (pairs: {', '.join(map(str, result['ari']))}); "
        f"mean keyword overlap of matched topics (Jaccard of top-10 words) {result['keyword_match_mean']}.",
    ]
    replace_block(README, "\n".join(table), BEGIN, END, "Topics")
    print("\n".join(table))


if __name__ == "__main__":
    main()
