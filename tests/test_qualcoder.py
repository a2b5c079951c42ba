"""A real QDA program in the loop: QualCoder's own REFI-QDA import and export, driven headless.

Needs PyQt6 and a QualCoder checkout (``QUALCODER_SRC`` = its ``src`` folder); skipped with the
reason otherwise. The project is exported here, imported into a fresh QualCoder project by
QualCoder's ``RefiImport``, changed in QualCoder's database the way a user changes codes in its
GUI (a code removed, a code added, a part of a clause coded), exported by QualCoder's
``RefiExport`` and imported back here::

    QUALCODER_SRC=~/QualCoder/src pytest -m slow tests/test_qualcoder.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from test_qdpx import ingest_two_docs

from nlp.coding.classify import ClauseCoder
from nlp.exchange.qdpx import export
from nlp.exchange.qdpx_import import import_qdpx
from nlp.store.base import Store

pytestmark = pytest.mark.slow
DRIVER = Path(__file__).with_name("qualcoder_driver.py")


def _qualcoder_src() -> Path:
    src = os.environ.get("QUALCODER_SRC", "")
    if not src or not (Path(src) / "qualcoder" / "refi.py").is_file():
        pytest.skip("set QUALCODER_SRC to the src folder of a QualCoder checkout (with qualcoder/refi.py)")
    try:
        import PyQt6.QtWidgets  # noqa: F401
    except ImportError:
        pytest.skip("PyQt6 is not installed (pip install pyqt6); QualCoder needs it")
    return Path(src)


def test_qualcoder_reexport_imports_back_with_exactly_the_changes(
    store: Store, coder: ClauseCoder, tmp_path: Path
) -> None:
    src = _qualcoder_src()
    ingest_two_docs(store, coder, tmp_path)
    clauses = store.clauses()
    reviewed, restanced, added_on, part_of = clauses[0], clauses[1], clauses[2], clauses[-1]
    store.annotate(reviewed.clause_id, ["training"], "commitment", "Ann")
    preds = store.predictions()
    title = {str(d["doc_id"]): str(d["title"]) for d in store.documents()}
    project = export(store, tmp_path / "clause-atlas.qdpx")
    old_stance = preds[restanced.clause_id].stance
    new_stance = "concern" if old_stance != "concern" else "opportunity"
    new_theme = next(
        t for t in ("wellbeing", "data", "training") if t not in preds[added_on.clause_id].themes
    )
    part_theme = next(t for t in ("data", "participation") if t not in preds[part_of.clause_id].themes)
    on = {c.clause_id: (title[c.doc_id], c.start, c.end) for c in clauses}

    def edit(op: str, clause_id: str, code: str, start: int = 0, end: int = 0) -> dict[str, object]:
        source, s0, e0 = on[clause_id]
        return {"op": op, "source": source, "code": code, "start": s0 + start, "end": e0 + end}

    edits = [
        edit("remove", reviewed.clause_id, "training"),  # a reviewed code removed
        edit("remove", restanced.clause_id, old_stance),  # the stance changed
        edit("add", restanced.clause_id, new_stance),
        edit("add", added_on.clause_id, new_theme),  # a code added
        edit("add", part_of.clause_id, part_theme, 4, -10),  # a part of a clause coded
    ]
    (tmp_path / "edits.json").write_text(json.dumps(edits), encoding="utf-8")
    (tmp_path / "home").mkdir()
    (tmp_path / "qc").mkdir()
    env = {**os.environ, "HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [
            sys.executable,
            str(DRIVER),
            str(src),
            str(project),
            str(tmp_path / "qc"),
            str(tmp_path / "edits.json"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    out = json.loads(run.stdout.strip().splitlines()[-1])
    assert {"Clause Atlas model", "Clause Atlas review"} <= set(out["owners"]), "QualCoder kept the coders"
    reexport = Path(out["reexport"])
    with zipfile.ZipFile(reexport) as z:
        assert "project.qde" in z.namelist()

    summary = import_qdpx(store, reexport, annotator="QualCoder user")
    assert summary["skipped"] == [] and len(summary["sources"]) == 2
    latest = {str(x["clause_id"]): x for x in store.annotations()}
    assert set(latest) == {reviewed.clause_id, restanced.clause_id, added_on.clause_id, part_of.clause_id}
    assert summary["clauses_changed"] == 4 and summary["new_selections"] == 1
    assert (
        list(latest[reviewed.clause_id]["themes"]) == []
        and latest[reviewed.clause_id]["stance"] == "commitment"
    )
    assert latest[restanced.clause_id]["stance"] == new_stance
    assert list(latest[restanced.clause_id]["themes"]) == list(preds[restanced.clause_id].themes)
    assert new_theme in latest[added_on.clause_id]["themes"]
    assert part_theme in latest[part_of.clause_id]["themes"]
    assert all(x["annotator"] == "QualCoder user" for x in latest.values())
    assert import_qdpx(store, reexport)["clauses_changed"] == 0, "the same re-export again changes nothing"
