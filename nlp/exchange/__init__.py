"""Exchange: coded clauses out to spreadsheets and QDA programs, and reviewed codes back in.

Entry points: ``tabular.clause_table(store)`` and ``tabular.write(rows, fmt, path)`` (CSV, XLSX,
JSONL, Parquet); ``qdpx.export(store, path)`` and ``qdpx_import.import_qdpx(store, path)`` (REFI-QDA).
"""

from __future__ import annotations

_EXPORTS = {
    "clause_table": "nlp.exchange.tabular",
    "write": "nlp.exchange.tabular",
    "export": "nlp.exchange.qdpx",
    "import_qdpx": "nlp.exchange.qdpx_import",
}


def __getattr__(name: str) -> object:
    """Import an entry point on first use (keeps ``import nlp.exchange`` light)."""
    import importlib

    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
