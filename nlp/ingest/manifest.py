"""Read document metadata from a manifest CSV (``corpus/manifest.csv``).

Columns follow LABELS.md section 5: ``doc_id, file, title, doc_type, organisation, sector,
country, year, language, source``, and optionally ``short_title`` (at most 40 characters, shown
in tables and charts); extra columns such as ``licence`` are ignored.
"""

from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from pathlib import Path

from nlp.errors import ManifestError
from nlp.records import COUNTRIES, DOC_TYPES, DocumentMeta

REQUIRED = ("doc_id", "file", "title", "doc_type")
SHORT_TITLE_MAX = 40
_DOC_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,99}$")


def make_meta(
    doc_id: str,
    title: str,
    *,
    doc_type: str = "other",
    organisation: str = "",
    sector: str = "",
    country: str = "",
    year: int | str | None = None,
    language: str = "nl",
    source: str = "",
    short_title: str = "",
) -> DocumentMeta:
    """Validate metadata fields and build a :class:`~nlp.records.DocumentMeta`.

    Raises:
        ManifestError: an invalid id, document type, country or year, or a short title over
            :data:`SHORT_TITLE_MAX` characters.
    """
    if not _DOC_ID.match(doc_id or ""):
        raise ManifestError(f"invalid document id {doc_id!r}: use letters, digits, '-', '_' or '.'")
    if doc_type not in DOC_TYPES:
        raise ManifestError(f"invalid doc_type {doc_type!r} for {doc_id}: one of {', '.join(DOC_TYPES)}")
    if country and country not in COUNTRIES:
        raise ManifestError(f"invalid country {country!r} for {doc_id}: one of {', '.join(COUNTRIES)}")
    short = _printable(short_title)
    if len(short) > SHORT_TITLE_MAX:
        raise ManifestError(f"short_title of {doc_id} has {len(short)} characters; at most {SHORT_TITLE_MAX}")
    year_int: int | None = None
    if year not in (None, ""):
        try:
            year_int = int(year)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise ManifestError(f"invalid year {year!r} for {doc_id}") from None
        if not 1800 <= year_int <= 2200:
            raise ManifestError(f"invalid year {year!r} for {doc_id}")
    return DocumentMeta(
        doc_id=doc_id,
        title=_printable(title) or doc_id,
        doc_type=doc_type,
        organisation=organisation,
        sector=sector,
        country=country,
        year=year_int,
        language=language or "nl",
        source=source,
        short_title=short,
    )


def read_manifest(path: str | Path) -> dict[str, DocumentMeta]:
    """Read a manifest and return metadata keyed by file name.

    Raises:
        ManifestError: missing columns, duplicate ids or files, invalid values.
    """
    p = Path(path)
    try:
        with p.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
            if missing:
                raise ManifestError(f"{p}: missing column(s) {', '.join(missing)}")
            by_file: dict[str, DocumentMeta] = {}
            ids: set[str] = set()
            for n, row in enumerate(reader, start=2):
                try:
                    meta = make_meta(
                        row["doc_id"].strip(),
                        row.get("title", ""),
                        doc_type=row.get("doc_type", "other").strip() or "other",
                        organisation=row.get("organisation", "") or "",
                        sector=row.get("sector", "") or "",
                        country=(row.get("country", "") or "").strip(),
                        year=(row.get("year", "") or "").strip(),
                        language=(row.get("language", "") or "nl").strip(),
                        source=row.get("source", "") or "",
                        short_title=row.get("short_title", "") or "",
                    )
                except ManifestError as exc:
                    raise ManifestError(f"{p}, line {n}: {exc}") from None
                if meta.doc_id in ids:
                    raise ManifestError(f"{p}, line {n}: duplicate doc_id {meta.doc_id!r}")
                file = row["file"].strip()
                if file in by_file:
                    raise ManifestError(f"{p}, line {n}: duplicate file {file!r}")
                ids.add(meta.doc_id)
                by_file[file] = meta
    except OSError as exc:
        raise ManifestError(f"cannot read manifest {p}: {exc.strerror}") from None
    return by_file


def _printable(text: str) -> str:
    """Text without control or format characters (a file name may carry them), spaces collapsed."""
    kept = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in text)
    return " ".join(kept.split())


def _unaccent(c: str) -> str:
    """A Latin letter without its accent ("é" -> "e", "ﬁ" -> "fi"); any other character as it is."""
    base = "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x))
    return base if base.isascii() else c


def doc_id_from_path(path: str | Path) -> str:
    """Derive a document id from a file name ("Cao Metaal 2025.pdf" -> "cao-metaal-2025").

    Ids are ASCII (letters, digits, '-'). Accents are dropped ("één.txt" -> "een"). Letters of other
    scripts cannot be spelled so: the id then carries a short hash of the name ("русский.txt" ->
    "document-1a2b3c4d", "Rapport 日本.txt" -> "rapport-5e6f7a8b"), so that different names never
    collapse into one id and replace each other.
    """
    stem = unicodedata.normalize("NFC", Path(path).stem)
    plain = "".join(_unaccent(c) for c in stem).casefold()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:90].strip("-")
    lost = any(c.isalnum() and not c.isascii() for c in plain)
    if slug and not lost:
        return slug
    digest = hashlib.sha1(stem.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{slug or 'document'}-{digest}"
