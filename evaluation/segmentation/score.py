"""Score the segmenter against gold clause lists and audit the whole corpus.

Usage::

    python -m evaluation.segmentation.score            # print the tables
    python -m evaluation.segmentation.score --write    # also update evaluation/README.md

Gold sets:

- ``evaluation/gold/segmentation/<doc_id>.gold.jsonl``: hand-checked clause lists for founding
  documents (the source is the corpus file named in ``corpus/manifest.csv``);
- ``evaluation/segmentation/unseen/*.gold.jsonl`` (dev) and ``.../unseen/heldout/*.gold.jsonl``:
  generated PDF/DOCX documents next to their gold lists.

Metrics per document:

- clause F1 (exact): a predicted clause counts when its text equals a gold clause after
  whitespace normalisation (matched in order, duplicates allowed);
- clause F1 (>= 0.9): the same with a character similarity of at least 0.9 (a stray footnote
  number or quote does not make a clause wrong);
- boundary F1: clause start positions compared on the aligned word streams of gold and
  prediction, independent of the exact characters.

The audit runs over every corpus document and counts fragments (under 4 words), clauses over
80 words, leftover line-break hyphens and furniture surviving as clauses.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from nlp.coding.evaluate import replace_block
from nlp.ingest.manifest import read_manifest
from nlp.ingest.pipeline import process
from nlp.records import Clause
from nlp.resources import BARE_URL_RE, CAPTION_RE, MAX_CLAUSE_WORDS, MIN_CLAUSE_WORDS, PAGE_NUMBER_RE

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "evaluation" / "gold" / "segmentation"
BLIND_DIR = Path(__file__).parent / "blind"
UNSEEN_DIR = ROOT / "evaluation" / "segmentation" / "unseen"
CORPUS = ROOT / "corpus"
README = ROOT / "evaluation" / "README.md"
_WORD = re.compile(r"\w+", re.UNICODE)


def norm(text: str) -> str:
    """Normalise a clause text for comparison: NFC, one space, straight quotes."""
    text = unicodedata.normalize("NFC", text)
    text = text.translate(str.maketrans({"‘": "'", "’": "'", "´": "'", "“": '"', "”": '"'}))
    return " ".join(text.split())


@dataclass
class Score:
    """Scores of one document (or a sum of documents)."""

    name: str
    n_gold: int = 0
    n_pred: int = 0
    exact: int = 0
    fuzzy: int = 0
    b_gold: int = 0
    b_pred: int = 0
    b_hit: int = 0

    @staticmethod
    def f1(hit: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
        """Precision, recall and F1."""
        p = hit / n_pred if n_pred else 0.0
        r = hit / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def add(self, other: Score) -> None:
        """Add another document's counts."""
        for k in ("n_gold", "n_pred", "exact", "fuzzy", "b_gold", "b_pred", "b_hit"):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def row(self) -> str:
        """A Markdown table row."""
        ep, er, ef = self.f1(self.exact, self.n_pred, self.n_gold)
        fp, fr, ff = self.f1(self.fuzzy, self.n_pred, self.n_gold)
        bp, br, bf = self.f1(self.b_hit, self.b_pred, self.b_gold)
        return (
            f"| {self.name} | {self.n_gold} | {self.n_pred} | {ep:.3f} / {er:.3f} / **{ef:.3f}** | "
            f"{fp:.3f} / {fr:.3f} / **{ff:.3f}** | {bp:.3f} / {br:.3f} / **{bf:.3f}** |"
        )


def _match_count(gold: list[str], pred: list[str], threshold: float) -> int:
    """Number of gold clauses matched by a predicted clause, in order (LCS-style DP)."""
    if threshold >= 1.0:
        sm = difflib.SequenceMatcher(None, gold, pred, autojunk=False)
        return sum(b.size for b in sm.get_matching_blocks())
    # Monotone alignment allowing similar (not identical) texts: greedy with a window.
    hits = 0
    j = 0
    for g in gold:
        best, best_k = 0.0, -1
        for k in range(j, min(len(pred), j + 8)):
            p = pred[k]
            if abs(len(p) - len(g)) > 0.2 * max(len(g), 1) + 5:
                continue
            r = difflib.SequenceMatcher(None, g, p, autojunk=False).ratio()
            if r > best:
                best, best_k = r, k
        if best >= threshold:
            hits += 1
            j = best_k + 1
    return hits


