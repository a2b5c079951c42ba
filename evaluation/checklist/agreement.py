"""Agreement of the blind second reading: Cohen's kappa per provision, on the doubly read documents.

Every clause of a doubly read document is one item; per provision it is present or absent for
each annotator (kappa), and where both found it, the level (bindend / genoemd) is compared.
Document status (bindend / genoemd / afwezig per provision, from each annotator's labels alone)
is compared too. Run from the repository root::

    python -m evaluation.checklist.agreement [--write]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sklearn.metrics import cohen_kappa_score

from evaluation.checklist.gold import GOLD_DIR, annotations, documents
from nlp.analysis.checklist import load_checklist


def doc_status(labels: dict[str, dict[str, str]], clause_ids: list[str], provision: str) -> str:
    """bindend / genoemd / afwezig of one provision in one document, from clause labels."""
    levels = {labels.get(c, {}).get(provision) for c in clause_ids}
    return "bindend" if "bindend" in levels else "genoemd" if "genoemd" in levels else "afwezig"


def agreement(clause_ids: dict[str, list[str]], gold_dir: Path = GOLD_DIR) -> str:
    """The agreement table (Markdown) for the doubly read documents.

    Args:
        clause_ids: Every clause id of each document, as stored.
        gold_dir: The checklist gold directory.
    """
    docs = [d for d in documents(gold_dir) if len(d.annotators) >= 2]
    provisions = [p.id for p in load_checklist()]
    pairs = sorted({d.annotators[:2] for d in docs})
    items: list[str] = [c for d in docs for c in clause_ids[d.doc_id]]
    first: dict[str, dict[str, str]] = {}
    second: dict[str, dict[str, str]] = {}
    for a, b in pairs:
        own = {d.doc_id for d in docs if d.annotators[:2] == (a, b)}
        first.update({c: p for c, p in annotations(a, gold_dir).items() if c.rsplit(":", 1)[0] in own})
        second.update({c: p for c, p in annotations(b, gold_dir).items() if c.rsplit(":", 1)[0] in own})
    lines = [
        f"{len(docs)} documents read twice, blind ({len(items)} clauses; annotator pairs "
        + ", ".join(f"{a}/{b}" for a, b in pairs)
        + ").",
        "",
        "| provision | clauses (first / second) | both | kappa | same level where both |",
        "|---|---|---|---|---|",
    ]
    ya_all, yb_all = [], []
    for p in provisions:
        ya = [int(p in first.get(c, {})) for c in items]
        yb = [int(p in second.get(c, {})) for c in items]
        ya_all += ya
        yb_all += yb
        both = [c for c in items if p in first.get(c, {}) and p in second.get(c, {})]
        same = sum(first[c][p] == second[c][p] for c in both)
        if not sum(ya) and not sum(yb):
            continue
        kappa = cohen_kappa_score(ya, yb) if len(set(ya + yb)) > 1 else 1.0
        lines.append(f"| {p} | {sum(ya)} / {sum(yb)} | {len(both)} | {kappa:.2f} | {same} of {len(both)} |")
    lines.append(
        f"| all provisions (pooled) | {sum(ya_all)} / {sum(yb_all)} | | {cohen_kappa_score(ya_all, yb_all):.2f} | |"
    )
    sa = [doc_status(first, clause_ids[d.doc_id], p) for d in docs for p in provisions]
    sb = [doc_status(second, clause_ids[d.doc_id], p) for d in docs for p in provisions]
    agree = sum(x == y for x, y in zip(sa, sb, strict=True))
    lines += [
        "",
        f"Document status (bindend / genoemd / afwezig) from each reading alone: {agree} of {len(sa)} "
        f"document x provision cells agree, kappa {cohen_kappa_score(sa, sb):.2f}.",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    """Print (or write to AGREEMENT.md) the agreement table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write evaluation/gold/checklist/AGREEMENT.md")
    args = parser.parse_args()
    from nlp.store.base import Store
    from nlp.store.paths import default_store

    with Store(default_store(), read_only=True) as store:
        ids = {d.doc_id: [c.clause_id for c in store.clauses(d.doc_id)] for d in documents()}
    text = "# Provision gold: agreement of the blind second reading\n\n" + agreement(ids)
    if args.write:
        (GOLD_DIR / "AGREEMENT.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
