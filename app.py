"""Clause Atlas web app: the router. Pages live in ``ui/`` and hold layout only."""

from __future__ import annotations

import streamlit as st

from ui import state

st.set_page_config(page_title="Clause Atlas", page_icon=":material/explore:", layout="wide")
state.ensure_corpus()
pages = [
    st.Page("ui/overview.py", title="Overzicht", icon=":material/map:", default=True),
    st.Page("ui/themes.py", title="Thema's", icon=":material/label:"),
    st.Page("ui/search.py", title="Zoeken", icon=":material/search:"),
    st.Page("ui/compare.py", title="Vergelijken", icon=":material/compare:"),
    st.Page("ui/coverage.py", title="Dekking en lacunes", icon=":material/grid_on:"),
    st.Page("ui/upload.py", title="Document toevoegen", icon=":material/upload_file:"),
    st.Page("ui/review.py", title="Nakijken", icon=":material/fact_check:"),
]
st.navigation(pages).run()
