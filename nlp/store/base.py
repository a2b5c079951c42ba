"""The clause store: documents, clauses, predictions, reviews and cached embeddings.

``Store(target)`` opens the store named by ``target``: a DuckDB file (the embedded default) or,
for a team, a PostgreSQL database given as a ``postgresql://`` URL. Both back ends share this
class's behaviour and SQL; a back end (:mod:`nlp.store.duckdb_store`,
:mod:`nlp.store.postgres_store`) only connects, waits for locks and writes rows in bulk, so the
rest of the code never knows which one it talks to.

Writes go through :meth:`Store.put_many`, which stores a batch of documents with their clauses in
a single transaction: re-storing an unchanged document (same content hash and pipeline version) is
a no-op, a changed document replaces its old clauses, and any failure rolls the whole batch back.
Writing transactions of different processes take turns (DuckDB's file lock, a PostgreSQL advisory
lock), so the same file ingested twice at once lands once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar, Literal

from nlp.errors import UnknownDocumentError
from nlp.records import Clause, Document, DocumentMeta, Prediction
from nlp.store.labels import LabelTables
from nlp.store.paths import default_store, is_server_url
from nlp.store.schema import META_FIELDS, SCHEMA, TABLES
from nlp.store.vectors import EmbeddingCache

SCHEMA_VERSION = 2  # 2: documents.short_title
# Seconds a command waits for a store another process holds (``--wait``, ``CLAUSE_ATLAS_WAIT``).
DEFAULT_WAIT = 5.0
# Bump when cleaning or segmentation changes, so re-ingest rebuilds stored clauses.
PIPELINE_VERSION = "seg-2"

Status = Literal["added", "replaced", "updated", "unchanged"]
Conflict = Literal["error", "ignore", "replace"]

class Store(EmbeddingCache, LabelTables):
    """Documents and clauses in a DuckDB file or a PostgreSQL database.

    ``Store(target)`` returns the back end that ``target`` names; both behave the same.

    Args:
        path: A DuckDB file (created with its folder if missing), ``":memory:"``, or a
            ``postgresql://user@host[:port]/database`` URL; default ``$CLAUSE_ATLAS_STORE`` or
            ``data/clause_atlas.duckdb``.
        read_only: Open without write access.
        wait: Seconds to wait while another process holds the store (DuckDB lets one process
            write, or several read, never both; PostgreSQL writers take turns); then
            :class:`~nlp.errors.StoreBusyError`.

    Raises:
        StoreError: the store cannot be opened (one line saying why).
    """

    # Column that identifies an annotation row for an update (DuckDB's rowid, a serial column).
    ROWID: ClassVar[str] = "rowid"
    con: Any

    def __new__(cls, path: str | Path | None = None, **_kwargs: Any) -> Store:
        """The back end that ``path`` names (a ``postgresql://`` URL or a DuckDB file)."""
        if cls is Store:
            target = str(path) if path is not None else default_store()
            if is_server_url(target):
                from nlp.store.postgres_store import PostgresStore

                cls = PostgresStore
            else:
                from nlp.store.duckdb_store import DuckDBStore

                cls = DuckDBStore
        return super().__new__(cls)

    def __init__(
        self, path: str | Path | None = None, *, read_only: bool = False, wait: float = DEFAULT_WAIT
    ) -> None:
        self.path = str(path) if path is not None else default_store()
        self.read_only = read_only
        self.wait = wait
        self._depth = 0
        self._open()

    # --- what a back end provides -------------------------------------------------------------

    def _open(self) -> None:  # pragma: no cover - every back end overrides it
        """Connect (``self.con``), waiting up to ``self.wait``; create the schema unless read-only."""
        raise NotImplementedError

    def _sql(self, sql: str) -> str:
        """The back end's spelling of a statement written with ``?`` placeholders."""
        return sql

    def _lock_for_write(self) -> None:
        """Make other writers wait until this transaction ends (DuckDB's file lock does it)."""

    def _insert_many(
        self, table: str, rows: Sequence[Sequence[object]], conflict: Conflict = "error"
    ) -> None:  # pragma: no cover - every back end overrides it
        """Insert rows (in the column order of :data:`TABLES`) in bulk."""
        raise NotImplementedError

    @property
    def name(self) -> str:
        """The store as shown to people (a server URL without its password)."""
        return self.path

    # --- shared -------------------------------------------------------------------------------

    def _x(self, sql: str, params: Sequence[object] = ()) -> Any:
        """Execute one statement; returns a cursor (``fetchone``, ``fetchall``, ``description``)."""
        return self.con.execute(self._sql(sql), list(params))

    def _schema_statements(self) -> list[str]:
        text = SCHEMA + EmbeddingCache.SCHEMA + LabelTables.SCHEMA
        return [s.strip() for s in text.split(";") if s.strip()]

    def _create_schema(self) -> None:
        with self.transaction():
            for statement in self._schema_statements():
                self._x(statement)
            self._insert_many("meta", [("schema_version", str(SCHEMA_VERSION))], "replace")

    @staticmethod
    def _conflict_clause(table: str, conflict: Conflict) -> str:
        if conflict == "error":
            return ""
        if conflict == "ignore":
            return " ON CONFLICT DO NOTHING"
        columns, key = TABLES[table]
        sets = ", ".join(f"{c} = EXCLUDED.{c}" for c, _t in columns if c not in key)
        return f" ON CONFLICT ({', '.join(key)}) DO UPDATE SET {sets}"

    def close(self) -> None:
        """Close the connection."""
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Run a block in one transaction; roll back on any exception.

        Other processes' writes wait until it ends. A transaction inside another joins it.
        """
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._x("BEGIN TRANSACTION")
        self._depth = 1
        try:
            self._lock_for_write()
            yield
        except BaseException:
            self._depth = 0
            self._x("ROLLBACK")
            raise
        self._depth = 0
        self._x("COMMIT")

    # --- writing ----------------------------------------------------------------------------

    def _columns(self, fields: Sequence[str]) -> str:
        """``fields`` of the documents table as a select list; a column an older store lacks reads as NULL.

        A store opened read-only is never upgraded, so it may predate a column (``short_title``).
        """
        if not hasattr(self, "_doc_columns"):
            rows = self._x("SELECT column_name FROM information_schema.columns WHERE table_name = 'documents'")
            self._doc_columns = {str(r[0]) for r in rows.fetchall()}
        return ", ".join(f if f in self._doc_columns else f"NULL AS {f}" for f in fields)

    def _stored_state(self, doc_id: str) -> tuple[object, ...] | None:
        return self._x(
            "SELECT content_hash, pipeline_version, " + self._columns(META_FIELDS[1:]) + " FROM documents WHERE doc_id = ?",
            [doc_id],
        ).fetchone()

    def status_of(self, doc: Document) -> Status:
        """What :meth:`put_many` would do with this document."""
        row = self._stored_state(doc.doc_id)
        if row is None:
            return "added"
        if row[0] != doc.content_hash or row[1] != PIPELINE_VERSION:
            return "replaced"
        stored_meta = dict(zip(META_FIELDS[1:], row[2:], strict=True))
        wanted = {k: getattr(doc.meta, k) for k in META_FIELDS[1:]}
        return "unchanged" if stored_meta == wanted else "updated"

    def is_current(self, doc_id: str, content_hash: str, meta: DocumentMeta | None = None) -> bool:
        """Whether ``doc_id`` is stored from the same bytes by this pipeline version.

        With ``meta``, its fields must match too. Lets ingest skip a file before reading it.
        """
        row = self._stored_state(doc_id)
        if row is None or row[0] != content_hash or row[1] != PIPELINE_VERSION:
            return False
        if meta is None:
            return True
        return dict(zip(META_FIELDS[1:], row[2:], strict=True)) == {
            k: getattr(meta, k) for k in META_FIELDS[1:]
        }

    def put_many(
        self,
        items: Iterable[tuple[Document, list[Clause]]],
        predictions: dict[str, list[Prediction]] | None = None,
    ) -> dict[str, Status]:
        """Store documents with their clauses (and predictions) in one transaction.

        Args:
            items: ``(document, clauses)`` pairs.
            predictions: Per document id, one prediction per clause (in clause order); stored
                for documents that are added or replaced, and for unchanged ones.

        Returns:
            What happened to each document id: added, replaced, updated (metadata only) or
            unchanged.
        """
        result: dict[str, Status] = {}
        pending: list[tuple[str, list[Clause], list[Prediction]]] = []
        now = datetime.now(UTC).replace(tzinfo=None)
        with self.transaction():
            for doc, clauses in items:
                status = self.status_of(doc)
                result[doc.doc_id] = status
                preds = (predictions or {}).get(doc.doc_id)
                if preds is not None:
                    if len(preds) != len(clauses):
                        raise ValueError(f"{doc.doc_id}: {len(preds)} predictions for {len(clauses)} clauses")
                    pending.append((doc.doc_id, clauses, preds))
                if status == "unchanged":
                    continue
                self._write(doc, clauses, status, now)
            for doc_id, clauses, preds in pending:
                self.forget_predictions(doc_id)
                self.put_predictions((c.clause_id, doc_id, p) for c, p in zip(clauses, preds, strict=True))
            for doc_id, status in result.items():
                if status in ("added", "replaced"):
                    self.reanchor(doc_id)  # reviews follow their clause text
        return result

    def _write(self, doc: Document, clauses: list[Clause], status: Status, now: datetime) -> None:
        """Write one document's metadata (``updated``) or replace it with its clauses."""
        if status == "updated":
            sets = ", ".join(f"{k} = ?" for k in META_FIELDS[1:])
            self._x(
                f"UPDATE documents SET {sets} WHERE doc_id = ?",
                [getattr(doc.meta, k) for k in META_FIELDS[1:]] + [doc.doc_id],
            )
            return
        self._x("DELETE FROM clauses WHERE doc_id = ?", [doc.doc_id])
        self._x("DELETE FROM documents WHERE doc_id = ?", [doc.doc_id])
        self.forget_predictions(doc.doc_id)
        m = doc.meta
        meta = (m.doc_id, m.title, m.doc_type, m.organisation, m.sector, m.country, m.year, m.language)
        self._insert_many(
            "documents",
            [
                (
                    *meta,
                    m.source,
                    doc.source_path,
                    doc.fmt,
                    doc.content_hash,
                    PIPELINE_VERSION,
                    doc.n_pages,
                    len(clauses),
                    doc.text,
                    now,
                    m.short_title,
                )
            ],
        )
        rows = [
            (
                c.clause_id,
                c.doc_id,
                c.ordinal,
                c.text,
                c.start,
                c.end,
                list(c.section),
                c.page,
                c.kind,
                c.marker,
                c.lead_in,
            )
            for c in clauses
        ]
        if rows:
            self._insert_many("clauses", rows)

    def delete(self, doc_id: str) -> None:
        """Remove a document and its clauses (its reviews stay, stale, and return if it does).

        Raises:
            UnknownDocumentError: no such document.
        """
        self.document(doc_id)
        with self.transaction():
            self._x("DELETE FROM clauses WHERE doc_id = ?", [doc_id])
            self._x("DELETE FROM documents WHERE doc_id = ?", [doc_id])
            self.forget_predictions(doc_id)

    # --- reading ----------------------------------------------------------------------------

    def _dicts(self, sql: str, params: Sequence[object] = ()) -> list[dict[str, object]]:
        cur = self._x(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def doc_ids(self) -> list[str]:
        """All stored document ids, sorted."""
        return [r[0] for r in self._x("SELECT doc_id FROM documents ORDER BY doc_id").fetchall()]

    def documents(self) -> list[dict[str, object]]:
        """One dict per document with its metadata, clause count and hash (no text)."""
        return self._dicts(
            "SELECT "
            + self._columns(META_FIELDS)
            + ", path, fmt, n_pages, n_clauses, content_hash, ingested_at "
            "FROM documents ORDER BY doc_id"
        )

    def document(self, doc_id: str) -> dict[str, object]:
        """Metadata and cleaned text of one document.

        Raises:
            UnknownDocumentError: no such document.
        """
        columns = self._columns([c for c, _t in TABLES["documents"][0]])
        rows = self._dicts(f"SELECT {columns} FROM documents WHERE doc_id = ?", [doc_id])
        if not rows:
            raise UnknownDocumentError(doc_id, self.doc_ids())
        return rows[0]

    def meta(self, doc_id: str) -> DocumentMeta:
        """The :class:`~nlp.records.DocumentMeta` of a stored document."""
        d = self.document(doc_id)
        return DocumentMeta(**{k: d[k] for k in META_FIELDS})  # type: ignore[arg-type]

    def clauses(self, doc_id: str | None = None) -> list[Clause]:
        """Clauses of one document (or of all), in document order.

        Raises:
            UnknownDocumentError: ``doc_id`` is given but not stored.
        """
        if doc_id is not None:
            self.document(doc_id)
        sql = (
            "SELECT doc_id, ordinal, text, start_char, end_char, section, page, kind, marker, lead_in "
            "FROM clauses" + (" WHERE doc_id = ?" if doc_id is not None else "") + " ORDER BY doc_id, ordinal"
        )
        rows = self._x(sql, [doc_id] if doc_id is not None else []).fetchall()
        return [
            Clause(r[0], r[1], r[2], r[3], r[4], tuple(r[5]), r[6], r[7], r[8] or "", r[9] or "")
            for r in rows
        ]

    def count(self, table: str) -> int:
        """Rows in one of the store's tables (:data:`TABLES`)."""
        if table not in TABLES:
            raise ValueError(f"unknown table {table!r}")
        return int(self._x(f"SELECT count(*) FROM {table}").fetchone()[0])

    def rows(self, table: str, batch: int = 5000) -> Iterator[list[tuple[object, ...]]]:
        """All rows of a table in :data:`TABLES` column order, in batches (for copying a store)."""
        columns, key = TABLES[table]
        names = [c for c, _t in columns]
        order = key or [c for c in names if c == "created_at"] or names[:1]
        select = self._columns(names) if table == "documents" else ", ".join(names)
        cur = self._x(f"SELECT {select} FROM {table} ORDER BY {', '.join(order)}")
        while chunk := cur.fetchmany(batch):
            yield [tuple(r) for r in chunk]

    def stats(self) -> dict[str, object]:
        """Counts of documents and clauses, overall and by document type and country."""
        n_docs, n_clauses = self._x(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM clauses)"
        ).fetchone()
        by_type = dict(
            self._x("SELECT doc_type, count(*) FROM documents GROUP BY doc_type ORDER BY doc_type").fetchall()
        )
        by_country = dict(
            self._x("SELECT coalesce(country, ''), count(*) FROM documents GROUP BY 1 ORDER BY 1").fetchall()
        )
        clauses_by_type = dict(
            self._x(
                "SELECT d.doc_type, count(*) FROM clauses c JOIN documents d USING (doc_id) "
                "GROUP BY d.doc_type ORDER BY d.doc_type"
            ).fetchall()
        )
        return {
            "store": self.name,
            "documents": n_docs,
            "clauses": n_clauses,
            "documents_by_type": by_type,
            "documents_by_country": by_country,
            "clauses_by_type": clauses_by_type,
        }
