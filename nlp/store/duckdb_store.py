"""The clause store: an embedded DuckDB file with documents and clauses.

One :class:`Store` wraps one DuckDB connection. Writes go through :meth:`Store.put_many`,
which stores a batch of documents with their clauses in a single transaction: re-storing an
unchanged document (same content hash and pipeline version) is a no-op, a changed document
replaces its old clauses, and any failure rolls the whole batch back.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

import duckdb

from nlp.errors import StoreBusyError, StoreError, UnknownDocumentError
from nlp.records import Clause, Document, DocumentMeta, Prediction
from nlp.store.labels import LabelTables
from nlp.store.paths import default_store_path
from nlp.store.vectors import EmbeddingCache

SCHEMA_VERSION = 1
# Seconds a command waits for a store another process holds (``--wait``, ``CLAUSE_ATLAS_WAIT``).
DEFAULT_WAIT = 5.0
# Bump when cleaning or segmentation changes, so re-ingest rebuilds stored clauses.
PIPELINE_VERSION = "seg-2"

Status = Literal["added", "replaced", "updated", "unchanged"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR PRIMARY KEY,
    title VARCHAR NOT NULL,
    doc_type VARCHAR NOT NULL,
    organisation VARCHAR,
    sector VARCHAR,
    country VARCHAR,
    year INTEGER,
    language VARCHAR,
    source VARCHAR,
    path VARCHAR,
    fmt VARCHAR,
    content_hash VARCHAR NOT NULL,
    pipeline_version VARCHAR NOT NULL,
    n_pages INTEGER,
    n_clauses INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    ingested_at TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS clauses (
    clause_id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    ordinal INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    section VARCHAR[] NOT NULL,
    page INTEGER,
    kind VARCHAR NOT NULL,
    marker VARCHAR,
    lead_in VARCHAR
);
CREATE INDEX IF NOT EXISTS clauses_doc ON clauses (doc_id);
"""

_META_FIELDS = (
    "doc_id",
    "title",
    "doc_type",
    "organisation",
    "sector",
    "country",
    "year",
    "language",
    "source",
)


