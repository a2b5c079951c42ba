"""Every page of the app with streamlit's AppTest: on the bundled corpus and on an empty store,
and the main interaction of each page."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from nlp.coding.apply import code_store
from nlp.coding.classify import ClauseCoder
from nlp.coding.modelio import save
from nlp.ingest.pipeline import collect, ingest
from nlp.store.base import Store

ROOT = Path(__file__).resolve().parents[1]
PAGES = {
    "overview": "Overzicht van het corpus",
    "themes": "Thema's",
    "search": "Vergelijkbare clausules zoeken",
    "compare": "Documenten vergelijken",
    "document": "Document",
    "coverage": "Dekking en lacunes",
    "upload": "Document toevoegen",
    "review": "Codes nakijken",
    "topics": "Onderwerpen",
    "checklist": "Checklist van bepalingen",
}


@pytest.fixture(scope="session")
def corpus_store(coder: ClauseCoder, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The bundled corpus, segmented and coded with the test model (fake embedder)."""
    folder = tmp_path_factory.mktemp("app")
    model = save(coder, folder / "model")
    with Store(folder / "corpus.duckdb") as s:
        ingest(s, collect([ROOT / "corpus"]))
        code_store(s, coder)
    return folder / "corpus.duckdb", model


def app_env(monkeypatch: pytest.MonkeyPatch, store: Path, model: Path) -> None:
    monkeypatch.setenv("CLAUSE_ATLAS_STORE", str(store))
    monkeypatch.setenv("CLAUSE_ATLAS_MODEL", str(model))
    monkeypatch.setenv("CLAUSE_ATLAS_EMBEDDER", "fake")
    monkeypatch.setenv("CLAUSE_ATLAS_NO_BOOTSTRAP", "1")
    st.cache_resource.clear()


@pytest.fixture
def on_corpus(corpus_store: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    store = tmp_path / "copy.duckdb"
    store.write_bytes(corpus_store[0].read_bytes())  # each test may write
    app_env(monkeypatch, store, corpus_store[1])
    yield store
    st.cache_resource.clear()


def page(name: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "ui" / f"page_{name}.py"), default_timeout=60)
    at.run()
    return at


def ok(at: AppTest, heading: str) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == heading


@pytest.mark.parametrize("name", PAGES)
def test_app_page_renders_on_the_corpus(on_corpus: Path, name: str) -> None:
    ok(page(name), PAGES[name])


@pytest.mark.parametrize("name", PAGES)
def test_app_page_renders_on_an_empty_store(
    corpus_store: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str
) -> None:
    app_env(monkeypatch, tmp_path / "empty.duckdb", corpus_store[1])
    at = page(name)
    ok(at, PAGES[name])
    if name not in ("upload",):
        assert any("leeg" in i.value for i in at.info)
    st.cache_resource.clear()


def test_app_router_runs(on_corpus: Path) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    assert not at.exception and at.title[0].value == PAGES["overview"]


def test_app_overview_click_through_to_a_cell(on_corpus: Path) -> None:
    at = page("overview")
    at.selectbox(key="ov-doc").set_value("wor")
    at.selectbox(key="ov-theme").set_value("participation").run()
    assert not at.exception
    counts = [
        int(m.value.split()[0])
        for m in at.markdown
        if m.value.endswith(" clausules") and m.value.split()[0].isdigit()
    ]
    assert counts and counts[0] > 0, "the WOR has participation clauses behind its cell"


def test_app_themes_filter(on_corpus: Path) -> None:
    at = page("themes")
    at.radio(key="th-theme").set_value("data")
    at.multiselect(key="th-type").set_value(["cao"]).run()
    assert not at.exception
    assert any("over data" in m.value for m in at.markdown)


def test_app_search_and_export(on_corpus: Path) -> None:
    at = page("search")
    at.text_input(key="q").input(
        "de werkgever informeert de ondernemingsraad vooraf over nieuwe monitoringsystemen"
    ).run()
    assert not at.exception
    assert at.get("download_button"), "results can be exported"
    heads = [m.value for m in at.markdown if m.value.startswith("**#")]
    assert heads[0].startswith("**#1** · gelijkenis 0,") and heads[1].startswith("**#2**"), heads[:2]
    assert any("**ondernemingsraad**" in m.value for m in at.markdown), "matched words are highlighted"
    more = [b for b in at.button if b.label == "Meer zoals deze"]
    assert more, "each result offers 'more like this'"
    more[0].click().run()
    assert not at.exception and any("Meer zoals clausule" in i.value for i in at.info)


