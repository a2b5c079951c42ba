"""Read files into raw text: plain text, Markdown, PDF, DOCX and HTML.

``read(path)`` is the entry point; the formats live in ``read_text`` (plain text, Markdown and
encodings), ``read_office`` (PDF, DOCX) and ``read_html``, within the limits of ``limits``. PDFs
and plain text come back as pages of raw lines (the cleaning stage removes their artefacts);
DOCX, HTML and Markdown carry their own structure and come back as blocks. Anything a user can
get wrong raises :class:`~nlp.errors.InputFileError`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from nlp import errors
from nlp.ingest import limits
from nlp.ingest.limits import DEFAULT_MAX_MB
from nlp.ingest.read_html import _read_html
from nlp.ingest.read_office import _read_docx, _read_pdf
from nlp.ingest.read_text import _read_md, _read_txt
from nlp.records import Extracted


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
    limits.check_volume(sum(map(len, extracted.pages)) + sum(len(b.text) for b in extracted.blocks), name)
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
