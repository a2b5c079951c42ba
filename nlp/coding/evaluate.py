"""Score the clause coder and the baselines on held-out gold data and write the report.

Real documents are the ground truth. The headline set is the ``test`` split's random sample of
real clauses (``sample: random``: taken as published, most of them without a theme, as users
meet them), coded from their text and document type only, which is all ``clause-atlas
classify`` input may carry. Intervals come from a bootstrap over documents. Written clauses
(the written part of the test split, and the blind set a second person wrote) follow, labelled
as such.

:func:`evaluate` returns plain data; :func:`render` turns it into Markdown. A test or blind
clause among the model's training examples is an error.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from nlp.coding.baselines import KeywordBaseline, ZeroShotBaseline
from nlp.coding.classify import ClauseCoder
from nlp.coding.gold import DEFAULT_GOLD, GoldClause, parse, select
from nlp.coding.heads import to_indicator
from nlp.coding.metrics import expected_calibration_error, summary_with_ci
from nlp.coding.train import embed_gold, samples
from nlp.errors import ClauseAtlasError
from nlp.resources import STANCES, THEMES

# The evaluated sets, in report order: key -> (title, which clauses).
SETS: dict[str, str] = {
    "real_test": "Real documents, test split (random sample per document)",
    "real_test_stratified": "Real documents, test split, earlier cue-stratified sample",
    "written_test": "Written clauses, test split (CAO / covenant / guide / brief / report style)",
    "blind": "Written clauses, blind set (written and labelled by a second person)",
}


class LeakageError(ClauseAtlasError, ValueError):
    """Evaluation data overlaps the model's training data."""


def _score(
    gold: Sequence[GoldClause], themes: np.ndarray, stances: Sequence[str], resamples: int
) -> dict[str, Any]:
    return summary_with_ci(
        to_indicator([g.themes for g in gold]),
        themes,
        [g.stance for g in gold],
        stances,
        groups=[g.doc_id for g in gold],
        resamples=resamples,
    )


def parts(gold: Sequence[GoldClause], blind: Sequence[GoldClause] = ()) -> dict[str, list[GoldClause]]:
    """The evaluated sets (see :data:`SETS`); empty ones are left out."""
    test = select(gold, "test")
    out = {
        "real_test": [g for g in test if not g.synthetic and g.extra.get("sample", "random") == "random"],
        "real_test_stratified": [g for g in test if not g.synthetic and g.extra.get("sample") == "legacy"],
        "written_test": [g for g in test if g.synthetic],
        "blind": list(blind),
    }
    return {k: v for k, v in out.items() if v}


def text_only(gold: Sequence[GoldClause]) -> list[GoldClause]:
    """The clauses as ``classify`` sees them: text and document type, no section or neighbours."""
    return [replace(g, section="", extra={k: v for k, v in g.extra.items() if k != "context"}) for g in gold]


def evaluate(
    coder: ClauseCoder,
    gold: Sequence[GoldClause],
    *,
    blind: Sequence[GoldClause] = (),
    store: Any = None,
    resamples: int = 1000,
) -> dict[str, Any]:
    """Score the coder and the baselines on every set of :func:`parts`.

    Args:
        coder: A fitted coder (trained without the test split).
        gold: All gold clauses with their splits.
        blind: The blind written set (scored as a whole and by document type).
        store: Store whose embedding cache is used.
        resamples: Bootstrap resamples for the intervals.

    Raises:
        LeakageError: a test or blind clause is among the coder's training examples.
    """
    test, dev = select(gold, "test"), [g for g in select(gold, "dev") if not g.synthetic]
    seen = set(coder.examples_.get("ids", []))
    leaked = [g.id for g in [*test, *blind] if g.id in seen]
    if leaked:
        raise LeakageError(
            f"{len(leaked)} evaluation clauses were used in training (e.g. {leaked[0]}); retrain"
        )
    embedder = coder.embedder
    vectors = embed_gold([*test, *dev, *blind], embedder, store)
    keyword = KeywordBaseline().fit([])
    zero = ZeroShotBaseline(embedder=embedder).fit()
    zero.tune(samples(dev, vectors), [g.themes for g in dev])

    def run(part: Sequence[GoldClause]) -> dict[str, Any]:
        X = samples(text_only(part), vectors)
        preds = coder.predict(X, explain=False)
        model_t = to_indicator([p.themes for p in preds])
        model_s = [p.stance for p in preds]
        kw_t, kw_s = keyword.predict_themes(X), list(keyword.predict_stance(X))
        tp = np.array([[p.theme_scores[t] for t in THEMES] for p in preds])
        sp_ = np.array([[p.stance_scores[s] for s in STANCES] for p in preds])
        gold_s = np.array([[g.stance == s for s in STANCES] for g in part], dtype=float)
        out = {
            "calibration": {
                "themes_ece": expected_calibration_error(tp, to_indicator([g.themes for g in part])),
                "stance_ece": expected_calibration_error(
                    sp_.max(axis=1), gold_s[np.arange(len(part)), sp_.argmax(axis=1)]
                ),
            },
            "model": _score(part, model_t, model_s, resamples),
            "keyword": _score(part, kw_t, kw_s, resamples),
            "zero_shot": _score(part, zero.predict_themes(X), list(zero.predict_stance(X)), resamples),
            "by_doc_type": {},
            "n_docs": len({g.doc_id for g in part}),
        }
        for dt in sorted({g.doc_type for g in part}):
            idx = [i for i, g in enumerate(part) if g.doc_type == dt]
            sub = [part[i] for i in idx]
            r = min(resamples, 300)
            out["by_doc_type"][dt] = {
                "model": _score(sub, model_t[idx], [model_s[i] for i in idx], r),
                "keyword": _score(sub, kw_t[idx], [kw_s[i] for i in idx], r),
            }
        return out

    results: dict[str, Any] = {
        "model_version": coder.version,
        "embedder": embedder,
        "zero_shot_threshold": zero.threshold,
        "sizes": {
            s: {
                "real": sum(not g.synthetic for g in select(gold, s)),
                "written": sum(g.synthetic for g in select(gold, s)),
                "real_docs": len({g.doc_id for g in select(gold, s) if not g.synthetic}),
            }
            for s in ("train", "dev", "test")
        },
    }
    for key, part in parts(gold, blind).items():
        results[key] = run(part)
    return results


