"""Cut a cleaned document into clauses (LABELS.md section 1).

``segment(doc)`` is the entry point. Paragraph blocks are split into sentences by a spaCy
pipeline (``spacy.blank("nl")`` with our abbreviation exceptions and a rule-based boundary
component); list items and numbered provisions are one clause each; headings become the
section path; a lead-in sentence ending in ":" before a list becomes the ``lead_in`` of its
items instead of a clause of its own. Every clause satisfies
``doc.text[c.start:c.end] == c.text``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from nlp.errors import ClauseAtlasError
from nlp.records import Block, Clause, Document
from nlp.resources import (
    ABBREVIATIONS,
    ARTICLE_HEADING_RE,
    MIN_CLAUSE_WORDS,
    NON_CLAUSE_SECTION_RE,
    SENTENCE_FINAL_ABBREVIATIONS,
)

SPACY_MODEL_ENV = "CLAUSE_ATLAS_SPACY_MODEL"
_END_PUNCT = {".", "!", "?", "…", "?!", "!?", "..."}
_CLOSERS = {")", "”", "’", '"', "'", "»"}
_OPENERS = set("“\"'‘(«[•")
_WORD_RE = re.compile(r"\w+", re.UNICODE)
_URL_ONLY = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")


@Language.component("clause_boundaries")
def clause_boundaries(doc: Doc) -> Doc:
    """Mark sentence starts after ., !, ? and sentence-final abbreviations, Dutch style.

    A new sentence starts at a token that begins with a capital, digit, quote or bracket and
    follows end punctuation (optionally followed by a closing quote or bracket). Periods
    after single capitals (initials) and inside abbreviations never end a sentence.
    """
    # Collected first and written in one call: setting ``Token.is_sent_start`` one token at a
    # time rescans the whole document each time (quadratic on a 96 KB paragraph).
    starts = [False] * len(doc)
    if starts:
        starts[0] = True
    for tok in doc[1:]:
        first = tok.text[:1]
        if not (first.isupper() or first.isdigit() or first in _OPENERS):
            continue
        j = tok.i - 1
        while j > 0 and doc[j].text in _CLOSERS:
            j -= 1
        prev = doc[j]
        low = prev.text.lower()
        if prev.text in _END_PUNCT or (prev.text[-1:] in "!?" and len(prev.text) > 1):
            if prev.text == "." and j > 0 and _is_initial(doc[j - 1].text):
                continue
            starts[tok.i] = True
        elif low in SENTENCE_FINAL_ABBREVIATIONS and first.isupper():
            starts[tok.i] = True
        elif (
            prev.text.endswith(".")
            and len(prev.text) > 1
            and low not in ABBREVIATIONS
            and not _is_initial(prev.text[:-1])
        ):
            # a token the tokenizer left with its period attached ("2004." before "De")
            if not re.fullmatch(r"(?:\w\.){2,}", low):
                starts[tok.i] = True
    if starts:
        values = numpy.array([[1 if x else -1] for x in starts], dtype="int64").astype("uint64")
        doc.from_array(["SENT_START"], values)  # type: ignore[list-item]
    return doc


def _is_initial(text: str) -> bool:
    return len(text) == 1 and text.isupper()


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """Return the spaCy pipeline used for sentence boundaries.

    Args:
        model: ``None`` or ``"blank"`` for ``spacy.blank("nl")`` (the default, offline), or the
            name of an installed Dutch pipeline such as ``nl_core_news_sm``. The environment
            variable ``CLAUSE_ATLAS_SPACY_MODEL`` sets the default.

    Raises:
        ClauseAtlasError: the named pipeline is not installed.
    """
    import spacy

    model = model or os.environ.get(SPACY_MODEL_ENV) or "blank"
    if model == "blank":
        nlp = spacy.blank("nl")
    else:
        try:
            nlp = spacy.load(model, exclude=["ner", "lemmatizer", "parser", "senter"])
        except OSError as exc:
            raise ClauseAtlasError(
                f"spaCy pipeline {model!r} is not installed; use the default ('blank') or "
                f"install it with 'python -m spacy download {model}'"
            ) from exc
    for abbr in ABBREVIATIONS:
        for form in {abbr, abbr.capitalize()}:
            nlp.tokenizer.add_special_case(form, [{"ORTH": form}])
    infixes = [*nlp.Defaults.infixes, r"(?<=[0-9a-zà-ÿ\)%])\.(?=[A-Z][a-zà-ÿ])"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    nlp.add_pipe("clause_boundaries")
    return nlp


def _sentence_spans(nlp: Language, texts: list[str]) -> Iterator[list[tuple[int, int]]]:
    for doc in nlp.pipe(texts, batch_size=256):
        spans = []
        for sent in doc.sents:
            start, end = sent.start_char, sent.end_char
            s = doc.text[start:end]
            lead = len(s) - len(s.lstrip())
            trail = len(s) - len(s.rstrip())
            if end - trail > start + lead:
                spans.append((start + lead, end - trail))
        yield spans


def is_fragment(text: str) -> bool:
    """Whether a stretch of text is too small to be a clause (LABELS.md: under 4 words).

    Short complete sentences ("Ken je motivatie.") are statements and are kept.
    """
    if _URL_ONLY.match(text) or not any(c.isalpha() for c in text):
        return True
    n = len(_WORD_RE.findall(text))
    if n >= MIN_CLAUSE_WORDS:
        return False
    return not (n >= 2 and text[:1].isupper() and text.rstrip('”’")').endswith((".", "!", "?")))


def _section_stack(stack: list[tuple[int, str]], level: int, text: str) -> None:
    level = level or 9
    while stack and stack[-1][0] >= level:
        stack.pop()
    stack.append((level, text))


def _in_article(stack: list[tuple[int, str]]) -> bool:
    return any(
        (m := ARTICLE_HEADING_RE.match(t)) and m.group("kw").lower().startswith("art") for _, t in stack
    )


def segment(doc: Document, *, model: str | None = None) -> list[Clause]:
    """Cut a document into clauses.

    Args:
        doc: A cleaned document (:func:`nlp.ingest.clean.clean`).
        model: spaCy pipeline for sentence boundaries (see :func:`load_pipeline`).

    Returns:
        Clauses in document order with ordinals 0..n-1.
    """
    nlp = load_pipeline(model)
    blocks = doc.blocks
    para_idx = [i for i, b in enumerate(blocks) if b.kind == "paragraph"]
    spans_by_block = dict(
        zip(para_idx, _sentence_spans(nlp, [doc.block_text(blocks[i]) for i in para_idx]), strict=True)
    )

    clauses: list[Clause] = []
    stack: list[tuple[int, str]] = []
    lead_in = ""
    lead_level = 0

    def emit(start: int, end: int, block: Block, kind: str, marker: str = "", lead: str = "") -> None:
        text = doc.text[start:end]
        if is_fragment(text):
            return
        clauses.append(
            Clause(
                doc_id=doc.doc_id,
                ordinal=len(clauses),
                text=text,
                start=start,
                end=end,
                section=tuple(t for _, t in stack),
                page=block.page,
                kind=kind,  # type: ignore[arg-type]
                marker=marker,
                lead_in=lead,
            )
        )

    for i, block in enumerate(blocks):
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if block.kind == "heading":
            _section_stack(stack, block.level, doc.block_text(block))
            lead_in = ""
            continue
        if stack and NON_CLAUSE_SECTION_RE.match(stack[-1][1]):
            continue  # reference lists and tables of contents hold no clauses
        if block.kind == "item":
            text = doc.block_text(block)
            marker = block.marker.strip("().") if block.marker not in ("-", "–", "—") else "•"
            if block.level < lead_level:
                lead_in = ""
            if text.endswith(":") and nxt is not None and nxt.kind == "item" and nxt.level >= block.level:
                # an item or lid that only introduces the next list: "1. ... wordt verstaan onder:"
                if nxt.level > block.level or (_letter(nxt.marker) and not _letter(block.marker)):
                    lead_in, lead_level = text, block.level
                    continue
            kind = "provision" if _in_article(stack) and marker[:1].isalnum() else "item"
            emit(block.start, block.end, block, kind, marker, lead_in)
            continue
        # paragraph
        lead_in = ""
        spans = spans_by_block[i]
        for k, (s, e) in enumerate(spans):
            last = k == len(spans) - 1
            sent = doc.block_text(block)[s:e]
            if last and sent.endswith(":") and nxt is not None and nxt.kind == "item":
                lead_in, lead_level = sent, nxt.level
                continue
            emit(block.start + s, block.start + e, block, "sentence")
    return clauses


def _letter(marker: str) -> bool:
    core = marker.strip("().")
    return len(core) == 1 and core.isalpha()


def segment_many(docs: Iterable[Document], *, model: str | None = None) -> Iterator[list[Clause]]:
    """Segment several documents with one pipeline."""
    for doc in docs:
        yield segment(doc, model=model)
