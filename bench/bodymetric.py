"""The article-extraction benchmark's own metric, shared by bench/extract.py and bench/plain.py.

Word tokens (`\\w+`), 4-gram shingle multisets of truth and prediction give tp/fp/fn normalised per
page; precision and recall are averaged over pages and F1 is taken from the two averages. Written
again here (not imported from ../shared) so the benchmarks run wherever the data is.
"""

from __future__ import annotations

import collections
import re
import statistics

TOKEN = re.compile(r"\w+")
Row = tuple[float, float, float]


def shingles(text: str, n: int = 4) -> collections.Counter[tuple[str, ...]]:
    toks = TOKEN.findall(text or "")
    return collections.Counter(tuple(toks[i:i + n]) for i in range(max(1, len(toks) - n + 1)) if toks[i:i + n])


def tp_fp_fn(truth: str, pred: str) -> Row:
    t, p = shingles(truth), shingles(pred)
    tp, fp, fn = sum((t & p).values()), sum((p - t).values()), sum((t - p).values())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def prf(rows: list[Row]) -> tuple[float, float, float]:
    """Precision and recall averaged over pages, F1 of the two means (the benchmark's own rule)."""

    def prec(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def rec(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))

    p = statistics.mean([prec(*r) for r in rows if r[0] + r[1] > 0] or [0.0])
    r = statistics.mean([rec(*r) for r in rows if r[0] + r[2] > 0] or [0.0])
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