def _f(x: float) -> str:
    return f"{x:.3f}"


def _ci(r: dict[str, Any], key: str, value: float) -> str:
    lo, hi = r["ci"][key]
    return f"{value:.3f} [{lo:.3f}, {hi:.3f}]"


def headline(r: dict[str, Any]) -> str:
    """One table row of headline figures with intervals."""
    t, s = r["themes"], r["stance"]
    return (
        f"{_ci(r, 'theme_micro_f1', t['micro_f1'])} | {_ci(r, 'theme_macro_f1', t['macro_f1'])} | "
        f"{_ci(r, 'stance_macro_f1', s['macro_f1'])} | {_ci(r, 'stance_accuracy', s['accuracy'])}"
    )


def render_part(title: str, part: dict[str, Any]) -> list[str]:
    """Markdown for one evaluated set: headline vs baselines, per label, confusion, per type."""
    m = part["model"]
    lines = [
        f"### {title} ({m['n']} clauses, {part['n_docs']} documents)",
        "",
        "| system | theme micro-F1 [95% CI] | theme macro-F1 | stance macro-F1 | stance accuracy |",
        "|---|---|---|---|---|",
        f"| **model** | {headline(m)} |",
        f"| keyword baseline | {headline(part['keyword'])} |",
        f"| zero-shot baseline | {headline(part['zero_shot'])} |",
        "",
        "| theme | precision | recall | F1 | support |",
        "|---|---|---|---|---|",
    ]
    for t in THEMES:
        v = m["themes"]["per_label"][t]
        lines.append(f"| {t} | {_f(v['precision'])} | {_f(v['recall'])} | {_f(v['f1'])} | {v['support']} |")
    lines.append(f"| (no theme) | | | {_f(m['themes']['no_theme_f1'])} | |")
    cal = part["calibration"]
    lines += [
        "",
        f"Calibration (expected calibration error, 10 bins): theme probabilities {cal['themes_ece']:.3f}, "
        f"stance confidence {cal['stance_ece']:.3f}.",
    ]
    lines += ["", "| stance | precision | recall | F1 | support |", "|---|---|---|---|---|"]
    for s in STANCES:
        v = m["stance"]["per_label"][s]
        lines.append(f"| {s} | {_f(v['precision'])} | {_f(v['recall'])} | {_f(v['f1'])} | {v['support']} |")
    lines += ["", "Stance confusion (rows: gold, columns: predicted):", ""]
    lines += ["| gold \\ predicted | " + " | ".join(STANCES) + " |", "|---" * (len(STANCES) + 1) + "|"]
    for s, row in zip(STANCES, m["stance"]["confusion"], strict=True):
        lines.append(f"| {s} | " + " | ".join(str(x) for x in row) + " |")
    if part["by_doc_type"]:
        lines += [
            "",
            "By document type (model, then the keyword baseline on the same clauses):",
            "",
            "| document type | clauses | documents | system | theme micro-F1 [95% CI] | theme macro-F1 "
            "| stance macro-F1 | stance accuracy |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for dt, r in part["by_doc_type"].items():
            for system, name in (("model", "model"), ("keyword", "keyword")):
                lines.append(
                    f"| {dt} | {r[system]['n']} | {r[system]['n_docs']} | {name} | {headline(r[system])} |"
                )
    return [*lines, ""]


def render(results: dict[str, Any]) -> str:
    """The evaluation report as Markdown."""
    sizes = results["sizes"]
    out = [
        "# Theme and stance coding: evaluation report",
        "",
        "Generated by `clause-atlas evaluate` (do not edit by hand). Model "
        f"`{results['model_version']}`, embedder `{results['embedder']}`.",
        "",
        "Gold data: "
        + "; ".join(
            f"{s} {v['real']} real clauses from {v['real_docs']} documents and {v['written']} written clauses"
            for s, v in sizes.items()
        )
        + ". The split is by document family (`evaluation/gold/classification/split.csv`). The model is "
        "fitted on train, its theme thresholds tuned on the real clauses of dev, then refitted on train + "
        "dev; test is scored here, once per released model. Every set is coded from the clause text and "
        "the document type only (what `clause-atlas classify` input carries). Intervals: 95% percentile "
        "bootstrap over documents (1,000 resamples; 300 per document type). Stance macro-F1 averages "
        "over all five stances. The zero-shot baseline's similarity threshold "
        f"({results['zero_shot_threshold']:.3f}) is tuned on dev.",
        "",
    ]
    for key, title in SETS.items():
        if key in results:
            out += render_part(title, results[key])
    return "\n".join(out)


BLIND_DIR = DEFAULT_GOLD.parent / "blind"
README = DEFAULT_GOLD.parents[3] / "README.md"
CARD_NAME = "MODEL_CARD.md"
BEGIN, END = "<!-- coding:begin -->", "<!-- coding:end -->"


def load_blind(folder: Path = BLIND_DIR) -> list[GoldClause]:
    """The blind set (clauses written and labelled by a second person), if present."""
    out: list[GoldClause] = []
    for path in sorted(folder.glob("*.jsonl")) if folder.is_dir() else []:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                obj = json.loads(line)
                obj["split"] = "test"
                out.append(parse(obj, f"{path}:{n}"))
    return out


def summary_table(results: dict[str, Any]) -> str:
    """Headline figures of the model and the baselines, for the README and the model card."""
    rows = [
        "| set | system | theme micro-F1 [95% CI] | theme macro-F1 | stance macro-F1 | stance accuracy |",
        "|---|---|---|---|---|---|",
    ]
    labels = {
        "real_test": "**real documents, test**",
        "written_test": "written clauses, test",
        "blind": "written clauses, blind set",
    }
    for key, label in labels.items():
        if key not in results:
            continue
        part = results[key]
        for system, name in (("model", "**model**"), ("keyword", "keyword baseline")):
            size = f"{part[system]['n']} clauses, {part['n_docs']} docs"
            rows.append(f"| {label} ({size}) | {name} | {headline(part[system])} |")
    if "real_test" in results:
        rows += [
            "",
            "Real documents, test, by document type (model / keyword baseline, theme micro-F1; stance macro-F1):",
            "",
        ]
        rows += [
            "| document type | clauses | documents | theme micro-F1 | stance macro-F1 |",
            "|---|---|---|---|---|",
        ]
        for dt, r in results["real_test"]["by_doc_type"].items():
            m, k = r["model"], r["keyword"]
            rows.append(
                f"| {dt} | {m['n']} | {m['n_docs']} | {_f(m['themes']['micro_f1'])} / {_f(k['themes']['micro_f1'])} "
                f"| {_f(m['stance']['macro_f1'])} / {_f(k['stance']['macro_f1'])} |"
            )
    return "\n".join(rows)


def replace_block(path: Path, body: str, begin: str = BEGIN, end: str = END, heading: str = "") -> None:
    """Put ``body`` between the ``begin`` and ``end`` markers of a Markdown file.

    The markers (under ``heading``, if given) are appended when the file lacks them, and the
    file is created when missing. Generated figures live between markers; prose around them
    is kept.
    """
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if begin not in text:
        text += (f"\n## {heading}\n" if heading else "") + f"\n{begin}\n{end}\n"
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    path.write_text(f"{head}{begin}\n{body}\n{end}{tail}", encoding="utf-8")


def publish(results: dict[str, Any], model_dir: Path, readme: Path | None = None) -> None:
    """Copy the headline figures into the model card and, when given, a README."""
    table = (
        summary_table(results)
        + f"\n\nModel `{results['model_version']}`; full report: `evaluation/REPORT.md`."
    )
    replace_block(Path(model_dir) / CARD_NAME, table)
    if readme is not None and readme.exists():
        replace_block(readme, table)
