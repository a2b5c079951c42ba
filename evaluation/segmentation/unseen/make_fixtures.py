#!/usr/bin/env python3
"""(Re)generate the unseen segmentation fixtures: PDF/DOCX documents plus gold clause lists.

Usage (from the repository root)::

    .venv/bin/python evaluation/segmentation/unseen/make_fixtures.py

Writes, next to this script, for every document in ``fixture_texts.DOCS``:

- ``<name>.pdf`` or ``<name>.docx`` (held-out documents go to ``heldout/``);
- ``<name>.gold.jsonl``: one ``{"text", "section", "page"}`` object per clause, in document
  order, following ``evaluation/segmentation/GUIDELINES.md``. ``page`` is the 1-based page on
  which the clause starts (PDF: measured from anchors drawn during layout); it is ``null`` for
  DOCX, whose pagination is decided by the word processor;
- ``manifest.json``: document metadata and clause counts.

The gold list and the document are rendered from the same source data (``fixture_texts.py``),
so every sentence, list item and lid is a clause and nothing else is. Output is deterministic
(reportlab invariant mode, fixed DOCX timestamps). Needs reportlab, pyphen and python-docx.
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import pyphen
from fixture_model import FN_RE, Doc, check_doc, events, gold_clauses
from fixture_texts import DOCS
from reportlab import rl_config

rl_config.invariant = 1  # fixed document id and dates -> byte-identical output

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    FrameBreak,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Spacer,
)

# ======================================================================================
# PDF (reportlab)
# ======================================================================================
PAGE_W, PAGE_H = A4


def _patch_reportlab_rejoin() -> None:
    """Work around a reportlab bug that drops real hyphens of compounds.

    When a paragraph with several fragments (ours all have anchors) is re-wrapped, reportlab
    rejoins previously split words with ``_shyUnsplit(a, b)``, which strips a trailing "-"
    from ``a`` even when the split was at a real hyphen ("HR-" + "medewerkers" ->
    "HRmedewerkers"). Joining must keep ``a`` as is; stripping an inserted hyphen is done
    separately by reportlab (``_shyUnsplit(t)`` without a second argument).
    """
    from reportlab.platypus import paragraph as rlpara

    orig = rlpara._shyUnsplit

    def _shy_unsplit(s, ss=None):
        if ss is None or isinstance(s, rlpara._SHYIndexedStr) or hasattr(ss, "_shyIndices"):
            return orig(s, ss)
        return s + ss

    rlpara._shyUnsplit = _shy_unsplit


_patch_reportlab_rejoin()


def _register_fonts() -> tuple[str, str]:
    """Register a TrueType serif and sans family (DejaVu, else reportlab's bundled Vera)."""
    import reportlab

    cands = [
        Path("/usr/share/fonts/truetype/dejavu"),
        Path(reportlab.__file__).parent / "fonts",
    ]
    for d in cands:
        if (d / "DejaVuSerif.ttf").exists():
            pdfmetrics.registerFont(TTFont("TTSerif", str(d / "DejaVuSerif.ttf")))
            pdfmetrics.registerFont(TTFont("TTSerif-Bold", str(d / "DejaVuSerif-Bold.ttf")))
            pdfmetrics.registerFont(TTFont("TTSans", str(d / "DejaVuSans.ttf")))
            pdfmetrics.registerFont(TTFont("TTSans-Bold", str(d / "DejaVuSans-Bold.ttf")))
            return "TTSerif", "TTSans"
        if (d / "Vera.ttf").exists():
            pdfmetrics.registerFont(TTFont("TTSerif", str(d / "Vera.ttf")))
            pdfmetrics.registerFont(TTFont("TTSerif-Bold", str(d / "VeraBd.ttf")))
            pdfmetrics.registerFont(TTFont("TTSans", str(d / "Vera.ttf")))
            pdfmetrics.registerFont(TTFont("TTSans-Bold", str(d / "VeraBd.ttf")))
            return "TTSerif", "TTSans"
    raise RuntimeError("no TrueType font found")


TT_SERIF, TT_SANS = _register_fonts()


def rl_markup(text: str, cid: str | None = None) -> str:
    """Source text -> reportlab paragraph markup (anchor for the clause, superscript refs)."""
    out = escape(text)
    out = FN_RE.sub(lambda m: f'<super>{m.group(1)}</super><a name="fnref{m.group(1)}"/>', out)
    if cid:
        out = f'<a name="{cid}"/>' + out
    return out


class AnchorCanvas(Canvas):
    """Canvas that records on which page every named anchor is drawn."""

    anchors: dict[str, int] = {}

    def bookmarkHorizontal(self, key, relativeX, relativeY, **kw):
        AnchorCanvas.anchors[key] = self.getPageNumber()
        return super().bookmarkHorizontal(key, relativeX, relativeY, **kw)


def bar_chart(fig, width: float, font: str) -> Drawing:
    d = Drawing(width, 130)
    ch = VerticalBarChart()
    ch.x, ch.y, ch.width, ch.height = 28, 22, width - 40, 90
    ch.data = [tuple(v) for v in fig.series.values()]
    ch.categoryAxis.categoryNames = fig.categories
    ch.categoryAxis.labels.fontName = font
    ch.categoryAxis.labels.fontSize = 7
    ch.valueAxis.valueMin, ch.valueAxis.valueMax, ch.valueAxis.valueStep = 0, 80, 20
    ch.valueAxis.labels.fontName = font
    ch.valueAxis.labels.fontSize = 7
    ch.bars[0].fillColor = colors.HexColor("#9bb7d4")
    ch.bars[1].fillColor = colors.HexColor("#2f5d8a")
    ch.barLabelFormat = "%d"
    ch.barLabels.fontName = font
    ch.barLabels.fontSize = 6
    ch.barLabels.nudge = 6
    d.add(ch)
    lg = Legend()
    lg.x, lg.y = width - 70, 125
    lg.fontName, lg.fontSize = font, 7
    lg.alignment = "right"
    lg.colorNamePairs = [(ch.bars[i].fillColor, k) for i, k in enumerate(fig.series)]
    d.add(lg)
    d.add(String(0, 122, "%", fontName=font, fontSize=7))
    return d


class Layout:
    """Parameters of one PDF layout."""

    def __init__(self, **kw):
        self.__dict__.update(kw)


_PYPHEN_NL = pyphen.Pyphen(lang="nl_NL")


def nl_hyphenator(word: str):
    """Dutch hyphenation points (pyphen nl_NL) for reportlab's ``hyphenationLang``.

    Words that already contain a hyphen ("AI-toepassingen", "HR-medewerkers") are only broken
    at that hyphen (``embeddedHyphenation``), as word processors usually do; so the PDFs hold
    both soft breaks ("voortdu-\nrend") and breaks at real compound hyphens ("AI-\ntoepassingen").
    """
    if "-" in word:
        return iter(())
    return _PYPHEN_NL.iterate(word)


def styles_for(lay: Layout) -> dict[str, ParagraphStyle]:
    hy = {"hyphenationLang": nl_hyphenator, "embeddedHyphenation": 1} if lay.hyphenate else {}
    body = ParagraphStyle(
        "body",
        fontName=lay.font,
        fontSize=lay.size,
        leading=lay.leading,
        alignment=TA_JUSTIFY if lay.justify else TA_LEFT,
        spaceAfter=lay.para_space,
        **hy,
    )
    st = {
        "body": body,
        "h1": ParagraphStyle(
            "h1",
            parent=body,
            fontName=lay.bold,
            fontSize=lay.size + 3,
            leading=(lay.size + 3) * 1.3,
            spaceBefore=lay.size * 0.9,
            spaceAfter=lay.size * 0.4,
            alignment=TA_LEFT,
            keepWithNext=1,
            hyphenationLang="",
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=lay.bold,
            fontSize=lay.size + 1,
            leading=(lay.size + 1) * 1.3,
            spaceBefore=lay.size * 0.6,
            spaceAfter=lay.size * 0.3,
            alignment=TA_LEFT,
            keepWithNext=1,
            hyphenationLang="",
        ),
        "item0": ParagraphStyle(
            "item0",
            parent=body,
            leftIndent=lay.indent,
            bulletIndent=lay.indent * 0.25,
            spaceAfter=lay.item_space,
            bulletFontName=lay.font,
        ),
        "item1": ParagraphStyle(
            "item1",
            parent=body,
            leftIndent=lay.indent * 2,
            bulletIndent=lay.indent * 1.1,
            spaceAfter=lay.item_space,
            bulletFontName=lay.font,
        ),
        "lid": ParagraphStyle(
            "lid",
            parent=body,
            leftIndent=lay.indent,
            bulletIndent=0,
            spaceAfter=lay.item_space,
            bulletFontName=lay.font,
        ),
        "caption": ParagraphStyle(
            "caption",
            parent=body,
            fontName=lay.bold,
            fontSize=lay.size - 1.5,
            leading=(lay.size - 1.5) * 1.25,
            alignment=TA_LEFT,
            hyphenationLang="",
        ),
        "source": ParagraphStyle(
            "source",
            parent=body,
            fontSize=lay.size - 2,
            leading=(lay.size - 2) * 1.25,
            alignment=TA_LEFT,
            spaceAfter=lay.size,
            hyphenationLang="",
        ),
        "ref": ParagraphStyle(
            "ref",
            parent=body,
            fontSize=lay.size - 1.5,
            leading=(lay.size - 1.5) * 1.25,
            leftIndent=12,
            firstLineIndent=-12,
            alignment=TA_LEFT,
            hyphenationLang="",
        ),
        "title0": ParagraphStyle(
            "title0",
            fontName=lay.bold,
            fontSize=20,
            leading=24,
            spaceAfter=6,
            alignment=TA_LEFT,
        ),
        "title1": ParagraphStyle(
            "title1",
            fontName=lay.font,
            fontSize=12,
            leading=15,
            spaceAfter=4,
            alignment=TA_LEFT,
        ),
        "title2": ParagraphStyle(
            "title2",
            fontName=lay.font,
            fontSize=8.5,
            leading=11,
            spaceAfter=4,
            textColor=colors.HexColor("#444444"),
            alignment=TA_LEFT,
        ),
        "footnote": ParagraphStyle(
            "footnote",
            fontName=lay.font,
            fontSize=7,
            leading=8.6,
            alignment=TA_LEFT,
        ),
    }
    if getattr(lay, "title_style", None):
        lay.title_style(st)
    return st


def story_for(doc: Doc, lay: Layout, st: dict) -> list:
    """Flowables for the body of ``doc`` (title block handled by the layout)."""
    flow: list = []
    for ev in events(doc):
        t = ev["type"]
        if t == "heading":
            style = st["h1"] if ev["level"] == 1 else st["h2"]
            if ev.get("article") and lay.article_style:
                style = st[lay.article_style]
            flow.append(Paragraph(escape(ev["text"]), style))
        elif t == "para":
            parts = [rl_markup(s, cid) for cid, s in ev["sents"]]
            if ev["lead"]:
                parts.append(escape(ev["lead"]))
            style = st["body"]
            if ev.get("before_list"):
                style = ParagraphStyle("bl", parent=style, spaceAfter=lay.item_space, keepWithNext=1)
            flow.append(Paragraph(" ".join(parts), style))
        elif t == "item":
            style = st["item1"] if ev["depth"] else st["item0"]
            flow.append(Paragraph(rl_markup(ev["text"], ev["cid"]), style, bulletText=ev["marker"]))
        elif t == "lid":
            flow.append(
                Paragraph(
                    rl_markup(ev["text"], ev["cid"]),
                    st["lid"] if ev["marker"] else st["body"],
                    bulletText=ev["marker"] or None,
                )
            )
        elif t == "lidlead":
            style = ParagraphStyle(
                "ll",
                parent=st["lid"] if ev["marker"] else st["body"],
                keepWithNext=1,
                spaceAfter=lay.item_space,
            )
            flow.append(Paragraph(escape(ev["text"]), style, bulletText=ev["marker"] or None))
        elif t == "list_end":
            flow.append(Spacer(1, lay.para_space - lay.item_space))
        elif t == "fig":
            fig = ev["fig"]
            flow.append(
                KeepTogether(
                    [
                        Spacer(1, 4),
                        bar_chart(fig, lay.col_w, lay.font),
                        Paragraph(escape(fig.caption), st["caption"]),
                        Paragraph(escape(fig.source), st["source"]),
                    ]
                )
            )
        elif t == "refs":
            flow.append(CondPageBreak(3 * cm))
            flow.append(Paragraph(escape(ev["refs"].title), st["h1"]))
            flow += [Paragraph(escape(e), st["ref"]) for e in ev["refs"].entries]
        elif t == "url":
            flow.append(Paragraph(escape(ev["text"]), st["body"]))
    return flow


def build_pdf(doc: Doc, lay: Layout, path: Path) -> tuple[dict[str, int], int]:
    """Render ``doc`` twice (second pass knows the page count); return anchor -> page."""
    st = styles_for(lay)
    total = [0]

    def on_page(canv, bdoc):
        lay.draw_fixed(canv, doc, canv.getPageNumber(), total[0] or 99, when="begin", st=st)

    def on_page_end(canv, bdoc):
        page = canv.getPageNumber()
        lay.draw_fixed(canv, doc, page, total[0] or 99, when="end", st=st)
        if doc.footnotes:
            draw_footnotes(canv, doc, page, lay, st)

    for _ in range(2):
        AnchorCanvas.anchors = {}
        buf = io.BytesIO()
        bdoc = BaseDocTemplate(
            buf,
            pagesize=A4,
            title=doc.title,
            author=doc.meta["organisation"],
            subject=doc.meta["doc_type"],
            creator="Clause Atlas make_fixtures.py",
            leftMargin=lay.margin_x,
            rightMargin=lay.margin_x,
            topMargin=lay.margin_top,
            bottomMargin=lay.margin_bottom,
        )
        bdoc.addPageTemplates(lay.page_templates(on_page, on_page_end))
        story = lay.title_block(doc, st) + story_for(doc, lay, st)
        bdoc.build(story, canvasmaker=AnchorCanvas)
        total[0] = bdoc.page
    path.write_bytes(buf.getvalue())
    return dict(AnchorCanvas.anchors), total[0]


def verify_pdf(doc: Doc, path: Path) -> None:
    """Check that every gold clause really is in the rendered PDF (via pypdf).

    A line-end hyphen in the extracted text may stand for a soft break (dropped in the gold)
    or for a real compound hyphen (kept in the gold); any other difference fails. Footnote
    markers in the source become the bare number that pypdf glues to the preceding text.
    """
    import re

    from pypdf import PdfReader

    brk = "\x00"
    raw = "\n".join(p.extract_text() for p in PdfReader(path).pages)
    text = " ".join(raw.replace("-\n", brk).split())

    def pattern(src: str) -> re.Pattern:
        out = []
        for ch in " ".join(FN_RE.sub(lambda m: m.group(1), src).split()):
            if ch == "-":
                out.append(f"(?:-|{brk})")
            elif ch == " ":
                out.append(" ")
            else:
                out.append(re.escape(ch) + f"{brk}?")
        return re.compile("".join(out))

    for ev in events(doc):
        if ev["type"] == "para":
            srcs = [s for _, s in ev["sents"]]
        elif ev["type"] in ("item", "lid"):
            srcs = [ev["text"]]
        else:
            continue
        for src in srcs:
            if not pattern(src).search(text):
                raise AssertionError(f"{path.name}: clause not found in PDF text: {src!r}")


def draw_footnotes(canv, doc: Doc, page: int, lay: Layout, st: dict) -> None:
    nums = sorted(int(k[5:]) for k, p in AnchorCanvas.anchors.items() if k.startswith("fnref") and p == page)
    if not nums:
        return
    top = lay.margin_bottom + lay.fn_zone - 4
    x0, w = lay.margin_x, PAGE_W - 2 * lay.margin_x
    canv.saveState()
    canv.setLineWidth(0.5)
    canv.line(x0, top, x0 + 4 * cm, top)
    canv.restoreState()
    y = top - 3
    for n in nums:
        txt = lay.fn_format.format(n=n, text=escape(doc.footnotes[n]))
        p = Paragraph(txt, st["footnote"])
        _, h = p.wrap(w, 1000)
        y -= h
        assert y >= lay.margin_bottom - 2, f"footnotes overflow on page {page}"
        p.drawOn(canv, x0, y)
        y -= 2


# ---------- concrete layouts ----------


def two_col_templates(lay: Layout):
    def make(on_page, on_page_end):
        gap = lay.gutter
        col_w = (PAGE_W - 2 * lay.margin_x - gap) / 2
        lay.col_w = col_w
        y0 = lay.margin_bottom + lay.fn_zone
        h_full = PAGE_H - lay.margin_top - y0
        title_h = lay.title_h
        first = [
            Frame(
                lay.margin_x,
                PAGE_H - lay.margin_top - title_h,
                PAGE_W - 2 * lay.margin_x,
                title_h,
                id="title",
                leftPadding=0,
                rightPadding=0,
            ),
            Frame(lay.margin_x, y0, col_w, h_full - title_h, id="l1", leftPadding=0, rightPadding=0),
            Frame(
                lay.margin_x + col_w + gap,
                y0,
                col_w,
                h_full - title_h,
                id="r1",
                leftPadding=0,
                rightPadding=0,
            ),
        ]
        later = [
            Frame(lay.margin_x, y0, col_w, h_full, id="l", leftPadding=0, rightPadding=0),
            Frame(lay.margin_x + col_w + gap, y0, col_w, h_full, id="r", leftPadding=0, rightPadding=0),
        ]
        return [
            PageTemplate("first", first, onPage=on_page, onPageEnd=on_page_end),
            PageTemplate("later", later, onPage=on_page, onPageEnd=on_page_end),
        ]

    return make


def one_col_templates(lay: Layout):
    def make(on_page, on_page_end):
        lay.col_w = PAGE_W - 2 * lay.margin_x
        fr = Frame(
            lay.margin_x,
            lay.margin_bottom,
            lay.col_w,
            PAGE_H - lay.margin_top - lay.margin_bottom,
            id="body",
            leftPadding=0,
            rightPadding=0,
        )
        return [PageTemplate("body", [fr], onPage=on_page, onPageEnd=on_page_end)]

    return make


def title_block_2col(doc: Doc, st: dict) -> list:
    out = [Paragraph(escape(doc.title_lines[0]), st["title0"])]
    out += [Paragraph(escape(t), st["title1"]) for t in doc.title_lines[1:-1]]
    out.append(Paragraph(escape(doc.title_lines[-1]), st["title2"]))
    return [*out, NextPageTemplate("later"), FrameBreak()]


# Report (dev 1): header drawn first in the content stream, page number + footnotes last.
def report_fixed(canv, doc, page, total, when, st):
    canv.saveState()
    if when == "begin":
        canv.setFont("Helvetica-Oblique", 7.5)
        canv.setFillColor(colors.HexColor("#555555"))
        canv.drawString(REPORT_LAY.margin_x, PAGE_H - 1.2 * cm, doc.title)
        canv.drawRightString(PAGE_W - REPORT_LAY.margin_x, PAGE_H - 1.2 * cm, "Onderzoeksrapport 2025/3")
        canv.setLineWidth(0.4)
        canv.line(REPORT_LAY.margin_x, PAGE_H - 1.35 * cm, PAGE_W - REPORT_LAY.margin_x, PAGE_H - 1.35 * cm)
    else:
        canv.setFont("Helvetica", 8)
        canv.drawCentredString(PAGE_W / 2, 1.0 * cm, str(page))
    canv.restoreState()


REPORT_LAY = Layout(
    font="Helvetica",
    bold="Helvetica-Bold",
    size=9,
    leading=11.4,
    justify=True,
    hyphenate=True,
    para_space=5,
    item_space=2.5,
    indent=11,
    margin_x=1.8 * cm,
    margin_top=2.0 * cm,
    margin_bottom=1.7 * cm,
    gutter=0.7 * cm,
    fn_zone=2.2 * cm,
    title_h=3.3 * cm,
    article_style=None,
    fn_format="<super>{n}</super> {text}",
    draw_fixed=report_fixed,
    title_block=title_block_2col,
)
REPORT_LAY.page_templates = two_col_templates(REPORT_LAY)


# Covenant (held-out 1): Times, headers and page number drawn after the body text.
def covenant_fixed(canv, doc, page, total, when, st):
    if when != "end":
        return
    canv.saveState()
    canv.setFont("Times-Italic", 8)
    left = "Sectorconvenant Digitale Transitie en Werkbaar Werk"
    right = "PC 399 – 2025-2026"
    y = PAGE_H - 1.15 * cm
    if page % 2:
        canv.drawString(COVENANT_LAY.margin_x, y, left)
        canv.drawRightString(PAGE_W - COVENANT_LAY.margin_x, y, right)
    else:
        canv.drawString(COVENANT_LAY.margin_x, y, right)
        canv.drawRightString(PAGE_W - COVENANT_LAY.margin_x, y, left)
    canv.setFont("Times-Roman", 9)
    canv.drawRightString(PAGE_W - COVENANT_LAY.margin_x, 1.0 * cm, f"p. {page}/{total}")
    canv.restoreState()


def covenant_title_styles(st):
    st["title0"].fontName = "Times-Bold"
    st["title1"].fontName = "Times-Roman"
    st["title2"].fontName = "Times-Italic"


COVENANT_LAY = Layout(
    font="Times-Roman",
    bold="Times-Bold",
    size=10,
    leading=12.2,
    justify=True,
    hyphenate=True,
    para_space=4,
    item_space=2,
    indent=13,
    margin_x=2.0 * cm,
    margin_top=1.9 * cm,
    margin_bottom=1.6 * cm,
    gutter=0.8 * cm,
    fn_zone=2.6 * cm,
    title_h=3.6 * cm,
    article_style="h2",
    fn_format="{n} {text}",
    draw_fixed=covenant_fixed,
    title_block=title_block_2col,
    title_style=covenant_title_styles,
)
COVENANT_LAY.page_templates = two_col_templates(COVENANT_LAY)


# CAO (dev 2): TrueType serif, running footer drawn FIRST in the content stream.
def cao_fixed(canv, doc, page, total, when, st):
    if when != "begin":
        return
    canv.saveState()
    canv.setFont(TT_SANS, 8)
    canv.drawCentredString(PAGE_W / 2, 1.1 * cm, f"Cao Voorbeeldsector 2025-2027 — pagina {page} van {total}")
    canv.restoreState()


def cao_title_block(doc: Doc, st: dict) -> list:
    return [
        Paragraph(escape(doc.title_lines[0]), st["title0"]),
        Paragraph(escape(doc.title_lines[1]), st["title1"]),
        Spacer(1, 10),
    ]


def cao_title_styles(st):
    st["title0"].fontSize, st["title0"].leading = 17, 21


CAO_LAY = Layout(
    font=TT_SERIF,
    bold=TT_SERIF + "-Bold",
    size=10,
    leading=13.5,
    justify=True,
    hyphenate=False,
    para_space=6,
    item_space=3,
    indent=20,
    margin_x=2.5 * cm,
    margin_top=2.3 * cm,
    margin_bottom=2.2 * cm,
    article_style="h2",
    draw_fixed=cao_fixed,
    title_block=cao_title_block,
    title_style=cao_title_styles,
)
CAO_LAY.page_templates = one_col_templates(CAO_LAY)


# Policy brief (dev 4): TrueType sans, double-spaced, "•" bullets, page number drawn last.
def brief_fixed(canv, doc, page, total, when, st):
    if when != "end":
        return
    canv.saveState()
    canv.setFont(TT_SANS, 9)
    canv.drawCentredString(PAGE_W / 2, 1.2 * cm, f"– {page} –")
    if page > 1:
        canv.setFont(TT_SANS, 8)
        canv.drawRightString(
            PAGE_W - BRIEF_LAY.margin_x,
            PAGE_H - 1.3 * cm,
            "Beleidsbrief nr. 7 | Werkbaar werk in de digitale transformatie",
        )
    canv.restoreState()


def brief_title_block(doc: Doc, st: dict) -> list:
    return [
        Paragraph(escape(doc.title_lines[0]), st["title2"]),
        Paragraph(escape(doc.title_lines[1]), st["title0"]),
        Paragraph(escape(doc.title_lines[2]), st["title1"]),
        Spacer(1, 8),
    ]


BRIEF_LAY = Layout(
    font=TT_SANS,
    bold=TT_SANS + "-Bold",
    size=11,
    leading=23,
    justify=False,
    hyphenate=False,
    para_space=6,
    item_space=2,
    indent=18,
    margin_x=2.6 * cm,
    margin_top=2.2 * cm,
    margin_bottom=2.2 * cm,
    article_style=None,
    draw_fixed=brief_fixed,
    title_block=brief_title_block,
)
BRIEF_LAY.page_templates = one_col_templates(BRIEF_LAY)

PDF_LAYOUTS = {
    "report2col": REPORT_LAY,
    "covenant2col": COVENANT_LAY,
    "cao1col": CAO_LAY,
    "brief1col": BRIEF_LAY,
}

# ======================================================================================
# DOCX (python-docx + a little OOXML)
# ======================================================================================
import docx
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def add_field(paragraph, instr: str, placeholder: str = "1") -> None:
    """Append a simple field (PAGE, NUMPAGES) with a cached result to a paragraph."""
    r = paragraph.add_run()
    r._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="begin"/>'))
    r = paragraph.add_run()
    r._r.append(parse_xml(f'<w:instrText {nsdecls("w")} xml:space="preserve"> {instr} </w:instrText>'))
    r = paragraph.add_run()
    r._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="separate"/>'))
    paragraph.add_run(placeholder)
    r = paragraph.add_run()
    r._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="end"/>'))


class Numbering:
    """Create restartable list numbering on top of the default template's definitions."""

    def __init__(self, document):
        self.numbering = document.part.numbering_part.element
        self.next_num = 100
        self.letter_abs = None

    def _abstract_of_style(self, document, style_name: str) -> str:
        style = document.styles[style_name]
        num_id = style.element.pPr.numPr.numId.val
        for num in self.numbering.findall(qn("w:num")):
            if num.get(qn("w:numId")) == str(num_id):
                return num.find(qn("w:abstractNumId")).get(qn("w:val"))
        raise KeyError(style_name)

    def restart(self, abstract_id: str) -> int:
        nid = self.next_num
        self.next_num += 1
        self.numbering.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{nid}"><w:abstractNumId w:val="{abstract_id}"/>'
                f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
            )
        )
        return nid

    def letters(self) -> str:
        if self.letter_abs is None:
            self.letter_abs = "90"
            el = parse_xml(
                f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
                '<w:multiLevelType w:val="singleLevel"/>'
                '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
                '<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
                '<w:pPr><w:ind w:left="1077" w:hanging="357"/></w:pPr></w:lvl>'
                "</w:abstractNum>"
            )
            # abstractNum elements must precede num elements
            first_num = self.numbering.find(qn("w:num"))
            first_num.addprevious(el)
        return self.letter_abs


