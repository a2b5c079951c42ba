"""CLI contract of classify, train and evaluate, and ingest storing predictions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from nlp.cli import main
from nlp.coding.classify import ClauseCoder
from nlp.coding.modelio import MODEL_FILE, save
from nlp.ingest.pipeline import collect, ingest
from nlp.store.base import Store


@pytest.fixture
def model_dir(coder: ClauseCoder, tmp_path: Path) -> Path:
    return save(coder, tmp_path / "model")


def run(args: list[str], **kw: object):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, args, catch_exceptions=False, **kw)


def test_cli_classify_prints_one_json_line_per_input(model_dir: Path, tmp_path: Path) -> None:
    inp = tmp_path / "in.jsonl"
    rows = [
        {"id": "x1", "text": "De werkgever is verplicht tot scholing in werktijd.", "doc_type": "cao"},
        {"id": 2, "text": "Het rapport beschrijft de looptijd van de regeling."},
    ]
    inp.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    res = run(["classify", str(inp), "--model", str(model_dir)])
    assert res.exit_code == 0, res.output
    out = [json.loads(line) for line in res.output.splitlines()]
    assert [o["id"] for o in out] == ["x1", 2]
    for o in out:
        assert isinstance(o["themes"], list) and set(o["theme_scores"]) == {
            "participation",
            "data",
            "training",
            "wellbeing",
        }
        assert o["stance"] in o["stance_scores"] and abs(sum(o["stance_scores"].values()) - 1) < 1e-3
        assert o["explanation"]["neighbours"] and "summary" in o["explanation"]
    assert "training" in out[0]["themes"] and out[0]["stance"] == "commitment"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            '{"id": 1, "text": "ok tekst hier"}\n{"id": 2}\n',
            "line 2 (id 2): 'text' must be a non-empty string",
        ),
        ('{"text": "zonder id"}\n', "line 1: missing 'id'"),
        ("niet json\n", "line 1: not valid JSON"),
        ('{"id": 1, "text": "t", "doc_type": "wet"}\n', "doc_type 'wet' is not one of"),
        ("\n\n", "no input lines"),
    ],
)
def test_cli_classify_bad_lines_are_named(
    model_dir: Path, tmp_path: Path, content: str, message: str
) -> None:
    inp = tmp_path / "in.jsonl"
    inp.write_text(content, encoding="utf-8")
    res = run(["classify", str(inp), "--model", str(model_dir)])
    assert res.exit_code == 1 and message in res.output
    assert res.output.count("\n") == 1 and res.output.startswith("error: ")


def test_cli_classify_corrupt_model_is_one_line(model_dir: Path, tmp_path: Path) -> None:
    (model_dir / MODEL_FILE).write_text("{broken", encoding="utf-8")
    inp = tmp_path / "in.jsonl"
    inp.write_text('{"id": 1, "text": "Een clausule over scholing."}\n', encoding="utf-8")
    res = run(["classify", str(inp), "--model", str(model_dir)])
    assert res.exit_code == 1 and "corrupt" in res.output and res.output.count("\n") == 1


def test_cli_classify_reads_stdin(model_dir: Path) -> None:
    res = run(
        ["classify", "-", "--model", str(model_dir), "--no-explain"],
        input='{"id": "a", "text": "Inspraak van de ondernemingsraad."}\n',
    )
    assert res.exit_code == 0 and json.loads(res.output)["explanation"] is None


def test_ingest_with_coder_stores_predictions_and_recodes_for_new_models(
    coder: ClauseCoder, store: Store, tmp_path: Path
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Artikel 1 Scholing\n\n1. De werkgever is verplicht tot scholing in werktijd.\n\n"
        "2. Er is een groot risico dat de werkdruk leidt tot problemen.\n",
        encoding="utf-8",
    )
    report = ingest(store, collect([folder]), coder=coder)
    preds = store.predictions()
    assert report.coded == 2 and set(preds) == {c.clause_id for c in store.clauses()}
    assert all(p.model_version == coder.version for p in preds.values())
    assert ingest(store, collect([folder]), coder=coder).coded == 0, "unchanged and already coded"
    old = coder.version
    try:
        coder.version = old + "-next"
        assert ingest(store, collect([folder]), coder=coder).coded == 2
        assert {p.model_version for p in store.predictions().values()} == {old + "-next"}
    finally:
        coder.version = old


def test_replacing_a_document_drops_its_old_predictions(
    coder: ClauseCoder, store: Store, tmp_path: Path
) -> None:
    f = tmp_path / "b.txt"
    f.write_text(
        "Overleg met de ondernemingsraad is verplicht.\n\nDe looptijd is twee jaar.\n", encoding="utf-8"
    )
    ingest(store, collect([f]), coder=coder)
    f.write_text("Overleg met de ondernemingsraad is verplicht.\n", encoding="utf-8")
    ingest(store, collect([f]))
    assert set(store.predictions()) == set(), "replaced without a coder: no stale predictions left"


def test_cli_train_and_evaluate_write_model_and_report(gold, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text(
        "\n".join(
            json.dumps(
                {
                    "id": g.id,
                    "doc_id": g.doc_id,
                    "text": g.text,
                    "themes": list(g.themes),
                    "stance": g.stance,
                    "doc_type": g.doc_type,
                    "split": g.split,
                }
            )
            for g in gold
        ),
        encoding="utf-8",
    )
    store = tmp_path / "s.duckdb"
    res = run(
        [
            "--store",
            str(store),
            "train",
            "--gold",
            str(gold_file),
            "--out",
            str(tmp_path / "m"),
            "--embedder",
            "fake",
        ]
    )
    assert res.exit_code == 0, res.output
    report = tmp_path / "REPORT.md"
    res = run(
        [
            "--store",
            str(store),
            "evaluate",
            "--gold",
            str(gold_file),
            "--model",
            str(tmp_path / "m"),
            "--report",
            str(report),
            "--resamples",
            "50",
        ]
    )
    assert res.exit_code == 0, res.output
    text = report.read_text(encoding="utf-8")
    assert "keyword baseline" in text and "zero-shot baseline" in text and "[" in text
    assert "<!-- coding:begin -->" in (tmp_path / "m" / "MODEL_CARD.md").read_text(encoding="utf-8")


def test_cli_ingest_codes_with_a_model_and_reports_it(model_dir: Path, tmp_path: Path) -> None:
    doc = tmp_path / "gids.txt"
    doc.write_text(
        "Vraag je ondernemingsraad om overleg over camerabeelden van werknemers.\n", encoding="utf-8"
    )
    store = tmp_path / "s.duckdb"
    res = run(["--store", str(store), "ingest", "--model", str(model_dir), str(doc)])
    assert res.exit_code == 0 and "1 clauses coded by" in res.output
    with Store(store, read_only=True) as s:
        assert len(s.predictions("gids")) == 1


def test_cli_ingest_without_a_model_says_how_to_get_one(tmp_path: Path) -> None:
    doc = tmp_path / "gids.txt"
    doc.write_text("Een zin over scholing in werktijd.\n", encoding="utf-8")
    res = run(["--store", str(tmp_path / "s.duckdb"), "ingest", "--model", str(tmp_path / "none"), str(doc)])
    assert res.exit_code == 1 and "clause-atlas train" in res.output and res.output.count("\n") == 1


def test_cli_classify_warns_in_one_line_when_scikit_learn_differs(model_dir: Path, tmp_path: Path) -> None:
    doc = json.loads((model_dir / MODEL_FILE).read_text(encoding="utf-8"))
    doc["sklearn_version"] = "0.1.0"
    (model_dir / MODEL_FILE).write_text(json.dumps(doc), encoding="utf-8")
    inp = tmp_path / "in.jsonl"
    inp.write_text('{"id": 1, "text": "De werkgever is verplicht tot scholing."}\n', encoding="utf-8")
    res = CliRunner().invoke(main, ["classify", str(inp), "--model", str(model_dir)])
    assert res.exit_code == 0 and len(res.stdout.splitlines()) == 1
    warning = [line for line in res.stderr.splitlines() if line.startswith("warning:")]
    assert len(warning) == 1 and "scikit-learn 0.1.0" in warning[0] and "clause-atlas train" in warning[0]
