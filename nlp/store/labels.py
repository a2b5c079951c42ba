"""The store's label tables: model predictions and reviewed annotations per clause.

Predictions are keyed by clause id and carry the model version, so a newer model can find the
clauses it has not coded yet. Replacing or deleting a document removes its predictions.
Annotations are labels a person gave (in the app's review page or through a QDA import), with
who and when; the latest annotation of a clause wins. They are tied to the clause text they
judged and its offsets: when a document is stored again (replaced or re-segmented), each review
moves to the clause with the same text nearest its old offsets (:meth:`LabelTables.reanchor`);
a review whose text no longer occurs is kept (it stays usable as gold data) but no longer counts
as the label of any clause, and :meth:`LabelTables.stale_annotations` lists it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from nlp.records import Prediction

_ANNOTATION_COLUMNS = (
    "a.clause_id, a.doc_id, a.text, a.themes, a.stance, a.annotator, a.created_at, a.source, a.note"
)


class LabelTables:
    """Mixin of :class:`~nlp.store.Store`: read and write predictions and annotations."""

    ROWID: ClassVar[str]
    SCHEMA = """
CREATE TABLE IF NOT EXISTS predictions (
    clause_id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    model_version VARCHAR NOT NULL,
    themes VARCHAR[] NOT NULL,
    stance VARCHAR NOT NULL,
    data VARCHAR NOT NULL
);
CREATE INDEX IF NOT EXISTS predictions_doc ON predictions (doc_id);
CREATE TABLE IF NOT EXISTS annotations (
    clause_id VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    themes VARCHAR[] NOT NULL,
    stance VARCHAR NOT NULL,
    annotator VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL,
    source VARCHAR NOT NULL,
    note VARCHAR
);
ALTER TABLE annotations ADD COLUMN IF NOT EXISTS start_char INTEGER;
ALTER TABLE annotations ADD COLUMN IF NOT EXISTS end_char INTEGER;
"""
    TABLES: ClassVar[dict[str, tuple[tuple[tuple[str, str], ...], tuple[str, ...]]]] = {
        "predictions": (
            (
                ("clause_id", "VARCHAR"),
                ("doc_id", "VARCHAR"),
                ("model_version", "VARCHAR"),
                ("themes", "VARCHAR[]"),
                ("stance", "VARCHAR"),
                ("data", "VARCHAR"),
            ),
            ("clause_id",),
        ),
        "annotations": (
            (
                ("clause_id", "VARCHAR"),
                ("doc_id", "VARCHAR"),
                ("text", "VARCHAR"),
                ("themes", "VARCHAR[]"),
                ("stance", "VARCHAR"),
                ("annotator", "VARCHAR"),
                ("created_at", "TIMESTAMP"),
                ("source", "VARCHAR"),
                ("note", "VARCHAR"),
                ("start_char", "INTEGER"),
                ("end_char", "INTEGER"),
            ),
            (),  # no key: every review is kept, the newest per clause counts
        ),
    }

    if TYPE_CHECKING:  # provided by Store

        def _x(self, sql: str, params: Sequence[object] = ()) -> Any: ...

        def _insert_many(self, table: str, rows: Sequence[Sequence[object]], conflict: Any = "error") -> None: ...

        def _dicts(self, sql: str, params: Sequence[object] = ()) -> list[dict[str, object]]: ...

        def transaction(self) -> Any:  # noqa: D102
            ...

    def put_predictions(self, items: Iterable[tuple[str, str, Prediction]]) -> int:
        """Store ``(clause_id, doc_id, prediction)`` triples, replacing older ones; returns the count."""
        rows = [
            (
                cid,
                doc_id,
                p.model_version,
                list(p.themes),
                p.stance,
                json.dumps(p.to_dict(), ensure_ascii=False),
            )
            for cid, doc_id, p in items
        ]
        if rows:
            self._insert_many("predictions", rows, "replace")
        return len(rows)

    def predictions(self, doc_id: str | None = None) -> dict[str, Prediction]:
        """Stored predictions by clause id (of one document, or all)."""
        sql = "SELECT clause_id, data FROM predictions" + (" WHERE doc_id = ?" if doc_id else "")
        rows = self._x(sql, [doc_id] if doc_id else []).fetchall()
        return {cid: Prediction.from_dict(json.loads(data)) for cid, data in rows}

    def uncoded_documents(self, model_version: str) -> list[str]:
        """Documents with at least one clause lacking a prediction of ``model_version``."""
        rows = self._x(
            "SELECT DISTINCT c.doc_id FROM clauses c LEFT JOIN predictions p "
            "ON p.clause_id = c.clause_id AND p.model_version = ? WHERE p.clause_id IS NULL ORDER BY 1",
            [model_version],
        ).fetchall()
        return [r[0] for r in rows]

    def forget_predictions(self, doc_id: str) -> None:
        """Remove the predictions of a document's clauses."""
        self._x("DELETE FROM predictions WHERE doc_id = ?", [doc_id])

    def annotate(
        self,
        clause_id: str,
        themes: Iterable[str],
        stance: str,
        annotator: str,
        *,
        source: str = "review",
        note: str = "",
    ) -> None:
        """Record a person's labels for a stored clause.

        Raises:
            StoreError: the clause is not stored, a label is not in LABELS.md, or no annotator.
        """
        from datetime import UTC, datetime

        from nlp.errors import StoreError
        from nlp.resources import STANCES, THEMES

        themes = [t for t in THEMES if t in set(themes)]
        if stance not in STANCES:
            raise StoreError(f"stance must be one of {', '.join(STANCES)}; got {stance!r}")
        if not annotator.strip():
            raise StoreError("an annotation needs the annotator's name")
        with self.transaction():  # not while an ingest re-anchors this document's reviews
            row = self._x(
                "SELECT doc_id, text, start_char, end_char FROM clauses WHERE clause_id = ?", [clause_id]
            ).fetchone()
            if row is None:
                raise StoreError(f"unknown clause id {clause_id!r}")
            now = datetime.now(UTC).replace(tzinfo=None)
            self._insert_many(
                "annotations",
                [(clause_id, row[0], row[1], themes, stance, annotator.strip(), now, source, note, row[2], row[3])],
            )

    def annotations(self, latest: bool = True, *, live: bool = True) -> list[dict[str, object]]:
        """Annotations, oldest first.

        Args:
            latest: Only the newest per clause.
            live: Only those whose clause is stored with the text they judged (the labels that
                count); ``False`` also gives stale ones, e.g. to use them as gold data.
        """
        sql = f"SELECT {_ANNOTATION_COLUMNS}, row_number() OVER (PARTITION BY a.clause_id ORDER BY a.created_at DESC) AS n FROM annotations a"
        if live:
            sql += " JOIN clauses c ON c.clause_id = a.clause_id AND c.text = a.text"
        rows = self._dicts(f"SELECT * FROM ({sql}) a" + (" WHERE n = 1" if latest else "") + " ORDER BY created_at")
        for r in rows:
            del r["n"]
        return rows

    def stale_annotations(self, doc_id: str | None = None) -> list[dict[str, object]]:
        """Annotations whose text no longer occurs in their document (newest per text), oldest first."""
        sql = (
            f"SELECT {_ANNOTATION_COLUMNS}, row_number() OVER (PARTITION BY a.doc_id, a.text "
            "ORDER BY a.created_at DESC) AS n FROM annotations a WHERE NOT EXISTS "
            "(SELECT 1 FROM clauses c WHERE c.clause_id = a.clause_id AND c.text = a.text)"
            + (" AND a.doc_id = ?" if doc_id else "")
        )
        rows = self._dicts(f"SELECT * FROM ({sql}) a WHERE n = 1 ORDER BY created_at", [doc_id] if doc_id else [])
        for r in rows:
            del r["n"]
        return rows

    def reanchor(self, doc_id: str) -> tuple[int, int]:
        """Move a document's annotations to its current clauses; returns (moved, stale) counts.

        An annotation whose clause id still holds the text it judged stays. Otherwise it moves to
        the clause with the same text whose start is nearest its old start (the first such
        clause when the old offsets are unknown); with no such clause it stays stale.
        """
        clauses = self._x(
            "SELECT clause_id, text, start_char, end_char FROM clauses WHERE doc_id = ?", [doc_id]
        ).fetchall()
        by_id = {cid: text for cid, text, _s, _e in clauses}
        by_text: dict[str, list[tuple[str, int, int]]] = {}
        for cid, text, start, end in clauses:
            by_text.setdefault(text, []).append((cid, start, end))
        rows = self._x(
            f"SELECT {self.ROWID}, clause_id, text, start_char FROM annotations WHERE doc_id = ?", [doc_id]
        ).fetchall()
        moved: set[str] = set()
        stale: set[str] = set()
        for rowid, cid, text, start in rows:
            if by_id.get(cid) == text:
                continue
            candidates = by_text.get(text)
            if not candidates:
                stale.add(cid)
                continue
            new_id, new_start, new_end = min(
                candidates, key=lambda c: abs(c[1] - start) if start is not None else 0
            )
            self._x(
                f"UPDATE annotations SET clause_id = ?, start_char = ?, end_char = ? WHERE {self.ROWID} = ?",
                [new_id, new_start, new_end, rowid],
            )
            moved.add(cid)
        return len(moved), len(stale)

    def prediction(self, clause_id: str) -> Prediction | None:
        """The stored prediction of one clause, if any."""
        row = self._x("SELECT data FROM predictions WHERE clause_id = ?", [clause_id]).fetchone()
        return Prediction.from_dict(json.loads(row[0])) if row else None

    def data_version(self) -> tuple[object, ...]:
        """Changes whenever documents, predictions or annotations change (a cache key)."""
        return tuple(
            self._x(
                "SELECT (SELECT count(*) FROM documents), (SELECT max(ingested_at) FROM documents), "
                "(SELECT count(*) FROM clauses), (SELECT count(*) FROM predictions), "
                "(SELECT count(*) FROM annotations)"
            ).fetchone()  # type: ignore[arg-type]
        )
