"""Clause Atlas: cut Dutch work-and-technology documents into clauses, code and map them.

The pipeline, one subpackage per stage (each ``__init__`` names its entry points):

- :mod:`nlp.ingest`: read a file (``readers.read``), clean it (``clean.clean``), cut it into
  clauses (``segment.segment``), tell its language; ``pipeline.ingest`` runs it for files and
  folders into a store;
- :mod:`nlp.store`: documents, clauses, predictions, reviews and embeddings in DuckDB (``Store``);
- :mod:`nlp.coding`: themes and stance (``apply.code_clauses``), the model (``classify``,
  ``features``, ``train``, ``modelio``), gold data, metrics, evaluation and baselines;
- :mod:`nlp.retrieval`: embeddings (``embed.embed``), lexical index and hybrid search
  (``search.ClauseIndex``);
- :mod:`nlp.analysis`: compare documents, coverage gaps, topics;
- :mod:`nlp.exchange`: spreadsheets and exports (``tabular``), REFI-QDA projects out and back
  (``qdpx``, ``qdpx_import``);
- :mod:`nlp.cli`: the ``clause-atlas`` command, a thin layer over the above.

At the top: :mod:`nlp.records` (the typed records), :mod:`nlp.errors` (errors users can cause,
with their messages) and :mod:`nlp.resources` (Dutch rules and cue words as data).
"""

from nlp.records import Block, Clause, Document, DocumentMeta

__version__ = "0.1.0"

__all__ = ["Block", "Clause", "Document", "DocumentMeta", "__version__"]
