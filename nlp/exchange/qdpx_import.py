"""Read a REFI-QDA project back: code changes made in a QDA program become reviewed labels.

The project may be the file :mod:`nlp.exchange.qdpx` wrote, or that file re-exported by a QDA program
(QualCoder, ATLAS.ti, MAXQDA, NVivo), which writes its own GUIDs, one selection per coding,
sources with a byte-order mark or Windows line endings, and may add or drop elements. So:

- sources are matched to stored documents by GUID, else by name (title or document id), else
  by content (the text after removing a byte-order mark and normalising line endings); the
  rule that matched is reported per source, and sources that match nothing are skipped and
  listed (a QDA user may have added documents of their own);
- selection offsets are mapped through the same normalisation, then to the clause with exactly
  those offsets, else to the clause the selection overlaps most (a selection the QDA user made);
- a clause's codes are pooled over all its selections; what was exported is read from the tag
  at the end of the selection descriptions (``[clause-atlas clause=... themes=... stance=...]``,
  kept by QDA programs as the coding memo). Only the difference between the two is what the
  QDA user changed, and only that is applied to the store's current labels; a stale export
  therefore never undoes reviews made since. Without a tag (a clause the export did not code),
  every code counts as added.

Everything is checked before anything is written; all annotations go in one transaction.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nlp.errors import ClauseAtlasError
from nlp.exchange.qdpx import NS, code_guid, guid
from nlp.resources import STANCES, THEMES
from nlp.store.base import Store

MAX_UNCOMPRESSED = 500 * 1024 * 1024
MAX_RATIO = 200
SCHEMA = Path(__file__).resolve().parents[1] / "schemas" / "refi-qda-project.xsd"
_TAG_RE = re.compile(r"\[clause-atlas clause=(\S+) themes=([a-z,]*) stance=([a-z]+)\]")
_Q = {"q": NS}


class QdpxError(ClauseAtlasError, ValueError):
    """A ``.qdpx`` file is malformed, unsafe or does not belong to this store."""


def _read_entry(z: zipfile.ZipFile, name: str, label: str) -> bytes:
    """An entry's bytes, read no further than its declared size (and the limit).

    A zip header may understate what an entry unpacks to: one byte more than declared is
    refused at once, before the rest is unpacked.
    """
    declared = z.getinfo(name).file_size
    try:
        with z.open(name) as fh:
            data = fh.read(min(declared, MAX_UNCOMPRESSED) + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
        raise QdpxError(f"{label}: {name} cannot be unpacked ({type(exc).__name__})") from exc
    if len(data) > MAX_UNCOMPRESSED:
        raise QdpxError(f"{label}: refused, {name} unpacks to more than {MAX_UNCOMPRESSED:,} bytes")
    if len(data) > declared:
        raise QdpxError(f"{label}: refused, {name} unpacks to more than its header says ({declared:,} bytes)")
    return data


def _read_project(path: Path) -> tuple[Any, dict[str, bytes], list[str]]:
    """The parsed ``project.qde`` of a safe zip, its source files by name, and warnings.

    A project that does not follow the REFI-QDA schema is still read (QDA programs bend it,
    e.g. with dates that are not ``xs:dateTime``), with a warning; one that is not XML, has
    another namespace or cannot be checked is refused.
    """
    from lxml import etree

    try:
        z = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise QdpxError(f"{path.name}: not a QDPX file (not a zip archive)") from exc
    with z:
        infos = z.infolist()
        for info in infos:
            name = info.filename
            if name.startswith(("/", "\\")) or ".." in Path(name).parts or ":" in name:
                raise QdpxError(f"{path.name}: unsafe entry {name!r} (path outside the project)")
        total = sum(i.file_size for i in infos)
        packed = max(sum(i.compress_size for i in infos), 1)
        if total > MAX_UNCOMPRESSED or total / packed > MAX_RATIO:
            raise QdpxError(
                f"{path.name}: refused, it would unpack to {total:,} bytes ({total / packed:.0f}x its size)"
            )
        names = z.namelist()
        if "project.qde" not in names:
            raise QdpxError(f"{path.name}: no project.qde inside; is this a REFI-QDA project?")
        data = _read_entry(z, "project.qde", path.name)
        files: dict[str, bytes] = {}
        budget = MAX_UNCOMPRESSED - len(data)
        for name in names:
            if name.lower().startswith("sources/") and name.lower().endswith(".txt"):
                files[name.split("/", 1)[1]] = blob = _read_entry(z, name, path.name)
                budget -= len(blob)
                if budget < 0:
                    raise QdpxError(
                        f"{path.name}: refused, it unpacks to more than {MAX_UNCOMPRESSED:,} bytes"
                    )
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise QdpxError(f"{path.name}: project.qde is not valid XML ({exc.msg})") from exc
    if etree.QName(root).namespace != NS:
        raise QdpxError(
            f"{path.name}: project.qde has namespace {etree.QName(root).namespace!r}, expected {NS!r}"
        )
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    try:
        valid = schema.validate(root)
    except etree.Error as exc:
        raise QdpxError(
            f"{path.name}: project.qde cannot be checked against the REFI-QDA schema ({exc})"
        ) from exc
    warnings = []
    if not valid:  # QDA programs bend the schema (dates, extra elements): read what is needed anyway
        warnings.append(
            f"project.qde does not follow the REFI-QDA schema ({schema.error_log.last_error.message}); read anyway"
        )
    return root, files, warnings


def normalise(text: str) -> tuple[str, list[int]]:
    r"""Text with ``\n`` line endings (no byte-order mark), and a map of offsets.

    ``where[i]`` is the offset in the normalised text of offset ``i`` of the given text
    (counted after a leading byte-order mark, ``len(where) == len(text) + 1``); a ``\r\n`` pair maps both its offsets to the one ``\n``.
    """
    text = text.removeprefix("\ufeff")
    out: list[str] = []
    where: list[int] = []
    n = len(text)
    for i, ch in enumerate(text):
        where.append(len(out))
        if ch != "\r":
            out.append(ch)
        elif i + 1 == n or text[i + 1] != "\n":
            out.append("\n")
    where.append(len(out))
    return "".join(out), where


def text_hash(text: str) -> str:
    """Hash of a text after :func:`normalise` (matches a source whose GUID and name changed)."""
    return hashlib.sha256(normalise(text)[0].encode("utf-8")).hexdigest()


@dataclass
class _Clause:
    """What the project says about one clause: its codes, and its labels as exported (if tagged)."""

    codes: set[str] = field(default_factory=set)
    exported: tuple[frozenset[str], str] | None = None


def _span(sel: Any) -> tuple[int, int] | None:
    """A selection's (start, end), or None when the offsets are missing or not numbers."""
    try:
        start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
    except (TypeError, ValueError):
        return None
    return (start, end) if 0 <= start <= end else None


