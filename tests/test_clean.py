"""Cleaning rules, table-driven, with artefacts as the founding documents show them."""

from __future__ import annotations

import pytest

from nlp.ingest.clean import clean, normalize_chars
from nlp.ingest.furniture import Line
from nlp.ingest.hyphens import Hyphenation
from nlp.records import DocumentMeta, Extracted

META = DocumentMeta("t", "t")


def blocks_of(text: str, fmt: str = "txt", pages: tuple[str, ...] | None = None) -> list[tuple[str, str]]:
    doc = clean(Extracted(path="t", fmt=fmt, pages=pages or (text,)), META)
    return [(b.kind, doc.block_text(b)) for b in doc.blocks]


def texts_of(text: str, **kw: object) -> list[str]:
    return [t for _, t in blocks_of(text, **kw)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # word broken across lines in justified text: joined (evidence: the word occurs elsewhere)
        ("De digitalisering verloopt voortdu-\nrend en voortdurend sneller.", "voortdurend en voortdurend"),
        # real compound hyphens stay (hulog, euosha, kenniscentrum)
        (
            "handscanners en semi-\ngeautomatiseerde opslag- en ophaalsystemen worden ingezet.",
            "semi-geautomatiseerde opslag- en",
        ),
        ("bij de introductie van AI-\ntoepassingen op de werkvloer.", "AI-toepassingen"),
        ("een verplichte risico-\ninventarisatie en -evaluatie.", "risico-inventarisatie"),
        ("zij sturen ook e-\nmail naar de werknemers.", "e-mail"),
        # suspended compound before "en"
        (
            "Niet iedere werknemer wordt graag betrokken bij inspraak- \nen participatiemomenten.",
            "inspraak- en participatiemomenten",
        ),
        # a known Dutch word split at a syllable
        ("De digitale trans-\nformatie van het werk gaat snel.", "digitale transformatie van"),
        # a compound of two words the document uses elsewhere is written solid in Dutch
        (
            "Goede arbeid en goede omstandigheden: de arbeids-\nomstandigheden tellen.",
            "de arbeidsomstandigheden tellen",
        ),
    ],
)
def test_clean_hyphenation(raw: str, expected: str) -> None:
    assert expected in " ".join(texts_of(raw))


def test_clean_hyphenation_follows_document_habit() -> None:
    lines = [
        Line(None, t)
        for t in ["de trans-", "formatie van het werk", "een onder-", "zoek naar", "de ver-", "andering"] * 5
    ]
    hyph = Hyphenation.from_lines(lines)
    assert hyph.heavy
    assert hyph.join("de trans-", "formatie") == "de transformatie"


def test_clean_hard_wrapped_lines_rejoined() -> None:
    raw = (
        "De logistieke sector is van strategisch belang voor de Belgische economie. Warehousing \n"
        "vormt daarin een essentiële schakel: het ondersteunt economische groei, \n"
        "leveringszekerheid en de internationale concurrentiekracht van bedrijven.\n"
    )
    ((kind, text),) = blocks_of(raw)
    assert kind == "paragraph"
    assert "Warehousing vormt daarin" in text and "\n" not in text


SIA_DOUBLE_SPACED = """ Samenvatting

Om een beeld te krijgen van de stand van zaken in de Vlaamse maakindustrie gingen we in vijf

sectoren na hoe de digitale transformatie Industrie 4.0 zich manifesteert en in bedrijven concreet

vorm krijgt.

Industrie 4.0 steunt op big data en de diverse digitale dragers, van sensoren om data te capteren

tot tablets om verrijkende informatie ter beschikking te stellen. Industrie 4.0 omvat, ruimer dan

technologie, noodzakelijker wijze ook businessmodellen en sociale innovatie.

In een vergevorderde toepassing gaat Industrie 4.0 over een verticale en horizontale integratie

van informatiestromen in en buiten het bedrijf, waarbij men gebruik maakt van artificiële

intelligentie en het Internet of Things. Dit heeft heel wat gevolgen voor de diverse aspecten van

het businessmodel van de bedrijven.

We brachten de impact van de digitalisering Industrie 4.0 op het businessmodel in kaart en gingen

na welke drempels en hefbomen er zijn bij de implementatie, met welke interne en externe

partners wordt samengewerkt en hoe de bedrijven aankijken tegen de rol van de

sectororganisaties en de overheid.

Vijf sectoren en vijf bedrijven

De vijf beschreven sectoren en bedrijven zijn de confectie met het bedrijf Alsico, de voeding met

Dekeyzer-Ossaer, de meubelsector met Haelvoet, de metaalsector met C-MEC en de grafische

sector met Burocad.
"""


def test_clean_double_spaced_lines_are_one_paragraph() -> None:
    blocks = blocks_of(SIA_DOUBLE_SPACED)
    assert blocks[0] == ("heading", "Samenvatting")
    assert ("heading", "Vijf sectoren en vijf bedrijven") in blocks
    joined = " ".join(t for _, t in blocks)
    assert "gingen we in vijf sectoren na hoe" in joined
    assert "ruimer dan technologie, noodzakelijker" in joined
    assert all("\n" not in t for _, t in blocks)


def test_clean_page_numbers_headers_and_urls_removed() -> None:
    header = "Cao Voorbeeldsector 2025-2027"
    pages = tuple(
        f"{header}\nDe werkgever zorgt voor een veilige werkplek voor alle werknemers op pagina {i}.\n"
        f"De ondernemingsraad wordt geïnformeerd over nieuwe systemen.\nhttps://www.voorbeeld.nl/cao\n{i}\n"
        for i in range(1, 6)
    )
    texts = texts_of("", fmt="pdf", pages=pages)
    joined = "\n".join(texts)
    assert header not in joined
    assert "https://" not in joined
    assert not any(t.strip().isdigit() for t in texts)
    assert joined.count("veilige werkplek") == 5


