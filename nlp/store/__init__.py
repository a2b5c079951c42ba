"""Store: documents, clauses, predictions, reviews and cached embeddings in one DuckDB file.

Entry point: ``Store(path)`` (``duckdb_store``), with the label tables (``labels``: predictions,
annotations and their anchoring) and the embedding cache (``vectors``) as mixins.
"""

from __future__ import annotations

from nlp.lazy import lazy_exports

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "Store": "nlp.store.duckdb_store",
        "default_store_path": "nlp.store.paths",
        "STORE_ENV": "nlp.store.paths",
        "Status": "nlp.store.duckdb_store",
    },
)
