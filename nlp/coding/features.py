"""Features of a clause for the theme and stance classifiers.

:class:`ClauseFeatures` is a scikit-learn transformer over :class:`~nlp.records.Sample`
sequences. It stacks weighted blocks, each switchable by its weight (0 drops it):

- ``word``: TF-IDF of word 1-2-grams;
- ``char``: TF-IDF of character 2-5-grams inside word boundaries (robust to Dutch compounds:
  "opleidingsbudget" shares "opleid" with "opleiding");
- ``embedding``: the clause's sentence embedding;
- ``cues``: modality and theme cue words (``nlp.resources.STANCE_CUES``, ``THEME_CUES``),
  imperative mood, and cue counts crossed with whether the document type is binding
  ("moet" in a CAO binds, in a guide it advises);
- ``doc_type``: one-hot document type;
- ``section``: TF-IDF words of the section path (context);
- ``context``: TF-IDF words of the neighbouring clauses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.utils.validation import check_is_fitted

from nlp.records import DOC_TYPES, Sample
from nlp.resources import (
    BINDING_DOC_TYPES,
    DEFINITION_RE,
    IMPERATIVE_VERBS,
    STANCE_CUES,
    THEME_CUES,
    TYPED_MODALS,
)
from nlp.retrieval.embed import DEFAULT_EMBEDDER, embed

# Feature blocks, in column order; each is a weight parameter of ClauseFeatures.
BLOCKS = ("word", "char", "section", "context", "embedding", "cues", "doc_type")
_CUE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (f"{stance}:{cue}", re.compile(r"(?<!\w)" + cue)) for stance, cues in STANCE_CUES.items() for cue in cues
]
_THEME_PATTERNS: dict[str, re.Pattern[str]] = {
    theme: re.compile(r"(?<!\w)(?:" + "|".join(re.escape(c) for c in cues) + ")")
    for theme, cues in THEME_CUES.items()
}
_WORD_RE = re.compile(r"\w+")
_TYPED_MODALS = frozenset(TYPED_MODALS)
# Pseudo-words added to the text seen by the word n-gram block; readable names for explanations.
FIRST_TOKEN = "xxfirst"
BINDING_TOKEN = "xxbind"
ADVISORY_TOKEN = "xxadv"


def word_view(sample: Sample) -> str:
    """The text the word n-gram block sees.

    The clause plus pseudo-words for its first word and for modal words crossed with the
    document type ("moet" binds in a CAO, advises in a guide).
    """
    words = _WORD_RE.findall(sample.text.lower())
    extra = [f"{FIRST_TOKEN}_{words[0]}"] if words else []
    group = BINDING_TOKEN if sample.doc_type in BINDING_DOC_TYPES else ADVISORY_TOKEN
    extra += [f"{group}_{w}" for w in dict.fromkeys(words) if w in _TYPED_MODALS]
    return sample.text + " " + " ".join(extra)


def readable_word(term: str) -> str:
    """Explain a word feature in words: pseudo-words become a short phrase."""
    parts = []
    for tok in term.split():
        if tok.startswith(f"{FIRST_TOKEN}_"):
            parts.append(f"begint met '{tok.split('_', 1)[1]}'")
        elif tok.startswith(f"{BINDING_TOKEN}_"):
            parts.append(f"'{tok.split('_', 1)[1]}' in bindende tekst")
        elif tok.startswith(f"{ADVISORY_TOKEN}_"):
            parts.append(f"'{tok.split('_', 1)[1]}' in adviserende tekst")
        else:
            parts.append(tok)
    return " ".join(parts)


def readable_cue(name: str) -> str:
    r"""Turn a cue feature name (``commitment:verbind\w* zich``) into words ("verbind… zich")."""
    cue = name.split(":", 1)[-1]
    cue = re.sub(r"\\w\*|\\w\+", "…", cue)
    cue = re.sub(r"\.\{0,\d+\}", " … ", cue)
    return re.sub(r"\s+", " ", cue.replace("\\b", "")).strip()


def cue_matrix(texts: Sequence[str], doc_types: Sequence[str]) -> tuple[np.ndarray, list[str]]:
    """Cue features of texts.

    One column per stance cue, per-theme and per-stance counts, imperative and question flags,
    and stance counts crossed with binding document types.

    Returns:
        The matrix and its column names.
    """
    names = [f"cue:{n}" for n, _ in _CUE_PATTERNS]
    names += [f"theme:{t}" for t in _THEME_PATTERNS]
    names += [f"count:{s}" for s in STANCE_CUES]
    names += [f"{s}×binding" for s in STANCE_CUES] + [f"{s}×advisory" for s in STANCE_CUES]
    names += [
        "imperative",
        "question",
        "imperative×advisory",
        "definition",
        "definition×binding",
        "list item ;",
    ]
    rows = np.zeros((len(texts), len(names)), dtype=np.float32)
    for i, (text, dt) in enumerate(zip(texts, doc_types, strict=True)):
        low = text.lower()
        hits = [1.0 if p.search(low) else 0.0 for _, p in _CUE_PATTERNS]
        themes = [min(len(p.findall(low)), 3) / 3 for p in _THEME_PATTERNS.values()]
        counts: dict[str, float] = dict.fromkeys(STANCE_CUES, 0.0)
        for (name, _), h in zip(_CUE_PATTERNS, hits, strict=True):
            counts[name.split(":", 1)[0]] += h
        per = [min(c, 3) / 3 for c in counts.values()]
        binding = 1.0 if dt in BINDING_DOC_TYPES else 0.0
        words = _WORD_RE.findall(low)
        imperative = 1.0 if words and words[0] in IMPERATIVE_VERBS else 0.0
        question = 1.0 if text.rstrip().endswith("?") else 0.0
        definition = 1.0 if DEFINITION_RE.search(text) else 0.0
        semicolon = 1.0 if text.rstrip().endswith((";", "; en", "; of")) else 0.0
        rows[i] = (
            hits
            + themes
            + per
            + [p * binding for p in per]
            + [p * (1 - binding) for p in per]
            + [imperative, question, imperative * (1 - binding), definition, definition * binding, semicolon]
        )
    return rows, names


def _view(block: str, sample: Sample) -> str:
    if block in ("section", "context"):
        return str(getattr(sample, block))
    return word_view(sample) if block == "word" else sample.text


class ClauseFeatures(TransformerMixin, BaseEstimator):
    """Weighted feature blocks of clauses (see the module docstring).

    Args:
        word: Weight of the word n-gram block.
        char: Weight of the character n-gram block.
        embedding: Weight of the sentence-embedding block.
        cues: Weight of the cue block.
        doc_type: Weight of the document-type block.
        section: Weight of the section-path block.
        context: Weight of the neighbouring-clauses block.
        min_df: Minimum document frequency of an n-gram.
        max_char_features: Cap on the character n-gram vocabulary.
        embedder: Registry name of the embedder used for samples without a vector.
    """

    def __init__(
        self,
        word: float = 1.0,
        char: float = 1.0,
        embedding: float = 1.0,
        cues: float = 0.5,
        doc_type: float = 0.5,
        section: float = 0.0,
        context: float = 0.0,
        min_df: int = 2,
        max_char_features: int = 40000,
        embedder: str = DEFAULT_EMBEDDER,
    ) -> None:
        self.word = word
        self.char = char
        self.embedding = embedding
        self.cues = cues
        self.doc_type = doc_type
        self.section = section
        self.context = context
        self.min_df = min_df
        self.max_char_features = max_char_features
        self.embedder = embedder

    def _vectorizers(self) -> dict[str, TfidfVectorizer]:
        return {
            "word": TfidfVectorizer(ngram_range=(1, 2), min_df=self.min_df, sublinear_tf=True),
            "char": TfidfVectorizer(
                analyzer="char_wb",
                ngram_range=(2, 5),
                min_df=self.min_df,
                sublinear_tf=True,
                max_features=self.max_char_features,
            ),
            "section": TfidfVectorizer(min_df=self.min_df, sublinear_tf=True),
            "context": TfidfVectorizer(min_df=self.min_df, sublinear_tf=True),
        }

    def fit(self, X: Sequence[Sample], y: Any = None) -> ClauseFeatures:
        """Learn the n-gram vocabularies."""
        vecs = self._vectorizers()
        self.vectorizers_ = {}
        for name, vec in vecs.items():
            if getattr(self, name) > 0:
                vec.fit([_view(name, s) for s in X])
                self.vectorizers_[name] = vec
        self.embedding_dim_ = self.vectors(X[:1]).shape[1] if self.embedding > 0 and len(X) else 0
        self.block_slices_ = self._block_slices()
        return self

    def _block_slices(self) -> dict[str, tuple[int, int]]:
        sizes = [(name, len(vec.vocabulary_)) for name, vec in self.vectorizers_.items()]
        if self.embedding > 0:
            sizes.append(("embedding", self.embedding_dim_))
        if self.cues > 0:
            sizes.append(("cues", len(cue_matrix([], [])[1])))
        if self.doc_type > 0:
            sizes.append(("doc_type", len(DOC_TYPES)))
        out, start = {}, 0
        for name, n in sizes:
            out[name] = (start, start + n)
            start += n
        return out

    def block_scale(self, weights: ClauseFeatures) -> np.ndarray:
        """Column factors that turn this extractor's output into the blocks weighted as in ``weights``.

        A head that shares this fitted extractor but weighs the blocks differently multiplies the
        shared matrix by these factors (0 drops a block), so the text is featurised only once.

        Raises:
            ValueError: ``weights`` uses a block this extractor does not compute.
        """
        check_is_fitted(self, "block_slices_")
        scale = np.zeros(
            self.block_slices_[next(reversed(self.block_slices_))][1] if self.block_slices_ else 0
        )
        for name, (a, b) in self.block_slices_.items():
            scale[a:b] = float(getattr(weights, name)) / float(getattr(self, name))
        for name in BLOCKS:
            if getattr(weights, name) > 0 and name not in self.block_slices_:
                raise ValueError(
                    f"feature block {name!r} is weighted but the shared extractor does not compute it"
                )
        return scale

    def vectors(self, X: Sequence[Sample]) -> np.ndarray:
        """Sentence embeddings of the samples: their own ``vector`` where set, else computed."""
        missing = [i for i, s in enumerate(X) if s.vector is None]
        given = [s.vector for s in X if s.vector is not None]
        if not missing:
            return np.vstack(given).astype(np.float32) if given else np.zeros((0, 0), np.float32)
        computed = embed([X[i].text for i in missing], self.embedder)
        out = np.zeros((len(X), computed.shape[1]), dtype=np.float32)
        out[missing] = computed
        for i, s in enumerate(X):
            if s.vector is not None:
                out[i] = s.vector
        return out

    def transform(self, X: Sequence[Sample]) -> sp.csr_matrix:
        """Feature matrix of the samples (rows in order)."""
        check_is_fitted(self, "vectorizers_")
        blocks: list[sp.spmatrix] = []
        for name, vec in self.vectorizers_.items():
            texts = [_view(name, s) for s in X]
            blocks.append(vec.transform(texts) * getattr(self, name))
        if self.embedding > 0:
            blocks.append(sp.csr_matrix(self.vectors(X) * self.embedding))
        if self.cues > 0:
            cues, _ = cue_matrix([s.text for s in X], [s.doc_type for s in X])
            blocks.append(sp.csr_matrix(cues * self.cues))
        if self.doc_type > 0:
            onehot = np.array([[float(s.doc_type == d) for d in DOC_TYPES] for s in X], dtype=np.float32)
            blocks.append(sp.csr_matrix(onehot.reshape(len(X), len(DOC_TYPES)) * self.doc_type))
        return sp.hstack(blocks, format="csr") if blocks else sp.csr_matrix((len(X), 0))

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Names of the columns: ``word:…``, ``char:…``, ``section:…``, ``emb:…``, ``cue:…``, ``doc_type:…``."""
        check_is_fitted(self, "vectorizers_")
        names: list[str] = []
        for name, vec in self.vectorizers_.items():
            names += [f"{name}:{t}" for t in vec.get_feature_names_out()]
        if self.embedding > 0:
            names += [f"emb:{i}" for i in range(self.embedding_dim_)]
        if self.cues > 0:
            names += cue_matrix([], [])[1]
        if self.doc_type > 0:
            names += [f"doc_type:{d}" for d in DOC_TYPES]
        return np.asarray(names, dtype=object)

    # --- safe persistence (no pickle) ----------------------------------------------------------

    def to_state(self) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
        """Parameters and vocabularies as JSON-able data, IDF weights as arrays."""
        check_is_fitted(self, "vectorizers_")
        state: dict[str, Any] = {
            "params": self.get_params(),
            "embedding_dim": self.embedding_dim_,
            "vocab": {},
        }
        arrays: dict[str, np.ndarray] = {}
        for name, vec in self.vectorizers_.items():
            state["vocab"][name] = {t: int(i) for t, i in vec.vocabulary_.items()}
            arrays[f"idf_{name}"] = vec.idf_.astype(np.float64)
        return state, arrays

    @classmethod
    def from_state(cls, state: dict[str, Any], arrays: dict[str, np.ndarray]) -> ClauseFeatures:
        """Rebuild a fitted transformer from :meth:`to_state` output."""
        self = cls(**state["params"])
        self.vectorizers_ = {}
        for name, vec in self._vectorizers().items():
            if name in state["vocab"]:
                vec.set_params(vocabulary=state["vocab"][name])
                vec._validate_vocabulary()
                vec.idf_ = arrays[f"idf_{name}"]
                self.vectorizers_[name] = vec
        self.embedding_dim_ = int(state["embedding_dim"])
        self.block_slices_ = self._block_slices()
        return self
