"""Topics: what the corpus talks about beyond the four themes (BERTopic; says when it is out of date)."""

import plotly.express as px
import streamlit as st

from nlp.errors import ClauseAtlasError
from nlp.retrieval.search import ClauseIndex
from ui import state, widgets
from ui.topic_view import (
    load_topic_assignments,
    refit,
    staleness,
    staleness_text,
    topic_clauses,
    topic_display,
    topic_table,
)
from ui.views import DOC_TYPE_NL, THEME_NL, dutch_number


def refit_button(index: ClauseIndex, label: str, key: str) -> None:
    """A button that fits the topics again and reloads the page (one line on an error)."""
    if st.button(label, key=key):
        with st.spinner("Onderwerpen berekenen…"):
            try:
                refit(index)
            except ClauseAtlasError as exc:
                st.error(str(exc))
            else:
                st.rerun()


st.title("Onderwerpen")
index = state.index()
saved = load_topic_assignments()
if not widgets.empty_store_notice(index):
    if saved is None:
        st.info(
            "Er is nog geen onderwerpsmodel. Maak het hier of met 'clause-atlas topics fit' (ongeveer een minuut)."
        )
        refit_button(index, "Onderwerpen berekenen", "tp-fit")
    else:
        behind = staleness_text(staleness(index, saved))
        if behind:
            st.warning(behind)
            refit_button(index, "Onderwerpen opnieuw berekenen (ongeveer een minuut)", "tp-refit")
        table = topic_table(index, saved)
        info = saved["info"]
        st.write(
            f"{len(table)} onderwerpen over {dutch_number(len(saved['topics']))} clausules; "
            f"{info['outlier_share']:.0%} blijft zonder onderwerp (voor reductie {info['outlier_share_before']:.0%})."
        )
        st.subheader("Kaart van de onderwerpen")
        biggest = {r["topic"] for r in sorted(table, key=lambda r: -r["size"])[:15]}
        fig = px.scatter(
            [{**r, "naam": str(r["label"])[:28] if r["topic"] in biggest else ""} for r in table],
            x="x",
            y="y",
            size="size",
            text="naam",
            hover_name="label",
            hover_data={"x": False, "y": False, "naam": False, "size": True},
            labels={"size": "clausules"},
            height=460,
        )
        fig.update_traces(textposition="top center", textfont_size=10)
        fig.update_layout(xaxis_visible=False, yaxis_visible=False, margin={"l": 0, "r": 0, "t": 10, "b": 0})
        st.plotly_chart(fig, width="stretch")
        st.subheader("Onderwerpen, trefwoorden en thema's")
        st.dataframe(topic_display(table), width="stretch", hide_index=True)
        views = {"documenttype": "per_doc_type", "organisatie": "per_organisation", "jaar": "per_year"}
        st.subheader("Onderwerpen per documenttype, organisatie of jaar")
        by = st.radio("Uitsplitsen naar", list(views), horizontal=True, key="tp-by")
        per_class = info.get(views[by]) or []
        if per_class:
            top = {r["topic"] for r in sorted(table, key=lambda r: -r["size"])[:12]}
            data = [
                {
                    "onderwerp": f"{r['topic']}: {r['words'][:40]}",
                    by: DOC_TYPE_NL.get(r["class"], r["class"])[:40],
                    "clausules": r["frequency"],
                }
                for r in per_class
                if r["topic"] in top
            ]
            st.plotly_chart(
                px.bar(data, x="clausules", y="onderwerp", color=by, orientation="h", height=480),
                width="stretch",
            )
        st.subheader("Clausules van een onderwerp")
        by_label = {f"{r['topic']}: {r['label']} ({r['size']})": r for r in table}
        chosen = by_label[st.selectbox("Onderwerp", list(by_label), key="tp-topic")]
        topic = chosen["topic"]
        st.caption(
            "Thema's in dit onderwerp: " + ", ".join(f"{THEME_NL[t]} {chosen[THEME_NL[t]]}" for t in THEME_NL)
        )
        binding = widgets.binding_switch("tp")
        for r in topic_clauses(index, saved, topic, limit=30, binding_only=binding):
            widgets.clause_card(r, key=f"tp-{r['clause_id']}", explain=False)
