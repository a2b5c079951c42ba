"""Calibrate the compare threshold: when is a clause's best match in another document "comparable"?

Gold (``evaluation/gold/retrieval/compare_pairs.jsonl``): 240 pairs, each a corpus clause and its
most similar clause in another document, sampled 30 per band of USE cosine (0.35-0.45, ..., 0.8+),
judged by reading ("would a reader comparing the two documents want to see B next to A: the same
arrangement, right, duty, procedure, definition, risk or recommendation?"); 80 judged twice,
blind (agreement and kappa below), disagreements decided with a reason. Because the bands were
sampled equally, precision and recall are weighted by how often each band occurs among the best
matches of all corpus clauses of six words or more. Thresholds are the app slider's steps; the
chosen one is the lowest whose weighted F1 is within :data:`TIE` of the best (a pair not shown
is never seen, a wrong pair is seen and skipped; on 240 pairs, F1 differences below that are
noise). It is :data:`nlp.analysis.compare.ALIGN_THRESHOLD`, shared by the CLI, the app and the
README.
Run from the repository root (needs the coded store of ``make app``)::

    python -m evaluation.retrieval.compare_threshold [--write]
"""

from __future__ import annotations

import argparse
import json
from itertools import pairwise
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "evaluation" / "gold" / "retrieval" / "compare_pairs.jsonl"
README = ROOT / "evaluation" / "README.md"
BEGIN, END = "<!-- compare:begin -->", "<!-- compare:end -->"
BANDS = (0.35, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 1.01)
MIN_WORDS = 6
TIE = 0.02


def band_weights(best: np.ndarray) -> np.ndarray:
    """Share of best-match cosines in each band."""
    return np.array([((best >= lo) & (best < hi)).mean() for lo, hi in pairwise(BANDS)])


def weighted_prf(cos: np.ndarray, y: np.ndarray, weights: np.ndarray, threshold: float) -> tuple[float, float, float]:
    """Precision, recall and F1 of "comparable when cosine >= threshold", each pair weighted by its band."""
    band = np.searchsorted(BANDS, cos, side="right") - 1
    counts = np.bincount(band, minlength=len(weights))
    w = weights[band] / counts[band]
    shown = cos >= threshold
    tp = float((w * (shown & y)).sum())
    p = tp / max(float((w * shown).sum()), 1e-9)
    r = tp / max(float((w * y).sum()), 1e-9)
    return p, r, 2 * p * r / max(p + r, 1e-9)


def kappa(a: list[bool], b: list[bool]) -> tuple[float, float]:
    """Observed agreement and Cohen's kappa of two yes/no judgements."""
    po = sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
    pa, pb = sum(a) / len(a), sum(b) / len(b)
    pe = pa * pb + (1 - pa) * (1 - pb)
    return po, (po - pe) / (1 - pe)


def best_matches(store: object) -> np.ndarray:
    """Each clause's highest cosine to a clause of another document (clauses of six words or more)."""
    from nlp.retrieval.search import ClauseIndex

    index = ClauseIndex.from_store(store)
    V = index.vectors / np.linalg.norm(index.vectors, axis=1, keepdims=True)
    docs = np.array([r["doc_id"] for r in index.rows])
    out = []
    for i, r in enumerate(index.rows):
        if len(r["text"].split()) < MIN_WORDS:
            continue
        s = V @ V[i]
        s[docs == docs[i]] = -1.0
        out.append(float(s.max()))
    return np.array(out)


def report(gold: list[dict], weights: np.ndarray) -> tuple[str, float]:
    """The Markdown table and the chosen threshold."""
    cos = np.array([g["cosine"] for g in gold])
    y = np.array([bool(g["comparable"]) for g in gold])
    twice = [g for g in gold if "annotator_2" in g]
    po, k = kappa([g["annotator_1"] for g in twice], [g["annotator_2"] for g in twice])
    rows = []
    for t in np.round(np.arange(0.40, 0.86, 0.05), 2):
        p, r, f = weighted_prf(cos, y, weights, float(t))
        rows.append((float(t), p, r, f))
    top = max(f for *_, f in rows)
    chosen = min(t for t, _, _, f in rows if f >= top - TIE)
    lines = [
        f"{len(gold)} pairs ({int(y.sum())} comparable); {len(twice)} judged twice, blind: agreement {po:.2f}, "
        f"kappa {k:.2f}; {sum('adjudication' in g for g in gold)} disagreements decided.",
        "",
        "| shown as comparable when cosine >= | precision | recall | F1 |",
        "|---|---|---|---|",
    ]
    for t, p, r, f in rows:
        mark = " **(chosen, shipped)**" if t == chosen else ""
        lines.append(f"| {t:.2f}{mark} | {p:.2f} | {r:.2f} | {f:.2f} |")
    return "\n".join(lines) + "\n", chosen


def main() -> None:
    """Print (or write into evaluation/README.md) the calibration table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the table into evaluation/README.md")
    args = parser.parse_args()
    from nlp.store.base import Store
    from nlp.store.paths import default_store

    gold = [json.loads(x) for x in GOLD.read_text(encoding="utf-8").splitlines() if x.strip()]
    with Store(default_store(), read_only=True) as store:
        weights = band_weights(best_matches(store))
    text, chosen = report(gold, weights)
    print(text + f"\nchosen threshold: {chosen:.2f}")
    if args.write:
        readme = README.read_text(encoding="utf-8")
        head, rest = readme.split(BEGIN, 1)
        README.write_text(head + BEGIN + "\n" + text + END + rest.split(END, 1)[1], encoding="utf-8")


if __name__ == "__main__":
    main()