def test_app_compare_two_documents(on_corpus: Path) -> None:
    at = page("compare")
    at.selectbox(key="cmp-a").set_value("hulog-werkgevers")
    at.selectbox(key="cmp-b").set_value("kdm-werknemersbetrokkenheid").run()
    assert not at.exception and "vergelijkbare paren" in at.subheader[0].value


def test_app_upload_then_visible_in_coverage(on_corpus: Path) -> None:
    at = page("upload")
    text = (
        b"Artikel 1 Camera's\n\n1. De werkgever informeert de ondernemingsraad vooraf over camerabewaking.\n"
    )
    at.file_uploader(key="up-file").set_value(("nieuwe_cao.txt", text, "text/plain"))
    at.text_input(key="up-title").input("Nieuwe cao")
    at.selectbox(key="up-type").set_value("cao")
    at.button[0].click().run()
    assert not at.exception and at.success, [e.value for e in at.error]
    cov = page("coverage")
    # look in the cells, not in the printed frame (pandas elides rows of a long table)
    assert any("Nieuwe cao" in df.value.to_csv() for df in cov.dataframe)
    # the same file again is refused with a clear message, nothing stored twice
    at = page("upload")
    at.file_uploader(key="up-file").set_value(("nieuwe_cao.txt", text, "text/plain"))
    at.button[0].click().run()
    assert any("staat al in de databank" in e.value for e in at.error)


def test_app_upload_of_an_english_text_is_stored_uncoded_and_says_why(on_corpus: Path) -> None:
    at = page("upload")
    text = (
        b"Article 1 Cameras\n\n1. The employer informs the works council in advance about camera surveillance "
        b"and keeps the recordings for no longer than four weeks.\n"
    )
    at.file_uploader(key="up-file").set_value(("english_agreement.txt", text, "text/plain"))
    at.button[0].click().run()
    assert not at.exception and at.success
    assert any("niet in het Nederlands (taal: en)" in w.value for w in at.warning)
    with Store(on_corpus, read_only=True) as s:  # the app holds no connection between runs
        doc_id = next(d for d in s.doc_ids() if d.startswith("english"))
        assert s.document(doc_id)["language"] == "en" and not s.predictions(doc_id)


def test_app_upload_refuses_wrong_type(on_corpus: Path) -> None:
    at = page("upload")
    at.file_uploader(key="up-file").set_value(("x.txt", b"", "text/plain"))
    at.button[0].click().run()
    assert at.error and not at.success


def test_app_review_stores_a_correction(on_corpus: Path) -> None:
    at = page("review")
    at.text_input(key="rv-name").input("Tester")
    first = at.multiselect[0]
    first.set_value(["training"])
    at.button[0].click().run()
    with Store(on_corpus, read_only=True) as s:  # the app holds no connection between runs
        ann = s.annotations()
    assert len(ann) == 1 and list(ann[0]["themes"]) == ["training"] and ann[0]["annotator"] == "Tester"


def test_app_coverage_documents_without_commitment_on_training(on_corpus: Path) -> None:
    at = page("coverage")
    at.selectbox(key="cov-theme").set_value("training").run()
    assert not at.exception
    line = next(m.value for m in at.markdown if "geen verbintenis over opleiding" in m.value)
    assert int(line.split()[0]) > 0
    assert at.get("download_button"), "matrix exportable as CSV and Excel"


def test_app_themes_show_clause_text_escaped(on_corpus: Path) -> None:
    at = page("upload")
    text = (
        b"De werkgever **moet** <b>altijd</b> de ondernemingsraad raadplegen over camera's op de werkvloer.\n"
    )
    at.file_uploader(key="up-file").set_value(("markdown_test.txt", text, "text/plain"))
    at.button[0].click().run()
    assert at.success
    at = page("themes")
    at.multiselect(key="th-doc").set_value(["markdown-test"]).run()
    for theme in ("participation", "data", "training", "wellbeing"):
        at.radio(key="th-theme").set_value(theme).run()
        shown = [m.value for m in at.markdown if "altijd" in m.value]
        if shown:
            assert "\\*\\*moet\\*\\*" in shown[0] and "\\<b\\>" in shown[0]
            return
    pytest.skip("the test model gave this clause no theme")


