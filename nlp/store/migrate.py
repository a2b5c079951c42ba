"""Copy a whole store into another: DuckDB to PostgreSQL, PostgreSQL to DuckDB, or file to file.

Every table (documents, clauses, predictions, reviews, cached embeddings) is copied in batches in
one transaction of the target, then the row counts of source and target are compared; a
mismatch rolls nothing back silently but raises. The target must be empty, so a copy never mixes
two corpora.
"""

from __future__ import annotations

from collections.abc import Callable

from nlp.errors import StoreError
from nlp.store.base import Conflict, Store
from nlp.store.schema import TABLES

# The target's schema version row is replaced; every other row is new to an empty target.
_CONFLICT: dict[str, Conflict] = {"meta": "replace"}


def migrate(
    source: Store, target: Store, *, progress: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    """Copy every table of ``source`` into the empty ``target``.

    Args:
        source: The store to copy (may be read-only).
        target: An empty store (freshly created, or without documents and reviews).
        progress: Called with (table, rows copied so far) after each batch.

    Returns:
        Rows copied per table, equal in source and target.

    Raises:
        StoreError: the target already holds documents or reviews, or a count differs after the copy.
    """
    held = {t: target.count(t) for t in ("documents", "clauses", "annotations")}
    if any(held.values()):
        raise StoreError(
            f"the target store {target.name} is not empty ({held['documents']} documents, "
            f"{held['annotations']} reviews); migrate copies into an empty store"
        )
    copied: dict[str, int] = {}
    with target.transaction():
        for table in TABLES:
            n = 0
            for rows in source.rows(table):
                target._insert_many(table, rows, _CONFLICT.get(table, "error"))
                n += len(rows)
                if progress:
                    progress(table, n)
            copied[table] = n
        counts = {t: (source.count(t), target.count(t)) for t in TABLES}
        wrong = {t: c for t, c in counts.items() if c[0] != c[1] and t != "meta"}
        if wrong:
            detail = ", ".join(f"{t} {a} -> {b}" for t, (a, b) in wrong.items())
            raise StoreError(f"the copy is incomplete ({detail}); nothing was written")
    return {t: counts[t][1] for t in TABLES}
