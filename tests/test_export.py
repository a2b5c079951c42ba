"""Tabular exports: columns, label source, formats read back, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from nlp.cli import main
from nlp.coding.classify import ClauseCoder
from nlp.errors import UnknownDocumentError
from nlp.exchange.tabular import ExportError, clause_table, write
from nlp.ingest.pipeline import collect, ingest
from nlp.store.base import Store


@pytest.fixture
def coded(store: Store, coder: ClauseCoder, tmp_path: Path) -> Store:
    f = tmp_path / "cao_één.txt"
    f.write_text(
        "Artikel 1\n\n1. De werknemer heeft recht op scholing in werktijd.\n\n2. Camerabeelden worden niet bewaard.\n",
        encoding="utf-8",
    )
    ingest(store, collect([f]), coder=coder)
    return store


def test_export_rows_carry_metadata_offsets_scores_and_source(coded: Store) -> None:
    cid = coded.clauses()[0].clause_id
    coded.annotate(cid, ["training"], "commitment", "Ann")
    rows = clause_table(coded)
    assert len(rows) == 2
    r = {x["clause_id"]: x for x in rows}[cid]
    doc = coded.document(r["doc_id"])
    assert str(doc["text"])[r["start"] : r["end"]] == r["text"]
    assert r["label_source"] == "reviewed" and r["reviewed_by"] == "Ann" and r["themes"] == ["training"]
    assert {"score_participation", "score_data", "score_training", "score_wellbeing", "stance_score"} <= set(
        r
    )
    other = next(x for x in rows if x["clause_id"] != cid)
    assert other["label_source"] == "model" and other["model_version"]
    assert clause_table(coded, themes=["training"]) and all(
        "training" in x["themes"] for x in clause_table(coded, themes=["training"])
    )
    with pytest.raises(UnknownDocumentError):
        clause_table(coded, doc_ids=["nope"])


def test_export_formats_read_back(coded: Store, tmp_path: Path) -> None:
    import pandas as pd
    from openpyxl import load_workbook

    rows = clause_table(coded)
    assert write(rows, "csv", tmp_path / "a.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert json.loads(
        (write(rows, "jsonl", tmp_path / "a.jsonl").read_text(encoding="utf-8")).splitlines()[0]
    )["clause_id"]
    ws = load_workbook(write(rows, "xlsx", tmp_path / "a.xlsx"))["Clausules"]
    assert ws["A1"].value == "clause_id" and ws.freeze_panes == "A2"
    df = pd.read_parquet(write(rows, "parquet", tmp_path / "a.parquet"))
    assert len(df) == 2 and list(df["themes"].iloc[0]) == rows[0]["themes"]
    with pytest.raises(ExportError, match="unknown format"):
        write(rows, "docx", tmp_path / "a.docx")
    with pytest.raises(ExportError, match="nothing to export"):
        write([], "csv", tmp_path / "b.csv")


def test_export_cli(coded: Store, tmp_path: Path) -> None:
    coded.close()
    runner = CliRunner()
    res = runner.invoke(main, ["--store", coded.path, "export", str(tmp_path / "x.xlsx")])
    assert res.exit_code == 0 and "2 clauses written" in res.output
    res = runner.invoke(main, ["--store", coded.path, "export", str(tmp_path / "x.bin")])
    assert res.exit_code == 1 and "give --format" in res.output and res.output.count("\n") == 1
