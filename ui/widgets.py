"""Small layout helpers shared by the pages (no logic beyond formatting)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from nlp.records import DOC_TYPES
from nlp.resources import STANCES, THEMES
from nlp.retrieval.search import ClauseIndex, Filters
from ui import state
from ui.document_view import document_link
from ui.views import (
    DOC_TYPE_NL,
    STANCE_NL,
    THEME_NL,
    binding_filter,
    dutch_number,
    escape_markdown,
    highlighted,
)

BINDING_LABEL = "Alleen bindende afspraken"
BINDING_HELP = (
    "Toon alleen clausules die iets bindend vastleggen (houding: verbintenis), zoals een cao-artikel "
    "of een wetsbepaling; adviezen, zorgen en beschrijvingen vallen weg."
)


def binding_switch(key: str) -> bool:
    """The "alleen bindend" switch negotiators use wherever clauses are listed."""
    return st.toggle(BINDING_LABEL, key=f"{key}-binding", help=BINDING_HELP)

STANCE_COLOUR = {
    "commitment": "green",
    "recommendation": "blue",
    "concern": "red",
    "opportunity": "violet",
    "neutral": "gray",
}


def filters(index: ClauseIndex, key: str, *, themes: bool = True, provisions: bool = False) -> Filters:
    """Filter widgets: binding only, theme, stance, type, country, organisation, year, document.

    With ``provisions``, also a checklist provision: only the clauses the checklist finds for it.
    """
    docs = {r["doc_id"]: r for r in index.rows}
    binding = binding_switch(key)
    cols = st.columns(3 if themes else 2)
    th = (
        cols[0].multiselect(
            "Thema", THEMES, format_func=THEME_NL.get, key=f"{key}-theme", placeholder="Kies…"
        )
        if themes
        else []
    )
    stc = cols[-2].multiselect(
        "Houding", STANCES, format_func=STANCE_NL.get, key=f"{key}-stance", placeholder="Kies…"
    )
    dt = cols[-1].multiselect(
        "Documenttype", DOC_TYPES, format_func=DOC_TYPE_NL.get, key=f"{key}-type", placeholder="Kies…"
    )
    cols = st.columns(4)
    cty = cols[0].multiselect(
        "Land",
        sorted({r["country"] for r in docs.values() if r["country"]}),
        key=f"{key}-country",
        placeholder="Kies…",
    )
    org = cols[1].multiselect(
        "Organisatie",
        sorted({r["organisation"] for r in docs.values() if r["organisation"]}),
        key=f"{key}-org",
        placeholder="Kies…",
    )
    yr = cols[2].multiselect(
        "Jaar",
        sorted({r["year"] for r in docs.values() if r["year"]}),
        key=f"{key}-year",
        placeholder="Kies…",
    )
    ids = cols[3].multiselect(
        "Document",
        sorted(docs),
        format_func=lambda d: docs[d]["title"][:60],
        key=f"{key}-doc",
        placeholder="Kies…",
    )
    evidence: tuple[str, ...] = ()
    if provisions:
        evidence = provision_filter(key)
    chosen = Filters(tuple(th), tuple(stc), tuple(dt), tuple(cty), tuple(org), tuple(yr), tuple(ids), evidence)
    return binding_filter(chosen, binding)


NO_CLAUSE = "(geen)"  # the clause filter of a provision the checklist finds nowhere


def provision_filter(key: str) -> tuple[str, ...]:
    """A checklist provision picker; the clauses that carry the chosen provisions (empty: none chosen)."""
    from ui.checklist_view import checklist_names

    names = checklist_names()
    if not names:
        return ()
    chosen = st.multiselect(
        "Bepaling (checklist)", list(names), format_func=names.get, key=f"{key}-provision", placeholder="Kies…"
    )
    if not chosen:
        return ()
    _provisions, found, _error = state.checklist()
    ids = tuple(e.clause_id for f in found if f.provision in chosen for e in f.evidence)
    return ids or (NO_CLAUSE,)  # a provision found nowhere matches no clause


def badge(stance: str) -> str:
    """A coloured stance badge (markdown)."""
    return f":{STANCE_COLOUR.get(stance, 'gray')}-badge[{STANCE_NL.get(stance, stance or 'niet gecodeerd')}]"


def clause_card(row: dict[str, Any], *, key: str, explain: bool = True) -> None:
    """One clause with its source, codes, explanation and context; the text is escaped."""
    with st.container(border=True):
        where = " · ".join(
            x
            for x in (
                row["document"],
                row.get("section") or "",
                f"p. {row['page']}" if row.get("page") else "",
            )
            if x
        )
        themes = ", ".join(THEME_NL.get(t, t) for t in row["themes"]) or "geen thema"
        rank = (
            f"**#{row['rank']}** · gelijkenis {dutch_number(row['similarity'], 2)} · "
            if row.get("rank") is not None
            else ""
        )
        st.markdown(f"{rank}{badge(row['stance'])} **{escape_markdown(themes)}** — {escape_markdown(where)}")
        st.markdown(highlighted(row["text"], row.get("matches") or ()))
        st.markdown(document_link(row["doc_id"], row["clause_id"]))
        scores = row.get("theme_scores") or {}
        if scores:
            st.caption(
                " · ".join(f"{THEME_NL[t]} {dutch_number(scores.get(t, 0), 2)}" for t in THEMES)
                + f" · id {row['clause_id']}"
            )
        if explain:
            with st.expander("Waarom deze codes? En de context"):
                with state.reading() as s:
                    pred = s.prediction(row["clause_id"])
                if pred is not None:
                    cues = [
                        f"{THEME_NL.get(t, t)}: {', '.join(c)}"
                        for t, c in pred.explanation.theme_cues.items()
                        if c
                    ]
                    if pred.explanation.stance_cues:
                        cues.append(f"houding: {', '.join(pred.explanation.stance_cues)}")
                    st.markdown("**Signaalwoorden:** " + escape_markdown("; ".join(cues) or "geen"))
                    st.markdown("**Meest gelijkende gecodeerde voorbeelden:**")
                    for n in pred.explanation.neighbours:
                        lab = ", ".join(THEME_NL.get(t, t) for t in n.themes) or "geen thema"
                        st.markdown(
                            f"- {escape_markdown(n.text[:200])} ({escape_markdown(lab)}; {STANCE_NL.get(n.stance, n.stance)}; {dutch_number(n.similarity, 2)})"
                        )
                if row.get("before"):
                    st.caption("Ervoor: " + escape_markdown(row["before"][:300]))
                if row.get("after"):
                    st.caption("Erna: " + escape_markdown(row["after"][:300]))


def empty_store_notice(index: ClauseIndex) -> bool:
    """Show a notice and return True when there is nothing to show yet."""
    if len(index):
        return False
    st.info("De databank is nog leeg. Voeg een document toe via 'Document toevoegen'.")
    return True
