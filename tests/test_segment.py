"""Segmentation: abbreviations, boundaries, lead-ins, sections, and the offset invariant."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp.ingest.clean import build_document, clean
from nlp.ingest.segment import is_fragment, segment
from nlp.records import DocumentMeta, Extracted, RawBlock
from nlp.resources import ABBREVIATIONS

META = DocumentMeta("doc", "Doc")


def clauses_of(text: str, fmt: str = "txt") -> list[str]:
    doc = clean(Extracted(path="t", fmt=fmt, pages=(text,)), META)
    return [c.text for c in segment(doc)]


@pytest.mark.parametrize(
    "abbr",
    [
        "bv.",
        "bijv.",
        "o.a.",
        "m.b.t.",
        "nr.",
        "art.",
        "enz.",
        "e.d.",
        "i.p.v.",
        "cf.",
        "p.",
        "dhr.",
        "mevr.",
        "incl.",
        "ca.",
        "resp.",
        "etc.",
    ],
)
def test_segment_abbreviations_do_not_split(abbr: str) -> None:
    text = f"De werkgever regelt {abbr} opleidingen voor de werknemers in de sector. Dit is een tweede zin."
    assert clauses_of(text) == [
        f"De werkgever regelt {abbr} opleidingen voor de werknemers in de sector.",
        "Dit is een tweede zin.",
    ]


def test_segment_abbreviation_list_is_data() -> None:
    assert {"bv.", "bijv.", "o.a.", "m.b.t.", "i.p.v.", "resp."} <= ABBREVIATIONS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Deze verhoging werkt terug tot en met 1 januari 2004.De uitbetaling volgt in mei van dat jaar.",
            [
                "Deze verhoging werkt terug tot en met 1 januari 2004.",
                "De uitbetaling volgt in mei van dat jaar.",
            ],
        ),
        (
            "Industrie 4.0 steunt op big data en sensoren. Artikel 6.2 regelt het cameratoezicht op de werkvloer.",
            [
                "Industrie 4.0 steunt op big data en sensoren.",
                "Artikel 6.2 regelt het cameratoezicht op de werkvloer.",
            ],
        ),
        (
            "Volgens J. Jansen is dat een goed idee voor iedereen. Wat vindt de ondernemingsraad daarvan?",
            [
                "Volgens J. Jansen is dat een goed idee voor iedereen.",
                "Wat vindt de ondernemingsraad daarvan?",
            ],
        ),
        (
            "Zij zegt: “De werkdruk is te hoog.” De vakbond reageert met een voorstel.",
            ["Zij zegt: “De werkdruk is te hoog.”", "De vakbond reageert met een voorstel."],
        ),
        (
            "Cao nr. 39 verplicht de werkgever tot informatie en overleg over nieuwe technologie.",
            ["Cao nr. 39 verplicht de werkgever tot informatie en overleg over nieuwe technologie."],
        ),
    ],
)
def test_segment_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert clauses_of(text) == expected


def test_segment_lead_in_is_context_not_clause() -> None:
    text = (
        "1. Maak van werknemersparticipatie de norm\n\n"
        "Het onderzoek laat zien dat participatie werkt. Werkgevers kunnen:\n\n"
        "• participatie verankeren in sectorafspraken en cao-kaders;\n\n"
        "• werknemers betrekken bij de keuze van nieuwe systemen.\n"
    )
    doc = clean(Extracted(path="t", fmt="txt", pages=(text,)), META)
    clauses = segment(doc)
    assert [c.text for c in clauses] == [
        "Het onderzoek laat zien dat participatie werkt.",
        "participatie verankeren in sectorafspraken en cao-kaders;",
        "werknemers betrekken bij de keuze van nieuwe systemen.",
    ]
    assert clauses[1].lead_in == "Werkgevers kunnen:"
    assert clauses[1].kind == "item"
    assert clauses[0].section == ("1. Maak van werknemersparticipatie de norm",)


def test_segment_article_leden_are_provisions_with_section_path() -> None:
    text = (
        "Hoofdstuk 4 Digitalisering\n\n"
        "Artikel 12 Cameratoezicht\n\n"
        "1. De werkgever plaatst alleen camera's na instemming van de ondernemingsraad.\n\n"
        "2. Camerabeelden worden na vier weken vernietigd.\n"
    )
    doc = clean(Extracted(path="t", fmt="txt", pages=(text,)), META)
    clauses = segment(doc)
    assert [(c.kind, c.marker) for c in clauses] == [("provision", "1"), ("provision", "2")]
    assert clauses[0].section == ("Hoofdstuk 4 Digitalisering", "Artikel 12 Cameratoezicht")


def test_segment_headings_and_furniture_are_not_clauses() -> None:
    text = "Inleiding\n\nDe werkgever informeert de werknemers tijdig over veranderingen.\n\n12\n\nhttps://www.voorbeeld.be\n"
    assert clauses_of(text) == ["De werkgever informeert de werknemers tijdig over veranderingen."]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Zie ook", True),
        ("12", True),
        ("https://www.serv.be", True),
        ("Ken je motivatie.", False),
        ("De werknemer heeft recht op opleiding", False),
    ],
)
def test_segment_is_fragment(text: str, fragment: bool) -> None:
    assert is_fragment(text) is fragment


words = st.sampled_from(
    [
        "werkgever",
        "ondernemingsraad",
        "data",
        "opleiding",
        "werkdruk",
        "bv.",
        "o.a.",
        "art.",
        "4.0",
        "e-mail",
        "risico-inventarisatie",
        "De",
        "Het",
        "camera’s",
        "(OR)",
        "“citaat”",
        "nr.",
        "2004.De",
        "verbindt",
        "zich",
    ]
)
sentence = (
    st.lists(words, min_size=1, max_size=15).map(lambda ws: " ".join(ws)).map(lambda s: s[:1].upper() + s[1:])
)
end = st.sampled_from([".", "?", "!", ":", ";", ""])
block = st.tuples(
    st.sampled_from(["heading", "paragraph", "item"]),
    st.lists(st.tuples(sentence, end), min_size=1, max_size=4),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(block, min_size=1, max_size=8))
def test_segment_offsets_point_at_clause_text(blocks: list) -> None:
    raw = [
        RawBlock(kind, " ".join(s + e for s, e in sents), marker="•" if kind == "item" else "")
        for kind, sents in blocks
    ]
    doc = build_document(raw, META)
    clauses = segment(doc)
    assert [c.ordinal for c in clauses] == list(range(len(clauses)))
    last = -1
    for c in clauses:
        assert doc.text[c.start : c.end] == c.text
        assert c.text == c.text.strip() and c.text
        assert c.start >= last
        last = c.end


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=400))
def test_segment_offsets_hold_on_any_text(text: str) -> None:
    doc = clean(Extracted(path="t", fmt="txt", pages=(text,)), META)
    for c in segment(doc):
        assert doc.text[c.start : c.end] == c.text
