#!/usr/bin/env python3
"""Generate the BLIND segmentation test set: 2 PDF + 2 DOCX documents with gold clause lists.

Usage (from the repository root)::

    .venv/bin/python evaluation/segmentation/blind/make_blind.py

Writes next to this script, for every document in ``blind_texts.DOCS``:

- ``<name>.pdf`` / ``<name>.docx``;
- ``<name>.gold.jsonl``: one ``{"text", "section", "page"}`` object per clause in document
  order, following ``evaluation/segmentation/GUIDELINES.md``; ``page`` is the 1-based page on
  which the clause starts (PDF: measured from anchors drawn during layout, then re-checked
  against the pypdf text of that page); ``null`` for DOCX;
- ``manifest.json``: metadata, page and clause counts.

After rendering, every file is verified:

- PDF: the text of each page is extracted with pypdf; running header, footer and footnote
  bodies are removed; lines are re-joined with one space; a line-end hyphen may be a soft
  break (dropped) or a real compound hyphen (kept). Every gold clause must then be found, in
  order, on its gold page, and once all clauses and all known non-clause strings (title,
  headings, lead-ins, captions, figure labels, table of contents) are removed, only list
  markers and page numbers may remain (so the gold list is complete).
- DOCX: the same two checks on the body paragraphs read with python-docx.

Output is deterministic (reportlab invariant mode, fixed DOCX timestamps).
"""

from __future__ import annotations

import io
import json
import re
import sys
import zipfile
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import pyphen  # noqa: E402
from blind_model import FN_RE, DocSpec, check_source, clauses, non_clause_texts, walk  # noqa: E402
from blind_texts import DOCS  # noqa: E402
from reportlab import rl_config  # noqa: E402

rl_config.invariant = 1

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String  # noqa: E402
from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import cm  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

PAGE_W, PAGE_H = A4
BRK = "\x00"  # marks a line-end hyphen in extracted PDF text

# --------------------------------------------------------------------------------------
# reportlab set-up
# --------------------------------------------------------------------------------------
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
for _name, _file in [
    ("DVSans", "DejaVuSans.ttf"),
    ("DVSans-Bold", "DejaVuSans-Bold.ttf"),
    ("DVSans-Oblique", "DejaVuSans-Oblique.ttf"),
]:
    pdfmetrics.registerFont(TTFont(_name, str(FONT_DIR / _file)))


def _fix_rejoin() -> None:
    """reportlab's ``_shyUnsplit(a, b)`` strips a trailing "-" of ``a`` when it rejoins a word
    that was split at a real hyphen ("AI-" + "verordening" -> "AIverordening") while re-wrapping
    a split paragraph. Rejoining must keep ``a`` unchanged for plain strings."""
    from reportlab.platypus import paragraph as rp

    orig = rp._shyUnsplit

    def fixed(s, ss=None):
        if ss is not None and not isinstance(s, rp._SHYIndexedStr) and not hasattr(ss, "_shyIndices"):
            return s + ss
        return orig(s, ss)

    rp._shyUnsplit = fixed


_fix_rejoin()

_NL = pyphen.Pyphen(lang="nl_NL")


def hyphenate_nl(word: str):
    """Dutch hyphenation points; compounds with a real hyphen only break at that hyphen."""
    if "-" in word:
        return iter(())
    return _NL.iterate(word)


class AnchorCanvas(Canvas):
    """Records the page on which each named anchor (<a name=...>) is drawn."""

    anchors: dict[str, int] = {}

    def bookmarkHorizontal(self, key, relativeX, relativeY, **kw):
        AnchorCanvas.anchors.setdefault(key, self.getPageNumber())
        return super().bookmarkHorizontal(key, relativeX, relativeY, **kw)


def markup(src: str, cid: str | None = None) -> str:
    out = escape(src)
    out = FN_RE.sub(lambda m: f'<a name="fn{m.group(1)}"/><super>{m.group(1)}</super>', out)
    return (f'<a name="{cid}"/>' if cid else "") + out


def para_markup(ev) -> str:
    parts = []
    for i, (cid, s) in enumerate(ev["sents"]):
        sep = ev["joins"].get(i, " ") if i else ""
        parts.append(sep + markup(s, cid))
    if ev["lead"]:
        parts.append((" " if parts else "") + escape(ev["lead"]))
    return "".join(parts)


# --------------------------------------------------------------------------------------
# Layout 1: union guide, two columns
# --------------------------------------------------------------------------------------
RED = colors.HexColor("#a3192b")


