"""Ingest files and folders: read, clean, segment and store.

``collect`` finds the files and their metadata; ``process`` turns one file into a document
and its clauses (pure, no store); ``ingest`` does both for many paths and writes everything
that could be read to the store in one transaction, reporting the files that could not.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from nlp.coding.apply import code_clauses, code_store
from nlp.coding.classify import ClauseCoder
from nlp.errors import ClauseAtlasError, InputFileError
from nlp.ingest import limits, readers
from nlp.ingest.clean import clean
from nlp.ingest.language import detect_language, is_coded_language
from nlp.ingest.manifest import doc_id_from_path, make_meta, read_manifest
from nlp.ingest.segment import segment
from nlp.records import Clause, Document, DocumentMeta, Prediction, Progress
from nlp.resources import CODED_LANGUAGE
from nlp.store.base import Status, Store

MANIFEST_NAME = "manifest.csv"
# Files in a corpus folder that describe the corpus rather than belong to it.
SKIP_NAMES = frozenset(
    {"readme.md", "sources.md", "license", "license.md", "licence.md", "changelog.md", MANIFEST_NAME}
)


@dataclass(frozen=True)
class Job:
    """One file to ingest and the metadata it will get (``meta`` None: derive from the file)."""

    path: Path
    meta: DocumentMeta | None = None


@dataclass
class Report:
    """What an ingest run did."""

    status: dict[str, Status] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    clauses: dict[str, int] = field(default_factory=dict)
    coded: int = 0
    stale_reviews: dict[str, int] = field(default_factory=dict)
    not_coded: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Whether every file was ingested."""
        return not self.errors


