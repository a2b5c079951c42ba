r"""Read files into raw text: plain text, Markdown, PDF, DOCX and HTML.

``read(path)`` is the entry point. PDFs and plain text come back as pages of raw lines (the
cleaning stage removes their artefacts); DOCX, HTML and Markdown carry their own structure and
come back as blocks. Anything a user can get wrong raises :class:`~nlp.errors.InputFileError`.

PDF extraction uses pypdf: on our measurements it keeps Dutch accents, reads 2-column pages
column by column and keeps line-end hyphens as "-\\n" for the cleaner to decide
(see ``evaluation/segmentation/EXTRACTORS.md``).
"""

from __future__ import annotations

import codecs
import hashlib
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from nlp import errors
from nlp.records import Extracted, RawBlock
from nlp.resources import LIST_MARKER_RE

DEFAULT_MAX_MB = 50
# A document's text is checked against this while it is read (a 2,000-page report holds about
# 6 million characters); segmenting and coding more would take minutes and gigabytes.
MAX_TEXT_CHARS = 20_000_000
# What a zipped format (DOCX) may unpack to, and how far beyond its packed size: a decompression
# bomb is refused before anything is unpacked.
MAX_UNPACKED = 200 * 1024 * 1024
MAX_UNPACK_RATIO = 100


def read(path: str | Path, *, max_mb: float = DEFAULT_MAX_MB) -> Extracted:
    """Read one file into an :class:`~nlp.records.Extracted`.

    Args:
        path: A ``.txt``, ``.md``, ``.pdf``, ``.docx`` or ``.html``/``.htm`` file.
        max_mb: Files larger than this are refused.

    Returns:
        The raw pages (PDF, text) or blocks (DOCX, HTML, Markdown), the document's own title
        where it has one, and a SHA-256 hash of the file's bytes.

    Raises:
        InputFileError: missing file, a symbolic link, unsupported type, empty, binary,
            encrypted, corrupt, or without extractable text.
    """
    p = Path(path)
    if p.is_symlink():
        raise errors.InputFileError(p, errors.SYMLINK)
    if not p.is_file():
        raise errors.InputFileError(p, errors.MISSING)
    suffix = p.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        supported = ", ".join(sorted(READERS))
        raise errors.InputFileError(p, errors.UNSUPPORTED.format(suffix=suffix, supported=supported))
    if p.stat().st_size > max_mb * 1024 * 1024:
        raise errors.InputFileError(p, errors.TOO_LARGE.format(limit_mb=max_mb))
    data = p.read_bytes()
    return read_bytes(data, suffix, name=str(p))


def read_bytes(data: bytes, suffix: str, *, name: str = "<upload>") -> Extracted:
    """Read a document from bytes, the type given by its file suffix (".pdf", ".txt", ...).

    Raises:
        InputFileError: as :func:`read`.
    """
    suffix = suffix.lower() if suffix.startswith(".") else "." + suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        supported = ", ".join(sorted(READERS))
        raise errors.InputFileError(name, errors.UNSUPPORTED.format(suffix=suffix, supported=supported))
    if not data.strip():
        raise errors.InputFileError(name, errors.EMPTY)
    try:
        extracted = reader(data, name)
    except RecursionError as exc:  # e.g. thousands of nested HTML elements
        raise errors.InputFileError(name, errors.TOO_DEEP) from exc
    if sum(map(len, extracted.pages)) + sum(len(b.text) for b in extracted.blocks) > MAX_TEXT_CHARS:
        raise errors.InputFileError(name, errors.TOO_MUCH_TEXT.format(limit=MAX_TEXT_CHARS))
    has_text = any(s.strip() for s in extracted.pages) or any(b.text.strip() for b in extracted.blocks)
    if not has_text:
        reason = errors.NO_TEXT if extracted.fmt in ("pdf", "docx") else errors.EMPTY
        raise errors.InputFileError(name, reason)
    return Extracted(
        path=name,
        fmt=extracted.fmt,
        pages=extracted.pages,
        blocks=extracted.blocks,
        title=extracted.title.strip(),
        content_hash=hashlib.sha256(data).hexdigest(),
    )


