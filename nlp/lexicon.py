"""Dutch word forms, shared by ingest (line-end hyphens) and retrieval (compound splitting).

Read once from spaCy's Dutch lookup-lemmatizer table (``spacy-lookups-data``, installed with
the package); empty when the table is missing, so both users degrade to document evidence.
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def dutch_word_forms() -> frozenset[str]:
    """Dutch word forms from spaCy's lookup lemmatizer table (keys and lemmas), lower-cased."""
    try:
        import spacy_lookups_data

        path = Path(spacy_lookups_data.__file__).parent / "data" / "nl_lemma_lookup.json.gz"
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            table = json.load(fh)
    except (ImportError, OSError, ValueError):
        return frozenset()
    return frozenset(w.lower() for pair in table.items() for w in pair)
