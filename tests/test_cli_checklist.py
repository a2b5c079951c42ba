"""CLI contract of the provision checklist, with a provision a knowledge centre adds to the data file."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from nlp.cli import main
from nlp.coding.classify import ClauseCoder
from nlp.ingest.pipeline import collect, ingest
from nlp.store.base import Store

DOCS = {
    "cao_pas.txt": "Artikel 3 Toegang\n\n1. De werkgever registreert met de toegangspas alleen het tijdstip van binnenkomst.\n\n"
    "2. Gegevens van de toegangspas worden na vier weken verwijderd.\n\n"
    "3. De loonschalen staan in bijlage 2.\n",
    "nota.txt": "Inleiding\n\nDeze nota beschrijft de arbeidsmarkt in vijf sectoren en de loonontwikkeling.\n",
}
MADE_UP = """
version: 1
provisions:
  - id: data.badge_readers
    theme: data
    name: Regels voor toegangspassen
    terms: ["toegangspas", "pasregistratie"]
    definition: >-
      Het document regelt wat de werkgever met de toegangspas van werknemers registreert en hoe lang.
    examples:
      - clause_id: "elders:1"
        text: "Met de toegangspas wordt alleen geregistreerd wie het gebouw betreedt."
"""


@pytest.fixture(scope="module")
def store_path(coder: ClauseCoder, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("docs")
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = folder / "s.duckdb"
    with Store(path) as s:
        ingest(s, collect([folder]), coder=coder)
    return path


@pytest.fixture
def made_up(tmp_path: Path) -> Path:
    f = tmp_path / "provisions.yaml"
    f.write_text(MADE_UP, encoding="utf-8")
    return f


def run(store: Path, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(
        main, ["--store", str(store), "checklist", "--embedder", "fake", *args], catch_exceptions=False
    )


def test_cli_checklist_matrix_lists_every_document_and_provision(store_path: Path) -> None:
    res = run(store_path)
    assert res.exit_code == 0, res.output
    assert "cao-pas" in res.output and "nota" in res.output
    assert "wellbeing.telework: Regeling telewerken" in res.output and "bindend geregeld" in res.output


def test_cli_checklist_an_added_provision_appears_with_its_evidence(
    store_path: Path, made_up: Path, tmp_path: Path
) -> None:
    res = run(store_path, "--checklist", str(made_up))
    assert res.exit_code == 0, res.output
    assert " 1 data.badge_readers: Regels voor toegangspassen" in res.output
    res = run(store_path, "--checklist", str(made_up), "--doc", "cao-pas")
    assert res.exit_code == 0, res.output
    assert "data.badge_readers (Regels voor toegangspassen)" in res.output
    out = tmp_path / "c.csv"
    res = run(store_path, "--checklist", str(made_up), "--csv", str(out))
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert {r["doc_id"] for r in rows} == {"cao-pas", "nota"} and {r["provision"] for r in rows} == {
        "data.badge_readers"
    }
    pas = next(r for r in rows if r["doc_id"] == "cao-pas")
    nota = next(r for r in rows if r["doc_id"] == "nota")
    assert nota["status"] == "afwezig"
    assert pas["status"] != "afwezig" and pas["evidence"].startswith("cao-pas:"), pas


def test_cli_checklist_filters_by_status(store_path: Path, made_up: Path) -> None:
    res = run(store_path, "--checklist", str(made_up), "--status", "afwezig", "--jsonl")
    assert res.exit_code == 0 and res.output.count("\n") == 1 and '"nota"' in res.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--provision", "data.nope"), "unknown provision 'data.nope'"),
        (("--doc", "geen-doc"), "no document 'geen-doc'"),
        (("--checklist", "/nonexistent/p.yaml"), "cannot read the checklist"),
    ],
)
def test_cli_checklist_errors_are_one_line(store_path: Path, args: tuple[str, ...], message: str) -> None:
    res = CliRunner().invoke(main, ["--store", str(store_path), "checklist", "--embedder", "fake", *args])
    assert res.exit_code == 1 and message in res.output and res.output.count("\n") == 1, res.output


def test_cli_search_and_coverage_filter_by_a_provision(store_path: Path, made_up: Path) -> None:
    env = {"CLAUSE_ATLAS_CHECKLIST": str(made_up)}
    args = ["--store", str(store_path), "search", "registratie", "--embedder", "fake", "--min-score", "-1", "--jsonl"]
    res = CliRunner().invoke(main, [*args, "--provision", "data.badge_readers"], env=env)
    assert res.exit_code == 0, res.output
    hits = [json.loads(x) for x in res.output.splitlines()]
    assert hits and {h["doc_id"] for h in hits} == {"cao-pas"}
    res = CliRunner().invoke(main, [*args, "--provision", "data.nope"], env=env)
    assert res.exit_code == 1 and "unknown provision 'data.nope'" in res.output
    cov = ["--store", str(store_path), "coverage", "--embedder", "fake", "--provision", "data.badge_readers"]
    res = CliRunner().invoke(main, cov, env=env)
    assert res.exit_code == 0, res.output
    listed = res.output.splitlines()[:-1]
    assert any(x.split() == ["nota", "afwezig"] for x in listed)
    assert all(x.split()[1] in ("genoemd", "afwezig") for x in listed)
    assert res.output.splitlines()[-1].startswith(f"{len(listed)} of 2 documents do not bind 'Regels voor toegangspassen'")
