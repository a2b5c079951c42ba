"""The Onderwerpen page's view model: saved topic assignments, the topic table and its clauses."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from nlp.resources import THEMES
from nlp.retrieval.search import ClauseIndex
from ui.views import THEME_NL, clause_rows, dutch_number, only_binding

TOPIC_COLUMNS_NL = {"topic": "onderwerp", "size": "clausules", "label": "label", "example": "typische clausule"}


def topic_display(table: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The topic table with Dutch column names, without map coordinates."""
    return [{TOPIC_COLUMNS_NL.get(k, k): v for k, v in r.items() if k not in ("x", "y")} for r in table]


def load_topic_assignments(folder: Path | None = None) -> dict[str, Any] | None:
    """The saved topic assignments (without loading BERTopic), or None when none are saved."""
    import json

    from nlp.analysis.topics import DEFAULT_TOPICS_DIR

    path = (folder or DEFAULT_TOPICS_DIR) / "assignments.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def refit(index: ClauseIndex) -> None:
    """Fit and save the topics again on the index's clauses (the app's button)."""
    from nlp.analysis.topics import fit_index

    fit_index(index)


def staleness(index: ClauseIndex, saved: dict[str, Any]) -> dict[str, int]:
    """How far the saved topics are behind the store.

    Clauses (and their documents) added since the fit, and fitted clauses no longer stored.
    """
    fitted = set(saved["clause_ids"])
    new = [r for r in index.rows if r["clause_id"] not in fitted]
    return {
        "new_clauses": len(new),
        "new_documents": len({r["doc_id"] for r in new}),
        "gone_clauses": len(fitted - set(index.position)),
    }


def staleness_text(behind: dict[str, int]) -> str:
    """The page's Dutch warning for :func:`staleness` ("" when the topics are current)."""
    parts = []
    if behind["new_clauses"]:
        parts.append(
            f"{dutch_number(behind['new_clauses'])} clausules uit {behind['new_documents']} documenten "
            "zijn toegevoegd na het berekenen"
        )
    if behind["gone_clauses"]:
        parts.append(f"{dutch_number(behind['gone_clauses'])} clausules zijn verdwenen")
    if not parts:
        return ""
    return "De onderwerpen zijn verouderd: " + " en ".join(parts) + ". Nieuwe clausules hebben nog geen onderwerp."


def topic_table(index: ClauseIndex, saved: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per topic: size, keywords, share per theme, the most central clause (2-D map position too)."""
    labels = saved["info"]["labels"]
    members: dict[int, list[int]] = {}
    for cid, t in zip(saved["clause_ids"], saved["topics"], strict=True):
        if cid in index.position:
            members.setdefault(int(t), []).append(index.position[cid])
    ids = sorted(t for t in members if t != -1)
    if not ids:
        return []
    centroids = np.vstack([index.vectors[members[t]].mean(axis=0) for t in ids])
    centred = centroids - centroids.mean(axis=0)
    _u, _s, vt = np.linalg.svd(centred, full_matrices=False)
    xy = centred @ vt[:2].T
    out = []
    for k, t in enumerate(ids):
        rows = members[t]
        c = centroids[k] / (np.linalg.norm(centroids[k]) or 1)
        central = rows[int(np.argmax(index.vectors[rows] @ c))]
        themes = Counter(th for i in rows for th in index.rows[i]["themes"])
        out.append(
            {
                "topic": t,
                "size": len(rows),
                "label": labels.get(str(t), ""),
                "example": index.rows[central]["text"],
                **{THEME_NL[th]: themes.get(th, 0) for th in THEMES},
                "x": float(xy[k, 0]),
                "y": float(xy[k, 1]),
            }
        )
    return out


def topic_clauses(
    index: ClauseIndex, saved: dict[str, Any], topic: int, limit: int = 50, *, binding_only: bool = False
) -> list[dict[str, Any]]:
    """Clauses assigned to one topic, in document order (only binding ones with ``binding_only``)."""
    ids = [c for c, t in zip(saved["clause_ids"], saved["topics"], strict=True) if t == topic and c in index.position]
    pos = [index.position[c] for c in only_binding(index, ids, binding_only)]
    return clause_rows(index, sorted(pos)[:limit])

