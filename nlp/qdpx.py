"""REFI-QDA project export (``.qdpx``): the coded corpus for ATLAS.ti, NVivo, MAXQDA, QualCoder.

A ``.qdpx`` file is a zip holding ``project.qde`` (XML in the ``urn:QDA-XML:project:1.0``
namespace, see ``../shared/refi-qda/Project.xsd``) and the sources. Here:

- each document's cleaned text is a source (``sources/<guid>.txt``), so the selections'
  character offsets are exactly the clause offsets;
- the codebook holds two groups, "Thema" (the four themes) and "Houding" (the five stances),
  with colours and the descriptions of LABELS.md;
- each clause is a ``PlainTextSelection`` with its codes; the model's scores and explanation
  go into the selection's description;
- model labels and reviewed labels are kept apart: their codings are created by two users,
  "Clause Atlas model" and "Clause Atlas review";
- document metadata are variables of one case per document.

GUIDs are derived from stable names (uuid5), so a re-export gives the same GUIDs and an import
can map selections back to clauses.
"""

from __future__ import annotations

import uuid
import zipfile
import zlib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from nlp import __version__
from nlp.errors import ClauseAtlasError
from nlp.resources import STANCES, THEME_DESCRIPTIONS, THEMES
from nlp.store import Store

NS = "urn:QDA-XML:project:1.0"
ROOT_UUID = uuid.UUID("6f1c1c6e-6b8a-4c47-9d55-3a3c0c1d9a10")
THEME_COLOURS = {"participation": "#1f77b4", "data": "#d62728", "training": "#2ca02c", "wellbeing": "#9467bd"}
STANCE_COLOURS = {
    "commitment": "#006d2c",
    "recommendation": "#08519c",
    "concern": "#a50f15",
    "opportunity": "#54278f",
    "neutral": "#636363",
}
STANCE_DESCRIPTIONS = {
    "commitment": "Binds a party or records an agreed right, duty or engagement.",
    "recommendation": "Urges, advises or demands an action without binding anyone.",
    "concern": "Presents a risk, problem, harm or criticism.",
    "opportunity": "Presents a benefit, improvement or positive effect.",
    "neutral": "Describes, defines or reports without any of the above.",
}
VARIABLES = {"doc_type": "Text", "organisation": "Text", "country": "Text", "year": "Integer"}


def guid(*parts: str) -> str:
    """A stable GUID for a named thing (code, user, source, clause, coding)."""
    return str(uuid.uuid5(ROOT_UUID, "/".join(parts)))


def code_guid(label: str) -> str:
    """GUID of a theme or stance code."""
    return guid("code", label)


def _esc(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text, {'"': "&quot;"})


