"""Document model of the blind test set.

Both the rendered file and the gold clause list are derived from the same blocks by
``walk()``, so they cannot drift apart. Clause rules (evaluation/segmentation/GUIDELINES.md):

- ``P``: running text; every sentence is one clause;
- ``Lst``: a list; ``pre`` sentences (same paragraph as the lead-in) are clauses, the lead-in
  (ends in ":") is not, every item is one clause;
- ``Art``: an article heading (not a clause) with leden; a lid string is one clause however
  many sentences it has; a ``Sub`` lid is a lead-in (not a clause) plus items (clauses);
  a lid may also be an ``Lst``;
- ``H``, ``Fig``, ``Table``, ``Refs``: headings, figure + caption, table cells + caption +
  source line, reference list: never clauses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

FN_RE = re.compile(r"\[fn (\d+)\]")


@dataclass
class H:
    level: int
    text: str


@dataclass
class P:
    sents: list[str]
    joins: dict[int, str] = field(default_factory=dict)  # index -> separator before that sentence


@dataclass
class Lst:
    items: list[str]
    lead: str | None = None
    pre: list[str] = field(default_factory=list)
    marker: str = "▪"  # "▪", "–", "bullet" (Word bullet style), "number"


@dataclass
class Sub:
    lead: str
    items: list[str]
    kind: str = "alpha"  # alpha ("a.") | degree ("1°")
    auto: bool = False  # DOCX: Word numbering instead of typed markers


@dataclass
class Art:
    title: str
    leden: list
    marker: str = "num"  # num ("1.") | para ("§1.")


@dataclass
class Fig:
    caption: str
    labels: list[str]


@dataclass
class Table:
    caption: str
    rows: list[list[str]]
    source: str


@dataclass
class Refs:
    title: str
    entries: list[str]


@dataclass
class DocSpec:
    name: str
    fmt: str
    title: str
    running: str
    title_lines: list[str]
    meta: dict
    blocks: list
    footnotes: dict[int, str] = field(default_factory=dict)


def plain(s: str) -> str:
    """Gold text: the source string without footnote markers."""
    return FN_RE.sub("", s)


def lid_marker(kind: str, i: int) -> str:
    return {"num": f"{i + 1}.", "para": f"§{i + 1}.", "alpha": f"{'abcdefghij'[i]}.", "degree": f"{i + 1}°"}[
        kind
    ]


def walk(doc: DocSpec):
    """Yield render events in reading order; clause-bearing events carry ``cid`` and ``section``."""
    n = 0
    path: list[str] = []

    def nid():
        nonlocal n
        n += 1
        return f"c{n}"

    def sec():
        return " > ".join(path)

    def lst_events(b: Lst, depth: int, lid_mk: str | None):
        if b.pre or b.lead:
            yield {
                "type": "para",
                "sents": [(nid(), s) for s in b.pre],
                "joins": {},
                "lead": b.lead,
                "section": sec(),
                "before_list": True,
                "lid_marker": lid_mk,
            }
        yield {"type": "list_start", "marker": b.marker}
        for i, it in enumerate(b.items):
            mk = {"number": f"{i + 1}.", "bullet": "•"}.get(b.marker, b.marker)
            yield {
                "type": "item",
                "marker": mk,
                "list": b.marker,
                "index": i,
                "cid": nid(),
                "text": it,
                "section": sec(),
                "depth": depth,
            }
        yield {"type": "list_end"}

    for b in doc.blocks:
        if isinstance(b, H):
            del path[b.level - 1 :]
            path.append(b.text)
            yield {"type": "heading", "level": b.level, "text": b.text}
        elif isinstance(b, P):
            yield {
                "type": "para",
                "sents": [(nid(), s) for s in b.sents],
                "joins": b.joins,
                "lead": None,
                "section": sec(),
            }
        elif isinstance(b, Lst):
            yield from lst_events(b, 0, None)
        elif isinstance(b, Art):
            del path[1:]
            path.append(b.title)
            yield {"type": "heading", "level": 2, "text": b.title, "article": True}
            many = len(b.leden) > 1
            for i, lid in enumerate(b.leden):
                mk = lid_marker(b.marker, i) if many else None
                if isinstance(lid, Sub):
                    yield {"type": "lidlead", "marker": mk, "text": lid.lead}
                    yield {"type": "list_start", "marker": lid.kind, "auto": lid.auto}
                    for j, it in enumerate(lid.items):
                        yield {
                            "type": "item",
                            "marker": lid_marker(lid.kind, j),
                            "list": lid.kind,
                            "index": j,
                            "cid": nid(),
                            "text": it,
                            "section": sec(),
                            "depth": 1 if many else 0,
                            "auto": lid.auto,
                        }
                    yield {"type": "list_end"}
                elif isinstance(lid, Lst):
                    yield from lst_events(lid, 1 if many else 0, mk)
                else:
                    yield {"type": "lid", "marker": mk, "cid": nid(), "text": lid, "section": sec()}
            del path[1:]
        elif isinstance(b, Fig):
            yield {"type": "fig", "fig": b}
        elif isinstance(b, Table):
            yield {"type": "table", "table": b}
        elif isinstance(b, Refs):
            yield {"type": "refs", "refs": b}
        else:
            raise TypeError(b)


def clauses(doc: DocSpec) -> list[dict]:
    """Gold clauses (cid, source text, gold text, section) in document order."""
    out = []
    for ev in walk(doc):
        if ev["type"] == "para":
            for cid, s in ev["sents"]:
                out.append({"cid": cid, "src": s, "text": plain(s), "section": ev["section"]})
        elif ev["type"] in ("item", "lid"):
            out.append(
                {"cid": ev["cid"], "src": ev["text"], "text": plain(ev["text"]), "section": ev["section"]}
            )
    return out


def non_clause_texts(doc: DocSpec) -> list[str]:
    """Every rendered string that is NOT a clause (used to check that the gold is complete)."""
    out = [*doc.title_lines]
    for ev in walk(doc):
        t = ev["type"]
        if t == "heading":
            out.append(ev["text"])
        elif t == "para" and ev["lead"]:
            out.append(ev["lead"])
        elif t == "lidlead":
            out.append(ev["text"])
        elif t == "fig":
            out += [ev["fig"].caption, *ev["fig"].labels]
        elif t == "table":
            out += [ev["table"].caption, ev["table"].source, *[c for r in ev["table"].rows for c in r]]
        elif t == "refs":
            out += [ev["refs"].title, *ev["refs"].entries]
    return out


ABBREV = (
    "bv.",
    "bijv.",
    "o.a.",
    "m.b.t.",
    "nr.",
    "art.",
    "enz.",
    "e.d.",
    "i.p.v.",
    "cf.",
    "p.",
    "dhr.",
    "mevr.",
    "incl.",
    "ca.",
    "resp.",
    "etc.",
)


def check_source(doc: DocSpec) -> None:
    """Sanity checks on the source data, following GUIDELINES.md."""
    fns = []
    for c in clauses(doc):
        t = c["text"]
        assert t == t.strip() and "  " not in t and "\n" not in t, (doc.name, t)
        assert len(t.split()) >= 4, (doc.name, "fragment under 4 words", t)
        assert t[-1] in ".;?!", (doc.name, "no final punctuation", t)
        assert not t.endswith(":"), (doc.name, "lead-in as clause", t)
        for a in ABBREV:  # an abbreviation never ends a clause here (would be ambiguous)
            assert not t.endswith(" " + a), (doc.name, t)
        fns += [int(m) for m in FN_RE.findall(c["src"])]
    assert fns == sorted(doc.footnotes) == list(range(1, len(fns) + 1)), (doc.name, fns)
    for ev in walk(doc):
        if ev["type"] == "para" and ev["lead"]:
            assert ev["lead"].endswith(":"), ev["lead"]
        if ev["type"] == "lidlead":
            assert ev["text"].endswith(":"), ev["text"]
