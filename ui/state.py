"""Resources the pages share, cached across page switches and sessions.

The app holds no store connection between page runs: it reads through short read-only
connections (:func:`reading`) and takes the write lock only while it saves (:func:`writing`), so
the command line can use the same store meanwhile (DuckDB lets one process write, or several
read, never both at once; each side waits up to ``CLAUSE_ATLAS_WAIT`` seconds for the other; a
PostgreSQL store named by ``CLAUSE_ATLAS_STORE`` lets readers and one writer work at once).
The search index is rebuilt only when the store's data version changes, so documents ingested
from the command line appear after a refresh. A store that cannot be opened or a model that
cannot be loaded is said in one line on the page, never as a traceback.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import streamlit as st

from nlp.retrieval.search import ClauseIndex
from nlp.store.base import DEFAULT_WAIT, Store
from nlp.store.paths import default_store, is_server_url

LOCK = threading.Lock()
CORPUS = Path(__file__).resolve().parents[1] / "corpus"


WAIT = float(os.environ.get("CLAUSE_ATLAS_WAIT") or DEFAULT_WAIT)


def _open(read_only: bool) -> Store:
    from nlp.errors import ClauseAtlasError

    path = default_store()
    try:
        if read_only and not is_server_url(path) and not Path(path).exists():
            Store(path, wait=WAIT).close()  # a new, empty store
        return Store(path, read_only=read_only, wait=WAIT)
    except ClauseAtlasError as exc:
        st.error(f"De databank kan niet worden geopend: {exc}")
        st.stop()
        raise  # st.stop() raises; this line is for type checkers


@contextmanager
def reading() -> Iterator[Store]:
    """A short read-only connection to the store (``$CLAUSE_ATLAS_STORE`` or the default).

    When the store cannot be opened (held too long by another program, damaged), the page shows
    one line saying so and stops.
    """
    with LOCK:
        s = _open(read_only=True)
        try:
            yield s
        finally:
            s.close()


@contextmanager
def writing() -> Iterator[Store]:
    """A short read-write connection, for a save or an upload; closed straight after."""
    with LOCK:
        s = _open(read_only=False)
        try:
            yield s
        finally:
            s.close()


@st.cache_resource(show_spinner=False)
def _model() -> tuple[Any, str]:
    from nlp.coding.modelio import load
    from nlp.errors import ClauseAtlasError

    try:
        return load(os.environ.get("CLAUSE_ATLAS_MODEL") or None), ""
    except ClauseAtlasError as exc:
        return None, str(exc)


def coder() -> Any:
    """The bundled model, or None when it cannot be loaded (:func:`model_error` says why)."""
    return _model()[0]


def model_error() -> str:
    """Why the model could not be loaded ("" when it was)."""
    return _model()[1]


@st.cache_resource(show_spinner="Zoekindex opbouwen…", max_entries=2)
def _index(version: tuple[object, ...]) -> ClauseIndex:
    with reading() as s:
        return ClauseIndex.from_store(s, os.environ.get("CLAUSE_ATLAS_EMBEDDER") or None)


def index() -> ClauseIndex:
    """The search index of the store's current contents (rebuilt when its data version changes)."""
    with reading() as s:
        version = s.data_version()
    return _index(version)


def ensure_corpus() -> None:
    """On the very first start with an empty store, ingest and code the bundled corpus."""
    with reading() as s:
        empty = not s.doc_ids()
    if not empty or os.environ.get("CLAUSE_ATLAS_NO_BOOTSTRAP") or not CORPUS.is_dir():
        return
    from nlp.ingest.pipeline import collect, ingest
    from ui.views import ProgressText

    jobs = collect([CORPUS])
    bar = st.progress(0.0, text="Eerste start: het corpus wordt ingelezen en gecodeerd…")
    text = ProgressText()

    def progress(p: Any) -> None:
        bar.progress(p.done / max(p.total, 1), text=text(p))

    with writing() as s:
        ingest(s, jobs, on_progress=progress, coder=coder())
    bar.empty()


@st.cache_resource(show_spinner="Checklist bepalen…", max_entries=2)
def _checklist(version: tuple[object, ...], path: str, mtime: float) -> tuple[list[Any], list[Any], str]:
    from nlp.analysis.checklist import load_checklist
    from nlp.analysis.provisions import detect
    from nlp.errors import ClauseAtlasError

    try:
        provisions = load_checklist(path)
        return provisions, detect(_index(version), provisions), ""
    except ClauseAtlasError as exc:
        return [], [], str(exc)


def checklist() -> tuple[list[Any], list[Any], str]:
    """The provisions, their findings per document, and an error ("" when none).

    Recomputed when the store's contents or the provisions file (``$CLAUSE_ATLAS_CHECKLIST`` or
    the shipped one) change, so a provision a knowledge centre adds shows after a refresh.
    """
    from nlp.analysis.checklist import checklist_path

    path = checklist_path()
    with reading() as s:
        version = s.data_version()
    mtime = path.stat().st_mtime if path.exists() else 0.0
    return _checklist(version, str(path), mtime)
