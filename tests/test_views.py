"""What the app pages show, tested without Streamlit."""

from __future__ import annotations

import io

import pytest
from test_search import fixture_index

from nlp.exchange.tabular import to_csv, to_xlsx
from nlp.retrieval.search import Filters
from nlp.store.base import Store
from ui.heatmap_view import cell_of, heatmap, heatmap_cells
from ui.topic_view import topic_clauses
from ui.views import (
    UploadError,
    add_document,
    binding_filter,
    cell_clauses,
    documents_without,
    escape_markdown,
    only_binding,
    overview,
    review_queue,
    theme_clauses,
)


@pytest.fixture(scope="module")
def index():  # type: ignore[no-untyped-def]
    return fixture_index()


def test_views_escape_markdown_renders_literally() -> None:
    raw = "**vet** <b>html</b> [link](http://x) # kop - 1. item_met_underscores"
    out = escape_markdown(raw)
    for token in (
        "\\*\\*vet\\*\\*",
        "\\<b\\>",
        "\\[link\\]\\(http://x\\)",
        "\\# kop",
        "item\\_met\\_underscores",
    ):
        assert token in out


def test_views_overview_and_heatmap(index) -> None:  # type: ignore[no-untyped-def]
    ov = overview(index)
    assert len(ov["documents"]) == 3 and ov["clauses"] == 8 and ov["by_type"] == {"cao": 2, "vakbondsgids": 1}
    hm = heatmap(index)
    a = hm["doc_ids"].index("cao-a")
    assert hm["counts"][a] == [1, 1, 1, 0] and hm["binding"][a] == [True, True, True, False]


def test_views_theme_clauses_order_and_context(index) -> None:  # type: ignore[no-untyped-def]
    rows = theme_clauses(index, "training")
    assert [r["stance"] for r in rows] == ["commitment", "commitment", "concern"]
    assert rows[0]["after"] and "theme_scores" in rows[0]


def test_views_documents_without_commitment(index) -> None:  # type: ignore[no-untyped-def]
    assert [d["doc_id"] for d in documents_without(index, "training")] == ["gids-c"]
    assert {d["doc_id"] for d in documents_without(index, "wellbeing")} == {"cao-a", "gids-c"}


def test_views_csv_has_bom_and_joins_lists() -> None:
    data = to_csv([{"text": "Werknemers krijgen opleiding", "themes": ["training", "data"]}])
    assert data.startswith(b"\xef\xbb\xbf") and b"training; data" in data


def test_views_xlsx_reads_back_with_dutch_characters() -> None:
    from openpyxl import load_workbook

    wb = load_workbook(
        io.BytesIO(to_xlsx({"Matrix": [{"document": "Één cao — ‘werkbaar’ werk", "n": 3}], "Leeg": []}))
    )
    ws = wb["Matrix"]
    assert (
        ws["A2"].value == "Één cao — ‘werkbaar’ werk" and ws.freeze_panes == "A2" and "Leeg" in wb.sheetnames
    )


def test_views_review_queue_prefers_doubt(index) -> None:  # type: ignore[no-untyped-def]
    for r in index.rows:
        r["theme_scores"] = {"training": 0.9}
    index.rows[2]["theme_scores"] = {"training": 0.52}
    assert review_queue(index, set(), n=1)[0]["clause_id"] == index.rows[2]["clause_id"]
    assert index.rows[2]["clause_id"] not in [
        r["clause_id"] for r in review_queue(index, {index.rows[2]["clause_id"]})
    ]


@pytest.mark.parametrize(
    ("name", "data", "kwargs", "message"),
    [
        ("nota.exe", b"MZ", {}, "wordt niet ondersteund"),
        ("nota.txt", b"x" * 2048, {"limit_mb": 0.001}, "groter dan"),
        ("leeg.txt", b"", {}, "empty"),
        ("beeld.pdf", b"%PDF-1.4 broken", {}, "PDF"),
    ],
)
def test_views_upload_refusals_store_nothing(
    store: Store, name: str, data: bytes, kwargs: dict, message: str
) -> None:  # type: ignore[type-arg]
    with pytest.raises(UploadError, match=message):
        add_document(store, name, data, **kwargs)
    assert store.doc_ids() == []