class GuideLayout:
    heading_room = 62
    extra_nonclause: tuple = ()
    mx = 1.6 * cm
    top = 2.0 * cm  # body starts below the running header
    bottom = 1.55 * cm
    fn_zone = 2.0 * cm
    gutter = 0.75 * cm
    band_h = 7.0 * cm  # tall title band on page 1

    def __init__(self, doc: DocSpec):
        self.doc = doc
        self.col_w = (PAGE_W - 2 * self.mx - self.gutter) / 2
        hy = {"hyphenationLang": hyphenate_nl, "embeddedHyphenation": 1, "hyphenationMinWordLength": 5}
        self.body = ParagraphStyle(
            "gbody",
            fontName="DVSans",
            fontSize=9.2,
            leading=12.3,
            alignment=TA_JUSTIFY,
            spaceAfter=5,
            allowOrphans=0,
            allowWidows=0,
            **hy,
        )
        self.h1 = ParagraphStyle(
            "gh1",
            fontName="DVSans-Bold",
            fontSize=11,
            leading=13.5,
            textColor=RED,
            spaceBefore=7,
            spaceAfter=4,
        )
        self.h2 = ParagraphStyle(
            "gh2",
            fontName="DVSans-Bold",
            fontSize=9.2,
            leading=11.5,
            spaceBefore=4,
            spaceAfter=3,
        )
        self.item = {
            "▪": ParagraphStyle(
                "gi1",
                parent=self.body,
                leftIndent=10,
                bulletIndent=1,
                spaceAfter=2,
                bulletFontName="DVSans",
                bulletFontSize=9.2,
            ),
            "–": ParagraphStyle(
                "gi2",
                parent=self.body,
                leftIndent=16,
                bulletIndent=6,
                spaceAfter=2,
                bulletFontName="DVSans",
                bulletFontSize=9.2,
            ),
        }
        self.caption = ParagraphStyle(
            "gcap",
            fontName="DVSans-Oblique",
            fontSize=7.6,
            leading=9.4,
            alignment=TA_LEFT,
            spaceBefore=2,
            spaceAfter=8,
        )
        self.fn = ParagraphStyle("gfn", fontName="DVSans", fontSize=6.8, leading=8.3, alignment=TA_LEFT)

    def templates(self, on_begin, on_end):
        y0 = self.bottom + self.fn_zone
        h = PAGE_H - self.top - y0
        x2 = self.mx + self.col_w + self.gutter
        kw = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
        first = [
            Frame(self.mx, y0, self.col_w, h - self.band_h, id="L1", **kw),
            Frame(x2, y0, self.col_w, h - self.band_h, id="R1", **kw),
        ]
        later = [Frame(self.mx, y0, self.col_w, h, id="L", **kw), Frame(x2, y0, self.col_w, h, id="R", **kw)]
        return [
            PageTemplate("first", first, onPage=on_begin, onPageEnd=on_end),
            PageTemplate("later", later, onPage=on_begin, onPageEnd=on_end),
        ]

    def header_text(self, page):
        return self.doc.running

    def footer_text(self, page, total):
        return f"- {page} -"

    def on_begin(self, canv, page, total):
        canv.saveState()
        canv.setFont("DVSans", 7.2)
        canv.setFillColor(colors.HexColor("#555555"))
        canv.drawString(self.mx, PAGE_H - 1.15 * cm, self.header_text(page))
        canv.setStrokeColor(RED)
        canv.setLineWidth(0.6)
        canv.line(self.mx, PAGE_H - 1.3 * cm, PAGE_W - self.mx, PAGE_H - 1.3 * cm)
        if page == 1:
            y = PAGE_H - self.top - self.band_h + 0.35 * cm
            canv.setFillColor(RED)
            canv.rect(self.mx, y, PAGE_W - 2 * self.mx, self.band_h - 0.45 * cm, stroke=0, fill=1)
            canv.setFillColor(colors.white)
            t = self.doc.title_lines
            # decorative network of nodes (no text)
            canv.setStrokeColor(colors.white)
            canv.setLineWidth(0.8)
            pts = [(15.2, 4.9), (16.6, 5.6), (17.4, 4.3), (16.1, 3.6), (18.2, 5.5), (17.9, 3.1)]
            for (x1, y1), (x2, y2) in zip(pts, pts[1:] + pts[:2]):
                canv.line(x1 * cm, y + y1 * cm, x2 * cm, y + y2 * cm)
            for x1, y1 in pts:
                canv.circle(x1 * cm, y + y1 * cm, 0.16 * cm, stroke=1, fill=1)
            canv.setFillColor(colors.white)
            canv.setFont("DVSans-Bold", 26)
            canv.drawString(self.mx + 0.5 * cm, y + 3.9 * cm, t[0])
            canv.setFont("DVSans", 12)
            canv.drawString(self.mx + 0.5 * cm, y + 2.9 * cm, t[1])
            canv.setFont("DVSans", 7.5)
            canv.drawString(self.mx + 0.5 * cm, y + 0.55 * cm, t[2])
        canv.restoreState()

    def on_end(self, canv, page, total, fn_pages):
        canv.saveState()
        # footnotes of this page, full width at the bottom
        nums = sorted(n for n, p in fn_pages.items() if p == page)
        if nums:
            top = self.bottom + self.fn_zone - 6
            canv.setLineWidth(0.4)
            canv.line(self.mx, top, self.mx + 3 * cm, top)
            y = top - 2
            for n in nums:
                p = Paragraph(f"<super>{n}</super> {escape(self.doc.footnotes[n])}", self.fn)
                _, hh = p.wrap(PAGE_W - 2 * self.mx, 200)
                y -= hh
                assert y > self.bottom - 4, "footnote zone overflow"
                p.drawOn(canv, self.mx, y)
                y -= 1.5
        canv.setFont("DVSans", 8)
        canv.drawCentredString(PAGE_W / 2, 0.9 * cm, self.footer_text(page, total))
        canv.restoreState()

    def story(self, toc_pages=None):
        flow: list = [NextPageTemplate("later")]
        for ev in walk(self.doc):
            t = ev["type"]
            if t == "heading":
                # like a word processor: a heading moves to the next column when fewer than ~4 lines
                # fit below it, but the paragraph after it may still be split across columns/pages
                flow.append(CondPageBreak(self.heading_room))
                flow.append(Paragraph(escape(ev["text"]), self.h1 if ev["level"] == 1 else self.h2))
            elif t == "para":
                st = self.body
                if ev.get("before_list"):
                    st = ParagraphStyle("bl", parent=st, spaceAfter=2.5, keepWithNext=1)
                flow.append(Paragraph(para_markup(ev), st))
            elif t == "item":
                flow.append(
                    Paragraph(markup(ev["text"], ev["cid"]), self.item[ev["marker"]], bulletText=ev["marker"])
                )
            elif t == "list_end":
                flow.append(Spacer(1, 3))
            elif t == "fig":
                flow.append(
                    KeepTogether(
                        [
                            Spacer(1, 3),
                            process_figure(ev["fig"], self.col_w),
                            Paragraph(escape(ev["fig"].caption), self.caption),
                        ]
                    )
                )
            elif t == "list_start":
                pass
            else:
                raise ValueError(t)
        return flow


