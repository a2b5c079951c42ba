"""Theme and stance estimators: scikit-learn API, thresholds, calibration, explanations."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone

from nlp.coding.classify import ClauseCoder
from nlp.coding.features import ClauseFeatures, cue_matrix, readable_cue, word_view
from nlp.coding.gold import GoldClause, select
from nlp.coding.heads import StanceClassifier, ThemeClassifier, best_threshold, to_indicator
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
    assert pred.explanation.neighbours[0].gold_id in coder.examples_["ids"]
    assert "training" in pred.explanation.summary()


def test_classify_predict_without_vectors_embeds_with_the_model_embedder(coder: ClauseCoder) -> None:
    a = coder.predict([Sample("Overleg met de ondernemingsraad is verplicht.", "cao")], explain=False)[0]
    v = coder.features_.vectors([Sample("Overleg met de ondernemingsraad is verplicht.")])
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


def test_classify_heads_share_one_fitted_extractor(coder: ClauseCoder) -> None:
    assert coder.themes.features_ is coder.features_ and coder.stance.features_ is coder.features_
    # the shared extractor computes every block either head weighs, each at weight 1
    for name, (a, b) in coder.features_.block_slices_.items():
        assert b > a and getattr(coder.features_, name) == 1.0


def test_classify_predict_featurises_each_text_once(
    coder: ClauseCoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    original = type(coder.features_).transform

    def counting(self, X):  # type: ignore[no-untyped-def]
        calls.append(len(X))
        return original(self, X)

    monkeypatch.setattr(type(coder.features_), "transform", counting)
    coder.predict([Sample("De werkgever is verplicht tot een opleiding.", "cao")] * 3, explain=True)
    assert calls == [3]


def test_features_block_scale_weights_each_block() -> None:
    X = [Sample(t, "cao") for t in ["overleg met de ondernemingsraad", "een opleiding volgen", "de werkdruk"]]
    shared = ClauseFeatures(word=1.0, char=1.0, embedding=0.0, cues=1.0, doc_type=1.0, min_df=1).fit(X)
    scale = shared.block_scale(ClauseFeatures(word=2.0, char=0.0, embedding=0.0, cues=0.5, doc_type=0.0))
    a, b = shared.block_slices_["word"]
    assert (scale[a:b] == 2.0).all()
    a, b = shared.block_slices_["char"]
    assert (scale[a:b] == 0.0).all()
    a, b = shared.block_slices_["cues"]
    assert (scale[a:b] == 0.5).all()
    assert len(scale) == shared.transform(X).shape[1]
    with pytest.raises(ValueError, match="embedding"):
        shared.block_scale(ClauseFeatures(embedding=1.0))


def test_classify_head_fits_on_its_own_like_an_estimator(gold: list[GoldClause]) -> None:
    train = select(gold, "train")
    head = StanceClassifier(features=ClauseFeatures(embedding=0.0, min_df=1), C=2.0)
    head.fit([g.sample() for g in train], [g.stance for g in train])
    proba = head.predict_proba([g.sample() for g in select(gold, "test")])
    assert np.allclose(proba.sum(axis=1), 1.0) and list(head.classes_) == list(STANCES)


def test_classify_written_clauses_can_weigh_differently_per_head(gold: list[GoldClause]) -> None:
    from nlp.coding.train import weights

    rows = [*select(gold, "train")[:3], GoldClause("w:1", "w", "Tekst.", (), "neutral", synthetic=True)]
    w = weights(rows, {"written_weight": 0.5, "themes": {"written_weight": 0.0}, "stance": {}})
    assert w["themes"].tolist() == [1.0, 1.0, 1.0, 0.0] and w["stance"].tolist() == [1.0, 1.0, 1.0, 0.5]


def test_code_clauses_in_batches_gives_the_same_predictions(coder, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from nlp.coding import apply as coding
    from nlp.ingest.clean import clean
    from nlp.ingest.segment import segment
    from nlp.records import DocumentMeta, Extracted

    text = "\n\n".join(
        [
            "De werkgever overlegt met de ondernemingsraad over camera's.",
            "Werknemers hebben recht op vijf opleidingsdagen per jaar.",
            "De werkdruk wordt jaarlijks besproken.",
            "Persoonsgegevens worden na twee jaar verwijderd.",
            "Deze cao geldt tot 1 januari.",
        ]
    )
    clauses = segment(
        clean(Extracted(path="t", fmt="txt", pages=(text,)), DocumentMeta("batch-doc", "Batch"))
    )
    whole = coding.code_clauses(clauses, "cao", coder)
    monkeypatch.setattr(coding, "CODING_BATCH", 2)
    batched = coding.code_clauses(clauses, "cao", coder)
    assert len(whole) == len(clauses) >= 5
    assert [(p.themes, p.stance, p.theme_scores) for p in batched] == [
        (p.themes, p.stance, p.theme_scores) for p in whole
    ]


def test_classify_fixed_formulas_of_laws_are_neutral_without_theme(coder: ClauseCoder) -> None:
    texts = [
        "Wij Beatrix, bij de gratie Gods, Koningin der Nederlanden, Prinses van Oranje-Nassau, enz. enz. enz.",
        "Lasten en bevelen dat dit besluit met de daarbij behorende nota van toelichting in het Staatsblad zal worden geplaatst.",
        "Gegeven te 's-Gravenhage, 3 mei 2002",
        "De werkgever is verplicht tot scholing in werktijd en de werknemer heeft recht op een opleiding volgen.",
    ]
    out = coder.predict([Sample(t, "other") for t in texts])
    for p in out[:3]:
        assert (p.themes, p.stance) == ((), "neutral") and "vaste formule" in p.explanation.summary()
    assert out[3].themes  # an ordinary clause is left to the model
