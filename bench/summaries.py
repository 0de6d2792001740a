"""Cited multi-source summaries on DUC 2004 (dev half) against sumy's baselines, side by side.

For each cluster the 10 documents are read and cleaned exactly as `storyline ingest` would
(`storyline.api.extract`), summarised by `storyline.summarize.summarize` (100 words), and scored
with ROUGE-1/2 recall (rouge-score, Porter stemming, stop words kept, cut to 100 words, mean over
the 4 references, then over clusters), as `../shared/eval/summaries.py` does. In the same run, on
the same cleaned text: sumy's LexRank, TextRank, LSA and SumBasic, and a lead baseline (first
sentences of the first document). Sumy is given this project's sentence splitter and a Unicode
word tokenizer, so it needs no NLTK data and nothing is downloaded.

Settings were tuned on the even clusters (sorted names: 0, 2, 4, ...); the odd ones are held
out and reported apart (`even_r2`, `odd_r2`). `--set name=value` overrides a SummarySettings
field for tuning runs. Published anchors (all 50 clusters, ROUGE-1.5.5): LexRank 7.47,
Submodular 9.35, DPP 9.62, ICSISumm 9.78 (R2 recall x100).

Ends with one line: `summaries: r2=... r1=... lexrank_r2=... ... clusters=25 uncited=0 sec=...`.
"""

from __future__ import annotations

