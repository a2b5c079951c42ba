"""Clause Atlas: cut Dutch work-and-technology documents into clauses and map them.

The package is a set of pipeline stages, one module each:

- :mod:`nlp.readers` reads a file into raw pages or blocks (``read(path)``);
- :mod:`nlp.clean` removes extraction artefacts and builds a :class:`~nlp.records.Document`
  (``clean(extracted, meta)``);
- :mod:`nlp.segment` cuts a document into clauses (``segment(doc)``);
- :mod:`nlp.store` keeps documents and clauses in DuckDB;
- :mod:`nlp.ingest` runs the stages for files and folders.
"""

from nlp.records import Block, Clause, Document, DocumentMeta

__version__ = "0.1.0"

__all__ = ["Block", "Clause", "Document", "DocumentMeta", "__version__"]