def process_figure(fig, width: float) -> Drawing:
    """Four boxes in a row of two-by-two with arrows, inside a light frame (labels < 4 words)."""
    h = 104
    d = Drawing(width, h)
    d.add(Rect(0, 0, width, h, fillColor=colors.HexColor("#f4e6e8"), strokeColor=RED, strokeWidth=0.6))
    bw, bh = (width - 3 * 14) / 2, 30
    pos = [(14, 60), (28 + bw, 60), (28 + bw, 14), (14, 14)]
    for (x, y), label in zip(pos, fig.labels):
        d.add(Rect(x, y, bw, bh, rx=5, ry=5, fillColor=colors.white, strokeColor=RED, strokeWidth=0.8))
        d.add(
            String(
                x + bw / 2, y + bh / 2 - 3, label, fontName="DVSans-Bold", fontSize=7.6, textAnchor="middle"
            )
        )

    def arrow(x1, y1, x2, y2):
        d.add(Line(x1, y1, x2, y2, strokeColor=RED, strokeWidth=1))
        if y1 == y2:
            d.add(Polygon([x2, y2, x2 - 5, y2 + 3, x2 - 5, y2 - 3], fillColor=RED, strokeColor=RED))
        elif x1 == x2:
            d.add(Polygon([x2, y2, x2 - 3, y2 + 5, x2 + 3, y2 + 5], fillColor=RED, strokeColor=RED))
        else:
            d.add(Polygon([x2, y2, x2 + 5, y2 + 3, x2 + 5, y2 - 3], fillColor=RED, strokeColor=RED))

    arrow(14 + bw + 1, 75, 28 + bw - 1, 75)
    arrow(28 + 1.5 * bw, 59, 28 + 1.5 * bw, 45)
    d.add(Line(28 + bw - 1, 29, 14 + bw + 1, 29, strokeColor=RED, strokeWidth=1))
    d.add(Polygon([14 + bw + 1, 29, 14 + bw + 6, 32, 14 + bw + 6, 26], fillColor=RED, strokeColor=RED))
    return d


# --------------------------------------------------------------------------------------
# Layout 2: CAO, one column, table of contents
# --------------------------------------------------------------------------------------
class TocLine(Flowable):
    def __init__(self, text: str, page: int, bold: bool, indent: float, width: float):
        super().__init__()
        self.text, self.page, self.bold, self.indent, self.w = text, page, bold, indent, width

    def wrap(self, aw, ah):
        return self.w, 14.5

    def draw(self):
        c = self.canv
        font = "Times-Bold" if self.bold else "Times-Roman"
        c.setFont(font, 10)
        c.drawString(self.indent, 3, self.text)
        num = str(self.page)
        c.drawRightString(self.w, 3, num)
        x0 = self.indent + pdfmetrics.stringWidth(self.text, font, 10) + 6
        x1 = self.w - pdfmetrics.stringWidth(num, font, 10) - 6
        c.setFont("Times-Roman", 10)
        dots = int((x1 - x0) / 4.2)
        if dots > 0:
            c.drawRightString(x1, 3, ". " * dots)