def test_app_topics_drill_down(on_corpus: Path) -> None:
    at = page("topics")
    if any("nog geen onderwerpsmodel" in i.value for i in at.info):
        pytest.skip("no topic model saved (run 'clause-atlas topics fit')")
    box = at.selectbox(key="tp-topic")
    box.set_value(box.options[1]).run()
    assert not at.exception and at.dataframe
    assert any("Thema's in dit onderwerp" in c.value for c in at.caption)
    at.radio(key="tp-by").set_value("organisatie").run()
    assert not at.exception


def test_app_review_makes_a_qdpx_project(on_corpus: Path) -> None:
    at = page("review")
    next(b for b in at.button if b.key == "rv-qdpx").click().run()
    assert not at.exception and any(
        d.label == "Download clause-atlas.qdpx" for d in at.get("download_button")
    )


def test_app_qdpx_import_never_writes_under_the_uploaded_name(on_corpus: Path, tmp_path: Path) -> None:
    target = tmp_path / "escaped.qdpx"
    at = page("review")
    # a name that climbs out of the temporary folder to an absolute path of our choosing
    evil = "../" * 12 + str(target).lstrip("/")
    at.file_uploader(key="rv-qdpx-in").set_value(
        (evil, b"PK\x05\x06" + b"\x00" * 18, "application/zip")
    ).run()
    next(b for b in at.button if b.key == "rv-qdpx-import").click().run()
    assert not at.exception
    assert not target.exists(), "the upload was written outside the temporary folder"
    assert at.error, "a damaged project gets one clear message"


