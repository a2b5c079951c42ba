"""Themes: all clauses on one theme, with filters, sorting, paging, stance badges and context."""

import streamlit as st

from nlp.resources import THEMES
from ui import state, widgets
from ui.views import STANCE_NL, THEME_NL, THEME_SORTS, dutch_number, theme_page

st.title("Thema's")
index = state.index()
if not widgets.empty_store_notice(index):
    theme = st.radio("Thema", THEMES, format_func=THEME_NL.get, horizontal=True, key="th-theme")
    filters = widgets.filters(index, "th", themes=False)
    c1, c2 = st.columns([2, 1])
    sort = c1.selectbox("Sorteren op", list(THEME_SORTS), format_func=THEME_SORTS.get, key="th-sort")
    page = c2.number_input("Pagina", min_value=1, value=1, step=1, key="th-page")
    view = theme_page(index, theme, filters, sort=sort, page=int(page))
    st.write(
        f"**{dutch_number(view['total'])}** clausules over {THEME_NL[theme]}"
        + (f"; pagina {view['page']} van {view['pages']}" if view["pages"] > 1 else "")
    )
    st.bar_chart({STANCE_NL[s]: n for s, n in view["stances"].items()}, horizontal=True)
    if not view["total"]:
        st.warning("Geen clausules met deze filters.")
    for r in view["rows"]:
        widgets.clause_card(r, key=f"th-{r['clause_id']}")
