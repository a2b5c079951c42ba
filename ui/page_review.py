"""Review: go through the least certain clauses first; accept or correct themes and stance."""

import streamlit as st

from nlp.exchange.tabular import to_csv
from nlp.resources import STANCES, THEMES
from ui import state, widgets
from ui.views import STANCE_NL, THEME_NL, review_queue

# On screen in Dutch; the CSV keeps the field names of the gold data (LABELS.md).
REVIEW_COLUMNS_NL = {
    "text": "tekst",
    "themes": "thema's",
    "stance": "houding",
    "annotator": "nagekeken door",
    "created_at": "tijdstip",
    "source": "bron",
}

st.title("Codes nakijken")
index = state.index()
if not widgets.empty_store_notice(index):
    annotator = st.text_input("Jouw naam (wordt bij elke correctie bewaard)", key="rv-name")
    with state.reading() as s:
        done = s.annotations()
        stale = s.stale_annotations()
    reviewed = {str(a["clause_id"]) for a in done}
    queue = review_queue(index, reviewed, n=10)
    st.write(
        f"{len(reviewed)} clausules nagekeken. Hieronder de clausules waarover het model het minst zeker is."
    )
    if not queue:
        st.success("Niets meer na te kijken.")
    for r in queue:
        widgets.clause_card(r, key=f"rv-{r['clause_id']}")
        with st.form(f"rv-form-{r['clause_id']}"):
            c1, c2 = st.columns([2, 1])
            themes = c1.multiselect(
                "Thema's",
                THEMES,
                default=r["themes"],
                format_func=THEME_NL.get,
                key=f"rv-t-{r['clause_id']}",
                placeholder="Kies…",
            )
            stance = c2.selectbox(
                "Houding",
                STANCES,
                index=STANCES.index(r["stance"]) if r["stance"] in STANCES else 4,
                format_func=STANCE_NL.get,
                key=f"rv-s-{r['clause_id']}",
            )
            if st.form_submit_button("Bewaren"):
                if not annotator.strip():
                    st.error("Vul eerst je naam in.")
                else:
                    with state.writing() as s:
                        s.annotate(r["clause_id"], themes, stance, annotator)
                    st.rerun()
    if done:
        st.subheader("Nagekeken clausules")
        rows = [
            {
                "clause_id": a["clause_id"],
                "doc_id": a["doc_id"],
                "text": a["text"],
                "themes": list(a["themes"]),
                "stance": a["stance"],
                "annotator": a["annotator"],
                "created_at": str(a["created_at"]),
                "source": a["source"],
            }
            for a in done
        ]
        st.dataframe(
            [{REVIEW_COLUMNS_NL.get(k, k): v for k, v in r.items()} for r in rows], width="stretch", hide_index=True
        )
        st.download_button(
            "Exporteer als golddata (CSV)",
            to_csv(rows),
            file_name="clause-atlas-nagekeken.csv",
            mime="text/csv",
        )
        st.caption("Met 'clause-atlas train --with-reviews' neemt het model deze correcties mee.")
    if stale:
        with st.expander(
            f"{len(stale)} nagekeken labels horen bij tekst die niet meer in het document staat"
        ):
            st.caption(
                "Het document is opnieuw ingelezen en deze zinnen komen er niet meer in voor. De labels blijven "
                "bewaard als trainingsdata, maar gelden voor geen enkele clausule meer."
            )
            st.dataframe(
                [
                    {
                        "doc_id": a["doc_id"],
                        "text": a["text"],
                        "themes": list(a["themes"]),
                        "stance": a["stance"],
                    }
                    for a in stale
                ],
                width="stretch",
                hide_index=True,
            )

    st.subheader("Uitwisselen met ATLAS.ti, NVivo, MAXQDA of QualCoder")
    st.write(
        "Exporteer alle gecodeerde clausules als REFI-QDA-project (.qdpx), pas de codes aan in je QDA-programma "
        "en lees het project weer in: de wijzigingen worden bewaard als nagekeken codes. De bepalingen van de "
        "checklist staan als subcodes onder hun thema, gecodeerd op de clausules die ze aantonen."
    )
    if st.button("QDPX-project maken", key="rv-qdpx"):
        import tempfile
        from pathlib import Path

        from nlp.exchange.qdpx import export

        provisions, found, _error = state.checklist()
        with tempfile.TemporaryDirectory() as tmp, state.reading() as s:
            data = export(s, Path(tmp) / "clause-atlas.qdpx", (provisions, found)).read_bytes()
        st.download_button(
            "Download clause-atlas.qdpx", data, file_name="clause-atlas.qdpx", mime="application/zip"
        )
    upload = st.file_uploader("Aangepast .qdpx-project inlezen", type=["qdpx"], key="rv-qdpx-in")
    if upload is not None and st.button("Inlezen", key="rv-qdpx-import"):
        import tempfile
        from pathlib import Path

        from nlp.errors import ClauseAtlasError
        from nlp.exchange.qdpx_import import import_qdpx

        with tempfile.TemporaryDirectory() as tmp:
            # never the uploaded name: it is not sanitised and may point outside the folder
            path = Path(tmp) / "upload.qdpx"
            path.write_bytes(upload.getvalue())
            try:
                with state.writing() as s:
                    summary = import_qdpx(s, path, annotator or "QDA import")
            except ClauseAtlasError as exc:
                st.error(str(exc))
            else:
                st.success(
                    f"{summary['clauses_changed']} clausules gewijzigd ({summary['codes_added']} codes erbij, "
                    f"{summary['codes_removed']} eraf, {summary['stance_changed']} houdingen anders, "
                    f"{summary['new_selections']} nieuwe selecties); "
                    f"{len(summary['sources'])} documenten herkend, {len(summary['skipped'])} overgeslagen."
                )
                for s in summary["skipped"]:
                    st.warning(f"Overgeslagen: {s['source']} ({s['reason']})")
                for w in summary["warnings"]:
                    st.warning(w)
