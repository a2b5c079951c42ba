"""The Overzicht heatmap: documents x themes as tiles, without Streamlit."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

import numpy as np

from nlp.analysis.coverage import matrix
from nlp.resources import THEMES
from nlp.retrieval.search import ClauseIndex

LABEL_WIDTH = 55


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def heatmap(index: ClauseIndex) -> dict[str, Any]:
    """Documents x themes: clause counts and whether a binding commitment is present.

    ``labels`` are the row labels: the manifest's short titles, else the titles cut to
    :data:`LABEL_WIDTH` characters, with the document id added where two would read the same; ``shade`` is the colour
    value, log(1 + count), so that one document with hundreds of clauses does not wash out the rest.
    """
    cells = matrix(index)
    doc_ids = list(dict.fromkeys(c.doc_id for c in cells))
    by = {(c.doc_id, c.theme): c for c in cells}
    titles = {r["doc_id"]: r["title"] for r in index.rows}
    shorts = {r["doc_id"]: r.get("short_title") or "" for r in index.rows}
    short = {d: _cut(str(shorts.get(d) or titles[d]), LABEL_WIDTH) for d in doc_ids}
    seen = Counter(short.values())
    counts = [[by[(d, t)].clauses for t in THEMES] for d in doc_ids]
    return {
        "doc_ids": doc_ids,
        "titles": [titles[d] for d in doc_ids],
        "labels": [f"{short[d]} ({d})" if seen[short[d]] > 1 else short[d] for d in doc_ids],
        "shade": [[float(np.log1p(n)) for n in row] for row in counts],
        "themes": list(THEMES),
        "counts": counts,
        "binding": [[by[(d, t)].commitments > 0 for t in THEMES] for d in doc_ids],
        "strongest": [[by[(d, t)].strongest for t in THEMES] for d in doc_ids],
    }


def heatmap_cells(hm: dict[str, Any]) -> list[dict[str, Any]]:
    """The heatmap as one tile per document x theme, row by row (the order :func:`cell_of` reads)."""
    return [
        {
            "doc_id": d,
            "theme": t,
            "label": hm["labels"][i],
            "count": hm["counts"][i][j],
            "shade": hm["shade"][i][j],
            "text": f"{hm['counts'][i][j]}{' ●' if hm['binding'][i][j] else ''}",
        }
        for i, d in enumerate(hm["doc_ids"])
        for j, t in enumerate(hm["themes"])
    ]


def cell_of(hm: dict[str, Any], points: Iterable[dict[str, Any]]) -> tuple[str, str] | None:
    """The (document, theme) of the first clicked tile, or None."""
    for p in points:
        n = p.get("point_index", p.get("point_number"))
        if isinstance(n, int) and 0 <= n < len(hm["doc_ids"]) * len(hm["themes"]):
            i, j = divmod(n, len(hm["themes"]))
            return hm["doc_ids"][i], hm["themes"][j]
    return None
