"""Analysis: compare documents, find coverage gaps and map topics across the corpus.

Entry points: ``compare.profile(index, doc_id)`` and ``compare.align(index, a, b)``,
``coverage.matrix(index)`` and ``coverage.gaps(index)``, ``topics.fit(...)`` and
``topics.fit_index(index)`` (BERTopic on the stored embeddings), ``checklist.load_checklist()``
(the provision checklist as data).
"""

from __future__ import annotations
