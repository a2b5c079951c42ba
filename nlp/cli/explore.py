"""Exploration commands: search, compare, coverage."""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

import click

from nlp.cli.app import _open_store, friendly, main
from nlp.records import DOC_TYPES, to_json
from nlp.resources import STANCES, THEMES


def _index(ctx: click.Context, embedder: str | None = None):  # type: ignore[no-untyped-def]
    from nlp.retrieval.search import ClauseIndex

    with _open_store(ctx, read_only=True) as store:
        return ClauseIndex.from_store(store, embedder)


def _short(text: str, width: int = 110) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@main.command("search")
@click.argument("query", required=False, default="")
@click.option("--like", "like", metavar="CLAUSE_ID", help="Find clauses like this stored clause.")
@click.option(
    "--theme",
    "themes",
    multiple=True,
    type=click.Choice(THEMES),
    help="Only clauses with this theme (repeatable).",
)
@click.option(
    "--stance", "stances", multiple=True, type=click.Choice(STANCES), help="Only this stance (repeatable)."
)
@click.option(
    "--doc-type",
    "doc_types",
    multiple=True,
    type=click.Choice(DOC_TYPES),
    help="Only this document type (repeatable).",
)
@click.option(
    "--country",
    "countries",
    multiple=True,
    type=click.Choice(["NL", "BE", "EU"]),
    help="Only this country (repeatable).",
)
@click.option("--organisation", "organisations", multiple=True, help="Only this organisation (repeatable).")
@click.option("--year", "years", multiple=True, type=int, help="Only this year (repeatable).")
@click.option("--doc", "doc_ids", multiple=True, help="Only this document id (repeatable).")
@click.option(
    "--provision",
    "provision_ids",
    multiple=True,
    help="Only clauses the checklist finds for this provision (repeatable; see clause-atlas checklist).",
)
@click.option("--k", default=10, show_default=True, help="Number of results.")
@click.option(
    "--mode", type=click.Choice(["hybrid", "dense", "lexical"]), default="hybrid", show_default=True
)
@click.option("--jsonl", is_flag=True, help="One JSON object per result.")
@click.option("--embedder", default=None, help="Embedder name (default: use-multilingual-v3).")
@click.option(
    "--min-score",
    type=click.FloatRange(-1, 1),
    default=None,
    help="Leave out results less similar to the query than this cosine (default: the calibrated "
    "rule, see evaluation/README.md; -1 keeps all).",
)
@click.pass_context
@friendly
def search_cmd(
    ctx: click.Context,
    query: str,
    like: str | None,
    themes,
    stances,
    doc_types,
    countries,
    organisations,
    years,
    doc_ids,
    provision_ids,
    k: int,
    mode: str,
    jsonl: bool,
    embedder: str | None,
    min_score: float | None,
) -> None:  # type: ignore[no-untyped-def]
    """Find clauses comparable to QUERY (or to --like CLAUSE_ID)."""
    from nlp.cli.checklist import evidence
    from nlp.retrieval.search import Filters, min_similarity

    index = _index(ctx, embedder)
    filters = Filters(
        tuple(themes),
        tuple(stances),
        tuple(doc_types),
        tuple(countries),
        tuple(organisations),
        tuple(years),
        tuple(doc_ids),
        evidence(index, provision_ids),
    )
    # the no-answer rule is for free text; "more like this" on a stored clause lists its nearest
    floor = (min_similarity(index.embedder) if not like else None) if min_score is None else min_score
    hits = index.search(query, like=like, k=k, filters=filters, mode=mode, min_similarity=floor)
    if not hits and not jsonl and floor is not None:
        click.echo(
            "no comparable clause found (no result is similar enough; --min-score -1 shows the nearest)"
        )
    for n, h in enumerate(hits, 1):
        if jsonl:
            click.echo(to_json(h.to_dict()))
            continue
        where = f"{h.title} ({h.doc_type}{', ' + str(h.year) if h.year else ''})"
        loc = " > ".join(x for x in (h.section, f"p. {h.page}" if h.page else "") if x)
        click.echo(
            f"{n:>2}. {h.clause_id}  score {h.score:.4f}  cos {h.similarity:.2f}  [{h.stance or '-'}] {', '.join(h.themes) or '(no theme)'}"
        )
        click.echo(f"    {where}{'  ·  ' + loc if loc else ''}")
        click.echo(f"    {_short(h.text)}")