def test_views_upload_then_duplicate(store: Store) -> None:
    data = b"Artikel 1\n\n1. De werkgever informeert de ondernemingsraad vooraf.\n"
    doc_id = add_document(store, "nieuw.txt", data, title="Nieuw", doc_type="cao", year=2026)
    assert doc_id == "nieuw" and store.document("nieuw")["title"] == "Nieuw"
    with pytest.raises(UploadError, match="staat al in de databank als 'nieuw'"):
        add_document(store, "kopie.txt", data)
    with pytest.raises(UploadError, match="er bestaat al een document met id 'nieuw'"):
        add_document(store, "nieuw.txt", data + b"\nNog een zin over scholing.\n")


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x","klik")', "+1+1", "-2+3", "@SUM(A1)", "\t=1"])
def test_views_exports_hold_no_live_formula(text: str) -> None:
    import csv as csvmod

    import openpyxl

    rows = [{"tekst": text, "n": -3}]
    got = next(iter(csvmod.DictReader(io.StringIO(to_csv(rows).decode("utf-8-sig")))))
    assert got["tekst"] == "'" + text and got["n"] == "-3", "numbers stay numbers"
    ws = openpyxl.load_workbook(io.BytesIO(to_xlsx({"T": rows}))).active
    cell = ws["A2"]
    assert cell.value == text and cell.data_type == "s"


