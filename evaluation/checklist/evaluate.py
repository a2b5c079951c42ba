"""Provision detection on the checklist gold: choose the method on train + dev, score test once.

Methods compared by cross-validation over the train and dev documents (5 folds by document
family, every clause of every document, so most pairs are negatives as in real use):

- ``retrieval``: the clause's similarity to the provision's examples, thresholded;
- ``verifier``: :class:`nlp.analysis.provisions.ProvisionDetector` over all five signals;
- ``per-provision``: one logistic classifier per provision on the clause embedding, trained on
  the labelled clauses and the examples (a provision with no labelled clause is never found).

The winner is fitted on train + dev with the threshold that maximises the pooled held-out F1,
written to ``models/provision-detector.json`` (``--write``), and scored on the test documents
(``--test``: once per released detector). Examples from test documents are never used, here or
in the features. Run from the repository root::

    python -m evaluation.checklist.evaluate [--write] [--test]
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
from pathlib import Path
from typing import Any

import numpy as np

from evaluation.checklist.agreement import doc_status
from evaluation.checklist.gold import documents, labels
from nlp.analysis.checklist import Provision, load_checklist
from nlp.analysis.provisions import (
    FEATURES,
    ProvisionDetector,
    clause_views,
    findings,
    pair_features,
    save_detector,
)

HERE = Path(__file__).parent
README = HERE.parent / "README.md"
BEGIN, END = "<!-- checklist:begin -->", "<!-- checklist:end -->"
SPLIT_CSV = HERE.parent / "gold" / "classification" / "split.csv"
FOLDS = 5


@dataclasses.dataclass
class Data:
    """Everything detection reads about the gold documents."""

    clauses: list[Any]
    X: np.ndarray  # (n, P, F)
    Y: np.ndarray  # (n, P) 1 where the gold carries the provision
    levels: list[dict[str, str]]
    vectors: np.ndarray
    split: np.ndarray
    family: np.ndarray
    provisions: list[Provision]


def without_examples_from(provisions: list[Provision], doc_ids: set[str]) -> list[Provision]:
    """The checklist with the examples taken from ``doc_ids`` left out."""
    return [
        dataclasses.replace(
            p, examples=tuple(e for e in p.examples if e.clause_id.rsplit(":", 1)[0] not in doc_ids)
        )
        for p in provisions
    ]


def load(store: Any) -> Data:
    """Features and gold labels of every clause of the gold documents."""
    from nlp.retrieval.embed import embed
    from nlp.retrieval.search import ClauseIndex

    docs = {d.doc_id: d for d in documents()}
    test_docs = {d for d, g in docs.items() if g.split == "test"}
    provisions = without_examples_from(load_checklist(), test_docs)
    index = ClauseIndex.from_store(store)
    views = clause_views(index)
    keep = [i for i, c in enumerate(views) if c.doc_id in docs]
    clauses = [views[i] for i in keep]
    vectors = index.vectors[keep]
    X = pair_features(clauses, vectors, provisions, lambda t: embed(t, index.embedder, store))
    gold = labels()
    levels = [gold.get(c.clause_id, {}) for c in clauses]
    Y = np.array([[int(p.id in lv) for p in provisions] for lv in levels], dtype=int).reshape(
        len(clauses), len(provisions)
    )
    with SPLIT_CSV.open(encoding="utf-8") as f:
        fam = {r["doc_id"]: r["family"] for r in csv.DictReader(f)}
    split = np.array([docs[c.doc_id].split for c in clauses])
    family = np.array([fam.get(c.doc_id, c.doc_id) for c in clauses])
    return Data(clauses, X, Y, levels, vectors, split, family, provisions)


def prf(y: np.ndarray, pred: np.ndarray) -> tuple[float, float, float]:
    """Precision, recall and F1 of 0/1 arrays."""
    tp = int((y & pred).sum())
    p = tp / max(int(pred.sum()), 1)
    r = tp / max(int(y.sum()), 1)
    return p, r, 2 * p * r / max(p + r, 1e-9)


def best_threshold(y: np.ndarray, scores: np.ndarray) -> float:
    """The score threshold with the highest F1."""
    cands = np.unique(np.round(scores[scores > 0], 4))
    if not len(cands):
        return 0.5
    f1 = [prf(y, (scores >= t).astype(int))[2] for t in cands]
    return float(cands[int(np.argmax(f1))])


def scores_of(method: str, data: Data, train: np.ndarray, test: np.ndarray, C: float = 1.0) -> np.ndarray:
    """``(len(test), P)`` scores of a method fitted on the ``train`` rows."""
    F = len(FEATURES)
    if method == "retrieval":
        return data.X[test, :, 0]
    if method == "verifier":
        det = ProvisionDetector(C=C).fit(data.X[train].reshape(-1, F), data.Y[train].reshape(-1))
        return det.predict_proba(data.X[test].reshape(-1, F))[:, 1].reshape(len(test), -1)
    if method == "per-provision":
        from sklearn.linear_model import LogisticRegression

        from nlp.retrieval.embed import embed

        out = np.zeros((len(test), len(data.provisions)))
        for j, p in enumerate(data.provisions):
            ex = [e.text for e in p.examples]
            Xt = np.vstack([data.vectors[train], embed(ex)]) if ex else data.vectors[train]
            yt = np.r_[data.Y[train, j], np.ones(len(ex), dtype=int)]
            if yt.sum() == 0:
                continue
            model = LogisticRegression(C=C, class_weight="balanced", max_iter=2000).fit(Xt, yt)
            out[:, j] = model.predict_proba(data.vectors[test])[:, 1]
        return out
    raise ValueError(method)


def cross_validate(data: Data, method: str, C: float = 1.0) -> np.ndarray:
    """Held-out scores for every train + dev row (folds by document family)."""
    from sklearn.model_selection import GroupKFold

    rows = np.where(data.split != "test")[0]
    out = np.zeros((len(rows), len(data.provisions)))
    for tr, te in GroupKFold(n_splits=FOLDS).split(rows, groups=data.family[rows]):
        out[te] = scores_of(method, data, rows[tr], rows[te], C)
    return out


def status_cells(
    data: Data, rows: np.ndarray, scores: np.ndarray, threshold: float
) -> list[tuple[str, str, str]]:
    """(provision, gold status, detected status) of every document x provision cell."""
    clauses = [data.clauses[i] for i in rows]
    gold_labels = {c.clause_id: data.levels[i] for c, i in zip(clauses, rows, strict=True)}
    ids: dict[str, list[str]] = {}
    for c in clauses:
        ids.setdefault(c.doc_id, []).append(c.clause_id)
    return [
        (f.provision, doc_status(gold_labels, ids[f.doc_id], f.provision), f.status)
        for f in findings(clauses, scores, data.provisions, threshold)
    ]


def status_accuracy(
    data: Data, rows: np.ndarray, scores: np.ndarray, threshold: float
) -> tuple[int, int, int, int]:
    """Document x provision cells: (correct, all, correct among cells not absent in gold or prediction, those)."""
    cells = status_cells(data, rows, scores, threshold)
    live = [(g, d) for _, g, d in cells if g != "afwezig" or d != "afwezig"]
    return sum(g == d for _, g, d in cells), len(cells), sum(g == d for g, d in live), len(live)


def binding_agreement(data: Data, rows: np.ndarray) -> str:
    """How often the binding rule matches the gold level on the gold clause x provision labels."""
    pairs = [(lv == "bindend", data.clauses[i]) for i in rows for lv in data.levels[i].values()]
    stance = sum(g == (c.stance == "commitment") for g, c in pairs)
    rule = sum(g == c.binding for g, c in pairs)
    return (
        f"Binding or not, on the {len(pairs)} gold labels: the rule (commitment in a binding document "
        f"type) agrees with the gold level on {rule / len(pairs):.3f}, the stance alone on {stance / len(pairs):.3f}."
    )


def per_provision_table(data: Data, rows: np.ndarray, scores: np.ndarray, threshold: float) -> list[str]:
    """Markdown rows: provision, gold clauses, found, precision, recall, F1, documents right."""
    pred = (scores >= threshold).astype(int)
    cells = status_cells(data, rows, scores, threshold)
    out = []
    for j, p in enumerate(data.provisions):
        y = data.Y[rows, j]
        mine = [(g, d) for q, g, d in cells if q == p.id]
        gold_docs = sum(g != "afwezig" for g, _ in mine)
        right = sum(g == d for g, d in mine)
        if not y.sum() and not pred[:, j].sum():
            out.append(f"| {p.id} | 0 | 0 | | | | {right} of {len(mine)} ({gold_docs}) |")
            continue
        pr, rc, f1 = prf(y, pred[:, j])
        out.append(
            f"| {p.id} | {int(y.sum())} | {int(pred[:, j].sum())} | {pr:.2f} | {rc:.2f} | {f1:.2f} | {right} of {len(mine)} ({gold_docs}) |"
        )
    return out


def main() -> None:
    """Compare methods on train + dev, optionally write the detector and score test."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--write", action="store_true", help="write models/provision-detector.json and REPORT.md"
    )
    parser.add_argument(
        "--test", action="store_true", help="score the test documents (once per released detector)"
    )
    args = parser.parse_args()
    from nlp.store.base import Store
    from nlp.store.paths import default_store

    with Store(default_store(), read_only=True) as store:
        data = load(store)
    dev_rows = np.where(data.split != "test")[0]
    n_docs = {
        s: len({c.doc_id for c, x in zip(data.clauses, data.split, strict=True) if x == s})
        for s in ("train", "dev", "test")
    }
    lines = [
        "# Provision detection (issue 16)",
        "",
        f"Gold: every clause of {sum(n_docs.values())} documents read in full ({n_docs['train']} train, "
        f"{n_docs['dev']} dev, {n_docs['test']} test; {len(data.clauses)} clauses, "
        f"{int(data.Y.sum())} clause x provision labels). Generated by `evaluation/checklist/evaluate.py`.",
        "",
        f"## Choosing the method: cross-validation on train + dev ({FOLDS} folds by document family)",
        "",
        "| method | C | precision | recall | clause F1 | status accuracy | status accuracy where not both absent |",
        "|---|---|---|---|---|---|---|",
    ]
    best: tuple[float, str, float, float] = (-1.0, "", 1.0, 0.5)
    for method, C in (
        ("retrieval", 1.0),
        ("verifier", 0.1),
        ("verifier", 1.0),
        ("verifier", 10.0),
        ("per-provision", 1.0),
    ):
        s = cross_validate(data, method, C)
        y = data.Y[dev_rows]
        t = best_threshold(y.reshape(-1), s.reshape(-1))
        p, r, f1 = prf(y, (s >= t).astype(int))
        ok, n, ok_live, live = status_accuracy(data, dev_rows, s, t)
        lines.append(
            f"| {method} | {C:g} | {p:.2f} | {r:.2f} | {f1:.2f} | {ok / n:.3f} | {ok_live / max(live, 1):.3f} ({live} cells) |"
        )
        print(lines[-1], flush=True)
        if f1 > best[0]:
            best = (f1, method, C, t)
    f1, method, C, t = best
    lines += ["", f"Chosen: {method} (C {C:g}), threshold {t:.3f} from the pooled held-out scores."]
    if method != "verifier":
        lines.append("The shipped detector is the verifier; this method won and is not yet shippable.")
    F = len(FEATURES)
    det = ProvisionDetector(C=C, threshold=t).fit(
        data.X[dev_rows].reshape(-1, F), data.Y[dev_rows].reshape(-1)
    )
    lines.append(
        "Coefficients: "
        + ", ".join(f"{n} {c:+.2f}" for n, c in zip(FEATURES, det.coef_, strict=True))
        + f"; intercept {det.intercept_:+.2f}."
    )
    lines += ["", binding_agreement(data, dev_rows)]
    if args.test:
        test_rows = np.where(data.split == "test")[0]
        s = det.predict_proba(data.X[test_rows].reshape(-1, F))[:, 1].reshape(len(test_rows), -1)
        pred = (s >= det.threshold).astype(int)
        p, r, f1 = prf(data.Y[test_rows], pred)
        ok, n, ok_live, live = status_accuracy(data, test_rows, s, det.threshold)
        lines += [
            "",
            f"## Test: {n_docs['test']} documents no tuning saw (scored once)",
            "",
            f"Clause level (every clause x provision pair): precision {p:.2f}, recall {r:.2f}, F1 {f1:.2f}.",
            f"Document status (bindend / genoemd / afwezig): {ok} of {n} cells right ({ok / n:.3f}); "
            f"where gold or detection is not 'afwezig': {ok_live} of {live} ({ok_live / max(live, 1):.3f}).",
            "",
            "| provision | gold clauses | found | precision | recall | F1 | documents right (with the provision in gold) |",
            "|---|---|---|---|---|---|---|",
            *per_provision_table(data, test_rows, s, det.threshold),
            "",
            binding_agreement(data, test_rows),
        ]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.write:
        save_detector(
            det,
            trained_on=f"{len(dev_rows)} clauses of {n_docs['train'] + n_docs['dev']} train and dev documents",
        )
        (HERE / "REPORT.md").write_text(text, encoding="utf-8")
        readme = README.read_text(encoding="utf-8")
        if BEGIN in readme and END in readme and args.test:
            body = text.split("\n", 2)[2].replace("## ", "#### ")
            head, rest = readme.split(BEGIN, 1)
            README.write_text(head + BEGIN + "\n" + body + END + rest.split(END, 1)[1], encoding="utf-8")


if __name__ == "__main__":
    main()
