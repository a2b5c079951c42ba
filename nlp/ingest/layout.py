"""Turn the lines of a line-based source into blocks: headings, paragraphs and list items.

PDF text has no paragraph markup: lines are hard-wrapped, words are hyphenated across lines,
some documents are double-spaced (a blank line after every text line), bullets and numbers
start list items, and headings are short lines without final punctuation. ``build_blocks``
reads these cues; ``Hyphenation`` decides whether a line-end hyphen is a word break or a real
compound hyphen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.ingest.furniture import Line
from nlp.ingest.hyphens import Hyphenation
from nlp.records import RawBlock
from nlp.resources import (
    ARTICLE_HEADING_RE,
    BULLET,
    BULLET_GLYPHS,
    DASH_BULLETS,
    FUNCTION_WORDS,
    HEADING_LEVELS,
    LID_RE,
    LIST_MARKER_RE,
    SECTION_NUMBER_RE,
    UNWRAPPED_LINE_CHARS,
)

TERMINAL = (".", "!", "?", ":", ";", "…")
_NUMBER_ONLY = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXLC]+\.?)$")


def is_double_spaced(lines: list[Line]) -> bool:
    """Whether most text lines are followed by exactly one blank line.

    Text with one unwrapped paragraph per line (many lines longer than a printed line) has the
    same pattern but is not double-spaced: there every blank line ends a block.
    """
    text_idx = [i for i, ln in enumerate(lines) if not ln.blank]
    if len(text_idx) < 20:
        return False
    if sum(len(lines[i].text) > UNWRAPPED_LINE_CHARS for i in text_idx) >= 0.2 * len(text_idx):
        return False
    single = sum(1 for i in text_idx if i + 2 < len(lines) and lines[i + 1].blank and not lines[i + 2].blank)
    return single / len(text_idx) >= 0.6


def _heading_level(text: str) -> int:
    m = ARTICLE_HEADING_RE.match(text)
    if m:
        return HEADING_LEVELS.get(m.group("kw").lower(), 4)
    m = SECTION_NUMBER_RE.match(text) or re.match(r"^(?P<num>\d{1,2}(?:\.\d{1,2})*)\.?$", text)
    if m:
        return m.group("num").count(".") + 1
    return 9


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) / len(letters) > 0.8


def heading_like(text: str, max_words: int = 14) -> bool:
    """Whether a line could be a heading: short, capitalised, no sentence punctuation at the end."""
    words = text.split()
    if not words or len(words) > (max_words + 8 if _is_caps(text) else max_words):
        return False
    if text.endswith((".", ";", ",", ":", "…")) and not _NUMBER_ONLY.match(text):
        return False
    first = text[0]
    return first.isupper() or first.isdigit() or first in "§“\"'‘("


def _title_line(text: str, nxt: Line | None) -> bool:
    """Whether a line reads as a title: it ends in a content word and the next line is capitalised.

    Running text wraps after function words ("de", "van", "en"); titles rarely end in one.
    """
    return nxt is not None and nxt.text[:1].isupper() and text.split()[-1].lower() not in FUNCTION_WORDS


def _starts_sentence(text: str) -> bool:
    return bool(text) and (text[0].isupper() or text[0].isdigit() or text[0] in "“\"'‘(§" + BULLET_GLYPHS)


@dataclass
class _Open:
    kind: str
    lines: list[str]
    page: int | None
    marker: str = ""
    level: int = 0
    last_len: int = 0

    @property
    def last(self) -> str:
        return self.lines[-1] if self.lines else ""


def build_blocks(lines: list[Line], fmt: str = "pdf") -> list[RawBlock]:
    """Group furniture-free lines into heading, paragraph and item blocks.

    Args:
        lines: Lines after :func:`nlp.ingest.furniture.strip`.
        fmt: Source format ("pdf" or "txt"); plain text keeps indentation cues.

    Returns:
        Blocks in reading order, each with its text on one line.
    """
    return _tidy(_BlockBuilder(lines, fmt).run())


class _BlockBuilder:
    """The line-by-line state of :func:`build_blocks`: the open block and the blocks so far."""

    def __init__(self, lines: list[Line], fmt: str) -> None:
        self.lines = lines
        self.fmt = fmt
        self.hyph = Hyphenation.from_lines(lines)
        self.double = is_double_spaced(lines)
        lengths = sorted(len(ln.text) for ln in lines if not ln.blank)
        full = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 80
        self.short_len = 0.8 * full if full < 200 else 60
        self.blocks: list[RawBlock] = []
        self.cur: _Open | None = None

    def flush(self) -> None:
        """Close the open block (joining its lines, deciding line-end hyphens)."""
        cur = self.cur
        if cur is not None and cur.lines:
            text = cur.lines[0]
            for nxt in cur.lines[1:]:
                text = self.hyph.join(text, nxt) if text.endswith("-") else text + " " + nxt
            text = " ".join(text.split())
            if text:
                self.blocks.append(
                    RawBlock(cur.kind, text, page=cur.page, marker=cur.marker, level=cur.level)
                )  # type: ignore[arg-type]
        self.cur = None

    def start(self, kind: str, text: str, page: int | None, marker: str = "", level: int = 0) -> None:
        """Close the open block and open a new one."""
        self.flush()
        self.cur = _Open(kind, [text], page, marker, level, len(text))

    def extend(self, text: str) -> None:
        """Add a line to the open block."""
        assert self.cur is not None
        self.cur.lines.append(text)
        self.cur.last_len = len(text)

    def run(self) -> list[RawBlock]:
        """Read every line; return the blocks (before :func:`_tidy`)."""
        blank_run = 0
        text_lines = list(enumerate(self.lines))
        for pos, (_i, line) in enumerate(text_lines):
            if line.blank:
                blank_run += 1
                continue
            hard = blank_run > 0 and (not self.double or blank_run >= 2)
            blank_run = 0
            nxt = next((ln for _, ln in text_lines[pos + 1 : pos + 4] if not ln.blank), None)
            self._line(line, nxt, hard)
        self.flush()
        return self.blocks

    def _line(self, line: Line, nxt: Line | None, hard: bool) -> None:
        """Place one line: continue the open block, or start a heading, item or paragraph."""
        cur, text = self.cur, line.text
        ended = cur is None or cur.kind == "heading" or cur.last.endswith(TERMINAL)
        page_start = cur is not None and line.page != cur.page
        # A sentence running on across a page break or removed furniture.
        if cur is not None and cur.kind != "heading" and not ended and text[:1].islower():
            self.extend(text)
            return
        boundary = cur is None or hard or ended or page_start
        if (boundary or not ended) and self._structure(line, nxt, hard, ended, boundary):
            return
        if cur is not None and not hard and not ended and not self._heading_then_sentence(text):
            self.extend(text)
            return
        if (
            cur is not None
            and cur.kind == "item"
            and not hard
            and cur.last_len >= self.short_len
            and not page_start
        ):
            self.extend(text)
            return
        if (
            heading_like(text)
            and (len(text) < self.short_len or hard or nxt is None or _title_line(text, nxt))
            and (nxt is None or _starts_sentence(nxt.text) or LIST_MARKER_RE.match(nxt.text))
            and not (cur is not None and cur.last.endswith(":"))
        ):
            self.start("heading", text, line.page, level=_heading_level(text))
            return
        if (
            cur is not None
            and cur.kind == "paragraph"
            and not hard
            and not page_start
            and cur.last_len >= self.short_len
        ):
            self.extend(text)
            return
        self.start("paragraph", text, line.page)

    def _heading_then_sentence(self, text: str) -> bool:
        """Whether the open block is a heading (or a heading-like line) that ``text`` does not continue."""
        cur = self.cur
        assert cur is not None
        return cur.kind == "heading" or (
            cur.kind == "paragraph"
            and len(cur.lines) == 1
            and heading_like(cur.last)
            and cur.last_len < self.short_len
            and _starts_sentence(text)
            and text[:1].isupper()
        )

    def _structure(self, line: Line, nxt: Line | None, hard: bool, ended: bool, boundary: bool) -> bool:
        """Start a block its first characters announce; return whether one was started.

        Article or section headings, numbered lids, list items and bullets.
        """
        cur, text = self.cur, line.text
        # Article and chapter headings: "Artikel 3", "Hoofdstuk 2 Definities", "§ 4".
        am = ARTICLE_HEADING_RE.match(text)
        if am and boundary and not (nxt is not None and nxt.text[:1].islower()):
            rest = text[am.end() :].strip().lstrip("–—-:. ").strip()
            if not rest or heading_like(rest, 16):
                self.start("heading", text, line.page, level=_heading_level(text))
                return True
        sm = SECTION_NUMBER_RE.match(text)
        in_list = cur is not None and (
            cur.last.endswith(":") or (cur.kind == "item" and cur.marker[:1].isdigit())
        )
        continues = nxt is not None and nxt.text[:1].islower()
        if sm and boundary and not in_list and not continues:
            rest = text[sm.end() :]
            multi_level = "." in sm.group("num")
            titled = _title_line(rest, nxt) and not LIST_MARKER_RE.match(nxt.text)  # type: ignore[union-attr]
            if heading_like(rest, 14) and (multi_level or not sm.group(0).rstrip().endswith(".") or titled):
                self.start("heading", text, line.page, level=_heading_level(text))
                return True
        if boundary and _NUMBER_ONLY.match(text) and nxt is not None and heading_like(nxt.text):
            self.start("heading", text, line.page, level=_heading_level(text))
            return True
        lid = LID_RE.match(text)
        if lid and lid.group("lid") and boundary:
            self.start("item", text[lid.end() :], line.page, lid.group("lid") + ".", 1)
            return True
        lm = LIST_MARKER_RE.match(text)
        if lm and boundary:
            marker = lm.group("marker")
            if marker not in DASH_BULLETS or hard or ended or (cur is not None and cur.kind == "item"):
                glyph = BULLET if marker in BULLET_GLYPHS else marker
                self.start("item", text[lm.end() :], line.page, glyph, 1)
                return True
        if text[:1] in BULLET_GLYPHS and len(text) > 1:
            self.start("item", text[1:].strip(), line.page, BULLET, 1)
            return True
        if (
            self.fmt == "txt"
            and 1 <= line.indent <= 3
            and _starts_sentence(text)
            and cur is not None
            and ((cur.kind == "item" and cur.marker == BULLET) or cur.last.endswith(":"))
            and (ended or hard)
        ):
            self.start("item", text, line.page, BULLET, 1)
            return True
        return False


def _tidy(blocks: list[RawBlock]) -> list[RawBlock]:
    """Block-level fixes once all blocks are known.

    - a paragraph without final punctuation and of heading length is a heading (titles that
      wrap over several lines);
    - a short numbered "item" with no final punctuation followed by running text, outside a
      list, is a numbered heading ("1. Maak van werknemersparticipatie de norm");
    - a short line ending in ":" followed by a heading is a heading, not a lead-in;
    - a heading that is only a number ("1.1", "Artikel 3") absorbs the title that follows.
    """
    blocks = [
        RawBlock("heading", b.text, b.page, level=_heading_level(b.text))
        if b.kind == "paragraph"
        and not b.text.endswith((*TERMINAL, ")", "”", '"', "’"))
        and heading_like(b.text, 20)
        else b
        for b in blocks
    ]
    out: list[RawBlock] = []
    n = len(blocks)
    for i, b in enumerate(blocks):
        nxt = blocks[i + 1] if i + 1 < n else None
        prev = out[-1] if out else None
        if (
            b.kind == "item"
            and b.marker[:1].isdigit()
            and heading_like(b.text, 12)
            and nxt is not None
            and nxt.kind == "paragraph"
            and not (
                prev is not None
                and (prev.text.endswith(":") or (prev.kind == "item" and prev.marker[:1].isdigit()))
            )
        ):
            text = f"{b.marker} {b.text}"
            b = RawBlock("heading", text, b.page, level=_heading_level(text))
        elif (
            b.kind == "paragraph"
            and b.text.endswith(":")
            and len(b.text.split()) <= 10
            and nxt is not None
            and nxt.kind == "heading"
        ):
            b = RawBlock("heading", b.text.rstrip(":"), b.page, level=9)
        if (
            b.kind == "heading"
            and prev is not None
            and prev.kind == "heading"
            and (
                _NUMBER_ONLY.match(prev.text)
                or (ARTICLE_HEADING_RE.fullmatch(prev.text.rstrip(".:")) is not None)
            )
            and len(b.text.split()) <= 16
        ):
            out[-1] = RawBlock("heading", f"{prev.text} {b.text}", prev.page, level=prev.level)
            continue
        out.append(b)
    return out


def to_lines(pages: tuple[str, ...] | list[str], *, paged: bool | None = None) -> list[Line]:
    """Split pages into :class:`Line` records, keeping each line's indentation.

    Args:
        pages: Raw page texts.
        paged: Whether the pages are real pages (PDF); default: when there is more than one.
    """
    out: list[Line] = []
    multi = len(pages) > 1 if paged is None else paged
    for p, page in enumerate(pages, start=1):
        for raw in page.split("\n"):
            raw = raw.rstrip()
            stripped = raw.lstrip(" ")
            out.append(Line(p if multi else None, " ".join(stripped.split()), len(raw) - len(stripped)))
        out.append(Line(p if multi else None, "", 0))
    return out
