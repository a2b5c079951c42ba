"""The Checklist page's logic: the documents x provisions matrix, its filters and its exports.

Kept out of the page so that it is tested without Streamlit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from nlp.analysis.checklist import Provision
from nlp.analysis.provisions import Finding, table
from nlp.resources import PROVISION_STATUS_LABELS, PROVISION_STATUS_SYMBOLS
from ui.views import DOC_TYPE_NL, THEME_NL

# Cell colours per status (background, as CSS), matching the symbols.
STATUS_COLOURS = {"bindend": "#1b7837", "genoemd": "#f6c141", "afwezig": "#f2f2f2"}
STATUS_TEXT_COLOURS = {"bindend": "#ffffff", "genoemd": "#000000", "afwezig": "#888888"}


@dataclass(frozen=True)
class ChecklistFilter:
    """What the page shows: document types, sectors, years (empty: all) and provision themes."""

    doc_types: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    themes: tuple[str, ...] = ()


def documents(index: Any) -> dict[str, dict[str, Any]]:
    """Per document id: title, short title (the title when there is none), type, sector and year."""
    out: dict[str, dict[str, Any]] = {}
    for r in index.rows:
        out.setdefault(
            r["doc_id"],
            {
                "title": r["title"],
                "short_title": r.get("short_title") or r["title"],
                "doc_type": r["doc_type"],
                "sector": r.get("sector") or "",
                "year": r["year"],
            },
        )
    return out


def cell_text(status: str) -> str:
    """The symbol and Dutch word shown in a matrix cell."""
    return f"{PROVISION_STATUS_SYMBOLS[status]} {status}"


def matrix(
    found: Sequence[Finding], index: Any, provisions: Sequence[Provision], flt: ChecklistFilter
) -> tuple[list[dict[str, Any]], list[str], list[Provision]]:
    """The wide matrix rows (one per document), their document ids, and the provisions shown as columns."""
    docs = documents(index)
    shown = [p for p in provisions if not flt.themes or p.theme in flt.themes]
    keep = {
        d
        for d, m in docs.items()
        if (not flt.doc_types or m["doc_type"] in flt.doc_types)
        and (not flt.sectors or m["sector"] in flt.sectors)
        and (not flt.years or m["year"] in flt.years)
    }
    status = {(f.doc_id, f.provision): f.status for f in found}
    rows, ids = [], []
    for d in sorted(keep, key=lambda d: str(docs[d]["short_title"]).lower()):
        row: dict[str, Any] = {
            "document": docs[d]["short_title"],
            "soort": DOC_TYPE_NL.get(docs[d]["doc_type"], docs[d]["doc_type"]),
        }
        for p in shown:
            s = status.get((d, p.id))
            row[p.name] = cell_text(s) if s else ""
        rows.append(row)
        ids.append(d)
    return rows, ids, shown


def counts(found: Iterable[Finding], doc_ids: Iterable[str], provision: str) -> dict[str, int]:
    """How many of the documents have each status for one provision."""
    ids = set(doc_ids)
    out = dict.fromkeys(PROVISION_STATUS_LABELS, 0)
    for f in found:
        if f.provision == provision and f.doc_id in ids:
            out[f.status] += 1
    return out


def export_rows(
    found: Sequence[Finding], index: Any, provisions: Sequence[Provision], doc_ids: Iterable[str]
) -> list[dict[str, Any]]:
    """The long table for CSV and Excel, with Dutch column names, for the documents shown."""
    ids = set(doc_ids)
    names = {
        "doc_id": "document_id",
        "title": "document",
        "doc_type": "soort",
        "provision": "bepaling_id",
        "name": "bepaling",
        "theme": "thema",
        "status_label": "status",
        "confidence": "zekerheid",
        "evidence": "clausules",
        "sections": "artikelen",
    }
    out = []
    for r in table(found, index, provisions):
        if r["doc_id"] not in ids:
            continue
        r = {
            **r,
            "doc_type": DOC_TYPE_NL.get(str(r["doc_type"]), r["doc_type"]),
            "theme": THEME_NL.get(str(r["theme"]), r["theme"]),
        }
        out.append({nl: r[en] for en, nl in names.items()})
    return out


def finding(found: Iterable[Finding], doc_id: str, provision: str) -> Finding | None:
    """The finding for one cell."""
    return next((f for f in found if f.doc_id == doc_id and f.provision == provision), None)


def checklist_names() -> dict[str, str]:
    """Provision id -> Dutch name from the checklist file ({} when it cannot be read)."""
    from nlp.analysis.checklist import load_checklist
    from nlp.errors import ClauseAtlasError

    try:
        return {p.id: p.name for p in load_checklist()}
    except ClauseAtlasError:
        return {}


def provision_gaps(found: Iterable[Finding], titles: dict[str, str], provision: str) -> list[dict[str, Any]]:
    """The documents that do not bind a provision: title and status ("genoemd" first, then "afwezig")."""
    order = {"genoemd": 0, "afwezig": 1}
    rows = [
        {
            "document": titles.get(f.doc_id, f.doc_id)[:90],
            "doc_id": f.doc_id,
            "status": PROVISION_STATUS_LABELS[f.status],
        }
        for f in sorted(found, key=lambda f: (order.get(f.status, 2), titles.get(f.doc_id, f.doc_id)))
        if f.provision == provision and f.status != "bindend"
    ]
    return rows