class CaoLayout:
    extra_nonclause = ("Inhoud",)
    mx = 2.0 * cm  # chosen so that one real compound ("e-health") breaks at its hyphen
    top = 2.2 * cm
    bottom = 2.3 * cm

    def __init__(self, doc: DocSpec):
        self.doc = doc
        self.col_w = PAGE_W - 2 * self.mx
        hy = {"hyphenationLang": hyphenate_nl, "embeddedHyphenation": 1, "hyphenationMinWordLength": 7}
        self.body = ParagraphStyle(
            "cbody",
            fontName="Times-Roman",
            fontSize=10.5,
            leading=14,
            alignment=TA_JUSTIFY,
            spaceAfter=5,
            allowOrphans=1,
            allowWidows=1,
            **hy,
        )
        self.chapter = ParagraphStyle(
            "cch",
            fontName="Times-Bold",
            fontSize=12.5,
            leading=16,
            spaceBefore=16,
            spaceAfter=6,
            keepWithNext=1,
        )
        self.article = ParagraphStyle(
            "cart",
            fontName="Times-Bold",
            fontSize=10.5,
            leading=14,
            spaceBefore=8,
            spaceAfter=3,
            keepWithNext=1,
        )
        self.lid = ParagraphStyle(
            "clid",
            parent=self.body,
            leftIndent=22,
            bulletIndent=0,
            spaceAfter=3.5,
            bulletFontName="Times-Roman",
            bulletFontSize=10.5,
        )
        self.sub = ParagraphStyle(
            "csub",
            parent=self.body,
            leftIndent=42,
            bulletIndent=22,
            spaceAfter=2.5,
            bulletFontName="Times-Roman",
            bulletFontSize=10.5,
        )
        self.sub0 = ParagraphStyle("csub0", parent=self.lid, spaceAfter=2.5)
        self.title = ParagraphStyle("ctit", fontName="Times-Bold", fontSize=19, leading=23, spaceAfter=8)
        self.subtitle = ParagraphStyle(
            "csubt", fontName="Times-Italic", fontSize=11.5, leading=15, spaceAfter=26
        )
        self.toc_head = ParagraphStyle("ctoc", fontName="Times-Bold", fontSize=13, leading=16, spaceAfter=8)

    def templates(self, on_begin, on_end):
        fr = Frame(
            self.mx,
            self.bottom,
            self.col_w,
            PAGE_H - self.top - self.bottom,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        return [PageTemplate("body", [fr], onPage=on_begin, onPageEnd=on_end)]

    def header_text(self, page):
        return None

    def footer_text(self, page, total):
        return f"{self.doc.running} | pagina {page}"

    def on_begin(self, canv, page, total):
        pass

    def on_end(self, canv, page, total, fn_pages):
        canv.saveState()
        canv.setLineWidth(0.4)
        canv.line(self.mx, 1.75 * cm, PAGE_W - self.mx, 1.75 * cm)
        canv.setFont("Times-Roman", 8.5)
        canv.drawRightString(PAGE_W - self.mx, 1.3 * cm, self.footer_text(page, total))
        canv.restoreState()

    def toc_entries(self):
        out, k = [], 0
        for ev in walk(self.doc):
            if ev["type"] == "heading":
                k += 1
                out.append((f"h{k}", ev["text"], ev["level"]))
        return out

    def story(self, toc_pages=None):
        toc_pages = toc_pages or {}
        flow: list = [
            Paragraph(escape(self.doc.title_lines[0]), self.title),
            Paragraph(escape(self.doc.title_lines[1]), self.subtitle),
            Paragraph("Inhoud", self.toc_head),
        ]
        for key, text, level in self.toc_entries():
            flow.append(TocLine(text, toc_pages.get(key, 0), level == 1, 0 if level == 1 else 16, self.col_w))
        flow.append(PageBreak())
        k = 0
        for ev in walk(self.doc):
            t = ev["type"]
            if t == "heading":
                k += 1
                if ev["level"] == 1:
                    flow.append(CondPageBreak(5 * cm))
                st = self.chapter if ev["level"] == 1 else self.article
                flow.append(Paragraph(f'<a name="h{k}"/>' + escape(ev["text"]), st))
            elif t == "lid":
                st = self.lid if ev["marker"] else self.body
                flow.append(Paragraph(markup(ev["text"], ev["cid"]), st, bulletText=ev["marker"]))
            elif t == "lidlead":
                st = self.lid if ev["marker"] else self.body
                st = ParagraphStyle("ll", parent=st, keepWithNext=1, spaceAfter=2.5)
                flow.append(Paragraph(escape(ev["text"]), st, bulletText=ev["marker"]))
            elif t == "item":
                st = self.sub if ev["depth"] else self.sub0
                flow.append(Paragraph(markup(ev["text"], ev["cid"]), st, bulletText=ev["marker"]))
            elif t == "list_end":
                flow.append(Spacer(1, 2.5))
            elif t == "list_start":
                pass
            else:
                raise ValueError(t)
        return flow


# --------------------------------------------------------------------------------------
# PDF build + verification
# --------------------------------------------------------------------------------------
PDF_LAYOUTS = {"blind_vakbondsgids_algoritmes": GuideLayout, "blind_cao_zorg": CaoLayout}


def build_pdf(doc: DocSpec, path: Path):
    lay = PDF_LAYOUTS[doc.name](doc)
    state = {"total": 0, "fn_pages": {}, "toc": {}}

    def on_begin(canv, bdoc):
        lay.on_begin(canv, canv.getPageNumber(), state["total"])

    def on_end(canv, bdoc):
        lay.on_end(canv, canv.getPageNumber(), state["total"], state["fn_pages"])

    prev = None
    for _ in range(5):
        AnchorCanvas.anchors = {}
        buf = io.BytesIO()
        bdoc = BaseDocTemplate(
            buf,
            pagesize=A4,
            title=doc.title,
            author=doc.meta["organisation"],
            subject=doc.meta["doc_type"],
            creator="make_blind.py",
        )
        bdoc.addPageTemplates(lay.templates(on_begin, on_end))
        bdoc.build(lay.story(state["toc"]), canvasmaker=AnchorCanvas)
        anchors = dict(AnchorCanvas.anchors)
        if anchors == prev and state["total"] == bdoc.page:
            break
        prev = anchors
        state["total"] = bdoc.page
        state["fn_pages"] = {int(k[2:]): p for k, p in anchors.items() if re.fullmatch(r"fn\d+", k)}
        state["toc"] = {k: p for k, p in anchors.items() if re.fullmatch(r"h\d+", k)}
    else:
        raise RuntimeError("page anchors did not stabilise")
    path.write_bytes(buf.getvalue())
    return lay, anchors, bdoc.page, state


def pattern(src: str) -> str:
    """Regex for a source string in normalised pypdf text (hyphen- and footnote-tolerant)."""
    out = []
    pos = 0
    text = src
    for m in list(FN_RE.finditer(text)) + [None]:
        seg = text[pos : m.start() if m else len(text)]
        for ch in " ".join(seg.split()) if seg.strip() else seg:
            if ch == " ":
                out.append(f"(?: |(?<={BRK}))")
            elif ch == "-":
                out.append(f"(?:-|{BRK})")
            else:
                out.append(re.escape(ch) + f"{BRK}?")
        if m:
            out.append(f" ?{m.group(1)}")
            pos = m.end()
    return "".join(out)


def normalise(raw: str) -> str:
    return " ".join(raw.replace("-\n", BRK).split())


def verify_pdf(doc: DocSpec, path: Path, lay, anchors: dict[str, int]) -> list[int]:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    page_texts = []
    for i, pg in enumerate(reader.pages, start=1):
        t = normalise(pg.extract_text())
        furniture = [lay.footer_text(i, len(reader.pages))]
        if lay.header_text(i):
            furniture.append(lay.header_text(i))
        if i == 1 and isinstance(lay, GuideLayout):
            furniture += doc.title_lines
        for n, text in doc.footnotes.items():
            if anchors.get(f"fn{n}") == i:
                furniture.append(f"{n} " + text)
        for f in furniture:
            t, k = re.subn(pattern(f), " ", t, count=1)
            assert k == 1, (path.name, i, "furniture not found", f, t[:300])
        page_texts.append(" ".join(t.split()))
    full, starts = "", []
    for t in page_texts:
        if full and not full.endswith(BRK):  # a word hyphenated across the page break is re-joined
            full += " "
        starts.append(len(full))
        full += t

    def page_of(off):
        return max(i for i, s in enumerate(starts, start=1) if s <= off)

    pos = 0
    spans = []
    pages = []
    for c in clauses(doc):
        m = re.compile(pattern(c["src"])).search(full, pos)
        assert m, (path.name, "clause not found in order", c["text"])
        p = page_of(m.start())
        assert p == anchors[c["cid"]], (path.name, "page mismatch", c["text"], p, anchors[c["cid"]])
        pages.append(p)
        spans.append((m.start(), m.end()))
        pos = m.end()
    # completeness: only markers and known non-clause strings remain
    rest = list(full)
    for a, b in spans:
        rest[a:b] = [" "] * (b - a)
    rest = "".join(rest)
    for s in sorted(set(non_clause_texts(doc)) | set(lay.extra_nonclause), key=len, reverse=True):
        rest = re.sub(pattern(s), " ", rest)
    leftovers = re.sub(r"(?:▪|–|•|\d+\.|[a-j]\.|§\d+\.|\d+°|\d+|\.)", " ", rest).split()
    assert not leftovers, (path.name, "text outside gold and known non-clause strings", leftovers[:40])
    careful_reader_check(doc, reader, lay, anchors)
    return pages


def careful_reader_check(doc: DocSpec, reader, lay, anchors) -> None:
    """Second, independent check: rebuild the text as a careful reader would and look for
    every gold text by plain substring search.

    Per page: drop the running header/footer and footnote bodies; join lines with one space;
    at a line-end hyphen keep the hyphen only when the hyphenated form occurs in the source
    texts (a real compound such as "AI-verordening" or "planning- en"), otherwise re-join the
    word; drop superscript footnote numbers glued to the word that carries the reference.
    """
    srcs = [c["src"] for c in clauses(doc)] + non_clause_texts(doc)
    corpus = " ".join(FN_RE.sub("", s) for s in srcs)
    fn_words = {}
    for s in srcs:
        for m in FN_RE.finditer(s):
            before = s[: m.start()].split()[-1]
            fn_words[before + m.group(1)] = before
    body_lines: list[str] = []
    n = len(reader.pages)
    for i, pg in enumerate(reader.pages, start=1):
        lines = [ln.strip() for ln in pg.extract_text().split("\n")]
        drop = {lay.footer_text(i, n), lay.header_text(i) or ""}
        if i == 1 and isinstance(lay, GuideLayout):
            drop |= set(doc.title_lines)
        lines = [ln for ln in lines if ln and ln not in drop]
        for k, note in sorted(doc.footnotes.items()):
            if anchors.get(f"fn{k}") != i:
                continue
            target = f"{k} {note}"
            for j in range(len(lines)):
                acc = ""
                for m in range(j, len(lines)):
                    acc = (acc + " " + lines[m]).strip()
                    if acc == target:
                        del lines[j : m + 1]
                        break
                    if not target.startswith(acc):
                        break
                else:
                    continue
                if acc == target:
                    break
            else:
                raise AssertionError(("careful reader: footnote body not found", i, k))
        body_lines += lines  # a clause may continue on the next page
    text = ""
    for ln in body_lines:
        if text.endswith("-"):
            left = re.search(r"(\S*)-$", text).group(1)
            right = ln.split()[0] if ln.split() else ""
            lw = re.sub(r"^\W+", "", left)
            rw = re.sub(r"\W+$", "", right)
            if f"{lw}- {rw}" in corpus:
                text += " " + ln
            elif f"{lw}-{rw}" in corpus:
                text += ln
            else:
                text = text[:-1] + ln
        else:
            text += (" " if text else "") + ln
    for glued, word in fn_words.items():
        text = text.replace(glued, word)
    full = " ".join(text.split())
    for c in clauses(doc):
        assert c["text"] in full, ("careful reader", c["text"])


# --------------------------------------------------------------------------------------
# DOCX
# --------------------------------------------------------------------------------------
import docx  # noqa: E402
from docx.enum.table import WD_TABLE_ALIGNMENT  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT  # noqa: E402
from docx.opc.constants import CONTENT_TYPE as CT  # noqa: E402
from docx.opc.constants import RELATIONSHIP_TYPE as RT  # noqa: E402
from docx.opc.packuri import PackURI  # noqa: E402
from docx.opc.part import Part  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls, qn  # noqa: E402
from docx.shared import Cm, Pt, RGBColor  # noqa: E402

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def field_run(par, instr: str, cached: str = "1") -> None:
    for xml in (
        f'<w:fldChar {nsdecls("w")} w:fldCharType="begin"/>',
        f'<w:instrText {nsdecls("w")} xml:space="preserve"> {instr} </w:instrText>',
        f'<w:fldChar {nsdecls("w")} w:fldCharType="separate"/>',
    ):
        par.add_run()._r.append(parse_xml(xml))
    par.add_run(cached)
    par.add_run()._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="end"/>'))


def setup_docx(doc: DocSpec, font: str, size: float):
    d = docx.Document()
    cp = d.core_properties
    cp.title, cp.author, cp.subject = doc.title, doc.meta["organisation"], doc.meta["doc_type"]
    cp.created = cp.modified = datetime(2026, 1, 15, 10, 0, 0)
    cp.last_modified_by, cp.revision, cp.language = "make_blind.py", 1, "nl-BE"
    st = d.styles["Normal"]
    st.font.name, st.font.size = font, Pt(size)
    st.element.get_or_add_rPr().append(parse_xml(f'<w:lang {nsdecls("w")} w:val="nl-BE"/>'))
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.3)
    sec.top_margin, sec.bottom_margin = Cm(2.4), Cm(2.2)
    return d