def _boundaries(clauses: list[str]) -> tuple[list[str], set[int]]:
    words: list[str] = []
    starts: set[int] = set()
    for c in clauses:
        toks = [w.lower() for w in _WORD.findall(c)]
        if toks:
            starts.add(len(words))
            words.extend(toks)
    return words, starts


def score(name: str, gold: list[str], pred: list[str]) -> Score:
    """Score predicted clause texts against gold clause texts."""
    g = [norm(t) for t in gold]
    p = [norm(t) for t in pred]
    s = Score(name, n_gold=len(g), n_pred=len(p))
    s.exact = _match_count(g, p, 1.0)
    s.fuzzy = _match_count(g, p, 0.9)
    gw, gs = _boundaries(g)
    pw, ps = _boundaries(p)
    sm = difflib.SequenceMatcher(None, gw, pw, autojunk=False)
    mapped: set[int] = set()
    for blk in sm.get_matching_blocks():
        for off in range(blk.size):
            if blk.b + off in ps:
                mapped.add(blk.a + off)
    s.b_gold, s.b_pred = len(gs), len(ps)
    s.b_hit = len(mapped & gs)
    return s


def _load_gold(path: Path) -> list[str]:
    return [
        json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def gold_sets() -> dict[str, list[tuple[str, Path, Path]]]:
    """Gold sets by name: (document name, source file, gold file)."""
    by_file = read_manifest(CORPUS / "manifest.csv")
    by_id = {m.doc_id: f for f, m in by_file.items()}
    sets: dict[str, list[tuple[str, Path, Path]]] = {"founding documents (hand-checked)": []}
    for gold in sorted(GOLD_DIR.glob("*.gold.jsonl")):
        doc_id = gold.name.removesuffix(".gold.jsonl")
        if doc_id in by_id:
            sets["founding documents (hand-checked)"].append((doc_id, CORPUS / by_id[doc_id], gold))
    for label, folder in (
        ("unseen-style PDF/DOCX, dev", UNSEEN_DIR),
        ("unseen-style PDF/DOCX, held out (inspected once, no longer clean)", UNSEEN_DIR / "heldout"),
        ("blind PDF/DOCX (made by a helper, never inspected)", BLIND_DIR),
    ):
        items = []
        for gold in sorted(folder.glob("*.gold.jsonl")):
            stem = gold.name.removesuffix(".gold.jsonl")
            src = next(
                (
                    folder / f"{stem}{ext}"
                    for ext in (".pdf", ".docx", ".html", ".txt")
                    if (folder / f"{stem}{ext}").exists()
                ),
                None,
            )
            if src is not None:
                items.append((src.name, src, gold))
        if items:
            sets[label] = items
    return sets


def _truncate_to_gold(pred: list[Clause], gold: list[str]) -> list[str]:
    """For a gold list covering only a stretch of a document, cut predictions at its end."""
    texts = [c.text for c in pred]
    last = norm(gold[-1])
    best, best_i = 0.0, len(texts) - 1
    for i, t in enumerate(texts):
        r = difflib.SequenceMatcher(None, last, norm(t), autojunk=False).ratio()
        if r > best:
            best, best_i = r, i
    return texts[: best_i + 1] if best >= 0.6 else texts


@dataclass
class Audit:
    """Counts of suspicious clauses over a set of documents."""

    clauses: int = 0
    fragments: int = 0
    long: int = 0
    hyphens: int = 0
    furniture: int = 0


_LEFTOVER_HYPHEN = re.compile(r"[a-zà-ÿ]{2,}- (?!en\b|of\b|tot\b|als\b|noch\b|en/of\b)[a-zà-ÿ]{2,}")
_FOOTNOTE_LIKE = re.compile(r"^\d{1,3}\s+(?:https?://|www\.|Website|Zie |See )", re.IGNORECASE)


def audit_clauses(clauses: list[Clause], audit: Audit, examples: dict[str, list[str]]) -> None:
    """Add one document's clauses to an audit."""
    seen: dict[str, int] = {}
    for c in clauses:
        seen[c.text] = seen.get(c.text, 0) + 1
    for c in clauses:
        audit.clauses += 1
        n_words = len(_WORD.findall(c.text))
        if n_words < MIN_CLAUSE_WORDS:
            audit.fragments += 1
            examples.setdefault("fragments", []).append(c.text)
        if n_words > MAX_CLAUSE_WORDS:
            audit.long += 1
        if _LEFTOVER_HYPHEN.search(c.text):
            audit.hyphens += 1
            examples.setdefault("hyphens", []).append(c.text[:120])
        furniture = (
            PAGE_NUMBER_RE.match(c.text)
            or BARE_URL_RE.match(c.text)
            or _FOOTNOTE_LIKE.match(c.text)
            or CAPTION_RE.match(c.text)
            or ("http" in c.text and len(_WORD.findall(c.text)) < 12)
            or (seen[c.text] >= 3 and n_words < 10)
        )
        if furniture:
            audit.furniture += 1
            examples.setdefault("furniture", []).append(c.text[:120])


def run(write: bool = False) -> str:
    """Score every gold set, audit the corpus, return (and optionally write) the report."""
    out: list[str] = []
    header = "| document | gold | predicted | exact P / R / F1 | >=0.9 P / R / F1 | boundary P / R / F1 |\n|---|---|---|---|---|---|"
    for label, items in gold_sets().items():
        out.append(f"**{label}**\n\n{header}")
        total = Score("all")
        for name, src, gold_path in items:
            gold = _load_gold(gold_path)
            _, clauses = process(src)
            pred = (
                _truncate_to_gold(clauses, gold) if name == "sia-industrie40" else [c.text for c in clauses]
            )
            s = score(name, gold, pred)
            total.add(s)
            out.append(s.row())
        out.append(total.row().replace("| all |", "| **all** |"))
        out.append("")
    audit = Audit()
    examples: dict[str, list[str]] = {}
    t0 = time.perf_counter()
    files = sorted(read_manifest(CORPUS / "manifest.csv"))
    for f in files:
        _, clauses = process(CORPUS / f)
        audit_clauses(clauses, audit, examples)
    secs = time.perf_counter() - t0
    pct = lambda n: 100 * n / max(audit.clauses, 1)  # noqa: E731
    out.append(
        f"**Audit of the bundled corpus** ({len(files)} documents, {audit.clauses} clauses, {secs:.0f} s)\n\n"
        "| check | clauses | share |\n|---|---|---|\n"
        f"| fragments (< {MIN_CLAUSE_WORDS} words) | {audit.fragments} | {pct(audit.fragments):.2f}% |\n"
        f"| over {MAX_CLAUSE_WORDS} words | {audit.long} | {pct(audit.long):.2f}% |\n"
        f"| leftover line-break hyphens | {audit.hyphens} | {pct(audit.hyphens):.2f}% |\n"
        f"| furniture (page numbers, URLs, footnotes, captions, repeated lines) | {audit.furniture} | {pct(audit.furniture):.2f}% |"
    )
    for kind in ("fragments", "furniture", "hyphens"):
        ex = examples.get(kind, [])[:8]
        if ex:
            out.append(f"\nExamples ({kind}): " + "; ".join(f"`{e}`" for e in ex))
    report = "\n".join(out)
    if write:
        _write_readme(report)
    return report


def _write_readme(report: str) -> None:
    replace_block(README, report, "<!-- segmentation:begin -->", "<!-- segmentation:end -->", "Segmentation")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update evaluation/README.md")
    args = parser.parse_args(argv)
    print(run(write=args.write))
    return 0


if __name__ == "__main__":
    sys.exit(main())
