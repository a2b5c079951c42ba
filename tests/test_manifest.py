"""Document ids from file names: readable, distinct for different names in any script."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nlp.ingest.manifest import doc_id_from_path
from nlp.ingest.pipeline import collect, ingest
from nlp.store.base import Store


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Cao Metaal 2025.pdf", "cao-metaal-2025"),
        ("één.txt", "een"),
        ("Ärzte Über.docx", "arzte-uber"),
        ("a_b--c.txt", "a-b-c"),
        ("ﬁle.txt", "file"),
    ],
)
def test_manifest_doc_id_from_file_name(name: str, expected: str) -> None:
    assert doc_id_from_path(name) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [("!!!.txt", "???.txt"), ("日本語.txt", "русский.txt"), ("Rapport 日本.txt", "Rapport 中国.txt")],
)
def test_manifest_names_that_ascii_cannot_spell_get_distinct_hashed_ids(a: str, b: str) -> None:
    ida, idb = doc_id_from_path(a), doc_id_from_path(b)
    assert ida != idb and ida.isascii() and idb.isascii()
    assert ida.rsplit("-", 1)[0] == idb.rsplit("-", 1)[0] and len(ida.rsplit("-", 1)[1]) == 8


@given(
    st.text(min_size=1, max_size=40).filter(
        lambda s: "/" not in s and "\x00" not in s and s not in (".", "..")
    )
)
def test_manifest_doc_id_is_a_nonempty_slug(stem: str) -> None:
    doc_id = doc_id_from_path(stem + ".txt")
    assert doc_id and doc_id == doc_id_from_path(stem + ".txt")
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", doc_id), doc_id


def test_manifest_non_latin_files_do_not_replace_each_other(tmp_path: Path) -> None:
    for name in ("日本語.txt", "русский.txt", "één.txt"):
        (tmp_path / name).write_text(
            f"De werkgever overlegt met de ondernemingsraad over {name}.\n", encoding="utf-8"
        )
    with Store(tmp_path / "s.duckdb") as store:
        report = ingest(store, collect([tmp_path]))
        assert sorted(report.status.values()) == ["added", "added", "added"]
        assert len(store.documents()) == 3


def test_manifest_titles_lose_control_characters() -> None:
    from nlp.ingest.manifest import make_meta

    meta = make_meta("x", "Cao\x1b[31m metaal\u200b\r\n2025\x00")
    assert meta.title == "Cao [31m metaal 2025"
    assert make_meta("leeg", "\x07\x08").title == "leeg"


def test_manifest_short_title_is_optional_and_at_most_40_characters() -> None:
    from nlp.errors import ManifestError
    from nlp.ingest.manifest import make_meta

    assert make_meta("a", "Een lange titel").short_title == ""
    assert make_meta("a", "Een lange titel", short_title=" Kort\n").short_title == "Kort"
    with pytest.raises(ManifestError, match="at most 40"):
        make_meta("a", "Titel", short_title="x" * 41)
