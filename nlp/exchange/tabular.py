"""Tabular exports of coded clauses: CSV (UTF-8 with BOM), XLSX, JSONL and Parquet.

One row per clause with its document metadata, section path, page, offsets, text, themes with
scores, stance with score, and where each label comes from: ``model`` or ``reviewed`` (the
latest annotation in the store wins over the model).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from nlp.errors import ClauseAtlasError
from nlp.resources import STANCES, THEMES
from nlp.store.base import Store

FORMATS = ("csv", "xlsx", "jsonl", "parquet")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """A cell value a spreadsheet will not run: text starting like a formula gets a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(rows: Sequence[dict[str, Any]]) -> bytes:
    """CSV in UTF-8 with BOM (Excel opens Dutch characters correctly); lists joined with "; ".

    Text that a spreadsheet would run as a formula ("=HYPERLINK(...)") is neutralised (:func:`csv_safe`).
    """
    buf = io.StringIO()
    if rows:
        w = csv.DictWriter(buf, fieldnames=list(rows[0]), extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow(
                {
                    k: csv_safe("; ".join(map(str, v)) if isinstance(v, list | tuple) else v)
                    for k, v in r.items()
                }
            )
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def to_xlsx(tables: dict[str, Sequence[dict[str, Any]]]) -> bytes:
    """An XLSX workbook with one sheet per table, a frozen header row and fitted column widths.

    Cells are values, never live formulas: text starting with "=" is stored as text.
    """
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    for name, rows in tables.items():
        ws = wb.create_sheet(title=name[:31])
        if not rows:
            continue
        header = list(rows[0])
        ws.append(header)
        for r in rows:
            ws.append(
                [
                    "; ".join(map(str, v)) if isinstance(v, list | tuple) else v
                    for v in (r.get(h) for h in header)
                ]
            )
            for cell in ws[ws.max_row]:  # text, never a live formula (openpyxl reads "=..." as one)
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"
        ws.freeze_panes = "A2"
        for col, h in enumerate(header, 1):
            width = max(len(str(h)), *(len(str(r.get(h) or "")) for r in rows[:500]))
            ws.column_dimensions[get_column_letter(col)].width = min(max(width + 2, 8), 80)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


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