def collect(paths: Iterable[str | Path], manifest: str | Path | None = None) -> list[Job]:
    """Expand files and folders into ingest jobs with metadata from a manifest.

    Args:
        paths: Files or folders (folders are searched recursively for supported files).
        manifest: A manifest CSV; by default each file's folder (or the folder given) is
            searched for ``manifest.csv``.

    Raises:
        InputFileError: a path does not exist or a named file has an unsupported type.
    """
    explicit = read_manifest(manifest) if manifest else None
    cache: dict[Path, dict[str, DocumentMeta]] = {}

    def meta_for(file: Path) -> DocumentMeta | None:
        if explicit is not None:
            return explicit.get(file.name)
        folder = file.parent
        if folder not in cache:
            m = folder / MANIFEST_NAME
            cache[folder] = read_manifest(m) if m.is_file() else {}
        return cache[folder].get(file.name)

    jobs: list[Job] = []
    seen: set[Path] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files = sorted(
                f
                for f in p.rglob("*")
                if f.is_file()
                and f.suffix.lower() in readers.SUPPORTED_SUFFIXES
                and f.name.lower() not in SKIP_NAMES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
        elif p.is_file():
            if p.suffix.lower() not in readers.SUPPORTED_SUFFIXES:
                raise InputFileError(
                    p,
                    f"unsupported file type {p.suffix.lower()!r}; supported: {', '.join(readers.SUPPORTED_SUFFIXES)}",
                )
            files = [p]
        else:
            raise InputFileError(p, "no such file or folder")
        for f in files:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                jobs.append(Job(f, meta_for(f)))
    return jobs


def process(
    path: str | Path, meta: DocumentMeta | None = None, *, model: str | None = None
) -> tuple[Document, list[Clause]]:
    """Read, clean and segment one file without touching any store.

    Args:
        path: The file.
        meta: Its metadata; without it the id comes from the file name, the title from the
            document's own metadata or its file name, and ``doc_type`` is ``other``.
        model: spaCy pipeline for sentence boundaries.

    Raises:
        InputFileError: the file cannot be read as a document.
    """
    extracted = readers.read(path)
    if meta is None:
        p = Path(path)
        meta = make_meta(doc_id_from_path(p), extracted.title or p.stem.replace("_", " "), source=p.name)
    elif not meta.source:
        meta = replace(meta, source=Path(path).name)
    if meta.language == CODED_LANGUAGE:  # the default: say what the text is
        found = detect_language("\n".join(extracted.pages) + "\n".join(b.text for b in extracted.blocks))
        if found and found != meta.language:
            meta = replace(meta, language=found)
    doc = clean(extracted, meta)
    clauses = segment(doc, model=model)
    if not clauses:
        raise InputFileError(path, "no clauses found: the document holds no running text")
    return doc, clauses


# Documents written per transaction: an interrupted ingest keeps every batch written before it
# (a re-run skips those, unchanged), and memory holds one batch at a time.
BATCH_DOCUMENTS = 25


def ingest(
    store: Store,
    jobs: list[Job],
    *,
    model: str | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    coder: ClauseCoder | None = None,
    any_language: bool = False,
    batch: int = BATCH_DOCUMENTS,
) -> Report:
    """Process every job and store the results, ``batch`` documents per transaction.

    Files that cannot be read are reported in ``Report.errors`` and skipped. Each batch is
    written all-or-nothing, so a failure while writing leaves the batches before it stored
    and the failing batch not at all; a re-run resumes (stored documents are unchanged). With
    a ``coder``, each document's clauses are embedded and coded right after it is read and
    their predictions written with its batch; documents already stored but not coded by this
    model are coded afterwards. Documents whose detected language is not Dutch are stored
    uncoded (``Report.not_coded``) unless ``any_language``. ``on_progress`` hears of every file
    (stage ``read``: read, segmented and coded) and of every document coded afterwards (``code``).
    """
    report = Report()
    done: list[tuple[Document, list[Clause]]] = []
    predictions: dict[str, list[Prediction]] = {}
    ids: dict[str, Path] = {}
    by_hash = {str(d["content_hash"]): str(d["doc_id"]) for d in store.documents()}
    for n, job in enumerate(jobs, 1):
        if on_progress and n > 1:
            on_progress(Progress("read", n - 1, len(jobs), jobs[n - 2].path.name))
        doc_id = job.meta.doc_id if job.meta else doc_id_from_path(job.path)
        if doc_id not in ids and _unchanged(store, job, doc_id):
            ids[doc_id] = job.path
            report.status[doc_id] = "unchanged"
            continue
        try:
            doc, clauses = process(job.path, job.meta, model=model)
        except ClauseAtlasError as exc:
            report.errors.append(str(exc))
            continue
        if doc.doc_id in ids:
            report.errors.append(
                f"{job.path}: document id {doc.doc_id!r} is already used by {ids[doc.doc_id]}; give it another id"
            )
            continue
        twin = by_hash.get(doc.content_hash)
        if twin is not None and twin != doc.doc_id:
            report.errors.append(f"{job.path}: the same file is already stored as {twin!r}; not stored twice")
            continue
        by_hash[doc.content_hash] = doc.doc_id
        ids[doc.doc_id] = job.path
        done.append((doc, clauses))
        report.clauses[doc.doc_id] = len(clauses)
        if coder is not None:
            if any_language or is_coded_language(doc.meta.language):
                predictions[doc.doc_id] = code_clauses(clauses, doc.meta.doc_type, coder, store)
            else:
                report.not_coded[doc.doc_id] = doc.meta.language
        if len(done) >= max(batch, 1):
            _write_batch(store, done, predictions if coder is not None else None, report)
            done, predictions = [], {}
    _write_batch(store, done, predictions if coder is not None else None, report)
    if on_progress and jobs:
        on_progress(Progress("read", len(jobs), len(jobs), jobs[-1].path.name))
    if coder is not None:
        report.coded += code_store(store, coder, any_language=any_language, on_progress=on_progress)
    return report


def _write_batch(
    store: Store,
    done: list[tuple[Document, list[Clause]]],
    predictions: dict[str, list[Prediction]] | None,
    report: Report,
) -> None:
    """Store one batch of processed (and coded) documents in one transaction."""
    if not done:
        return
    report.status.update(store.put_many(done, predictions))
    report.coded += sum(len(p) for p in (predictions or {}).values())
    for doc, _clauses in done:  # reviews whose clause text is gone after a replacement
        n = len(store.stale_annotations(doc.doc_id))
        if n:
            report.stale_reviews[doc.doc_id] = n


def _unchanged(store: Store, job: Job, doc_id: str) -> bool:
    """Whether the file's bytes are already stored under ``doc_id`` by this pipeline version.

    Links and the size are checked first and the hash computed in chunks, so a link or an
    oversized file is never read (``process`` then refuses it with one line).
    """
    digest = hashlib.sha256()
    try:
        if job.path.is_symlink() or job.path.stat().st_size > limits.DEFAULT_MAX_MB * 1024 * 1024:
            return False
        with job.path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return False  # process() reports the error
    return store.is_current(doc_id, digest.hexdigest(), job.meta)
