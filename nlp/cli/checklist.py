"""The provision checklist on the command line: which documents arrange what, with the evidence clauses."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import click

from nlp.cli.app import friendly, main
from nlp.cli.explore import _index, _short
from nlp.records import to_json


@main.command("checklist")
@click.option(
    "--doc", "doc_ids", multiple=True, help="Only this document (repeatable); lists the evidence clauses."
)
@click.option("--provision", "provision_ids", multiple=True, help="Only this provision id (repeatable).")
@click.option(
    "--status",
    "statuses",
    multiple=True,
    type=click.Choice(["bindend", "genoemd", "afwezig"]),
    help="Only cells with this status (repeatable).",
)
@click.option(
    "--csv",
    "csv_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write every document x provision row (status, confidence, evidence clause ids) to a CSV file.",
)
@click.option("--jsonl", is_flag=True, help="One JSON line per document x provision.")
@click.option(
    "--checklist",
    "checklist_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The provisions file [env CLAUSE_ATLAS_CHECKLIST; default corpus/checklists/provisions.yaml].",
)
@click.option("--embedder", default=None, help="Embedder name (default: use-multilingual-v3).")
@click.pass_context
@friendly
def checklist_cmd(
    ctx: click.Context,
    doc_ids: tuple[str, ...],
    provision_ids: tuple[str, ...],
    statuses: tuple[str, ...],
    csv_path: Path | None,
    jsonl: bool,
    checklist_file: Path | None,
    embedder: str | None,
) -> None:
    """Per document and provision: 'bindend geregeld', 'genoemd, niet bindend' or 'afwezig', with evidence.

    Detection reads the provisions file at every run: a provision added there (id, theme, name,
    definition, terms, examples) is checked at once, without retraining.
    """
    from nlp.analysis.checklist import ChecklistError, load_checklist
    from nlp.analysis.provisions import detect, table
    from nlp.errors import UnknownDocumentError
    from nlp.resources import PROVISION_STATUS_LABELS, PROVISION_STATUS_SYMBOLS

    provisions = load_checklist(checklist_file)
    if provision_ids:
        known = {p.id for p in provisions}
        unknown = [p for p in provision_ids if p not in known]
        if unknown:
            raise ChecklistError(f"unknown provision {unknown[0]!r}; known: {', '.join(sorted(known))}")
        provisions = [p for p in provisions if p.id in provision_ids]
    index = _index(ctx, embedder)
    stored = {r["doc_id"] for r in index.rows}
    for d in doc_ids:
        if d not in stored:
            raise UnknownDocumentError(f"no document {d!r} in the store; see 'clause-atlas documents'")
    found = detect(index, provisions, doc_ids=list(doc_ids) or None)
    rows = [r for r in table(found, index, provisions) if not statuses or r["status"] in statuses]
    if csv_path is not None:
        with csv_path.open("w", encoding="utf-8-sig", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0]) if rows else ["doc_id"])
            w.writeheader()
            w.writerows(rows)
        click.echo(f"{len(rows)} rows written to {csv_path}", err=not sys.stdout.isatty())
        return
    if jsonl:
        for r in rows:
            click.echo(to_json(r))
        return
    text = {r["clause_id"]: r for r in index.rows}
    if doc_ids:
        for r in rows:
            sym = PROVISION_STATUS_SYMBOLS[str(r["status"])]
            click.echo(
                f"{r['doc_id']}  {sym} {r['provision']} ({r['name']}): {r['status_label']}, zekerheid {r['confidence']:.2f}"
            )
            for cid in [c for c in str(r["evidence"]).split(";") if c][:5]:
                row = text[cid]
                click.echo(f"    {cid} [{row.get('section') or '-'}] {_short(str(row['text']), 90)}")
        return
    ids = [p.id for p in provisions]
    cells = {(r["doc_id"], r["provision"]): str(r["status"]) for r in rows}
    docs = list(dict.fromkeys(str(r["doc_id"]) for r in rows))
    width = max([len(d) for d in docs] + [8])
    click.echo(f"{'document':<{width}}  " + " ".join(f"{n + 1:>2}" for n in range(len(ids))))
    for d in docs:
        marks = (PROVISION_STATUS_SYMBOLS[cells[(d, p)]] if (d, p) in cells else " " for p in ids)
        click.echo(f"{d:<{width}}  " + " ".join(f"{m:>2}" for m in marks))
    click.echo("")
    for n, p in enumerate(provisions, 1):
        click.echo(f"{n:>2} {p.id}: {p.name}")
    legend = ", ".join(
        f"{PROVISION_STATUS_SYMBOLS[s]} {label}" for s, label in PROVISION_STATUS_LABELS.items()
    )
    click.echo(f"\n{legend}. Evidence per document: clause-atlas checklist --doc DOC_ID")


def evidence(index, provision_ids: tuple[str, ...]) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """The clauses the checklist finds for these provisions (empty: no provision asked for).

    Raises:
        ChecklistError: a provision id the checklist does not know.
        SearchError: the checklist finds the provisions nowhere.
    """
    if not provision_ids:
        return ()
    from nlp.analysis.checklist import ChecklistError, load_checklist
    from nlp.analysis.provisions import detect

    provisions = load_checklist()
    unknown = sorted(set(provision_ids) - {p.id for p in provisions})
    if unknown:
        raise ChecklistError(
            f"unknown provision {unknown[0]!r}; known: {', '.join(sorted(p.id for p in provisions))}"
        )
    found = detect(index, [p for p in provisions if p.id in provision_ids])
    ids = tuple(e.clause_id for f in found for e in f.evidence)
    if not ids:
        from nlp.retrieval.search import SearchError

        raise SearchError(f"the checklist finds {', '.join(provision_ids)} in no stored clause")
    return ids


def provision_gaps(index, provision_id: str, doc_id: str | None, jsonl: bool) -> None:  # type: ignore[no-untyped-def]
    """Print the documents whose status for a provision is not "bindend"."""
    from nlp.analysis.checklist import ChecklistError, load_checklist
    from nlp.analysis.provisions import detect

    chosen = [p for p in load_checklist() if p.id == provision_id]
    if not chosen:
        raise ChecklistError(f"unknown provision {provision_id!r}; see clause-atlas checklist")
    found = [f for f in detect(index, chosen, doc_ids=[doc_id] if doc_id else None) if f.status != "bindend"]
    for f in found:
        if jsonl:
            click.echo(to_json({"doc_id": f.doc_id, "provision": f.provision, "status": f.status}))
        else:
            click.echo(f"{f.doc_id:<44} {f.status}")
    if not jsonl:
        total = len({r["doc_id"] for r in index.rows}) if not doc_id else 1
        click.echo(
            f"{len(found)} of {total} documents do not bind {chosen[0].name!r} (automatic; evidence: clause-atlas checklist --doc)"
        )
