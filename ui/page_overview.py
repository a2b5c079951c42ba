"""Overview: the corpus at a glance and the coverage heatmap with click-through."""

import plotly.graph_objects as go
import streamlit as st

from ui import state, widgets
from ui.heatmap_view import cell_of, heatmap, heatmap_cells
from ui.views import THEME_NL, cell_clauses, dutch_number, overview

st.title("Overzicht van het corpus")
index = state.index()
if not widgets.empty_store_notice(index):
    ov = overview(index)
    cols = st.columns(3)
    cols[0].metric("Documenten", len(ov["documents"]))
    cols[1].metric("Clausules", dutch_number(ov["clauses"]))
    cols[2].metric("Landen", len(ov["by_country"]))
    c1, c2, c3 = st.columns(3)
    c1.bar_chart(ov["by_type"], horizontal=True, x_label="documenten")
    c2.bar_chart(ov["by_country"], x_label="land")
    c3.bar_chart(ov["by_year"], x_label="jaar")

    st.subheader("Welk document zegt wat over welk thema?")
    st.caption(
        "Kleur: aantal clausules met het thema (donkerder is meer; de schaal is logaritmisch, zodat één groot "
        "document de rest niet wegdrukt). ● = er staat minstens één bindende verbintenis in. Klik op een vakje "
        "voor de clausules erachter."
    )
    hm = heatmap(index)
    cells = heatmap_cells(hm)
    fig = go.Figure(
        go.Scatter(
            x=[THEME_NL[c["theme"]] for c in cells],
            y=[c["label"] for c in cells],
            mode="markers+text",
            text=[c["text"] for c in cells],
            customdata=[c["count"] for c in cells],
            marker={"symbol": "square", "size": 22, "color": [c["shade"] for c in cells], "colorscale": "Blues"},
            textfont={"size": 11},
            hovertemplate="%{y}<br>%{x}: %{customdata} clausules (klik voor de clausules)<extra></extra>",
        )
    )
    fig.update_layout(
        height=max(400, 24 * len(hm["doc_ids"])),
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        yaxis={"autorange": "reversed", "type": "category"},
        xaxis={"side": "top", "type": "category"},
        plot_bgcolor="white",
        clickmode="event+select",
        dragmode=False,
    )
    event = st.plotly_chart(
        fig,
        width="stretch",
        config={"displayModeBar": False},
        on_select="rerun",
        selection_mode="points",
        key="ov-heat",
    )
    picked = cell_of(hm, event.selection.points if event else [])
    if picked is not None:
        st.session_state["ov-doc"], st.session_state["ov-theme"] = picked

    st.subheader("Clausules achter een cel")
    titles = dict(zip(hm["doc_ids"], hm["titles"], strict=True))
    c1, c2 = st.columns([3, 1])
    doc = c1.selectbox("Document", hm["doc_ids"], format_func=lambda d: titles[d][:90], key="ov-doc")
    theme = c2.selectbox("Thema", hm["themes"], format_func=THEME_NL.get, key="ov-theme")
    binding = widgets.binding_switch("ov")
    rows = cell_clauses(index, doc, theme, binding_only=binding)
    st.write(f"{dutch_number(len(rows))} {'bindende ' if binding else ''}clausules")
    for r in rows[:50]:
        widgets.clause_card(r, key=f"ov-{r['clause_id']}", explain=False)
