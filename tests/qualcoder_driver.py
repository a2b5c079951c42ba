"""Drive QualCoder's own REFI-QDA import and export headless (used by test_qualcoder.py).

Run in a separate process with ``HOME`` pointing at a scratch folder (QualCoder keeps its
settings in ``~/.qualcoder``) and ``QT_QPA_PLATFORM=offscreen``::

    python tests/qualcoder_driver.py QUALCODER_SRC IN.qdpx OUT_DIR EDITS.json

It creates an empty QualCoder project with the tables QualCoder's own "new project" creates
(read from its source, not copied here), imports ``IN.qdpx`` with ``RefiImport``, applies the
edits a QDA user would make in the GUI directly to QualCoder's database (``remove``: delete the
coding of a code on a span; ``add``: code a span, as coder "default"), exports the project with
``RefiExport`` and prints the path of the re-export as JSON. Dialogs are answered in code.
"""

from __future__ import annotations

import ast
import json
import sys
import types
from pathlib import Path


def schema_statements(src: Path) -> list[str]:
    """The CREATE statements QualCoder's ``MainWindow.new_project`` runs, read from its source."""
    tree = ast.parse((src / "qualcoder" / "__main__.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == "new_project":
            out = []
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Attribute)
                    and call.func.attr == "execute"
                    and call.args
                    and isinstance(call.args[0], ast.Constant)
                    and isinstance(call.args[0].value, str)
                    and call.args[0].value.lstrip().upper().startswith("CREATE ")
                ):
                    out.append(call.args[0].value)
            return out
    raise SystemExit("new_project not found in QualCoder's __main__.py")


class QualCoderApp:
    """What QualCoder's REFI-QDA code uses of its ``App`` (whose module imports its AI stack)."""

    version = "QualCoder (driven by Clause Atlas tests)"
    ai = None
    project_events = None

    def __init__(self, project: Path, directory: Path) -> None:
        import sqlite3

        self.ai_models: list[object] = []
        self.project_path = str(project)
        self.project_name = project.name
        self.conn = sqlite3.connect(project / "data.qda")
        self.settings = {
            "directory": str(directory),
            "codername": "default",
            "ai_enable": "False",
            "fontsize": 12,
            "font": "Noto Sans",
        }

    def write_config_ini(self, settings: object, ai_models: object) -> None:
        """QualCoder saves its settings here; nothing to keep in a test."""

    def get_annotations(self) -> list[dict[str, object]]:
        """Text annotations (QualCoder's App.get_annotations)."""
        cur = self.conn.execute(
            "SELECT anid, fid, pos0, pos1, memo, owner, date FROM annotation"
        )  # every coder visible
        keys = ("anid", "fid", "pos0", "pos1", "memo", "owner", "date")
        return [dict(zip(keys, row, strict=True)) for row in cur.fetchall()]


def main() -> None:
    src, inp, out_dir, edits_path = (Path(a) for a in sys.argv[1:5])
    sys.path.insert(0, str(src))
    for optional in ("pymupdf", "vlc"):  # imported by helpers, unused by the REFI-QDA code paths
        try:
            __import__(optional)
        except ImportError:
            sys.modules[optional] = types.ModuleType(optional)
    from PyQt6 import QtWidgets

    qapp = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    from qualcoder import helpers, refi

    helpers.Message.exec = lambda self: 0  # type: ignore[method-assign]
    refi.Message.exec = lambda self: 0  # type: ignore[attr-defined]
    refi.RefiLineEndings.exec = lambda self: 0  # type: ignore[method-assign]
    (Path.home() / ".qualcoder").mkdir(exist_ok=True)  # QualCoder prepares exports there
    project = out_dir / "project.qda"
    for sub in ("", "images", "audio", "video", "documents"):
        (project / sub).mkdir(parents=True, exist_ok=True)
    app = QualCoderApp(project, out_dir)
    cur = app.conn.cursor()
    for sql in schema_statements(src):
        cur.execute(sql)
    cur.execute(
        "INSERT INTO project (databaseversion, date, memo, about, codername) VALUES ('v14', '2026-12-02 10:00:00', '', '', 'default')"
    )
    app.conn.commit()
    text = QtWidgets.QTextEdit()
    QtWidgets.QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: (str(inp), "qdpx"))  # type: ignore[method-assign]
    refi.RefiImport(app, text, "qdpx")
    codes = {name: cid for cid, name in cur.execute("SELECT cid, name FROM code_name").fetchall()}
    sources = {name: fid for fid, name in cur.execute("SELECT id, name FROM source").fetchall()}
    n_codings = cur.execute("SELECT count(*) FROM code_text").fetchone()[0]
    for e in json.loads(edits_path.read_text(encoding="utf-8")):
        fid, cid = sources[e["source"]], codes[e["code"]]
        if e["op"] == "remove":
            cur.execute(
                "DELETE FROM code_text WHERE fid=? AND cid=? AND pos0=? AND pos1=?",
                (fid, cid, e["start"], e["end"]),
            )
            assert cur.rowcount == 1, e
        else:
            full = cur.execute("SELECT fulltext FROM source WHERE id=?", (fid,)).fetchone()[0]
            cur.execute(
                "INSERT INTO code_text (cid, fid, seltext, pos0, pos1, owner, date, memo, important) "
                "VALUES (?, ?, ?, ?, ?, 'default', '2026-12-02 10:00:00', '', NULL)",
                (cid, fid, full[e["start"] : e["end"]], e["start"], e["end"]),
            )
    app.conn.commit()
    export_dir = out_dir / "export"
    export_dir.mkdir(exist_ok=True)
    QtWidgets.QFileDialog.getExistingDirectory = staticmethod(lambda *a, **k: str(export_dir))  # type: ignore[method-assign]
    refi.RefiExport(app, text, "project")
    files = sorted(export_dir.glob("*.qdpx"))
    users = [r[0] for r in cur.execute("SELECT DISTINCT owner FROM code_text").fetchall()]
    print(json.dumps({"reexport": str(files[0]) if files else "", "codings": n_codings, "owners": users}))
    del qapp


if __name__ == "__main__":
    main()
