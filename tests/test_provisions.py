"""Provision detection: signals, the verifier, statuses per document, and the shipped detector file."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from conftest import FakeEmbedder
from hypothesis import given
from hypothesis import strategies as st

from nlp.analysis.checklist import Example, Provision
from nlp.analysis.provisions import (
    DEFAULT_DETECTOR,
    FEATURES,
    ClauseView,
    DetectorError,
    ProvisionDetector,
    detect,
    findings,
    load_detector,
    pair_features,
    save_detector,
    term_counts,
)
from nlp.retrieval.search import ClauseIndex

TELEWORK = Provision(
    "wellbeing.telework",
    "wellbeing",
    "Regeling telewerken",
    "De werkgever vergoedt de kosten van thuiswerken en zorgt voor een ergonomische werkplek thuis.",
    terms=("telewerk", "thuiswerk"),
    examples=(Example("cao-a:3", "De werkgever betaalt een vergoeding voor telewerken van 2 euro per dag."),),
)
DAYS = Provision(
    "training.days", "training", "Opleidingsdagen", "Werknemers krijgen vijf opleidingsdagen per jaar."
)


def view(
    cid: str, text: str, stance: str = "neutral", doc_type: str = "cao", lead_in: str = ""
) -> ClauseView:
    return ClauseView(cid, cid.split(":")[0], text, lead_in, stance, {"wellbeing": 0.5}, doc_type)


def test_terms_match_word_beginnings_only() -> None:
    counts = term_counts(
        ["Telewerken mag twee dagen.", "Hertelewerk is geen woord", "thuiswerkplek en telewerk"], [TELEWORK]
    )
    assert counts[:, 0].tolist() == [1, 0, 2]


def test_features_leave_out_the_documents_own_examples() -> None:
    text = "De werkgever betaalt een vergoeding voor telewerken van 2 euro per dag."
    clauses = [view("cao-a:3", text), view("cao-b:1", text)]
    vectors = FakeEmbedder().encode([c.text for c in clauses])
    X = pair_features(clauses, vectors, [TELEWORK, DAYS], FakeEmbedder().encode)
    assert X.shape == (2, 2, len(FEATURES))
    example, definition = FEATURES.index("example"), FEATURES.index("definition")
    # cao-b is judged by cao-a's identical example; cao-a falls back to the definition
    assert X[1, 0, example] == pytest.approx(1.0, abs=1e-5)
    assert X[0, 0, example] == pytest.approx(X[0, 0, definition])
    # a provision without examples uses its definition
    assert X[1, 1, example] == pytest.approx(X[1, 1, definition])
    assert X[0, 0, FEATURES.index("terms")] == pytest.approx(1 / 3)


def test_lead_in_signals_are_kept_apart_from_the_clause() -> None:
    clauses = [view("x:0", "de kosten van internet;", lead_in="Bij telewerken vergoedt de werkgever:")]
    X = pair_features(
        clauses, FakeEmbedder().encode(["de kosten van internet;"]), [TELEWORK], FakeEmbedder().encode
    )
    assert X[0, 0, FEATURES.index("terms")] == 0
    assert X[0, 0, FEATURES.index("lead_terms")] == pytest.approx(1 / 3)


def test_verifier_learns_and_round_trips(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 400)
    X = rng.normal(size=(400, len(FEATURES))) + y[:, None] * 1.5
    det = ProvisionDetector(C=1.0, threshold=0.6).fit(X, y)
    assert (det.predict(X) == y).mean() > 0.8
    save_detector(det, tmp_path / "d.json", trained_on="test")
    again = load_detector(tmp_path / "d.json")
    assert np.allclose(again.predict_proba(X), det.predict_proba(X), atol=1e-4) and again.threshold == 0.6
    assert json.loads((tmp_path / "d.json").read_text())["trained_on"] == "test"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read"),
        ("{", "not valid JSON"),
        ('{"features": ["x"], "coef": [1], "intercept": 0, "threshold": 0.5}', "reads features"),
    ],
)
def test_detector_file_errors_are_one_line(tmp_path: Path, content: str | None, message: str) -> None:
    f = tmp_path / "d.json"
    if content is not None:
        f.write_text(content, encoding="utf-8")
    with pytest.raises(DetectorError, match=message) as err:
        load_detector(f)
    assert "\n" not in str(err.value)


def test_status_is_binding_only_for_a_commitment_in_a_binding_document() -> None:
    clauses = [
        view("cao:0", "a", stance="commitment"),
        view("cao:1", "b"),
        view("brief:0", "c", stance="commitment", doc_type="policy_brief"),
        view("brief:1", "d"),
    ]
    probs = np.array([[0.9, 0.1], [0.95, 0.2], [0.8, 0.3], [0.1, 0.4]])
    out = {(f.doc_id, f.provision): f for f in findings(clauses, probs, [TELEWORK, DAYS], 0.5)}
    assert out["cao", TELEWORK.id].status == "bindend" and out["cao", TELEWORK.id].confidence == 0.9
    assert [e.clause_id for e in out["cao", TELEWORK.id].evidence] == ["cao:1", "cao:0"]
    assert out["brief", TELEWORK.id].status == "genoemd"
    assert out["cao", DAYS.id].status == "afwezig" and out["cao", DAYS.id].confidence == 0.8
    assert out["brief", DAYS.id].evidence == ()


@given(st.lists(st.floats(0, 1), min_size=1, max_size=12), st.floats(0.05, 0.95))
def test_every_document_gets_one_status_per_provision(probs: list[float], threshold: float) -> None:
    clauses = [
        view(f"d{i % 3}:{i}", "x", stance="commitment" if i % 2 else "neutral") for i in range(len(probs))
    ]
    out = findings(clauses, np.array(probs)[:, None], [TELEWORK], threshold)
    assert sorted(f.doc_id for f in out) == sorted({c.doc_id for c in clauses})
    for f in out:
        assert (f.status == "afwezig") == (not f.evidence)
        assert all(e.probability >= threshold for e in f.evidence)
        assert 0.0 <= f.confidence <= 1.0


def test_detect_on_an_index_finds_the_arrangement(tmp_path: Path) -> None:
    rows = [
        {
            "clause_id": "cao-b:0",
            "doc_id": "cao-b",
            "text": "Werknemers die telewerken krijgen een thuiswerkvergoeding.",
            "stance": "commitment",
            "doc_type": "cao",
            "theme_scores": {"wellbeing": 0.8},
        },
        {
            "clause_id": "cao-b:1",
            "doc_id": "cao-b",
            "text": "De loonschalen staan in bijlage 2.",
            "stance": "neutral",
            "doc_type": "cao",
            "theme_scores": {},
        },
        {
            "clause_id": "nota:0",
            "doc_id": "nota",
            "text": "De salarissen stijgen met twee procent.",
            "stance": "neutral",
            "doc_type": "policy_brief",
            "theme_scores": {},
        },
    ]
    rows = [{"country": "NL", "organisation": "", "year": 2025, "themes": (), **r} for r in rows]
    index = ClauseIndex(rows, FakeEmbedder().encode([r["text"] for r in rows]), "fake")
    det = ProvisionDetector(threshold=0.5)
    det.coef_ = np.array([0, 0, 6.0, 0, 0, 0, 0], dtype=float)
    det.intercept_ = -1.0
    det.classes_ = np.array([0, 1])
    out = {(f.doc_id, f.provision): f for f in detect(index, [TELEWORK, DAYS], det)}
    assert out["cao-b", TELEWORK.id].status == "bindend"
    assert [e.clause_id for e in out["cao-b", TELEWORK.id].evidence] == ["cao-b:0"]
    assert out["nota", TELEWORK.id].status == "afwezig"


@pytest.mark.skipif(not DEFAULT_DETECTOR.is_file(), reason="no detector shipped")
def test_shipped_detector_reads_the_current_features() -> None:
    det = load_detector()
    assert len(det.coef_) == len(FEATURES) and 0 < det.threshold < 1
