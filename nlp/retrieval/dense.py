"""Dense top-k over clause embeddings.

Exact (matrix product and ``argpartition``) by default, or through an approximate FAISS IVF
index for large stores (the optional extra ``ann``).
"""

from __future__ import annotations

from typing import Any

import numpy as np

ANN_MIN_ROWS = 500_000  # below this, exact search is fast enough (evaluation/benchmarks)


def top_k(
    query_vecs: np.ndarray, matrix: np.ndarray, k: int, *, mask: np.ndarray | None = None, index: Any = None
) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` rows of ``matrix`` most similar (inner product) to each query vector.

    Args:
        query_vecs: ``(q, d)`` query embeddings (L2-normalised, so scores are cosines).
        matrix: ``(n, d)`` clause embeddings.
        k: Results per query.
        mask: Optional boolean ``(n,)``: only these rows may be returned.
        index: Optional approximate index from :func:`build_ann` over ``matrix``.

    Returns:
        ``(indices, scores)``, each ``(q, k')`` with ``k' = min(k, allowed rows)``, best first.
    """
    q = np.atleast_2d(np.asarray(query_vecs, dtype=np.float32))
    allowed = int(mask.sum()) if mask is not None else matrix.shape[0]
    k = min(k, allowed)
    if k <= 0:
        return np.zeros((len(q), 0), dtype=np.int64), np.zeros((len(q), 0), dtype=np.float32)
    if index is not None:
        found = _ann_search(index, q, k, mask, matrix.shape[0])
        if found is not None:
            return found
    scores = q @ matrix.T
    if mask is not None:
        scores[:, ~mask] = -np.inf
    part = np.argpartition(-scores, k - 1, axis=1)[:, :k]
    order = np.argsort(-np.take_along_axis(scores, part, axis=1), axis=1)
    idx = np.take_along_axis(part, order, axis=1)
    return idx, np.take_along_axis(scores, idx, axis=1)


def build_ann(matrix: np.ndarray, *, nprobe: int = 32, seed: int = 0) -> Any:
    """An approximate inner-product index (FAISS IVF-Flat) over ``matrix``, or None without FAISS.

    FAISS is the optional extra ``ann`` (``pip install 'clause-atlas[ann]'``); without it search
    stays exact, and a one-line notice on stderr says so.
    """
    try:
        import faiss
    except ImportError:
        import sys

        print(
            f"notice: exact search over {len(matrix):,} clauses; install the 'ann' extra "
            "(pip install 'clause-atlas[ann]') for faster approximate search",
            file=sys.stderr,
        )
        return None
    n, d = matrix.shape
    nlist = max(1, int(4 * np.sqrt(n)))
    quantizer = faiss.IndexFlatIP(d)
    index = faiss.IndexIVFFlat(quantizer, d, nlist, faiss.METRIC_INNER_PRODUCT)
    rng = np.random.default_rng(seed)
    sample = matrix[rng.choice(n, size=min(n, 40 * nlist), replace=False)]
    index.train(np.ascontiguousarray(sample, dtype=np.float32))
    index.add(np.ascontiguousarray(matrix, dtype=np.float32))
    index.nprobe = nprobe
    return index


def _ann_search(
    index: Any, q: np.ndarray, k: int, mask: np.ndarray | None, n: int
) -> tuple[np.ndarray, np.ndarray] | None:
    """Approximate search; None when a filter leaves too few hits (then search exactly)."""
    want = k if mask is None else min(n, k * max(4, n // max(int(mask.sum()), 1)))
    if want > 2048:
        return None
    scores, idx = index.search(np.ascontiguousarray(q), want)
    if mask is not None:
        rows = []
        for i_row, s_row in zip(idx, scores, strict=True):
            keep = [(i, s) for i, s in zip(i_row, s_row, strict=True) if i >= 0 and mask[i]][:k]
            if len(keep) < k:
                return None
            rows.append(keep)
        return np.array([[i for i, _ in r] for r in rows]), np.array(
            [[s for _, s in r] for r in rows], dtype=np.float32
        )
    return idx[:, :k], scores[:, :k].astype(np.float32)