def _connect(path: str, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection, retried while another process holds the file's lock."""
    import re
    import time

    deadline = time.monotonic() + max(wait, 0.0)
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.IOException as exc:
            message = str(exc)
            if "lock" not in message.lower():
                raise
            if time.monotonic() >= deadline:
                holder = re.search(r"held in (.+?) \(PID (\d+)\)", message)
                who = f"{Path(holder.group(1)).name} (PID {holder.group(2)})" if holder else "another process"
                raise StoreBusyError(
                    f"the store {path} is in use by {who}; waited {wait:g} s. Try again when it is done, "
                    "or give more time with --wait SECONDS"
                ) from exc
            time.sleep(0.1)


class Store(EmbeddingCache, LabelTables):
    """Documents and clauses in a DuckDB file.

    Args:
        path: The database file (created with its folder if missing), or ":memory:".
        read_only: Open without write access (several readers may share the file).
        wait: Seconds to wait while another process holds the file (DuckDB lets one process
            write, or several read, never both); then :class:`~nlp.errors.StoreBusyError`.
    """

    def __init__(
        self, path: str | Path | None = None, *, read_only: bool = False, wait: float = DEFAULT_WAIT
    ) -> None:
        self.path = str(path) if path is not None else str(default_store_path())
        self.read_only = read_only
        try:
            if self.path != ":memory:":
                if read_only and not Path(self.path).exists():
                    raise StoreError(f"no store at {self.path}; run 'clause-atlas ingest' first")
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.con = _connect(self.path, read_only, wait)
            if not read_only:
                for schema in (_SCHEMA, EmbeddingCache.SCHEMA, LabelTables.SCHEMA):
                    self.con.execute(schema)
                self.con.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
                )
        except duckdb.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {str(exc).splitlines()[0]}") from exc
        except OSError as exc:
            raise StoreError(f"cannot open store {self.path}: {exc.strerror}") from exc

    def close(self) -> None:
        """Close the connection."""
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Run a block in one transaction; roll back on any exception."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    # --- writing ----------------------------------------------------------------------------

    def status_of(self, doc: Document) -> Status:
        """What :meth:`put_many` would do with this document."""
        row = self.con.execute(
            "SELECT content_hash, pipeline_version, "
            + ", ".join(_META_FIELDS[1:])
            + " FROM documents WHERE doc_id = ?",
            [doc.doc_id],
        ).fetchone()
        if row is None:
            return "added"
        if row[0] != doc.content_hash or row[1] != PIPELINE_VERSION:
            return "replaced"
        stored_meta = dict(zip(_META_FIELDS[1:], row[2:], strict=True))
        wanted = {k: getattr(doc.meta, k) for k in _META_FIELDS[1:]}
        return "unchanged" if stored_meta == wanted else "updated"

    def is_current(self, doc_id: str, content_hash: str, meta: DocumentMeta | None = None) -> bool:
        """Whether ``doc_id`` is stored from the same bytes by this pipeline version.

        With ``meta``, its fields must match too. Lets ingest skip a file before reading it.
        """
        row = self.con.execute(
            "SELECT content_hash, pipeline_version, "
            + ", ".join(_META_FIELDS[1:])
            + " FROM documents WHERE doc_id = ?",
            [doc_id],
        ).fetchone()
        if row is None or row[0] != content_hash or row[1] != PIPELINE_VERSION:
            return False
        if meta is None:
            return True
        return dict(zip(_META_FIELDS[1:], row[2:], strict=True)) == {
            k: getattr(meta, k) for k in _META_FIELDS[1:]
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
            sets = ", ".join(f"{k} = ?" for k in _META_FIELDS[1:])
            self.con.execute(
                f"UPDATE documents SET {sets} WHERE doc_id = ?",
                [getattr(doc.meta, k) for k in _META_FIELDS[1:]] + [doc.doc_id],
            )
            return
        self.con.execute("DELETE FROM clauses WHERE doc_id = ?", [doc.doc_id])
        self.con.execute("DELETE FROM documents WHERE doc_id = ?", [doc.doc_id])
        self.forget_predictions(doc.doc_id)
        m = doc.meta
        self.con.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                m.doc_id,
                m.title,
                m.doc_type,
                m.organisation,
                m.sector,
                m.country,
                m.year,
                m.language,
                m.source,
                doc.source_path,
                doc.fmt,
                doc.content_hash,
                PIPELINE_VERSION,
                doc.n_pages,
                len(clauses),
                doc.text,
                now,
            ],
        )
        if clauses:
            cols = [
                [c.clause_id for c in clauses],
                [c.doc_id for c in clauses],
                [c.ordinal for c in clauses],
                [c.text for c in clauses],
                [c.start for c in clauses],
                [c.end for c in clauses],
                [list(c.section) for c in clauses],
                [c.page for c in clauses],
                [c.kind for c in clauses],
                [c.marker for c in clauses],
                [c.lead_in for c in clauses],
            ]
            types = ["VARCHAR", "VARCHAR", "INTEGER", "VARCHAR", "INTEGER", "INTEGER", "VARCHAR[]"]
            types += ["INTEGER", "VARCHAR", "VARCHAR", "VARCHAR"]
            self.con.execute(
                "INSERT INTO clauses SELECT " + ", ".join(f"unnest(?::{t}[])" for t in types), cols
            )

    def delete(self, doc_id: str) -> None:
        """Remove a document and its clauses (its reviews stay, stale, and return if it does).

        Raises:
            UnknownDocumentError: no such document.
        """
        self.document(doc_id)
        with self.transaction():
            self.con.execute("DELETE FROM clauses WHERE doc_id = ?", [doc_id])
            self.con.execute("DELETE FROM documents WHERE doc_id = ?", [doc_id])
            self.forget_predictions(doc_id)

    # --- reading ----------------------------------------------------------------------------

    def doc_ids(self) -> list[str]:
        """All stored document ids, sorted."""
        return [r[0] for r in self.con.execute("SELECT doc_id FROM documents ORDER BY doc_id").fetchall()]

    def documents(self) -> list[dict[str, object]]:
        """One dict per document with its metadata, clause count and hash (no text)."""
        cur = self.con.execute(
            "SELECT "
            + ", ".join(_META_FIELDS)
            + ", path, fmt, n_pages, n_clauses, content_hash, ingested_at "
            "FROM documents ORDER BY doc_id"
        )
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def document(self, doc_id: str) -> dict[str, object]:
        """Metadata and cleaned text of one document.

        Raises:
            UnknownDocumentError: no such document.
        """
        cur = self.con.execute("SELECT * FROM documents WHERE doc_id = ?", [doc_id])
        row = cur.fetchone()
        if row is None:
            raise UnknownDocumentError(doc_id, self.doc_ids())
        return dict(zip([d[0] for d in cur.description], row, strict=True))

    def meta(self, doc_id: str) -> DocumentMeta:
        """The :class:`~nlp.records.DocumentMeta` of a stored document."""
        d = self.document(doc_id)
        return DocumentMeta(**{k: d[k] for k in _META_FIELDS})  # type: ignore[arg-type]

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
        rows = self.con.execute(sql, [doc_id] if doc_id is not None else []).fetchall()
        return [
            Clause(r[0], r[1], r[2], r[3], r[4], tuple(r[5]), r[6], r[7], r[8] or "", r[9] or "")
            for r in rows
        ]

    def stats(self) -> dict[str, object]:
        """Counts of documents and clauses, overall and by document type and country."""
        n_docs, n_clauses = self.con.execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM clauses)"
        ).fetchone()  # type: ignore[misc]
        by_type = dict(
            self.con.execute(
                "SELECT doc_type, count(*) FROM documents GROUP BY doc_type ORDER BY doc_type"
            ).fetchall()
        )
        by_country = dict(
            self.con.execute(
                "SELECT coalesce(country, ''), count(*) FROM documents GROUP BY 1 ORDER BY 1"
            ).fetchall()
        )
        clauses_by_type = dict(
            self.con.execute(
                "SELECT d.doc_type, count(*) FROM clauses c JOIN documents d USING (doc_id) "
                "GROUP BY d.doc_type ORDER BY d.doc_type"
            ).fetchall()
        )
        return {
            "store": self.path,
            "documents": n_docs,
            "clauses": n_clauses,
            "documents_by_type": by_type,
            "documents_by_country": by_country,
            "clauses_by_type": clauses_by_type,
        }
