"""Clean extracted text and build a :class:`~nlp.records.Document` with offsets.

``clean(extracted, meta)`` is the entry point. For line-based sources (PDF, plain text) it
normalises characters, strips page furniture (:mod:`nlp.ingest.furniture`) and rebuilds paragraphs,
headings and list items (:mod:`nlp.ingest.layout`); structured sources (DOCX, HTML, Markdown) only need
their characters normalised. The cleaned text puts one block per paragraph, separated by a blank
line, list items prefixed by their marker; every :class:`~nlp.records.Block` records its offsets.
"""

from __future__ import annotations

import unicodedata

from nlp.ingest import furniture
from nlp.ingest.layout import build_blocks, to_lines
from nlp.records import Block, Document, DocumentMeta, Extracted, RawBlock
from nlp.resources import BULLET, BULLET_GLYPHS, CHAR_REPLACEMENTS

_TRANSLATION = str.maketrans(CHAR_REPLACEMENTS)


def normalize_chars(text: str) -> str:
    """Normalise Unicode (NFC), odd spaces, ligatures, soft hyphens and tabs."""
    return unicodedata.normalize("NFC", text).translate(_TRANSLATION)


def clean_blocks(extracted: Extracted) -> list[RawBlock]:
    """Return the cleaned blocks of an extracted document (no offsets yet)."""
    if extracted.pages:
        pages = [normalize_chars(p) for p in extracted.pages]
        paged = extracted.fmt == "pdf"
        lines = to_lines(pages, paged=paged)
        n_pages = len(pages) if paged else 1
        lines = furniture.strip(lines, n_pages)
        return build_blocks(lines, fmt=extracted.fmt)
    out: list[RawBlock] = []
    for b in extracted.blocks:
        text = " ".join(normalize_chars(b.text).split())
        if not text:
            continue
        kind, marker = b.kind, b.marker
        if kind == "paragraph" and text[0] in BULLET_GLYPHS and len(text) > 2 and text[1] == " ":
            kind, marker, text = "item", BULLET, text[2:].strip()
        out.append(RawBlock(kind, text, page=b.page, marker=marker, level=b.level))
    return out


def build_document(blocks: list[RawBlock], meta: DocumentMeta, **fields: object) -> Document:
    """Lay blocks out as the cleaned text and record each block's offsets.

    Args:
        blocks: Cleaned blocks in reading order.
        meta: The document's metadata.
        **fields: Extra :class:`~nlp.records.Document` fields (``content_hash``,
            ``source_path``, ``fmt``, ``n_pages``).
    """
    parts: list[str] = []
    laid: list[Block] = []
    pos = 0
    for b in blocks:
        if parts:
            parts.append("\n\n")
            pos += 2
        prefix = f"{b.marker} " if b.kind == "item" and b.marker else ""
        parts.append(prefix + b.text)
        start = pos + len(prefix)
        end = start + len(b.text)
        laid.append(Block(b.kind, start, end, page=b.page, marker=b.marker, level=b.level))
        pos = end
    return Document(meta=meta, text="".join(parts), blocks=tuple(laid), **fields)  # type: ignore[arg-type]


def clean(extracted: Extracted, meta: DocumentMeta) -> Document:
    """Clean an extracted file into a :class:`~nlp.records.Document`.

    Args:
        extracted: What :func:`nlp.ingest.readers.read` returned.
        meta: The document's metadata.

    Returns:
        The document with its cleaned text and structural blocks.
    """
    blocks = clean_blocks(extracted)
    n_pages = len(extracted.pages) if extracted.fmt == "pdf" else None
    return build_document(
        blocks,
        meta,
        content_hash=extracted.content_hash,
        source_path=extracted.path,
        fmt=extracted.fmt,
        n_pages=n_pages,
    )
