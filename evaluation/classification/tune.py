"""Choose the coder's features and regularisation on the dev split (never on test).

Each configuration is fitted on train and scored on dev. Theme thresholds are cross-fitted on
dev: the dev documents are cut into two halves, thresholds tuned on one half score the other,
so no dev clause is scored with thresholds tuned on itself. Writes ``TUNING.md`` next to this
file::

    python -m evaluation.classification.tune
"""

from __future__ import annotations

import copy
import time
from pathlib import Path
from typing import Any

import numpy as np

from nlp.classify import best_threshold, to_indicator
from nlp.gold import load_gold, select
from nlp.metrics import stance_scores, theme_scores
from nlp.store import Store
from nlp.train import DEFAULT_CONFIG, embed_gold, fit_and_tune, samples

HERE = Path(__file__).parent


def variants() -> dict[str, dict[str, Any]]:
    """Named configurations: the default and one change at a time."""
    base = DEFAULT_CONFIG
    out: dict[str, dict[str, Any]] = {"default": base}

    def change(
        name: str, C: float | None = None, class_weight: str = "balanced", head: str = "", **features: float
    ) -> None:
        cfg = copy.deepcopy(base)
        for h in [head] if head else ["themes", "stance"]:
            cfg[h]["class_weight"] = None if class_weight == "none" else class_weight
            if C is not None:
                cfg[h]["C"] = C
            cfg[h]["features"].update(features)
        out[name] = cfg

    change("embedding only", word=0, char=0, cues=0, doc_type=0)
    change("tf-idf only (word+char)", embedding=0, cues=0, doc_type=0)
    change("no embedding", embedding=0)
    change("no char n-grams", char=0)
    change("no cue features", cues=0)
    change("cue weight 1.0", cues=1.0)
    change("no document type", doc_type=0)
    change("document type 1.0", doc_type=1.0)
    change("+ section path 0.5", section=0.5)
    change("+ neighbouring clauses 0.5", context=0.5)
    change("+ neighbouring clauses 0.25", context=0.25)
    change("embedding weight 2", embedding=2.0)
    change("char weight 0.5", char=0.5)
    change("cues 1 + doc type 1", cues=1.0, doc_type=1.0)
    change("cues 1 + doc type 1 + char 0.5", cues=1.0, doc_type=1.0, char=0.5)
    change("C = 1", C=1.0)
    change("C = 16", C=16.0)
    change("no class weights", class_weight="none")
    change("themes: no document type", head="themes", doc_type=0)
    change("themes: no document type, embedding 0.5", head="themes", doc_type=0, embedding=0.5)
    change("themes: no document type, no embedding", head="themes", doc_type=0, embedding=0)
    change("themes: no document type, cues 1.0", head="themes", doc_type=0, cues=1.0)
    change(
        "themes: no document type, cues 1.0, embedding 0.5",
        head="themes",
        doc_type=0,
        cues=1.0,
        embedding=0.5,
    )
    change("themes: no document type, cues 1.5", head="themes", doc_type=0, cues=1.5)
    for w in (1.0, 0.25):
        cfg = copy.deepcopy(base)
        cfg["corpus_weight"] = w
        out[f"corpus weight {w}"] = cfg
    change("cues 1 + doc type 1 + char 0.5, C = 16", C=16.0, cues=1.0, doc_type=1.0, char=0.5)
    return out


def cross_fit(coder: Any, dev: list[Any], vectors: dict[str, np.ndarray]) -> tuple[np.ndarray, list[str]]:
    """Theme predictions on dev with thresholds tuned on the other half of the dev documents."""
    docs = sorted({g.doc_id for g in dev})
    halves = [set(docs[0::2]), set(docs[1::2])]
    X = samples(dev, vectors)
    proba = coder.themes.predict_proba(X)
    Y = to_indicator([g.themes for g in dev])
    pred = np.zeros_like(Y)
    for a, b in ((0, 1), (1, 0)):
        tune_idx = [i for i, g in enumerate(dev) if g.doc_id in halves[a]]
        score_idx = [i for i, g in enumerate(dev) if g.doc_id in halves[b]]
        if not tune_idx or not score_idx:
            continue
        th = np.array([best_threshold(Y[tune_idx, k], proba[tune_idx, k]) for k in range(Y.shape[1])])
        pred[score_idx] = (proba[score_idx] >= th).astype(int)
    return pred, list(coder.stance.predict(X))


def main() -> None:
    """Score every variant on dev and write TUNING.md (``--only TEXT`` runs matching variants)."""
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default="", help="run only variants whose name contains this text")
    args = ap.parse_args()
    gold = load_gold()
    train, dev = select(gold, "train"), select(gold, "dev")
    with Store() as store:
        vectors = embed_gold([*train, *dev], store=store)
    rows = []
    for name, cfg in variants().items():
        if args.only and args.only not in name and name != "default":
            continue
        t0 = time.perf_counter()
        coder = fit_and_tune(train, [], vectors, cfg)
        themes, stances = cross_fit(coder, dev, vectors)
        t = theme_scores(to_indicator([g.themes for g in dev]), themes)
        s = stance_scores([g.stance for g in dev], stances)
        syn = [i for i, g in enumerate(dev) if g.synthetic]
        ts = theme_scores(to_indicator([dev[i].themes for i in syn]), themes[syn])
        ss = stance_scores([dev[i].stance for i in syn], [stances[i] for i in syn])
        scores = (
            t["micro_f1"],
            t["macro_f1"],
            s["macro_f1"],
            s["accuracy"],
            ts["micro_f1"],
            ts["macro_f1"],
            ss["macro_f1"],
        )
        rows.append((name, *scores, time.perf_counter() - t0))
        print(" | ".join([f"{name:<30}", *(f"{x:.3f}" for x in scores)]), flush=True)
    lines = [
        "# Tuning on the dev split",
        "",
        f"Fitted on train ({len(train)} clauses), scored on dev ({len(dev)} clauses, "
        f"{len({g.doc_id for g in dev})} documents); theme thresholds cross-fitted on dev halves. "
        "Generated by `tune.py`; the test split is not used.",
        "",
        "Columns 2-5: all dev clauses; columns 6-8: the dev clauses written for the gold set "
        "(CAO / covenant / guide / brief style), the style the acceptance set is written in.",
        "",
        "| configuration | theme micro-F1 | theme macro-F1 | stance macro-F1 | stance acc. "
        "| written: theme micro | written: theme macro | written: stance macro | fit s |",
        "|---|---|---|---|---|---|---|---|---|",
        *["| " + " | ".join([r[0], *(f"{x:.3f}" for x in r[1:-1]), f"{r[-1]:.0f}"]) + " |" for r in rows],
        "",
    ]
    lines += [
        'Decisions (the shipped configuration is `nlp.train.DEFAULT_CONFIG`, the row "default"):',
        "",
        "- Theme models leave out the document type and weigh cue features 1.0: a theme is what a clause",
        "  is about, whatever the document; this gave +0.02 theme micro-F1 on written dev clauses.",
        '- The stance model keeps the document type ("moet" binds in a CAO, advises in a guide).',
        "- Corpus clauses weigh 0.5 against written ones (noisier labels on law fragments and annexes).",
        "- Section path and neighbouring clauses change the scores by less than the noise between",
        "  runs (about 0.01), and `clause-atlas classify` input has no context, so both stay off.",
        "- Differences under about 0.02 are within the noise of a 635-clause dev set.",
        "",
    ]
    if not args.only:
        (HERE / "TUNING.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
