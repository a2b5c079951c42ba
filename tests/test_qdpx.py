"""QDPX export: valid against the REFI-QDA schema, selections point at exactly the clause text."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from nlp.classify import ClauseCoder
from nlp.ingest import collect, ingest
from nlp.qdpx import NS, code_guid, export
from nlp.store import Store

XSD = Path(__file__).resolve().parents[1] / "nlp" / "schemas" / "refi-qda-project.xsd"


@pytest.fixture
def project(store: Store, coder: ClauseCoder, tmp_path: Path) -> Path:
    f = tmp_path / "cao_test.txt"
    f.write_text(
        "Artikel 1 & 2\n\n1. De werknemer heeft recht op scholing <in werktijd>.\n\n2. Camerabeelden worden niet bewaard.\n",
        encoding="utf-8",
    )
    ingest(store, collect([f]), coder=coder)
    store.annotate(store.clauses()[0].clause_id, ["training"], "commitment", "Ann")
    return export(store, tmp_path / "p.qdpx")


def test_qdpx_validates_against_the_schema(project: Path) -> None:
    from lxml import etree

    if not XSD.exists():
        pytest.skip("REFI-QDA schema not found next to the repository")
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    with zipfile.ZipFile(project) as z:
        doc = etree.fromstring(z.read("project.qde"))
    assert schema.validate(doc), schema.error_log


def test_qdpx_selections_point_at_clause_text_and_keep_model_and_review_apart(
    project: Path, store: Store
) -> None:
    from lxml import etree

    ns = {"q": NS}
    with zipfile.ZipFile(project) as z:
        root = etree.fromstring(z.read("project.qde"))
        for src in root.iterfind(".//q:TextSource", ns):
            text = z.read(src.get("plainTextPath").replace("internal://", "sources/")).decode("utf-8")
            for sel in src.iterfind("q:PlainTextSelection", ns):
                clause = next(c for c in store.clauses() if c.clause_id == sel.get("name"))
                assert text[int(sel.get("startPosition")) : int(sel.get("endPosition"))] == clause.text
    users = {u.get("name"): u.get("guid") for u in root.iterfind(".//q:User", ns)}
    first = root.find(".//q:PlainTextSelection", ns)
    reviewed = [
        c for c in first.iterfind("q:Coding", ns) if c.get("creatingUser") == users["Clause Atlas review"]
    ]
    assert {c.find("q:CodeRef", ns).get("targetGUID") for c in reviewed} == {
        code_guid("training"),
        code_guid("commitment"),
    }
    assert first.find("q:Description", ns).text.startswith("model ")


def test_qdpx_cli_export(store: Store, coder: ClauseCoder, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from nlp.cli import main

    f = tmp_path / "gids.txt"
    f.write_text("Vraag je ondernemingsraad om overleg over camerabeelden.\n", encoding="utf-8")
    ingest(store, collect([f]), coder=coder)
    store.close()
    res = CliRunner().invoke(main, ["--store", store.path, "export", str(tmp_path / "p.qdpx")])
    assert res.exit_code == 0 and "(qdpx)" in res.output
    assert zipfile.ZipFile(tmp_path / "p.qdpx").namelist()[0] == "project.qde"
    res = CliRunner().invoke(
        main, ["--store", store.path, "export", str(tmp_path / "q.qdpx"), "--theme", "data"]
    )
    assert res.exit_code == 1 and "whole store" in res.output
