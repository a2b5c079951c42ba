"""Retrieval: sentence embeddings, a lexical index and hybrid search over stored clauses.

Entry points: ``embed.embed(texts)`` (cached in the store), ``embed.get_embedder(name)``,
``dense.top_k`` (exact or approximate), ``lexical.LexicalIndex`` and
``search.ClauseIndex.from_store(store).search(query)``.
"""

from __future__ import annotations

_EXPORTS = {
    "embed": "nlp.retrieval.embed",
    "get_embedder": "nlp.retrieval.embed",
    "ClauseIndex": "nlp.retrieval.search",
    "Filters": "nlp.retrieval.search",
    "LexicalIndex": "nlp.retrieval.lexical",
}


def __getattr__(name: str) -> object:
    """Import an entry point on first use (keeps ``import nlp.retrieval`` light)."""
    import importlib

    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
