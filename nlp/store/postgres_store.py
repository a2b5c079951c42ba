"""The team back end of :class:`~nlp.store.base.Store`: a PostgreSQL database.

Selected by a ``postgresql://user@host[:port]/database`` URL (``--store`` or
``CLAUSE_ATLAS_STORE``). The schema and the SQL are the DuckDB store's; the differences live
here: ``%s`` placeholders, ``BYTEA`` for the embedding vectors, a serial column that identifies
a review row, and one transaction-scoped advisory lock that makes writing transactions of
different processes take turns (so two ingests of the same file store it once, and a review
saved during an ingest is re-anchored with it). Readers never wait for writers.
"""

from __future__ import annotations

from collections.abc import Sequence

from nlp.errors import StoreBusyError, StoreError
from nlp.store.base import SCHEMA_VERSION, Conflict, Store
from nlp.store.paths import redact
from nlp.store.schema import TABLES

# Key of the advisory lock writers hold for the length of their transaction ("CATL").
WRITE_LOCK = 0x4341544C
_EXTRA_SCHEMA = ["ALTER TABLE annotations ADD COLUMN IF NOT EXISTS row_id BIGSERIAL"]


def _psycopg():  # type: ignore[no-untyped-def]
    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover - psycopg is a dependency
        raise StoreError("a PostgreSQL store needs the psycopg package: pip install 'psycopg[binary]'") from exc
    return psycopg


class PostgresStore(Store):
    """A store in a PostgreSQL database; see :class:`~nlp.store.base.Store`."""

    ROWID = "row_id"

    @property
    def name(self) -> str:
        """The URL without its password."""
        return redact(self.path)

    def _open(self) -> None:
        psycopg = _psycopg()
        try:
            self.con = psycopg.connect(
                self.path, autocommit=True, connect_timeout=max(2, round(self.wait)), application_name="clause-atlas"
            )
        except psycopg.Error as exc:
            detail = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"cannot open store {self.name}: {detail}") from exc
        try:
            self.con.execute(f"SET lock_timeout = {max(1, int(self.wait * 1000))}")  # 0 would mean forever
            if self.read_only:
                self.con.execute("SET default_transaction_read_only = on")
            else:
                self._create_schema()
        except psycopg.Error as exc:
            self.con.close()
            raise StoreError(f"cannot open store {self.name}: {str(exc).strip().splitlines()[0]}") from exc

    def _create_schema(self) -> None:
        """Create the tables unless this schema version is there (so opening never waits for a writer)."""
        if self.con.execute("SELECT to_regclass('meta') IS NOT NULL").fetchone()[0]:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            if row is not None and row[0] == str(SCHEMA_VERSION):
                return
        super()._create_schema()

    def _schema_statements(self) -> list[str]:
        return [s.replace(" BLOB ", " BYTEA ") for s in super()._schema_statements()] + _EXTRA_SCHEMA

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s")

    def _lock_for_write(self) -> None:
        psycopg = _psycopg()
        try:
            self.con.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK])
        except psycopg.errors.LockNotAvailable as exc:
            raise StoreBusyError(
                f"the store {self.name} is being written by another process; waited {self.wait:g} s. "
                "Try again when it is done, or give more time with --wait SECONDS"
            ) from exc

    def _insert_many(self, table: str, rows: Sequence[Sequence[object]], conflict: Conflict = "error") -> None:
        """Rows travel in one pipelined ``executemany``."""
        if not rows:
            return
        columns, _key = TABLES[table]
        names = ", ".join(c for c, _t in columns)
        marks = ", ".join(f"%s::{t.replace('BLOB', 'BYTEA')}" for _c, t in columns)
        sql = f"INSERT INTO {table} ({names}) VALUES ({marks})" + self._conflict_clause(table, conflict)
        with self.con.cursor() as cur:
            cur.executemany(sql, [list(r) for r in rows])
