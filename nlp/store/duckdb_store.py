"""The embedded back end of :class:`~nlp.store.base.Store`: one DuckDB file.

DuckDB lets one process write a file, or several read it, never both at once; opening waits
(``wait``) while another process holds the file and then says who does.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from pathlib import Path

import duckdb

from nlp.errors import StoreBusyError, StoreError
from nlp.store.base import Conflict, Store
from nlp.store.schema import TABLES


def _connect(path: str, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection, retried while another process holds the file's lock."""
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


class DuckDBStore(Store):
    """A store in a DuckDB file (or ``":memory:"``); see :class:`~nlp.store.base.Store`."""

    ROWID = "rowid"

    def _open(self) -> None:
        try:
            if self.path != ":memory:":
                if self.read_only and not Path(self.path).exists():
                    raise StoreError(f"no store at {self.path}; run 'clause-atlas ingest' first")
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.con = _connect(self.path, self.read_only, self.wait)
            if not self.read_only:
                self._create_schema()
        except duckdb.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {str(exc).splitlines()[0]}") from exc
        except OSError as exc:
            raise StoreError(f"cannot open store {self.path}: {exc.strerror}") from exc

    def _insert_many(self, table: str, rows: Sequence[Sequence[object]], conflict: Conflict = "error") -> None:
        """One statement per call: each column travels as a typed list and is unnested."""
        if not rows:
            return
        columns, _key = TABLES[table]
        values = [list(col) for col in zip(*rows, strict=True)]
        select = ", ".join(f"unnest(?::{t}[])" for _c, t in columns)
        names = ", ".join(c for c, _t in columns)
        self.con.execute(
            f"INSERT INTO {table} ({names}) SELECT {select}" + self._conflict_clause(table, conflict), values
        )
