r"""PDF and DOCX readers.

PDF extraction uses pypdf: on our measurements it keeps Dutch accents, reads 2-column pages
column by column and keeps line-end hyphens as "-\\n" for the cleaner to decide
(see ``evaluation/segmentation/EXTRACTORS.md``). A DOCX is a zip: one that would unpack past
the limits is refused before anything is unpacked.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator

from nlp import errors
from nlp.ingest import limits
from nlp.records import Extracted, RawBlock
from nlp.resources import LIST_MARKER_RE


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
        pages = tuple(limits.bounded(((page.extract_text() or "") for page in reader.pages), name))
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
    if size > limits.MAX_UNPACKED or ratio > limits.MAX_UNPACK_RATIO:
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
        limits.check_volume(volume, name)
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
