"""Compare: two documents (or one against the corpus), profiles and aligned clauses."""

import plotly.express as px
import streamlit as st

from nlp.analysis.compare import ALIGN_THRESHOLD, NO_THEME, align, profile
from nlp.resources import STANCES
from ui import state, widgets
from ui.views import STANCE_NL, THEME_NL, clause_rows, dutch_number, only_binding

CORPUS = "(de rest van het corpus)"

st.title("Documenten vergelijken")
index = state.index()
if not widgets.empty_store_notice(index):
    titles = {r["doc_id"]: r["title"] for r in index.rows}
    c1, c2 = st.columns(2)
    a = c1.selectbox("Document A", list(titles), format_func=lambda d: titles[d][:80], key="cmp-a")
    b = c2.selectbox(
        "Document B",
        [CORPUS, *[d for d in titles if d != a]],
        format_func=lambda d: titles.get(d, d)[:80],
        key="cmp-b",
    )
    levels = [round(0.35 + 0.05 * k, 2) for k in range(11)]
    threshold = st.select_slider(
        "Hoe sterk moeten clausules op elkaar lijken om als vergelijkbaar te gelden?",
        options=levels,
        value=ALIGN_THRESHOLD,
        format_func=lambda v: dutch_number(v, 2) + (" (standaard)" if v == ALIGN_THRESHOLD else ""),
        help="Naar rechts: alleen clausules die vrijwel hetzelfde regelen. Naar links: ook verwante "
        "clausules, met meer ruis. De standaard geldt ook voor 'clause-atlas compare'.",
        key="cmp-t",
    )
    doc_b = None if b == CORPUS else b
    profiles = [profile(index, a)] + ([profile(index, doc_b)] if doc_b else [])
    cols = st.columns(len(profiles))
    for col, p in zip(cols, profiles, strict=True):
        data = [
            {"thema": THEME_NL.get(t, "geen thema"), "houding": STANCE_NL[s], "clausules": n}
            for t, row in p.counts.items()
            for s, n in row.items()
            if n
        ]
        col.markdown(f"**{widgets.escape_markdown(p.title[:80])}** ({p.n_clauses} clausules)")
        if data:
            fig = px.bar(
                data,
                x="clausules",
                y="thema",
                color="houding",
                orientation="h",
                category_orders={"houding": [STANCE_NL[s] for s in STANCES]},
                height=300,
            )
            col.plotly_chart(fig, width="stretch", key=f"prof-{p.doc_id}")
        col.caption(
            "Aandeel bindende verbintenissen: "
            + ", ".join(f"{THEME_NL[t]} {v:.0%}" for t, v in p.binding_share.items())
        )
    binding = widgets.binding_switch("cmp")
    result = align(index, a, doc_b, threshold=threshold)
    st.subheader(
        f"{dutch_number(len(result.pairs))} vergelijkbare paren, {dutch_number(len(result.only_a))} alleen in A, "
        f"{dutch_number(len(result.only_b))} alleen in B"
    )
    groups = result.by_theme(index)
    for t, g in groups.items():
        if not any(g.values()):
            continue
        with st.expander(
            f"{THEME_NL.get(t, 'geen thema') if t != NO_THEME else 'geen thema'}: {len(g['pairs'])} paren, {len(g['only_a'])} alleen in A, {len(g['only_b'])} alleen in B"
        ):
            pairs = [p for p in g["pairs"] if only_binding(index, [p.a, p.b], binding)]  # either side binds
            for p in pairs[:20]:
                ra, rb = clause_rows(index, [index.position[p.a], index.position[p.b]])
                c1, c2 = st.columns(2)
                with c1:
                    widgets.clause_card(ra, key=f"pa-{t}-{p.a}", explain=False)
                with c2:
                    widgets.clause_card(rb, key=f"pb-{t}-{p.b}", explain=False)
                st.caption(f"gelijkenis {dutch_number(p.similarity, 2)}")
            c1, c2 = st.columns(2)
            with c1:
                st.markdown("**Alleen in A**")
                ids = only_binding(index, g["only_a"], binding)[:15]
                for r in clause_rows(index, [index.position[c] for c in ids]):
                    widgets.clause_card(r, key=f"oa-{t}-{r['clause_id']}", explain=False)
            with c2:
                st.markdown("**Alleen in B**")
                ids = only_binding(index, g["only_b"], binding)[:15]
                for r in clause_rows(index, [index.position[c] for c in ids]):
                    widgets.clause_card(r, key=f"ob-{t}-{r['clause_id']}", explain=False)
