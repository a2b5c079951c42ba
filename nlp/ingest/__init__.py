"""Ingest: read a file, clean it, cut it into clauses and store them.

Entry points: ``readers.read(path)``, ``clean.clean(extracted, meta)``, ``segment.segment(doc)``,
``pipeline.collect(paths)`` and ``pipeline.ingest(store, jobs)``; also ``manifest`` (metadata),
``language`` (language identification), ``limits``, the format readers (``read_text``,
``read_office``, ``read_html``) and ``layout``, ``hyphens`` and ``furniture`` (used by ``clean``).
"""

from __future__ import annotations

from nlp.lazy import lazy_exports

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "read": "nlp.ingest.readers",
        "read_bytes": "nlp.ingest.readers",
        "clean": "nlp.ingest.clean",
        "segment": "nlp.ingest.segment",
        "collect": "nlp.ingest.pipeline",
        "ingest": "nlp.ingest.pipeline",
        "process": "nlp.ingest.pipeline",
        "Job": "nlp.ingest.pipeline",
        "Report": "nlp.ingest.pipeline",
        "detect_language": "nlp.ingest.language",
    },
)
