"""QDPX export: valid against the REFI-QDA schema, selections point at exactly the clause text."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from nlp.coding.classify import ClauseCoder
from nlp.exchange.qdpx import NS, STANCE_COLOURS, THEME_COLOURS, code_guid, export
from nlp.exchange.qdpx_import import QdpxError, import_qdpx
from nlp.ingest.pipeline import collect, ingest
from nlp.store.base import Store

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


def test_qdpx_selections_point_at_clause_text_and_name_their_coder(project: Path, store: Store) -> None:
    from lxml import etree

    ns = {"q": NS}
    with zipfile.ZipFile(project) as z:
        root = etree.fromstring(z.read("project.qde"))
        for src in root.iterfind(".//q:TextSource", ns):
            assert src.get("creatingUser") and src.get("creationDateTime")
            text = z.read(src.get("plainTextPath").replace("internal://", "sources/")).decode("utf-8")
            for sel in src.iterfind("q:PlainTextSelection", ns):
                clause = next(c for c in store.clauses() if c.clause_id == sel.get("name"))
                assert text[int(sel.get("startPosition")) : int(sel.get("endPosition"))] == clause.text
    users = {u.get("name"): u.get("guid") for u in root.iterfind(".//q:User", ns)}
    selections = list(root.iterfind(".//q:PlainTextSelection", ns))
    assert len(selections) == len(store.clauses())
    for sel in selections:  # QDA programs read the coder from the selection
        assert sel.get("creatingUser") in users.values() and sel.get("creationDateTime")
        assert {c.get("creatingUser") for c in sel.iterfind("q:Coding", ns)} == {sel.get("creatingUser")}
        assert all(c.get("creationDateTime") for c in sel.iterfind("q:Coding", ns))
    first, second = selections[0], selections[1]
    assert first.get("creatingUser") == users["Clause Atlas review"], (
        "a reviewed clause is coded by the review user"
    )
    assert {c.find("q:CodeRef", ns).get("targetGUID") for c in first.iterfind("q:Coding", ns)} == {
        code_guid("training"),
        code_guid("commitment"),
    }
    assert second.get("creatingUser") == users["Clause Atlas model"]
    desc = first.find("q:Description", ns).text
    assert desc.startswith("model ") and desc.endswith(
        f"[clause-atlas clause={first.get('name')} themes=training stance=commitment]"
    )


# QualCoder's code palette (qualcoder/color_selector.py, ``colors``): on import it replaces every
# colour with the nearest entry by mean absolute channel difference.
QUALCODER_PALETTE = """
F5F6CE F2F5A9 F4FA58 F7FE2E DDE600 F8ECE0 F6E3CE F5D0A9 F7BE81 FAAC58 F5ECCE F3E2A9 F5DA81 F7D358 FACC2E
FFE2CC FFC599 FFA866 FF8B33 FF6F00 F8E6E0 F6D8CE F5BCA9 F79F81 FA8258 FADCCC F5B999 F09666 EB7333 E65100
F8E0E0 F6CECE F5A9A9 F78181 FA5858 F0D1D1 E2A4A4 D37676 C54949 B71C1C F2D6CE E5AE9D D8866D CB5E3C BF360C
E7CEDB CF9EB8 B76E95 9F3E72 880E4F F8E0E6 F6CED8 F5A9BC F7819F FA5882 F8E0F7 F6CEF5 F5A9F2 F781F3 FA58F4
D1DED2 A3BEA5 769E78 487E4B 1B5E20 DEE9E4 BED3C9 9EBDAE 7EA793 5E9179 CEF6E3 A9F5D0 81F7BE 58FAAC 00FF7F
E0F8E0 CEF6CE A9F5A9 81F781 58FA58 D0F5A9 BEF781 ACFA58 9AFE2E 80FF00 CEF6F5 A9F5F2 81F7F3 58FAF4 00F0F0
E4D3F5 CAA8EB B07CE1 9651D7 7D26CD ECE0F8 E3CEF6 D0A9F5 BE81F7 AC58FA DADAF5 B5B5EC 9090E3 6B6BDA 4646D1
CEE3F6 A9D0F5 81BEF7 3498DB 5882FA CEDAEC 9EB5D9 6D91C6 3D6CB3 0D47A1 E8E8E8 D8D8D8 C8C8C8 B8B8B8 A8A8A8
""".split()


def _nearest(colour: str) -> str:
    rgb = [int(colour[k : k + 2], 16) for k in (1, 3, 5)]
    return min(
        QUALCODER_PALETTE,
        key=lambda p: sum(abs(int(p[k : k + 2], 16) - c) for k, c in zip((0, 2, 4), rgb, strict=True)),
    )


def test_qdpx_code_colours_stay_distinct_on_a_qda_palette() -> None:
    colours = [*THEME_COLOURS.values(), *STANCE_COLOURS.values()]
    assert len({_nearest(c) for c in colours}) == len(colours) == 9


def test_qdpx_cli_export(store: Store, coder: ClauseCoder, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from nlp.cli import main

    f = tmp_path / "gids.txt"
    f.write_text("Vraag je ondernemingsraad om overleg over camerabeelden.\n", encoding="utf-8")
    ingest(store, collect([f]), coder=coder)
    store.close()
    res = CliRunner().invoke(
        main, ["--store", store.path, "export", str(tmp_path / "p.qdpx"), "--embedder", "fake"]
    )
    assert res.exit_code == 0 and "(qdpx, with 19 checklist provisions" in res.output, res.output
    assert zipfile.ZipFile(tmp_path / "p.qdpx").namelist()[0] == "project.qde"
    res = CliRunner().invoke(
        main, ["--store", store.path, "export", str(tmp_path / "q.qdpx"), "--theme", "data"]
    )
    assert res.exit_code == 1 and "whole store" in res.output


def _rewrite(src: Path, dst: Path, edit, source=None) -> None:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(src) as z:
        files = {n: z.read(n) for n in z.namelist()}
    files["project.qde"] = edit(files["project.qde"].decode("utf-8")).encode("utf-8")
    for n in files:
        if source is not None and n.startswith("sources/"):
            files[n] = source(files[n].decode("utf-8")).encode("utf-8")
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in files.items():
            z.writestr(n, data)


def test_qdpx_round_trip_records_exactly_the_changes(project: Path, store: Store, tmp_path: Path) -> None:
    from lxml import etree

    from nlp.exchange.qdpx import guid

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
    bad = tmp_path / f"{case}.qdpx"
    if case == "no_project":
        with zipfile.ZipFile(bad, "w") as z:
            z.writestr("sources/x.txt", "tekst")
    elif case == "namespace":
        _rewrite(project, bad, lambda x: x.replace(NS, "urn:other"))
    elif case == "unknown_source":  # GUID, name and text all foreign
        from nlp.exchange.qdpx import guid as g

        doc = store.doc_ids()[0]
        title = str(store.document(doc)["title"])
        _rewrite(
            project,
            bad,
            lambda x: x.replace(g("source", doc), g("source", "vreemd")).replace(
                f'name="{title}"', 'name="vreemd"'
            ),
            source=lambda t: t + "\nEen ander document.\n",
        )
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


def _qualcoder_style(project: Path, dst: Path, edit_codings, extra_source: bool = False) -> None:  # type: ignore[no-untyped-def]
    """Re-export a project the way QualCoder does: new GUIDs everywhere, one selection per coding
    (each with the selection's memo), sources written as utf-8-sig with Windows line endings,
    coders named on selections, colours mapped onto its palette.

    ``edit_codings`` gets and returns the list of (source name, start, end, code name, user, memo).
    """
    import uuid

    from lxml import etree

    ns = {"q": NS}
    with zipfile.ZipFile(project) as z:
        root = etree.fromstring(z.read("project.qde"))
        texts = {
            s.get("name"): z.read(s.get("plainTextPath").replace("internal://", "sources/")).decode("utf-8")
            for s in root.iterfind(".//q:TextSource", ns)
        }
    users = {u.get("guid"): u.get("name") for u in root.iterfind(".//q:User", ns)}
    codes = {
        c.get("guid"): (c.get("name"), c.get("color"))
        for c in root.iterfind(".//q:Code[@isCodable='true']", ns)
    }
    codings = []
    for src in root.iterfind(".//q:TextSource", ns):
        for sel in src.iterfind("q:PlainTextSelection", ns):
            desc = sel.find("q:Description", ns)
            for c in sel.iterfind("q:Coding", ns):
                name = codes[c.find("q:CodeRef", ns).get("targetGUID")][0]
                who = users.get(sel.get("creatingUser"), "default")
                codings.append(
                    (
                        src.get("name"),
                        int(sel.get("startPosition")),
                        int(sel.get("endPosition")),
                        name,
                        who,
                        desc.text if desc is not None else "",
                    )
                )
    codings = edit_codings(codings)

    def new() -> str:
        return str(uuid.uuid4())

    user_guid = {n: new() for n in {c[4] for c in codings} | {"default"}}
    code_guid_ = {name: new() for name, _ in codes.values()}
    out = [
        f'<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="{NS}" name="qc" origin="QualCoder 3.7" creatingUserGUID="{user_guid["default"]}">'
    ]
    out.append(
        "<Users>" + "".join(f'<User guid="{g}" name="{n}"/>' for n, g in user_guid.items()) + "</Users>"
    )
    out.append("<CodeBook><Codes>")
    for name, colour in codes.values():
        out.append(
            f'<Code guid="{code_guid_[name]}" name="{name}" isCodable="true" color="#{_nearest(colour)}"/>'
        )
    out.append("</Codes></CodeBook><Sources>")
    files = {}
    if extra_source:
        texts = {**texts, "eigen notities.txt": "Notities van de onderzoeker.\n"}
    for name, text in texts.items():
        sid = new()
        files[f"sources/{sid}.txt"] = text.replace("\n", "\r\n").encode("utf-8-sig")
        out.append(
            f'<TextSource guid="{sid}" name="{name}" plainTextPath="internal://{sid}.txt" creatingUser="{user_guid["default"]}">'
        )
        for src_name, start, end, code, who, memo in codings:
            if src_name != name:
                continue
            out.append(
                f'<PlainTextSelection guid="{new()}" startPosition="{start}" endPosition="{end}" name="" creatingUser="{user_guid[who]}">'
                + (f"<Description>{_xml_escape(memo)}</Description>" if memo else "")
                + f'<Coding guid="{new()}" creatingUser="{user_guid[who]}"><CodeRef targetGUID="{code_guid_[code]}"/></Coding></PlainTextSelection>'
            )
        out.append("</TextSource>")
    out.append("</Sources></Project>")
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("project.qde", "\n".join(out))
        for n, data in files.items():
            z.writestr(n, data)


def _xml_escape(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text)


def ingest_two_docs(store: Store, coder: ClauseCoder, tmp_path: Path) -> None:
    """Two small documents (a cao, a union guide), ingested and coded."""
    a = tmp_path / "cao_metaal.txt"
    a.write_text(
        "Artikel 1 Opleiding\n\n1. De werknemer heeft recht op vijf opleidingsdagen per jaar.\n\n"
        "2. De werkgever overlegt met de ondernemingsraad over nieuwe technologie.\n\n"
        "Artikel 2 Werkdruk\n\n1. Werkgever en werknemer bespreken jaarlijks de werkdruk.\n",
        encoding="utf-8",
    )
    b = tmp_path / "gids_camera.txt"
    b.write_text(
        "Camerabeelden mogen alleen worden bewaard met instemming van de ondernemingsraad.\n\n"
        "Vraag je werkgever welke gegevens over jou worden verzameld.\n",
        encoding="utf-8",
    )
    ingest(store, collect([a, b]), coder=coder)


def _two_docs(store: Store, coder: ClauseCoder, tmp_path: Path) -> Path:
    ingest_two_docs(store, coder, tmp_path)
    return export(store, tmp_path / "two.qdpx")


def test_qdpx_qualcoder_style_reexport_records_exactly_what_the_qda_user_changed(
    store: Store, coder: ClauseCoder, tmp_path: Path
) -> None:
    project = _two_docs(store, coder, tmp_path)
    clauses = store.clauses()
    target, other = clauses[1], clauses[-1]
    preds = store.predictions()
    title = {d["doc_id"]: d["title"] for d in store.documents()}
    drop = "neutral" if preds[target.clause_id].stance == "neutral" else preds[target.clause_id].stance

    def edit(codings):  # type: ignore[no-untyped-def]
        # on `target`: remove its stance coding and add 'participation' and 'recommendation';
        # on `other`: a new, shorter selection coded 'data' by the QDA user
        kept = [c for c in codings if not (c[1] == target.start and c[3] == drop)]
        src_t = title[target.doc_id]
        kept.append((src_t, target.start, target.end, "participation", "default", ""))
        kept.append(
            (
                src_t,
                target.start,
                target.end,
                "recommendation" if drop != "recommendation" else "concern",
                "default",
                "",
            )
        )
        kept.append((title[other.doc_id], other.start + 5, other.end - 3, "data", "default", ""))
        return kept

    changed = tmp_path / "qualcoder.qdpx"
    _qualcoder_style(project, changed, edit, extra_source=True)
    summary = import_qdpx(store, changed, annotator="Ann via QualCoder")
    latest = {a["clause_id"]: a for a in store.annotations()}
    assert set(latest) <= {target.clause_id, other.clause_id}
    assert summary["new_selections"] == 1
    assert {s["rule"] for s in summary["sources"]} == {"name"} and len(summary["sources"]) == 2
    assert [s["source"] for s in summary["skipped"]] == ["eigen notities.txt"]
    t = latest[target.clause_id]
    assert "participation" in t["themes"] and t["stance"] != drop and t["annotator"] == "Ann via QualCoder"
    assert set(t["themes"]) - {"participation"} == set(preds[target.clause_id].themes) - {"participation"}
    if "data" not in preds[other.clause_id].themes:
        assert "data" in latest[other.clause_id]["themes"]
        assert latest[other.clause_id]["stance"] == preds[other.clause_id].stance
    assert summary["by_document"].get(target.doc_id, 0) >= 1
    again = import_qdpx(store, changed)
    assert again["clauses_changed"] == 0, "importing the same re-export again changes nothing"


def test_qdpx_untouched_or_stale_export_changes_nothing(
    store: Store, coder: ClauseCoder, tmp_path: Path
) -> None:
    project = _two_docs(store, coder, tmp_path)
    untouched = tmp_path / "untouched.qdpx"
    _qualcoder_style(project, untouched, lambda codings: codings)
    assert import_qdpx(store, untouched)["clauses_changed"] == 0
    # a reviewer removes a theme and changes a stance after the export; the stale export keeps them
    c = store.clauses()[0]
    store.annotate(c.clause_id, [], "concern", "Reviewer")
    for stale in (project, untouched):
        summary = import_qdpx(store, stale)
        assert summary["clauses_changed"] == 0
        latest = {a["clause_id"]: a for a in store.annotations()}
        assert latest[c.clause_id]["themes"] == [] and latest[c.clause_id]["stance"] == "concern"


def test_qdpx_source_matched_by_content_when_guid_and_name_changed(
    project: Path, store: Store, tmp_path: Path
) -> None:
    from nlp.exchange.qdpx import guid as g

    doc = store.doc_ids()[0]
    title = str(store.document(doc)["title"])
    moved = tmp_path / "renamed.qdpx"
    _rewrite(
        project,
        moved,
        lambda x: x.replace(f'guid="{g("source", doc)}"', f'guid="{g("source", "anders")}"').replace(
            f'name="{title}"', 'name="Mijn kopie"'
        ),
        source=lambda t: "\ufeff" + t.replace("\n", "\r\n"),
    )
    summary = import_qdpx(store, moved)
    assert summary["sources"] == [{"source": "Mijn kopie", "doc_id": doc, "rule": "content"}]
    assert summary["clauses_changed"] == 0


def test_qdpx_cli_import_reports_sources_and_changes_per_document(
    store: Store, coder: ClauseCoder, tmp_path: Path
) -> None:
    from click.testing import CliRunner

    from nlp.cli import main

    project = _two_docs(store, coder, tmp_path)
    c = store.clauses()[0]
    changed = tmp_path / "qc.qdpx"
    title = {d["doc_id"]: d["title"] for d in store.documents()}
    _qualcoder_style(
        project,
        changed,
        lambda codings: [*codings, (title[c.doc_id], c.start, c.end, "wellbeing", "default", "")],
        extra_source=True,
    )
    store.close()
    res = CliRunner().invoke(main, ["--store", store.path, "import-qdpx", str(changed)])
    assert res.exit_code == 0, res.output
    assert "sources: 2 matched (2 by name), 1 skipped" in res.output
    assert "skipped 'eigen notities.txt'" in res.output
    assert f"{c.doc_id}: " in res.output and "+wellbeing" in res.output


def test_qdpx_provisions_are_theme_sub_codes_coded_on_their_evidence(
    store: Store, coder: ClauseCoder, tmp_path: Path
) -> None:
    from lxml import etree

    from nlp.analysis.checklist import Provision
    from nlp.analysis.provisions import Evidence, Finding
    from nlp.exchange.qdpx import provision_guid

    f = tmp_path / "cao_tele.txt"
    f.write_text(
        "Artikel 1\n\n1. De werkgever vergoedt de kosten van telewerken.\n\n2. De loonschalen staan in bijlage 2.\n",
        encoding="utf-8",
    )
    ingest(store, collect([f]), coder=coder)
    first = store.clauses()[0].clause_id
    tele = Provision(
        "wellbeing.telework", "wellbeing", "Regeling telewerken", "Kosten en ergonomie van thuiswerk."
    )
    found = [Finding("cao-tele", tele.id, "bindend", 0.9, (Evidence(first, "cao-tele", tele.id, 0.9, True),))]
    path = export(store, tmp_path / "p.qdpx", ([tele], found))
    ns = {"q": NS}
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("project.qde"))
    parent = root.find(f".//q:Code[@guid='{provision_guid(tele.id)}']/..", ns)
    assert parent.get("guid") == code_guid("wellbeing")
    coded = [
        sel.get("name")
        for sel in root.iterfind(".//q:PlainTextSelection", ns)
        if any(r.get("targetGUID") == provision_guid(tele.id) for r in sel.iterfind("q:Coding/q:CodeRef", ns))
    ]
    assert coded == [first]
    if XSD.exists():
        schema = etree.XMLSchema(etree.parse(str(XSD)))
        assert schema.validate(root), schema.error_log
    assert import_qdpx(store, path)["clauses_changed"] == 0  # sub-codes are not theme changes
