"""Checklist: documents x provisions with their status, the evidence clauses of a cell, exports."""

import pandas as pd
import streamlit as st

from nlp.analysis.checklist import checklist_path
from nlp.exchange.tabular import to_csv, to_xlsx
from nlp.resources import PROVISION_STATUS_LABELS, PROVISION_STATUS_SYMBOLS, THEMES
from ui import state, widgets
from ui.checklist_view import (
    STATUS_COLOURS,
    STATUS_TEXT_COLOURS,
    ChecklistFilter,
    counts,
    documents,
    export_rows,
    finding,
    matrix,
)
from ui.views import DOC_TYPE_NL, THEME_NL, clause_rows, dutch_number

st.title("Checklist van bepalingen")
index = state.index()
if widgets.empty_store_notice(index):
    st.stop()
provisions, found, error = state.checklist()
if error:
    st.error(f"De checklist kan niet worden gelezen: {error}")
    st.stop()
legend = " · ".join(f"{PROVISION_STATUS_SYMBOLS[s]} {label}" for s, label in PROVISION_STATUS_LABELS.items())
st.caption(
    f"Per document en bepaling: {legend}. Automatisch bepaald uit de clausules; een 'afwezig' is vaak juist, "
    "een gevonden bepaling nog niet altijd (zie evaluation/checklist/REPORT.md). "
    "Kies een cel of hieronder een document en een bepaling voor de clausules die het aantonen."
)
docs = documents(index)
c1, c2, c3, c4 = st.columns(4)
flt = ChecklistFilter(
    doc_types=tuple(
        c1.multiselect(
            "Soort document",
            sorted({m["doc_type"] for m in docs.values()}),
            format_func=lambda t: DOC_TYPE_NL.get(t, t),
            placeholder="Alle",
            key="chk-types",
        )
    ),
    sectors=tuple(
        c2.multiselect(
            "Sector",
            sorted({m["sector"] for m in docs.values() if m["sector"]}),
            placeholder="Alle",
            key="chk-sector",
        )
    ),
    years=tuple(
        c3.multiselect(
            "Jaar",
            sorted({m["year"] for m in docs.values() if m["year"]}),
            placeholder="Alle",
            key="chk-year",
        )
    ),
    themes=tuple(
        c4.multiselect("Thema", THEMES, format_func=THEME_NL.get, placeholder="Alle", key="chk-theme")
    ),
)
rows, ids, shown = matrix(found, index, provisions, flt)
if not rows or not shown:
    st.info("Geen documenten of bepalingen bij deze keuze.")
    st.stop()


def _colour(value: object) -> str:
    status = next((s for s, sym in PROVISION_STATUS_SYMBOLS.items() if str(value).startswith(sym)), "")
    return (
        f"background-color: {STATUS_COLOURS[status]}; color: {STATUS_TEXT_COLOURS[status]}" if status else ""
    )


frame = pd.DataFrame(rows)
event = st.dataframe(
    frame.style.map(_colour, subset=[p.name for p in shown]),
    width="stretch",
    hide_index=True,
    column_config={
        "document": st.column_config.TextColumn("document", width="medium", pinned=True),
        **{p.name: st.column_config.TextColumn(p.name, width="small", help=p.definition) for p in shown},
    },
    on_select="rerun",
    selection_mode="single-cell",
    key="chk-matrix",
)
cells = event.selection.cells if event else []
if cells:
    row, column = cells[0]
    picked = next((p for p in shown if p.name == column), None)
    if picked is not None:
        st.session_state["chk-doc"], st.session_state["chk-provision"] = ids[row], picked.id

table = export_rows(found, index, provisions, ids)
d1, d2 = st.columns(2)
d1.download_button(
    "Checklist als CSV", to_csv(table), file_name="clause-atlas-checklist.csv", mime="text/csv"
)
d2.download_button(
    "Checklist als Excel",
    to_xlsx({"Checklist": table}),
    file_name="clause-atlas-checklist.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)

st.subheader("Bewijs: de clausules achter een cel")
names = {p.id: p for p in shown}
e1, e2 = st.columns(2)
doc = e1.selectbox("Document", ids, format_func=lambda d: str(docs[d]["title"])[:90], key="chk-doc")
provision = e2.selectbox("Bepaling", list(names), format_func=lambda p: names[p].name, key="chk-provision")
p = names[provision]
n = counts(found, ids, provision)
st.caption(
    f"{p.name}: "
    + ", ".join(f"{n[s]} {label}" for s, label in PROVISION_STATUS_LABELS.items())
    + f" (van {len(ids)} documenten)."
)
with st.expander("Wat telt als deze bepaling?"):
    st.write(p.definition)
    if p.legal_anchor:
        st.caption(f"Wettelijk anker: {p.legal_anchor}")
f = finding(found, doc, provision)
if f is not None:
    st.markdown(
        f"**{PROVISION_STATUS_SYMBOLS[f.status]} {PROVISION_STATUS_LABELS[f.status]}** in "
        f"{widgets.escape_markdown(str(docs[doc]['title']))} · zekerheid {dutch_number(f.confidence, 2)}"
    )
    if not f.evidence:
        st.write("Geen clausule in dit document haalt de drempel voor deze bepaling.")
    for r in clause_rows(index, [index.position[e.clause_id] for e in f.evidence[:10]]):
        widgets.clause_card(r, key=f"chk-{r['clause_id']}", explain=False)

with st.expander("Een bepaling toevoegen"):
    st.markdown(
        f"Voeg in `{checklist_path()}` een bepaling toe (id, thema, naam, definitie, zoektermen en "
        "voorbeeldclausules; zie README, 'Een bepaling toevoegen') en ververs deze pagina: de bepaling wordt "
        "meteen gezocht, zonder opnieuw te trainen. Op de opdrachtregel: `clause-atlas checklist`."
    )
