"""Corpus commands: ingest, segment, documents, clauses, stats."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, ClassVar

import click

from nlp.cli.app import _open_store, friendly, main
from nlp.errors import ClauseAtlasError
from nlp.ingest.manifest import doc_id_from_path, make_meta
from nlp.records import DOC_TYPES, clause_to_dict, to_json


@main.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--manifest",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Metadata CSV (default: manifest.csv next to the files).",
)
@click.option("--doc-id", help="Document id (one file only).")
@click.option("--title", help="Title (one file only).")
@click.option("--doc-type", type=click.Choice(DOC_TYPES), help="Document type (one file only).")
@click.option("--organisation", default="", help="Organisation (one file only).")
@click.option("--sector", default="", help="Sector (one file only).")
@click.option("--country", type=click.Choice(["NL", "BE", "EU"]), help="Country (one file only).")
@click.option("--year", type=int, help="Year (one file only).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
@click.option("--code/--no-code", default=True, help="Embed and code the clauses (themes, stance).")
@click.option(
    "--model",
    "model_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Model folder for coding (default: models/clause-coder).",
)
@click.option(
    "--any-language",
    is_flag=True,
    help="Also code documents whose text is not Dutch (the model is trained on Dutch; off by default).",
)
@click.pass_context
@friendly
def ingest_cmd(
    ctx: click.Context,
    paths: tuple[Path, ...],
    manifest: Path | None,
    doc_id: str | None,
    title: str | None,
    doc_type: str | None,
    organisation: str,
    sector: str,
    country: str | None,
    year: int | None,
    progress: bool | None,
    code: bool,
    model_dir: Path | None,
    any_language: bool,
) -> None:
    """Read, clean, segment, code and store files or folders (PATHS)."""
    from nlp.ingest.pipeline import Job, collect, ingest

    jobs = collect(paths, manifest)
    overrides = {
        "doc_id": doc_id,
        "title": title,
        "doc_type": doc_type,
        "organisation": organisation,
        "sector": sector,
        "country": country,
        "year": year,
    }
    if any(v for v in overrides.values()):
        if len(jobs) != 1:
            raise ClauseAtlasError("metadata options (--doc-id, --title, ...) need exactly one file")
        jobs = [Job(jobs[0].path, _given_meta(jobs[0], **overrides))]
    show = sys.stderr.isatty() if progress is None else progress
    bar = _ProgressBars() if show else None

    coder = None
    if code:
        from nlp.coding.modelio import load

        coder = load(model_dir)
    with _open_store(ctx) as store:
        try:
            report = ingest(store, jobs, on_progress=bar, coder=coder, any_language=any_language)
        finally:
            if bar is not None:
                bar.close()
        _print_report(report, store.name, coder.version if coder is not None else None)
    for err in report.errors:
        click.echo(f"error: {err}", err=True)
    if report.errors:
        sys.exit(1)


class _ProgressBars:
    """One tqdm bar per ingest stage (files read and coded; stored documents coded afterwards)."""

    LABELS: ClassVar[dict[str, tuple[str, str]]] = {
        "read": ("read and code", "file"),
        "code": ("code stored", "doc"),
    }

    def __init__(self) -> None:
        self.bars: dict[str, Any] = {}

    def __call__(self, p: Any) -> None:
        from tqdm import tqdm

        bar = self.bars.get(p.stage)
        if bar is None:
            desc, unit = self.LABELS.get(p.stage, (p.stage, "item"))
            bar = self.bars[p.stage] = tqdm(total=p.total, desc=desc, unit=unit, file=sys.stderr)
        bar.update(p.done - bar.n)
        bar.set_postfix_str(p.item[:40], refresh=False)

    def close(self) -> None:
        for bar in self.bars.values():
            bar.close()


def _given_meta(job: Any, **given: Any) -> Any:
    """One file's metadata from the options, falling back to its manifest row, then the file."""
    base = job.meta
    title = given["title"] or (base.title if base else "")
    if not title:
        from nlp.ingest.readers import read

        title = read(job.path).title or job.path.stem
    return make_meta(
        given["doc_id"] or (base.doc_id if base else doc_id_from_path(job.path)),
        title,
        doc_type=given["doc_type"] or (base.doc_type if base else "other"),
        organisation=given["organisation"] or (base.organisation if base else ""),
        sector=given["sector"] or (base.sector if base else ""),
        country=given["country"] or (base.country if base else ""),
        year=given["year"] if given["year"] is not None else (base.year if base else None),
        source=job.path.name,
    )


def _print_report(report: Any, store_path: str, version: str | None) -> None:
    """What an ingest run did, then one note per document that needs one."""
    counts: dict[str, int] = {}
    for status in report.status.values():
        counts[status] = counts.get(status, 0) + 1
    summary = ", ".join(f"{n} {s}" for s, n in sorted(counts.items())) or "nothing stored"
    n_clauses = sum(report.clauses[d] for d, s in report.status.items() if s in ("added", "replaced"))
    coded = f"; {report.coded} clauses coded by {version}" if version is not None else ""
    click.echo(
        f"{len(report.status)} document(s): {summary}; {n_clauses} clauses written to {store_path}{coded}"
    )
    for doc_id, language in report.not_coded.items():
        click.echo(
            f"note: {doc_id}: the text is in language '{language}', not Dutch; stored without codes "
            "(--any-language codes it anyway)"
        )
    for doc_id, n in report.stale_reviews.items():
        click.echo(
            f"note: {doc_id}: {n} reviewed label(s) no longer match a clause of the new text; "
            "kept as training data, no longer shown as labels"
        )


