"""Gold data: validation with line numbers, split by document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlp.coding.gold import GoldError, load_gold


def write(tmp_path: Path, rows: list[object]) -> Path:
    p = tmp_path / "gold.jsonl"
    p.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return p


GOOD = {
    "id": "a:1",
    "doc_id": "a",
    "text": "Tekst.",
    "themes": ["data"],
    "stance": "neutral",
    "split": "train",
}


def test_gold_loads_valid_lines(tmp_path: Path) -> None:
    g = load_gold(write(tmp_path, [GOOD, {**GOOD, "id": "a:2", "themes": []}]))
    assert [x.themes for x in g] == [("data",), ()]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("{oops", ":1: not valid JSON"),
        ({**GOOD, "themes": ["privacy"]}, ":1: themes must be"),
        ({**GOOD, "stance": "maybe"}, ":1: stance must be"),
        ({k: v for k, v in GOOD.items() if k != "text"}, ":1: missing field 'text'"),
        ({**GOOD, "split": "holdout"}, ":1: split must be"),
        ({**GOOD, "doc_type": "law"}, ":1: doc_type must be"),
    ],
)
def test_gold_bad_line_is_named(tmp_path: Path, row: object, message: str) -> None:
    with pytest.raises(GoldError, match=message):
        load_gold(write(tmp_path, [row]))


def test_gold_document_in_two_splits_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="'a' is in splits"):
        load_gold(write(tmp_path, [GOOD, {**GOOD, "id": "a:2", "split": "test"}]))


def test_gold_bundled_file_is_valid_and_split_by_document() -> None:
    gold = load_gold()
    assert len(gold) >= 1500
    splits = {g.split for g in gold}
    assert splits == {"train", "dev", "test"}