def project_xml(store: Store) -> tuple[str, dict[str, str]]:
    """The ``project.qde`` text and the source files (zip path -> text)."""
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    model_user, review_user = guid("user", "model"), guid("user", "review")
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<Project xmlns="{NS}" name="Clause Atlas" origin="Clause Atlas {__version__}" creatingUserGUID="{model_user}" creationDateTime="{now}">',
        f'<Users><User guid="{model_user}" name="Clause Atlas model"/><User guid="{review_user}" name="Clause Atlas review"/></Users>',
        "<CodeBook><Codes>",
        f'<Code guid="{guid("group", "themes")}" name="Thema" isCodable="false"><Description>Themes (LABELS.md section 2)</Description>',
    ]
    for t in THEMES:
        out.append(
            f'<Code guid="{code_guid(t)}" name="{t}" isCodable="true" color="{THEME_COLOURS[t]}"><Description>{_esc(THEME_DESCRIPTIONS[t][0])}</Description></Code>'
        )
    out.append("</Code>")
    out.append(
        f'<Code guid="{guid("group", "stance")}" name="Houding" isCodable="false"><Description>Stance (LABELS.md section 3)</Description>'
    )
    for s in STANCES:
        out.append(
            f'<Code guid="{code_guid(s)}" name="{s}" isCodable="true" color="{STANCE_COLOURS[s]}"><Description>{_esc(STANCE_DESCRIPTIONS[s])}</Description></Code>'
        )
    out += ["</Code>", "</Codes></CodeBook>", "<Variables>"]
    for v, kind in VARIABLES.items():
        out.append(f'<Variable guid="{guid("variable", v)}" name="{v}" typeOfVariable="{kind}"/>')
    out.append("</Variables>")
    docs = store.documents()
    out.append("<Cases>")
    for d in docs:
        out.append(f'<Case guid="{guid("case", str(d["doc_id"]))}" name="{_esc(str(d["doc_id"]))}">')
        for v, kind in VARIABLES.items():
            value = d.get(v)
            if value in (None, ""):
                continue
            tag = "IntegerValue" if kind == "Integer" else "TextValue"
            out.append(
                f'<VariableValue><VariableRef targetGUID="{guid("variable", v)}"/><{tag}>{_esc(str(value))}</{tag}></VariableValue>'
            )
        out.append(f'<SourceRef targetGUID="{guid("source", str(d["doc_id"]))}"/></Case>')
    out.append("</Cases>")
    preds = store.predictions()
    reviewed = {str(a["clause_id"]): a for a in store.annotations()}
    sources: dict[str, str] = {}
    out.append("<Sources>")
    for d in docs:
        doc_id = str(d["doc_id"])
        sid = guid("source", doc_id)
        sources[f"sources/{sid}.txt"] = str(store.document(doc_id)["text"])
        out.append(
            f'<TextSource guid="{sid}" name="{_esc(str(d["title"]))}" plainTextPath="internal://{sid}.txt">'
        )
        for c in store.clauses(doc_id):
            out.append(
                _selection(c, preds.get(c.clause_id), reviewed.get(c.clause_id), model_user, review_user)
            )
        out.append("</TextSource>")
    out += ["</Sources>", "</Project>"]
    return "\n".join(out), sources


def _selection(c: Any, pred: Any, review: Any, model_user: str, review_user: str) -> str:
    parts = [
        f'<PlainTextSelection guid="{guid("clause", c.clause_id)}" name="{_esc(c.clause_id)}" startPosition="{c.start}" endPosition="{c.end}">'
    ]
    if pred is not None:
        scores = ", ".join(f"{k} {v:.2f}" for k, v in pred.theme_scores.items())
        desc = f"model {pred.model_version}: themes {scores}; stance {pred.stance} {pred.stance_scores.get(pred.stance, 0):.2f}; {pred.explanation.summary()}"
        parts.append(f"<Description>{_esc(desc)}</Description>")
        for label in (*pred.themes, pred.stance):
            parts.append(
                f'<Coding guid="{guid("coding", "model", c.clause_id, label)}" creatingUser="{model_user}"><CodeRef targetGUID="{code_guid(label)}"/></Coding>'
            )
    if review is not None:
        for label in (*review["themes"], review["stance"]):
            parts.append(
                f'<Coding guid="{guid("coding", "review", c.clause_id, label)}" creatingUser="{review_user}"><CodeRef targetGUID="{code_guid(label)}"/></Coding>'
            )
    parts.append("</PlainTextSelection>")
    return "".join(parts)


def export(store: Store, path: str | Path) -> Path:
    """Write the store as a ``.qdpx`` project (zip with ``project.qde`` and the sources)."""
    path = Path(path)
    xml, sources = project_xml(store)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("project.qde", xml)
        for name, text in sources.items():
            z.writestr(name, text)
    return path


# --- import ------------------------------------------------------------------------------------

MAX_UNCOMPRESSED = 500 * 1024 * 1024
MAX_RATIO = 200
SCHEMA = Path(__file__).parent / "schemas" / "refi-qda-project.xsd"


class QdpxError(ClauseAtlasError, ValueError):
    """A ``.qdpx`` file is malformed, unsafe or does not belong to this store."""


