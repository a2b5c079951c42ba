from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import make_docx, make_pdf

from nlp import errors
from nlp.ingest import limits, read_text, readers

DUTCH = "Eén werknemer heeft recht op opleiding, café en privé-gegevens worden beschermd.\n"


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16", b""),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("cp1252", b""),
        ("latin-1", b""),
    ],
)
def test_readers_decodes_encodings_without_mojibake(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(prefix + DUTCH.encode(encoding))
    extracted = readers.read(path)
    assert extracted.pages[0].strip() == DUTCH.strip()


def test_readers_utf16_without_bom(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(DUTCH.encode("utf-16-le"))
    assert readers.read(path).pages[0].strip() == DUTCH.strip()


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", errors.EMPTY),
        ("blank.txt", b"   \n\n  ", errors.EMPTY),
        ("garbage.txt", bytes(range(256)) * 40, errors.BINARY),
        ("notes.odt", b"hello", "unsupported file type '.odt'"),
        ("broken.pdf", b"%PDF-1.4\n this is not really a pdf", "corrupt or unreadable PDF"),
        ("fake.pdf", b"just text pretending to be a pdf", "corrupt or unreadable PDF"),
        ("broken.docx", b"PK\x03\x04 not a zip at all", "corrupt or unreadable DOCX"),
    ],
)
def test_readers_bad_input_gives_one_clear_error(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(errors.InputFileError) as info:
        readers.read(path)
    message = str(info.value)
    assert reason in message
    assert "\n" not in message and message.startswith(str(path))


def test_readers_missing_file(tmp_path: Path) -> None:
    with pytest.raises(errors.InputFileError, match="no such file"):
        readers.read(tmp_path / "nope.pdf")


def test_readers_encrypted_pdf(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(make_pdf([["Geheime tekst over cameratoezicht."]]))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="geheim", owner_password="eigenaar")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(errors.InputFileError, match="encrypted"):
        readers.read(path)


def test_readers_aes_pdf_without_crypto_library_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdf
    from pypdf.errors import DependencyError

    def needs_crypto(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise DependencyError("cryptography>=3.1 is required for AES algorithm")

    monkeypatch.setattr(pypdf, "PdfReader", needs_crypto)
    with pytest.raises(errors.InputFileError, match="encrypted") as info:
        readers.read_bytes(make_pdf([["Tekst."]]), ".pdf", name="aes.pdf")
    assert "\n" not in str(info.value)


def test_readers_docx_with_damaged_numbering_levels_still_reads() -> None:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    para = d.add_paragraph("De werknemer heeft recht op scholing in werktijd.")
    num = OxmlElement("w:numPr")
    for tag, val in (("w:ilvl", "x"), ("w:numId", "1")):
        el = OxmlElement(tag)
        el.set(qn("w:val"), val)
        num.append(el)
    para._p.get_or_add_pPr().append(num)
    buf = io.BytesIO()
    d.save(buf)
    extracted = readers.read_bytes(buf.getvalue(), ".docx", name="kapot.docx")
    assert any("scholing in werktijd" in b.text for b in extracted.blocks)


def test_readers_deeply_nested_html_is_one_clear_error() -> None:
    html = ("<div>" * 1000 + "De werkgever overlegt met de ondernemingsraad." + "</div>" * 1000).encode()
    with pytest.raises(errors.InputFileError, match="nested too deeply") as info:
        readers.read_bytes(html, ".html", name="diep.html")
    assert "\n" not in str(info.value)


def test_readers_image_only_pdf_asks_for_ocr(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.rect(100, 100, 300, 300, fill=1)  # a scanned page: shapes, no text
    c.showPage()
    c.save()
    path = tmp_path / "scan.pdf"
    path.write_bytes(buf.getvalue())
    with pytest.raises(errors.InputFileError, match="no extractable text; OCR it first"):
        readers.read(path)


def test_readers_pdf_keeps_pages(tmp_path: Path) -> None:
    path = tmp_path / "two.pdf"
    path.write_bytes(make_pdf([["Eerste pagina over opleiding."], ["Tweede pagina over welzijn."]]))
    extracted = readers.read(path)
    assert extracted.fmt == "pdf"
    assert len(extracted.pages) == 2
    assert "Tweede pagina" in extracted.pages[1]


def test_readers_docx_styles_become_blocks(tmp_path: Path) -> None:
    path = tmp_path / "cao.docx"
    path.write_bytes(
        make_docx(
            [
                ("Heading 1", "Artikel 3 Cameratoezicht"),
                ("Normal", "De werkgever informeert de ondernemingsraad vooraf."),
                ("List Bullet", "het doel van de camera's;"),
                ("List Number", "De werknemer heeft recht op inzage."),
            ]
        )
    )
    blocks = readers.read(path).blocks
    assert [(b.kind, b.marker) for b in blocks] == [
        ("heading", ""),
        ("paragraph", ""),
        ("item", "•"),
        ("item", "1."),
    ]
    assert blocks[0].text == "Artikel 3 Cameratoezicht"


def test_readers_html_drops_navigation_and_keeps_structure(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Gids</title><script>var x=1;</script></head><body>"
        "<nav>Home | Over ons</nav><h1>Je rechten</h1><p>Je hebt recht op <b>scholing</b>.</p>"
        "<ul><li>Vraag je OR om advies.</li><li>Bespreek werkdruk.</li></ul><footer>© 2025</footer></body></html>",
        encoding="utf-8",
    )
    extracted = readers.read(path)
    assert extracted.title == "Gids"
    assert [(b.kind, b.text) for b in extracted.blocks] == [
        ("heading", "Je rechten"),
        ("paragraph", "Je hebt recht op scholing."),
        ("item", "Vraag je OR om advies."),
        ("item", "Bespreek werkdruk."),
    ]


def test_readers_markdown_blocks(tmp_path: Path) -> None:
    path = tmp_path / "gids.md"
    path.write_text(
        "# Titel\n\nEen **vette** zin met [link](http://x).\n\n- punt een\n- punt twee\n", encoding="utf-8"
    )
    blocks = readers.read(path).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Titel"),
        ("paragraph", "Een vette zin met link."),
        ("item", "punt een"),
        ("item", "punt twee"),
    ]


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_readers_one_stray_byte_does_not_garble_a_utf8_file(bom: bytes) -> None:
    data = (
        bom
        + "De coördinatie met de ondernemingsraad.\n".encode()
        + b"Het is \x92belangrijk\x92 om te overleggen.\n"
        + "Één zin meer over scholing.\n".encode()
    )
    text = read_text.decode_text(data, "gemengd.txt")
    assert "coördinatie" in text and "Één zin" in text and "’belangrijk’" in text


def test_readers_windows_1252_file_stays_windows_1252() -> None:
    text = read_text.decode_text("Coördinatie en één cursus.\n".encode("cp1252"), "oud.txt")
    assert text == "Coördinatie en één cursus.\n"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Dit is **vet** en *schuin* en _ook_ en __dik__ en `code`.",
            "Dit is vet en schuin en ook en dik en code.",
        ),
        ("**vet met *schuin* erin**", "vet met schuin erin"),
        ("a * b * c", "a * b * c"),
        ("*a " * 2000, ("*a " * 2000).strip()),  # unmatched delimiters stay (and are read in linear time)
    ],
)
def test_readers_markdown_emphasis_is_stripped(line: str, expected: str) -> None:
    assert read_text._md_inline(line) == expected


