"""Tabular exports of coded clauses: CSV (UTF-8 with BOM), XLSX, JSONL and Parquet.

One row per clause with its document metadata, section path, page, offsets, text, themes with
scores, stance with score, and where each label comes from: ``model`` or ``reviewed`` (the
latest annotation in the store wins over the model).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from nlp.errors import ClauseAtlasError
from nlp.resources import STANCES, THEMES
from nlp.store import Store
from nlp.views import to_csv, to_xlsx

FORMATS = ("csv", "xlsx", "jsonl", "parquet")


class ExportError(ClauseAtlasError, ValueError):
    """An export cannot be written as asked."""


def clause_table(
    store: Store, doc_ids: Sequence[str] = (), themes: Sequence[str] = ()
) -> list[dict[str, Any]]:
    """Rows of the selected clauses (all documents, or ``doc_ids``; all clauses, or those with one of ``themes``).

    Raises:
        UnknownDocumentError: a document id is not stored.
    """
    docs = {d["doc_id"]: d for d in store.documents()}
    for d in doc_ids:
        store.document(d)
    preds = store.predictions()
    reviewed = {str(a["clause_id"]): a for a in store.annotations()}
    rows = []
    for c in store.clauses():
        if doc_ids and c.doc_id not in doc_ids:
            continue
        p, r, d = preds.get(c.clause_id), reviewed.get(c.clause_id), docs[c.doc_id]
        labels_themes = list(r["themes"]) if r else list(p.themes) if p else []
        if themes and not set(themes) & set(labels_themes):
            continue
        row: dict[str, Any] = {
            "clause_id": c.clause_id,
            "doc_id": c.doc_id,
            "title": d["title"],
            "doc_type": d["doc_type"],
            "organisation": d["organisation"] or "",
            "sector": d.get("sector") or "",
            "country": d["country"] or "",
            "year": d["year"],
            "section": c.section_path,
            "page": c.page,
            "start": c.start,
            "end": c.end,
            "text": c.text,
            "themes": labels_themes,
            "stance": (r["stance"] if r else p.stance if p else ""),
            "label_source": "reviewed" if r else "model" if p else "",
            "reviewed_by": r["annotator"] if r else "",
            "model_version": p.model_version if p else "",
        }
        for t in THEMES:
            row[f"score_{t}"] = p.theme_scores.get(t) if p else None
        row["stance_score"] = p.stance_scores.get(row["stance"]) if p and row["stance"] in STANCES else None
        rows.append(row)
    return rows


def write(rows: Sequence[dict[str, Any]], fmt: str, path: str | Path) -> Path:
    """Write rows in one of :data:`FORMATS`.

    Raises:
        ExportError: unknown format, nothing to export, or the file cannot be written.
    """
    path = Path(path)
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if not rows:
        raise ExportError("nothing to export: no clause matches the selection")
    try:
        if fmt == "csv":
            path.write_bytes(to_csv(rows))
        elif fmt == "xlsx":
            path.write_bytes(to_xlsx({"Clausules": rows}))
        elif fmt == "jsonl":
            path.write_text(
                "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in rows), encoding="utf-8"
            )
        else:
            import pandas as pd

            pd.DataFrame(list(rows)).to_parquet(path, index=False)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror}") from exc
    return path