# --- Text encodings ---------------------------------------------------------------------------


def _bounded(pages: Iterator[str], name: str) -> Iterator[str]:
    """Pages as they are extracted, stopping with an error once the text passes the limit."""
    volume = 0
    for page in pages:
        volume += len(page)
        if volume > MAX_TEXT_CHARS:
            raise errors.InputFileError(name, errors.TOO_MUCH_TEXT.format(limit=MAX_TEXT_CHARS))
        yield page


def _stray_bytes(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: a byte that is not UTF-8 is read as Windows-1252."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start : exc.end].decode("cp1252", errors="replace"), exc.end


_STRAY_BYTES = "clause-atlas-stray-bytes"
codecs.register_error(_STRAY_BYTES, _stray_bytes)
# A well-formed UTF-8 sequence of two to four bytes: its presence marks a file as UTF-8.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def decode_text(data: bytes, name: str = "<bytes>") -> str:
    """Decode text bytes: UTF-8 (with or without BOM), UTF-16 (BOM or NUL pattern), cp1252.

    A UTF-8 file with a few stray bytes of another encoding keeps its UTF-8 text; only the stray
    bytes are read as Windows-1252 (one pasted quote never garbles the whole file).

    Raises:
        InputFileError: the bytes are binary, not text.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _checked(data[3:].decode("utf-8", errors=_STRAY_BYTES), name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if len(data) >= 4 and b"\x00" in data[:4096]:
        sample = data[:4096]
        even_nuls = sample[0::2].count(0)
        odd_nuls = sample[1::2].count(0)
        half = len(sample) / 2
        if odd_nuls > 0.3 * half and even_nuls < 0.05 * half:
            return _checked(data.decode("utf-16-le", errors="replace"), name)
        if even_nuls > 0.3 * half and odd_nuls < 0.05 * half:
            return _checked(data.decode("utf-16-be", errors="replace"), name)
        raise errors.InputFileError(name, errors.BINARY)
    try:
        return _checked(data.decode("utf-8"), name)
    except UnicodeDecodeError:
        pass
    if _UTF8_MULTIBYTE.search(data):
        # UTF-8 with a few stray bytes (a pasted Windows quote): only those bytes are read as cp1252
        return _checked(data.decode("utf-8", errors=_STRAY_BYTES), name)
    # Not UTF-8: Dutch text in Windows-1252 or Latin-1; charset-normalizer decides if unsure.
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise errors.InputFileError(name, errors.UNDECODABLE) from None
        text = str(best)
    return _checked(text, name)


def _checked(text: str, name: str) -> str:
    """Refuse text that is mostly control characters (binary data that happened to decode)."""
    sample = text[:20000]
    if not sample:
        return text
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t\f") or ch == "\ufffd")
    if bad > 0.01 * len(sample):
        raise errors.InputFileError(name, errors.BINARY)
    return text


# --- Plain text and Markdown ------------------------------------------------------------------


def _read_txt(data: bytes, name: str) -> Extracted:
    text = decode_text(data, name).replace("\r\n", "\n").replace("\r", "\n")
    pages = tuple(text.split("\f")) if "\f" in text else (text,)
    return Extracted(path=name, fmt="txt", pages=pages)


_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_SETEXT = re.compile(r"^(=+|-+)\s*$")
_MD_ITEM = re.compile(r"^(\s*)([-*+]|\d{1,3}[.)])\s+(.*)$")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
# Emphasis and code spans, one pattern per delimiter in Markdown's order. A span cannot hold its
# own delimiter and is at most 500 characters, so a paragraph full of unmatched "*" is read in
# linear time (one pattern with ".+?" took 106 s on a 96 KB file).
_MD_EMPH = tuple(
    re.compile(rf"{d}(?=\S)({body}{{1,500}}?)(?<=\S){d}")
    for d, body in (
        (r"\*\*", r"(?:[^*\n]|\*(?!\*))"),  # bold may hold *italic*
        ("__", r"(?:[^_\n]|_(?!_))"),
        (r"\*", r"[^*\n]"),
        ("_", r"[^_\n]"),
        ("`", r"[^`\n]"),
    )
)


def _md_inline(text: str) -> str:
    text = _MD_LINK.sub(r"\1", text)
    for pattern in _MD_EMPH:
        text = pattern.sub(r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    return " ".join(text.split())


def _read_md(data: bytes, name: str) -> Extracted:
    text = decode_text(data, name).replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)  # front matter
    blocks: list[RawBlock] = []
    para: list[str] = []
    title = ""

    def flush() -> None:
        if para:
            joined = _md_inline(" ".join(para))
            if joined:
                blocks.append(RawBlock("paragraph", joined))
            para.clear()

    lines = text.split("\n")
    in_code = False
    for i, line in enumerate(lines):
        if line.strip().startswith("```"):
            in_code = not in_code
            flush()
            continue
        if in_code:
            continue
        m = _MD_HEADING.match(line)
        if m:
            flush()
            heading = _md_inline(m.group(2))
            if heading:
                blocks.append(RawBlock("heading", heading, level=len(m.group(1))))
                title = title or heading
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if line.strip() and _MD_SETEXT.match(nxt) and not para:
            continue  # handled when the underline is seen
        if _MD_SETEXT.match(line) and i > 0 and lines[i - 1].strip() and not para:
            heading = _md_inline(lines[i - 1])
            blocks.append(RawBlock("heading", heading, level=1 if line.startswith("=") else 2))
            continue
        m = _MD_ITEM.match(line)
        if m:
            flush()
            marker = m.group(2)
            item = _md_inline(m.group(3))
            if item:
                blocks.append(RawBlock("item", item, marker=marker, level=len(m.group(1)) // 2 + 1))
            continue
        if not line.strip():
            flush()
            continue
        if blocks and blocks[-1].kind == "item" and not para and line.startswith(("  ", "\t")):
            last = blocks.pop()
            blocks.append(
                RawBlock("item", last.text + " " + _md_inline(line), marker=last.marker, level=last.level)
            )
            continue
        para.append(line.strip())
    flush()
    return Extracted(path=name, fmt="md", blocks=tuple(blocks), title=title)


# --- PDF --------------------------------------------------------------------------------------


def _read_pdf(data: bytes, name: str) -> Extracted:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    if not data.lstrip().startswith(b"%PDF"):
        raise errors.InputFileError(name, errors.CORRUPT_PDF.format(detail="no PDF header"))
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:
                ok = 0
            if not ok:
                raise errors.InputFileError(name, errors.ENCRYPTED)
        pages = tuple(_bounded(((page.extract_text() or "") for page in reader.pages), name))
        title = ""
        try:
            meta = reader.metadata
            title = (meta.title or "") if meta else ""
        except Exception:
            title = ""
    except errors.InputFileError:
        raise
    except DependencyError as exc:  # AES encryption needs a crypto library this install leaves out
        raise errors.InputFileError(name, errors.ENCRYPTED) from exc
    except RecursionError:
        raise
    except Exception as exc:  # pypdf raises many kinds on a damaged file, e.g. NotImplementedError
        # for a filter name with a flipped byte (found by the fuzz tests)
        detail = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        raise errors.InputFileError(name, errors.CORRUPT_PDF.format(detail=detail)) from exc
    if not pages:
        raise errors.InputFileError(name, errors.CORRUPT_PDF.format(detail="no pages"))
    return Extracted(path=name, fmt="pdf", pages=pages, title=str(title))


# --- DOCX -------------------------------------------------------------------------------------

_HEADING_STYLE = re.compile(r"^(?:heading|kop)\s*(\d)$", re.IGNORECASE)


def _level(value: object) -> int:
    """A Word list level ("0".."8"); a damaged value counts as the top level, never an error."""
    try:
        return min(max(int(str(value)), 0), 8)
    except (TypeError, ValueError):
        return 0


def _attr(element: object, default: str) -> str:
    """The ``w:val`` of a numbering element as text; python-docx raises on malformed values."""
    try:
        return str(element.val)  # type: ignore[attr-defined]
    except (TypeError, ValueError, AttributeError, KeyError):
        return default


def _docx_numbering(document: object) -> Callable[[str, int], str]:
    """Return a function (numId, ilvl) -> numFmt ("bullet", "decimal", ...) for a DOCX."""
    from docx.oxml.ns import qn

    formats: dict[tuple[str, int], str] = {}
    try:
        numbering = document.part.numbering_part.element  # type: ignore[attr-defined]
    except (NotImplementedError, KeyError, AttributeError):
        return lambda num_id, ilvl: "bullet"
    abstract: dict[str, dict[int, str]] = {}
    for an in numbering.findall(qn("w:abstractNum")):
        levels: dict[int, str] = {}
        for lvl in an.findall(qn("w:lvl")):
            fmt = lvl.find(qn("w:numFmt"))
            level = _level(lvl.get(qn("w:ilvl"), "0"))
            levels[level] = fmt.get(qn("w:val")) if fmt is not None else "decimal"
        abstract[an.get(qn("w:abstractNumId"))] = levels
    for num in numbering.findall(qn("w:num")):
        ref = num.find(qn("w:abstractNumId"))
        if ref is None:
            continue
        for ilvl, fmt in abstract.get(ref.get(qn("w:val")), {}).items():
            formats[(num.get(qn("w:numId")), ilvl)] = fmt
    return lambda num_id, ilvl: formats.get((num_id, ilvl), "decimal")


def _marker(fmt: str, n: int) -> str:
    if fmt == "bullet":
        return "•"
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26)
        return (letter if fmt == "lowerLetter" else letter.upper()) + "."
    if fmt in ("lowerRoman", "upperRoman"):
        romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
        r = romans[(n - 1) % 10]
        return (r if fmt == "lowerRoman" else r.upper()) + "."
    return f"{n}."


def _docx_paragraphs(document: object) -> Iterator[object]:
    """Yield the body's paragraphs in order, including those inside tables."""
    from docx.table import Table

    for item in document.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(item, Table):
            for row in item.rows:
                for cell in row.cells:
                    yield from cell.paragraphs
        else:
            yield item


def _check_unpacked(data: bytes, name: str) -> None:
    """Refuse a zip whose entries would unpack to more than the limits (declared sizes).

    Reading an entry never yields more than its declared size (``zipfile`` stops there and
    fails the checksum), so checking the declared sizes bounds what parsing can unpack.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            size = sum(i.file_size for i in z.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # the reader reports the corrupt file
    ratio = size / max(len(data), 1)
    if size > MAX_UNPACKED or ratio > MAX_UNPACK_RATIO:
        raise errors.InputFileError(name, errors.BOMB.format(size=size, ratio=ratio))


def _read_docx(data: bytes, name: str) -> Extracted:
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
        from docx.oxml.ns import qn
    except ImportError as exc:  # pragma: no cover - a core dependency
        raise errors.InputFileError(name, "python-docx is not installed") from exc
    _check_unpacked(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        detail = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        raise errors.InputFileError(name, errors.CORRUPT_DOCX.format(detail=detail)) from exc
    except Exception as exc:  # lxml errors on a broken document.xml
        raise errors.InputFileError(name, errors.CORRUPT_DOCX.format(detail=type(exc).__name__)) from exc
    num_fmt = _docx_numbering(document)
    counters: dict[tuple[str, int], int] = {}
    blocks: list[RawBlock] = []
    volume = 0
    for para in _docx_paragraphs(document):
        text = " ".join(para.text.replace("\u00a0", " ").split())
        if not text:
            continue
        volume += len(text)
        if volume > MAX_TEXT_CHARS:
            raise errors.InputFileError(name, errors.TOO_MUCH_TEXT.format(limit=MAX_TEXT_CHARS))
        style = (para.style.name if para.style is not None else "") or ""
        m = _HEADING_STYLE.match(style)
        if m or style.lower() in ("title", "titel", "subtitle", "ondertitel"):
            level = int(m.group(1)) if m else 1
            blocks.append(RawBlock("heading", text, level=level))
            continue
        ppr = para._p.pPr
        numpr = ppr.numPr if ppr is not None else None
        if numpr is not None and numpr.numId is not None:
            num_id = _attr(numpr.numId, "?")
            ilvl = _level(_attr(numpr.ilvl, "0")) if numpr.ilvl is not None else 0
            fmt = num_fmt(num_id, ilvl)
            key = (num_id, ilvl)
            counters[key] = counters.get(key, 0) + 1
            for deeper in [k for k in counters if k[0] == num_id and k[1] > ilvl]:
                del counters[deeper]
            blocks.append(RawBlock("item", text, marker=_marker(fmt, counters[key]), level=ilvl + 1))
            continue
        if style.lower().startswith(("list bullet", "lijstopsommingsteken")):
            blocks.append(RawBlock("item", text, marker="•", level=1))
            continue
        if style.lower().startswith(("list number", "lijstnummering")):
            key = (style, 0)
            counters[key] = counters.get(key, 0) + 1
            blocks.append(RawBlock("item", text, marker=f"{counters[key]}.", level=1))
            continue
        mm = LIST_MARKER_RE.match(text)
        if mm:
            blocks.append(RawBlock("item", text[mm.end() :], marker=mm.group("marker"), level=1))
            continue
        blocks.append(RawBlock("paragraph", text))
    del qn
    title = document.core_properties.title or ""
    return Extracted(path=name, fmt="docx", blocks=tuple(blocks), title=title)


# --- HTML -------------------------------------------------------------------------------------

_HTML_SKIP = {
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "noscript",
    "svg",
    "button",
    "template",
}
_HTML_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_HTML_BLOCKS = {
    "p",
    "li",
    "td",
    "th",
    "dd",
    "dt",
    "blockquote",
    "pre",
    "div",
    "section",
    "article",
    "main",
    "ul",
    "ol",
    "table",
    "tr",
    "tbody",
    "thead",
    "body",
    "figure",
    "figcaption",
} | set(_HTML_HEADINGS)


def _read_html(data: bytes, name: str) -> Extracted:
    from bs4 import BeautifulSoup, NavigableString, Tag
    from bs4.element import Comment

    text = decode_text(data, name)
    soup = BeautifulSoup(text, "lxml")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for tag in soup.find_all(list(_HTML_SKIP)):
        tag.decompose()
    blocks: list[RawBlock] = []

    def emit(kind: str, parts: list[str], level: int = 0, marker: str = "") -> None:
        joined = " ".join("".join(parts).split())
        if joined:
            blocks.append(RawBlock(kind, joined, level=level, marker=marker))  # type: ignore[arg-type]

    def walk(node: Tag, kind: str, level: int = 0, marker: str = "") -> None:
        parts: list[str] = []
        counter = 0
        for child in node.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                parts.append(str(child))
            elif isinstance(child, Tag) and child.name in _HTML_BLOCKS:
                emit(kind, parts, level, marker)
                parts = []
                if child.name in _HTML_HEADINGS:
                    emit("heading", [child.get_text(" ")], _HTML_HEADINGS[child.name])
                elif child.name == "li":
                    counter += 1
                    ordered = node.name == "ol"
                    walk(child, "item", level + 1, f"{counter}." if ordered else "•")
                elif child.name in ("figcaption",):
                    continue
                else:
                    walk(child, "paragraph" if kind == "paragraph" else kind, level, marker)
                    marker = "" if kind == "item" else marker
            elif isinstance(child, Tag):
                if child.name == "br":
                    parts.append(" ")
                else:
                    parts.append(child.get_text(""))
        emit(kind, parts, level, marker)

    body = soup.body or soup
    walk(body, "paragraph")
    return Extracted(path=name, fmt="html", blocks=tuple(blocks), title=title)


READERS: dict[str, Callable[[bytes, str], Extracted]] = {
    ".txt": _read_txt,
    ".text": _read_txt,
    ".md": _read_md,
    ".markdown": _read_md,
    ".pdf": _read_pdf,
    ".docx": _read_docx,
    ".html": _read_html,
    ".htm": _read_html,
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(sorted(READERS))