def test_add_document_reads_and_codes_outside_the_store_lock(store: Store, coder, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The app's other pages wait for the lock only while the upload is written, not while it is coded."""
    import nlp.coding.apply

    held: list[bool] = []

    class RecordingLock:
        locked = False

        def __enter__(self) -> None:
            RecordingLock.locked = True

        def __exit__(self, *exc: object) -> None:
            RecordingLock.locked = False

    real = nlp.coding.apply.code_clauses

    def coding(*args, **kwargs):  # type: ignore[no-untyped-def]
        held.append(RecordingLock.locked)
        return real(*args, **kwargs)

    monkeypatch.setattr(nlp.coding.apply, "code_clauses", coding)
    data = b"Artikel 1\n\n1. De werkgever overlegt met de ondernemingsraad over camera's.\n"
    doc_id = add_document(store, "../../geupload.txt", data, coder=coder, lock=RecordingLock())
    assert held == [False], "coding ran while the store lock was held"
    assert store.predictions(doc_id) and doc_id == "geupload"
    assert store.document(doc_id)["path"] == "geupload.txt", "the uploaded name never becomes a path"


def test_views_theme_page_counts_all_matching_clauses_not_the_page(index, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import ui.views as views
    from nlp.retrieval.search import Filters

    theme = "data"
    every = views.theme_positions(index, theme)
    assert every, "the fixture has data clauses"
    monkeypatch.setattr(views, "PAGE_SIZE", 1)
    first = views.theme_page(index, theme, page=1)
    assert first["total"] == len(every) and first["pages"] == len(every) and len(first["rows"]) == 1
    assert sum(first["stances"].values()) == len(every), "the chart counts every matching clause"
    last = views.theme_page(index, theme, page=999)
    assert last["page"] == len(every), "a page past the end shows the last page"
    by_doc = views.theme_positions(index, theme, sort="document")
    assert [index.rows[i]["doc_id"] for i in by_doc] == sorted(index.rows[i]["doc_id"] for i in by_doc)
    by_score = views.theme_positions(index, theme, sort="score")
    scores = [index.rows[i]["theme_scores"].get(theme, 0) for i in by_score]
    assert scores == sorted(scores, reverse=True)
    none = views.theme_page(index, theme, Filters(doc_types=("covenant",)))
    assert none["total"] == 0 and none["rows"] == [] and none["pages"] == 1


def test_views_binding_switch_keeps_only_commitments_everywhere(index) -> None:  # type: ignore[no-untyped-def]
    every = theme_clauses(index, "training", binding_filter(Filters(), False))
    binding = theme_clauses(index, "training", binding_filter(Filters(stances=("concern",)), True))
    assert {r["stance"] for r in every} == {"commitment", "concern"}
    assert [r["stance"] for r in binding] == ["commitment", "commitment"]  # the switch replaces a stance choice
    ids = [r["clause_id"] for r in index.rows]
    assert only_binding(index, ids, False) == ids
    assert {index.rows[index.position[c]]["stance"] for c in only_binding(index, ids, True)} == {"commitment"}
    cell = cell_clauses(index, "cao-a", "training", binding_only=True)
    assert cell and all(r["stance"] == "commitment" for r in cell)
    saved = {"clause_ids": ids, "topics": [0] * len(ids)}
    topic = topic_clauses(index, saved, 0, limit=100, binding_only=True)
    assert 0 < len(topic) < len(ids) and all(r["stance"] == "commitment" for r in topic)


def test_views_coverage_and_topic_tables_speak_dutch(index) -> None:  # type: ignore[no-untyped-def]
    from nlp.analysis.coverage import gaps, peer_gaps
    from ui.topic_view import topic_display
    from ui.views import gap_detail

    found = gaps(index) + peer_gaps(index)
    peer = next(g for g in found if g.kind == "peer gap")
    assert gap_detail(peer).startswith(f"{peer.covering} van {peer.peers} documenten van het type")
    assert "of" not in gap_detail(peer).split() and "documents" not in gap_detail(peer)
    weak = [g for g in found if g.kind == "no commitment or recommendation"]
    assert all("sterkste houding" in gap_detail(g) for g in weak)
    assert set(documents_without(index, "training")[0]) == {
        "document", "doc_id", "documenttype", "clausules over het thema", "sterkste houding"
    }
    rows = topic_display([{"topic": 3, "size": 9, "label": "3_x", "example": "Zin.", "x": 0.1, "y": 0.2}])
    assert rows == [{"onderwerp": 3, "clausules": 9, "label": "3_x", "typische clausule": "Zin."}]


def test_views_highlighted_bolds_matches_and_keeps_the_rest_literal() -> None:
    from ui.views import dutch_number, highlighted

    text = "Opleidingen *voor* [iedereen]"
    assert highlighted(text, [(0, 11)]) == "**Opleidingen** \\*voor\\* \\[iedereen\\]"
    assert highlighted(text, []) == escape_markdown(text)
    assert (dutch_number(9513), dutch_number(0.62, 2), dutch_number(1234567.5, 1)) == ("9.513", "0,62", "1.234.567,5")


def test_views_progress_text_counts_and_time_left() -> None:
    from nlp.records import Progress
    from ui.views import ProgressText

    now = [100.0]
    text = ProgressText(clock=lambda: now[0])
    now[0] = 110.0
    assert text(Progress("read", 1, 4, "a.txt")) == "Inlezen en coderen: 1 van 4 bestanden (a.txt), nog ongeveer 30 s"
    now[0] = 400.0
    assert text(Progress("read", 2, 4, "b.txt")).endswith("nog ongeveer 5 min")
    assert text(Progress("read", 4, 4)) == "Inlezen en coderen: 4 van 4 bestanden"
    now[0] = 1_400.0
    assert text(Progress("code", 1_000, 2_000, "wor")) == (
        "Coderen van opgeslagen documenten: 1.000 van 2.000 documenten (wor), nog ongeveer 17 min"
    )


def test_views_comparable_keeps_hits_at_or_above_the_floor(index) -> None:  # type: ignore[no-untyped-def]
    from nlp.retrieval.search import Floor, comparable

    hits = index.search("werknemers krijgen opleidingsdagen", k=8)
    sims = sorted(h.similarity for h in hits)
    floor = sims[len(sims) // 2]
    kept = comparable(hits, Floor(floor, floor))
    assert kept and all(h.similarity >= floor for h in kept) and len(kept) < len(hits)
    lexical = comparable(hits, Floor(-1.0, 2.0))  # only hits that share a word stem with the query
    assert lexical and all("lexical" in h.ranks for h in lexical)
    assert comparable(hits, None) == hits  # an embedder without a calibrated floor keeps all


def test_views_document_view_sections_codes_window_and_source(store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from nlp.ingest.pipeline import collect, ingest
    from ui.document_view import DOCUMENT_WINDOW, document_link, document_view

    folder = tmp_path / "docs"
    folder.mkdir()
    topics = ["Scholing", "Werktijden", "Cameratoezicht", "Overleg", "Thuiswerk", "Verlof", "Werkdruk", "Privacy"]
    body = "".join(
        f"Artikel {k} {topic}\n\n"
        + "".join(f"{j}. Regel {j} over {topic.lower()} geldt voor sector {k}.\n\n" for j in range(1, 9))
        for k, topic in enumerate(topics, 1)
    )
    (folder / "cao.txt").write_text(body, encoding="utf-8")
    (folder / "manifest.csv").write_text(
        "doc_id,file,title,doc_type,organisation,sector,country,year,language,source\n"
        "cao-x,cao.txt,Cao X,cao,Partijen,metaal,NL,2025,nl,https://example.org/cao-x\n",
        encoding="utf-8",
    )
    ingest(store, collect([folder]))
    ids = [c.clause_id for c in store.clauses("cao-x")]
    store.annotate(ids[45], ["training"], "commitment", "Els")
    view = document_view(store, "cao-x", ids[45])
    assert view["source_url"] == "https://example.org/cao-x" and view["total"] == len(ids)
    assert len(view["clauses"]) == DOCUMENT_WINDOW < len(ids)
    chosen = [r for r in view["clauses"] if r["selected"]]
    assert [r["clause_id"] for r in chosen] == [ids[45]] and chosen[0]["reviewed"]
    assert chosen[0]["themes"] == ["training"] and chosen[0]["stance"] == "commitment"
    assert view["sections"][0] == {"title": "Artikel 1 Scholing", "depth": 1, "clause_id": ids[0]}
    assert [r["section"] for r in view["clauses"]][-1] == "Artikel 8 Privacy"
    assert len(document_view(store, "cao-x", whole=True)["clauses"]) == len(ids)
    assert document_link("cao-x", ids[3]) == "[Bekijk in het document](document?doc=cao-x&clause=cao-x%3A3)"


def test_views_topic_staleness_counts_what_changed_since_the_fit(index) -> None:  # type: ignore[no-untyped-def]
    from ui.topic_view import staleness, staleness_text

    ids = [r["clause_id"] for r in index.rows]
    assert staleness(index, {"clause_ids": ids}) == {"new_clauses": 0, "new_documents": 0, "gone_clauses": 0}
    cao_a = [c for c in ids if c.startswith("cao-a")]
    behind = staleness(index, {"clause_ids": [c for c in ids if c not in cao_a] + ["weg:1"]})
    assert behind == {"new_clauses": len(cao_a), "new_documents": 1, "gone_clauses": 1}
    assert staleness_text(behind) == (
        f"De onderwerpen zijn verouderd: {len(cao_a)} clausules uit 1 documenten zijn toegevoegd na het "
        "berekenen en 1 clausules zijn verdwenen. Nieuwe clausules hebben nog geen onderwerp."
    )
    assert staleness_text({"new_clauses": 0, "new_documents": 0, "gone_clauses": 0}) == ""


def test_views_heatmap_labels_are_unique_and_shading_is_logarithmic(index) -> None:  # type: ignore[no-untyped-def]
    import math

    from nlp.retrieval.search import ClauseIndex
    from ui.heatmap_view import LABEL_WIDTH

    long = "Besluit van 12 maart 2001, houdende regels over de arbeidsomstandigheden in de sector "
    rows = [dict(r, title=long + r["doc_id"]) for r in index.rows]
    hm = heatmap(ClauseIndex(rows, index.vectors, "fake"))
    assert len(set(hm["labels"])) == len(hm["labels"]) == 3  # the cut titles collide; the ids tell them apart
    assert all(x.startswith(long[: LABEL_WIDTH - 1].rstrip() + "…") and x.endswith(")") for x in hm["labels"])
    assert hm["shade"] == [[math.log1p(n) for n in row] for row in hm["counts"]]


def test_views_a_clicked_heatmap_tile_names_its_document_and_theme(index) -> None:  # type: ignore[no-untyped-def]
    hm = heatmap(index)
    cells = heatmap_cells(hm)
    assert len(cells) == len(hm["doc_ids"]) * len(hm["themes"])
    n = 4 * 1 + 2  # second document, third theme
    assert cell_of(hm, [{"point_index": n, "x": "ignored"}]) == (cells[n]["doc_id"], cells[n]["theme"])
    assert (cells[n]["doc_id"], cells[n]["theme"]) == (hm["doc_ids"][1], hm["themes"][2])
    assert cells[n]["text"].split()[0] == str(hm["counts"][1][2])
    assert cell_of(hm, []) is None and cell_of(hm, [{"point_index": 10**6}]) is None
