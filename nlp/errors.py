"""Errors a user can cause, each with one readable message.

Every error the CLI or the app shows to a user derives from :class:`ClauseAtlasError`; its
``str()`` is a single line meant for people. Messages live here, so they stay consistent and
can be tested (the idea of spaCy's ``errors.py``).
"""

from __future__ import annotations


class ClauseAtlasError(Exception):
    """Base class of errors a user can cause (bad file, unknown id, bad option)."""


class InputFileError(ClauseAtlasError, ValueError):
    """A file cannot be read as a document."""

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class UnknownDocumentError(ClauseAtlasError, KeyError):
    """A document id is not in the store."""

    def __init__(self, doc_id: str, known: list[str] | None = None) -> None:
        self.doc_id = doc_id
        hint = ""
        if known:
            import difflib

            close = difflib.get_close_matches(doc_id, known, n=3, cutoff=0.6)
            close += [k for k in known if doc_id.lower() in k.lower() and k not in close]
            if close:
                hint = f" (did you mean {', '.join(close[:3])}?)"
        super().__init__(f"unknown document id {doc_id!r}{hint}; 'clause-atlas documents' lists them")

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


class ManifestError(ClauseAtlasError, ValueError):
    """The manifest or the metadata given for a document is invalid."""


class StoreError(ClauseAtlasError, RuntimeError):
    """The store cannot be opened or written."""


class StoreBusyError(StoreError):
    """Another process holds the store longer than we were willing to wait."""


# Reasons for InputFileError, in one place.
MISSING = "no such file or folder"
SYMLINK = "is a symbolic link; links are not followed, give the file it points to"
UNSUPPORTED = "unsupported file type {suffix!r}; supported: {supported}"
EMPTY = "the document is empty"
NO_TEXT = "no extractable text; OCR it first"
BINARY = "this is not a text document (binary content)"
ENCRYPTED = "the PDF is encrypted; remove the password first"
TOO_DEEP = "the document is nested too deeply to read (hundreds of levels); save it as plain text or PDF"
CORRUPT_PDF = "corrupt or unreadable PDF ({detail})"
CORRUPT_DOCX = "corrupt or unreadable DOCX ({detail})"
UNDECODABLE = "cannot detect the text encoding"
TOO_LARGE = "file is larger than the limit of {limit_mb} MB"
BOMB = "refused: it would unpack to {size:,} bytes ({ratio:.0f} times its size); save it again or as PDF"
TOO_MUCH_TEXT = "holds more than {limit:,} characters of text; split it into smaller documents"
