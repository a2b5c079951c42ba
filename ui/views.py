"""What the app's pages show, computed without Streamlit (so it is tested like the rest).

Pages call these functions and only lay out the results.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from nlp.analysis.coverage import Gap, documents, matrix
from nlp.errors import ClauseAtlasError
from nlp.records import Progress
from nlp.resources import STANCES
from nlp.retrieval.search import ClauseIndex, Filters

DEFAULT_UPLOAD_LIMIT_MB = 25
THEME_NL = {"participation": "participatie", "data": "data", "training": "opleiding", "wellbeing": "welzijn"}
STANCE_NL = {
    "commitment": "verbintenis",
    "recommendation": "aanbeveling",
    "concern": "zorg",
    "opportunity": "kans",
    "neutral": "neutraal",
}
DOC_TYPE_NL = {
    "policy_brief": "beleidsnota",
    "covenant": "convenant",
    "cao": "cao",
    "union_guide": "vakbondsgids",
    "report": "rapport",
    "other": "overig",
}
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<$])")


class UploadError(ClauseAtlasError, ValueError):
    """An uploaded file is refused (type, size, no text, duplicate)."""


def escape_markdown(text: str) -> str:
    """Text that Streamlit's markdown renders literally (no formatting, links or HTML)."""
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def highlighted(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` as literal markdown with the given character spans in bold (matched words)."""
    out, pos = [], 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        out += [escape_markdown(text[pos:start]), f"**{escape_markdown(text[start:end])}**"]
        pos = end
    out.append(escape_markdown(text[pos:]))
    return "".join(out)


def dutch_number(value: float, decimals: int = 0) -> str:
    """A number as Dutch readers write it: 9.513 and 0,62."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


class ProgressText:
    """Dutch progress lines with counts and the time left, from :class:`~nlp.records.Progress` steps.

    The time left is the stage's average pace so far times what remains ("nog ongeveer 2 min").
    """

    STAGES: ClassVar[dict[str, tuple[str, str]]] = {
        "read": ("Inlezen en coderen", "bestanden"),
        "code": ("Coderen van opgeslagen documenten", "documenten"),
    }

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.last = clock()  # a stage starts when the one before it sent its last step
        self.started: dict[str, float] = {}

    def __call__(self, p: Progress) -> str:
        """The line for one step."""
        start = self.started.setdefault(p.stage, self.last)
        self.last = self.clock()
        label, unit = self.STAGES.get(p.stage, (p.stage, ""))
        line = f"{label}: {dutch_number(p.done)} van {dutch_number(p.total)} {unit}"
        if p.item:
            line += f" ({p.item})"
        elapsed = self.last - start
        if 0 < p.done < p.total and elapsed > 0:
            line += f", nog ongeveer {_duration(elapsed / p.done * (p.total - p.done))}"
        return line


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{max(5, round(seconds / 5) * 5)} s"
    return f"{round(seconds / 60)} min"


def overview(index: ClauseIndex) -> dict[str, Any]:
    """Documents with their clause counts, and counts by type, country and year."""
    docs: dict[str, dict[str, Any]] = {}
    for r in index.rows:
        d = docs.setdefault(
            r["doc_id"],
            {k: r[k] for k in ("doc_id", "title", "doc_type", "country", "organisation", "year")}
            | {"clauses": 0},
        )
        d["clauses"] += 1
    rows = list(docs.values())
    return {
        "documents": rows,
        "by_type": dict(Counter(DOC_TYPE_NL.get(d["doc_type"], d["doc_type"]) for d in rows)),
        "by_country": dict(Counter(d["country"] or "?" for d in rows)),
        "by_year": dict(sorted(Counter(str(d["year"] or "?") for d in rows).items())),
        "clauses": len(index.rows),
    }


def clause_rows(index: ClauseIndex, positions: Iterable[int]) -> list[dict[str, Any]]:
    """Display rows for index positions, with Dutch labels and the neighbouring clauses."""
    out = []
    for i in positions:
        r = index.rows[i]
        before, after = index.neighbours(i)
        out.append(
            {
                "clause_id": r["clause_id"],
                "document": r["title"],
                "doc_id": r["doc_id"],
                "doc_type": r["doc_type"],
                "section": r["section"],
                "page": r["page"],
                "text": r["text"],
                "themes": list(r["themes"]),
                "stance": r["stance"],
                "theme_scores": dict(r.get("theme_scores") or {}),
                "before": before,
                "after": after,
            }
        )
    return out


THEME_SORTS = {
    "stance": "houding (bindend eerst)",
    "score": "zekerheid van het model",
    "document": "document",
}
PAGE_SIZE = 25


def theme_positions(
    index: ClauseIndex, theme: str, filters: Filters | None = None, sort: str = "stance"
) -> list[int]:
    """Index positions of every clause coded with ``theme`` that passes the filters, in ``sort`` order.

    ``stance``: commitments first, then by score; ``score``: the model's theme score, highest
    first; ``document``: document and clause order.
    """
    f = filters or Filters()
    pos = [int(i) for i in np.flatnonzero(index.mask(Filters(**{**f.__dict__, "themes": (theme,)})))]
    score = lambda i: -float((index.rows[i].get("theme_scores") or {}).get(theme, 0.0))  # noqa: E731
    if sort == "score":
        return sorted(pos, key=score)
    if sort == "document":
        return sorted(pos, key=lambda i: (index.rows[i]["doc_id"], index.rows[i]["ordinal"]))
    rank = {s: k for k, s in enumerate(STANCES)}
    return sorted(pos, key=lambda i: (rank.get(index.rows[i]["stance"], 9), score(i)))


def theme_clauses(
    index: ClauseIndex, theme: str, filters: Filters | None = None, limit: int = 200
) -> list[dict[str, Any]]:
    """Clauses coded with ``theme`` that pass the filters, strongest stance and score first."""
    return clause_rows(index, theme_positions(index, theme, filters)[:limit])


def theme_page(
    index: ClauseIndex, theme: str, filters: Filters | None = None, *, sort: str = "stance", page: int = 1
) -> dict[str, Any]:
    """One page of a theme's clauses, with counts over all of them (not over the page).

    Returns ``total``, ``stances`` (count per stance over every matching clause), ``pages``,
    ``page`` (clamped) and ``rows`` (the clauses of that page).
    """
    positions = theme_positions(index, theme, filters, sort)
    pages = max(1, -(-len(positions) // PAGE_SIZE))
    page = min(max(page, 1), pages)
    counts = Counter(index.rows[i]["stance"] for i in positions)
    return {
        "total": len(positions),
        "stances": {s: counts.get(s, 0) for s in STANCES},
        "pages": pages,
        "page": page,
        "rows": clause_rows(index, positions[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]),
    }


def cell_clauses(
    index: ClauseIndex, doc_id: str, theme: str, *, binding_only: bool = False
) -> list[dict[str, Any]]:
    """The clauses behind one heatmap cell (only the binding commitments with ``binding_only``)."""
    f = Filters(doc_ids=(doc_id,), stances=BINDING if binding_only else ())
    return theme_clauses(index, theme, f, limit=10_000)


# The stance of a binding clause: what the "alleen bindend" switch keeps.
BINDING = ("commitment",)


def binding_filter(filters: Filters, on: bool) -> Filters:
    """``filters`` restricted to binding commitments when ``on`` (a chosen stance list is replaced)."""
    return Filters(**{**filters.__dict__, "stances": BINDING}) if on else filters


def only_binding(index: ClauseIndex, clause_ids: Iterable[str], on: bool) -> list[str]:
    """The clause ids that are binding commitments when ``on``; all of them otherwise."""
    ids = list(clause_ids)
    return [c for c in ids if index.rows[index.position[c]]["stance"] in BINDING] if on else ids


def review_queue(index: ClauseIndex, reviewed: set[str], n: int = 20) -> list[dict[str, Any]]:
    """Clauses the model is least sure about (closest theme score to 0.5), not yet reviewed."""

    def doubt(r: dict[str, Any]) -> float:
        scores = r.get("theme_scores") or {}
        return min((abs(float(v) - 0.5) for v in scores.values()), default=1.0)

    pos = [i for i, r in enumerate(index.rows) if r["clause_id"] not in reviewed and r.get("theme_scores")]
    pos.sort(key=lambda i: doubt(index.rows[i]))
    return clause_rows(index, pos[:n])


def add_document(
    store: Any,
    filename: str,
    data: bytes,
    *,
    title: str = "",
    short_title: str = "",
    doc_type: str = "other",
    organisation: str = "",
    sector: str = "",
    country: str = "",
    year: int | None = None,
    coder: Any = None,
    limit_mb: float = DEFAULT_UPLOAD_LIMIT_MB,
    lock: AbstractContextManager[Any] | None = None,
    any_language: bool = False,
) -> str:
    """Ingest an uploaded file (and code it with ``coder``); returns the new document id.

    Reading, segmenting and coding run without the store; only the duplicate check and the
    write use it. ``store`` is a :class:`~nlp.store.Store`, or a function that opens one for a
    moment (the app's ``state.writing``), so other pages and the command line can use the
    store meanwhile; ``lock`` (if given) is held around those two moments too. The upload is
    written under a name made here, never under the uploaded name. Nothing is stored when the
    file is refused or cannot be read. A text that is not Dutch is stored uncoded unless
    ``any_language``.

    Raises:
        UploadError: unsupported type, over the size limit, a duplicate, unreadable, or a short title
            over 40 characters.
    """
    from nlp.coding.apply import code_clauses
    from nlp.ingest import readers
    from nlp.ingest.language import is_coded_language
    from nlp.ingest.manifest import doc_id_from_path, make_meta
    from nlp.ingest.pipeline import process
    from nlp.retrieval.embed import EmbeddingBuffer

    guard = lock if lock is not None else nullcontext()

    def session() -> AbstractContextManager[Any]:
        return store() if callable(store) else nullcontext(store)

    name = Path(filename.replace("\\", "/")).name or "upload"
    suffix = Path(name).suffix.lower()
    if suffix not in readers.SUPPORTED_SUFFIXES:
        raise UploadError(
            f"{filename}: bestandstype {suffix or '(geen)'} wordt niet ondersteund; kies {', '.join(readers.SUPPORTED_SUFFIXES)}"
        )
    if len(data) > limit_mb * 1024 * 1024:
        raise UploadError(f"{filename}: het bestand is groter dan {limit_mb:g} MB")
    digest = hashlib.sha256(data).hexdigest()
    doc_id = doc_id_from_path(Path(name))

    def refuse_duplicate(store: Any) -> None:
        for d in store.documents():
            if d["content_hash"] == digest:
                raise UploadError(f"{filename}: dit bestand staat al in de databank als '{d['doc_id']}'")
        if doc_id in store.doc_ids():
            raise UploadError(
                f"{filename}: er bestaat al een document met id '{doc_id}'; hernoem het bestand"
            )

    with guard, session() as s:
        refuse_duplicate(s)
    try:
        meta = make_meta(
            doc_id,
            title or Path(name).stem.replace("_", " "),
            doc_type=doc_type,
            organisation=organisation,
            sector=sector,
            country=country,
            year=year,
            source=name,
            short_title=short_title,
        )
    except ClauseAtlasError as exc:
        raise UploadError(f"{filename}: {exc}") from exc
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"upload{suffix}"
        path.write_bytes(data)
        try:
            doc, clauses = process(path, meta)
        except ClauseAtlasError as exc:
            raise UploadError(str(exc).replace(str(path), filename)) from exc
    doc = replace(doc, source_path=name)
    buffer = EmbeddingBuffer()
    coded = coder is not None and (any_language or is_coded_language(doc.meta.language))
    predictions = {doc_id: code_clauses(clauses, meta.doc_type, coder, buffer)} if coded else None  # type: ignore[arg-type]
    with guard, session() as s:
        refuse_duplicate(s)  # another upload may have landed meanwhile
        s.put_many([(doc, clauses)], predictions)
        buffer.flush(s)  # a cache: the search index reuses these vectors
    return doc_id


def stance_counts(rows: Iterable[dict[str, Any]]) -> dict[str, int]:
    """Number of rows per stance, in label order."""
    c = Counter(r["stance"] for r in rows)
    return {s: c.get(s, 0) for s in STANCES}


def documents_without(index: ClauseIndex, theme: str, stance: str = "commitment") -> list[dict[str, Any]]:
    """Documents with no clause of ``stance`` on ``theme``, with what they do say about it."""
    docs = documents(index)
    out = []
    for c in matrix(index):
        if c.theme == theme and not (c.commitments if stance == "commitment" else c.recommendations):
            doc = docs[c.doc_id]
            out.append(
                {
                    "document": doc["title"],
                    "doc_id": c.doc_id,
                    "documenttype": DOC_TYPE_NL.get(doc["doc_type"], doc["doc_type"]),
                    "clausules over het thema": c.clauses,
                    "sterkste houding": STANCE_NL.get(c.strongest, "—"),
                }
            )
    return out


def gap_detail(gap: Gap) -> str:
    """Why a coverage gap is one, in Dutch (the command line says it in English)."""
    if gap.kind == "peer gap":
        kind = DOC_TYPE_NL.get(gap.doc_type, gap.doc_type).lower()
        return f"{gap.covering} van {gap.peers} documenten van het type {kind} behandelen het"
    if gap.kind == "no commitment or recommendation":
        return f"{gap.clauses} clausules, sterkste houding: {STANCE_NL.get(gap.strongest, '—')}"
    return ""
