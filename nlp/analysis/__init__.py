"""Analysis: compare documents, find coverage gaps and map topics across the corpus.

Entry points: ``compare.profile(index, doc_id)`` and ``compare.align(index, a, b)``,
``coverage.matrix(index)`` and ``coverage.gaps(index)``, ``topics.fit(...)`` (BERTopic on the
stored embeddings).
"""

from __future__ import annotations
