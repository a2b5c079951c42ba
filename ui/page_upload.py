"""Add documents: upload with a metadata form; processed, coded and visible everywhere."""

import os

import streamlit as st

from nlp.errors import ClauseAtlasError
from nlp.records import DOC_TYPES
from ui import state
from ui.views import DEFAULT_UPLOAD_LIMIT_MB, DOC_TYPE_NL, add_document

LIMIT_MB = float(os.environ.get("CLAUSE_ATLAS_UPLOAD_LIMIT_MB", DEFAULT_UPLOAD_LIMIT_MB))

st.title("Document toevoegen")
st.write(
    f"PDF, DOCX, TXT, HTML of Markdown, tot {LIMIT_MB:g} MB. Het document wordt in clausules geknipt, gecodeerd en is daarna overal zichtbaar."
)
with st.form("upload", clear_on_submit=False):
    file = st.file_uploader("Bestand", type=["pdf", "docx", "txt", "md", "html", "htm"], key="up-file")
    c1, c2 = st.columns([3, 1])
    title = c1.text_input("Titel", key="up-title")
    short_title = c2.text_input(
        "Korte titel (optioneel)", max_chars=40, key="up-short", help="Voor tabellen en grafieken, hoogstens 40 tekens."
    )
    c1, c2 = st.columns(2)
    doc_type = c1.selectbox(
        "Documenttype", DOC_TYPES, index=DOC_TYPES.index("other"), format_func=DOC_TYPE_NL.get, key="up-type"
    )
    country = c2.selectbox("Land", ["", "NL", "BE", "EU"], key="up-country")
    c1, c2, c3 = st.columns(3)
    organisation = c1.text_input("Organisatie", key="up-org")
    sector = c2.text_input("Sector", key="up-sector")
    year = c3.number_input("Jaar", min_value=1950, max_value=2100, value=None, step=1, key="up-year")
    any_language = st.checkbox(
        "Ook coderen als de tekst niet in het Nederlands is (het model kent alleen Nederlands)", key="up-lang"
    )
    submitted = st.form_submit_button("Toevoegen")
if submitted:
    if file is None:
        st.error("Kies eerst een bestand.")
    else:
        with st.status(f"{file.name} verwerken…", expanded=True) as status:
            st.write("Lezen, opschonen, in clausules knippen en coderen…")
            try:
                # add_document opens the store only for the duplicate check and the write
                doc_id = add_document(
                    state.writing,
                    file.name,
                    file.getvalue(),
                    title=title,
                    short_title=short_title,
                    doc_type=doc_type,
                    organisation=organisation,
                    sector=sector,
                    country=country,
                    year=int(year) if year else None,
                    coder=state.coder(),
                    limit_mb=LIMIT_MB,
                    any_language=any_language,
                )
            except ClauseAtlasError as exc:
                status.update(label="Niet toegevoegd", state="error")
                st.error(str(exc))
            else:
                n = sum(1 for r in state.index().rows if r["doc_id"] == doc_id)
                with state.reading() as s:
                    language = str(s.document(doc_id).get("language") or "")
                if language not in ("", "nl") and not any_language:
                    st.warning(
                        f"De tekst is niet in het Nederlands (taal: {language}); het document is bewaard maar niet "
                        "gecodeerd. Vink voortaan 'Ook coderen' aan om zo'n document toch te coderen; dit document codeert "
                        f"'clause-atlas ingest --any-language' alsnog."
                    )
                status.update(label=f"Toegevoegd als '{doc_id}' ({n} clausules)", state="complete")
                st.success(
                    f"'{doc_id}' staat nu in de databank met {n} clausules; je vindt het in het overzicht, de dekkingsmatrix en bij het zoeken."
                )
