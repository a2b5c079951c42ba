"""The document page's view model: one stored document with its sections and coded clauses."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

# Clauses shown around the selected one on the document page (the rest on request).
DOCUMENT_WINDOW = 40


def document_view(store: Any, doc_id: str, selected: str | None = None, *, whole: bool = False) -> dict[str, Any]:
    """A stored document as the document page shows it.

    Metadata, where it came from, its section tree and its clauses in order with their codes
    (a person's review wins over the model's prediction). Returns ``meta`` (title, type, organisation, country, year), ``source`` (the manifest's
    source, ``source_url`` when it is a web address), ``original`` (the ingested file when it is
    still on disk, else None), ``text`` (the cleaned text), ``sections`` (every section path once,
    in order, with its depth and the id of its first clause), ``clauses`` (dicts with id,
    section, text, themes, stance, ``selected``) limited to :data:`DOCUMENT_WINDOW` around the
    selected clause unless ``whole``, and ``shown``/``total`` clause counts.

    Raises:
        UnknownDocumentError: no such document.
    """
    doc = store.document(doc_id)
    clauses = store.clauses(doc_id)
    preds = store.predictions(doc_id)
    reviewed = {str(a["clause_id"]): a for a in store.annotations() if a["doc_id"] == doc_id}
    rows = []
    for c in clauses:
        label = reviewed.get(c.clause_id)
        p = preds.get(c.clause_id)
        themes = list(label["themes"]) if label else list(p.themes) if p else []
        stance = str(label["stance"]) if label else p.stance if p else ""
        rows.append(
            {
                "clause_id": c.clause_id,
                "section": c.section_path,
                "text": c.text,
                "themes": themes,
                "stance": stance,
                "reviewed": label is not None,
                "selected": c.clause_id == selected,
            }
        )
    sections: list[dict[str, Any]] = []
    seen: set[str] = set()
    for c in clauses:
        for depth in range(1, len(c.section) + 1):
            path = " > ".join(c.section[:depth])
            if path not in seen:
                seen.add(path)
                sections.append({"title": c.section[depth - 1], "depth": depth, "clause_id": c.clause_id})
    at = next((i for i, r in enumerate(rows) if r["selected"]), 0)
    lo = 0 if whole else max(0, min(at - DOCUMENT_WINDOW // 2, len(rows) - DOCUMENT_WINDOW))
    hi = len(rows) if whole else min(len(rows), lo + DOCUMENT_WINDOW)
    source = str(doc.get("source") or "")
    path = Path(str(doc.get("path") or ""))
    if path.parts and not path.is_absolute():
        path = Path(__file__).resolve().parents[1] / path
    return {
        "meta": {k: doc.get(k) for k in ("doc_id", "title", "doc_type", "organisation", "country", "year")},
        "source": source,
        "source_url": source if re.match(r"https?://", source) else "",
        "original": path if str(doc.get("path") or "") and path.is_file() else None,
        "text": str(doc["text"]),
        "sections": sections,
        "clauses": rows[lo:hi],
        "first": lo,
        "total": len(rows),
    }


def document_link(doc_id: str, clause_id: str | None = None) -> str:
    """A markdown link that opens the document page (at a clause)."""
    from urllib.parse import urlencode

    params = {"doc": doc_id, **({"clause": clause_id} if clause_id else {})}
    return f"[Bekijk in het document](document?{urlencode(params)})"
