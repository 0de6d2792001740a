"""The features of an article against another: what `cluster` weighs to say "same event".

Seven columns per pair, [cos, cross, cross*cos, overlap, jaccard, lead, day_penalty]: the
embedding cosine, whether the two languages differ (and the cosine then, which cross-lingual
pairs need their own calibration for), how much of the names and numbers each states the other
states too (IDF-weighted: `KeyTable`), whether the leads share them, and the days apart. Two ways
to compute them that agree (tests/test_cluster.py): a block of articles against a block
(`pair_matrix`, for merges) and one article against a story's members (`pair_features`, for each
arrival); the merge pass's cells (`merge_cells`) reuse the pieces.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np

from storyline.signals import KeyStats, Signals, across_languages, with_foreign_keys

FREE_DAYS = 2.0
# The overlap column's least denominator, in keys of the run's highest IDF (`KeyTable.overlap_floor`).
# The cluster sets' articles all state more (`bench/cluster_offline.py --orders 5`: the same figures
# with any floor up to 25 IDF; from 40 on DUC and ECB+ lose, .895 -> .878 and .947 -> .943); of the
# SemEval store's 2,397 pages (scratch) 5% state less than 10, Arabic and Chinese ones whose keys are
# numbers. There (floor 12.7), 14 of its 1,563 stories split, 13 of them topical mixes joined on a
# number ("2020"), one a Chinese translation whose one key was "#10"; its annotated different-event
# pairs together 26 -> 25 of 355, same-event ones the same. 2 keys (17) split 18, two translations
# among them; 3 (25) split 22. `bench/links.py` chain_f1 .855 -> .854.
OVERLAP_FLOOR_KEYS = 1.5


class KeyTable:
    """Integer ids and document frequencies of the keys seen in one run, so that the key features
    of an article against hundreds of members are a few numpy operations instead of Python set
    work per member (~35 us a member before). IDF is read from these counts with the current
    document count, exactly `KeyStats.idf`; `observe` keeps the counts of an article's keys fresh.
    """

    def __init__(self, stats: KeyStats):
        self.stats = stats
        self._ids: dict[str, int] = {}
        self._df = np.zeros(1024, dtype=np.float64)
        self._encoded: dict[frozenset[str], np.ndarray] = {}

    def observe(self, keys: Iterable[str]) -> None:
        """Count an arriving article's keys (in the stats too) before it is weighed."""
        keys = set(keys)
        self.stats.add(keys)
        df = self.stats.df  # holds every one of these keys now: a plain lookup, no store query
        for k in keys:
            i = self._id(k)  # first: a new id may grow (replace) the array
            self._df[i] = df[k]

    def _id(self, key: str) -> int:
        i = self._ids.get(key)
        if i is None:
            i = self._ids[key] = len(self._ids)
            if i >= len(self._df):
                self._df = np.concatenate([self._df, np.zeros(len(self._df))])
            self._df[i] = self.stats.df.get(key, 0)
        return i

    def encode(self, keys: frozenset[str]) -> np.ndarray:
        """Sorted key ids of a key set (cached: an article's keys are encoded once per run)."""
        out = self._encoded.get(keys)
        if out is None:
            out = self._encoded[keys] = np.array(sorted(self._id(k) for k in keys), dtype=np.int64)
        return out

    def idf(self, ids: np.ndarray) -> np.ndarray:
        return np.log((self.stats.n_docs + 1) / (self._df[ids] + 0.5))

    def overlap_floor(self) -> float:
        """The least key weight the overlap column divides by: `OVERLAP_FLOOR_KEYS` keys of the
        highest IDF this run gives (a key no other article states)."""
        return OVERLAP_FLOOR_KEYS * math.log((self.stats.n_docs + 1) / 0.5)


def _incidence(rows: list[np.ndarray], columns: np.ndarray) -> np.ndarray:
    """0/1 matrix: row i has a one in the column of each key id of rows[i]."""
    out = np.zeros((len(rows), len(columns)), dtype=np.float64)
    lengths = np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))
    if lengths.sum():
        flat = np.concatenate(rows)
        out[np.repeat(np.arange(len(rows)), lengths), np.searchsorted(columns, flat)] = 1.0
    return out


