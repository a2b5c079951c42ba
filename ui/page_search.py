"""Search: comparable clauses for a text or a stored clause, with filters and CSV export."""

import streamlit as st

from nlp.errors import ClauseAtlasError
from nlp.exchange.tabular import to_csv
from nlp.retrieval.lexical import matched_spans
from nlp.retrieval.search import comparable, min_similarity
from ui import state, widgets
from ui.views import clause_rows, dutch_number

st.title("Vergelijkbare clausules zoeken")
index = state.index()
if not widgets.empty_store_notice(index):
    like = st.session_state.get("like")
    query = st.text_input(
        "Zoek op tekst",
        placeholder="bv. de werkgever informeert de ondernemingsraad vooraf over nieuwe monitoringsystemen",
        key="q",
    )
    if like:
        st.info(f"Meer zoals clausule {like}")
        if st.button("Terug naar zoeken op tekst"):
            st.session_state.pop("like")
            st.rerun()
    with st.expander("Filters"):
        filters = widgets.filters(index, "se", provisions=True)
    k = st.slider("Aantal resultaten", 5, 50, 10, key="se-k")
    if filters.clause_ids == (widgets.NO_CLAUSE,):
        st.info("De checklist vindt deze bepaling in geen enkel document; kies een andere bepaling.")
    elif query.strip() or like:
        try:
            hits = index.search(query if not like else None, like=like, k=k, filters=filters)
            floor = min_similarity(index.embedder) if not like else None  # "meer zoals deze": the nearest
            shown = comparable(hits, floor)
            if hits and not shown:
                st.info(
                    "Geen vergelijkbare clausule gevonden: geen enkele clausule lijkt genoeg op deze tekst "
                    f"(een gelijkenis van {dutch_number(floor.alone if floor else 0, 2)}, of "
                    f"{dutch_number(floor.lexical if floor else 0, 2)} als de clausule woorden met de tekst deelt). "
                    "Probeer andere woorden of minder filters."
                )
                if not st.toggle("Toon toch de dichtstbijzijnde clausules", key="se-nearest"):
                    hits = []
            else:
                hits = shown
        except ClauseAtlasError as exc:
            st.error(str(exc))
            hits = []
        rows = clause_rows(index, [index.position[h.clause_id] for h in hits])
        source = query if not like else index.rows[index.position[like]]["text"]
        for rank, (r, h) in enumerate(zip(rows, hits, strict=True), 1):
            r |= {"rank": rank, "score": h.score, "similarity": h.similarity}
            r["matches"] = matched_spans(source, r["text"], index.lexical.analyzer)
        if rows:
            st.download_button(
                "Exporteer als CSV",
                to_csv([{k: v for k, v in r.items() if k != "matches"} for r in rows]),
                file_name="clause-atlas-zoekresultaten.csv",
                mime="text/csv",
            )
        for r in rows:
            widgets.clause_card(r, key=f"se-{r['clause_id']}")
            if st.button("Meer zoals deze", key=f"like-{r['clause_id']}"):
                st.session_state["like"] = r["clause_id"]
                st.rerun()
