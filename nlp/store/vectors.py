"""The store's embedding cache: vectors keyed by (embedder name, text hash)."""

from __future__ import annotations

import duckdb
import numpy as np


class EmbeddingCache:
    """Mixin of :class:`~nlp.store.Store`: read and write cached embeddings."""

    con: duckdb.DuckDBPyConnection
    read_only: bool
    SCHEMA = """
CREATE TABLE IF NOT EXISTS embeddings (
    embedder VARCHAR NOT NULL,
    text_hash VARCHAR NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (embedder, text_hash)
);
"""

    def get_embeddings(self, embedder: str, keys: list[str]) -> dict[str, np.ndarray]:
        """Cached vectors of ``embedder`` for the given text hashes (missing ones left out)."""
        if not keys:
            return {}
        rows = self.con.execute(
            "SELECT text_hash, vector FROM embeddings WHERE embedder = ? "
            "AND text_hash IN (SELECT unnest(?::VARCHAR[]))",
            [embedder, list(set(keys))],
        ).fetchall()
        return {k: np.frombuffer(v, dtype=np.float32) for k, v in rows}

    def put_embeddings(self, embedder: str, vectors: dict[str, np.ndarray]) -> None:
        """Add vectors to the cache (existing keys are kept; a read-only store keeps none)."""
        if not vectors or self.read_only:
            return
        keys = list(vectors)
        blobs = [np.asarray(vectors[k], dtype=np.float32).tobytes() for k in keys]
        self.con.execute(
            "INSERT OR IGNORE INTO embeddings SELECT ?, unnest(?::VARCHAR[]), unnest(?::BLOB[])",
            [embedder, keys, blobs],
        )
