"""Remove page furniture from the raw lines of line-based sources (PDF and plain text).

Page furniture is everything on a page that is not the document's running text: page
numbers, running headers and footers, footnote bodies, bare URL lines, captions and
table-of-contents lines. Each rule is a small function over :class:`Line` lists; ``strip``
applies them in order. The rules use page positions when pages are known (PDF) and fall back
to repetition and numbering evidence in plain text without page breaks.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from nlp.resources import (
    BARE_URL_RE,
    CAPTION_RE,
    FOOTNOTE_START_RE,
    HEADER_MAX_WORDS,
    HEADER_MIN_REPEATS,
    HEADER_MIN_SHARE,
    HEADER_ZONE_LINES,
    PAGE_NUMBER_RE,
    PIPE_ROW_RE,
    PIPE_SEPARATOR_RE,
    TABLE_CELL_MIN_WORDS,
    TOC_LINE_RE,
)


@dataclass(frozen=True)
class Line:
    """One raw line: its page (1-based, or None), text without outer spaces, and indent."""

    page: int | None
    text: str
    indent: int = 0

    @property
    def blank(self) -> bool:
        """Whether the line holds no text."""
        return not self.text


def strip(lines: list[Line], n_pages: int) -> list[Line]:
    """Apply every furniture rule in order and return the remaining lines.

    Args:
        lines: Raw lines of the whole document, in reading order.
        n_pages: Number of pages the lines come from (1 for plain text without page breaks).

    Returns:
        The lines without furniture; blank lines are kept (they carry layout).
    """
    lines = unpipe_tables(lines)
    lines = remove_running_headers(lines, n_pages)
    lines = remove_page_numbers(lines, n_pages)
    lines = remove_footnotes(lines, n_pages)
    lines = remove_urls(lines)
    lines = remove_captions_and_toc(lines)
    lines = remove_table_residue(lines)
    return lines


def unpipe_tables(lines: list[Line]) -> list[Line]:
    """Dissolve Markdown pipe tables: keep statement-sized cells as paragraphs, drop the rest.

    A glossary row "| Wachttijd | De eerste twee jaar betaalt je werkgever ... |" keeps its
    explanation as a clause; salary grids, separators and short cells disappear.
    """
    out: list[Line] = []
    for line in lines:
        if PIPE_SEPARATOR_RE.match(line.text) and "|" in line.text:
            continue
        if not PIPE_ROW_RE.match(line.text):
            out.append(line)
            continue
        for cell in line.text.strip().strip("|").split("|"):
            cell = cell.strip()
            words = cell.split()
            numeric = sum(any(ch.isdigit() for ch in w) for w in words)
            if len(words) >= TABLE_CELL_MIN_WORDS and numeric * 4 < len(words):
                out += [Line(line.page, ""), replace(line, text=cell), Line(line.page, "")]
    return out


def _zone_indices(lines: list[Line], n_pages: int) -> set[int]:
    """Indices of the first and last few non-blank lines of every page."""
    by_page: dict[int | None, list[int]] = {}
    for i, line in enumerate(lines):
        if not line.blank:
            by_page.setdefault(line.page, []).append(i)
    zone: set[int] = set()
    for idx in by_page.values():
        zone.update(idx[:HEADER_ZONE_LINES])
        zone.update(idx[-HEADER_ZONE_LINES:])
    return zone


def _header_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower()).strip()


def remove_running_headers(lines: list[Line], n_pages: int) -> list[Line]:
    """Remove short lines that repeat on many pages (running headers and footers).

    With pages, a line counts when it repeats in the top or bottom zone of at least
    ``HEADER_MIN_SHARE`` of the pages. Without pages, a short line that is not a sentence and
    repeats at least ``HEADER_MIN_REPEATS`` times anywhere is furniture.
    """
    candidates = [
        i
        for i, line in enumerate(lines)
        if not line.blank
        and len(line.text.split()) <= HEADER_MAX_WORDS
        and not line.text.endswith((".", ":", ";", ","))
    ]
    if n_pages > 1:
        zone = _zone_indices(lines, n_pages)
        pages_with: dict[str, set[int | None]] = {}
        for i in candidates:
            if i in zone:
                pages_with.setdefault(_header_key(lines[i].text), set()).add(lines[i].page)
        least = HEADER_MIN_REPEATS if n_pages > 5 else 2
        need = max(least, int(HEADER_MIN_SHARE * n_pages + 0.999))
        bad = {k for k, pages in pages_with.items() if len(pages) >= need and k.strip("# ")}
        drop = {i for i in candidates if i in zone and _header_key(lines[i].text) in bad}
    else:
        counts = Counter(_header_key(lines[i].text) for i in candidates)
        bad = {k for k, c in counts.items() if c >= HEADER_MIN_REPEATS and len(k) > 3 and k.strip("# ")}
        drop = {i for i in candidates if _header_key(lines[i].text) in bad}
    return [line for i, line in enumerate(lines) if i not in drop]


def _next_text(lines: list[Line], i: int) -> Line | None:
    for j in range(i + 1, min(len(lines), i + 6)):
        if not lines[j].blank:
            return lines[j]
    return None


def _looks_like_heading_text(text: str, stops: tuple[str, ...] = (".", ";", ",")) -> bool:
    words = text.split()
    return 0 < len(words) <= 12 and not text.rstrip().endswith(stops) and text[:1].isupper()


def remove_page_numbers(lines: list[Line], n_pages: int) -> list[Line]:
    """Remove page-number lines ("12", "- 12 -", "pagina 3 van 10", "3/10").

    With pages, only lines in a page's top or bottom zone are page numbers. A bare number
    followed by a heading-like line is a heading number and is kept ("1" + "Inkomensontwikkeling").
    """
    zone = _zone_indices(lines, n_pages) if n_pages > 1 else None
    out: list[Line] = []
    for i, line in enumerate(lines):
        if not line.blank and PAGE_NUMBER_RE.match(line.text):
            in_zone = zone is None or i in zone
            nxt = _next_text(lines, i)
            heading_number = (
                line.text.strip().isdigit()
                and nxt is not None
                and nxt.page == line.page
                and _looks_like_heading_text(nxt.text)
                and not (zone is not None and i in zone and _is_last_on_page(lines, i))
            )
            if in_zone and not heading_number:
                continue
        out.append(line)
    return out


def _is_last_on_page(lines: list[Line], i: int) -> bool:
    page = lines[i].page
    return all(lines[j].blank or lines[j].page != page for j in range(i + 1, len(lines)))


_GLUED_REF = r"(?<!\d[.,])(?:(?<=[A-Za-zÀ-ÿ\)\]’”\"'.,;:%])|(?<=(?:19|20)\d\d))"


def _has_reference(text: str, num: int) -> bool:
    return re.search(_GLUED_REF + rf"{num}(?=[\s.,;:)’”]|$)", text) is not None


def _strip_reference(lines: list[Line], upto: int, num: int, page: int | None) -> None:
    """Remove the glued footnote reference ``num`` from the closest body line before ``upto``."""
    pattern = re.compile(_GLUED_REF + rf"{num}(?=[\s.,;:)’”]|$)")
    for j in range(upto - 1, max(-1, upto - 400), -1):
        line = lines[j]
        if line.blank or (page is not None and line.page != page):
            continue
        matches = list(pattern.finditer(line.text))
        if matches:
            m = matches[-1]
            lines[j] = replace(line, text=line.text[: m.start()] + line.text[m.end() :])
            return


def remove_footnotes(lines: list[Line], n_pages: int) -> list[Line]:
    r"""Remove footnote bodies and the reference numbers glued to words in the text.

    A footnote starts with its number ("1  Website: ...", "2\\tDe monitor ..."), numbers run
    up through the document, and the running text holds the number glued to a word
    ("werkbaarheidsmonitor2"). With pages the footnote must sit in the lower part of its page
    and runs to the page end; without pages it runs until a page-start line (leading single
    space, as pdftotext leaves it), a blank line followed by running text, or the next
    footnote.
    """
    lines = list(lines)
    expected = 1
    drop: set[int] = set()
    page_rank = _page_ranks(lines) if n_pages > 1 else None
    i = 0
    while i < len(lines):
        line = lines[i]
        m = None if line.blank else FOOTNOTE_START_RE.match(line.text)
        if m:
            num = int(m.group("num"))
            body = m.group("body")
            ok_number = expected <= num <= expected + 2
            prev = next((lines[j] for j in range(i - 1, max(-1, i - 4), -1) if not lines[j].blank), None)
            prev_is_list = prev is not None and re.match(rf"^\(?{num - 1}[.)\s]", prev.text) is not None
            heading = _looks_like_heading_text(body, (".", ";", ",", ":"))
            long_enough = "http" in body or "www." in body or (len(body.split()) >= 3 and not heading)
            low_on_page = page_rank[i] >= 0.5 if page_rank is not None else True
            context = " ".join(lines[j].text for j in range(max(0, i - 300), i) if not lines[j].blank)
            if (
                ok_number
                and not prev_is_list
                and long_enough
                and low_on_page
                and _has_reference(context, num)
            ):
                end = _footnote_end(lines, i, n_pages)
                drop.update(range(i, end))
                _strip_reference(lines, i, num, line.page if n_pages > 1 else None)
                expected = num + 1
                i = end
                continue
        i += 1
    return [line for k, line in enumerate(lines) if k not in drop]


def _page_ranks(lines: list[Line]) -> list[float]:
    """Relative position (0 = top, 1 = bottom) of each line among its page's non-blank lines."""
    by_page: dict[int | None, list[int]] = {}
    for i, line in enumerate(lines):
        if not line.blank:
            by_page.setdefault(line.page, []).append(i)
    rank = [0.0] * len(lines)
    for idx in by_page.values():
        n = max(1, len(idx) - 1)
        for r, i in enumerate(idx):
            rank[i] = r / n
    return rank