@main.command("segment")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--jsonl", is_flag=True, help="One JSON object per clause.")
@click.option(
    "--spacy-model",
    default=None,
    help="Installed spaCy pipeline for sentence boundaries (default: blank nl).",
)
@friendly
def segment_cmd(file: Path, jsonl: bool, spacy_model: str | None) -> None:
    """Cut FILE into clauses and print them (the store is not touched)."""
    from nlp.ingest.pipeline import process

    _doc, clauses = process(file, None, model=spacy_model)
    for c in clauses:
        if jsonl:
            click.echo(
                to_json(
                    {
                        "text": c.text,
                        "section": c.section_path,
                        "page": c.page,
                        "start": c.start,
                        "end": c.end,
                        "kind": c.kind,
                        "marker": c.marker,
                        "lead_in": c.lead_in,
                        "ordinal": c.ordinal,
                    }
                )
            )
        else:
            where = f"p{c.page} " if c.page else ""
            click.echo(f"{c.ordinal:>4} {where}[{c.section_path}] {c.text}")


@main.command("documents")
@click.option("--jsonl", is_flag=True, help="One JSON object per document.")
@click.pass_context
@friendly
def documents_cmd(ctx: click.Context, jsonl: bool) -> None:
    """List the stored documents."""
    with _open_store(ctx, read_only=True) as store:
        docs = store.documents()
    if jsonl:
        for d in docs:
            click.echo(to_json(d))
        return
    if not docs:
        click.echo("the store is empty; run 'clause-atlas ingest corpus/'")
        return
    width = max(len(str(d["doc_id"])) for d in docs)
    click.echo(f"{'doc_id':<{width}}  {'type':<12} {'cty':<3} {'year':<4} {'clauses':>7}  title")
    for d in docs:
        click.echo(
            f"{d['doc_id']!s:<{width}}  {d['doc_type']!s:<12} {d['country'] or '':<3} {d['year'] or '':<4} "
            f"{d['n_clauses']:>7}  {str(d['title'])[:70]}"
        )


@main.command("clauses")
@click.argument("doc_id")
@click.option("--jsonl", is_flag=True, help="One JSON object per clause.")
@click.pass_context
@friendly
def clauses_cmd(ctx: click.Context, doc_id: str, jsonl: bool) -> None:
    """List the clauses of a stored document."""
    with _open_store(ctx, read_only=True) as store:
        clauses = store.clauses(doc_id)
    for c in clauses:
        if jsonl:
            click.echo(to_json(clause_to_dict(c)))
        else:
            where = f"p{c.page} " if c.page else ""
            click.echo(f"{c.clause_id} {where}[{c.section_path}] {c.text}")


@main.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
@friendly
def stats_cmd(ctx: click.Context, as_json: bool) -> None:
    """Summarise the store: documents and clauses by type and country."""
    with _open_store(ctx, read_only=True) as store:
        stats = store.stats()
    if as_json:
        click.echo(to_json(stats))
        return
    click.echo(f"store: {stats['store']}")
    click.echo(f"documents: {stats['documents']}  clauses: {stats['clauses']}")
    by_type = stats["documents_by_type"]
    clauses_by_type = stats["clauses_by_type"]
    for t, n in by_type.items():  # type: ignore[union-attr]
        click.echo(f"  {t:<13} {n:>3} documents {clauses_by_type.get(t, 0):>7} clauses")  # type: ignore[union-attr]
    countries = ", ".join(f"{k or '?'}: {v}" for k, v in stats["documents_by_country"].items())  # type: ignore[union-attr]
    click.echo(f"by country: {countries}")


@main.command("migrate")
@click.option("--from", "source", required=True, metavar="FILE|URL", help="The store to copy.")
@click.option("--to", "target", required=True, metavar="FILE|URL", help="An empty store to copy it into.")
@click.pass_context
@friendly
def migrate_cmd(ctx: click.Context, source: str, target: str) -> None:
    """Copy a whole store (DuckDB file or postgresql:// URL) into another, with a count check.

    Example: clause-atlas migrate --from data/clause_atlas.duckdb --to postgresql://atlas@db/atlas
    """
    from nlp.errors import StoreError
    from nlp.store.base import Store
    from nlp.store.migrate import migrate

    if source == target:
        raise StoreError("--from and --to name the same store")
    with Store(source, read_only=True, wait=ctx.obj["wait"]) as src, Store(target, wait=ctx.obj["wait"]) as dst:
        counts = migrate(src, dst)
        names = (src.name, dst.name)
    summary = ", ".join(f"{n:,} {t}" for t, n in counts.items() if t != "meta")
    click.echo(f"copied {names[0]} -> {names[1]}: {summary}; counts checked")
