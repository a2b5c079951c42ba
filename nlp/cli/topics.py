"""Topic commands: topics fit | show | export."""

from __future__ import annotations

import csv
import time
from pathlib import Path

import click

from nlp.cli.app import _open_store, friendly, main
from nlp.records import to_json


@main.group("topics")
def topics_cmd() -> None:
    """Topic browsing with BERTopic on the cached clause embeddings."""


@topics_cmd.command("fit")
@click.option("--seed", default=0, show_default=True, help="Random seed of UMAP.")
@click.option(
    "--outlier-budget", default=0.15, show_default=True, help="Largest share of clauses left as outliers."
)
@click.option("--min-topic-size", default=30, show_default=True)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder (default: models/topics).",
)
@click.pass_context
@friendly
def topics_fit(
    ctx: click.Context, seed: int, outlier_budget: float, min_topic_size: int, out_dir: Path | None
) -> None:
    """Fit topics on every stored clause and save the model."""
    from nlp.analysis import topics
    from nlp.retrieval.search import ClauseIndex

    t0 = time.perf_counter()
    with _open_store(ctx, read_only=True) as store:
        index = ClauseIndex.from_store(store)
    folder = out_dir or topics.DEFAULT_TOPICS_DIR
    result = topics.fit_index(
        index, seed=seed, outlier_budget=outlier_budget, min_topic_size=min_topic_size, folder=folder
    )
    n = len(set(result.topics)) - (1 if -1 in result.topics else 0)
    click.echo(
        f"{n} topics over {len(index.rows)} clauses in {time.perf_counter() - t0:.0f} s; outliers {result.outlier_share_before:.0%} "
        f"before reduction, {result.outlier_share:.0%} after; saved to {folder}"
    )


@topics_cmd.command("show")
@click.option(
    "--dir",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder (default: models/topics).",
)
@click.option("--jsonl", is_flag=True)
@friendly
def topics_show(folder: Path | None, jsonl: bool) -> None:
    """List the topics with their size and keywords."""
    from nlp.analysis import topics

    _model, saved = topics.load(folder)
    labels = saved["info"]["labels"]
    sizes: dict[str, int] = {}
    for t in saved["topics"]:
        sizes[str(t)] = sizes.get(str(t), 0) + 1
    for t in sorted(labels, key=int):
        if jsonl:
            click.echo(to_json({"topic": int(t), "size": sizes.get(t, 0), "label": labels[t]}))
        else:
            click.echo(f"{t:>4}  {sizes.get(t, 0):>5}  {labels[t]}")


@topics_cmd.command("export")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--dir",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder (default: models/topics).",
)
@friendly
def topics_export(out: Path, folder: Path | None) -> None:
    """Write clause_id, topic and topic label per clause to a CSV file (UTF-8 with BOM)."""
    from nlp.analysis import topics

    _model, saved = topics.load(folder)
    labels = saved["info"]["labels"]
    with out.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["clause_id", "topic", "label"])
        for cid, t in zip(saved["clause_ids"], saved["topics"], strict=True):
            w.writerow([cid, t, labels.get(str(t), "")])
    click.echo(f"{len(saved['topics'])} clauses written to {out}")
