"""Provision detection: per document and provision, "bindend geregeld", "genoemd, niet bindend" or "afwezig".

A provision of the checklist (:mod:`nlp.analysis.checklist`) is found in a clause by a small
verifier that reads seven provision-agnostic signals of each clause x provision pair:

- ``example``: the highest cosine similarity between the clause and the provision's example
  clauses (examples from the clause's own document are left out, so a document is never judged
  by its own examples; a provision without examples uses its definition);
- ``definition``: the cosine similarity between the clause and the provision's name, definition
  and terms;
- ``terms`` and ``lead_terms``: how many of the provision's cue terms begin a word of the
  clause, and of the lead-in of the list it belongs to (0, 1/3, 2/3 or 1 for three or more);
- ``lexical`` and ``lead_lexical``: TF-IDF similarity between the clause, and its lead-in, and
  the provision's words (name, definition, terms and examples);
- ``theme``: the coder's score for the provision's theme.

Because the signals do not depend on which provision is asked about, a provision a knowledge
centre adds to the data file is detected at once, without retraining. A clause that carries a
provision is binding when its stance is ``commitment`` in a binding document type (cao,
covenant, law or regulation: :data:`nlp.resources.BINDING_DOC_TYPES`); a document's status is "bindend" when
one of its clauses binds the provision, "genoemd" when one names it, else "afwezig".
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin

from nlp.analysis.checklist import Provision
from nlp.errors import ClauseAtlasError
from nlp.resources import BINDING_DOC_TYPES

FEATURES: tuple[str, ...] = (
    "example",
    "definition",
    "terms",
    "lead_terms",
    "lexical",
    "lead_lexical",
    "theme",
)
STATUSES: tuple[str, ...] = ("bindend", "genoemd", "afwezig")
DEFAULT_DETECTOR = Path(__file__).resolve().parents[2] / "models" / "provision-detector.json"
MAX_TERMS = 3


class DetectorError(ClauseAtlasError, ValueError):
    """The provision detector file is missing or malformed."""


@dataclass(frozen=True)
class Evidence:
    """A clause that carries a provision."""

    clause_id: str
    doc_id: str
    provision: str
    probability: float
    binding: bool


@dataclass(frozen=True)
class Finding:
    """The status of one provision in one document, with the clauses that support it."""

    doc_id: str
    provision: str
    status: str  # one of STATUSES
    confidence: float
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class ClauseView:
    """What detection reads of one clause."""

    clause_id: str
    doc_id: str
    text: str
    lead_in: str
    stance: str
    theme_scores: dict[str, float]
    doc_type: str = ""

    @property
    def binding(self) -> bool:
        """A commitment in a binding document type."""
        return self.stance == "commitment" and self.doc_type in BINDING_DOC_TYPES


def clause_views(index: Any) -> list[ClauseView]:
    """The clauses of a :class:`~nlp.retrieval.search.ClauseIndex`, in its order."""
    return [
        ClauseView(
            str(r["clause_id"]),
            str(r["doc_id"]),
            str(r["text"]),
            str(r.get("lead_in") or ""),
            str(r.get("stance") or ""),
            dict(r.get("theme_scores") or {}),
            str(r.get("doc_type") or ""),
        )
        for r in index.rows
    ]


def _term_pattern(term: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])" + re.escape(term.lower()))


def term_counts(texts: Sequence[str], provisions: Sequence[Provision]) -> np.ndarray:
    """``(n, P)``: how many distinct terms of each provision begin a word of each text."""
    out = np.zeros((len(texts), len(provisions)), dtype=np.float32)
    lowered = [t.lower() for t in texts]
    for j, p in enumerate(provisions):
        for term in p.terms:
            pat = _term_pattern(term)
            out[:, j] += np.fromiter(
                (pat.search(t) is not None for t in lowered), dtype=np.float32, count=len(texts)
            )
    return out


def pair_features(
    clauses: Sequence[ClauseView],
    vectors: np.ndarray,
    provisions: Sequence[Provision],
    embed_texts: Any,
) -> np.ndarray:
    """The ``(n_clauses, n_provisions, len(FEATURES))`` signals detection reads.

    Args:
        clauses: The clauses.
        vectors: Their embeddings, one row per clause.
        provisions: The checklist.
        embed_texts: ``texts -> np.ndarray`` with the embedder that made ``vectors``.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    n, P = len(clauses), len(provisions)
    out = np.zeros((n, P, len(FEATURES)), dtype=np.float32)
    if n == 0 or P == 0:
        return out
    V = _unit(np.asarray(vectors, dtype=np.float32))
    profiles = [p.profile for p in provisions]
    D = _unit(embed_texts(profiles))
    definition = V @ D.T
    out[:, :, 1] = definition
    examples = [(j, e) for j, p in enumerate(provisions) for e in p.examples]
    example = definition.copy()
    if examples:
        E = _unit(embed_texts([e.text for _, e in examples]))
        sims = V @ E.T
        docs = np.array([c.doc_id for c in clauses], dtype=object)
        for j in range(P):
            cols = [k for k, (jj, _) in enumerate(examples) if jj == j]
            if not cols:
                continue
            s = sims[:, cols].copy()
            own = np.array([examples[k][1].clause_id.split(":")[0] for k in cols], dtype=object)
            s[docs[:, None] == own[None, :]] = -1.0
            best = s.max(axis=1)
            example[:, j] = np.where(best > -1.0, best, definition[:, j])
    out[:, :, 0] = example
    texts = [c.text for c in clauses]
    leads = [c.lead_in for c in clauses]
    out[:, :, 2] = np.minimum(term_counts(texts, provisions), MAX_TERMS) / MAX_TERMS
    out[:, :, 3] = np.minimum(term_counts(leads, provisions), MAX_TERMS) / MAX_TERMS
    words = [" ".join([p.profile, *(e.text for e in p.examples)]) for p in provisions]
    tfidf = TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), strip_accents="unicode").fit(texts + words)
    W = tfidf.transform(words).T
    out[:, :, 4] = (tfidf.transform(texts) @ W).toarray()
    out[:, :, 5] = (tfidf.transform(leads) @ W).toarray()
    out[:, :, 6] = np.array([[c.theme_scores.get(p.theme, 0.0) for p in provisions] for c in clauses])
    return out


