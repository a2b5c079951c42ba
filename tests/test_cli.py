"""The CLI contract: commands, JSON lines, and one readable error line with a non-zero exit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import make_pdf

from nlp.cli import main

TEXT = "Hoofdstuk 1 Inspraak\n\nDe werkgever informeert de ondernemingsraad vooraf over nieuwe monitoringsystemen.\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("command", [[], ["ingest"], ["segment"], ["documents"], ["clauses"], ["stats"]])
def test_cli_every_command_has_help(runner: CliRunner, command: list[str]) -> None:
    result = runner.invoke(main, [*command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.output


def test_cli_segment_jsonl(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(main, ["segment", str(path), "--jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows == [
        {
            "text": "De werkgever informeert de ondernemingsraad vooraf over nieuwe monitoringsystemen.",
            "section": "Hoofdstuk 1 Inspraak",
            "page": None,
            "start": 22,
            "end": 104,
            "kind": "sentence",
            "marker": "",
            "lead_in": "",
            "ordinal": 0,
        }
    ]


def test_cli_segment_pdf_has_pages(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "doc.pdf"
    path.write_bytes(
        make_pdf(
            [
                ["De werkgever zorgt voor scholing van alle werknemers."],
                ["De ondernemingsraad heeft instemmingsrecht over cameratoezicht."],
            ]
        )
    )
    result = runner.invoke(main, ["segment", str(path), "--jsonl"])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["page"] for r in rows] == [1, 2]


def test_cli_ingest_documents_clauses_stats(runner: CliRunner, tmp_path: Path) -> None:
    store = tmp_path / "s.duckdb"
    doc = tmp_path / "nota.txt"
    doc.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(
        main,
        [
            "--store",
            str(store),
            "ingest",
            "--no-code",
            str(doc),
            "--doc-type",
            "policy_brief",
            "--country",
            "BE",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "1 added" in result.output
    again = runner.invoke(
        main,
        [
            "--store",
            str(store),
            "ingest",
            "--no-code",
            str(doc),
            "--doc-type",
            "policy_brief",
            "--country",
            "BE",
        ],
    )
    assert "1 unchanged" in again.output
    docs = runner.invoke(main, ["--store", str(store), "documents", "--jsonl"])
    (row,) = [json.loads(line) for line in docs.output.splitlines()]
    assert (row["doc_id"], row["doc_type"], row["country"], row["n_clauses"]) == (
        "nota",
        "policy_brief",
        "BE",
        1,
    )
    clauses = runner.invoke(main, ["--store", str(store), "clauses", "nota", "--jsonl"])
    assert json.loads(clauses.output)["clause_id"] == "nota:0"
    stats = runner.invoke(main, ["--store", str(store), "stats", "--json"])
    assert json.loads(stats.output)["clauses"] == 1


def test_cli_store_from_environment(runner: CliRunner, tmp_path: Path) -> None:
    doc = tmp_path / "nota.txt"
    doc.write_text(TEXT, encoding="utf-8")
    store = tmp_path / "env.duckdb"
    result = runner.invoke(main, ["ingest", "--no-code", str(doc)], env={"CLAUSE_ATLAS_STORE": str(store)})
    assert result.exit_code == 0 and store.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (None, None, "no such file or folder"),
        ("x.odt", b"hello", "unsupported file type"),
        ("leeg.txt", b"", "the document is empty"),
        ("ruis.txt", bytes(range(256)) * 20, "binary"),
        ("kapot.pdf", b"%PDF-1.7 kapot", "corrupt or unreadable PDF"),
        ("kapot.docx", b"PK not a zip", "corrupt or unreadable DOCX"),
    ],
)
def test_cli_bad_input_is_one_line_and_nonzero(
    runner: CliRunner, tmp_path: Path, name: str | None, content: bytes | None, message: str
) -> None:
    path = tmp_path / (name or "missing.pdf")
    if content is not None:
        path.write_bytes(content)
    for args in (
        ["segment", str(path)],
        ["--store", str(tmp_path / "s.duckdb"), "ingest", "--no-code", str(path)],
    ):
        result = runner.invoke(main, args)
        assert result.exit_code == 1
        lines = result.output.strip().splitlines()
        errors = [ln for ln in lines if ln.startswith("error:")]
        assert len(errors) == 1 and message in errors[0]
        assert "Traceback" not in result.output


def test_cli_unknown_document_id(runner: CliRunner, tmp_path: Path) -> None:
    store = tmp_path / "s.duckdb"
    doc = tmp_path / "nota.txt"
    doc.write_text(TEXT, encoding="utf-8")
    runner.invoke(main, ["--store", str(store), "ingest", "--no-code", str(doc)])
    result = runner.invoke(main, ["--store", str(store), "clauses", "notta"])
    assert result.exit_code == 1
    assert (
        result.output.strip()
        == "error: unknown document id 'notta' (did you mean nota?); 'clause-atlas documents' lists them"
    )


def test_cli_reading_a_missing_store(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["--store", str(tmp_path / "none.duckdb"), "documents"])
    assert result.exit_code == 1 and "run 'clause-atlas ingest' first" in result.output
