"""Where the store lives (no DuckDB import, so the command line starts fast)."""

from __future__ import annotations

import os
from pathlib import Path

STORE_ENV = "CLAUSE_ATLAS_STORE"


def default_store_path() -> Path:
    """The store used when none is given: ``$CLAUSE_ATLAS_STORE`` or ``data/clause_atlas.duckdb``.

    The relative default lives in the project folder when the package runs from a checkout,
    otherwise in the current directory.
    """
    env = os.environ.get(STORE_ENV)
    if env:
        return Path(env)
    root = Path(__file__).resolve().parents[2]
    base = root if (root / "pyproject.toml").exists() else Path.cwd()
    return base / "data" / "clause_atlas.duckdb"
