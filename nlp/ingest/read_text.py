"""Plain text and Markdown readers, and the text-encoding detection they share.

Text may be UTF-8 (with or without BOM; a few stray Windows-1252 bytes are read as such, the rest
stays UTF-8), UTF-16 or Windows-1252/Latin-1; binary content is refused.
"""

from __future__ import annotations

import codecs
import re

from nlp import errors
from nlp.records import Extracted, RawBlock


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
