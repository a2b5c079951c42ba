"""Exchange: coded clauses out to spreadsheets and QDA programs, and reviewed codes back in.

Entry points: ``tabular.clause_table(store)`` and ``tabular.write(rows, fmt, path)`` (CSV, XLSX,
JSONL, Parquet); ``qdpx.export(store, path)`` and ``qdpx_import.import_qdpx(store, path)`` (REFI-QDA).
"""

from __future__ import annotations

from nlp.lazy import lazy_exports

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "clause_table": "nlp.exchange.tabular",
        "write": "nlp.exchange.tabular",
        "export": "nlp.exchange.qdpx",
        "import_qdpx": "nlp.exchange.qdpx_import",
    },
)
