#!/usr/bin/env python3
"""Compare pypdf and pdfplumber text extraction on the unseen fixture PDFs.

Usage (from the repository root)::

    .venv/bin/python evaluation/segmentation/unseen/compare_extractors.py [--heldout] [--show]

For every dev PDF (``--heldout`` adds the held-out PDFs) both extractors are run with their
default call (``PdfReader(f).pages[i].extract_text()`` and ``pdfplumber page.extract_text()``)
and scored against the gold clause list (``<name>.gold.jsonl``):

- ``time``: wall time for the whole file (open + all pages), best of 3 runs;
- ``ratio``: difflib ``SequenceMatcher.ratio()`` of the word sequence of the extracted text
  (lowercased, line-end hyphens removed naively: ``x-\\ny`` -> ``xy``) against the words of the
  gold clauses joined in order. Headers, headings, footnotes etc. are not in the gold, so 1.0
  is out of reach; compare extractors with each other;
- ``gold words``: share of gold words matched in order by that alignment;
- ``clauses exact``: share of gold clauses whose words occur contiguously in the extraction;
- ``clauses >=90%``: share of gold clauses of which >= 90% of the words occur in order within a
  short window (tolerates a glued footnote number or a naive join of a real hyphen);
- ``clause order``: share of consecutive found clauses that appear in document order;
- ``columns``: 2-column pages read column by column (all lines of the left column, as laid out
  on the page, found intact and before all lines of the right column);
- ``-\\n``: line-end hyphens in the output; ``join ok``: share of them where the naive join
  gives a word of the gold text (a soft hyphenation break), ``keep ok``: where keeping the
  hyphen does (a real compound such as ``AI-\\ntoepassingen``);
- ``bullets``: bullet items whose line starts with "•" / with another glyph; expected count
  comes from the source data in ``fixture_texts.py``.

Writes ``extractor_results.json`` next to this script and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from difflib import SequenceMatcher
from pathlib import Path

import pdfplumber
from pypdf import PdfReader

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import itertools

from fixture_model import L
from fixture_texts import DOCS

WORD = re.compile(r"\w+")


def extract_pypdf(path: Path) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(path).pages]


def extract_pdfplumber(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [p.extract_text() or "" for p in pdf.pages]


EXTRACTORS = {"pypdf": extract_pypdf, "pdfplumber": extract_pdfplumber}


def dehyphen(text: str) -> str:
    return re.sub(r"-\n", "", text)


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def clause_match(c: list[str], ext: list[str], index: dict[str, list[int]]) -> tuple[float, int]:
    """Best in-order match of clause words ``c`` in a window of ``ext``: (fraction, start)."""
    best, best_pos = 0.0, -1
    anchors = [(len(index.get(w, ())), j, w) for j, w in enumerate(c) if w in index]
    if not anchors:
        return 0.0, -1
    anchors.sort()
    tried = set()
    for _, j, w in anchors[:3]:
        for p in index[w][:50]:
            s = max(0, p - j - 5)
            if s in tried:
                continue
            tried.add(s)
            win = ext[s : s + int(len(c) * 1.5) + 10]
            m = sum(b.size for b in SequenceMatcher(None, c, win, autojunk=False).get_matching_blocks())
            if m / len(c) > best:
                best, best_pos = m / len(c), s
    return best, best_pos


def contains(seq: list[str], sub: list[str], index: dict[str, list[int]]) -> bool:
    return any(seq[p : p + len(sub)] == sub for p in index.get(sub[0], ()))


def column_lines(page) -> tuple[list[str], list[str]] | None:
    """Body-text lines of the left and right column of a pdfplumber page (None if 1 column)."""
    mid = page.width / 2
    ws = page.extract_words(extra_attrs=["size"])
    if not ws:
        return None
    # body text only: the modal font size (drops headers, footers, footnotes, headings,
    # superscripts and chart labels)
    body = statistics.mode(round(w["size"], 1) for w in ws)
    ws = [w for w in ws if round(w["size"], 1) == body]
    full_tops = {round(w["top"]) for w in ws if w["x0"] < mid - 3 and w["x1"] > mid + 3}
    cols: dict[str, list] = {"l": [], "r": []}
    for w in ws:
        if any(abs(round(w["top"]) - t) <= 2 for t in full_tops):
            continue
        if w["x1"] <= mid:
            cols["l"].append(w)
        elif w["x0"] >= mid:
            cols["r"].append(w)
    out = []
    for key in ("l", "r"):
        lines: list[list] = []
        for w in sorted(cols[key], key=lambda w: (w["top"], w["x0"])):
            if lines and abs(lines[-1][0]["top"] - w["top"]) <= 2.5:
                lines[-1].append(w)
            else:
                lines.append([w])
        texts = [
            " ".join(x["text"] for x in sorted(line, key=lambda w: w["x0"]) if x["text"] != "(cid:127)")
            for line in lines
        ]
        out.append([t for t in texts if len(t.split()) >= 5])
    if len(out[0]) < 8 or len(out[1]) < 8:
        return None
    return out[0], out[1]


def column_check(page_text: str, left: list[str], right: list[str]) -> dict:
    """Scan the page text for the left-column lines, then the right-column lines, in order."""
    norm = " ".join(page_text.split())
    pos, found = 0, {"l": 0, "r": 0}
    for key, lines in (("l", left), ("r", right)):
        for t in lines:
            p = norm.find(t, pos)
            if p >= 0:
                found[key] += 1
                pos = p + len(t)
    fl, fr = found["l"] / len(left), found["r"] / len(right)
    return {"left_found": fl, "right_found": fr, "column_wise": bool(fl >= 0.8 and fr >= 0.8)}


def expected_markers(name: str) -> dict:
    doc = next(d for d in DOCS if d.name == name)
    n_bul = sum(len(b.items) for b in doc.blocks if isinstance(b, L) and b.kind == "bullet")
    return {"bullet_items": n_bul}


def score(path: Path, pages: list[str], gold: list[dict], plumber_pages) -> dict:
    raw = "\n".join(pages)
    ext = words(dehyphen(raw))
    gold_words = [words(g["text"]) for g in gold]
    gw = [w for c in gold_words for w in c]
    sm = SequenceMatcher(None, gw, ext, autojunk=False)
    matched = sum(b.size for b in sm.get_matching_blocks())
    index: dict[str, list[int]] = {}
    for i, w in enumerate(ext):
        index.setdefault(w, []).append(i)
    exact = lenient = 0
    positions = []
    for c in gold_words:
        if contains(ext, c, index):
            exact += 1
        frac, pos = clause_match(c, ext, index)
        if frac >= 0.9:
            lenient += 1
            positions.append(pos)
    in_order = sum(b > a for a, b in itertools.pairwise(positions)) / max(1, len(positions) - 1)

    # line-end hyphens
    vocab = {w.strip(".,;:()“”‘’'?!").lower() for g in gold for w in g["text"].split()}
    hy = re.findall(r"(\w[\w-]*)-\n(\w+)", raw)
    join_ok = sum((a + b).lower() in vocab for a, b in hy)
    keep_ok = sum(f"{a}-{b}".lower() in vocab for a, b in hy)

    # bullets and markers at line start
    lines = raw.split("\n")
    bullet_dot = sum(bool(re.match(r"^\s*•", ln)) for ln in lines)
    bullet_other = sum(bool(re.match(r"^\s*(?:[\x7f\uf0b7\uf0a7\u25aa]|\(cid:127\))", ln)) for ln in lines)

    # columns
    cols = []
    for i, pl in enumerate(plumber_pages):
        if pl is None:
            continue
        left, right = pl
        cols.append(column_check(pages[i], left, right))
    return {
        "ratio": sm.ratio(),
        "gold_words_matched": matched / len(gw),
        "clauses": len(gold),
        "clauses_exact": exact / len(gold),
        "clauses_90": lenient / len(gold),
        "clause_order": in_order,
        "two_col_pages": len(cols),
        "column_wise_pages": sum(c["column_wise"] for c in cols),
        "column_lines_found": (
            statistics.mean((c["left_found"] + c["right_found"]) / 2 for c in cols) if cols else None
        ),
        "line_end_hyphens": len(hy),
        "hyphen_join_ok": join_ok,
        "hyphen_keep_ok": keep_ok,
        "bullet_lines_dot": bullet_dot,
        "bullet_lines_other_glyph": bullet_other,
        **expected_markers(path.stem),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--heldout", action="store_true", help="also score the held-out PDFs")
    ap.add_argument("--show", action="store_true", help="print the first/last lines per page")
    args = ap.parse_args()
    pdfs = sorted(HERE.glob("*.pdf"))
    if args.heldout:
        pdfs += sorted((HERE / "heldout").glob("*.pdf"))
    results = []
    for path in pdfs:
        gold = [json.loads(x) for x in path.with_suffix(".gold.jsonl").read_text().splitlines()]
        with pdfplumber.open(path) as pdf:
            col_lines = [column_lines(p) for p in pdf.pages]
        for name, fn in EXTRACTORS.items():
            times = []
            for _ in range(3):
                t0 = time.perf_counter()
                pages = fn(path)
                times.append(time.perf_counter() - t0)
            r = {
                "file": path.name,
                "extractor": name,
                "pages": len(pages),
                "time_s": min(times),
                **score(path, pages, gold, col_lines),
            }
            results.append(r)
            if args.show:
                for i, t in enumerate(pages):
                    ls = t.split("\n")
                    print(f"--- {path.name} {name} p{i + 1}: first={ls[:2]!r} last={ls[-3:]!r}")
    (HERE / "extractor_results.json").write_text(json.dumps(results, indent=1) + "\n")

    hdr = (
        "| file | extractor | time (s) | ratio | gold words | clauses exact | clauses ≥90% "
        "| clause order | 2-col pages col-wise | `-\\n` (join ok / keep ok) | bullet lines • / other |"
    )
    print(hdr)
    print("|" + "---|" * (hdr.count("|") - 1))
    for r in results:
        cw = f"{r['column_wise_pages']}/{r['two_col_pages']}" if r["two_col_pages"] else "n/a"
        print(
            f"| {r['file']} | {r['extractor']} | {r['time_s']:.3f} | {r['ratio']:.3f} "
            f"| {r['gold_words_matched']:.1%} | {r['clauses_exact']:.1%} "
            f"| {r['clauses_90']:.1%} | {r['clause_order']:.1%} | {cw} "
            f"| {r['line_end_hyphens']} ({r['hyphen_join_ok']} / {r['hyphen_keep_ok']}) "
            f"| {r['bullet_lines_dot']} / {r['bullet_lines_other_glyph']} "
            f"(of {r['bullet_items']}) |"
        )
    # totals per extractor (clause-weighted)
    for name in EXTRACTORS:
        rs = [r for r in results if r["extractor"] == name]
        n = sum(r["clauses"] for r in rs)
        print(
            f"| **all** | {name} | {sum(r['time_s'] for r in rs):.3f} "
            f"| {statistics.mean(r['ratio'] for r in rs):.3f} (mean) "
            f"| {statistics.mean(r['gold_words_matched'] for r in rs):.1%} (mean) "
            f"| {sum(r['clauses_exact'] * r['clauses'] for r in rs) / n:.1%} "
            f"| {sum(r['clauses_90'] * r['clauses'] for r in rs) / n:.1%} | | "
            f"{sum(r['column_wise_pages'] for r in rs)}/{sum(r['two_col_pages'] for r in rs)}"
            " | | |"
        )


if __name__ == "__main__":
    main()
