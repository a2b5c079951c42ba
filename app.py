"""Clause Atlas web app: the router. Pages live in ``ui/`` and hold layout only."""

from __future__ import annotations

import streamlit as st

from ui import state

st.set_page_config(page_title="Clause Atlas", page_icon="🧭", layout="wide")
state.ensure_corpus()
pages = [
    st.Page("ui/overview.py", title="Overzicht", icon="🗺️", default=True),
    st.Page("ui/themes.py", title="Thema's", icon="🏷️"),
    st.Page("ui/search.py", title="Zoeken", icon="🔎"),
    st.Page("ui/compare.py", title="Vergelijken", icon="⚖️"),
    st.Page("ui/coverage.py", title="Dekking en lacunes", icon="🧩"),
    st.Page("ui/upload.py", title="Document toevoegen", icon="➕"),
    st.Page("ui/review.py", title="Nakijken", icon="✅"),
]
st.navigation(pages).run()