def _source_text(src: Any, files: dict[str, bytes]) -> str | None:
    content = src.find("q:PlainTextContent", _Q)
    if content is not None:
        return content.text or ""
    ref = src.get("plainTextPath") or ""
    if ref.startswith("internal://"):
        blob = files.get(ref[len("internal://") :])
        if blob is not None:
            # a byte-order mark is an encoding artefact (QDA programs write utf-8-sig): offsets exclude it
            return blob.decode("utf-8-sig", errors="replace")
    return None


def _match(
    src: Any, text: str | None, docs: dict[str, dict[str, Any]], by_hash: dict[str, str]
) -> tuple[str | None, str]:
    """The stored document a source stands for, and the rule that matched (or why none did)."""
    g = src.get("guid")
    for doc_id in docs:
        if guid("source", doc_id) == g:
            return doc_id, "guid"
    name = (src.get("name") or "").strip()
    named = [d for d, meta in docs.items() if name and name in (d, str(meta["title"]).strip())]
    if len(named) == 1:
        return named[0], "name"
    if text is not None:
        doc_id = by_hash.get(text_hash(text))
        if doc_id is not None:
            return doc_id, "content"
    return None, "no stored document with this GUID, name or text"


def import_qdpx(store: Store, path: str | Path, annotator: str = "QDA import") -> dict[str, Any]:
    """Turn code changes made in a QDA program into reviewed annotations; returns a summary.

    The summary holds ``clauses_changed``, ``codes_added``, ``codes_removed``,
    ``new_selections``, ``stance_changed``, ``untagged`` (clauses compared with nothing
    exported), ``sources`` (name, document and matching rule per matched source), ``skipped``
    (sources that match no document, with the reason), ``warnings`` (e.g. schema deviations
    that did not stop the import), ``by_document`` (changed clauses per document) and
    ``changes`` (per clause: added, removed, stance).

    Raises:
        QdpxError: malformed, unsafe or foreign file (no source matches a stored document).
    """
    path = Path(path)
    root, files, warnings = _read_project(path)
    reading = _Reading(labels_by_guid={code_guid(x): x for x in (*THEMES, *STANCES)})
    for code in root.iterfind(".//q:Code", _Q):
        if code.get("name") in (*THEMES, *STANCES):
            reading.labels_by_guid[code.get("guid")] = code.get("name")
    docs = {str(d["doc_id"]): d for d in store.documents()}
    texts = {doc_id: str(store.document(doc_id)["text"]) for doc_id in docs}
    by_hash = {text_hash(t): doc_id for doc_id, t in texts.items()}
    matched: list[dict[str, str]] = []
    skipped: list[dict[str, str]] = []
    for src in root.iterfind(".//q:TextSource", _Q):
        name = src.get("name") or src.get("guid") or "?"
        raw = _source_text(src, files)
        doc_id, rule = _match(src, raw, docs, by_hash)
        if doc_id is None:
            skipped.append({"source": name, "reason": rule})
            continue
        clauses = store.clauses(doc_id)
        spans = _spans(src, raw, texts[doc_id], {(c.start, c.end) for c in clauses})
        if spans is None:
            skipped.append({"source": name, "reason": f"its text differs from stored document {doc_id!r}"})
            continue
        matched.append({"source": name, "doc_id": doc_id, "rule": rule})
        reading.read_source(src, spans, doc_id, clauses)
    if not matched and skipped:
        raise QdpxError(
            f"{path.name}: no source matches a stored document ({skipped[0]['source']!r}: {skipped[0]['reason']}); "
            "import a project exported from this store"
        )
    preds = store.predictions()
    reviewed = {str(a["clause_id"]): a for a in store.annotations()}
    changes = [
        c
        for cid, entry in reading.found.items()
        if (c := _change(cid, reading.doc_of[cid], entry, reviewed.get(cid), preds.get(cid))) is not None
    ]
    with store.transaction():
        for c in changes:
            store.annotate(c["clause_id"], c["themes"], c["stance"], annotator, source="qdpx", note=path.name)
    by_document: dict[str, int] = {}
    for c in changes:
        by_document[c["doc_id"]] = by_document.get(c["doc_id"], 0) + 1
    return {
        "clauses_changed": len(changes),
        "codes_added": sum(len(c["added"]) for c in changes),
        "codes_removed": sum(len(c["removed"]) for c in changes),
        "stance_changed": sum(c["stance_changed"] for c in changes),
        "new_selections": reading.new_selections,
        "untagged": sum(entry.exported is None for entry in reading.found.values()),
        "sources": matched,
        "skipped": skipped,
        "warnings": warnings,
        "by_document": by_document,
        "changes": changes,
    }