def test_app_says_in_one_line_when_the_model_cannot_be_loaded(
    corpus_store: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    broken = tmp_path / "model"
    broken.mkdir()
    (broken / "model.json").write_text("{", encoding="utf-8")
    store = tmp_path / "copy.duckdb"
    store.write_bytes(corpus_store[0].read_bytes())
    app_env(monkeypatch, store, broken)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    assert not at.exception
    assert any("Het model kon niet worden geladen" in w.value for w in at.warning)
    st.cache_resource.clear()


@pytest.mark.parametrize("name", ["overview", "review"])
def test_app_damaged_store_is_one_line_not_a_traceback(
    corpus_store: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str
) -> None:
    damaged = tmp_path / "damaged.duckdb"
    damaged.write_bytes(corpus_store[0].read_bytes()[:5000])  # a truncated store file
    app_env(monkeypatch, damaged, corpus_store[1])
    at = page(name)
    assert not at.exception, [e.value for e in at.exception]
    assert any("De databank kan niet worden geopend" in e.value for e in at.error)
    st.cache_resource.clear()


def test_app_streamlit_settings_match_the_app() -> None:
    import tomllib

    from ui.views import DEFAULT_UPLOAD_LIMIT_MB

    cfg = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert cfg["server"]["maxUploadSize"] == DEFAULT_UPLOAD_LIMIT_MB, (
        "the uploader states the app's own limit"
    )
    assert cfg["client"]["toolbarMode"] == "viewer", "no Deploy button"


def test_app_multiselects_speak_dutch(on_corpus: Path) -> None:
    for name in ("themes", "search", "coverage", "review"):
        at = page(name)
        assert all(m.placeholder != "Choose options" for m in at.multiselect), name


def test_app_themes_counts_every_clause_and_pages(on_corpus: Path) -> None:
    at = page("themes")
    text = next(m.value for m in at.markdown if "clausules over" in m.value)
    total = int(text.split("**")[1].replace(".", ""))
    assert "pagina 1 van" in text and total > 25, text
    at.number_input(key="th-page").set_value(2).run()
    assert not at.exception
    assert "pagina 2 van" in next(m.value for m in at.markdown if "clausules over" in m.value)


def test_app_binding_switch_on_every_page_that_lists_clauses(on_corpus: Path) -> None:
    def total(at: AppTest) -> int:
        text = next(m.value for m in at.markdown if "clausules over" in m.value)
        return int(text.split("**")[1].replace(".", ""))

    at = page("themes")
    every = total(at)
    at.toggle(key="th-binding").set_value(True).run()
    assert not at.exception and 0 < total(at) < every
    at = page("search")
    at.toggle(key="se-binding").set_value(True)
    at.text_input(key="q").input("de werkgever informeert de ondernemingsraad over camera's").run()
    assert not at.exception
    stances = [m.value for m in at.markdown if "-badge[" in m.value]  # the stance badges
    assert stances and all("verbintenis" in s for s in stances), stances[:3]
    at = page("overview")
    at.selectbox(key="ov-doc").set_value("wor")
    at.selectbox(key="ov-theme").set_value("participation").run()
    n = lambda a: next(int(m.value.split()[0]) for m in a.markdown if m.value.endswith("clausules"))  # noqa: E731
    before = n(at)
    at.toggle(key="ov-binding").set_value(True).run()
    assert not at.exception and 0 < n(at) <= before
    at = page("compare")
    at.toggle(key="cmp-binding").set_value(True).run()
    assert not at.exception


def test_app_search_nonsense_says_nothing_comparable(
    on_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nlp.retrieval import search

    # the test embedder's hashed words make any two texts look alike; give it a strict floor
    monkeypatch.setitem(search.MIN_SIMILARITY, "fake", search.Floor(0.99, 0.99))
    at = page("search")
    at.text_input(key="q").input("xqzv blorp").run()
    assert not at.exception
    assert any("Geen vergelijkbare clausule gevonden" in i.value for i in at.info)
    assert not [m for m in at.markdown if m.value.startswith("**#")], "no result cards"
    at.toggle(key="se-nearest").set_value(True).run()
    assert [m for m in at.markdown if m.value.startswith("**#1**")], "the nearest on request"


def test_app_document_page_opens_at_a_clause(on_corpus: Path) -> None:
    at = AppTest.from_file(str(ROOT / "ui" / "page_document.py"), default_timeout=60)
    at.query_params["doc"] = "wor"
    at.query_params["clause"] = "wor:120"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="doc-id").value == "wor"
    assert any(m.value.startswith("**Gekozen clausule**") and "wor:120" in m.value for m in at.markdown)
    assert any("rond de gekozen clausule" in c.value for c in at.caption)
    assert at.get("link_button"), "the source link from the manifest"
    at.toggle(key="doc-whole").set_value(True).run()
    assert not at.exception and not any("rond de gekozen clausule" in c.value for c in at.caption)
    cards = page("themes")
    assert any(m.value.startswith("[Bekijk in het document](document?doc=") for m in cards.markdown)


def test_app_topics_say_when_they_are_out_of_date(on_corpus: Path, tmp_path: Path) -> None:
    at = page("topics")
    if any("nog geen onderwerpsmodel" in i.value for i in at.info):
        pytest.skip("no topic model saved (run 'clause-atlas topics fit')")
    assert not [w for w in at.warning if "verouderd" in w.value]
    new = tmp_path / "cao_na_de_onderwerpen.txt"
    new.write_text(
        "Artikel 1\n\n1. De werkgever overlegt met de ondernemingsraad over roosters.\n", encoding="utf-8"
    )
    with Store(on_corpus) as s:
        ingest(s, collect([new]))
    at = page("topics")
    assert not at.exception
    assert any("verouderd" in w.value and "uit 1 documenten" in w.value for w in at.warning)
    assert any(b.label.startswith("Onderwerpen opnieuw berekenen") for b in at.button)


def test_app_first_start_ingests_and_codes_the_corpus_with_progress(
    corpus_store: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from ui import state

    folder = tmp_path / "corpus"
    folder.mkdir()
    for k in range(3):
        (folder / f"cao_{k}.txt").write_text(
            f"Artikel 1\n\n1. Werknemers in sector {k} krijgen opleidingsdagen.\n", encoding="utf-8"
        )
    store = tmp_path / "eerste.duckdb"
    app_env(monkeypatch, store, corpus_store[1])
    monkeypatch.delenv("CLAUSE_ATLAS_NO_BOOTSTRAP")
    monkeypatch.setattr(state, "CORPUS", folder)
    from ui import views

    steps: list[str] = []  # the lines the progress bar shows
    original = views.ProgressText.__call__
    monkeypatch.setattr(
        views.ProgressText, "__call__", lambda self, p: steps.append(original(self, p)) or steps[-1]
    )
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert steps[-1].startswith("Inlezen en coderen: 3 van 3 bestanden"), steps
    with Store(store, read_only=True) as s:
        assert len(s.doc_ids()) == 3 and len(s.predictions()) == 3
    st.cache_resource.clear()


def test_app_checklist_filters_and_shows_the_evidence_of_a_cell(on_corpus: Path) -> None:
    at = page("checklist")
    ok(at, PAGES["checklist"])
    every = len(at.dataframe[0].value)
    at.multiselect(key="chk-types").set_value(["cao"]).run()
    assert not at.exception and 0 < len(at.dataframe[0].value) < every
    assert set(at.dataframe[0].value["soort"]) == {"cao"}
    at.selectbox(key="chk-doc").set_value("politie-hap2")
    at.selectbox(key="chk-provision").set_value("wellbeing.right_to_disconnect").run()
    assert not at.exception
    assert any("zekerheid" in m.value and "politie" in m.value.lower() for m in at.markdown)
    assert {b.label for b in at.get("download_button")} >= {"Checklist als Excel", "Checklist als CSV"}


def test_app_checklist_shows_a_provision_added_to_the_data_file(
    on_corpus: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from nlp.analysis.checklist import DEFAULT_CHECKLIST

    extra = """
  - id: data.badge_readers
    theme: data
    name: Regels voor toegangspassen
    terms: ["toegangspas"]
    definition: Het document regelt wat de werkgever met de toegangspas van werknemers registreert.
    examples:
      - clause_id: "elders:1"
        text: "Met de toegangspas wordt alleen geregistreerd wie het gebouw betreedt."
"""
    f = tmp_path / "provisions.yaml"
    f.write_text(DEFAULT_CHECKLIST.read_text(encoding="utf-8").rstrip() + "\n" + extra, encoding="utf-8")
    monkeypatch.setenv("CLAUSE_ATLAS_CHECKLIST", str(f))
    at = page("checklist")
    ok(at, PAGES["checklist"])
    assert "Regels voor toegangspassen" in at.dataframe[0].value.columns
    assert "Regels voor toegangspassen" in at.selectbox(key="chk-provision").options


def test_app_checklist_broken_data_file_is_one_line(
    on_corpus: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    f = tmp_path / "p.yaml"
    f.write_text("provisions: [", encoding="utf-8")
    monkeypatch.setenv("CLAUSE_ATLAS_CHECKLIST", str(f))
    at = page("checklist")
    assert not at.exception and "niet worden gelezen" in at.error[0].value and "\n" not in at.error[0].value


def test_app_search_and_coverage_filter_by_a_checklist_provision(on_corpus: Path) -> None:
    from nlp.analysis.checklist import load_checklist
    from nlp.analysis.provisions import detect
    from nlp.retrieval.search import ClauseIndex

    tele = [p for p in load_checklist() if p.id == "wellbeing.telework"]
    with Store(on_corpus, read_only=True) as s:
        found = detect(ClauseIndex.from_store(s, "fake"), tele)
    evidence = {e.clause_id for f in found for e in f.evidence}
    assert evidence
    at = page("search")
    at.multiselect(key="se-provision").set_value(["wellbeing.telework"])
    at.text_input(key="q").input("vergoeding voor thuiswerken").run()
    assert not at.exception
    shown = {c.value.rsplit("id ", 1)[1] for c in at.caption if " · id " in c.value}
    assert shown and shown <= evidence, shown - evidence
    at = page("coverage")
    at.selectbox(key="cov-provision").set_value("wellbeing.telework").run()
    assert not at.exception
    text = next(m.value for m in at.markdown if "niet bindend" in m.value)
    binding = {f.doc_id for f in found if f.status == "bindend"}
    assert text.startswith(f"{len(found) - len(binding)} van {len(found)} documenten"), text
