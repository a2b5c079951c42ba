"""Choose the coder's configuration on real documents of train + dev (never on test).

Real documents are the ground truth, and one dev split of 18 documents is too small to tell
configurations apart (thresholds tuned on half of it move theme F1 by 0.1 from run to run). So
every configuration is scored by cross-validation over document families of train + dev: each
fold trains on the other families (plus the written clauses, at the configuration's weight) and
codes the held-out families from text and document type only. Scores are on the held-out
clauses of the per-document random samples (what users meet); theme F1 uses the per-theme
thresholds that are best on the pooled held-out scores (the same rule for every configuration),
and average precision needs no threshold. Writes ``TUNING.md`` next to this file::

    python -m evaluation.classification.tune            # every variant (about 8 minutes each)
    python -m evaluation.classification.tune --only C    # the default and variants matching "C"
"""

from __future__ import annotations

import argparse
import copy
import time
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import average_precision_score
from sklearn.model_selection import GroupKFold

from nlp.coding.evaluate import text_only
from nlp.coding.gold import GoldClause, load_gold, select
from nlp.coding.heads import best_threshold, to_indicator
from nlp.coding.metrics import stance_scores, theme_scores
from nlp.coding.train import DEFAULT_CONFIG, embed_gold, make_coder, samples, training_set, weights
from nlp.resources import THEMES
from nlp.store.base import Store

HERE = Path(__file__).parent
FOLDS = 5


def variants() -> dict[str, dict[str, Any]]:
    """Named configurations: the default and one change at a time."""
    base = DEFAULT_CONFIG
    out: dict[str, dict[str, Any]] = {"default": base}

    def change(name: str, top: dict[str, Any] | None = None, **heads: dict[str, Any]) -> None:
        cfg = copy.deepcopy(base)
        cfg.update(top or {})
        for head, values in heads.items():
            values = dict(values)
            cfg[head]["features"].update(values.pop("features", {}))
            cfg[head].update(values)
        out[name] = cfg

    change("written clauses weigh 0", top={"written_weight": 0.0})
    change("themes: written clauses weigh 0.2", themes={"written_weight": 0.2})
    change("themes C 16, stance C 8", themes={"C": 16.0}, stance={"C": 8.0})
    change("themes: document type 0.5", themes={"features": {"doc_type": 0.5}})
    return out


def cross_validate(
    cfg: dict[str, Any], real: list[GoldClause], written: list[GoldClause], vectors: dict[str, np.ndarray]
) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Held-out theme and stance probabilities of every real clause (folds by document family)."""
    groups = [str(g.extra.get("family", g.doc_id)) for g in real]
    P, S = np.zeros((len(real), len(THEMES))), np.zeros((len(real), 5))
    labels: list[str] = []
    for tr, te in GroupKFold(n_splits=FOLDS).split(np.arange(len(real)), groups=groups):
        fit_on = training_set([real[i] for i in tr] + written, cfg)
        coder = make_coder(cfg)
        coder.fit(
            samples(fit_on, vectors),
            [g.themes for g in fit_on],
            [g.stance for g in fit_on],
            groups=[g.doc_id for g in fit_on],
            sample_weight=weights(fit_on, cfg),
        )
        P[te], S[te] = coder.probabilities(samples(text_only([real[i] for i in te]), vectors))
        labels = list(coder.stance.labels)
    return P, S, labels


def score(real: list[GoldClause], P: np.ndarray, S: np.ndarray, labels: list[str]) -> dict[str, float]:
    """Figures on the random-sample clauses."""
    rnd = np.array([g.extra.get("sample") == "random" for g in real])
    Y = to_indicator([g.themes for g in real])[rnd]
    P, S = P[rnd], S[rnd]
    ap = [average_precision_score(Y[:, k], P[:, k]) for k in range(len(THEMES))]
    th = np.array([best_threshold(Y[:, k], P[:, k]) for k in range(len(THEMES))])
    t = theme_scores(Y, (th <= P).astype(int))
    s = stance_scores(
        [g.stance for g, r in zip(real, rnd, strict=True) if r], list(np.asarray(labels)[S.argmax(1)])
    )
    return {
        "ap": float(np.mean(ap)),
        **{f"ap_{t_}": a for t_, a in zip(THEMES, ap, strict=True)},
        "theme_micro": t["micro_f1"],
        "theme_macro": t["macro_f1"],
        "stance_macro": s["macro_f1"],
        "stance_acc": s["accuracy"],
    }


def main() -> None:
    """Score the variants and write TUNING.md."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default="", help="run only variants whose name contains this text")
    args = ap.parse_args()
    gold = load_gold()
    pool = select(gold, "train", "dev")
    real = [g for g in pool if not g.synthetic]
    written = [g for g in pool if g.synthetic]
    with Store() as store:
        vectors = embed_gold(pool, store=store)
    rows = []
    for name, cfg in variants().items():
        if args.only and args.only not in name and name != "default":
            continue
        t0 = time.perf_counter()
        r = score(real, *cross_validate(cfg, real, written, vectors))
        rows.append((name, r, time.perf_counter() - t0))
        print(f"{name:<42} " + " ".join(f"{k} {v:.3f}" for k, v in r.items()), flush=True)
    n_rnd = sum(g.extra.get("sample") == "random" for g in real)
    lines = [
        "# Tuning on real documents (train + dev, cross-validated by document family)",
        "",
        f"{len(real)} real clauses of {len({g.doc_id for g in real})} train and dev documents, {FOLDS} folds by "
        f"document family; scored on the {n_rnd} held-out clauses of the per-document random samples, coded "
        "from text and document type only. Written clauses are training data only, at each configuration's "
        "weight. Generated by `tune.py`; the test split is not used.",
        "",
        "| configuration | mean AP | AP " + " | AP ".join(THEMES) + " | theme micro-F1 | theme macro-F1 "
        "| stance macro-F1 | stance acc. | s |",
        "|---" * (10 + 1) + "|",
    ]
    for name, r, secs in rows:
        vals = [
            r["ap"],
            *(r[f"ap_{t}"] for t in THEMES),
            r["theme_micro"],
            r["theme_macro"],
            r["stance_macro"],
            r["stance_acc"],
        ]
        lines.append(f"| {name} | " + " | ".join(f"{v:.3f}" for v in vals) + f" | {secs:.0f} |")
    lines += [
        "",
        "Theme F1 here uses thresholds chosen on the pooled held-out scores (the same rule for every row), so it",
        "is an upper bound of what thresholds tuned on dev give; compare rows, not absolute values. The shipped",
        'configuration is `nlp.coding.train.DEFAULT_CONFIG` (the row "default"); the decisions are in the model card.',
        "",
    ]
    if not args.only:
        (HERE / "TUNING.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
