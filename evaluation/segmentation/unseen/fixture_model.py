"""Document model shared by the fixture texts and the renderers.

A document is a list of blocks. The gold clause list and the rendered PDF/DOCX are both
derived from these blocks, so they cannot drift apart:

- ``H``: a heading (never a clause; it becomes part of the section path);
- ``P``: a paragraph of sentences (each sentence is one clause);
- ``L``: a list; optional sentences (``pre``) and a lead-in (``lead``, ends in ":") are
  rendered as one paragraph before the items; each item is one clause, the lead-in is not;
- ``Art``: an article with a heading and leden; a lid is one clause, unless it is a ``Sub``
  (a lead-in plus sub-items), in which case each sub-item is a clause;
- ``Fig``, ``Refs``, ``Url``: figure with caption and source line, reference list, bare URL
  (none of them are clauses).

Inside sentence strings, ``[^n]`` marks a footnote reference; it is rendered as a superscript
number and removed from the gold text. Footnote bodies live in ``Doc.footnotes``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

FN_RE = re.compile(r"\[\^(\d+)\]")


@dataclass
class H:
    level: int
    text: str


@dataclass
class P:
    sents: list[str]


@dataclass
class L:
    items: list[str]
    lead: str | None = None
    pre: list[str] = field(default_factory=list)
    kind: str = "bullet"  # bullet | number | alpha | degree


@dataclass
class Sub:
    lead: str
    items: list[str]
    kind: str = "alpha"  # alpha | degree
    auto: bool = False  # DOCX only: Word auto-numbering instead of typed markers


@dataclass
class Art:
    title: str
    leden: list  # str | Sub


@dataclass
class Fig:
    caption: str
    source: str
    categories: list[str]
    series: dict[str, list[float]]


@dataclass
class Refs:
    title: str
    entries: list[str]


@dataclass
class Url:
    text: str


@dataclass
class Doc:
    name: str
    fmt: str  # pdf | docx
    layout: str  # renderer key
    title: str
    meta: dict
    title_lines: list[str]
    blocks: list
    footnotes: dict[int, str] = field(default_factory=dict)
    subdir: str = ""
    lid_marker: str = "number"  # number ("1.") | para ("§1.")


def marker(kind: str, i: int) -> str:
    """Visible list/lid marker for item ``i`` (0-based)."""
    if kind == "bullet":
        return "•"
    if kind == "number":
        return f"{i + 1}."
    if kind == "alpha":
        return f"{'abcdefghijklmnopqrstuvwxyz'[i]}."
    if kind == "degree":
        return f"{i + 1}°"
    if kind == "para":
        return f"§{i + 1}."
    raise ValueError(kind)


def events(doc: Doc):
    """Yield the render/gold events of a document in reading order.

    Each event is a dict with ``type`` and, for clauses, ``cid`` (stable id ``c1``, ``c2``,
    ...), ``text`` (markup with ``[^n]``) and ``section`` (heading path joined with " > ").
    """
    n = 0
    path: list[str] = []

    def section() -> str:
        return " > ".join(path)

    def nid() -> str:
        nonlocal n
        n += 1
        return f"c{n}"

    for b in doc.blocks:
        if isinstance(b, H):
            del path[b.level - 1 :]
            path.append(b.text)
            yield {"type": "heading", "level": b.level, "text": b.text}
        elif isinstance(b, P):
            yield {
                "type": "para",
                "sents": [(nid(), s) for s in b.sents],
                "lead": None,
                "section": section(),
            }
        elif isinstance(b, L):
            if b.pre or b.lead:
                yield {
                    "type": "para",
                    "sents": [(nid(), s) for s in b.pre],
                    "lead": b.lead,
                    "section": section(),
                    "before_list": True,
                }
            yield {"type": "list_start", "kind": b.kind}
            for i, it in enumerate(b.items):
                yield {
                    "type": "item",
                    "kind": b.kind,
                    "index": i,
                    "marker": marker(b.kind, i),
                    "cid": nid(),
                    "text": it,
                    "section": section(),
                    "depth": 0,
                }
            yield {"type": "list_end"}
        elif isinstance(b, Art):
            del path[1:]
            path.append(b.title)
            yield {"type": "heading", "level": 2, "text": b.title, "article": True}
            many = len(b.leden) > 1
            for i, lid in enumerate(b.leden):
                mk = marker(doc.lid_marker, i) if many else ""
                if isinstance(lid, Sub):
                    yield {"type": "lidlead", "marker": mk, "text": lid.lead}
                    yield {"type": "list_start", "kind": lid.kind, "auto": lid.auto}
                    for j, it in enumerate(lid.items):
                        yield {
                            "type": "item",
                            "kind": lid.kind,
                            "index": j,
                            "marker": marker(lid.kind, j),
                            "cid": nid(),
                            "text": it,
                            "section": section(),
                            "depth": 1 if many else 0,
                            "auto": lid.auto,
                        }
                    yield {"type": "list_end"}
                else:
                    yield {
                        "type": "lid",
                        "marker": mk,
                        "cid": nid(),
                        "text": lid,
                        "section": section(),
                    }
        elif isinstance(b, Fig):
            yield {"type": "fig", "fig": b}
        elif isinstance(b, Refs):
            yield {"type": "refs", "refs": b}
        elif isinstance(b, Url):
            yield {"type": "url", "text": b.text}
        else:
            raise TypeError(b)


def plain(text: str) -> str:
    """Gold text of a clause: the source text without footnote markers."""
    return FN_RE.sub("", text)


def gold_clauses(doc: Doc) -> list[dict]:
    """The gold clauses (cid, text, section) of a document in order."""
    out = []
    for ev in events(doc):
        if ev["type"] == "para":
            for cid, s in ev["sents"]:
                out.append({"cid": cid, "text": plain(s), "section": ev["section"]})
        elif ev["type"] in ("item", "lid"):
            out.append({"cid": ev["cid"], "text": plain(ev["text"]), "section": ev["section"]})
    return out


def check_doc(doc: Doc) -> None:
    """Sanity checks on the source data (clean clause texts, footnote numbering)."""
    seen_fn = []
    for c in gold_clauses(doc):
        t = c["text"]
        assert t == t.strip() and "  " not in t and "\n" not in t, (doc.name, t)
        assert len(t.split()) >= 4, (doc.name, "fragment under 4 words", t)
        assert t[-1] in ".;?!”’", (doc.name, "no final punctuation", t)
    for ev in events(doc):
        texts = []
        if ev["type"] == "para":
            texts = [s for _, s in ev["sents"]]
        elif ev["type"] in ("item", "lid"):
            texts = [ev["text"]]
        for s in texts:
            seen_fn += [int(m) for m in FN_RE.findall(s)]
    assert seen_fn == sorted(doc.footnotes) == list(range(1, len(seen_fn) + 1)), (
        doc.name,
        seen_fn,
    )
