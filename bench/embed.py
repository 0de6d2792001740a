"""Embedding benchmark: do cosines of our embedders follow human judgements of "same story"?

    .venv/bin/python bench/embed.py            # all 1,283 pairs (about a minute on 2 cores)
    .venv/bin/python bench/embed.py --smoke    # first 60 pairs, for the test suite

Data: SemEval-2022 Task 8 pairs (`$STORYLINE_SHARED/data/semeval2022-task8-pairs/pairs.csv`,
news articles in 10 languages, ~1,000 characters each, human "Overall" similarity 1-4). For USE,
the distilled fast model and a TF-IDF char_wb 3-5 baseline (fitted on the texts of this run), all
computed here in the same run:

- r: Pearson of the cosine with -Overall (the shared task's metric), over all pairs; rx over the
  cross-language pairs only;
- auc: ROC AUC of same event (Overall <= 1.5) against different event (Overall >= 3.5);
- docs/s: texts embedded per second after the model is loaded.

Prints a table per language pair, then one line:
`embed: use_r=... use_rx=... use_auc=... use_docs_per_sec=... fast_... tfidf_... pairs=N`.
"""

from __future__ import annotations

import argparse
import csv
import os
import pathlib
import sys
import time
from collections.abc import Callable

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storyline.embed import embedding_text, get_embedder  # noqa: E402

SHARED = pathlib.Path(os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared"))
PAIRS = SHARED / "data" / "semeval2022-task8-pairs" / "pairs.csv"
SMOKE_PAIRS = 60


def read_pairs(limit: int | None) -> list[dict[str, str]]:
    with PAIRS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return rows[:limit] if limit else rows


def auc(scores: np.ndarray, positive: np.ndarray) -> float:
    """ROC AUC by ranks (ties get their average rank)."""
    order = scores.argsort(kind="mergesort")
    ranks = np.empty(len(scores))
    ranks[order] = np.arange(1, len(scores) + 1)
    for value in np.unique(scores):  # average ranks over ties
        tied = scores == value
        if tied.sum() > 1:
            ranks[tied] = ranks[tied].mean()
    n_pos = int(positive.sum())
    n_neg = len(positive) - n_pos
    if not n_pos or not n_neg:
        return float("nan")
    return float((ranks[positive].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def pearson(x: np.ndarray, y: np.ndarray) -> float:
    if len(x) < 3 or np.std(x) == 0 or np.std(y) == 0:
        return float("nan")
    return float(np.corrcoef(x, y)[0, 1])


def tfidf_vectors(texts: list[str]) -> np.ndarray:
    """TF-IDF over character 3-5-grams within word bounds, rows L2-normalised (sparse -> dense)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True).fit_transform(texts)
    return matrix  # type: ignore[no-any-return]


def pair_cosines(embed: Callable[[list[str]], object], texts: list[str], left: np.ndarray,
                 right: np.ndarray) -> tuple[np.ndarray, float]:
    """Cosine of each pair and the embedding speed in texts per second."""
    started = time.perf_counter()
    vectors = embed(texts)
    elapsed = time.perf_counter() - started
    if hasattr(vectors, "multiply"):  # scipy sparse rows (TF-IDF), already normalised
        cosines = np.asarray(vectors[left].multiply(vectors[right]).sum(axis=1)).ravel()  # type: ignore[index]
    else:
        dense = np.asarray(vectors)
        cosines = np.einsum("ij,ij->i", dense[left], dense[right])
    return cosines, len(texts) / max(elapsed, 1e-9)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--smoke", action="store_true", help=f"first {SMOKE_PAIRS} pairs only")
    args = parser.parse_args()
    if not PAIRS.exists():
        print(f"embed: skipped ({PAIRS} not found; set STORYLINE_SHARED)")
        return 0

    rows = read_pairs(SMOKE_PAIRS if args.smoke else None)
    texts: list[str] = []
    index: dict[str, int] = {}
    left, right = [], []
    for row in rows:
        for key, side in (("text1", left), ("text2", right)):
            text = embedding_text(None, row[key])
            side.append(index.setdefault(text, len(index)))
            if len(index) > len(texts):
                texts.append(text)
    left_ix, right_ix = np.array(left), np.array(right)
    overall = np.array([float(row["Overall"]) for row in rows])
    cross = np.array([row["lang1"] != row["lang2"] for row in rows])
    langs = np.array([f"{row['lang1']}-{row['lang2']}" for row in rows])
    decided = (overall <= 1.5) | (overall >= 3.5)

    models: dict[str, Callable[[list[str]], object]] = {}
    for name in ("use", "fast"):
        model = get_embedder(name)
        model.embed(texts[:2])  # load outside the timing
        models[name] = model.embed
    models["tfidf"] = tfidf_vectors

    figures: dict[str, str] = {}
    by_pair: dict[str, dict[str, float]] = {}
    for name, embed in models.items():
        cosines, speed = pair_cosines(embed, texts, left_ix, right_ix)
        figures[f"{name}_r"] = f"{pearson(cosines, -overall):.3f}"
        figures[f"{name}_rx"] = f"{pearson(cosines[cross], -overall[cross]):.3f}"
        figures[f"{name}_auc"] = f"{auc(cosines[decided], overall[decided] <= 1.5):.3f}"
        figures[f"{name}_docs_per_sec"] = f"{speed:.0f}"
        by_pair[name] = {pair: pearson(cosines[langs == pair], -overall[langs == pair]) for pair in set(langs)}

    print(f"{'pair':8} {'n':>5} " + " ".join(f"{name:>7}" for name in models))
    for pair in sorted(set(langs), key=lambda p: (-int((langs == p).sum()), p)):
        print(f"{pair:8} {int((langs == pair).sum()):5d} "
              + " ".join(f"{by_pair[name][pair]:7.3f}" for name in models))
    print("embed: " + " ".join(f"{k}={v}" for k, v in figures.items()) + f" pairs={len(rows)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
