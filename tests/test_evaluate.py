"""Evaluation: real documents lead, written clauses follow, intervals over documents, text only."""

from __future__ import annotations

from dataclasses import replace

import pytest

from nlp.coding.classify import ClauseCoder
from nlp.coding.evaluate import LeakageError, evaluate, parts, render, summary_table, text_only
from nlp.coding.gold import GoldClause


def _mixed(gold: list[GoldClause]) -> list[GoldClause]:
    """The planted gold with some test clauses written, some from an earlier stratified sample."""
    out, k = [], 0
    for g in gold:
        k += g.split == "test"
        if g.split == "test" and k % 5 == 0:
            g = replace(
                g, doc_id=f"w-{g.doc_id}", synthetic=True, source="synthetic", extra={"sample": "written"}
            )
        elif g.split == "test" and k % 5 == 1:
            g = replace(g, extra={"sample": "legacy"})
        elif g.split == "test":
            g = replace(g, extra={"sample": "random"})
        out.append(g)
    return out


def test_evaluate_parts_keep_real_random_clauses_for_the_headline(gold: list[GoldClause]) -> None:
    mixed = _mixed(gold)
    p = parts(mixed)
    assert all(not g.synthetic and g.extra["sample"] == "random" for g in p["real_test"])
    assert all(g.synthetic for g in p["written_test"])
    assert all(g.extra["sample"] == "legacy" for g in p["real_test_stratified"])
    assert sum(len(v) for v in p.values()) == sum(g.split == "test" for g in mixed)


def test_evaluate_codes_from_text_and_document_type_only(gold: list[GoldClause]) -> None:
    g = replace(gold[0], section="Artikel 12 Cameratoezicht", extra={"context": "buren", "sample": "random"})
    (t,) = text_only([g])
    assert t.section == "" and t.context == "" and t.text == g.text and t.doc_type == g.doc_type
    assert t.extra["sample"] == "random"


def test_evaluate_reports_real_first_with_document_intervals(
    coder: ClauseCoder, gold: list[GoldClause]
) -> None:
    results = evaluate(coder, _mixed(gold), resamples=30)
    real = results["real_test"]
    assert real["model"]["interval"] == "documents" and real["model"]["n_docs"] == real["n_docs"]
    assert set(real["by_doc_type"]["cao"]) == {"model", "keyword"}
    text = render(results)
    assert text.index("Real documents, test split") < text.index("Written clauses, test split")
    table = summary_table(results)
    assert table.splitlines()[2].startswith("| **real documents, test**")
    assert "keyword baseline" in table and "by document type" in table


def test_evaluate_refuses_a_model_trained_on_test_clauses(coder: ClauseCoder, gold: list[GoldClause]) -> None:
    test = [g for g in gold if g.split == "test"]
    leaked = [replace(test[0], id=coder.examples_["ids"][0]), *test[1:]]
    with pytest.raises(LeakageError, match="used in training"):
        evaluate(coder, [g for g in gold if g.split != "test"] + leaked, resamples=10)