def pair_matrix(left: Sequence[Signals], right: Sequence[Signals], table: KeyTable) -> np.ndarray:
    """Features of every left article against every right one: shape (len(left), len(right), 7),
    [cos, cross, cross*cos, overlap, jaccard, lead, day_penalty].

    The IDF-weighted key sums are matrix products over 0/1 key incidence matrices of the keys the
    two sides state, so a decision costs a few numpy calls whatever the number of members.
    """
    out = _pair_matrix(left, right, table)
    if any(x.foreign_keys for x in left) or any(x.foreign_keys for x in right):
        across_languages(out, _pair_matrix([with_foreign_keys(x) for x in left],
                                           [with_foreign_keys(x) for x in right], table))
    return out


def _pair_matrix(left: Sequence[Signals], right: Sequence[Signals], table: KeyTable) -> np.ndarray:
    out = base_features(left, right)
    if out.size == 0:
        return out
    ka = [table.encode(x.keys) for x in left]
    kb = [table.encode(x.keys) for x in right]
    lda = [table.encode(x.lead_keys) for x in left]
    ldb = [table.encode(x.lead_keys) for x in right]
    columns = np.unique(np.concatenate(ka + kb + lda + ldb))
    idf = table.idf(columns)
    ka_m, kb_m = _incidence(ka, columns), _incidence(kb, columns)
    la_m, lb_m = _incidence(lda, columns), _incidence(ldb, columns)
    key_features(out, shared=(ka_m * idf) @ kb_m.T, wa=(ka_m @ idf)[:, None], wb=(kb_m @ idf)[None, :],
                 lead_hit=(la_m * idf) @ kb_m.T + (ka_m * idf) @ lb_m.T, lead_a=(la_m @ idf)[:, None],
                 lead_b=(lb_m @ idf)[None, :], floor=table.overlap_floor())
    return out


def base_features(left: Sequence[Signals], right: Sequence[Signals]) -> np.ndarray:
    """The (n, m, 7) feature block with what needs no keys filled in: cosine, language, days.
    Shared by `pair_matrix` and `pair_features`, which differ only in how they sum the keys; the
    merge pass (merge_cells.CellScorer) computes the same columns cell by cell."""
    n, m = len(left), len(right)
    out = np.zeros((n, m, 7), dtype=np.float64)
    if n == 0 or m == 0:
        return out
    va = np.stack([x.vector for x in left]).astype(np.float32, copy=False)
    vb = np.stack([x.vector for x in right]).astype(np.float32, copy=False)
    cos = (va @ vb.T).astype(np.float64)
    out[..., 0] = cos
    cross = cross_language(_language_codes(left)[:, None], _language_codes(right)[None, :])
    out[..., 1] = cross
    out[..., 2] = cross * cos
    out[..., 6] = day_penalty(_days(left)[:, None], _days(right)[None, :])
    return out


def cross_language(ca: np.ndarray, cb: np.ndarray) -> np.ndarray:
    """1.0 where two known languages differ (codes from `_language_codes`, broadcast together)."""
    return ((ca != cb) & (ca >= 0) & (cb >= 0)).astype(np.float64)


def day_penalty(da: np.ndarray, db: np.ndarray) -> np.ndarray:
    """log1p of the days between two articles past FREE_DAYS; 0 where either date is unknown (NaN)."""
    gap = np.abs(da - db)
    return np.where(np.isnan(gap), 0.0, np.log1p(np.maximum(0.0, np.nan_to_num(gap) - FREE_DAYS)))


def _days(members: Sequence[Signals]) -> np.ndarray:
    return np.array([np.nan if x.day is None else x.day for x in members], dtype=np.float64)


