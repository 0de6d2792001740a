"""Approximate nearest neighbours over article vectors (faiss), so that finding the candidate
stories of a new article does not cost more as the store grows.

Article vectors never change once computed, so the index holds articles, not story centroids
(which move with every new member and would need deletions HNSW does not support). A small index
is exact (a flat inner-product scan is faster than a graph below a few tens of thousands of
vectors); past that it switches to an HNSW graph over 8-bit scalar-quantised vectors, which
keeps memory near one byte per dimension.
"""

from __future__ import annotations

import numpy as np

FLAT_LIMIT = 20_000
HNSW_NEIGHBOURS = 32
HNSW_SEARCH_DEPTH = 64


class VectorIndex:
    def __init__(self, dim: int, expected: int = 0):
        import faiss

        self._faiss = faiss
        faiss.omp_set_num_threads(1)  # one query at a time: threads only add overhead here
        self.dim = dim
        self._hnsw = expected > FLAT_LIMIT
        self._index = self._new_index()
        self._ids: list[int] = []

    def _new_index(self):
        faiss = self._faiss
        if not self._hnsw:
            return faiss.IndexFlatIP(self.dim)
        index = faiss.IndexHNSWSQ(self.dim, faiss.ScalarQuantizer.QT_8bit, HNSW_NEIGHBOURS,
                                  faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efSearch = HNSW_SEARCH_DEPTH
        return index

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, ids: list[int], vectors: np.ndarray) -> None:
        vectors = np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, self.dim)
        if not len(ids):
            return
        if self._hnsw and not self._index.is_trained:
            self._index.train(vectors if len(vectors) >= 256 else np.vstack([vectors] * (256 // len(vectors) + 1)))
        if not self._hnsw and len(self._ids) + len(ids) > FLAT_LIMIT:
            self._grow_into_hnsw(vectors)
        self._index.add(vectors)
        self._ids.extend(ids)

    def _grow_into_hnsw(self, fresh: np.ndarray) -> None:
        old = self._index.reconstruct_n(0, self._index.ntotal) if self._index.ntotal else fresh[:0]
        self._hnsw = True
        self._index = self._new_index()
        sample = np.vstack([old, fresh])
        self._index.train(sample[: 100_000])
        if len(old):
            self._index.add(old)

    def search(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        """The k nearest article ids with their cosine, best first."""
        if not self._ids:
            return []
        query = np.ascontiguousarray(vector, dtype=np.float32).reshape(1, self.dim)
        scores, rows = self._index.search(query, min(k, len(self._ids)))
        return [(self._ids[r], float(s)) for r, s in zip(rows[0], scores[0], strict=True) if r >= 0]
