"""Calibration of the cross-language part of the same-event pair model on SemEval-2022 Task 8.

The cluster sets hold no independently written same-event reports in two languages (MEANTIME's
are translations), so `w_cross` / `w_cross_cos` fitted there say "two languages: different event
unless translated". SemEval-2022 Task 8 pairs (`$STORYLINE_SHARED/data/semeval2022-task8-pairs`)
are human-scored news pairs, 383 of them across two languages: the missing evidence.

Each text is read as `storyline compare` reads it (no title, language detected, USE vector, keys
with IDF over all texts of the file), and its pair features are those of `cluster.pair_matrix`.
Same event: Overall <= 1.5, different: Overall >= 3.5 (the shared task's and similarity.py's
split); pairs in between are left out. Rows are numbered as `similarity.py` numbers them; the
fit uses the even rows only, the odd rows are held out.

The model: logistic regression with the current pair log-odds as a fixed offset, plus a free
intercept for all pairs (SemEval's pairs are not stream pairs, so the overall level shifts) and
free cross-language terms [cross, cross*cos, cross*overlap]. Only the cross-language terms are
carried into `ClusterSettings`: they are what two languages add beyond the domain shift that the
same-language pairs measure.

Prints, per candidate set of cross-language terms, the fitted weights (added to the current
ones) and on each half: the cross-language pair AUC, and the shares of same-event and
different-event cross pairs whose log-odds clear 0 (the lone-language merge bar). The candidate
is chosen on the even rows' AUC; only terms over the seven features of `pair_matrix` can be
carried over (the merge pass computes those itself).

Usage: python bench/cross_fit.py [--cache FILE] [--c C]
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import os
import pathlib
import sys

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storyline.cluster import DEFAULT_CLUSTER, KeyTable, _logits, pair_matrix  # noqa: E402

# The offset: the pair model as the cluster sets alone fitted it (before this calibration), so the
# fit can be rerun after the defaults carry its result.
BEFORE = dataclasses.replace(DEFAULT_CLUSTER, w_cross=-4.82, w_cross_cos=0.17)

SHARED = pathlib.Path(os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared"))
PAIRS = SHARED / "data" / "semeval2022-task8-pairs" / "pairs.csv"


def features(rows: list[dict[str, str]]) -> np.ndarray:
    """(n, 7) pair features as the story stage computes them, one row per pair."""
    from storyline.clean.language import detect_language
    from storyline.embed import embedding_text, get_embedder
    from storyline.signals import KeyStats, article_signals

    model = get_embedder("use")
    texts = [t for r in rows for t in (r["text1"], r["text2"])]
    vectors = []
    for start in range(0, len(texts), 64):
        vectors.extend(model.embed([embedding_text(None, t) for t in texts[start:start + 64]]))
    signals = [article_signals(i, None, t, None, detect_language(t), v)
               for i, (t, v) in enumerate(zip(texts, vectors, strict=True))]
    stats = KeyStats()
    for s in signals:
        stats.add(s.keys)
    table = KeyTable(stats)
    for s in signals:
        table.observe(s.keys)
    return np.stack([pair_matrix([signals[2 * n]], [signals[2 * n + 1]], table)[0, 0] for n in range(len(rows))])


def fit(x: np.ndarray, offset: np.ndarray, y: np.ndarray, weight: np.ndarray, c: float = 1.0) -> np.ndarray:
    """Logistic regression with a fixed offset (L2 `1/c` on all but the intercept, as sklearn's C)."""
    from scipy.optimize import minimize

    ridge = np.full(x.shape[1], 1.0 / c)
    ridge[0] = 0.0

    def loss(beta: np.ndarray) -> tuple[float, np.ndarray]:
        z = offset + x @ beta
        p = 0.5 * (1.0 + np.tanh(0.5 * z))
        value = float(np.sum(weight * (np.logaddexp(0.0, z) - y * z)) + 0.5 * np.sum(ridge * beta**2))
        return value, x.T @ (weight * (p - y)) + ridge * beta

    return np.asarray(minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B").x)


def auc(scores: np.ndarray, positive: np.ndarray) -> float:
    pos, neg = scores[positive], scores[~positive]
    if not len(pos) or not len(neg):
        return float("nan")
    return float(((pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum())
                 / (len(pos) * len(neg)))


CANDIDATES = {  # free cross-language terms besides the shared shift: (name, column of the design)
    "cross": ("cross",),
    "cross*cos": ("cross*cos",),
    "cross + cross*cos": ("cross", "cross*cos"),
    "cross + cross*cos + cross*overlap": ("cross", "cross*cos", "cross*overlap"),
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default=None, help="npy file for the pair features (computed once)")
    ap.add_argument("--c", type=float, default=1.0, help="inverse L2 strength, as sklearn's C")
    args = ap.parse_args()
    if not PAIRS.exists():
        return
    with PAIRS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if args.cache and os.path.exists(args.cache):
        feats = np.load(args.cache)
    else:
        feats = features(rows)
        if args.cache:
            np.save(args.cache, feats)
    overall = np.array([float(r["Overall"]) for r in rows])
    cross = feats[:, 1] > 0  # the languages the story stage detects, not the file's columns
    even = np.arange(len(rows)) % 2 == 0
    keep = (overall <= 1.5) | (overall >= 3.5)
    y = (overall <= 1.5).astype(float)
    offset = _logits(feats, BEFORE)
    columns = {"cross": feats[:, 1], "cross*cos": feats[:, 2], "cross*overlap": feats[:, 1] * feats[:, 3]}
    train = keep & even
    weight = np.zeros(len(rows))
    for group in (cross, ~cross):  # each language kind, positives and negatives balanced
        for label in (0.0, 1.0):
            m = train & group & (y == label)
            weight[m] = 0.25 / max(m.sum(), 1)
    weight *= train.sum()

    def figures(logits: np.ndarray, half: np.ndarray) -> str:
        m = keep & half & cross
        pos, neg = m & (y == 1), m & (y == 0)
        return (f"auc={auc(logits[m], y[m] == 1):.3f} same>0={np.mean(logits[pos] > 0):.2f} "
                f"different>0={np.mean(logits[neg] > 0):.2f}")

    print(f"cross-language pairs kept: even {np.sum(keep & even & cross)}, odd {np.sum(keep & ~even & cross)}; "
          f"log-odds > 0 is the lone-language merge bar")
    print(f"  before: even {figures(offset, even)} | odd {figures(offset, ~even)}")
    now = _logits(feats, DEFAULT_CLUSTER)
    print(f"  defaults now: even {figures(now, even)} | odd {figures(now, ~even)}")
    for name, terms in CANDIDATES.items():
        design = np.column_stack([np.ones(len(rows))] + [columns[t] for t in terms])
        beta = fit(design, offset, y, weight, args.c)
        new = offset + design[:, 1:] @ beta[1:]
        added = " ".join(f"{t}{b:+.2f}" for t, b in zip(terms, beta[1:], strict=True))
        print(f"  {name}: shift {beta[0]:+.2f}, {added}: even {figures(new, even)} | odd {figures(new, ~even)}")


if __name__ == "__main__":
    main()