import argparse
import dataclasses
import glob
import itertools
import os
import pathlib
import statistics
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = pathlib.Path(os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "data" / "duc2004-dev"
WORDS = 100
BASELINES = ("lexrank", "textrank", "lsa", "sumbasic")


class _Tokenizer:
    """What sumy asks of a tokenizer, from this project's splitter (no NLTK punkt download)."""

    language = "english"

    def to_sentences(self, paragraph: str) -> list[str]:
        from storyline.summarize_text import split_sentences

        return split_sentences(paragraph)

    def to_words(self, sentence: str) -> list[str]:
        import re

        return re.findall(r"[^\W_]+(?:'[^\W_]+)?", sentence)


def cut(text: str) -> str:
    return " ".join(text.split()[:WORDS])


def sumy_summary(name: str, texts: list[str]) -> str:
    """A sumy summarizer over the cluster as one document (one paragraph per article); the
    fewest sentences that reach 100 words, in the order sumy returns them."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.sum_basic import SumBasicSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    cls = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer, "lsa": LsaSummarizer,
           "sumbasic": SumBasicSummarizer}[name]
    summarizer = cls(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    doc = PlaintextParser.from_string("\n\n".join(t.replace("\n", " ") for t in texts), _Tokenizer()).document
    total = len(doc.sentences)
    cache: dict[int, list[str]] = {}

    def run(k: int) -> list[str]:
        if k not in cache:
            cache[k] = [str(s) for s in summarizer(doc, k)]
        return cache[k]

    def long_enough(k: int) -> bool:
        return k >= total or len(" ".join(run(k)).split()) >= WORDS

    # Start from a guess (newswire sentences run 20-30 words) and walk to the fewest that reach 100.
    k = min(total, 4)
    while not long_enough(k):
        k += 1
    while k > 1 and long_enough(k - 1):
        k -= 1
    chosen = run(k) if total else []
    return " ".join(chosen)


def lead_summary(texts: list[str]) -> str:
    return texts[0] if texts else ""


def load(cluster: pathlib.Path):
    from storyline.api import extract
    from storyline.model import Article

    files = sorted(glob.glob(str(cluster / "docs" / "*.txt")))
    articles = [a for a in extract(files) if isinstance(a, Article)]
    refs = [pathlib.Path(f).read_text(encoding="utf-8", errors="replace")
            for f in sorted(glob.glob(str(cluster / "refs" / "*.txt")))]
    return articles, refs


def fit(clusters: list[pathlib.Path], l2: float = 1e-3) -> tuple[float, ...]:
    """Fit the concept model: logistic regression of the share of references that contain a
    concept bigram on `concept_features`, over the given clusters (the even ones)."""
    import numpy as np

    from storyline import summarize as S
    from storyline.summarize_text import stem, words

    rows, target = [], []
    for cluster in clusters:
        articles, refs = load(cluster)
        texts = [a.text for a in articles]
        stop, english = S._stopwords(texts)
        sentences = S._candidates(texts, stop, english, S.DEFAULT_SETTINGS)
        ref_bigrams = []
        for ref in refs:
            stems = [stem(w) for w in words(ref)]
            ref_bigrams.append(set(itertools.pairwise(stems)))
        for b, f in S.concept_features(sentences, len(texts), S.DEFAULT_SETTINGS).items():
            rows.append(f)
            target.append(sum(b in r for r in ref_bigrams) / len(ref_bigrams))
    x, y = np.array(rows), np.array(target)
    mu, sd = x.mean(0), x.std(0)
    mu[-1], sd[-1] = 0.0, 1.0  # the constant column
    sd[sd == 0] = 1.0
    z = (x - mu) / sd
    w = np.zeros(x.shape[1])
    for _ in range(3000):  # gradient descent on standardised features: convex, converges
        p = 1 / (1 + np.exp(-z @ w))
        w -= 0.5 * (z.T @ (p - y) / len(y) + l2 * w)
    raw = w / sd
    raw[-1] = w[-1] - float(np.sum(w[:-1] * mu[:-1] / sd[:-1]))
    return tuple(round(float(v), 3) for v in raw)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--smoke", action="store_true", help="two clusters, baselines included")
    parser.add_argument("--limit", type=int, default=0, help="first N clusters only")
    parser.add_argument("--split", choices=["all", "even", "odd"], default="all")
    parser.add_argument("--no-baselines", action="store_true")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="override a SummarySettings field (tuning)")
    parser.add_argument("--show", action="store_true", help="print our summaries")
    parser.add_argument("--fit", action="store_true", help="fit CONCEPT_MODEL on the even clusters and print it")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"summaries: skipped ({DATA} not found)")
        return
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        print("summaries: skipped (rouge-score not installed: pip install -e '.[bench]')")
        return
    from storyline.summarize import SummarySettings, summarize

    settings = SummarySettings()
    for item in args.set:
        key, value = item.split("=", 1)
        kind = type(getattr(settings, key))
        settings = dataclasses.replace(settings, **{key: kind(value)})
    clusters = sorted(p for p in DATA.iterdir() if (p / "docs").is_dir())
    if args.fit:
        print("CONCEPT_MODEL =", fit(clusters[::2]))
        return
    indexed = list(enumerate(clusters))
    if args.split != "all":
        indexed = [(i, c) for i, c in indexed if i % 2 == (0 if args.split == "even" else 1)]
    if args.smoke:
        indexed = indexed[:2]
    elif args.limit:
        indexed = indexed[: args.limit]
    methods = ["ours"] + ([] if args.no_baselines else [*BASELINES, "lead"])
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    r1: dict[str, list[float]] = {m: [] for m in methods}
    r2: dict[str, list[float]] = {m: [] for m in methods}
    parity: dict[int, list[float]] = {0: [], 1: []}
    uncited, seconds = 0, 0.0
    for i, cluster in indexed:
        articles, refs = load(cluster)
        start = time.perf_counter()
        summary = summarize(articles, WORDS, settings)
        seconds += time.perf_counter() - start
        uncited += sum(1 for s in summary if not s.sources)
        texts = {"ours": " ".join(s.text for s in summary)}
        if args.show:
            for s in summary:
                print(f"    [{len(s.sources)}] {s.text}")
        for m in methods[1:]:
            texts[m] = lead_summary([a.text for a in articles]) if m == "lead" else \
                sumy_summary(m, [a.text for a in articles])
        line = []
        for m in methods:
            scores = [scorer.score(ref, cut(texts[m])) for ref in refs]
            r1[m].append(100 * statistics.mean(s["rouge1"].recall for s in scores))
            r2[m].append(100 * statistics.mean(s["rouge2"].recall for s in scores))
            line.append(f"{m}={r2[m][-1]:.2f}")
        parity[i % 2].append(r2["ours"][-1])
        print(f"  {cluster.name} R2 " + " ".join(line), flush=True)
    if not indexed:
        print("summaries: skipped (no clusters)")
        return
    for m in methods:
        print(f"  {m:9s} R1={statistics.mean(r1[m]):.2f} R2={statistics.mean(r2[m]):.2f}")
    figures = [f"r2={statistics.mean(r2['ours']):.2f}", f"r1={statistics.mean(r1['ours']):.2f}"]
    figures += [f"{m}_r2={statistics.mean(r2[m]):.2f}" for m in methods[1:]]
    figures += [f"{name}_r2={statistics.mean(parity[p]):.2f}" for p, name in ((0, "even"), (1, "odd")) if parity[p]]
    figures += [f"clusters={len(indexed)}", f"uncited={uncited}", f"sec={seconds:.2f}"]
    print("summaries: " + " ".join(figures))


if __name__ == "__main__":
    main()