def key_features(out: np.ndarray, shared: np.ndarray, wa: np.ndarray, wb: np.ndarray, lead_hit: np.ndarray,
                 lead_a: np.ndarray, lead_b: np.ndarray, floor: float) -> None:
    """Overlap, Jaccard and lead columns from the IDF-weighted sums of shared and own keys; each
    side's sums come shaped to broadcast against `shared` (a block's rows and columns, or cells).

    The overlap is the share of the smaller side's key weight that the other states, but never of
    less than `floor` (`KeyTable.overlap_floor`): a page that names nothing (an Arabic page's keys
    are its numbers) would otherwise share its whole one key, "#10", with any page that prints a
    10, full overlap, and had linked an Arabic orphans' sports day to a Chinese tennis report."""
    out[..., 3] = shared / (np.maximum(np.minimum(wa, wb), floor) + 1e-9)
    out[..., 4] = shared / (wa + wb - shared + 1e-9)
    out[..., 5] = lead_hit / (lead_a + lead_b + 1e-9)


_LANGUAGES: dict[str, int] = {}


def _language_codes(members: Sequence[Signals]) -> np.ndarray:
    """A small integer per language (-1: unknown), compared as numbers rather than as strings."""
    return np.array([_LANGUAGES.setdefault(x.language, len(_LANGUAGES)) if x.language else -1 for x in members],
                    dtype=np.int64)


def pair_features(article: Signals, members: Sequence[Signals], table: KeyTable) -> np.ndarray:
    """Rows of [cos, cross, cross*cos, overlap, jaccard, lead, day_penalty] per member: row 0 of
    `pair_matrix([article], members)`, with the key sums looked up instead of multiplied.

    Every arriving article is weighed so against up to 500 members; the incidence matrices of
    `pair_matrix` (a `np.unique` and four matrices over every key of the block) cost ~3x more
    than finding each member's keys among the article's (a `searchsorted` on its sorted ids).
    tests/test_cluster.py checks both agree.
    """
    out = _pair_features(article, members, table)
    if article.foreign_keys or any(x.foreign_keys for x in members):
        across_languages(out, _pair_features(with_foreign_keys(article), [with_foreign_keys(x) for x in members],
                                             table))
    return out


def _pair_features(article: Signals, members: Sequence[Signals], table: KeyTable) -> np.ndarray:
    out = base_features([article], members)
    if out.size == 0:
        return out[0]
    m = len(members)
    ka, la = table.encode(article.keys), table.encode(article.lead_keys)
    kb, kb_owner = _flatten([table.encode(x.keys) for x in members])
    lb, lb_owner = _flatten([table.encode(x.lead_keys) for x in members])
    kb_idf, lb_idf = table.idf(kb), table.idf(lb)

    def per_member(weights: np.ndarray, owner: np.ndarray) -> np.ndarray:
        return np.bincount(owner, weights=weights, minlength=m)[:m]

    key_features(out, shared=per_member(kb_idf * _within(kb, ka), kb_owner)[None], wa=np.array([table.idf(ka).sum()]),
                 wb=per_member(kb_idf, kb_owner),
                 lead_hit=(per_member(kb_idf * _within(kb, la), kb_owner)
                           + per_member(lb_idf * _within(lb, ka), lb_owner))[None],
                 lead_a=np.array([table.idf(la).sum()]), lead_b=per_member(lb_idf, lb_owner),
                 floor=table.overlap_floor())
    return out[0]


def _flatten(rows: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """The rows' key ids end to end, and the row each came from."""
    lengths = np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))
    ids = np.concatenate(rows) if lengths.sum() else np.zeros(0, dtype=np.int64)
    return ids, np.repeat(np.arange(len(rows)), lengths)


def _within(ids: np.ndarray, among: np.ndarray) -> np.ndarray:
    """1.0 where an id is in the sorted `among`, else 0.0."""
    if not len(among) or not len(ids):
        return np.zeros(len(ids))
    at = np.minimum(np.searchsorted(among, ids), len(among) - 1)
    return (among[at] == ids).astype(np.float64)
