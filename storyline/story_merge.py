"""The merge pass's scoring: the verdict `StoryClusterer.merges` would reach on each pair of
neighbouring stories, for many pairs at once.

The decision itself is `cluster.py`'s; this module computes it cheaply. A merge pass weighs tens
of thousands of mostly tiny story pairs, where one `pair_matrix` call per pair spent most of its
time in numpy's per-call overhead, and the dense key products of big pairs in multiplying zeros.
tests/test_stories.py checks that both give the same verdicts and features.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from storyline.cluster import (
    ClusterSettings,
    KeyTable,
    StoryClusterer,
    _fingerprint,
    _logits,
    _lone_language,
    base_features,
    key_features,
)
from storyline.signals import Signals

# Cells (article pairs) scored in one call when a story is weighed against its neighbours.
_BLOCK_CELLS = 20_000


def merge_verdicts(clusterer: StoryClusterer, stories: dict[str, list[Signals]], pairs: set[tuple[str, str]],
                   cache: dict[tuple, float | None], cohesions: dict[tuple, float | None] | None = None) -> None:
    """Put into `cache` the verdict `StoryClusterer.merges` would reach on each pair it lacks.

    The same decision as `StoryClusterer._merge_score` (cosine prefilter, mean log-odds or the
    lone-language best pair, threshold, cohesion), but the features of many stories against their
    neighbours come from one `sparse_pair_matrix` call instead of one `pair_matrix` per pair: a
    merge pass weighs tens of thousands of mostly tiny pairs, where numpy's per-call overhead
    (~1.5 ms a pair) was 70% of fast mode's time. `merges` then only ranks.
    tests/test_stories.py checks both agree. `cohesions`, kept by the caller across the rounds of
    a pass like `cache`, holds each story's cohesion under its fingerprint: a story that absorbed
    nothing since keeps it (most of ~5,000 cohesions a pass were recomputed otherwise).
    """
    s = clusterer.settings
    prints = {sid: _fingerprint(m) for sid, m in stories.items()}
    todo: dict[str, list[str]] = defaultdict(list)
    for x, y in sorted({(min(p), max(p)) for p in pairs if p[0] != p[1]}):
        if (x, y, prints[x], prints[y]) not in cache:
            todo[x].append(y)
    own: dict[tuple, float | None] = {} if cohesions is None else cohesions

    def cohesion(sid: str) -> float | None:
        key = (sid, prints[sid])
        if key not in own:  # `StoryClusterer.cohesion`: mean log-odds between a story's own members
            members = stories[sid]
            inner = _logits(sparse_pair_matrix(members, members, clusterer.table), s)
            own[key] = float(inner[np.triu_indices(len(members), 1)].mean()) if len(members) > 1 else None
        return own[key]

    for batch in _batches(todo, stories):
        rows = {x: None for x, _ in batch}
        cols = {y: None for _, ys in batch for y in ys}
        row_at, col_at = _offsets(rows, stories), _offsets(cols, stories)
        feats = sparse_pair_matrix([m for x in rows for m in stories[x]], [m for y in cols for m in stories[y]],
                                   clusterer.table)
        logits = _logits(feats, s)
        for x, ys in batch:
            a = stories[x]
            for y in ys:
                b = stories[y]
                verdict: float | None = None
                if a and b and feats[row_at[x], col_at[y], 0].max() > 0.3:
                    block = logits[row_at[x], col_at[y]]
                    lone = min(len(a), len(b)) == 1 and _lone_language(a, b)
                    score = float(block.max() if lone else np.mean(block))
                    if score > s.merge_threshold and _cohesive(s, score, (x, y), stories, cohesion):
                        verdict = score
                cache[(x, y, prints[x], prints[y])] = verdict


def _offsets(order: dict[str, None], stories: dict[str, list[Signals]]) -> dict[str, slice]:
    out, start = {}, 0
    for sid in order:
        out[sid] = slice(start, start + len(stories[sid]))
        start += len(stories[sid])
    return out


def _batches(todo: dict[str, list[str]], stories: dict[str, list[Signals]]) -> list[list[tuple[str, list[str]]]]:
    """The (story, neighbours) tasks cut into blocks of at most `_BLOCK_CELLS` cells: several small
    stories share one call (numpy's cost per call, not per cell, dominates tiny stories), a big
    story with many neighbours is split."""
    out: list[list[tuple[str, list[str]]]] = []
    batch: list[tuple[str, list[str]]] = []
    rows, cols, seen = 0, 0, set()
    for x, ys in todo.items():
        height = max(len(stories[x]), 1)
        chunk: list[str] = []
        width = 0
        for y in ys:
            if chunk and (width + len(stories[y])) * height > _BLOCK_CELLS:
                out.append([(x, chunk)])
                chunk, width = [], 0
            chunk.append(y)
            width += len(stories[y])
        if not chunk:
            continue
        fresh = sum(len(stories[y]) for y in set(chunk) - seen)
        if batch and (rows + height) * (cols + fresh) > _BLOCK_CELLS:
            out.append(batch)
            batch, rows, cols, seen = [], 0, 0, set()
            fresh = width
        batch.append((x, chunk))
        rows += height
        cols += fresh
        seen.update(chunk)
    if batch:
        out.append(batch)
    return out


def sparse_pair_matrix(left: list[Signals], right: list[Signals], table: KeyTable) -> np.ndarray:
    """`cluster.pair_matrix`, with the key sums joined on the keys two articles share instead of
    multiplied as dense 0/1 matrices over every key of the block: on a story against its
    neighbours (50 x 300 members, 10k distinct keys) the dense products cost ~35 ms a call and
    were most of the merge pass; the join costs what the shared keys cost.
    tests/test_stories.py checks both give the same features.
    """
    n, m = len(left), len(right)
    out = base_features(left, right)
    if out.size == 0:
        return out
    ka = _entries([table.encode(x.keys) for x in left], table)
    kb = _entries([table.encode(x.keys) for x in right], table)
    lda = _entries([table.encode(x.lead_keys) for x in left], table)
    ldb = _entries([table.encode(x.lead_keys) for x in right], table)
    key_features(out, shared=_shared(ka, kb, n, m), wa=ka.row_weights(n), wb=kb.row_weights(m),
                 lead_hit=_shared(lda, kb, n, m) + _shared(ka, ldb, n, m),
                 lead_a=lda.row_weights(n), lead_b=ldb.row_weights(m))
    return out


@dataclass
class _Entries:
    """Every key of every row, sorted by key id (`keys`, and the row of each in `rows`), with the
    runs of each distinct key (`unique`, where each starts, how many) and their IDF."""

    keys: np.ndarray
    rows: np.ndarray
    unique: np.ndarray
    starts: np.ndarray
    counts: np.ndarray
    idf: np.ndarray

    def row_weights(self, n: int) -> np.ndarray:
        """The IDF summed over each row's keys."""
        return np.bincount(self.rows, weights=np.repeat(self.idf, self.counts), minlength=n)[:n]


def _entries(rows: list[np.ndarray], table: KeyTable) -> _Entries:
    if not rows or not sum(len(r) for r in rows):
        empty = np.zeros(0, dtype=np.int64)
        return _Entries(empty, empty, empty, empty, empty, np.zeros(0))
    keys = np.concatenate(rows)
    owner = np.repeat(np.arange(len(rows)), [len(r) for r in rows])
    order = np.argsort(keys, kind="stable")
    keys, owner = keys[order], owner[order]
    first = np.empty(len(keys), dtype=bool)
    first[0] = True
    np.not_equal(keys[1:], keys[:-1], out=first[1:])
    starts = np.flatnonzero(first)
    unique = keys[starts]
    counts = np.diff(np.append(starts, len(keys)))
    return _Entries(keys, owner, unique, starts, counts, table.idf(unique))


def _ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Concatenated aranges: starts[i] .. starts[i] + counts[i] for every i."""
    ends = np.cumsum(counts)
    return np.arange(ends[-1] if len(ends) else 0) - np.repeat(ends - counts - starts, counts)


def _shared(a: _Entries, b: _Entries, n: int, m: int) -> np.ndarray:
    """(n, m): the IDF summed over the keys row i of `a` and row j of `b` both state."""
    if not len(a.unique) or not len(b.unique):
        return np.zeros((n, m), dtype=np.float64)
    at = np.minimum(np.searchsorted(b.unique, a.unique), len(b.unique) - 1)
    hit = b.unique[at] == a.unique  # a's distinct keys that b states too
    if not hit.any():
        return np.zeros((n, m), dtype=np.float64)
    a_lo, na, idf = a.starts[hit], a.counts[hit], a.idf[hit]
    b_lo, nb = b.starts[at[hit]], b.counts[at[hit]]
    a_at = _ranges(a_lo, na)  # each entry of `a` on a shared key...
    times = np.repeat(nb, na)  # ...meets every entry of `b` on that key
    pa = np.repeat(a_at, times)
    pb = _ranges(np.repeat(b_lo, na), times)
    weights = np.repeat(np.repeat(idf, na), times)
    return np.bincount(a.rows[pa] * m + b.rows[pb], weights=weights, minlength=n * m).reshape(n, m)


def _cohesive(s: ClusterSettings, score: float, pair: tuple[str, str], stories: dict[str, list[Signals]],
              cohesion: Callable[[str], float | None]) -> bool:
    """`StoryClusterer._cohesive_enough`, with each story's cohesion computed once per pass."""
    if s.merge_cohesion_ratio <= 0 or min(len(stories[p]) for p in pair) < s.merge_cohesion_min_size:
        return True
    own = [c for c in map(cohesion, pair) if c is not None]
    return not own or score >= s.merge_cohesion_ratio * float(np.mean(own))