@main.command("compare")
@click.argument("doc_a")
@click.argument("doc_b", required=False)
@click.option(
    "--threshold",
    type=float,
    default=None,
    help="Similarity for two clauses to count as comparable [default: the calibrated one the app uses too; "
    "see evaluation/README.md, 'Comparable clauses'].",
)
@click.option(
    "--jsonl", is_flag=True, help="JSON lines: a profile per document, then pairs and unique clauses."
)
@click.option("--embedder", default=None, help="Embedder name (default: use-multilingual-v3).")
@click.pass_context
@friendly
def compare_cmd(
    ctx: click.Context, doc_a: str, doc_b: str | None, threshold: float, jsonl: bool, embedder: str | None
) -> None:
    """Compare DOC_A with DOC_B (or, without DOC_B, with the rest of the corpus)."""
    from nlp.analysis.compare import ALIGN_THRESHOLD, NO_THEME, align, profile

    threshold = ALIGN_THRESHOLD if threshold is None else threshold
    index = _index(ctx, embedder)
    profiles = [profile(index, doc_a)] + ([profile(index, doc_b)] if doc_b else [])
    result = align(index, doc_a, doc_b, threshold=threshold)
    text_of = lambda cid: index.rows[index.position[cid]]["text"]  # noqa: E731
    if jsonl:
        for p in profiles:
            click.echo(to_json({"profile": p.__dict__}))
        for p in result.pairs:
            click.echo(to_json({"pair": {**p.__dict__, "text_a": text_of(p.a), "text_b": text_of(p.b)}}))
        for side in ("only_a", "only_b"):
            for cid in getattr(result, side):
                click.echo(to_json({side: {"clause_id": cid, "text": text_of(cid)}}))
        return
    for p in profiles:
        click.echo(f"{p.doc_id}: {p.title} ({p.doc_type}, {p.n_clauses} clauses)")
        click.echo(f"  {'theme':<16}" + "".join(f"{s[:11]:>12}" for s in STANCES) + "   binding share")
        for t in (*THEMES, NO_THEME):
            share = f"{p.binding_share[t]:>10.0%}" if t in p.binding_share else ""
            click.echo(f"  {t:<16}" + "".join(f"{p.counts[t][s]:>12}" for s in STANCES) + f"   {share}")
    groups = result.by_theme(index)
    click.echo(
        f"\n{len(result.pairs)} comparable pairs (cosine >= {threshold}), {len(result.only_a)} clauses only in {doc_a}, {len(result.only_b)} only in {result.doc_b}"
    )
    for t, g in groups.items():
        if not any(g.values()):
            continue
        click.echo(
            f"\n== {t}: {len(g['pairs'])} pairs, {len(g['only_a'])} only in {doc_a}, {len(g['only_b'])} only in {result.doc_b}"
        )
        for p in g["pairs"][:5]:
            click.echo(
                f"  {p.similarity:.2f}  {p.a}: {_short(text_of(p.a), 80)}\n        {p.b}: {_short(text_of(p.b), 80)}"
            )
        for side, doc in (("only_a", doc_a), ("only_b", result.doc_b)):
            for cid in g[side][:5]:
                click.echo(f"  only in {doc}: {cid}: {_short(text_of(cid), 80)}")