def add_footnotes(d, footnotes: dict[int, str]) -> None:
    """word/footnotes.xml with separators and one footnote per number (w:id = number)."""
    if not footnotes:
        return
    notes = [
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>'
        "<w:r><w:separator/></w:r></w:p></w:footnote>",
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"/>'
        "</w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>",
    ]
    for n, text in sorted(footnotes.items()):
        notes.append(
            f'<w:footnote w:id="{n}"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>'
            '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:rPr><w:sz w:val="16"/></w:rPr><w:t xml:space="preserve"> {escape(text)}</w:t></w:r>'
            "</w:p></w:footnote>"
        )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W}" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        + "".join(notes)
        + "</w:footnotes>"
    )
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode("utf-8"), d.part.package)
    d.part.relate_to(part, RT.FOOTNOTES)
    settings = d.settings.element
    pr = parse_xml(
        f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
    )
    compat = settings.find(qn("w:compat"))
    if compat is not None:
        compat.addprevious(pr)
    else:
        settings.append(pr)


def add_runs(par, src: str) -> None:
    """Text with [fn N] markers -> runs with real footnote references."""
    pos = 0
    for m in FN_RE.finditer(src):
        par.add_run(src[pos : m.start()])
        r = par.add_run()
        r._r.append(parse_xml(f'<w:rPr {nsdecls("w")}><w:vertAlign w:val="superscript"/></w:rPr>'))
        r._r.append(parse_xml(f'<w:footnoteReference {nsdecls("w")} w:id="{m.group(1)}"/>'))
        pos = m.end()
    par.add_run(src[pos:])


