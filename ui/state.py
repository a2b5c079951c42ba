"""Resources the pages share, cached across page switches and sessions.

One read-write store connection per app process (DuckDB allows one writer), guarded by a lock;
the search index is rebuilt only when the store's data changes. A store that cannot be opened
or a model that cannot be loaded is said in one line on the page, never as a traceback.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import streamlit as st

from nlp.retrieval.search import ClauseIndex
from nlp.store.duckdb_store import Store
from nlp.store.paths import default_store_path

LOCK = threading.Lock()
CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@st.cache_resource(show_spinner=False)
def _store() -> Store:
    return Store(default_store_path())


def store() -> Store:
    """The app's store (``$CLAUSE_ATLAS_STORE`` or the project default).

    When it cannot be opened (held by another program, damaged), the page shows one line
    saying so and stops; nothing is cached, so a refresh tries again.
    """
    from nlp.errors import ClauseAtlasError

    try:
        return _store()
    except ClauseAtlasError as exc:
        st.error(f"De databank kan niet worden geopend: {exc}")
        st.stop()
        raise  # st.stop() raises; this line is for type checkers


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
    with LOCK:
        return ClauseIndex.from_store(store(), os.environ.get("CLAUSE_ATLAS_EMBEDDER") or None)


def index() -> ClauseIndex:
    """The search index of the store's current contents."""
    with LOCK:
        version = store().data_version()
    return _index(version)


def ensure_corpus() -> None:
    """On the very first start with an empty store, ingest and code the bundled corpus."""
    s = store()
    with LOCK:
        empty = not s.doc_ids()
    if not empty or os.environ.get("CLAUSE_ATLAS_NO_BOOTSTRAP") or not CORPUS.is_dir():
        return
    from nlp.ingest.pipeline import collect, ingest

    jobs = collect([CORPUS])
    bar = st.progress(0.0, text="Eerste start: het corpus wordt ingelezen en gecodeerd…")

    def progress(items: Any) -> Any:
        for n, job in enumerate(items, 1):
            bar.progress(n / len(jobs), text=f"Inlezen: {job.path.name} ({n}/{len(jobs)})")
            yield job

    with LOCK:
        ingest(s, jobs, progress=progress, coder=coder())
    bar.empty()