def _read_project(path: Path) -> Any:
    """The parsed, schema-valid ``project.qde`` of a safe zip."""
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
        if "project.qde" not in z.namelist():
            raise QdpxError(f"{path.name}: no project.qde inside; is this a REFI-QDA project?")
        # read in chunks up to the limit: a zip header may understate what an entry unpacks to
        try:
            with z.open("project.qde") as fh:
                data = fh.read(MAX_UNCOMPRESSED + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
            raise QdpxError(f"{path.name}: project.qde cannot be unpacked ({type(exc).__name__})") from exc
        if len(data) > MAX_UNCOMPRESSED:
            raise QdpxError(
                f"{path.name}: refused, project.qde unpacks to more than {MAX_UNCOMPRESSED:,} bytes"
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
    if not valid:
        raise QdpxError(
            f"{path.name}: project.qde does not follow the REFI-QDA schema ({schema.error_log.last_error.message})"
        )
    return root


def import_qdpx(store: Store, path: str | Path, annotator: str = "QDA import") -> dict[str, Any]:
    """Turn code changes made in a QDA tool into reviewed annotations; returns a summary.

    A selection maps to the stored clause with the same offsets, or (a new selection) to the
    clause that contains its start. A clause's labels in the project are all codes on its
    selections; where they differ from the store's current labels (reviewed, else model), one
    annotation records the new labels. Everything is checked before anything is written, and
    all annotations are written in one transaction.

    Raises:
        QdpxError: malformed, unsafe or foreign file, or a source this store does not hold.
    """
    path = Path(path)
    root = _read_project(path)
    ns = {"q": NS}
    labels_by_guid = {code_guid(x): x for x in (*THEMES, *STANCES)}
    for code in root.iterfind(".//q:Code", ns):
        if code.get("name") in (*THEMES, *STANCES):
            labels_by_guid[code.get("guid")] = code.get("name")
    sources = {guid("source", d): d for d in store.doc_ids()}
    preds = store.predictions()
    reviewed = {str(a["clause_id"]): a for a in store.annotations()}
    found: dict[str, set[str]] = {}
    new_selections = 0
    for src in root.iterfind(".//q:TextSource", ns):
        doc_id = sources.get(src.get("guid"))
        if doc_id is None:
            raise QdpxError(
                f"{path.name}: unknown source {src.get('name')!r}; import a project exported from this store"
            )
        clauses = store.clauses(doc_id)
        by_span = {(c.start, c.end): c.clause_id for c in clauses}
        for sel in src.iterfind("q:PlainTextSelection", ns):
            start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
            cid = by_span.get((start, end))
            if cid is None:
                cid = next((c.clause_id for c in clauses if c.start <= start < c.end), None)
                new_selections += 1
                if cid is None:
                    continue
            codes = {
                labels_by_guid[c.get("targetGUID")]
                for c in sel.iterfind("q:Coding/q:CodeRef", ns)
                if c.get("targetGUID") in labels_by_guid
            }
            found.setdefault(cid, set()).update(codes)
    changes = []
    for cid, codes in found.items():
        r, p = reviewed.get(cid), preds.get(cid)
        old_themes = set(r["themes"]) if r else set(p.themes) if p else set()
        old_stance = str(r["stance"]) if r else p.stance if p else "neutral"
        themes = {c for c in codes if c in THEMES}
        stances = [s for s in STANCES if s in codes]
        stance = stances[0] if stances else old_stance
        if themes != old_themes or stance != old_stance:
            changes.append((cid, themes, stance, sorted(themes - old_themes), sorted(old_themes - themes)))
    with store.transaction():
        for cid, themes, stance, _added, _removed in changes:
            store.annotate(cid, themes, stance, annotator, source="qdpx", note=path.name)
    return {
        "clauses_changed": len(changes),
        "codes_added": sum(len(c[3]) for c in changes),
        "codes_removed": sum(len(c[4]) for c in changes),
        "new_selections": new_selections,
        "changes": [{"clause_id": c[0], "added": c[3], "removed": c[4], "stance": c[2]} for c in changes],
    }
