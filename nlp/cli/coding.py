"""Coding commands: classify, train, evaluate."""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path
from typing import Any

import click

from nlp.cli.app import friendly, main
from nlp.errors import ClauseAtlasError
from nlp.records import DOC_TYPES, Sample, to_json

ROOT = Path(__file__).resolve().parents[2]
MAX_BAD_LINES = 10


class InputLineError(ClauseAtlasError, ValueError):
    """Lines of a ``classify`` input file are invalid."""


def read_classify_input(path: str) -> list[tuple[Any, Sample]]:
    """Parse ``classify`` input: JSON lines with ``id``, ``text`` and optional ``doc_type``.

    Raises:
        InputLineError: naming every bad line (up to ten), before any work is done.
    """
    name = "<stdin>" if path == "-" else path
    try:
        raw = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise InputLineError(f"{name}: no such file") from exc
    except UnicodeDecodeError as exc:
        raise InputLineError(f"{name}: not UTF-8 text") from exc
    except OSError as exc:
        raise InputLineError(f"{name}: cannot read ({exc.strerror})") from exc
    out: list[tuple[Any, Sample]] = []
    bad: list[str] = []
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            bad.append(f"line {n}: not valid JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            bad.append(f"line {n}: expected a JSON object with 'id' and 'text'")
        elif "id" not in obj:
            bad.append(f"line {n}: missing 'id'")
        elif not isinstance(obj.get("text"), str) or not obj["text"].strip():
            bad.append(f"line {n} (id {obj['id']!r}): 'text' must be a non-empty string")
        elif obj.get("doc_type") not in (None, "", *DOC_TYPES):
            bad.append(
                f"line {n} (id {obj['id']!r}): doc_type {obj['doc_type']!r} is not one of {', '.join(DOC_TYPES)}"
            )
        else:
            out.append(
                (
                    obj["id"],
                    Sample(obj["text"], obj.get("doc_type") or "other", str(obj.get("section") or "")),
                )
            )
    if bad:
        more = f" (and {len(bad) - MAX_BAD_LINES} more)" if len(bad) > MAX_BAD_LINES else ""
        raise InputLineError(f"{name}: " + "; ".join(bad[:MAX_BAD_LINES]) + more)
    if not out:
        raise InputLineError(f"{name}: no input lines")
    return out


@main.command("classify")
@click.argument("input_path", metavar="INPUT.jsonl")
@click.option(
    "--model",
    "model_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Model folder (default: models/clause-coder).",
)
@click.option("--explain/--no-explain", default=True, help="Add cue terms and nearest gold clauses.")
@click.option("--batch-size", default=256, show_default=True, help="Clauses per prediction batch.")
@friendly
def classify_cmd(input_path: str, model_dir: Path | None, explain: bool, batch_size: int) -> None:
    """Code the clauses in INPUT.jsonl ('-' for stdin); print one JSON line per input line."""
    from nlp.coding.modelio import ModelVersionWarning, load

    items = read_classify_input(input_path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ModelVersionWarning)
        coder = load(model_dir)
    for w in caught:
        click.echo(f"warning: {w.message}", err=True)
    for i in range(0, len(items), batch_size):
        chunk = items[i : i + batch_size]
        for (cid, _), pred in zip(chunk, coder.predict([s for _, s in chunk], explain=explain), strict=True):
            d = pred.to_dict()
            click.echo(
                to_json(
                    {
                        "id": cid,
                        **{k: d[k] for k in ("themes", "theme_scores", "stance", "stance_scores")},
                        "explanation": d["explanation"] if explain else None,
                        "model_version": d["model_version"],
                    }
                )
            )


@main.command("train")
@click.option(
    "--gold",
    "gold_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Gold JSONL (default: evaluation/gold/classification/gold.jsonl).",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Model folder (default: models/clause-coder).",
)
@click.option(
    "--embedder", default=None, help="Embedder name, e.g. use-multilingual-v3 or sentence-transformers:/path."
)
@click.option(
    "--with-reviews",
    is_flag=True,
    help="Add labels reviewed in the app (store annotations) as training data.",
)
@click.pass_context
@friendly
def train_cmd(
    ctx: click.Context, gold_path: Path | None, out_dir: Path | None, embedder: str | None, with_reviews: bool
) -> None:
    """Train the theme/stance model on the gold data (train + dev; test is held out)."""
    from nlp.coding.gold import load_gold
    from nlp.coding.modelio import DEFAULT_MODEL_DIR, save
    from nlp.coding.train import train
    from nlp.retrieval.embed import DEFAULT_EMBEDDER
    from nlp.store.base import Store

    gold = load_gold(gold_path)
    with Store(ctx.obj["store"], wait=ctx.obj["wait"]) as store:
        extra = []
        if with_reviews:
            from nlp.coding.gold import from_annotations

            doc_types = {str(d["doc_id"]): str(d["doc_type"]) for d in store.documents()}
            extra = from_annotations([*store.annotations(), *store.stale_annotations()], doc_types)
        coder = train(gold, extra=extra, embedder=embedder or DEFAULT_EMBEDDER, store=store)
    folder = save(coder, out_dir or DEFAULT_MODEL_DIR)
    info = coder.info["trained_on"]
    click.echo(
        f"trained {coder.version} on {info['train']} train + {info['dev']} dev clauses; saved to {folder}"
    )


@main.command("evaluate")
@click.option(
    "--gold",
    "gold_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Gold JSONL (default: evaluation/gold/classification/gold.jsonl).",
)
@click.option(
    "--model",
    "model_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Model folder (default: models/clause-coder).",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=ROOT / "evaluation" / "REPORT.md",
    show_default=True,
    help="Where to write the report.",
)
@click.option("--resamples", default=1000, show_default=True, help="Bootstrap resamples.")
@click.pass_context
@friendly
def evaluate_cmd(
    ctx: click.Context, gold_path: Path | None, model_dir: Path | None, report_path: Path, resamples: int
) -> None:
    """Score the model and both baselines on the held-out test split; write the report."""
    from nlp.coding.evaluate import README, evaluate, load_blind, publish, render
    from nlp.coding.gold import load_gold
    from nlp.coding.modelio import DEFAULT_MODEL_DIR, load
    from nlp.store.base import Store

    gold = load_gold(gold_path)
    coder = load(model_dir)
    with Store(ctx.obj["store"], wait=ctx.obj["wait"]) as store:
        results = evaluate(coder, gold, blind=load_blind(), store=store, resamples=resamples)
    report_path.write_text(render(results), encoding="utf-8")
    # The README quotes the bundled model only.
    bundled = model_dir is None or model_dir.resolve() == DEFAULT_MODEL_DIR.resolve()
    publish(results, model_dir or DEFAULT_MODEL_DIR, README if bundled else None)
    key = (
        "real_test" if "real_test" in results else next(k for k in ("written_test", "blind") if k in results)
    )
    m = results[key]["model"]
    click.echo(
        f"{key.replace('_', ' ')} ({m['n']} clauses, {results[key]['n_docs']} documents): theme micro-F1 "
        f"{m['themes']['micro_f1']:.3f}, macro-F1 {m['themes']['macro_f1']:.3f}; stance macro-F1 "
        f"{m['stance']['macro_f1']:.3f}, accuracy {m['stance']['accuracy']:.3f}; report: {report_path}"
    )
