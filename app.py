"""Clause Atlas web app: the router. Pages live in ``ui/page_*.py`` and hold layout only.

Page files carry a prefix so that no page shadows an importable module (numba imports a module
named ``coverage``; a page called ``coverage.py`` next to it deadlocked the app).
"""

from __future__ import annotations

import streamlit as st

from ui import state

st.set_page_config(page_title="Clause Atlas", page_icon=":material/explore:", layout="wide")
state.ensure_corpus()
if state.model_error():
    st.warning(
        f"Het model kon niet worden geladen ({state.model_error()}); nieuwe documenten worden niet gecodeerd "
        "en clausules zonder codes tellen in geen enkel thema mee."
    )
pages = [
    st.Page("ui/page_overview.py", title="Overzicht", icon=":material/map:", default=True),
    st.Page("ui/page_themes.py", title="Thema's", icon=":material/label:", url_path="themes"),
    st.Page("ui/page_search.py", title="Zoeken", icon=":material/search:", url_path="search"),
    st.Page("ui/page_compare.py", title="Vergelijken", icon=":material/compare:", url_path="compare"),
    st.Page("ui/page_document.py", title="Document", icon=":material/description:", url_path="document"),
    st.Page(
        "ui/page_coverage.py", title="Dekking en lacunes", icon=":material/grid_on:", url_path="coverage"
    ),
    st.Page("ui/page_checklist.py", title="Checklist", icon=":material/checklist:", url_path="checklist"),
    st.Page("ui/page_topics.py", title="Onderwerpen", icon=":material/bubble_chart:", url_path="topics"),
    st.Page(
        "ui/page_upload.py", title="Document toevoegen", icon=":material/upload_file:", url_path="upload"
    ),
    st.Page("ui/page_review.py", title="Nakijken", icon=":material/fact_check:", url_path="review"),
]
st.navigation(pages).run()
