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


def _rewrite(src: Path, dst: Path, edit) -> None:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(src) as z:
        files = {n: z.read(n) for n in z.namelist()}
    files["project.qde"] = edit(files["project.qde"].decode("utf-8")).encode("utf-8")
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in files.items():
            z.writestr(n, data)


def test_qdpx_round_trip_records_exactly_the_changes(project: Path, store: Store, tmp_path: Path) -> None:
    from lxml import etree

    from nlp.qdpx import guid, import_qdpx

    ns = {"q": NS}
    c0, c1 = store.clauses()[0], store.clauses()[1]
    before = {a["clause_id"] for a in store.annotations()}

    def edit(xml: str) -> str:
        root = etree.fromstring(xml.encode("utf-8"))
        sel0 = root.find(f".//q:PlainTextSelection[@name='{c0.clause_id}']", ns)
        for coding in sel0.findall("q:Coding", ns):  # remove the reviewed 'training'
            if coding.find("q:CodeRef", ns).get("targetGUID") == code_guid("training"):
                sel0.remove(coding)
        sel1 = root.find(f".//q:PlainTextSelection[@name='{c1.clause_id}']", ns)
        for coding in sel1.findall("q:Coding", ns):
            if coding.find("q:CodeRef", ns).get("targetGUID") in {
                code_guid(t) for t in ("participation", "data", "training", "wellbeing")
            }:
                sel1.remove(coding)
        add = etree.SubElement(sel1, f"{{{NS}}}Coding", guid=guid("test", "a"))  # add 'data' to clause 1
        etree.SubElement(add, f"{{{NS}}}CodeRef", targetGUID=code_guid("data"))
        src = root.find(".//q:TextSource", ns)
        new = etree.SubElement(
            src,
            f"{{{NS}}}PlainTextSelection",
            guid=guid("test", "b"),
            name="nieuw",
            startPosition=str(c1.start),
            endPosition=str(c1.start + 5),
        )
        nc = etree.SubElement(new, f"{{{NS}}}Coding", guid=guid("test", "c"))
        etree.SubElement(nc, f"{{{NS}}}CodeRef", targetGUID=code_guid("wellbeing"))
        # QDA tools write Coding elements after all selections' children; keep schema order
        for s in src.findall("q:PlainTextSelection", ns):
            src.remove(s)
            src.append(s)
        return etree.tostring(root, encoding="unicode")

    changed = tmp_path / "changed.qdpx"
    _rewrite(project, changed, edit)
    summary = import_qdpx(store, changed)
    latest = {a["clause_id"]: a for a in store.annotations()}
    assert summary["new_selections"] == 1 and summary["clauses_changed"] == 2
    assert "training" not in latest[c0.clause_id]["themes"]
    assert set(latest[c1.clause_id]["themes"]) == {"data", "wellbeing"}
    assert latest[c1.clause_id]["source"] == "qdpx" and before <= set(latest)
    assert import_qdpx(store, changed)["clauses_changed"] == 0, (
        "importing the same file again changes nothing"
    )


@pytest.mark.parametrize(
    "case", ["no_project", "namespace", "unknown_source", "traversal", "bomb", "not_zip", "damaged_entry"]
)
def test_qdpx_bad_files_are_refused_and_change_nothing(
    project: Path, store: Store, tmp_path: Path, case: str
) -> None:
    from nlp.qdpx import QdpxError, import_qdpx

    bad = tmp_path / f"{case}.qdpx"
    if case == "no_project":
        with zipfile.ZipFile(bad, "w") as z:
            z.writestr("sources/x.txt", "tekst")
    elif case == "namespace":
        _rewrite(project, bad, lambda x: x.replace(NS, "urn:other"))
    elif case == "unknown_source":
        from nlp.qdpx import guid as g

        doc = store.doc_ids()[0]
        _rewrite(project, bad, lambda x: x.replace(g("source", doc), g("source", "vreemd")))
    elif case == "traversal":
        with zipfile.ZipFile(project) as z, zipfile.ZipFile(bad, "w") as out:
            for n in z.namelist():
                out.writestr(n, z.read(n))
            out.writestr("../../evil.txt", "x")
    elif case == "bomb":
        with zipfile.ZipFile(project) as z, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as out:
            for n in z.namelist():
                out.writestr(n, z.read(n))
            out.writestr("sources/zeros.txt", b"0" * 50_000_000)
    elif case == "damaged_entry":  # a deflate stream with a flipped byte: bad CRC or zlib error
        with zipfile.ZipFile(project) as z, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as out:
            for n in z.namelist():
                out.writestr(n, z.read(n))
        raw = bytearray(bad.read_bytes())
        with zipfile.ZipFile(bad) as z:
            info = z.getinfo("project.qde")
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        for k in range(start + 10, start + min(info.compress_size, 200), 7):
            raw[k] ^= 0xFF
        bad.write_bytes(bytes(raw))
    else:
        bad.write_bytes(b"not a zip at all")
    before = store.annotations(latest=False)
    with pytest.raises(QdpxError) as info:
        import_qdpx(store, bad)
    assert "\n" not in str(info.value)
    assert store.annotations(latest=False) == before


def test_qdpx_cli_import_reports_nothing_changed(project: Path, store: Store) -> None:
    from click.testing import CliRunner

    from nlp.cli import main

    store.close()
    res = CliRunner().invoke(main, ["--store", store.path, "import-qdpx", str(project)])
    assert res.exit_code == 0 and res.output.startswith("0 clauses changed")
    res = CliRunner().invoke(
        main, ["--store", store.path, "import-qdpx", str(project.with_name("missing.qdpx"))]
    )
    assert res.exit_code == 1 and "not a QDPX file" in res.output