class Numbering:
    def __init__(self, d):
        self.el = d.part.numbering_part.element
        self.next_abs, self.next_num = 50, 200

    def define(self, fmt: str, text: str, left: int, hanging: int) -> int:
        aid = self.next_abs
        self.next_abs += 1
        absn = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{aid}"><w:multiLevelType w:val="singleLevel"/>'
            f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
            f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr></w:lvl>'
            "</w:abstractNum>"
        )
        first = self.el.find(qn("w:num"))
        if first is not None:
            first.addprevious(absn)
        else:
            self.el.append(absn)
        nid = self.next_num
        self.next_num += 1
        self.el.append(
            parse_xml(f'<w:num {nsdecls("w")} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/></w:num>')
        )
        return nid


def set_num(par, nid: int) -> None:
    par._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{nid}"/></w:numPr>')
    )


def hanging(par, left_cm: float, hang_cm: float) -> None:
    pf = par.paragraph_format
    pf.left_indent, pf.first_line_indent = Cm(left_cm), -Cm(hang_cm)
    pf.tab_stops.add_tab_stop(Cm(left_cm), WD_TAB_ALIGNMENT.LEFT)


def build_covenant(doc: DocSpec, path: Path) -> None:
    d = setup_docx(doc, "Arial", 10)
    sec = d.sections[0]
    hp = sec.header.paragraphs[0]
    hp.text = doc.running
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = sec.footer.paragraphs[0]
    fp.paragraph_format.tab_stops.add_tab_stop(Cm(16.4), WD_TAB_ALIGNMENT.RIGHT)
    fp.add_run(doc.title_lines[1] + "\tpagina ")
    field_run(fp, "PAGE")
    d.add_paragraph(doc.title_lines[0], style="Title")
    d.add_paragraph(doc.title_lines[1], style="Subtitle")
    add_footnotes(d, doc.footnotes)
    num = Numbering(d)
    cur = None
    for ev in walk(doc):
        t = ev["type"]
        if t == "heading":
            d.add_heading(ev["text"], level=ev["level"])
        elif t in ("lid", "lidlead"):
            p = d.add_paragraph()
            p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            if ev["marker"]:
                hanging(p, 1.0, 1.0)
                p.add_run(ev["marker"] + "\t")
            add_runs(p, ev["text"])
            if t == "lidlead":
                p.paragraph_format.keep_with_next = True
        elif t == "para":
            p = d.add_paragraph()
            p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            if ev.get("lid_marker"):
                hanging(p, 1.0, 1.0)
                p.add_run(ev["lid_marker"] + "\t")
            for i, (_, s) in enumerate(ev["sents"]):
                if i:
                    p.add_run(" ")
                add_runs(p, s)
            if ev["lead"]:
                p.add_run((" " if ev["sents"] else "") + ev["lead"])
                p.paragraph_format.keep_with_next = True
        elif t == "list_start":
            cur = None
            if ev.get("auto"):
                cur = num.define("decimal", "%1°", 1134, 567)
        elif t == "item":
            if ev["list"] == "bullet":
                p = d.add_paragraph(style="List Bullet")
            elif ev.get("auto"):
                p = d.add_paragraph(style="List Paragraph")
                set_num(p, cur)
            else:
                left = 1.8 if ev["depth"] else 1.0
                p = d.add_paragraph()
                hanging(p, left, 0.8)
                p.add_run(ev["marker"] + "\t")
            add_runs(p, ev["text"])
        elif t == "list_end":
            pass
        else:
            raise ValueError(t)
    save_docx(d, path)


