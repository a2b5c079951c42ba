"""Code stored clauses: embed them (through the store's cache) and predict themes and stance.

``code_clauses`` is the pure step (clauses in, predictions out); ``code_store`` finds the
clauses in a store that the current model has not coded yet and stores its predictions in one
transaction. Ingest calls both, so every stored clause carries predictions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from nlp.coding.classify import ClauseCoder
from nlp.records import Clause, Prediction, Progress, Sample
from nlp.retrieval.embed import embed
from nlp.store.base import Store


def embedder_of(coder: ClauseCoder) -> str:
    """Registry name of the embedder the coder was trained with."""
    return coder.embedder


# Clauses embedded and predicted at a time: memory stays flat for a document of any length.
CODING_BATCH = 2000


def code_clauses(
    clauses: Sequence[Clause], doc_type: str, coder: ClauseCoder, store: Store | None = None
) -> list[Prediction]:
    """Predictions for the clauses of one document (embeddings cached in ``store`` if given).

    Works in batches of :data:`CODING_BATCH` clauses; each clause's context is its neighbours
    in the whole document.
    """
    texts = [c.text for c in clauses]
    out: list[Prediction] = []
    for lo in range(0, len(clauses), CODING_BATCH):
        batch = clauses[lo : lo + CODING_BATCH]
        vectors = embed([c.text for c in batch], embedder_of(coder), store)
        samples = [
            Sample(
                c.text, doc_type, c.section_path, v, " ".join(texts[max(i - 1, 0) : i] + texts[i + 1 : i + 2])
            )
            for i, c, v in zip(range(lo, lo + len(batch)), batch, vectors, strict=True)
        ]
        out += coder.predict(samples)
    return out


def code_store(
    store: Store,
    coder: ClauseCoder,
    doc_ids: Iterable[str] | None = None,
    *,
    on_progress: Callable[[Progress], None] | None = None,
    any_language: bool = False,
) -> int:
    """Code the clauses of documents that lack predictions of this model version.

    Args:
        store: The store.
        coder: The model.
        doc_ids: Limit to these documents (default: every document not yet coded by it).
        on_progress: Called with a ``code`` :class:`~nlp.records.Progress` after each document.
        any_language: Also code documents whose language is not Dutch (skipped by default).

    Returns:
        The number of clauses coded.
    """
    from nlp.ingest.language import is_coded_language

    todo = store.uncoded_documents(coder.version)
    if doc_ids is not None:
        wanted = set(doc_ids)
        todo = [d for d in todo if d in wanted]
    if not any_language:
        language = {str(d["doc_id"]): str(d.get("language") or "") for d in store.documents()}
        todo = [d for d in todo if is_coded_language(language.get(d, ""))]
    results: list[tuple[str, str, Prediction]] = []
    for n, doc_id in enumerate(todo, 1):
        clauses = store.clauses(doc_id)
        preds = code_clauses(clauses, str(store.document(doc_id)["doc_type"]), coder, store)
        results += [(c.clause_id, doc_id, p) for c, p in zip(clauses, preds, strict=True)]
        if on_progress:
            on_progress(Progress("code", n, len(todo), doc_id))
    if results:
        with store.transaction():
            for doc_id in todo:
                store.forget_predictions(doc_id)
            store.put_predictions(results)
    return len(results)
