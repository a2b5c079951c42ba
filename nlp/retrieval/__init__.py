"""Retrieval: sentence embeddings, a lexical index and hybrid search over stored clauses.

Entry points: ``embed.embed(texts)`` (cached in the store), ``embed.get_embedder(name)``,
``dense.top_k`` (exact or approximate), ``lexical.LexicalIndex`` and
``search.ClauseIndex.from_store(store).search(query)``.
"""

from __future__ import annotations

from nlp.lazy import lazy_exports

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "embed": "nlp.retrieval.embed",
        "get_embedder": "nlp.retrieval.embed",
        "ClauseIndex": "nlp.retrieval.search",
        "Filters": "nlp.retrieval.search",
        "LexicalIndex": "nlp.retrieval.lexical",
    },
)