def set_num(paragraph, num_id: int, ilvl: int = 0) -> None:
    pPr = paragraph._p.get_or_add_pPr()
    pPr.append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def add_text_with_footnotes(paragraph, text: str, fn_ids: dict) -> None:
    pos = 0
    for m in FN_RE.finditer(text):
        paragraph.add_run(text[pos : m.start()])
        n = int(m.group(1))
        r = paragraph.add_run()
        r._r.append(parse_xml(f'<w:rPr {nsdecls("w")}><w:vertAlign w:val="superscript"/></w:rPr>'))
        r._r.append(parse_xml(f'<w:footnoteReference {nsdecls("w")} w:id="{fn_ids[n]}"/>'))
        pos = m.end()
    paragraph.add_run(text[pos:])


def add_footnotes_part(document, footnotes: dict[int, str]) -> dict[int, int]:
    """Add word/footnotes.xml (python-docx has no footnote API); return number -> w:id."""
    if not footnotes:
        return {}
    body = [
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>",
    ]
    ids = {}
    for n, text in sorted(footnotes.items()):
        ids[n] = n
        body.append(
            f'<w:footnote w:id="{n}"><w:p><w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:pPr>'
            '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve"> {escape(text)}'
            "</w:t></w:r></w:p></w:footnote>"
        )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:footnotes xmlns:w="{W_NS}" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        + "".join(body)
        + "</w:footnotes>"
    )
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode("utf-8"), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    # Word-written files name the separator footnotes in settings.xml (before w:compat)
    settings = document.settings.element
    fpr = parse_xml(
        f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
    )
    compat = settings.find(qn("w:compat"))
    if compat is not None:
        compat.addprevious(fpr)
    return ids