def _footnote_end(lines: list[Line], start: int, n_pages: int) -> int:
    """Index just past the footnote that starts at ``start``."""
    page = lines[start].page
    num = int(FOOTNOTE_START_RE.match(lines[start].text).group("num"))  # type: ignore[union-attr]
    if n_pages > 1:
        j = start + 1
        while j < len(lines) and lines[j].page == page:
            j += 1
        return j
    j = start + 1
    seen = 1
    while j < len(lines) and seen < 8:
        line = lines[j]
        if line.blank:
            j += 1
            continue
        if line.indent == 1:  # pdftotext page start
            break
        nxt = FOOTNOTE_START_RE.match(line.text)
        if nxt and int(nxt.group("num")) == num + 1:
            break
        if j > start + 1 and lines[j - 1].blank and not BARE_URL_RE.match(line.text):
            prev_text = next(lines[k].text for k in range(j - 1, start - 1, -1) if not lines[k].blank)
            if prev_text.endswith((".", "!", "?")) or line.text[:1].isupper():
                break
        seen += 1
        j += 1
    return j


def remove_urls(lines: list[Line]) -> list[Line]:
    """Remove lines that hold only a URL, and the broken-off tail of such a URL."""
    out: list[Line] = []
    skip_tail = False
    for line in lines:
        if skip_tail and not line.blank and " " not in line.text and not line.text[:1].isupper():
            skip_tail = False
            continue
        skip_tail = False
        if not line.blank and BARE_URL_RE.match(line.text):
            skip_tail = line.text.rstrip().endswith(("-", "/", ".", "_"))
            continue
        out.append(line)
    return out


def remove_captions_and_toc(lines: list[Line]) -> list[Line]:
    """Remove figure/table captions (with their wrapped tail), source lines and TOC lines."""
    out: list[Line] = []
    in_caption = False
    for line in lines:
        if line.blank:
            in_caption = False
            out.append(line)
            continue
        if in_caption and line.text[:1].islower():
            continue
        in_caption = bool(CAPTION_RE.match(line.text)) and len(line.text.split()) <= 20
        if in_caption or TOC_LINE_RE.match(line.text):
            continue
        out.append(line)
    return out


def _cell_like(text: str) -> bool:
    return len(text.split()) <= 3 and not text.endswith((".", "?", "!", ":", ";", ","))


def remove_table_residue(lines: list[Line], min_run: int = 4) -> list[Line]:
    """Remove runs of short cell-like lines, half of them numeric (flattened tables and charts)."""
    drop: set[int] = set()
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and not lines[j].blank and _cell_like(lines[j].text):
            j += 1
        run = range(i, j)
        if len(run) >= min_run and sum(any(ch.isdigit() for ch in lines[k].text) for k in run) * 2 >= len(
            run
        ):
            drop.update(run)
        i = max(j, i + 1)
    return [line for k, line in enumerate(lines) if k not in drop]
