"""CLI contract of search, compare and coverage on a small store built in code."""

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
    "cao_a.txt": "Artikel 1 Scholing\n\n1. De werknemer heeft recht op twee opleidingsdagen per jaar.\n\n"
    "2. Camerabeelden van werknemers worden alleen met instemming van de ondernemingsraad gebruikt.\n",
    "cao_b.txt": "Artikel 4 Ontwikkeling\n\n1. Iedere werknemer heeft recht op twee opleidingsdagen in ieder jaar.\n\n"
    "2. De werkgever stelt samen met de werknemers een plan tegen werkdruk op.\n",
}


@pytest.fixture(scope="module")
def store_path(coder: ClauseCoder, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("docs")
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = folder / "s.duckdb"
    with Store(path) as s:
        ingest(s, collect([folder]), coder=coder)
    return path


def run(store: Path, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["--store", str(store), *args], catch_exceptions=False)


def test_cli_search_jsonl_has_the_contract_fields(store_path: Path) -> None:
    res = run(store_path, "search", "recht op opleidingsdagen", "--k", "2", "--jsonl", "--embedder", "fake")
    assert res.exit_code == 0, res.output
    hits = [json.loads(x) for x in res.output.splitlines()]
    assert len(hits) == 2
    for h in hits:
        assert {
            "clause_id",
            "doc_id",
            "text",
            "score",
            "section",
            "page",
            "themes",
            "stance",
            "before",
            "after",
        } <= set(h)
    assert {h["doc_id"] for h in hits} == {"cao-a", "cao-b"}


def test_cli_search_table_and_like(store_path: Path) -> None:
    res = run(store_path, "search", "--like", "cao-a:0", "--k", "1", "--embedder", "fake")
    assert res.exit_code == 0 and "cao-b:0" in res.output and "Artikel 4" in res.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", ""], "empty query"),
        (["search", "--like", "cao-a:9"], "unknown clause id"),
        (["search", "werkdruk", "--doc-type", "covenant"], "no clauses match the filters"),
        (["compare", "cao-x", "cao-b"], "unknown document id 'cao-x'"),
        (["coverage", "--doc", "nope"], "unknown document id 'nope'"),
    ],
)
def test_cli_explore_errors_are_one_line(store_path: Path, args: list[str], message: str) -> None:
    res = run(store_path, *args, "--embedder", "fake")
    assert res.exit_code == 1 and message in res.output and res.output.count("\n") == 1


def test_cli_compare_prints_profiles_and_pairs(store_path: Path) -> None:
    res = run(store_path, "compare", "cao-a", "cao-b", "--threshold", "0.5", "--embedder", "fake")
    assert res.exit_code == 0, res.output
    assert "binding share" in res.output and "1 comparable pairs" in res.output
    res = run(store_path, "compare", "cao-a", "--jsonl", "--embedder", "fake")
    kinds = {next(iter(json.loads(x))) for x in res.output.splitlines()}
    assert "profile" in kinds


def test_cli_coverage_csv_and_table(store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "m.csv"
    res = run(store_path, "coverage", "--csv", str(out), "--embedder", "fake")
    assert res.exit_code == 0 and "gaps:" in res.output
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert len(rows) == 2 * 4 and {r["doc_id"] for r in rows} == {"cao-a", "cao-b"}
    assert out.read_bytes().startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM for Excel"


def test_cli_compare_uses_the_apps_threshold_and_lists_unique_clauses(store_path: Path) -> None:
    from nlp.analysis.compare import ALIGN_THRESHOLD

    res = run(store_path, "compare", "cao-a", "cao-b", "--embedder", "fake")
    assert res.exit_code == 0, res.output
    assert f"(cosine >= {ALIGN_THRESHOLD})" in res.output, "CLI and app share one default"
    assert "only in cao-a: cao-a:" in res.output, "the unique clauses themselves, not only their count"


def test_cli_export_qdpx_with_the_format_option(store_path: Path, tmp_path: Path) -> None:
    import zipfile

    out = tmp_path / "x.qdpx"
    res = run(store_path, "export", str(out), "--format", "qdpx", "--embedder", "fake")
    assert res.exit_code == 0, res.output
    assert "project.qde" in zipfile.ZipFile(out).namelist()
    assert "qdpx" in run(store_path, "export", "--help").output


def test_cli_search_says_when_nothing_is_comparable(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from nlp.retrieval import search

    monkeypatch.setitem(search.MIN_SIMILARITY, "fake", search.Floor(0.5, 0.5))  # calibrated only for USE; the fake needs one
    res = run(store_path, "search", "xqzv blorp", "--embedder", "fake")
    assert res.exit_code == 0 and res.output.startswith("no comparable clause found"), res.output
    assert res.output.count("\n") == 1
    nearest = run(store_path, "search", "xqzv blorp", "--embedder", "fake", "--min-score", "-1", "--k", "2")
    assert nearest.exit_code == 0 and nearest.output.lstrip().startswith("1."), nearest.output
    kept = run(store_path, "search", "recht op opleidingsdagen", "--embedder", "fake", "--k", "2")
    assert kept.output.lstrip().startswith("1."), kept.output


def test_cli_more_like_this_lists_the_nearest_even_below_the_floor(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from nlp.retrieval import search

    monkeypatch.setitem(search.MIN_SIMILARITY, "fake", search.Floor(0.999, 0.999))
    res = run(store_path, "search", "--like", "cao-a:0", "--k", "1", "--embedder", "fake")
    assert res.exit_code == 0 and res.output.lstrip().startswith("1."), res.output