def _with_entry(docx: bytes, name: str, payload: bytes) -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as z, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
        for n in z.namelist():
            w.writestr(n, z.read(n))
        w.writestr(name, payload)
    return out.getvalue()


def test_readers_docx_decompression_bomb_is_refused_before_unpacking() -> None:
    docx = make_docx([("Normal", "De werkgever overlegt met de ondernemingsraad.")])
    bomb = _with_entry(docx, "word/media/pad.bin", b" " * 30_000_000)  # 30 MB of spaces, ~30 KB packed
    with pytest.raises(errors.InputFileError, match="refused: it would unpack to") as info:
        readers.read_bytes(bomb, ".docx", name="bom.docx")
    assert "\n" not in str(info.value)
    assert readers.read_bytes(docx, ".docx").blocks, "an ordinary DOCX still reads"


@pytest.mark.parametrize("kind", ["txt", "docx", "pdf"])
def test_readers_text_volume_is_limited_while_reading(monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 500)
    line = "De werkgever overlegt jaarlijks met de ondernemingsraad over de werkdruk."
    if kind == "txt":
        data = ("\n\n".join([line] * 20)).encode("utf-8")
    elif kind == "docx":
        data = make_docx([("Normal", line)] * 20)
    else:
        data = make_pdf([[line] * 4] * 5)
    with pytest.raises(errors.InputFileError, match="more than 500 characters"):
        readers.read_bytes(data, f".{kind}", name=f"groot.{kind}")


def test_readers_pdf_with_a_damaged_filter_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Found by the fuzz test: a flipped byte in a filter name makes pypdf raise NotImplementedError."""
    import pypdf

    class Damaged:
        def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
            raise NotImplementedError("Unsupported filter /Fla eDecode")

    monkeypatch.setattr(pypdf, "PdfReader", Damaged)
    with pytest.raises(errors.InputFileError, match="corrupt or unreadable PDF") as info:
        readers.read_bytes(make_pdf([["Tekst."]]), ".pdf", name="kapot.pdf")
    assert "\n" not in str(info.value)
