"""Search: dense top-k, fusion, filters, "more like this", errors; on a fixture built in code."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import FakeEmbedder
from hypothesis import given
from hypothesis import strategies as st

from nlp.retrieval.dense import build_ann, top_k
from nlp.retrieval.search import ClauseIndex, Filters, SearchError, rrf

CLAUSES = [
    # doc, type, country, text, themes, stance
    (
        "cao-a",
        "cao",
        "NL",
        "De werknemer heeft recht op twee opleidingsdagen per jaar.",
        ("training",),
        "commitment",
    ),
    (
        "cao-a",
        "cao",
        "NL",
        "Camerabeelden van werknemers worden alleen met instemming van de ondernemingsraad gebruikt.",
        ("participation", "data"),
        "commitment",
    ),
    ("cao-a", "cao", "NL", "Het loon wordt jaarlijks op 1 juli verhoogd met twee procent.", (), "commitment"),
    (
        "cao-b",
        "cao",
        "NL",
        "Iedere werknemer heeft recht op twee opleidingsdagen in ieder jaar.",
        ("training",),
        "commitment",
    ),
    (
        "cao-b",
        "cao",
        "NL",
        "De werkgever stelt samen met de werknemers een plan tegen werkdruk op.",
        ("wellbeing",),
        "commitment",
    ),
    (
        "gids-c",
        "union_guide",
        "BE",
        "Vraag je werkgever wat er met de camerabeelden van werknemers gebeurt.",
        ("data",),
        "recommendation",
    ),
    ("gids-c", "union_guide", "BE", "Te weinig werknemers volgen een opleiding.", ("training",), "concern"),
    ("gids-c", "union_guide", "BE", "Werkdruk leidt tot stress en uitval.", ("wellbeing",), "concern"),
]


def fixture_index() -> ClauseIndex:
    rows = []
    for n, (doc, dt, cty, text, themes, stance) in enumerate(CLAUSES):
        rows.append(
            {
                "clause_id": f"{doc}:{n}",
                "doc_id": doc,
                "ordinal": n,
                "text": text,
                "section": "Artikel 1",
                "page": None,
                "title": doc.upper(),
                "doc_type": dt,
                "country": cty,
                "organisation": "",
                "year": 2025,
                "themes": themes,
                "theme_scores": {t: 0.9 for t in themes},
                "stance": stance,
            }
        )
    return ClauseIndex(rows, FakeEmbedder().encode([r["text"] for r in rows]), "fake")


@pytest.fixture(scope="module")
def index() -> ClauseIndex:
    return fixture_index()


def test_top_k_exact_matches_brute_force() -> None:
    rng = np.random.default_rng(0)
    m = rng.standard_normal((200, 16)).astype(np.float32)
    q = rng.standard_normal((3, 16)).astype(np.float32)
    idx, sc = top_k(q, m, 5)
    brute = np.argsort(-(q @ m.T), axis=1)[:, :5]
    assert (idx == brute).all() and (np.diff(sc, axis=1) <= 0).all()


@given(st.integers(min_value=1, max_value=30), st.integers(min_value=0, max_value=2**31 - 1))
def test_top_k_mask_only_returns_allowed_rows(k: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    m = rng.standard_normal((40, 8)).astype(np.float32)
    mask = rng.random(40) < 0.3
    idx, _ = top_k(rng.standard_normal(8).astype(np.float32), m, k, mask=mask)
    assert idx.shape[1] == min(k, int(mask.sum()))
    assert mask[idx[0]].all()


def test_top_k_with_approximate_index_finds_near_duplicates() -> None:
    pytest.importorskip("faiss")
    rng = np.random.default_rng(1)
    centres = rng.standard_normal((20, 32)).astype(np.float32)
    m = centres[rng.integers(0, 20, 2000)] + 0.05 * rng.standard_normal((2000, 32)).astype(np.float32)
    m /= np.linalg.norm(m, axis=1, keepdims=True)
    ann = build_ann(m, nprobe=8)
    idx, _ = top_k(m[:10], m, 1, index=ann)
    assert (idx[:, 0] == np.arange(10)).mean() >= 0.9


def test_rrf_rewards_agreement() -> None:
    fused = rrf([[1, 2, 3], [3, 1, 4]])
    assert max(fused, key=fused.get) in (1, 3) and fused[1] > fused[2] and fused[4] < fused[3]


def test_search_finds_the_paraphrase_with_context_and_codes(index: ClauseIndex) -> None:
    hits = index.search("recht op twee opleidingsdagen per jaar", k=2)
    assert {h.clause_id for h in hits} == {"cao-a:0", "cao-b:3"}
    h = hits[0]
    assert h.themes == ("training",) and h.stance == "commitment" and h.title in ("CAO-A", "CAO-B")
    first = index.search("camerabeelden instemming ondernemingsraad", k=1)[0]
    assert (
        first.clause_id == "cao-a:1"
        and first.before.startswith("De werknemer")
        and first.after.startswith("Het loon")
    )


@pytest.mark.parametrize(
    ("filters", "allowed"),
    [
        (Filters(themes=("data",)), {"cao-a:1", "gids-c:5"}),
        (Filters(stances=("concern",)), {"gids-c:6", "gids-c:7"}),
        (Filters(doc_types=("union_guide",), themes=("training",)), {"gids-c:6"}),
        (Filters(countries=("NL",), doc_ids=("cao-b",)), {"cao-b:3", "cao-b:4"}),
    ],
)
def test_search_filters(index: ClauseIndex, filters: Filters, allowed: set[str]) -> None:
    for mode in ("hybrid", "dense", "lexical"):
        hits = index.search("werknemers opleiding camerabeelden werkdruk", k=8, filters=filters, mode=mode)
        assert {h.clause_id for h in hits} <= allowed
    assert {h.clause_id for h in index.search("werknemers", k=8, filters=filters, mode="dense")} == allowed


def test_search_more_like_this_leaves_the_clause_out(index: ClauseIndex) -> None:
    hits = index.search(like="cao-a:0", k=3)
    assert hits[0].clause_id == "cao-b:3" and all(h.clause_id != "cao-a:0" for h in hits)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"query": "   "}, "empty query"),
        ({"like": "cao-a:99"}, "unknown clause id 'cao-a:99' \\(did you mean"),
        (
            {"query": "x", "filters": Filters(doc_types=("covenant",))},
            "no clauses match the filters \\(doc_types=covenant\\)",
        ),
        ({"query": "x", "filters": Filters(themes=("privacy",))}, "unknown theme 'privacy'"),
        ({"query": "x", "filters": Filters(doc_ids=("cao-z",))}, "unknown doc_id 'cao-z'"),
        ({"query": "x", "mode": "fuzzy"}, "unknown search mode"),
    ],
)
def test_search_errors_are_clear(index: ClauseIndex, kwargs: dict, message: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(SearchError, match=message):
        index.search(**kwargs)


def test_search_fusion_is_set_in_the_constructor_or_a_copy() -> None:
    from nlp.retrieval.search import FUSION, ClauseIndex, SearchError

    index = fixture_index()
    assert index.fusion == FUSION == "weighted"
    rrf_index = index.with_fusion("rrf")
    assert rrf_index.fusion == "rrf" and index.fusion == "weighted" and rrf_index.vectors is index.vectors
    assert rrf_index.search("camera", k=3) and index.search("camera", k=3)
    with pytest.raises(SearchError, match="unknown fusion"):
        ClauseIndex(index.rows, index.vectors, index.embedder, fusion="max")


def test_search_without_faiss_stays_exact_with_a_one_line_notice(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import sys

    import numpy as np

    from nlp.retrieval.dense import build_ann

    monkeypatch.setitem(sys.modules, "faiss", None)  # as if the 'ann' extra were not installed
    assert build_ann(np.eye(4, dtype=np.float32)) is None
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "clause-atlas[ann]" in err


def test_matched_spans_find_word_forms_and_skip_stop_words() -> None:
    from nlp.retrieval.lexical import matched_spans

    text = "De werkgever biedt de werknemers opleidingen aan en overlegt met de ondernemingsraad."
    spans = matched_spans("opleiding voor de ondernemingsraad", text)
    assert [text[a:b] for a, b in spans] == ["opleidingen", "ondernemingsraad"]
    assert matched_spans("xqzv blorp", text) == []


@given(st.text(max_size=80), st.text(max_size=120))
def test_matched_spans_are_whole_words_inside_the_text(query: str, text: str) -> None:
    from nlp.retrieval.lexical import matched_spans

    spans = matched_spans(query, text)
    assert spans == sorted(spans)
    for a, b in spans:
        assert 0 <= a < b <= len(text)
        assert text[a:b].replace("_", "").isalnum() or set(text[a:b]) == {"_"}


def test_lexical_index_is_cached_between_processes_by_the_texts(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from nlp.retrieval import lexical

    texts = [f"De werkgever biedt opleiding nummer {k} aan over camerabewaking." for k in range(30)]
    built = lexical.LexicalIndex(texts, tmp_path)
    assert len(list(tmp_path.glob("lexical-*"))) == 1
    monkeypatch.setattr(lexical, "vocabulary", lambda _t: (_ for _ in ()).throw(AssertionError("rebuilt")))
    loaded = lexical.LexicalIndex(texts, tmp_path)  # from the cache: the corpus is not analysed again
    for q in ("opleiding", "camera", "xqzv"):
        assert np.allclose(built.scores(q), loaded.scores(q))
    monkeypatch.undo()
    other = lexical.LexicalIndex([*texts, "Een andere zin."], tmp_path)  # other texts, another entry
    assert len(list(tmp_path.glob("lexical-*"))) == 2 and other.n == 31
    for k in range(lexical.KEEP_CACHED + 2):  # later states of a store push out the oldest entries
        lexical.LexicalIndex([*texts, f"Nieuwe zin {k}."], tmp_path)
    assert len(list(tmp_path.glob("lexical-*"))) == lexical.KEEP_CACHED
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert lexical.LexicalIndex(texts, blocked / "sub").n == 30  # an unusable cache is not used


def test_index_from_store_takes_a_review_over_the_prediction(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from nlp.ingest.pipeline import collect, ingest
    from nlp.records import Explanation, Prediction

    f = tmp_path / "cao_review.txt"
    f.write_text("Artikel 1\n\n1. De werkgever overlegt met de ondernemingsraad.\n\n2. Er komt een budget.\n", encoding="utf-8")
    ingest(store, collect([f]))
    a, b = store.clauses()
    empty = Explanation({}, ())
    store.put_predictions(
        (c.clause_id, c.doc_id, Prediction(("participation",), {"participation": 0.8}, "neutral", {}, empty, "m"))
        for c in (a, b)
    )
    store.annotate(b.clause_id, ["training"], "commitment", "Els")
    rows = {r["clause_id"]: r for r in ClauseIndex.from_store(store, "fake").rows}
    assert (rows[a.clause_id]["themes"], rows[a.clause_id]["stance"]) == (("participation",), "neutral")
    assert (rows[b.clause_id]["themes"], rows[b.clause_id]["stance"]) == (("training",), "commitment")
    assert rows[b.clause_id]["reviewed"] and rows[b.clause_id]["theme_scores"] == {"participation": 0.8}
