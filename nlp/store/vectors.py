"""The store's embedding cache: vectors keyed by (embedder name, text hash)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np


class EmbeddingCache:
    """Mixin of :class:`~nlp.store.Store`: read and write cached embeddings (float32 bytes)."""

    read_only: bool
    SCHEMA = """
CREATE TABLE IF NOT EXISTS embeddings (
    embedder VARCHAR NOT NULL,
    text_hash VARCHAR NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (embedder, text_hash)
);
"""
    TABLES: ClassVar[dict[str, tuple[tuple[tuple[str, str], ...], tuple[str, ...]]]] = {
        "embeddings": (
            (("embedder", "VARCHAR"), ("text_hash", "VARCHAR"), ("vector", "BLOB")),
            ("embedder", "text_hash"),
        )
    }

    if TYPE_CHECKING:  # provided by Store

        def _x(self, sql: str, params: Sequence[object] = ()) -> Any: ...

        def _insert_many(self, table: str, rows: Sequence[Sequence[object]], conflict: Any = "error") -> None: ...

    def get_embeddings(self, embedder: str, keys: list[str]) -> dict[str, np.ndarray]:
        """Cached vectors of ``embedder`` for the given text hashes (missing ones left out)."""
        if not keys:
            return {}
        rows = self._x(
            "SELECT text_hash, vector FROM embeddings WHERE embedder = ? "
            "AND text_hash IN (SELECT unnest(?::VARCHAR[]))",
            [embedder, list(set(keys))],
        ).fetchall()
        return {k: np.frombuffer(bytes(v), dtype=np.float32) for k, v in rows}

    def put_embeddings(self, embedder: str, vectors: dict[str, np.ndarray]) -> None:
        """Add vectors to the cache (existing keys are kept; a read-only store keeps none)."""
        if not vectors or self.read_only:
            return
        rows = [(embedder, k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in vectors.items()]
        self._insert_many("embeddings", rows, "ignore")
