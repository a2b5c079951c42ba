"""The store's tables: the DDL both back ends run and the column list of every table.

:data:`TABLES` is the one description of each table's columns (in insert order), their DuckDB
types and key, shared by the bulk writes of both back ends and by ``migrate``.
"""

from __future__ import annotations

from nlp.store.labels import LabelTables
from nlp.store.vectors import EmbeddingCache

SCHEMA = """
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
ALTER TABLE documents ADD COLUMN IF NOT EXISTS short_title VARCHAR;
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

# Every table with its columns (in insert order), DuckDB types and key: the one description
# bulk writes and ``migrate`` share.
TABLES: dict[str, tuple[tuple[tuple[str, str], ...], tuple[str, ...]]] = {
    "meta": ((("key", "VARCHAR"), ("value", "VARCHAR")), ("key",)),
    "documents": (
        (
            ("doc_id", "VARCHAR"),
            ("title", "VARCHAR"),
            ("doc_type", "VARCHAR"),
            ("organisation", "VARCHAR"),
            ("sector", "VARCHAR"),
            ("country", "VARCHAR"),
            ("year", "INTEGER"),
            ("language", "VARCHAR"),
            ("source", "VARCHAR"),
            ("path", "VARCHAR"),
            ("fmt", "VARCHAR"),
            ("content_hash", "VARCHAR"),
            ("pipeline_version", "VARCHAR"),
            ("n_pages", "INTEGER"),
            ("n_clauses", "INTEGER"),
            ("text", "VARCHAR"),
            ("ingested_at", "TIMESTAMP"),
            ("short_title", "VARCHAR"),
        ),
        ("doc_id",),
    ),
    "clauses": (
        (
            ("clause_id", "VARCHAR"),
            ("doc_id", "VARCHAR"),
            ("ordinal", "INTEGER"),
            ("text", "VARCHAR"),
            ("start_char", "INTEGER"),
            ("end_char", "INTEGER"),
            ("section", "VARCHAR[]"),
            ("page", "INTEGER"),
            ("kind", "VARCHAR"),
            ("marker", "VARCHAR"),
            ("lead_in", "VARCHAR"),
        ),
        ("clause_id",),
    ),
    **LabelTables.TABLES,
    **EmbeddingCache.TABLES,
}

META_FIELDS = (
    "doc_id",
    "title",
    "doc_type",
    "organisation",
    "sector",
    "country",
    "year",
    "language",
    "source",
    "short_title",
)