def _spans(src: Any, raw: str | None, stored: str, clause_spans: set[tuple[int, int]]) -> list[Any] | None:
    r"""The selections' spans in the stored text's offsets; None when the source's text differs.

    When line endings changed, offsets may count ``\r\n`` as one character or two: the
    reading that puts more selections exactly on clauses wins.
    """
    spans = [_span(sel) for sel in src.iterfind("q:PlainTextSelection", _Q)]
    if raw is None:
        return spans
    norm, where = normalise(raw)
    if norm != stored:
        return None
    if where[-1] != len(where) - 1:
        mapped = [
            None if x is None else (where[min(x[0], len(raw))], where[min(x[1], len(raw))]) for x in spans
        ]
        if sum(x in clause_spans for x in mapped) > sum(x in clause_spans for x in spans):
            return mapped
    return spans


@dataclass
class _Reading:
    """What the project's selections say, per clause id, as sources are read."""

    labels_by_guid: dict[str, str]
    found: dict[str, _Clause] = field(default_factory=dict)
    doc_of: dict[str, str] = field(default_factory=dict)
    new_selections: int = 0

    def read_source(self, src: Any, spans: list[Any], doc_id: str, clauses: list[Any]) -> None:
        """Pool the codes and export tags of one source's selections onto its clauses."""
        by_span = {(c.start, c.end): c.clause_id for c in clauses}
        ids = set(by_span.values())
        for sel, span in zip(src.iterfind("q:PlainTextSelection", _Q), spans, strict=True):
            if span is None:
                continue
            cid = by_span.get(span)
            if cid is None:  # a selection the QDA user made: the clause it overlaps most
                start, end = span
                overlap, best = max(
                    ((min(end, c.end) - max(start, c.start), c.clause_id) for c in clauses), default=(0, "")
                )
                if overlap <= 0:
                    continue
                cid = best
                self.new_selections += 1
            entry = self.found.setdefault(cid, _Clause())
            self.doc_of[cid] = doc_id
            desc = sel.find("q:Description", _Q)
            tag = _TAG_RE.search(desc.text or "") if desc is not None else None
            if tag is not None and tag.group(1) in ids:
                themes = frozenset(t for t in tag.group(2).split(",") if t in THEMES)
                stance = tag.group(3) if tag.group(3) in STANCES else "neutral"
                self.found.setdefault(tag.group(1), _Clause()).exported = (themes, stance)
                self.doc_of[tag.group(1)] = doc_id
            for coding in sel.iterfind("q:Coding", _Q):
                ref = coding.find("q:CodeRef", _Q)
                label = self.labels_by_guid.get(ref.get("targetGUID")) if ref is not None else None
                if label is not None:
                    entry.codes.add(label)


