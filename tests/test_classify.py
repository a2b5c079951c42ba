"""Theme and stance estimators: scikit-learn API, thresholds, calibration, explanations."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone

from nlp.classify import ClauseCoder, StanceClassifier, ThemeClassifier, best_threshold, to_indicator
from nlp.features import ClauseFeatures, cue_matrix, readable_cue, word_view
from nlp.gold import GoldClause, select
from nlp.records import Sample
from nlp.resources import STANCES, THEMES


def test_classify_estimators_clone_and_params_round_trip() -> None:
    est = ThemeClassifier(features=ClauseFeatures(word=0.5, embedder="fake"), C=2.0)
    params = est.get_params(deep=True)
    assert params["features__word"] == 0.5 and params["C"] == 2.0
    twin = clone(est)
    assert twin.get_params(deep=True)["features__word"] == 0.5
    twin.set_params(C=8.0, features__char=0.0)
    assert twin.C == 8.0 and twin.features.char == 0.0 and est.C == 2.0
    stance = clone(StanceClassifier(C=3.0))
    assert stance.get_params()["C"] == 3.0


def test_classify_best_threshold_maximises_f1() -> None:
    y = np.array([1, 1, 1, 0, 0, 0])
    p = np.array([0.9, 0.8, 0.35, 0.3, 0.2, 0.1])
    t = best_threshold(y, p)
    assert 0.3 < t <= 0.35
    assert ((p >= t) == (y == 1)).all()


def test_classify_themes_can_be_empty_and_thresholds_apply(coder: ClauseCoder) -> None:
    X = [Sample("De looptijd van de regeling is twee jaar en het vakantiegeld blijft gelijk.", "cao")]
    assert coder.predict(X)[0].themes == ()
    saved = coder.themes.thresholds_.copy()
    try:
        coder.themes.thresholds_ = np.zeros(len(THEMES))
        assert coder.predict(X)[0].themes == THEMES
        coder.themes.thresholds_ = np.full(len(THEMES), 1.01)
        assert (
            coder.predict([Sample("De werkgever is verplicht tot een opleiding volgen.", "cao")])[0].themes
            == ()
        )
    finally:
        coder.themes.thresholds_ = saved


def test_classify_learns_planted_signals(coder: ClauseCoder, gold: list[GoldClause]) -> None:
    test = select(gold, "test")
    preds = coder.predict([g.sample() for g in test], explain=False)
    themes_ok = np.mean([set(p.themes) == set(g.themes) for p, g in zip(preds, test, strict=True)])
    stance_ok = np.mean([p.stance == g.stance for p, g in zip(preds, test, strict=True)])
    assert themes_ok > 0.8 and stance_ok > 0.8


def test_classify_probabilities_are_calibrated_scores(coder: ClauseCoder, gold: list[GoldClause]) -> None:
    X = [g.sample() for g in select(gold, "test")]
    tp = coder.themes.predict_proba(X)
    sp = coder.stance.predict_proba(X)
    assert tp.shape == (len(X), len(THEMES)) and ((tp >= 0) & (tp <= 1)).all()
    assert sp.shape == (len(X), len(STANCES)) and np.allclose(sp.sum(axis=1), 1.0)
    assert coder.stance.temperature_ > 0 and coder.themes.platt_.shape == (len(THEMES), 2)


def test_classify_explanation_has_cues_and_neighbours(coder: ClauseCoder) -> None:
    pred = coder.predict([Sample("De werkgever is verplicht tot een opleiding volgen in werktijd.", "cao")])[
        0
    ]
    assert "training" in pred.themes
    assert pred.explanation.theme_cues["training"], "a predicted theme names its cue terms"
    assert pred.explanation.stance_cues
    assert len(pred.explanation.neighbours) == coder.n_neighbours
    assert pred.explanation.neighbours[0].gold_id in coder.examples["ids"]
    assert "training" in pred.explanation.summary()


def test_classify_predict_without_vectors_embeds_with_the_model_embedder(coder: ClauseCoder) -> None:
    a = coder.predict([Sample("Overleg met de ondernemingsraad is verplicht.", "cao")], explain=False)[0]
    v = coder.themes.features_._vectors([Sample("Overleg met de ondernemingsraad is verplicht.")])
    b = coder.predict(
        [Sample("Overleg met de ondernemingsraad is verplicht.", "cao", "", v[0])], explain=False
    )[0]
    assert a.theme_scores == b.theme_scores


def test_classify_to_indicator() -> None:
    assert to_indicator([["data"], [], ["training", "participation"]]).tolist() == [
        [0, 1, 0, 0],
        [0, 0, 0, 0],
        [1, 0, 1, 0],
    ]


@pytest.mark.parametrize(
    ("text", "doc_type", "expected"),
    [
        ("Maak werk van scholing.", "union_guide", "xxfirst_maak"),
        ("De werkgever moet de OR informeren.", "cao", "xxbind_moet"),
        ("De werkgever moet de OR informeren.", "union_guide", "xxadv_moet"),
    ],
)
def test_features_word_view_marks_first_word_and_typed_modals(
    text: str, doc_type: str, expected: str
) -> None:
    assert expected in word_view(Sample(text, doc_type)).split()


def test_features_cue_matrix_and_names_agree() -> None:
    m, names = cue_matrix(
        ["Partijen verbinden zich ertoe.", "werknemer: degene die arbeid verricht;"], ["cao", "cao"]
    )
    assert m.shape == (2, len(names))
    assert m[0, names.index("cue:commitment:verbinden zich")] == 1
    assert m[1, names.index("definition")] == 1 and m[1, names.index("list item ;")] == 1
    assert readable_cue("commitment:verbind\\w* zich") == "verbind… zich"
