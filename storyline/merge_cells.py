"""The merge pass's scoring, computed on the article pairs a verdict reads, each pair once a pass.

`StoryClusterer.merges` weighs each pair of neighbouring stories by the mean log-odds over every
pair of their members (cells). Two things made that the slowest part of fast-mode ingest:
- A first round weighs ~19,000 story pairs, nearly all between a lone article and a story of one
  or two: ~40,000 cells. Scoring them as blocks (many stories' rows against many stories'
  columns, one numpy call each, to spare numpy's per-call cost) computed ~1,000,000 cells and
  threw 97% away. Here every needed cell is listed, and all cells of a round are scored at once.
- The rounds of a pass re-weigh a story that absorbed another against its neighbours, over cells
  already scored: of 1.17 million cells a 3,000-article pass weighed, 388,000 were distinct. No
  article is observed during a pass, so a cell's log-odds cannot change: each is scored once
  (`MergeScorer` keeps them by the article-id pair).
The key sums are sparse row products (scipy): the IDF-weighted key incidence of one side times
the 0/1 incidence of the other, row by row, ~1 us a cell. (A trial, not kept: numpy alone was
slower. Each cell's two sorted rows of key ids laid end to end and matched by a binary search
or a stable argsort, all three sums from one set of matches, took 12.6-14.0 s of CPU for the
story stage of the 3,971-article bench stream, against 9.0 s with these products.)

The decision is `cluster.py`'s (`StoryClusterer._merge_score`: cosine prefilter, mean log-odds or
the lone-language best pair, threshold, cohesion); tests/test_merge_cells.py checks the verdicts
agree with it and the features with `pair_features.pair_matrix`, cell for cell.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
from scipy import sparse

from storyline.cluster import (
    StoryClusterer,
    _fingerprint,
    _logits,
    _lone_language,
    cohesive_enough,
    lone_language_score,
)
from storyline.pair_features import KeyTable, _days, _language_codes, cross_language, day_penalty, key_features
from storyline.settings import usable_cores
from storyline.signals import Signals, with_foreign_keys

# Cells scored per numpy pass: bounds the gathered vectors and key rows to a few tens of MB.
_CHUNK_CELLS = 65_536
# Fewer cells than this stay on the calling thread.
_THREAD_MIN = 4_096
# Pairs `mean_log_odds` scores per pass: with 20 members a side, at most 1.6 million cells and
# 160,000 member rows in memory at once.
_PAIRS_PER_PASS = 4_096
# Article ids are below this, so that (smaller id, larger id) is one int64 code.
_ID_SPAN = 1 << 31


class CellScorer:
    """Articles, each stored once as a row, and the features of any list of (row, row) cells
    among them: the columns of `pair_features.pair_matrix`."""

    def __init__(self, articles: list[Signals], table: KeyTable):
        self.row = {a.article_id: i for i, a in enumerate(articles)}
        self.table = table
        self.vectors = np.stack([a.vector for a in articles]).astype(np.float32, copy=False)
        self.languages = _language_codes(articles)
        self.days = _days(articles)
        keys = [table.encode(a.keys) for a in articles]
        leads = [table.encode(a.lead_keys) for a in articles]
        width = int(max((int(k.max()) for k in keys + leads if len(k)), default=0)) + 1
        self.keys, self.key_hits = _sparse_incidence(keys, table, width)
        self.leads, self.lead_hits = _sparse_incidence(leads, table, width)
        self.key_weight = np.asarray(self.keys.sum(axis=1)).ravel()
        self.lead_weight = np.asarray(self.leads.sum(axis=1)).ravel()
        # the same rows with their foreign keys, for the cells of two languages (`Signals.foreign_keys`)
        self.translated = (CellScorer([with_foreign_keys(a) for a in articles], table)
                           if any(a.foreign_keys for a in articles) else None)

    def rows_of(self, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The two rows of each cell code (`_codes`: smaller article id, larger)."""
        lo = np.array([self.row[i] for i in (codes // _ID_SPAN).tolist()], dtype=np.int64)
        hi = np.array([self.row[i] for i in (codes % _ID_SPAN).tolist()], dtype=np.int64)
        return lo, hi

    def features(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """(cells, 7): [cos, cross, cross*cos, overlap, jaccard, lead, day_penalty] of each cell."""
        out = np.zeros((len(left), 7), dtype=np.float64)
        if not len(left):
            return out
        cos = np.einsum("ij,ij->i", self.vectors[left], self.vectors[right]).astype(np.float64)
        cross = cross_language(self.languages[left], self.languages[right])
        out[:, 0] = cos
        out[:, 1] = cross
        out[:, 2] = cross * cos
        out[:, 6] = day_penalty(self.days[left], self.days[right])
        key_features(out, shared=_row_dots(self.keys, left, self.key_hits, right),
                     wa=self.key_weight[left], wb=self.key_weight[right],
                     lead_hit=(_row_dots(self.leads, left, self.key_hits, right)
                               + _row_dots(self.keys, left, self.lead_hits, right)),
                     lead_a=self.lead_weight[left], lead_b=self.lead_weight[right], floor=self.table.overlap_floor())
        if self.translated is not None and cross.any():
            across = cross == 1.0
            out[across] = self.translated.features(left[across], right[across])
        return out


def _sparse_incidence(rows: list[np.ndarray], table: KeyTable,
                      width: int) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """The rows' keys as sparse matrices: weighted by IDF, and 0/1."""
    lengths = [len(r) for r in rows]
    ids = np.concatenate(rows) if sum(lengths) else np.zeros(0, dtype=np.int64)
    ptr = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum(lengths, out=ptr[1:])
    weights = table.idf(ids) if len(ids) else np.zeros(0)
    shape = (len(rows), width)
    return (sparse.csr_matrix((weights, ids, ptr), shape=shape),
            sparse.csr_matrix((np.ones(len(ids)), ids, ptr), shape=shape))


def _row_dots(a: sparse.csr_matrix, left: np.ndarray, b: sparse.csr_matrix, right: np.ndarray) -> np.ndarray:
    """Per cell c: row left[c] of `a` dotted with row right[c] of `b`."""
    return np.asarray(a[left].multiply(b[right]).sum(axis=1)).ravel()


class MergeScorer:
    """One merge pass's scoring: the verdict on each pair of stories and what it was made of.

    Made once per pass (the key counts must not change while it lives) and asked once per round.
    `verdicts` is the cache `StoryClusterer.merges` reads: (x, y, fingerprint x, fingerprint y)
    -> the merge score, or None when the pair must not merge. A story's cohesion is kept under
    its fingerprint (a story that absorbed nothing since keeps it), and every scored cell's
    log-odds and cosine under its article-id pair.
    """

    def __init__(self, clusterer: StoryClusterer):
        self.clusterer = clusterer
        self.verdicts: dict[tuple, float | None] = {}
        self.cohesions: dict[tuple, float | None] = {}
        self._scorer: CellScorer | None = None
        self._known: dict[int, Signals] = {}
        self._codes = np.zeros(0, dtype=np.int64)
        self._logits = np.zeros(0)
        self._cosines = np.zeros(0)

    def score(self, stories: dict[str, list[Signals]], pairs: set[tuple[str, str]]) -> dict[tuple, float | None]:
        """Put the verdict on each pair that lacks one into `verdicts`, and return them."""
        s = self.clusterer.settings
        prints = {sid: _fingerprint(m) for sid, m in stories.items()}
        todo = [(x, y) for x, y in sorted({(min(p), max(p)) for p in pairs if p[0] != p[1]})
                if (x, y, prints[x], prints[y]) not in self.verdicts]
        for x, y in todo:
            self.verdicts[(x, y, prints[x], prints[y])] = None
        live = [(x, y) for x, y in todo if stories[x] and stories[y]]
        if not live:
            return self.verdicts
        order = sorted({sid for pair in live for sid in pair})
        self._know({m.article_id: m for sid in order for m in stories[sid]})
        codes, sizes = _cross_cells(order, live, stories)
        logits, cosines = self._cells(codes)
        starts = np.cumsum(sizes) - sizes
        near = np.maximum.reduceat(cosines, starts) > 0.3
        mean = np.add.reduceat(logits, starts) / sizes
        best = np.maximum.reduceat(logits, starts)
        passing: list[tuple[str, str, float]] = []
        for k in np.flatnonzero(near & (np.maximum(mean, best) > s.merge_threshold)).tolist():
            x, y = live[k]
            a, b = stories[x], stories[y]
            score = float(lone_language_score(logits[starts[k]:starts[k] + sizes[k]], s)
                          if min(len(a), len(b)) == 1 and _lone_language(a, b) else mean[k])
            if score > s.merge_threshold:
                passing.append((x, y, score))
        self._cohere(sorted({sid for x, y, _ in passing for sid in (x, y)
                             if min(len(stories[x]), len(stories[y])) >= s.merge_cohesion_min_size}), stories, prints)
        for x, y, score in passing:
            if self._cohesive(score, (x, y), stories, prints):
                self.verdicts[(x, y, prints[x], prints[y])] = score
        return self.verdicts

    def _cohere(self, order: list[str], stories: dict[str, list[Signals]], prints: dict[str, tuple]) -> None:
        """Each story's cohesion (`StoryClusterer.cohesion`: the mean log-odds between its own
        members) that is not known yet, all in one pass over their cells."""
        order = [sid for sid in order if (sid, prints[sid]) not in self.cohesions]
        for sid in order:
            if len(stories[sid]) < 2:
                self.cohesions[(sid, prints[sid])] = None
        order = [sid for sid in order if len(stories[sid]) >= 2]
        if self.clusterer.settings.merge_cohesion_ratio <= 0 or not order:
            return
        blocks = []
        for sid in order:
            ids = np.array([m.article_id for m in stories[sid]], dtype=np.int64)
            i, j = np.triu_indices(len(ids), 1)
            blocks.append(_codes(ids[i], ids[j]))
        sizes = np.array([len(b) for b in blocks], dtype=np.int64)
        logits = self._cells(np.concatenate(blocks))[0]
        sums = np.add.reduceat(logits, np.cumsum(sizes) - sizes)
        for sid, total, n in zip(order, sums.tolist(), sizes.tolist(), strict=True):
            self.cohesions[(sid, prints[sid])] = total / n

    def _cohesive(self, score: float, pair: tuple[str, str], stories: dict[str, list[Signals]],
                  prints: dict[str, tuple]) -> bool:
        """`cluster.cohesive_enough`, on the cohesions `_cohere` computed."""
        x, y = pair
        return cohesive_enough(score, min(len(stories[x]), len(stories[y])),
                               lambda: (self.cohesions[(x, prints[x])], self.cohesions[(y, prints[y])]),
                               self.clusterer.settings)

    def _know(self, articles: dict[int, Signals]) -> None:
        """Make sure every article has a row (rebuilt, rarely: a merged story's latest members)."""
        if self._scorer is not None and all(a in self._scorer.row for a in articles):
            return
        self._known.update(articles)
        self._scorer = CellScorer(list(self._known.values()), self.clusterer.table)

    def _cells(self, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The log-odds and cosine of each cell (by code), scoring those not seen this pass.

        The round's codes are sorted once (`np.unique`): the lookups then walk the sorted cache
        in order, and the fresh codes come out sorted and distinct, slotted in where they belong
        (`np.insert`) rather than the whole cache sorted again each round."""
        distinct, inverse = np.unique(codes, return_inverse=True)
        at = np.searchsorted(self._codes, distinct)
        seen = at < len(self._codes)
        seen[seen] = self._codes[at[seen]] == distinct[seen]
        fresh = distinct[~seen]
        if len(fresh):
            assert self._scorer is not None
            lo, hi = self._scorer.rows_of(fresh)
            logits, cosines = np.empty(len(fresh)), np.empty(len(fresh))
            scorer, settings = self._scorer, self.clusterer.settings

            def score(run: slice) -> None:
                feats = scorer.features(lo[run], hi[run])
                logits[run] = _logits(feats, settings)
                cosines[run] = feats[:, 0]

            runs = _runs(len(fresh))
            if len(runs) > 1:
                # Threads for this call only: none is left alive when ingest forks its workers.
                with ThreadPoolExecutor(max_workers=len(runs), thread_name_prefix="storyline-merge") as pool:
                    list(pool.map(score, runs))
            else:
                score(runs[0])
            slots = at[~seen]
            self._codes = np.insert(self._codes, slots, fresh)
            self._logits = np.insert(self._logits, slots, logits)
            self._cosines = np.insert(self._cosines, slots, cosines)
            at = np.searchsorted(self._codes, distinct)
        at = at[inverse.ravel()]
        return self._logits[at], self._cosines[at]


def mean_log_odds(clusterer: StoryClusterer, stories: dict[str, list[Signals]], pairs: list[tuple[str, str]],
                  days_apart_count: bool = True) -> list[float]:
    """The mean log-odds over every member of x against every member of y, for each (x, y), the
    cells scored in vectorised passes (per-pair `pair_features.pair_matrix` calls cost ~0.5 ms a pair,
    most of it numpy's per-call overhead), `_PAIRS_PER_PASS` pairs at a time so that a huge batch
    does not hold every cell and member row at once. `days_apart_count=False` leaves out the time
    between them: what the links ask, whose stories are days or weeks apart by definition."""
    out: list[float] = []
    for start in range(0, len(pairs), _PAIRS_PER_PASS):
        part = pairs[start:start + _PAIRS_PER_PASS]
        order = sorted({sid for pair in part for sid in pair})
        articles = {m.article_id: m for sid in order for m in stories[sid]}
        scorer = CellScorer(list(articles.values()), clusterer.table)
        codes, sizes = _cross_cells(order, part, stories)
        logits = np.empty(len(codes))
        for begin in range(0, len(codes), _CHUNK_CELLS):
            chunk = codes[begin:begin + _CHUNK_CELLS]
            feats = scorer.features(*scorer.rows_of(chunk))
            if not days_apart_count:
                feats[:, 6] = 0.0
            logits[begin:begin + len(chunk)] = _logits(feats, clusterer.settings)
        out.extend((np.add.reduceat(logits, np.cumsum(sizes) - sizes) / sizes).tolist())
    return out


def _runs(cells: int) -> list[slice]:
    """The cells cut into one run per core (numpy and scipy's sparse products release the GIL:
    two threads score a round's cells in ~55% of the time on two cores), runs of at most
    `_CHUNK_CELLS`, none under `_THREAD_MIN` (a thread's hand-off costs more than small runs)."""
    parts = max(1, min(_cores(), cells // _THREAD_MIN))
    size = min(_CHUNK_CELLS, -(-cells // parts))
    return [slice(begin, begin + size) for begin in range(0, cells, size)]


def _cores() -> int:
    return max(1, min(4, usable_cores()))


def _cross_cells(order: list[str], pairs: list[tuple[str, str]],
                 stories: dict[str, list[Signals]]) -> tuple[np.ndarray, np.ndarray]:
    """Every member of x against every member of y, pair by pair, as cell codes, and how many
    cells each pair has: one numpy pass for all pairs (per-pair numpy calls cost more than the
    cells of a round's typical pair, a lone article against a story of one or two)."""
    at = {sid: i for i, sid in enumerate(order)}
    lengths = np.array([len(stories[sid]) for sid in order], dtype=np.int64)
    ptr = np.cumsum(lengths) - lengths
    ids = np.array([m.article_id for sid in order for m in stories[sid]], dtype=np.int64)
    xs = np.array([at[x] for x, _ in pairs], dtype=np.int64)
    ys = np.array([at[y] for _, y in pairs], dtype=np.int64)
    na, nb = lengths[xs], lengths[ys]
    sizes = na * nb
    pair = np.repeat(np.arange(len(pairs)), sizes)
    local = np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    width = nb[pair]
    return _codes(ids[ptr[xs[pair]] + local // width], ids[ptr[ys[pair]] + local % width]), sizes


def _codes(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """One int64 per unordered article pair (every feature is symmetric)."""
    return np.minimum(a, b) * _ID_SPAN + np.maximum(a, b)
