"""Embedder registry and the store's embedding cache."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import FakeEmbedder

from nlp.retrieval.embed import EmbedderError, HashingEmbedder, embed, get_embedder, text_hash
from nlp.store.base import Store


def test_embed_registry_returns_named_embedder() -> None:
    emb = get_embedder("fake")
    assert emb.name == "fake" and get_embedder("fake") is emb


@pytest.mark.parametrize("name", ["nope", "sentence-transformers:", "bogus:thing"])
def test_embed_unknown_name_is_a_clear_error(name: str) -> None:
    with pytest.raises(EmbedderError, match="unknown embedder"):
        get_embedder(name)


def test_embed_sentence_transformers_missing_is_a_clear_error() -> None:
    try:
        import sentence_transformers  # noqa: F401
    except ImportError:
        with pytest.raises(EmbedderError, match="sentence-transformers"):
            get_embedder("sentence-transformers:/no/such/model")
    else:
        with pytest.raises(EmbedderError, match="cannot load"):
            get_embedder("sentence-transformers:/no/such/model")


def test_embed_uses_and_fills_the_store_cache(store: Store) -> None:
    texts = ["De werkgever informeert de OR.", "Scholing in werktijd.", "De werkgever informeert de OR."]
    before = FakeEmbedder.calls
    first = embed(texts, "fake", store, batch_size=1)
    assert FakeEmbedder.calls - before == 2, "duplicates are encoded once, in batches"
    again = embed(texts, "fake", store)
    assert FakeEmbedder.calls - before == 2, "the second call reads the cache"
    assert np.array_equal(first, again) and first.shape == (3, 64)
    assert set(store.get_embeddings("fake", [text_hash(t) for t in texts])) == {text_hash(t) for t in texts}
    assert store.get_embeddings("other", [text_hash(texts[0])]) == {}


def test_embed_vectors_are_normalised_and_deterministic() -> None:
    a = HashingEmbedder(dim=32, n_features=2**10).encode(["Werkdruk en stress.", ""])
    b = HashingEmbedder(dim=32, n_features=2**10).encode(["Werkdruk en stress.", ""])
    assert np.array_equal(a, b)
    assert np.isclose(np.linalg.norm(a[0]), 1.0) and not a[1].any()


@pytest.mark.slow
def test_embed_use_multilingual_offline() -> None:
    v = embed(["De werknemer heeft recht op opleiding.", "Le travailleur a droit à la formation."])
    assert v.shape == (2, 512) and float(v[0] @ v[1]) > 0.5
