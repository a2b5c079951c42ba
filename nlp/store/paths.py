"""Where the store lives (no database import, so the command line starts fast)."""

from __future__ import annotations

import os
from pathlib import Path

STORE_ENV = "CLAUSE_ATLAS_STORE"
SERVER_SCHEMES = ("postgresql://", "postgres://")


def is_server_url(target: str | Path) -> bool:
    """Whether ``target`` names a PostgreSQL database (``postgresql://...``) rather than a file."""
    return str(target).lower().startswith(SERVER_SCHEMES)


def default_store_path() -> Path:
    """The default DuckDB file, ``data/clause_atlas.duckdb``.

    It lives in the project folder when the package runs from a checkout, otherwise in the
    current directory.
    """
    root = Path(__file__).resolve().parents[2]
    base = root if (root / "pyproject.toml").exists() else Path.cwd()
    return base / "data" / "clause_atlas.duckdb"


def default_store() -> str:
    """The store used when none is given.

    ``$CLAUSE_ATLAS_STORE`` (a file or a ``postgresql://`` URL), else :func:`default_store_path`.
    """
    return os.environ.get(STORE_ENV) or str(default_store_path())


def redact(target: str) -> str:
    """A store name fit to show: a server URL loses its password."""
    if not is_server_url(target):
        return target
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(target)
    if parts.password is None:
        return target
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


CACHE_ENV = "CLAUSE_ATLAS_CACHE"


def default_cache_dir() -> Path:
    """Where derived data that can be rebuilt is kept: ``$CLAUSE_ATLAS_CACHE`` or ``data/cache``."""
    env = os.environ.get(CACHE_ENV)
    return Path(env) if env else default_store_path().parent / "cache"
