"""The provision checklist as data: the loader's checks, and the shipped file against the corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_app import corpus_store as corpus_store

from nlp.analysis.checklist import DEFAULT_CHECKLIST, ChecklistError, load_checklist
from nlp.resources import THEMES

GOOD = """
version: 1
provisions:
  - id: data.camera
    theme: data
    name: Regels voor cameratoezicht
    definition: >-
      De werkgever legt vast wanneer en hoe camera's worden gebruikt.
    legal_anchor: "WOR art. 27 lid 1 sub l"
    examples:
      - clause_id: "cao-x:3"
        text: "Cameratoezicht gebeurt alleen met instemming van de ondernemingsraad."
  - id: training.days
    theme: training
    name: Opleidingsdagen
    definition: Een aantal dagen per jaar voor opleiding.
"""


def test_checklist_reads_a_provision_a_knowledge_centre_adds(tmp_path: Path) -> None:
    f = tmp_path / "p.yaml"
    f.write_text(GOOD, encoding="utf-8")
    camera, days = load_checklist(f)
    assert (camera.id, camera.theme, camera.legal_anchor) == ("data.camera", "data", "WOR art. 27 lid 1 sub l")
    assert camera.examples[0].clause_id == "cao-x:3" and days.examples == () and days.legal_anchor == ""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (GOOD.replace("theme: training", "theme: salaris"), "has theme 'salaris'"),
        (GOOD.replace("training.days", "data.camera"), "appears twice"),
        (GOOD.replace("    name: Opleidingsdagen\n", ""), "lacks name"),
        ("provisions: [", "not valid YAML"),
        ("versie: 1", "expected a 'provisions' list"),
    ],
)
def test_checklist_errors_are_one_line(tmp_path: Path, text: str, message: str) -> None:
    f = tmp_path / "p.yaml"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(ChecklistError, match=message) as err:
        load_checklist(f)
    assert "\n" not in str(err.value)


@pytest.mark.skipif(not DEFAULT_CHECKLIST.is_file(), reason="no checklist shipped yet")
def test_checklist_shipped_examples_are_clauses_of_the_corpus(corpus_store: tuple[Path, Path]) -> None:
    from nlp.store.base import Store

    provisions = load_checklist()
    assert len(provisions) >= 15 and {p.theme for p in provisions} == set(THEMES)
    with Store(corpus_store[0], read_only=True) as s:
        text = {c.clause_id: c.text for c in s.clauses()}
    for p in provisions:
        for x in p.examples:
            assert text.get(x.clause_id) == x.text, (p.id, x.clause_id)


def test_checklist_terms_must_be_words(tmp_path: Path) -> None:
    f = tmp_path / "p.yaml"
    f.write_text(GOOD.replace("    name: Opleidingsdagen\n", "    name: Opleidingsdagen\n    terms: [3]\n"), encoding="utf-8")
    with pytest.raises(ChecklistError, match=r"terms of 'training\.days'"):
        load_checklist(f)


def test_provision_gold_is_complete_and_consistent() -> None:
    """Labels name known provisions; every blind disagreement is decided; splits follow the theme gold."""
    import csv

    from evaluation.checklist.gold import GOLD_DIR, annotations, documents, labels

    known = {p.id for p in load_checklist()}
    docs = documents()
    decided = {json.loads(x)["clause_id"] for x in (GOLD_DIR / "adjudicated.jsonl").read_text().splitlines() if x}
    for d in docs:
        for a in d.annotators:
            assert {p for c, ps in annotations(a).items() if c.startswith(d.doc_id + ":") for p in ps} <= known
        if len(d.annotators) == 2:
            first, second = (
                {c: p for c, p in annotations(a).items() if c.rsplit(":", 1)[0] == d.doc_id} for a in d.annotators
            )
            assert {c for c in first.keys() | second.keys() if first.get(c, {}) != second.get(c, {})} <= decided
    with (Path(__file__).parents[1] / "evaluation/gold/classification/split.csv").open() as f:
        theme_split = {r["doc_id"]: r["split"] for r in csv.DictReader(f)}
    assert all(theme_split[d.doc_id] == d.split for d in docs)
    assert len({d.doc_id for d in docs}) >= 25 and labels()
