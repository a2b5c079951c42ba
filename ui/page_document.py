"""Document: the whole cleaned document, its sections and every clause coded in place."""

import streamlit as st

from nlp.errors import ClauseAtlasError
from ui import state, widgets
from ui.document_view import document_view
from ui.views import DOC_TYPE_NL, THEME_NL, escape_markdown

st.title("Document")
index = state.index()
if not widgets.empty_store_notice(index):
    titles = {r["doc_id"]: r["title"] for r in index.rows}
    wanted = st.query_params.get("doc")
    selected = st.query_params.get("clause")
    ids = list(titles)
    doc_id = st.selectbox(
        "Document",
        ids,
        index=ids.index(wanted) if wanted in titles else 0,
        format_func=lambda d: titles[d][:100],
        key="doc-id",
    )
    if doc_id != wanted:
        selected = None
    whole = st.toggle("Toon het hele document", key="doc-whole")
    try:
        with state.reading() as s:
            view = document_view(s, doc_id, selected, whole=whole)
    except ClauseAtlasError as exc:
        st.error(str(exc))
        st.stop()
    meta = view["meta"]
    st.subheader(meta["title"])
    st.caption(
        " · ".join(
            str(x)
            for x in (
                DOC_TYPE_NL.get(str(meta["doc_type"]), meta["doc_type"]),
                meta["organisation"],
                meta["country"],
                meta["year"],
                f"{view['total']} clausules",
            )
            if x
        )
    )
    c1, c2 = st.columns(2)
    if view["source_url"]:
        c1.link_button("Bron openen", view["source_url"])
    elif view["source"]:
        c1.caption(f"Bron: {escape_markdown(view['source'])}")
    if view["original"] is not None:
        c2.download_button(
            "Origineel bestand downloaden",
            view["original"].read_bytes(),
            file_name=view["original"].name,
            key="doc-original",
        )
    else:
        c2.download_button(
            "Opgeschoonde tekst downloaden",
            view["text"].encode("utf-8"),
            file_name=f"{doc_id}.txt",
            mime="text/plain",
            key="doc-text",
        )
    with st.expander(f"Inhoud ({len(view['sections'])} onderdelen)"):
        st.markdown(
            "\n".join(f"{'  ' * (s['depth'] - 1)}- {escape_markdown(s['title'][:120])}" for s in view["sections"])
            or "Geen kopjes gevonden."
        )
    if not whole and view["total"] > len(view["clauses"]):
        st.caption(
            f"Clausules {view['first'] + 1}-{view['first'] + len(view['clauses'])} van {view['total']}"
            + (" rond de gekozen clausule" if selected else "")
            + "; zet 'Toon het hele document' aan voor alles."
        )
    section = None
    for r in view["clauses"]:
        if r["section"] != section:
            section = r["section"]
            if section:
                st.markdown(f"**{escape_markdown(section)}**")
        themes = ", ".join(THEME_NL.get(t, t) for t in r["themes"]) or "geen thema"
        head = f"{widgets.badge(r['stance'])} {escape_markdown(themes)}" + (" · nagekeken" if r["reviewed"] else "")
        body = escape_markdown(r["text"])
        if r["selected"]:
            with st.container(border=True):
                st.markdown(f"**Gekozen clausule** · {head} · `{r['clause_id']}`")
                st.markdown(f":orange-background[{body}]")
        else:
            st.markdown(f"{head}  \n{body}")
