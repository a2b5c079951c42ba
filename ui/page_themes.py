"""Themes: all clauses on one theme, with filters, stance badges, explanations and context."""

import streamlit as st

from nlp.resources import THEMES
from ui import state, widgets
from ui.views import STANCE_NL, THEME_NL, stance_counts, theme_clauses

st.title("Thema's")
index = state.index()
if not widgets.empty_store_notice(index):
    theme = st.radio("Thema", THEMES, format_func=THEME_NL.get, horizontal=True, key="th-theme")
    filters = widgets.filters(index, "th", themes=False)
    rows = theme_clauses(index, theme, filters)
    counts = stance_counts(rows)
    st.write(
        f"**{len(rows)}** clausules over {THEME_NL[theme]}" + (" (de eerste 200)" if len(rows) >= 200 else "")
    )
    st.bar_chart({STANCE_NL[s]: n for s, n in counts.items()}, horizontal=True)
    if not rows:
        st.warning("Geen clausules met deze filters.")
    for r in rows[:60]:
        widgets.clause_card(r, key=f"th-{r['clause_id']}")
