"""Pick train-document clauses the current model is least sure about (active learning).

For training only: dev and test documents keep their plain random samples. A model fitted on
the train split (``nlp.coding.train.fit_and_tune`` with the default configuration) scores every
not-yet-labelled clause of every train document; the clauses whose theme probabilities lie
closest to the decision threshold, or whose stance distribution is flattest, are picked, with a
cap per document so that no document dominates. The model only picks; people
label. The cap per document grows with the square root of its unlabelled clauses
(``--k`` times it). Writes ``real/sample-<first>.jsonl`` (``sample: uncertain``) and the annotation batches
``candidates/real-<first>.jsonl`` ...::

    python -m evaluation.gold.classification.real.uncertain --total 1500 --batches 5 --first-batch 8
"""

from __future__ import annotations

import argparse

import numpy as np

from evaluation.gold.classification.candidates import candidate
from evaluation.gold.classification.real.sample import HERE, norm, splits, write_batches, write_jsonl
from nlp.coding.gold import load_gold, select
from nlp.coding.train import embed_gold, fit_and_tune
from nlp.records import Sample
from nlp.store.base import Store


def uncertainty(theme_p: np.ndarray, thresholds: np.ndarray, stance_p: np.ndarray) -> np.ndarray:
    """Per clause, 1 = most uncertain: the closest theme to its threshold, or a flat stance."""
    margin = np.abs(theme_p - thresholds).min(axis=1)  # 0 at the threshold
    theme_u = 1.0 - np.minimum(margin / 0.5, 1.0)
    top2 = np.sort(stance_p, axis=1)[:, -2:]
    stance_u = 1.0 - (top2[:, 1] - top2[:, 0])
    return np.maximum(theme_u, stance_u)


def main() -> None:
    """Write the uncertainty sample and its batches."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--total", type=int, default=1500)
    ap.add_argument("--k", type=float, default=3.0, help="cap per document: k * sqrt(unlabelled clauses)")
    ap.add_argument("--batches", type=int, default=5)
    ap.add_argument("--first-batch", type=int, default=8)
    args = ap.parse_args()
    gold = load_gold()
    labelled = {(g.doc_id, norm(g.text)) for g in gold if not g.synthetic}
    split_of = splits()
    train, dev = select(gold, "train"), select(gold, "dev")
    with Store() as store:
        vectors = embed_gold([*train, *dev], store=store)
        coder = fit_and_tune(train, dev, vectors)
        pool: list[tuple[float, dict[str, object], dict[str, object]]] = []
        for doc in store.documents():
            doc_id = str(doc["doc_id"])
            if split_of[doc_id]["split"] != "train":
                continue
            clauses = store.clauses(doc_id)
            free = [i for i, c in enumerate(clauses) if (doc_id, norm(c.text)) not in labelled]
            if not free:
                continue
            X = [Sample(clauses[i].text, str(doc["doc_type"])) for i in free]
            tp, sp = coder.probabilities(X)
            u = uncertainty(tp, coder.themes.thresholds_, sp)
            order = np.argsort(-u)[: max(10, round(args.k * np.sqrt(len(free))))]
            pool += [(float(u[j]), doc, {"i": free[j], "clauses": clauses}) for j in order]
    pool.sort(key=lambda t: -t[0])
    picked = pool[: args.total]
    rows, sample = [], []
    for u, doc, ref in picked:
        c = candidate(doc, ref["clauses"], ref["i"])  # type: ignore[arg-type]
        rows.append(c)
        sample.append(
            {
                "id": c["id"],
                "doc_id": c["doc_id"],
                "text": c["text"],
                "sample": "uncertain",
                "split": "train",
                "legacy": False,
                "uncertainty": round(u, 3),
            }
        )
    write_jsonl(HERE / f"sample-{args.first_batch}.jsonl", sample)
    by_doc: dict[str, list[dict[str, object]]] = {}
    for r in sorted(rows, key=lambda r: (str(r["doc_id"]), int(str(r["id"]).rsplit(":", 1)[1]))):
        by_doc.setdefault(str(r["doc_id"]), []).append(r)
    write_batches(by_doc, args.batches, args.first_batch)


if __name__ == "__main__":
    main()
