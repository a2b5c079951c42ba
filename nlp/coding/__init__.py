"""Coding: themes and stance for clauses, the models that give them and how they are measured.

Entry points: ``apply.code_clauses(clauses, doc_type, coder)`` and ``apply.code_store(store, coder)``;
``train.train(gold)``, ``modelio.load()`` / ``save()``, ``classify.ClauseCoder`` (the estimator),
``features`` (the shared feature extractor), ``gold``, ``metrics``, ``evaluate`` and ``baselines``.
"""

from __future__ import annotations

from nlp.lazy import lazy_exports

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "code_clauses": "nlp.coding.apply",
        "code_store": "nlp.coding.apply",
        "ClauseCoder": "nlp.coding.classify",
        "train": "nlp.coding.train",
        "load": "nlp.coding.modelio",
        "save": "nlp.coding.modelio",
        "load_gold": "nlp.coding.gold",
    },
)