def test_clean_footnotes_removed_and_reference_unglued() -> None:
    raw = (
        "De SERV en StIA hanteren in hun werkbaarheidsmonitor2 indicatoren om werkbaar werk in kaart te brengen.\n"
        "Innovatie op de werkvloer kan een aanzienlijke impact hebben op deze indicatoren.\n"
        "\n"
        "2\t De werkbaarheidsmonitor 2023 van de SERV en StIA kan hier geraadpleegd worden: \n"
        "https://www.serv.be/stichting/project/vlaamse-werkbaarheidsmonitor-werknemers-\n"
        "meting-2023\n"
        " Bij welke AI-innovaties is het nodig werknemers te betrekken?\n"
    )
    # footnote 1 occurred earlier in the document
    raw = (
        "Een eerste zin met een voetnoot1 erin staat hier.\n\n1\t Een eerdere voetnoot met uitleg.\n\n" + raw
    )
    joined = "\n".join(texts_of(raw))
    assert "geraadpleegd" not in joined and "meting-2023" not in joined
    assert "werkbaarheidsmonitor indicatoren" in joined
    assert "Bij welke AI-innovaties" in joined


@pytest.mark.parametrize("bullet", ["•", "£", "\uf0b7", "▪", "-", "–"])
def test_clean_bullets_become_items(bullet: str) -> None:
    raw = (
        "Over landen en bedrijven heen komen consistente patronen naar voren:\n\n"
        f"{bullet} Werknemers worden te beperkt betrokken bij technologische keuzes.\n\n"
        f"{bullet} Technologie wordt te vaak enkel vanuit efficiëntie geïmplementeerd.\n"
    )
    blocks = blocks_of(raw)
    assert [k for k, _ in blocks] == ["paragraph", "item", "item"]
    assert blocks[1][1] == "Werknemers worden te beperkt betrokken bij technologische keuzes."


@pytest.mark.parametrize(
    ("raw", "kinds"),
    [
        (
            "Artikel 3\n\n1. De werkgever informeert de ondernemingsraad.\n\n2. De ondernemingsraad adviseert binnen zes weken.\n",
            ["heading", "item", "item"],
        ),
        (
            "6.2 Cameratoezicht\nDe werkgever plaatst geen verborgen camera's op de werkvloer.\n",
            ["heading", "paragraph"],
        ),
        (
            "Hoofdstuk 2 Scholing\n\nDe werknemer heeft recht op twee opleidingsdagen per jaar.\n",
            ["heading", "paragraph"],
        ),
        (
            "Werkgevers kunnen:\na) een opleidingsplan opstellen;\nb) de ondernemingsraad betrekken.\n",
            ["paragraph", "item", "item"],
        ),
        ("lid 2 De werkgever betaalt de kosten van de opleiding volledig terug.\n", ["item"]),
        # Belgian conventions: "Artikel 5 – Titel", "§1.", "1°"
        (
            "Artikel 5 – Camerabewaking\n\n§1. De werkgever informeert de syndicale afvaardiging vooraf.\n\n"
            "De informatie heeft betrekking op:\n1° het doel van de camera's;\n2° de bewaartermijn van de beelden.\n",
            ["heading", "item", "paragraph", "item", "item"],
        ),
    ],
)
def test_clean_numbering_is_structure(raw: str, kinds: list[str]) -> None:
    assert [k for k, _ in blocks_of(raw)] == kinds


def test_clean_normalize_chars() -> None:
    assert normalize_chars("e\u00admail\u00a0en ﬁnanciering\u200b") == "email en financiering"


LONG = (
    "Er is een gedragscode mobiele telefonie politie opgesteld die de korpsen moeten toepassen bij het "
    "verstrekken van toestellen aan medewerkers, met afspraken over gebruik, kosten en verantwoording."
)


def test_clean_unwrapped_paragraph_lines_are_not_double_spaced() -> None:
    # One paragraph per line (HAP2 style): a list item must not swallow the headings after it.
    items = "\n\n".join(f"– Afspraak {i} zonder eindpunt {LONG[:-1]}" for i in range(12))
    topics = ["Parkeerfaciliteiten", "Kinderopvang", "Mobiele telefonie", "Reiniging kleding", "Dienstreizen"]
    rest = "\n\n".join(f"{t}\n\n{LONG}" for t in topics)
    blocks = blocks_of(items + "\n\n" + rest)
    assert ("heading", "Kinderopvang") in blocks
    assert max(len(t) for _, t in blocks) < 400


@pytest.mark.parametrize(
    ("row", "kept"),
    [
        ("|---|---|", []),
        ("| Nr. | Salaris | 1 | 2 | 3 |", []),
        ("| Arbowet artikelen 3, 8, 11 en 44 | 2.15, 3.2 |", []),
        (
            "| Wachttijd | De eerste twee jaar betaalt je werkgever ten minste zeventig procent van je loon. |",
            ["De eerste twee jaar betaalt je werkgever ten minste zeventig procent van je loon."],
        ),
    ],
)
def test_clean_pipe_tables_keep_only_statement_cells(row: str, kept: list[str]) -> None:
    from nlp.ingest.furniture import unpipe_tables

    out = [ln.text for ln in unpipe_tables([Line(None, "Tekst ervoor."), Line(None, row)]) if not ln.blank]
    assert out == ["Tekst ervoor.", *kept]