def _unit(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    return x / np.maximum(np.linalg.norm(x, axis=-1, keepdims=True), 1e-9)


class ProvisionDetector(ClassifierMixin, BaseEstimator):
    """A logistic verifier over the :data:`FEATURES` of clause x provision pairs.

    Args:
        C: Inverse regularisation strength.
        threshold: Probability at or above which a pair counts as found (tuned on dev).
    """

    def __init__(self, C: float = 1.0, threshold: float = 0.5) -> None:
        self.C = C
        self.threshold = threshold

    def fit(self, X: np.ndarray, y: np.ndarray) -> ProvisionDetector:
        """Fit on pair features ``(n, len(FEATURES))`` and 0/1 labels."""
        from sklearn.linear_model import LogisticRegression

        model = LogisticRegression(C=self.C, class_weight="balanced", max_iter=2000)
        model.fit(np.asarray(X, dtype=np.float64), np.asarray(y, dtype=int))
        self.coef_ = model.coef_[0].astype(float)
        self.intercept_ = float(model.intercept_[0])
        self.classes_ = np.array([0, 1])
        return self

    def decision_function(self, X: np.ndarray) -> np.ndarray:
        """Log-odds that each pair carries the provision."""
        return np.asarray(X, dtype=np.float64) @ self.coef_ + self.intercept_

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """``(n, 2)`` probabilities of absent / present."""
        p = 1.0 / (1.0 + np.exp(-self.decision_function(X)))
        return np.column_stack([1 - p, p])

    def predict(self, X: np.ndarray) -> np.ndarray:
        """1 where the probability reaches the threshold."""
        return (self.predict_proba(X)[:, 1] >= self.threshold).astype(int)

    def to_json(self) -> dict[str, object]:
        """The fitted detector as plain data (what :func:`save_detector` writes)."""
        return {
            "features": list(FEATURES),
            "coef": [round(float(c), 6) for c in self.coef_],
            "intercept": round(self.intercept_, 6),
            "C": self.C,
            "threshold": self.threshold,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ProvisionDetector:
        """A fitted detector from :meth:`to_json` output."""
        if list(data.get("features", [])) != list(FEATURES) or len(data.get("coef", [])) != len(FEATURES):
            raise DetectorError(
                f"the detector reads features {data.get('features')}; this version uses {list(FEATURES)}"
            )
        det = cls(C=float(data.get("C", 1.0)), threshold=float(data["threshold"]))
        det.coef_ = np.array(data["coef"], dtype=float)
        det.intercept_ = float(data["intercept"])
        det.classes_ = np.array([0, 1])
        return det


def save_detector(detector: ProvisionDetector, path: str | Path = DEFAULT_DETECTOR, **info: object) -> None:
    """Write a fitted detector as JSON, with ``info`` (training data, scores) alongside."""
    Path(path).write_text(
        json.dumps({**detector.to_json(), **info}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def load_detector(path: str | Path | None = None) -> ProvisionDetector:
    """Read a detector written by :func:`save_detector` (the shipped one by default).

    Raises:
        DetectorError: the file is missing, not JSON, or made for other features.
    """
    path = Path(path) if path is not None else DEFAULT_DETECTOR
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DetectorError(f"cannot read the provision detector {path}: {exc.strerror}") from exc
    except json.JSONDecodeError as exc:
        raise DetectorError(f"{path} is not valid JSON: {exc.msg}") from exc
    return ProvisionDetector.from_json(data)


def findings(
    clauses: Sequence[ClauseView],
    probabilities: np.ndarray,
    provisions: Sequence[Provision],
    threshold: float,
    doc_ids: Sequence[str] | None = None,
) -> list[Finding]:
    """Per document and provision, the status with its evidence clauses (strongest first).

    Args:
        clauses: The clauses, as :func:`pair_features` read them.
        probabilities: ``(n_clauses, n_provisions)`` detector probabilities.
        provisions: The checklist.
        threshold: Probability at or above which a clause carries a provision.
        doc_ids: The documents to report, in this order (default: every document of ``clauses``).
    """
    by_doc: dict[str, list[int]] = {}
    for i, c in enumerate(clauses):
        by_doc.setdefault(c.doc_id, []).append(i)
    order = list(doc_ids) if doc_ids is not None else list(by_doc)
    out = []
    for d in order:
        rows = by_doc.get(d, [])
        for j, p in enumerate(provisions):
            probs = probabilities[rows, j] if rows else np.zeros(0)
            found = sorted(
                (i for i, q in zip(rows, probs, strict=True) if q >= threshold),
                key=lambda i: -probabilities[i, j],
            )
            evidence = tuple(
                Evidence(clauses[i].clause_id, d, p.id, float(probabilities[i, j]), clauses[i].binding)
                for i in found
            )
            if any(e.binding for e in evidence):
                status = "bindend"
                confidence = max(e.probability for e in evidence if e.binding)
            elif evidence:
                status, confidence = "genoemd", evidence[0].probability
            else:
                status, confidence = "afwezig", 1.0 - float(probs.max(initial=0.0))
            out.append(Finding(d, p.id, status, round(confidence, 3), evidence))
    return out


def detect(
    index: Any,
    provisions: Sequence[Provision],
    detector: ProvisionDetector | None = None,
    doc_ids: Sequence[str] | None = None,
) -> list[Finding]:
    """The checklist for the documents of a clause index.

    Args:
        index: A :class:`~nlp.retrieval.search.ClauseIndex` (its embeddings and codes are used).
        provisions: The checklist (:func:`nlp.analysis.checklist.load_checklist`).
        detector: A fitted detector (default: the shipped one).
        doc_ids: Documents to report (default: all, in index order).
    """
    from nlp.retrieval.embed import embed

    detector = detector or load_detector()
    clauses = clause_views(index)
    X = pair_features(clauses, index.vectors, provisions, lambda texts: embed(texts, index.embedder))
    probs = detector.predict_proba(X.reshape(-1, len(FEATURES)))[:, 1].reshape(len(clauses), len(provisions))
    return findings(clauses, probs, provisions, detector.threshold, doc_ids)


def table(found: Sequence[Finding], index: Any, provisions: Sequence[Provision]) -> list[dict[str, object]]:
    """One row per document x provision, ready for a CSV, an Excel sheet or a data frame.

    Columns: ``doc_id``, ``title``, ``doc_type``, ``provision``, ``name``, ``theme``, ``status``
    (bindend / genoemd / afwezig), ``status_label`` (Dutch), ``confidence``, ``evidence`` (clause
    ids, strongest first, ``;``-separated) and ``sections`` (their article or section).
    """
    from nlp.resources import PROVISION_STATUS_LABELS

    rows = {r["clause_id"]: r for r in index.rows}
    docs = {r["doc_id"]: r for r in index.rows}
    by_id = {p.id: p for p in provisions}
    out = []
    for f in found:
        d, p = docs.get(f.doc_id, {}), by_id[f.provision]
        out.append(
            {
                "doc_id": f.doc_id,
                "title": d.get("title", ""),
                "doc_type": d.get("doc_type", ""),
                "provision": p.id,
                "name": p.name,
                "theme": p.theme,
                "status": f.status,
                "status_label": PROVISION_STATUS_LABELS[f.status],
                "confidence": f.confidence,
                "evidence": ";".join(e.clause_id for e in f.evidence),
                "sections": ";".join(str(rows[e.clause_id].get("section") or "") for e in f.evidence),
            }
        )
    return out