def fix_docx_bytes(data: bytes) -> bytes:
    """Rewrite the zip with fixed timestamps so the DOCX is byte-identical across runs."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename == "docProps/thumbnail.jpeg":
                continue
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 6, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            blob = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                blob = blob.replace(b'<Default Extension="jpeg" ContentType="image/jpeg"/>', b"")
            if info.filename == "_rels/.rels":
                import re as _re

                blob = _re.sub(rb"<Relationship [^>]*thumbnail[^>]*/>", b"", blob)
            dst.writestr(zi, blob)
    return out.getvalue()


def new_document(doc: Doc, header: str, footer_parts: list) -> docx.document.Document:
    d = docx.Document()
    cp = d.core_properties
    cp.title, cp.author, cp.subject = doc.title, doc.meta["organisation"], doc.meta["doc_type"]
    cp.created = cp.modified = datetime(2025, 6, 1, 9, 0, 0)
    cp.last_modified_by, cp.revision, cp.language = "Clause Atlas", 1, "nl-NL"
    normal = d.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    rpr = normal.element.get_or_add_rPr()
    rpr.append(parse_xml(f'<w:lang {nsdecls("w")} w:val="nl-NL"/>'))
    sec = d.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(2.5)
    sec.header.paragraphs[0].text = header
    fp = sec.footer.paragraphs[0]
    for part in footer_parts:
        if part in ("PAGE", "NUMPAGES"):
            add_field(fp, part)
        else:
            fp.add_run(part)
    return d


def verify_docx(doc: Doc, path: Path) -> None:
    """Check that every gold clause is inside one paragraph of the DOCX (python-docx text)."""
    paras = [p.text for p in docx.Document(str(path)).paragraphs]
    for c in gold_clauses(doc):
        if not any(c["text"] in p for p in paras):
            raise AssertionError(f"{path.name}: clause not found in DOCX: {c['text']!r}")


def build_docx(doc: Doc, path: Path) -> None:
    if doc.layout == "guide_docx":
        d = new_document(
            doc, "Voorbeeldbond | Gids digitale controle op het werk", ["Versie juni 2025 – pagina ", "PAGE"]
        )
        d.add_paragraph(doc.title_lines[0], style="Title")
        d.add_paragraph(doc.title_lines[1], style="Subtitle")
    else:
        d = new_document(doc, "Cao Voorbeeldlogistiek 2025-2026", ["Pagina ", "PAGE", " van ", "NUMPAGES"])
        d.add_paragraph(doc.title_lines[0], style="Title")
        d.add_paragraph(doc.title_lines[1], style="Subtitle")
    fn_ids = add_footnotes_part(d, doc.footnotes)
    num = Numbering(d)
    abs_number = num._abstract_of_style(d, "List Number")
    current_num = None
    for ev in events(doc):
        t = ev["type"]
        if t == "heading":
            lvl = ev["level"]
            d.add_heading(ev["text"], level=lvl)
        elif t == "para":
            p = d.add_paragraph()
            texts = [s for _, s in ev["sents"]] + ([ev["lead"]] if ev["lead"] else [])
            add_text_with_footnotes(p, " ".join(texts), fn_ids)
            if ev.get("before_list"):
                p.paragraph_format.keep_with_next = True
        elif t == "list_start":
            current_num = None
            if ev["kind"] == "number":
                current_num = num.restart(abs_number)
            elif ev["kind"] == "alpha" and ev.get("auto"):
                current_num = num.restart(num.letters())
        elif t == "item":
            if doc.layout == "guide_docx":
                style = "List Bullet" if ev["kind"] == "bullet" else "List Number"
                p = d.add_paragraph(style=style)
                if current_num is not None:
                    set_num(p, current_num)
                add_text_with_footnotes(p, ev["text"], fn_ids)
            elif ev.get("auto"):
                p = d.add_paragraph(style="List Paragraph")
                set_num(p, current_num)
                add_text_with_footnotes(p, ev["text"], fn_ids)
            else:  # typed marker + tab, hanging indent
                p = d.add_paragraph()
                left = Cm(1.9) if ev["depth"] else Cm(1.0)
                p.paragraph_format.left_indent = left
                p.paragraph_format.first_line_indent = -Cm(0.8)
                p.paragraph_format.tab_stops.add_tab_stop(left, WD_TAB_ALIGNMENT.LEFT)
                p.add_run(ev["marker"] + "\t")
                add_text_with_footnotes(p, ev["text"], fn_ids)
        elif t in ("lid", "lidlead"):
            p = d.add_paragraph()
            if ev["marker"]:
                p.paragraph_format.left_indent = Cm(0.8)
                p.paragraph_format.first_line_indent = -Cm(0.8)
                p.paragraph_format.tab_stops.add_tab_stop(Cm(0.8), WD_TAB_ALIGNMENT.LEFT)
                p.add_run(ev["marker"] + "\t")
            add_text_with_footnotes(p, ev["text"], fn_ids)
            if t == "lidlead":
                p.paragraph_format.keep_with_next = True
        elif t == "url":
            d.add_paragraph(ev["text"])
        elif t in ("list_end",):
            pass
        else:
            raise ValueError(t)
    buf = io.BytesIO()
    d.save(buf)
    path.write_bytes(fix_docx_bytes(buf.getvalue()))


# ======================================================================================
# main
# ======================================================================================


def write_gold(doc: Doc, pages: dict[str, int] | None, path: Path) -> int:
    rows = []
    for c in gold_clauses(doc):
        page = pages[c["cid"]] if pages is not None else None
        rows.append({"text": c["text"], "section": c["section"], "page": page})
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return len(rows)


def main() -> None:
    manifest = []
    for doc in DOCS:
        check_doc(doc)
        outdir = HERE / doc.subdir if doc.subdir else HERE
        outdir.mkdir(parents=True, exist_ok=True)
        if doc.fmt == "pdf":
            target = outdir / f"{doc.name}.pdf"
            pages, n_pages = build_pdf(doc, PDF_LAYOUTS[doc.layout], target)
            verify_pdf(doc, target)
        else:
            target = outdir / f"{doc.name}.docx"
            build_docx(doc, target)
            verify_docx(doc, target)
            pages, n_pages = None, None
        n = write_gold(doc, pages, outdir / f"{doc.name}.gold.jsonl")
        size = target.stat().st_size
        assert size < 200_000, (target, size)
        manifest.append(
            {
                "doc_id": doc.name,
                "file": str(target.relative_to(HERE)),
                "gold": str((outdir / f"{doc.name}.gold.jsonl").relative_to(HERE)),
                "split": "heldout" if doc.subdir == "heldout" else "dev",
                "title": doc.title,
                "language": "nl",
                "source": target.name,
                "pages": n_pages,
                "clauses": n,
                "layout": doc.layout,
                **doc.meta,
            }
        )
        print(f"{target.relative_to(HERE)}: {n} clauses, {n_pages or '?'} pages, {size} bytes")
    (HERE / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