def build_brief(doc: DocSpec, path: Path) -> None:
    d = setup_docx(doc, "Georgia", 10.5)
    sec = d.sections[0]
    hp = sec.header.paragraphs[0]
    hp.add_run(doc.running).italic = True
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field_run(fp, "PAGE")
    d.add_paragraph(doc.title_lines[0], style="Title")
    d.add_paragraph(doc.title_lines[1], style="Subtitle")
    num = Numbering(d)
    cur = None
    for ev in walk(doc):
        t = ev["type"]
        if t == "heading":
            d.add_heading(ev["text"], level=ev["level"])
        elif t == "para":
            p = d.add_paragraph()
            for i, (_, s) in enumerate(ev["sents"]):
                sep = ev["joins"].get(i, " ") if i else ""
                if sep == "\n":
                    p.add_run().add_break()
                elif sep:
                    p.add_run(sep)
                add_runs(p, s)
            if ev["lead"]:
                p.add_run((" " if ev["sents"] else "") + ev["lead"])
                p.paragraph_format.keep_with_next = True
        elif t == "list_start":
            cur = num.define("decimal", "%1.", 567, 397) if ev["marker"] == "number" else None
        elif t == "item":
            p = d.add_paragraph(style="List Number")
            set_num(p, cur)
            add_runs(p, ev["text"])
        elif t == "list_end":
            pass
        elif t == "table":
            tb = ev["table"]
            cap = d.add_paragraph(tb.caption, style="Caption")
            cap.paragraph_format.keep_with_next = True
            table = d.add_table(rows=len(tb.rows), cols=len(tb.rows[0]))
            table.style = d.styles["Table Grid"]
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            for r, row in enumerate(tb.rows):
                for c, val in enumerate(row):
                    cell = table.cell(r, c)
                    cell.text = ""
                    run = cell.paragraphs[0].add_run(val)
                    run.bold = r == 0
                    if c:
                        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            src = d.add_paragraph()
            run = src.add_run(tb.source)
            run.italic, run.font.size = True, Pt(8.5)
            run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
        elif t == "refs":
            d.add_heading(ev["refs"].title, level=1)
            for e in ev["refs"].entries:
                p = d.add_paragraph()
                p.paragraph_format.left_indent, p.paragraph_format.first_line_indent = Cm(1.0), -Cm(1.0)
                p.add_run(e).font.size = Pt(9.5)
        else:
            raise ValueError(t)
    save_docx(d, path)


