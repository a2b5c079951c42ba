"""The PostgreSQL store for teams: concurrent writers, migration both ways, the app and the CLI.

Each test gets a fresh database in one throwaway cluster (``conftest.pg_cluster``); the store's
behaviour on both back ends is tested in ``test_store.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest
from test_app import ROOT, app_env
from test_app import corpus_store as corpus_store

from nlp.errors import StoreError
from nlp.ingest.pipeline import collect, ingest
from nlp.records import Explanation, Prediction
from nlp.store.base import Store
from nlp.store.migrate import migrate

CLI = [sys.executable, "-m", "nlp.cli"]
ENV = {**os.environ, "CLAUSE_ATLAS_EMBEDDER": "fake"}
EXPLAINED = Explanation({"training": ("opleidingsdagen",)}, ("krijgen",))


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    """One clause-atlas command in its own process."""
    return subprocess.run([*CLI, *args], capture_output=True, text=True, env=ENV, check=False)


def _cao_folder(root: Path, name: str, n: int, sector: int, articles: int = 1) -> Path:
    folder = root / name
    folder.mkdir()
    for j in range(n):
        (folder / f"cao_{sector}_{j}.txt").write_text(
            "".join(
                f"Artikel {a}\n\n1. Werknemers in sector {sector} krijgen {j + a + 2} opleidingsdagen.\n\n"
                for a in range(articles)
            ),
            encoding="utf-8",
        )
    return folder


def _ingest_procs(url: str, folders: list[Path]) -> list[tuple[int, str]]:
    procs = [
        subprocess.Popen(
            [*CLI, "--store", url, "--wait", "60", "ingest", str(f), "--no-code"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=ENV,
        )
        for f in folders
    ]
    return [(p.wait(timeout=300), p.communicate()[1]) for p in procs]


def test_postgres_two_concurrent_ingests_of_different_files_both_land(pg_url: str, tmp_path: Path) -> None:
    Store(pg_url).close()
    folders = [_cao_folder(tmp_path, f"batch{k}", 3, k) for k in range(2)]
    results = _ingest_procs(pg_url, folders)
    assert [rc for rc, _ in results] == [0, 0], results
    with Store(pg_url, read_only=True) as s:
        assert len(s.doc_ids()) == 6
        assert s.count("clauses") == 3 + 3


def test_postgres_the_same_file_ingested_twice_at_once_lands_once(pg_url: str, tmp_path: Path) -> None:
    folder = _cao_folder(tmp_path, "zelfde", 25, 7, articles=60)  # one batch, long enough to overlap
    results = _ingest_procs(pg_url, [folder, folder])
    assert [rc for rc, _ in results] == [0, 0], results
    with Store(pg_url, read_only=True) as s:
        assert len(s.doc_ids()) == 25
        assert s.count("clauses") == 25 * 60 and s.count("documents") == 25


def test_postgres_a_review_saved_while_an_ingest_runs_is_kept(pg_url: str, tmp_path: Path) -> None:
    first = _cao_folder(tmp_path, "eerst", 1, 1)
    with Store(pg_url) as s:
        ingest(s, collect([first]))
        clause_id = s.clauses()[0].clause_id
    many = tmp_path / "veel"
    many.mkdir()
    for k in range(80):
        (many / f"cao_{k:02d}.txt").write_text(
            "".join(f"Artikel {j}\n\n1. In sector {k} geldt regel {j} over overleg.\n\n" for j in range(1, 25)),
            encoding="utf-8",
        )
    proc = subprocess.Popen(
        [*CLI, "--store", pg_url, "--wait", "60", "ingest", str(many), "--no-code"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
    )
    saved = 0
    with Store(pg_url, wait=60) as s:
        while proc.poll() is None and saved < 20:
            s.annotate(clause_id, ["training"], "commitment", f"lezer {saved}")
            saved += 1
            time.sleep(0.05)
    assert proc.wait(timeout=300) == 0, proc.stderr.read() if proc.stderr else ""
    with Store(pg_url, read_only=True) as s:
        assert s.count("documents") == 81
        reviews = [a for a in s.annotations(latest=False) if a["clause_id"] == clause_id]
        assert len(reviews) == saved >= 1


def _filled(store: Store, folder: Path) -> None:
    ingest(store, collect([folder]))
    clauses = store.clauses()
    store.put_predictions(
        (c.clause_id, c.doc_id, Prediction(("training",), {"training": 0.9}, "commitment", {}, EXPLAINED, "m-1"))
        for c in clauses[:2]
    )
    store.annotate(clauses[0].clause_id, ["training"], "commitment", "Els", note="klopt")
    store.put_embeddings("fake", {"abc": __import__("numpy").ones(4, dtype="float32")})


def test_postgres_migrate_both_ways_keeps_every_row(pg_url: str, pg_cluster: object, tmp_path: Path) -> None:
    folder = _cao_folder(tmp_path, "bron", 3, 2)
    with Store(tmp_path / "a.duckdb") as a:
        _filled(a, folder)
        expected = (a.documents(), a.clauses(), a.predictions(), a.annotations(), a.get_embeddings("fake", ["abc"]))
    res = _run("migrate", "--from", str(tmp_path / "a.duckdb"), "--to", pg_url)
    assert res.returncode == 0, res.stderr
    assert "3 documents, 3 clauses, 2 predictions, 1 annotations, 1 embeddings; counts checked" in res.stdout
    back = tmp_path / "b.duckdb"
    with Store(pg_url, read_only=True) as pg, Store(back) as b:
        assert pg.clauses() == expected[1] and pg.annotations() == expected[3]
        counts = migrate(pg, b)
        assert counts["clauses"] == 3 and counts["annotations"] == 1
        got = (b.documents(), b.clauses(), b.predictions(), b.annotations(), b.get_embeddings("fake", ["abc"]))
    assert got[:4] == expected[:4]
    assert (got[4]["abc"] == expected[4]["abc"]).all()
    # a second copy into the now filled target is refused in one line, nothing written
    again = _run("migrate", "--from", str(tmp_path / "a.duckdb"), "--to", pg_url)
    assert again.returncode == 1 and again.stderr.count("\n") == 1 and "not empty" in again.stderr


def test_postgres_an_unreachable_server_is_one_line_without_the_password(tmp_path: Path) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens once the socket is closed
    url = f"postgresql://atlas:geheim@127.0.0.1:{port}/atlas"
    res = _run("--store", url, "--wait", "1", "documents")
    assert res.returncode == 1
    assert res.stderr.count("\n") == 1 and res.stderr.startswith("error: cannot open store"), res.stderr
    assert "geheim" not in res.stderr and "atlas:***@" in res.stderr
    with pytest.raises(StoreError):
        Store(url, wait=1)


def test_postgres_a_writer_waits_then_fails_in_one_line(pg_url: str) -> None:
    with Store(pg_url) as holder, holder.transaction(), Store(pg_url, wait=0.3) as other:
        with pytest.raises(StoreError, match="being written by another process"):
            other.annotate("x", [], "neutral", "Els")
        assert other.doc_ids() == []  # readers never wait


def test_postgres_the_app_and_the_cli_share_one_database(
    corpus_store: tuple[Path, Path], pg_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with Store(corpus_store[0], read_only=True) as src, Store(pg_url) as dst:
        migrate(src, dst)
    app_env(monkeypatch, pg_url, corpus_store[1])  # type: ignore[arg-type]
    errors: list[str] = []
    stop = threading.Event()

    def keep_the_app_busy() -> None:
        while not stop.is_set():
            for page in ("overview", "themes", "search"):
                at = AppTest.from_file(str(ROOT / "ui" / f"page_{page}.py"), default_timeout=60)
                at.run()
                errors.extend(str(e.value) for e in at.exception)

    runner = threading.Thread(target=keep_the_app_busy)
    runner.start()
    try:
        new = tmp_path / "cao_gedeeld_team.txt"
        new.write_text(
            "Artikel 1 Camera's\n\n1. De werkgever vraagt instemming van de ondernemingsraad voor cameratoezicht.\n",
            encoding="utf-8",
        )
        res = _run("--store", pg_url, "ingest", str(new), "--no-code")
    finally:
        stop.set()
        runner.join()
    assert res.returncode == 0, res.stderr
    assert not errors, errors
    at = AppTest.from_file(str(ROOT / "ui" / "page_coverage.py"), default_timeout=60)
    at.run()
    assert not at.exception
    assert any("cao gedeeld team" in df.value.to_csv() for df in at.dataframe)
    st.cache_resource.clear()


def test_postgres_kill_9_mid_ingest_leaves_a_consistent_store_and_a_rerun_completes(
    pg_url: str, tmp_path: Path
) -> None:
    import signal

    folder = _cao_folder(tmp_path, "veel", 80, 3, articles=30)
    Store(pg_url).close()
    proc = subprocess.Popen(
        [*CLI, "--store", pg_url, "ingest", str(folder), "--no-code"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=ENV,
    )
    deadline = time.monotonic() + 120
    with Store(pg_url, read_only=True) as s:
        while s.count("documents") == 0 and time.monotonic() < deadline:  # the first batch is in
            time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Store(pg_url) as s:
        stored = s.documents()
        assert 0 < len(stored) < 80, "killed mid-way"
        assert len(stored) % 25 == 0, "whole batches only"
        assert all(len(s.clauses(str(d["doc_id"]))) == d["n_clauses"] == 30 for d in stored)
    res = _run("--store", pg_url, "ingest", str(folder), "--no-code")
    assert res.returncode == 0, res.stderr
    with Store(pg_url, read_only=True) as s:
        assert s.count("documents") == 80 and s.count("clauses") == 80 * 30
