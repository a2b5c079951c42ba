"""Agreement between the first annotation and the blind second annotation.

Two rounds, each with its own files:

- ``--round corpus`` (the first gold round): clauses ``second/sample.jsonl``, first labels
  ``labels/batch-*.jsonl``, second labels ``second/annotator-2.jsonl``; writes ``AGREEMENT.md``
  and ``second/disagreements.jsonl``;
- ``--round real`` (real documents, issue 11): clauses ``second/real-sample.jsonl``, first labels
  ``labels/real-*.jsonl``, second labels ``second/real-annotator-2.jsonl``; writes
  ``real/AGREEMENT.md`` and ``real/disagreements.jsonl``;
- ``--round real-2`` (the active-learning and Belgian batches, after the conventions for real texts
  were decided): ``second/real-sample-2.jsonl``, ``second/real-annotator-2b.jsonl``; writes
  ``real/AGREEMENT-2.md`` and ``real/disagreements-2.jsonl``;
- ``--round real-3`` (the third active-learning round, batches 13-17):
  ``second/real-sample-3.jsonl``, ``second/real-annotator-2c.jsonl``; writes ``real/AGREEMENT-3.md``
  and ``real/disagreements-3.jsonl``;
- ``--round real-4`` (the fourth active-learning round, batches 18-22):
  ``second/real-sample-4.jsonl``, ``second/real-annotator-2d.jsonl``; writes ``real/AGREEMENT-4.md``
  and ``real/disagreements-4.jsonl``.

Cohen's kappa per theme, for stance and for "is a clause"; the disagreements list holds both
label sets for adjudication::

    python -m evaluation.gold.classification.agreement --round real
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from nlp.coding.metrics import cohen_kappa
from nlp.resources import STANCES, THEMES

HERE = Path(__file__).parent


def _jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


ROUNDS = {
    "corpus": {
        "sample": "second/sample.jsonl",
        "first": "batch-*.jsonl",
        "second": "second/annotator-2.jsonl",
        "report": "AGREEMENT.md",
        "disagreements": "second/disagreements.jsonl",
        "adjudicated": "adjudicated.jsonl",
        "how": "drawn at random from the four candidate batches (`second_sample.py`, 65 per batch)",
    },
    "real": {
        "sample": "second/real-sample.jsonl",
        "first": [f"real-{k}.jsonl" for k in range(1, 7)],
        "second": "second/real-annotator-2.jsonl",
        "report": "real/AGREEMENT.md",
        "disagreements": "real/disagreements.jsonl",
        "adjudicated": "real/adjudicated.jsonl",
        "how": "drawn at random from the six real-document batches (75 per batch; clauses as published, "
        "from laws, regulations, agreements, government guidance and union guides)",
    },
    "real-2": {
        "sample": "second/real-sample-2.jsonl",
        "first": [f"real-{k}.jsonl" for k in range(7, 13)],
        "second": "second/real-annotator-2b.jsonl",
        "report": "real/AGREEMENT-2.md",
        "disagreements": "real/disagreements-2.jsonl",
        "adjudicated": "real/adjudicated-2.jsonl",
        "how": "drawn at random from the five active-learning batches (30 each) and the Belgian cao batch "
        "(15), labelled by both annotators under the conventions for real texts",
    },
    "real-3": {
        "sample": "second/real-sample-3.jsonl",
        "first": [f"real-{k}.jsonl" for k in range(13, 18)],
        "second": "second/real-annotator-2c.jsonl",
        "report": "real/AGREEMENT-3.md",
        "disagreements": "real/disagreements-3.jsonl",
        "adjudicated": "real/adjudicated-3.jsonl",
        "how": "drawn at random from the five batches of the third active-learning round (70 each; "
        "`second_sample.py --per-batch 70`), labelled by both annotators under the conventions for real texts",
    },
    "real-4": {
        "sample": "second/real-sample-4.jsonl",
        "first": [f"real-{k}.jsonl" for k in range(18, 23)],
        "second": "second/real-annotator-2d.jsonl",
        "report": "real/AGREEMENT-4.md",
        "disagreements": "real/disagreements-4.jsonl",
        "adjudicated": "real/adjudicated-4.jsonl",
        "how": "drawn at random from the five batches of the fourth active-learning round (60 each; "
        "`second_sample.py --per-batch 60`), labelled by both annotators under the conventions for real texts",
    },
}


def main() -> None:
    """Compute agreement and write the report and the disagreement list."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--round", choices=sorted(ROUNDS), default="corpus")
    cfg = ROUNDS[ap.parse_args().round]
    sample = _jsonl(HERE / cfg["sample"])
    first: dict[str, dict[str, object]] = {}
    pattern = cfg["first"]
    paths = (
        sorted((HERE / "labels").glob(pattern))
        if isinstance(pattern, str)
        else [HERE / "labels" / n for n in pattern]
    )
    for path in paths:
        first.update({str(r["id"]): r for r in _jsonl(path)})
    second = {str(r["id"]): r for r in _jsonl(HERE / cfg["second"])}
    ids = [str(s["id"]) for s in sample if str(s["id"]) in second and str(s["id"]) in first]
    both_clause = [i for i in ids if first[i].get("is_clause", True) and second[i].get("is_clause", True)]
    rows = ["| label | kappa | agreement | first yes | second yes |", "|---|---|---|---|---|"]
    kappas = {}
    for t in THEMES:
        a = [t in first[i]["themes"] for i in both_clause]  # type: ignore[operator]
        b = [t in second[i]["themes"] for i in both_clause]  # type: ignore[operator]
        kappas[t] = cohen_kappa(a, b)
        agree = sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
        rows.append(f"| theme `{t}` | {kappas[t]:.3f} | {agree:.1%} | {sum(a)} | {sum(b)} |")
    sa = [first[i]["stance"] for i in both_clause]
    sb = [second[i]["stance"] for i in both_clause]
    k_stance = cohen_kappa(sa, sb)
    rows.append(
        f"| stance (5 classes) | {k_stance:.3f} | {sum(x == y for x, y in zip(sa, sb, strict=True)) / len(sa):.1%} | | |"
    )
    ca = [bool(first[i].get("is_clause", True)) for i in ids]
    cb = [bool(second[i].get("is_clause", True)) for i in ids]
    rows.append(
        f"| is a clause | {cohen_kappa(ca, cb):.3f} | {sum(x == y for x, y in zip(ca, cb, strict=True)) / len(ca):.1%} "
        f"| {sum(ca)} | {sum(cb)} |"
    )
    confusion = ["| first \\ second | " + " | ".join(STANCES) + " |", "|---" * (len(STANCES) + 1) + "|"]
    for s in STANCES:
        confusion.append(
            f"| {s} | "
            + " | ".join(
                str(sum(1 for x, y in zip(sa, sb, strict=True) if x == s and y == o)) for o in STANCES
            )
            + " |"
        )
    by_id = {str(s["id"]): s for s in sample}
    disagreements = []
    for i in ids:
        f, s = first[i], second[i]
        same = (
            bool(f.get("is_clause", True)) == bool(s.get("is_clause", True))
            and sorted(f["themes"]) == sorted(s["themes"])  # type: ignore[arg-type]
            and f["stance"] == s["stance"]
        )
        if not same:
            c = by_id[i]
            disagreements.append(
                {
                    "id": i,
                    "doc_type": c["doc_type"],
                    "section": c["section"],
                    "lead_in": c["lead_in"],
                    "prev": c["prev"],
                    "text": c["text"],
                    "next": c["next"],
                    "first": {k: f.get(k) for k in ("themes", "stance", "is_clause", "note")},
                    "second": {k: s.get(k) for k in ("themes", "stance", "is_clause", "note")},
                }
            )
    (HERE / cfg["disagreements"]).write_text(
        "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in disagreements), encoding="utf-8"
    )
    report = [
        "# Inter-annotator agreement",
        "",
        f"Blind second annotation of {len(ids)} clauses {cfg['how']}. "
        "The second annotator saw the clauses and LABELS.md, never the "
        f"first labels. Kappa for themes and stance is computed on the {len(both_clause)} items both "
        "annotators accepted as clauses. Generated by `agreement.py`.",
        "",
        *rows,
        "",
        f"Mean theme kappa: {sum(kappas.values()) / len(kappas):.3f}.",
        "",
        "Stance confusion (rows: first annotation, columns: second):",
        "",
        *confusion,
        "",
        f"{len(disagreements)} clauses differ in at least one label; each was adjudicated "
        f"(`{cfg['adjudicated']}`, with the reason), and the adjudicated labels are the gold labels.",
        "",
    ]
    (HERE / cfg["report"]).write_text("\n".join(report), encoding="utf-8")
    print("\n".join(report))


if __name__ == "__main__":
    main()
