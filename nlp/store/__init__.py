"""Store: documents, clauses, predictions, reviews and cached embeddings.

Entry point: ``Store(target)`` (``base``; the tables in ``schema``), a DuckDB file (``duckdb_store``, the default) or a
PostgreSQL database for a team (``postgres_store``), with the label tables (``labels``:
predictions, annotations and their anchoring) and the embedding cache (``vectors``) as mixins;
``migrate`` copies one store into another.
"""

from __future__ import annotations

from nlp.lazy import lazy_exports

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "Store": "nlp.store.base",
        "Status": "nlp.store.base",
        "DEFAULT_WAIT": "nlp.store.base",
        "migrate": "nlp.store.migrate",
        "default_store": "nlp.store.paths",
        "default_store_path": "nlp.store.paths",
        "STORE_ENV": "nlp.store.paths",
    },
)
