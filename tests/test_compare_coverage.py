"""Compare and coverage on the hand-built three-document fixture (known overlaps and gaps)."""

from __future__ import annotations

import pytest
from test_search import fixture_index

from nlp.analysis.compare import NO_THEME, align, profile
from nlp.analysis.coverage import gaps, matrix, peer_gaps
from nlp.errors import UnknownDocumentError

# Fake-embedder cosine of the two training paraphrases is ~0.6; unrelated clauses stay below 0.4.
THRESHOLD = 0.5


@pytest.fixture(scope="module")
def index():  # type: ignore[no-untyped-def]
    return fixture_index()


def test_profile_counts_theme_by_stance(index) -> None:  # type: ignore[no-untyped-def]
    p = profile(index, "cao-a")
    assert p.n_clauses == 3
    assert p.counts["training"]["commitment"] == 1 and p.counts["data"]["commitment"] == 1
    assert p.counts[NO_THEME]["commitment"] == 1 and p.counts["wellbeing"] == dict.fromkeys(
        p.counts["wellbeing"], 0
    )
    assert p.binding_share["training"] == 1.0 and p.binding_share["wellbeing"] == 0.0


def test_align_pairs_and_unique_clauses(index) -> None:  # type: ignore[no-untyped-def]
    a = align(index, "cao-a", "cao-b", threshold=THRESHOLD)
    assert [(p.a, p.b) for p in a.pairs] == [("cao-a:0", "cao-b:3")]
    assert set(a.only_a) == {"cao-a:1", "cao-a:2"}
    assert a.only_b == ["cao-b:4"]
    groups = a.by_theme(index)
    assert len(groups["training"]["pairs"]) == 1 and groups["wellbeing"]["only_b"] == ["cao-b:4"]
    assert groups["data"]["only_a"] == ["cao-a:1"] and groups[NO_THEME]["only_a"] == ["cao-a:2"]


def test_align_against_the_corpus(index) -> None:  # type: ignore[no-untyped-def]
    a = align(index, "cao-b", None, threshold=THRESHOLD)
    assert a.doc_b == "(corpus)" and ("cao-b:3", "cao-a:0") in [(p.a, p.b) for p in a.pairs]
    # corpus clauses unique to the other side are listed only for themes B has
    assert "cao-a:2" not in a.only_b and "gids-c:5" not in a.only_b


def test_coverage_matrix_counts_and_strongest_stance(index) -> None:  # type: ignore[no-untyped-def]
    cells = {(c.doc_id, c.theme): c for c in matrix(index)}
    assert cells[("cao-a", "data")].clauses == 1 and cells[("cao-a", "data")].strongest == "commitment"
    assert cells[("gids-c", "training")].strongest == "concern"
    assert cells[("cao-b", "data")].clauses == 0 and cells[("cao-b", "data")].strongest == ""


def test_coverage_gaps(index) -> None:  # type: ignore[no-untyped-def]
    found = {(g.doc_id, g.theme, g.kind) for g in gaps(index)}
    assert ("cao-a", "wellbeing", "absent") in found
    assert ("cao-b", "data", "absent") in found and ("cao-b", "participation", "absent") in found
    assert ("gids-c", "training", "no commitment or recommendation") in found
    assert ("gids-c", "data", "no commitment or recommendation") not in found  # a recommendation is enough
    assert all(g.doc_id == "cao-b" for g in gaps(index, "cao-b"))


def test_coverage_peer_gaps_use_documents_of_the_same_type(index) -> None:  # type: ignore[no-untyped-def]
    found = {(g.doc_id, g.theme): g for g in peer_gaps(index)}
    assert found[("cao-a", "wellbeing")].examples == ("cao-b:4",)
    assert found[("cao-b", "data")].examples == ("cao-a:1",)
    assert "1 of 1 cao documents" in found[("cao-b", "participation")].detail
    assert not any(d == "gids-c" for d, _ in found), "the only guide has no peers"


def test_unknown_document_is_clear(index) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnknownDocumentError, match="did you mean cao-a"):
        profile(index, "cao-aa")
    with pytest.raises(UnknownDocumentError):
        matrix(index, "nope")
    with pytest.raises(UnknownDocumentError):
        align(index, "cao-a", "nope")


def test_compare_threshold_calibration_weighs_bands_and_matches_the_shipped_default() -> None:
    import re

    import numpy as np

    from evaluation.retrieval.compare_threshold import README, report, weighted_prf
    from nlp.analysis.compare import ALIGN_THRESHOLD

    cos = np.array([0.4, 0.42, 0.62, 0.64, 0.9, 0.92])
    y = np.array([False, False, False, True, True, True])
    weights = np.array([0.5, 0, 0, 0, 0.3, 0, 0, 0.2])  # bands 0.35-0.45, 0.6-0.65, 0.8+
    p, r, _f = weighted_prf(cos, y, weights, 0.6)
    assert (round(p, 3), r) == (round((0.15 + 0.2) / 0.5, 3), 1.0)
    gold = [{"cosine": c, "comparable": bool(v), "annotator_1": bool(v)} for c, v in zip(cos, y, strict=True)]
    gold[0] |= {"annotator_2": False}
    gold[1] |= {"annotator_2": True}
    _text, chosen = report(gold, weights)
    assert chosen == 0.45  # F1 0.82 (P 0.7, R 1) from 0.45 to 0.60: the lowest; at 0.40 P falls to 0.35
    shipped = re.search(r"\| (\d\.\d\d) \*\*\(chosen, shipped\)\*\*", README.read_text(encoding="utf-8"))
    assert shipped and float(shipped.group(1)) == ALIGN_THRESHOLD
