"""Store: documents, clauses, predictions, reviews and cached embeddings in one DuckDB file.

Entry point: ``Store(path)`` (``duckdb_store``), with the label tables (``labels``: predictions,
annotations and their anchoring) and the embedding cache (``vectors``) as mixins.
"""

from __future__ import annotations

_EXPORTS = {
    "Store": "nlp.store.duckdb_store",
    "default_store_path": "nlp.store.duckdb_store",
    "to_json": "nlp.store.duckdb_store",
    "Status": "nlp.store.duckdb_store",
}


def __getattr__(name: str) -> object:
    """Import an entry point on first use (keeps ``import nlp.store`` light)."""
    import importlib

    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
