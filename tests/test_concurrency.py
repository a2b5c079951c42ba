"""Many people, one store: the app and the command line at the same time, in separate processes.

The app (AppTest, in this process) holds no store connection between page runs; command-line
processes read and write the same DuckDB file meanwhile, waiting (``--wait``) while the other
side holds it, and the app shows what they stored after a refresh.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest
from test_app import ROOT, app_env
from test_app import corpus_store as corpus_store

from nlp.store.base import Store

CLI = [sys.executable, "-m", "nlp.cli"]


def _cli(store: Path, *args: str, wait: float = 30.0) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CLAUSE_ATLAS_EMBEDDER": "fake"}
    return subprocess.run(
        [*CLI, "--store", str(store), "--wait", str(wait), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def test_concurrency_cli_works_while_the_app_runs_and_the_app_sees_its_writes(
    corpus_store: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    store = tmp_path / "shared.duckdb"
    store.write_bytes(corpus_store[0].read_bytes())
    app_env(monkeypatch, store, corpus_store[1])
    stop = threading.Event()
    errors: list[str] = []

    def keep_the_app_busy() -> None:  # people use the app the whole time the commands run
        while not stop.is_set():
            for page in ("overview", "review", "themes"):
                at = AppTest.from_file(str(ROOT / "ui" / f"page_{page}.py"), default_timeout=60)
                at.run()
                errors.extend(str(e.value) for e in at.exception)
                stop.wait(0.3)

    runner = threading.Thread(target=keep_the_app_busy)
    runner.start()
    try:
        new = tmp_path / "cao_nieuw_gelijktijdig.txt"
        new.write_text(
            "Artikel 1 Camera's\n\n1. De werkgever vraagt instemming van de ondernemingsraad voor cameratoezicht.\n",
            encoding="utf-8",
        )
        results = {
            "documents": _cli(store, "documents"),
            "search": _cli(
                store, "search", "cameratoezicht op de werkvloer", "--k", "3", "--embedder", "hashing"
            ),
            "export": _cli(store, "export", str(tmp_path / "uit.csv")),
            "ingest": _cli(store, "ingest", str(new), "--no-code"),
        }
    finally:
        stop.set()
        runner.join()
    for name, res in results.items():
        assert res.returncode == 0, (name, res.stdout, res.stderr)
    assert not errors, errors
    at = AppTest.from_file(str(ROOT / "ui" / "page_coverage.py"), default_timeout=60)
    at.run()  # a refresh: the index follows the store's data version
    assert not at.exception
    assert any("cao nieuw gelijktijdig" in df.value.to_csv() for df in at.dataframe)
    st.cache_resource.clear()


def test_concurrency_two_ingests_into_one_duckdb_store_both_land(tmp_path: Path) -> None:
    store = tmp_path / "s.duckdb"
    Store(store).close()
    files = []
    for k in range(2):
        folder = tmp_path / f"batch{k}"
        folder.mkdir()
        for j in range(3):
            f = folder / f"cao_{k}_{j}.txt"
            f.write_text(
                f"Artikel {j}\n\n1. Werknemers in sector {k} krijgen {j + 2} opleidingsdagen.\n",
                encoding="utf-8",
            )
        files.append(folder)
    env = {**os.environ, "CLAUSE_ATLAS_EMBEDDER": "fake"}
    procs = [
        subprocess.Popen(
            [*CLI, "--store", str(store), "--wait", "60", "ingest", str(folder), "--no-code"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for folder in files
    ]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    with Store(store, read_only=True) as s:
        assert len(s.doc_ids()) == 6 and len(s.clauses()) == 6


def test_concurrency_a_held_store_is_one_clear_line_after_the_wait(tmp_path: Path) -> None:
    store = tmp_path / "s.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import time; from nlp.store.base import Store; s = Store({str(store)!r}); print('ok', flush=True); time.sleep(20)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        res = _cli(store, "documents", wait=0.5)
        assert res.returncode == 1
        lines = res.stderr.strip().splitlines()
        assert len(lines) == 1 and "is in use by" in lines[0] and "--wait" in lines[0], res.stderr
    finally:
        holder.kill()
        holder.wait()


def test_concurrency_kill_9_mid_ingest_leaves_a_consistent_store_and_a_rerun_completes(
    tmp_path: Path,
) -> None:
    import signal
    import time

    folder = tmp_path / "veel"
    folder.mkdir()
    for k in range(60):
        (folder / f"cao_{k:02d}.txt").write_text(
            "".join(
                f"Artikel {j}\n\n1. Werknemers in sector {k} krijgen {j} opleidingsdagen en overleg over camera's.\n\n"
                for j in range(1, 30)
            ),
            encoding="utf-8",
        )
    store = tmp_path / "s.duckdb"
    env = {**os.environ, "CLAUSE_ATLAS_EMBEDDER": "fake"}
    proc = subprocess.Popen(
        [*CLI, "--store", str(store), "ingest", str(folder), "--no-code"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    deadline = time.monotonic() + 60
    while not store.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1.5)  # somewhere in the middle of the folder
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Store(store) as s:  # opens (DuckDB replays or drops its log) and is consistent
        docs = s.documents()
        stored = {d: sum(1 for c in s.clauses(d)) for d in s.doc_ids()}
        assert all(stored[str(d["doc_id"])] == d["n_clauses"] for d in docs)
    res = _cli(store, "ingest", str(folder), "--no-code")
    assert res.returncode == 0, res.stderr
    with Store(store, read_only=True) as s:
        assert len(s.doc_ids()) == 60
        assert all(len(s.clauses(d)) == 29 for d in s.doc_ids())
