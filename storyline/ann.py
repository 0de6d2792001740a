"""Approximate nearest neighbours over article vectors (faiss), so that finding the candidate
stories of a new article does not cost more as the store grows.

Article vectors never change once computed, so the index holds articles, not story centroids
(which move with every new member and would need deletions). A small index is exact (a flat
inner-product scan is faster than any structure below a few tens of thousands of vectors); past
that it becomes an inverted file over 8-bit scalar-quantised vectors (faiss IVF-SQ8): k-means
cells trained once on the vectors held at that moment, and a query scans the `IVF_PROBE` cells
nearest to it. An HNSW graph searches as fast but took over 10 minutes to build for 1 M vectors
on 2 cores, where IVF trains in seconds and adds a million vectors in well under a minute; its
memory stays near one byte per dimension.
"""

from __future__ import annotations

import math

import numpy as np

FLAT_LIMIT = 20_000
# Cells: about the square root of the vectors held when the index is built (the usual rule),
# capped so training stays a matter of seconds; vectors per training cell as faiss advises.
IVF_MAX_LISTS = 1024
IVF_TRAIN_PER_LIST = 40
# Cells scanned per query: near-duplicates and same-event articles sit in the same or adjacent
# cells, so a few dozen of ~1,000 keep recall high at 1 M vectors (~30k vectors scanned, ~2 ms).
# On bench/stories.py's synthetic 1 M (`assignment_cost`, run with IVF_PROBE set to each value;
# random directions, each query at cosine ~0.66 to its source: the worst case), the source is
# among the 50 hits for 64% of queries at 32 cells (p99 of a whole assignment 6.1 ms), 78% at
# 64 (8.9 ms), 89% at 128 (12.5 ms). Real stories hold
# several members, any of which finds the story, and sit far closer; kept at 32 until a real
# window that large shows misses.
IVF_PROBE = 32
# Bulk work (training, adding thousands of vectors) may use both cores; single queries use one.
BULK_THREADS = 2


class VectorIndex:
    def __init__(self, dim: int, expected: int = 0):
        import faiss

        self._faiss = faiss
        faiss.omp_set_num_threads(1)  # one query at a time: threads only add overhead here
        self.dim = dim
        self.expected = expected
        self._index = faiss.IndexFlatIP(dim)
        self._ivf = False
        self._ids: list[int] = []

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, ids: list[int], vectors: np.ndarray) -> None:
        vectors = np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, self.dim)
        if not len(ids):
            return
        if not self._ivf and len(self._ids) + len(ids) > FLAT_LIMIT:
            self._grow_into_ivf(vectors)
        if len(vectors) > 1000:
            self._faiss.omp_set_num_threads(BULK_THREADS)
        try:
            self._index.add(vectors)
        finally:
            self._faiss.omp_set_num_threads(1)
        self._ids.extend(ids)

    def _grow_into_ivf(self, fresh: np.ndarray) -> None:
        faiss = self._faiss
        old = self._index.reconstruct_n(0, self._index.ntotal) if self._index.ntotal else fresh[:0]
        held = np.vstack([old, fresh])
        lists = int(min(IVF_MAX_LISTS, max(64, math.sqrt(max(self.expected, len(held))))))
        quantizer = faiss.IndexFlatIP(self.dim)
        index = faiss.IndexIVFScalarQuantizer(quantizer, self.dim, lists, faiss.ScalarQuantizer.QT_8bit,
                                              faiss.METRIC_INNER_PRODUCT)
        index.cp.niter = 10
        sample = held[np.random.default_rng(0).permutation(len(held))[: lists * IVF_TRAIN_PER_LIST]]
        faiss.omp_set_num_threads(BULK_THREADS)
        try:
            index.train(sample)
            if len(old):
                index.add(old)
        finally:
            faiss.omp_set_num_threads(1)
        index.nprobe = min(IVF_PROBE, lists)
        self._index, self._quantizer, self._ivf = index, quantizer, True

    def search(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        """The k nearest article ids with their cosine (approximate past FLAT_LIMIT), best first."""
        if not self._ids:
            return []
        query = np.ascontiguousarray(vector, dtype=np.float32).reshape(1, self.dim)
        scores, rows = self._index.search(query, min(k, len(self._ids)))
        return [(self._ids[r], float(s)) for r, s in zip(rows[0], scores[0], strict=True) if r >= 0]