@main.command("coverage")
@click.option("--doc", "doc_id", help="One document only.")
@click.option(
    "--csv",
    "csv_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the matrix to a CSV file.",
)
@click.option("--jsonl", is_flag=True, help="JSON lines: matrix cells, then gaps.")
@click.option("--embedder", default=None, help="Embedder name (default: use-multilingual-v3).")
@click.option(
    "--provision",
    "provision_id",
    help="Instead: the documents that do not bind this checklist provision (see clause-atlas checklist).",
)
@click.pass_context
@friendly
def coverage_cmd(
    ctx: click.Context,
    doc_id: str | None,
    csv_path: Path | None,
    jsonl: bool,
    embedder: str | None,
    provision_id: str | None,
) -> None:
    """Map documents x themes (counts, strongest stance) and list the gaps."""
    from nlp.analysis.coverage import gaps, matrix, peer_gaps
    from nlp.cli.checklist import provision_gaps

    index = _index(ctx, embedder)
    if provision_id:
        provision_gaps(index, provision_id, doc_id, jsonl)
        return
    cells = matrix(index, doc_id)
    found = gaps(index, doc_id) + peer_gaps(index, doc_id)
    if csv_path is not None:
        with csv_path.open("w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f)
            w.writerow(["doc_id", "theme", "clauses", "commitments", "recommendations", "strongest_stance"])
            for c in cells:
                w.writerow([c.doc_id, c.theme, c.clauses, c.commitments, c.recommendations, c.strongest])
    if jsonl:
        for c in cells:
            click.echo(to_json({"cell": c.__dict__}))
        for g in found:
            click.echo(to_json({"gap": g.__dict__}))
        return
    docs = sorted({c.doc_id for c in cells})
    width = max(len(d) for d in docs) if docs else 6
    click.echo(f"{'document':<{width}}  " + "".join(f"{t:>15}" for t in THEMES))
    by = {(c.doc_id, c.theme): c for c in cells}
    for d in docs:
        row = "".join(
            f"{(str(by[(d, t)].clauses) + ' ' + (by[(d, t)].strongest[:4] or '-')):>15}" for t in THEMES
        )
        click.echo(f"{d:<{width}}  {row}")
    click.echo(f"\n{len(found)} gaps:")
    for g in found:
        extra = f" ({g.detail})" if g.detail else ""
        ex = f"; examples: {', '.join(g.examples)}" if g.examples else ""
        click.echo(f"  {g.doc_id:<{width}}  {g.theme:<14} {g.kind}{extra}{ex}")
    if csv_path is not None:
        click.echo(f"matrix written to {csv_path}", err=not sys.stdout.isatty())


@main.command("export")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "xlsx", "jsonl", "parquet", "qdpx"]),
    help="Default: from the file extension (qdpx: a REFI-QDA project of the whole store).",
)
@click.option("--doc", "doc_ids", multiple=True, help="Only this document (repeatable).")
@click.option(
    "--theme",
    "themes",
    multiple=True,
    type=click.Choice(THEMES),
    help="Only clauses with this theme (repeatable).",
)
@click.option("--embedder", default=None, help="Embedder of the checklist detection in a QDPX export.")
@click.pass_context
@friendly
def export_cmd(
    ctx: click.Context,
    out: Path,
    fmt: str | None,
    doc_ids: tuple[str, ...],
    themes: tuple[str, ...],
    embedder: str | None,
) -> None:
    """Export coded clauses (metadata, offsets, text, themes and stance with scores and label source) to OUT."""
    from nlp.exchange.tabular import FORMATS, ExportError, clause_table, write

    fmt = fmt or out.suffix.lower().lstrip(".")
    if fmt == "qdpx":
        from nlp.exchange.qdpx import export

        if doc_ids or themes:
            raise ExportError("a QDPX export holds the whole store; --doc and --theme do not apply")
        from nlp.analysis.checklist import load_checklist
        from nlp.analysis.provisions import detect
        from nlp.retrieval.search import ClauseIndex

        provisions = load_checklist()
        with _open_store(ctx, read_only=True) as store:
            found = detect(ClauseIndex.from_store(store, embedder), provisions)
            export(store, out, (provisions, found))
            n = len(store.clauses())
        click.echo(
            f"{n} clauses written to {out} (qdpx, with {len(provisions)} checklist provisions as sub-codes)"
        )
        return
    if fmt not in FORMATS:
        raise ExportError(
            f"cannot tell the format from {out.name!r}; give --format ({', '.join((*FORMATS, 'qdpx'))})"
        )
    with _open_store(ctx, read_only=True) as store:
        rows = clause_table(store, doc_ids, themes)
    write(rows, fmt, out)
    click.echo(f"{len(rows)} clauses written to {out} ({fmt})")


@main.command("import-qdpx")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--annotator", default="QDA import", show_default=True, help="Name recorded with the imported labels."
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
@friendly
def import_qdpx_cmd(ctx: click.Context, file: Path, annotator: str, as_json: bool) -> None:
    """Turn code changes made in a QDA program (a .qdpx exported from this store, or its re-export) into reviewed labels."""
    from nlp.exchange.qdpx_import import import_qdpx

    with _open_store(ctx) as store:
        summary = import_qdpx(store, file, annotator)
    if as_json:
        click.echo(to_json(summary))
        return
    click.echo(
        f"{summary['clauses_changed']} clauses changed ({summary['codes_added']} codes added, "
        f"{summary['codes_removed']} removed, {summary['stance_changed']} stances changed, "
        f"{summary['new_selections']} new selections); stored as reviewed labels"
    )
    rules = Counter(s["rule"] for s in summary["sources"])
    click.echo(
        f"sources: {len(summary['sources'])} matched ("
        + ", ".join(f"{n} by {rule}" for rule, n in sorted(rules.items()))
        + f"), {len(summary['skipped'])} skipped"
    )
    for s in summary["skipped"]:
        click.echo(f"  skipped {s['source']!r}: {s['reason']}")
    for w in summary["warnings"]:
        click.echo(f"warning: {w}")
    if summary["untagged"]:
        click.echo(
            f"{summary['untagged']} clauses carried no export tag; their codes were taken as additions"
        )
    for doc_id, n in sorted(summary["by_document"].items()):
        click.echo(f"  {doc_id}: {n} clauses changed")
        for c in [c for c in summary["changes"] if c["doc_id"] == doc_id][:10]:
            click.echo(
                f"    {c['clause_id']}: +{','.join(c['added']) or '-'} -{','.join(c['removed']) or '-'} stance {c['stance']}"
            )
