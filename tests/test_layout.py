"""The package layout: every entry point a stage's __init__ names resolves, lazily."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

STAGES = ("ingest", "store", "coding", "retrieval", "analysis", "exchange")


@pytest.mark.parametrize("stage", STAGES)
def test_layout_every_named_entry_point_resolves(stage: str) -> None:
    pkg = importlib.import_module(f"nlp.{stage}")
    named = set(dir(pkg)) - set(vars(pkg))
    for name in named:
        assert getattr(pkg, name) is not None, (stage, name)
    with pytest.raises(AttributeError):
        pkg.no_such_entry_point  # noqa: B018


def test_layout_importing_the_cli_does_not_import_heavy_libraries() -> None:
    code = "import sys, nlp.cli, nlp.store, nlp.ingest, nlp.coding; print(sorted(m for m in ('duckdb', 'sklearn', 'numpy') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
