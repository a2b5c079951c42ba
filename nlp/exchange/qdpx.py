"""REFI-QDA project export (``.qdpx``): the coded corpus for ATLAS.ti, NVivo, MAXQDA, QualCoder.

A ``.qdpx`` file is a zip holding ``project.qde`` (XML in the ``urn:QDA-XML:project:1.0``
namespace, see ``../shared/refi-qda/Project.xsd``) and the sources. Here:

- each document's cleaned text is a source (``sources/<guid>.txt``), so the selections'
  character offsets are exactly the clause offsets;
- the codebook holds two groups, "Thema" (the four themes) and "Houding" (the five stances),
  with the descriptions of LABELS.md and colours taken from QualCoder's palette, so that a QDA
  program that maps colours onto its own palette keeps all nine apart; when a checklist is
  given, its provisions are sub-codes of their theme (named by the provision, its id and
  definition as description) and the evidence clauses of every document are coded with them;
- each coded clause is a ``PlainTextSelection`` with the clause's current labels as codings:
  reviewed labels as codings of the user "Clause Atlas review", else the model's as codings of
  "Clause Atlas model"; sources, selections and codings all name their ``creatingUser`` and
  ``creationDateTime`` (QDA programs read the coder from the selection);
- the selection's description holds the model's scores and explanation and ends with a tag,
  ``[clause-atlas clause=<id> themes=<a,b> stance=<s>]``, that records the labels as exported;
  QDA programs keep it as the coding memo, so :mod:`nlp.exchange.qdpx_import` can tell what the QDA user
  changed from what was exported;
- document metadata are variables of one case per document, linked to its source.

GUIDs are derived from stable names (uuid5), so a re-export gives the same GUIDs and an import
can map sources back to documents; :mod:`nlp.exchange.qdpx_import` reads projects back, also those
re-exported by a QDA program with its own GUIDs.
"""

from __future__ import annotations

import uuid
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nlp import __version__
from nlp.resources import STANCES, THEME_DESCRIPTIONS, THEMES
from nlp.store.base import Store

if TYPE_CHECKING:
    from nlp.analysis.checklist import Provision
    from nlp.analysis.provisions import Finding

NS = "urn:QDA-XML:project:1.0"
ROOT_UUID = uuid.UUID("6f1c1c6e-6b8a-4c47-9d55-3a3c0c1d9a10")
# Entries of QualCoder's code colour palette (color_selector.colors), so that its nearest-colour
# mapping leaves them as they are; nine clearly different hues.
THEME_COLOURS = {"participation": "#3498DB", "data": "#FF6F00", "training": "#80FF00", "wellbeing": "#7D26CD"}
STANCE_COLOURS = {
    "commitment": "#1B5E20",
    "recommendation": "#0D47A1",
    "concern": "#B71C1C",
    "opportunity": "#F7FE2E",
    "neutral": "#A8A8A8",
}
STANCE_DESCRIPTIONS = {
    "commitment": "Binds a party or records an agreed right, duty or engagement.",
    "recommendation": "Urges, advises or demands an action without binding anyone.",
    "concern": "Presents a risk, problem, harm or criticism.",
    "opportunity": "Presents a benefit, improvement or positive effect.",
    "neutral": "Describes, defines or reports without any of the above.",
}
VARIABLES = {"doc_type": "Text", "organisation": "Text", "country": "Text", "year": "Integer"}
MODEL_USER, REVIEW_USER = "Clause Atlas model", "Clause Atlas review"


def guid(*parts: str) -> str:
    """A stable GUID for a named thing (code, user, source, clause, coding)."""
    return str(uuid.uuid5(ROOT_UUID, "/".join(parts)))


def code_guid(label: str) -> str:
    """GUID of a theme or stance code."""
    return guid("code", label)


def export_tag(clause_id: str, themes: list[str] | tuple[str, ...], stance: str) -> str:
    """The tag that records a clause's labels as exported (the end of its selection's description)."""
    return f"[clause-atlas clause={clause_id} themes={','.join(themes)} stance={stance}]"


def _esc(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text, {'"': "&quot;"})


def _stamp(value: object) -> str:
    """An ISO timestamp for REFI-QDA (UTC, seconds)."""
    if isinstance(value, datetime):
        value = value if value.tzinfo else value.replace(tzinfo=UTC)
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def provision_guid(provision_id: str) -> str:
    """GUID of a provision sub-code."""
    return guid("provision", provision_id)


