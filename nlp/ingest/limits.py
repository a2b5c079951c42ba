"""Limits on what a reader takes in, checked while reading (a user's file may be hostile).

Readers look these up at call time (``limits.MAX_TEXT_CHARS``), so a test or a deployment can
change them in one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from nlp import errors

DEFAULT_MAX_MB = 50
# A document's text is checked against this while it is read (a 2,000-page report holds about
# 6 million characters); segmenting and coding more would take minutes and gigabytes.
MAX_TEXT_CHARS = 20_000_000
# What a zipped format (DOCX) may unpack to, and how far beyond its packed size: a decompression
# bomb is refused before anything is unpacked.
MAX_UNPACKED = 200 * 1024 * 1024
MAX_UNPACK_RATIO = 100


def check_volume(chars: int, name: str) -> None:
    """Refuse a document once its text passes :data:`MAX_TEXT_CHARS`."""
    if chars > MAX_TEXT_CHARS:
        raise errors.InputFileError(name, errors.TOO_MUCH_TEXT.format(limit=MAX_TEXT_CHARS))


def bounded(pages: Iterable[str], name: str) -> Iterator[str]:
    """Pages as they are extracted, stopping with an error once the text passes the limit."""
    volume = 0
    for page in pages:
        volume += len(page)
        check_volume(volume, name)
        yield page
