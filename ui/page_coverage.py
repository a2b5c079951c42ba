"""Coverage and gaps: the documents x themes matrix, gaps, peer gaps with examples; exports."""

import streamlit as st

from nlp.analysis.coverage import gaps, matrix, peer_gaps
from nlp.exchange.tabular import to_csv, to_xlsx
from nlp.resources import THEMES
from ui import state, widgets
from ui.checklist_view import checklist_names, provision_gaps
from ui.views import STANCE_NL, THEME_NL, clause_rows, documents_without, gap_detail

KIND_NL = {
    "absent": "komt niet aan bod",
    "no commitment or recommendation": "geen verbintenis of aanbeveling",
    "peer gap": "wel bij vergelijkbare documenten",
}

st.title("Dekking en lacunes")
index = state.index()
if not widgets.empty_store_notice(index):
    titles = {r["doc_id"]: r["title"] for r in index.rows}
    cells = matrix(index)
    table = [
        {
            "document": titles[c.doc_id][:70],
            "doc_id": c.doc_id,
            "thema": THEME_NL[c.theme],
            "clausules": c.clauses,
            "verbintenissen": c.commitments,
            "aanbevelingen": c.recommendations,
            "sterkste houding": STANCE_NL.get(c.strongest, "—"),
        }
        for c in cells
    ]
    wide: dict[str, dict[str, object]] = {}
    for c in cells:
        row = wide.setdefault(c.doc_id, {"document": titles[c.doc_id][:70]})
        row[THEME_NL[c.theme]] = f"{c.clauses} · {STANCE_NL.get(c.strongest, '—')}"
    st.subheader("Matrix: clausules per thema en de sterkste houding")
    st.dataframe(list(wide.values()), width="stretch", hide_index=True)
    found = gaps(index) + peer_gaps(index)
    gap_rows = [
        {
            "document": titles[g.doc_id][:70],
            "doc_id": g.doc_id,
            "thema": THEME_NL[g.theme],
            "lacune": KIND_NL[g.kind],
            "toelichting": gap_detail(g),
            "voorbeelden": ", ".join(g.examples),
        }
        for g in found
    ]
    c1, c2 = st.columns(2)
    c1.download_button(
        "Matrix en lacunes als CSV", to_csv(table), file_name="clause-atlas-dekking.csv", mime="text/csv"
    )
    c2.download_button(
        "Matrix en lacunes als Excel",
        to_xlsx({"Matrix": table, "Lacunes": gap_rows}),
        file_name="clause-atlas-dekking.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    st.subheader("Welke documenten hebben geen bindende verbintenis over een thema?")
    theme = st.selectbox(
        "Thema", THEMES, index=THEMES.index("training"), format_func=THEME_NL.get, key="cov-theme"
    )
    missing = documents_without(index, theme)
    st.write(f"{len(missing)} van {len(titles)} documenten hebben geen verbintenis over {THEME_NL[theme]}.")
    st.dataframe(missing, width="stretch", hide_index=True)
    st.subheader("Welke documenten regelen een bepaling niet bindend?")
    names = checklist_names()
    provision = st.selectbox(
        "Bepaling (checklist)",
        ["", *names],
        format_func=lambda p: names.get(p, "(kies een bepaling)"),
        key="cov-provision",
    )
    if provision:
        _provisions, findings, error = state.checklist()
        if error:
            st.error(f"De checklist kan niet worden gelezen: {error}")
        else:
            rows = provision_gaps(findings, titles, provision)
            st.write(
                f"{len(rows)} van {len(titles)} documenten regelen {names[provision].lower()} niet bindend "
                "(automatisch bepaald; zie de Checklist voor het bewijs)."
            )
            st.dataframe(rows, width="stretch", hide_index=True)
    st.subheader("Lacunes per document")
    doc = st.selectbox(
        "Document", ["(alle)", *titles], format_func=lambda d: titles.get(d, d)[:90], key="cov-doc"
    )
    kinds = st.multiselect(
        "Soort lacune",
        list(KIND_NL),
        default=list(KIND_NL),
        format_func=KIND_NL.get,
        key="cov-kind",
        placeholder="Kies…",
    )
    shown = [g for g in found if (doc == "(alle)" or g.doc_id == doc) and g.kind in kinds]
    st.dataframe(
        [r for r, g in zip(gap_rows, found, strict=True) if g in shown],
        width="stretch",
        hide_index=True,
    )
    peer = [g for g in shown if g.kind == "peer gap"]
    if peer:
        st.subheader("Voorbeelden uit vergelijkbare documenten")
        for g in peer[:10]:
            st.markdown(
                f"**{widgets.escape_markdown(titles[g.doc_id][:80])}** mist **{THEME_NL[g.theme]}** ({gap_detail(g)})"
            )
            for r in clause_rows(index, [index.position[c] for c in g.examples]):
                widgets.clause_card(r, key=f"cov-{g.doc_id}-{r['clause_id']}", explain=False)