def save_docx(d, path: Path) -> None:
    buf = io.BytesIO()
    d.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename == "docProps/thumbnail.jpeg":
                continue
            blob = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                blob = blob.replace(b'<Default Extension="jpeg" ContentType="image/jpeg"/>', b"")
            if info.filename == "_rels/.rels":
                blob = re.sub(rb"<Relationship [^>]*thumbnail[^>]*/>", b"", blob)
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 15, 10, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, blob)
    path.write_bytes(out.getvalue())


def verify_docx(doc: DocSpec, path: Path) -> None:
    d = docx.Document(str(path))
    paras = [" ".join(p.text.split()) for p in d.paragraphs]
    raw = [p.text for p in d.paragraphs]
    # clauses in order, each inside one paragraph
    i, pos, used = 0, 0, {}
    for c in clauses(doc):
        while i < len(paras):
            k = paras[i].find(c["text"], pos)
            if k >= 0:
                used.setdefault(i, []).append((k, k + len(c["text"])))
                pos = k + len(c["text"])
                break
            i, pos = i + 1, 0
        else:
            raise AssertionError((path.name, "clause not found in order", c["text"]))
    # completeness: body paragraphs hold nothing but clauses, markers and known non-clause strings
    known = sorted(set(non_clause_texts(doc)), key=len, reverse=True)
    for j, ptext in enumerate(paras):
        rest = list(ptext)
        for a, b in used.get(j, []):
            rest[a:b] = [" "] * (b - a)
        rest = "".join(rest)
        for s in known:
            rest = rest.replace(s, " ")
        left = re.sub(r"(?:§\d+\.|\d+°|[a-j]\.)", " ", rest).split()
        assert not left, (path.name, "paragraph text outside gold", left, raw[j])
    # table cells are not clauses
    for tb in d.tables:
        for row in tb.rows:
            for cell in row.cells:
                assert cell.text in known, cell.text


DOCX_BUILDERS = {"blind_sectorconvenant_bouw": build_covenant, "blind_beleidsnota_werkbaarheid": build_brief}


# --------------------------------------------------------------------------------------
def main() -> None:
    manifest = []
    for doc in DOCS:
        check_source(doc)
        if doc.fmt == "pdf":
            target = HERE / f"{doc.name}.pdf"
            lay, anchors, n_pages, _ = build_pdf(doc, target)
            pages = verify_pdf(doc, target, lay, anchors)
            features = LAYOUT_NOTES[doc.name]
        else:
            target = HERE / f"{doc.name}.docx"
            DOCX_BUILDERS[doc.name](doc, target)
            verify_docx(doc, target)
            pages, n_pages = None, None
            features = LAYOUT_NOTES[doc.name]
        rows = []
        for k, c in enumerate(clauses(doc)):
            rows.append({"text": c["text"], "section": c["section"], "page": pages[k] if pages else None})
        gold = HERE / f"{doc.name}.gold.jsonl"
        gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        manifest.append(
            {
                "doc_id": doc.name,
                "file": target.name,
                "gold": gold.name,
                "title": doc.title,
                "language": "nl",
                **doc.meta,
                "pages": n_pages,
                "clauses": len(rows),
                "layout": features,
            }
        )
        print(f"{target.name}: {len(rows)} clauses, {n_pages or '?'} pages, {target.stat().st_size} bytes")
    (HERE / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


LAYOUT_NOTES = {
    "blind_vakbondsgids_algoritmes": (
        "Belgian union guide: 2 columns, DejaVu Sans TrueType, justified, pyphen nl_NL hyphenation (soft breaks "
        "and breaks at real compound hyphens), tall red title band on page 1, running header with the guide "
        "title on every page, centred '- N -' page numbers, '▪' and '–' bullets after lead-ins ending in ':', "
        "3 footnotes with superscript references (glued to a word, after a full stop, inside a list item), "
        "figure with 4 labelled boxes and a 'Figuur 1:' caption, paragraphs and lists split across columns, "
        "one sentence split across the page break with a hyphenated word"
    ),
    "blind_cao_zorg": (
        "Dutch CAO: 1 column, Times (Type 1), justified with pyphen nl_NL hyphenation, title page with a "
        "dotted table of contents, 'HOOFDSTUK N TITEL' chapters, 'Artikel N.M Titel' articles, numbered leden "
        "'1.', lettered sub-items 'a.' (lead-in leden), one article that is only a lettered definitions list, "
        "single-sentence unnumbered articles, one lid split across a page break, footer "
        "'Cao Zorg Voorbeeld 2026 | pagina N' under a rule"
    ),
    "blind_sectorconvenant_bouw": (
        "Flemish sector covenant: Title/Subtitle, Heading 1 chapters and Heading 2 'Artikel N. Titel', typed "
        "'§N.<tab>' paragraphs, typed '1°<tab>' items and one list with Word numbering '%1°', List Bullet "
        "list after a lead-in, right-aligned header, footer with tab and PAGE field, one real Word footnote"
    ),
    "blind_beleidsnota_werkbaarheid": (
        "Policy brief: Title/Subtitle, Heading 1/2 with typed numbers '1', '2.1', running text paragraphs (one "
        "with a manual line break, one with a missing space after a full stop), 'Caption' table caption + 4x3 "
        "'Table Grid' table + source line, List Number recommendations after a lead-in, 'Literatuur' "
        "reference list with hanging indent, italic header, PAGE footer"
    ),
}


if __name__ == "__main__":
    main()
