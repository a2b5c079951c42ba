"""Language identification of a document's text (lingua, offline, small models).

The models are trained on Dutch clauses; a document in another language is stored with its
language and left uncoded unless the user asks for it (``ingest --any-language``, or the box on
the upload page).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from nlp.resources import CODED_LANGUAGE, DETECTED_LANGUAGES

# Characters of text looked at: three stretches from the start, middle and end.
SAMPLE_CHARS = 3000
# Below this confidence the language is left undecided ("").
MIN_CONFIDENCE = 0.6


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in DETECTED_LANGUAGES.values()]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language, or "" when it cannot be told.

    Looks at up to :data:`SAMPLE_CHARS` characters from the start, middle and end of the text
    (a long document is judged in milliseconds) among the languages of
    ``nlp.resources.DETECTED_LANGUAGES``.
    """
    text = " ".join(text.split())
    if len(text) < 20:
        return ""
    third = SAMPLE_CHARS // 3
    mid = len(text) // 2
    sample = (
        text
        if len(text) <= SAMPLE_CHARS
        else " ".join((text[:third], text[mid - third // 2 : mid + third // 2], text[-third:]))
    )
    best = _detector().compute_language_confidence_values(sample)[0]
    if best.value < MIN_CONFIDENCE:
        return ""
    return str(best.language.iso_code_639_1.name).lower()


def is_coded_language(language: str) -> bool:
    """Whether the model codes documents in this language (undecided counts as Dutch)."""
    return language in ("", CODED_LANGUAGE)
