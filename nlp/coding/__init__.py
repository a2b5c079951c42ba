"""Coding: themes and stance for clauses, the models that give them and how they are measured.

Entry points: ``apply.code_clauses(clauses, doc_type, coder)`` and ``apply.code_store(store, coder)``;
``train.train(gold)``, ``modelio.load()`` / ``save()``, ``classify.ClauseCoder`` (the estimator),
``features`` (the shared feature extractor), ``gold``, ``metrics``, ``evaluate`` and ``baselines``.
"""

from __future__ import annotations

_EXPORTS = {
    "code_clauses": "nlp.coding.apply",
    "code_store": "nlp.coding.apply",
    "ClauseCoder": "nlp.coding.classify",
    "train": "nlp.coding.train",
    "load": "nlp.coding.modelio",
    "save": "nlp.coding.modelio",
    "load_gold": "nlp.coding.gold",
}


def __getattr__(name: str) -> object:
    """Import an entry point on first use (keeps ``import nlp.coding`` light)."""
    import importlib

    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