def project_xml(
    store: Store, checklist: tuple[list[Provision], list[Finding]] | None = None
) -> tuple[str, dict[str, str]]:
    """The ``project.qde`` text and the source files (zip path -> text).

    Args:
        store: The store to export.
        checklist: Provisions and their findings (:func:`nlp.analysis.provisions.detect`):
            sub-codes of the themes, coded on their evidence clauses. None leaves them out.
    """
    provisions, found = checklist or ([], [])
    evidence: dict[str, list[str]] = {}
    for f in found:
        for e in f.evidence:
            evidence.setdefault(e.clause_id, []).append(e.provision)
    now = _stamp(None)
    users = {MODEL_USER: guid("user", "model"), REVIEW_USER: guid("user", "review")}
    model_user = users[MODEL_USER]
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<Project xmlns="{NS}" name="Clause Atlas" origin="Clause Atlas {__version__}" creatingUserGUID="{model_user}" creationDateTime="{now}">',
        "<Users>" + "".join(f'<User guid="{g}" name="{n}"/>' for n, g in users.items()) + "</Users>",
        "<CodeBook><Codes>",
        f'<Code guid="{guid("group", "themes")}" name="Thema" isCodable="false"><Description>Themes (LABELS.md section 2)</Description>',
    ]
    for t in THEMES:
        out.append(
            f'<Code guid="{code_guid(t)}" name="{t}" isCodable="true" color="{THEME_COLOURS[t]}"><Description>{_esc(THEME_DESCRIPTIONS[t][0])}</Description>'
        )
        for p in (p for p in provisions if p.theme == t):
            out.append(
                f'<Code guid="{provision_guid(p.id)}" name="{_esc(p.name)}" isCodable="true" color="{THEME_COLOURS[t]}">'
                f"<Description>{_esc(p.id + ': ' + p.definition)}</Description></Code>"
            )
        out.append("</Code>")
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
            f'<TextSource guid="{sid}" name="{_esc(str(d["title"]))}" plainTextPath="internal://{sid}.txt" '
            f'creatingUser="{model_user}" creationDateTime="{_stamp(d.get("ingested_at"))}">'
        )
        for c in store.clauses(doc_id):
            out.append(
                _selection(c, preds.get(c.clause_id), reviewed.get(c.clause_id), users, now, evidence.get(c.clause_id, []))
            )
        out.append("</TextSource>")
    out += ["</Sources>", "</Project>"]
    return "\n".join(out), sources


def _selection(
    c: Any, pred: Any, review: Any, users: dict[str, str], now: str, provisions: list[str] | None = None
) -> str:
    """One clause as a selection coded with its current labels (reviewed, else the model's) and provisions."""
    if review is not None:
        themes, stance = tuple(review["themes"]), str(review["stance"])
        user, when = users[REVIEW_USER], _stamp(review.get("created_at"))
    elif pred is not None:
        themes, stance, user, when = tuple(pred.themes), pred.stance, users[MODEL_USER], now
    else:
        return ""  # nothing to code: a selection without codings reads as a memo in QDA programs
    notes = []
    if pred is not None:
        scores = ", ".join(f"{k} {v:.2f}" for k, v in pred.theme_scores.items())
        notes.append(
            f"model {pred.model_version}: themes {scores}; stance {pred.stance} "
            f"{pred.stance_scores.get(pred.stance, 0):.2f}; {pred.explanation.summary()}"
        )
    if review is not None:
        notes.append(f"nagekeken door {review.get('annotator', '')} ({review.get('source', 'review')})")
    notes.append(export_tag(c.clause_id, themes, stance))
    parts = [
        f'<PlainTextSelection guid="{guid("clause", c.clause_id)}" name="{_esc(c.clause_id)}" '
        f'startPosition="{c.start}" endPosition="{c.end}" creatingUser="{user}" creationDateTime="{when}">',
        f"<Description>{_esc(' | '.join(notes))}</Description>",
    ]
    who = "review" if review is not None else "model"
    for label in (*themes, stance):
        parts.append(
            f'<Coding guid="{guid("coding", who, c.clause_id, label)}" creatingUser="{user}" creationDateTime="{when}">'
            f'<CodeRef targetGUID="{code_guid(label)}"/></Coding>'
        )
    for p in provisions or ():
        parts.append(
            f'<Coding guid="{guid("coding", "checklist", c.clause_id, p)}" creatingUser="{users[MODEL_USER]}" '
            f'creationDateTime="{now}"><CodeRef targetGUID="{provision_guid(p)}"/></Coding>'
        )
    parts.append("</PlainTextSelection>")
    return "".join(parts)


def export(store: Store, path: str | Path, checklist: tuple[list[Provision], list[Finding]] | None = None) -> Path:
    """Write the store as a ``.qdpx`` project (zip with ``project.qde`` and the sources).

    ``checklist`` (provisions and findings) adds the provisions as theme sub-codes with their evidence.
    """
    path = Path(path)
    xml, sources = project_xml(store, checklist)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("project.qde", xml)
        for name, text in sources.items():
            z.writestr(name, text)
    return path