def _change(cid: str, doc_id: str, entry: _Clause, review: Any, pred: Any) -> dict[str, Any] | None:
    """What the QDA user changed on one clause, applied to its current labels (None: nothing)."""
    current = set(review["themes"]) if review else set(pred.themes) if pred else set()
    current_stance = str(review["stance"]) if review else pred.stance if pred else "neutral"
    if entry.exported is None:  # nothing exported for it: every code counts as added
        exported_themes: frozenset[str] = frozenset()
        exported_stance: str | None = current_stance if current_stance in entry.codes else None
    else:
        exported_themes, exported_stance = entry.exported
    themes_now = {c for c in entry.codes if c in THEMES}
    added = sorted(themes_now - exported_themes, key=THEMES.index)
    removed = sorted(exported_themes - themes_now, key=THEMES.index)
    new_stances = [s for s in STANCES if s in entry.codes and s != exported_stance]
    stance = new_stances[0] if new_stances else current_stance
    themes = (current | set(added)) - set(removed)
    if themes == current and stance == current_stance:
        return None
    return {
        "clause_id": cid,
        "doc_id": doc_id,
        "themes": [t for t in THEMES if t in themes],
        "added": added,
        "removed": removed,
        "stance": stance,
        "stance_changed": stance != current_stance,
    }
