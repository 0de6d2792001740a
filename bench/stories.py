"""Throughput of the story stage end to end, and what assigning one article costs as the store grows.

1. A stream of real articles (Timeline17, DUC, ECB+, MEANTIME as plain-text files, shuffled with
   a fixed seed) ingested end to end (read, clean, store, embed, cluster) with each embedder, each
   in a fresh process so peak memory is its own; store bytes per article beyond the text; and
   where the CPU went, per stage and article, over the main process and its workers
   (`IngestStats.cpu_seconds`): on two cores the articles/s can be at most 2000 / that total.
2. Beside it, in the same run, the baseline the issue names: TF-IDF + average-linkage
   agglomerative clustering (scikit-learn) over the same documents.
3. The cost of assigning one article (ANN search + the clusterer's decision) with 10k, 100k and
   1M stories indexed, on synthetic vectors and keys (real ones would take hours to compute):
   p50 and p99 milliseconds.
4. A feed ingested day by day (fast mode): a store holding 30 days of 100 articles a day, then
   three ingests of the next days' 100 each (dated, as a feed's items are). Each small ingest
   reloads the stories still open (and those a new story may continue: the last 60 days) and
   weighs its articles against them: the story stage's CPU per article of those ingests
   (`incr_ms`) is what a user who ingests a feed every day pays, beside the big batch's.

Ends with one line of figures. `--smoke` runs small sizes (used by the test suite).

Store bytes per article beyond the text (`bytes_per_article`): the whole file (database, WAL and
shared memory, after the store is closed) less the UTF-8 bytes of every title and body, less the
full-text index (reported apart: it indexes the text itself), over the articles stored. With the
default model on the 1,000-article stream, of ~1,950 bytes: the article row past its text ~610
(~230 of metadata: source, two hashes, the line structure, dates; ~345 of page slack, since a
~7 KB text leaves a 0.2-2 KB piece in a leaf page; ~30 of page and overflow links); the signals
~790 (512-byte vector and its scale, ~205 bytes of keys, three rows to a 2 KB page); key
frequencies ~195; the indexes on source and content hash ~70; stories, their members, aliases
and links ~165; the indexes that keep each ingest's and each listing's lookups from reading the
whole store (signal rows by day, stories by last day, aliases and links by story) ~55; pages
every store has (schema, empty analysis tables, pointer map, the keys dictionary) ~75, which
shrink per article as the store grows.
"""

from __future__ import annotations

import argparse
import datetime
import glob
import json
import os
import pathlib
import random
import resource
import subprocess
import sys
import tempfile
import time

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = pathlib.Path(os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared"))


def stream_documents(limit: int) -> list[tuple[str, bytes]]:
    """(name, bytes) of `limit` documents of the shared corpora, shuffled with a fixed seed: the
    text files of Timeline17, DUC and MEANTIME as they are, and ECB+'s documents as the cluster
    scorer writes them (`sets.ecb`: a line a sentence, its tokens joined by spaces). Empty when
    the data is absent."""
    data = SHARED / "data"
    files = sorted(glob.glob(str(data / "timeline17/*/InputDocs/*/*.txt")))
    files += sorted(glob.glob(str(data / "duc2004-dev/*/docs/*.txt")))
    files += sorted(glob.glob(str(data / "meantime/*/*.txt")))
    pool: list[tuple[str, bytes | None]] = [(f, None) for f in files]
    if (data / "ecbplus-dev").exists():
        from cluster_offline import eval_sets

        pool += [(f"ecbplus/{doc_id}", text.encode("utf-8")) for doc_id, text, _, _ in eval_sets().ecb(str(data))]
    random.Random(7).shuffle(pool)
    return [(name, pathlib.Path(name).read_bytes() if body is None else body) for name, body in pool[:limit]]


def run_one(embedder: str, docs: list[tuple[str, bytes]], out_json: str) -> None:
    """Child process: ingest the stream end to end and report figures as JSON."""
    from storyline.pipeline import ingest_paths
    from storyline.store import Store
    from storyline.stories import StorySettings

    with tempfile.TemporaryDirectory() as tmp:
        corpus = pathlib.Path(tmp) / "corpus"
        corpus.mkdir()
        for i, (_, body) in enumerate(docs):
            (corpus / f"{i:06d}.txt").write_bytes(body)
        db = str(pathlib.Path(tmp) / "bench.db")
        start = time.perf_counter()
        stats = ingest_paths([str(corpus)], db, stories=StorySettings(embedder=embedder))
        seconds = time.perf_counter() - start
        with Store(db) as store:
            text_bytes = store.db.execute("SELECT coalesce(sum(length(CAST(text AS BLOB)) + "
                                          "length(CAST(coalesce(title, '') AS BLOB))), 0) FROM articles").fetchone()[0]
            n = store.count_articles()
            stories = store.db.execute("SELECT count(*) FROM stories").fetchone()[0]
            # The full-text index is an index of the text itself: reported apart.
            fts = store.db.execute("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name LIKE 'articles_fts%'"
                                   ).fetchone()[0]
        size = sum(os.path.getsize(p) for p in glob.glob(db + "*"))
    figures = {"seconds": seconds, "articles": n, "stories": stories, "errors": stats.errors,
               "cpu_ms_per_article": {k: 1000 * v / max(n, 1) for k, v in stats.cpu_seconds.items()},
               "bytes_per_article": (size - text_bytes - fts) / max(n, 1), "fts_bytes_per_article": fts / max(n, 1),
               "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    pathlib.Path(out_json).write_text(json.dumps(figures))


def tfidf_agglomerative(docs: list[tuple[str, bytes]]) -> float:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    start = time.perf_counter()
    texts = [body.decode("utf-8", errors="replace") for _, body in docs]
    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts).toarray()
    matrix[~matrix.any(axis=1), 0] = 1.0
    AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                            distance_threshold=0.8).fit_predict(matrix)
    return len(docs) / (time.perf_counter() - start)


def assignment_cost(n_stories: int, dim: int, queries: int) -> tuple[float, float, float, float]:
    """p50 and p99 ms of one assignment with `n_stories` single-member stories indexed, the share
    of queries whose source vector was among the hits (the index's recall on this data), and the
    seconds the index took to build.

    The queries are a story's vector plus noise of about its own length (cosine ~0.66 to it), in
    512-d random directions with no cluster structure: the hardest case for an inverted file."""
    from storyline.ann import VectorIndex
    from storyline.cluster import StoryClusterer
    from storyline.signals import KeyStats, Signals

    rng = np.random.default_rng(0)
    vocab = [f"k{i}" for i in range(50_000)]
    stats = KeyStats()
    index = VectorIndex(dim, expected=n_stories)
    signals: dict[int, Signals] = {}
    chunk = 50_000
    built = time.perf_counter()
    for start in range(0, n_stories, chunk):
        count = min(chunk, n_stories - start)
        centres = rng.standard_normal((count, dim)).astype(np.float32)
        centres /= np.linalg.norm(centres, axis=1, keepdims=True)
        index.add(list(range(start, start + count)), centres)
        for i in range(count):
            keys = frozenset(vocab[j] for j in rng.integers(0, len(vocab), 12))
            signals[start + i] = Signals(start + i, centres[i], keys, frozenset(list(keys)[:4]), 19000, "en")
            stats.add(keys)
    built = time.perf_counter() - built
    clusterer = StoryClusterer(stats)
    times = []
    found = 0
    for q in range(queries):
        base_id = int(rng.integers(0, n_stories))
        base = signals[base_id]
        vector = base.vector + 0.05 * rng.standard_normal(dim).astype(np.float32)
        vector /= np.linalg.norm(vector)
        article = Signals(-q - 1, vector, base.keys, base.lead_keys, 19000, "en")
        t0 = time.perf_counter()
        hits = index.search(article.vector, 50)
        clusterer.assign(article, {str(i): [signals[i]] for i, _ in hits})
        times.append((time.perf_counter() - t0) * 1000)
        found += any(i == base_id for i, _ in hits)
    return float(np.percentile(times, 50)), float(np.percentile(times, 99)), found / queries, built


def incremental(per_day: int, base_days: int, days: int) -> tuple[float, float, int]:
    """Story-stage CPU ms per article and mean wall seconds of `days` daily ingests of `per_day`
    articles into a store of `base_days` days of them, and the articles stored before them."""
    from storyline.pipeline import ingest_paths
    from storyline.stories import StorySettings

    docs = stream_documents(per_day * (base_days + days))
    start = datetime.date(2020, 1, 1)
    with tempfile.TemporaryDirectory() as tmp:
        def feed(name: str, first: int, count: int) -> str:
            path = os.path.join(tmp, f"{name}.jsonl")
            with open(path, "w", encoding="utf-8") as out:
                for i in range(first, min(first + count, len(docs))):
                    day = start + datetime.timedelta(days=i // per_day)
                    text = docs[i][1].decode("utf-8", errors="replace")
                    out.write(json.dumps({"source": f"feed/{i}", "published": day.isoformat(), "text": text}) + "\n")
            return path

        db = os.path.join(tmp, "feed.db")
        settings = StorySettings(embedder="fast")
        base = ingest_paths([feed("base", 0, per_day * base_days)], db, stories=settings)
        cpu, added, wall = 0.0, 0, 0.0
        for d in range(days):
            t0 = time.perf_counter()
            stats = ingest_paths([feed(f"day{d}", per_day * (base_days + d), per_day)], db, stories=settings)
            wall += time.perf_counter() - t0
            cpu += stats.cpu_seconds.get("stories", 0.0)
            added += stats.added
    return 1000 * cpu / max(added, 1), wall / max(days, 1), base.added


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("--sizes", default="10000,100000,1000000",
                    help="story counts for the assignment cost, comma-separated")
    ap.add_argument("--one", nargs=3, metavar=("EMBEDDER", "N", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        run_one(args.one[0], stream_documents(int(args.one[1])), args.one[2])
        return 0
    if not stream_documents(1):
        print(f"stories: skipped ({SHARED}/data not found; set STORYLINE_SHARED)")
        return 0
    n_use, n_fast = (40, 80) if args.smoke else (1000, 3000)
    figures: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for embedder, n in (("fast", n_fast), ("use", n_use)):
            out = os.path.join(tmp, f"{embedder}.json")
            subprocess.run([sys.executable, __file__, "--one", embedder, str(n), out], check=True)
            figures[embedder] = json.loads(pathlib.Path(out).read_text())
            f = figures[embedder]
            print(f"  {embedder}: {f['articles']} articles in {f['seconds']:.1f}s -> {f['stories']} stories, "
                  f"{f['bytes_per_article']:.0f} store bytes/article beyond the text and "
                  f"{f['fts_bytes_per_article']:.0f} of full-text index, peak RSS "
                  f"{f['peak_rss_mb']:.0f} MB", flush=True)
            cpu = f["cpu_ms_per_article"]
            print(f"    CPU ms an article, all processes: {sum(cpu.values()):.1f} = "
                  + " + ".join(f"{stage} {ms:.2f}" for stage, ms in sorted(cpu.items(), key=lambda kv: -kv[1])),
                  flush=True)
    baseline = tfidf_agglomerative(stream_documents(n_use))
    sizes = (2_000, 10_000) if args.smoke else tuple(int(n) for n in args.sizes.split(","))
    costs = {}
    for n in sizes:
        costs[n] = assignment_cost(n, 512, 200 if args.smoke else 1000)
        print(f"  assign with {n} stories indexed: p50 {costs[n][0]:.2f} ms, p99 {costs[n][1]:.2f} ms, "
              f"source found {costs[n][2]:.0%}, index built in {costs[n][3]:.0f}s", flush=True)
    cost_figures = " ".join(f"p99_ms_{n // 1000}k={c[1]:.1f}" for n, c in costs.items())
    per_day, base_days, days = (10, 3, 1) if args.smoke else (100, 30, 3)
    incr_ms, incr_wall, stored = incremental(per_day, base_days, days)
    print(f"  a feed day by day (fast): {days} ingest(s) of {per_day} dated articles into a store of {stored} "
          f"over {base_days} days: story stage {incr_ms:.1f} ms CPU an article, {incr_wall:.1f} s an ingest",
          flush=True)
    print(f"stories: use_per_sec={figures['use']['articles'] / figures['use']['seconds']:.1f} "
          f"fast_per_sec={figures['fast']['articles'] / figures['fast']['seconds']:.1f} "
          f"tfidf_agglo_per_sec={baseline:.1f} {cost_figures} incr_ms={incr_ms:.1f} "
          f"bytes_per_article={figures['use']['bytes_per_article']:.0f} "
          f"peak_rss_mb={max(f['peak_rss_mb'] for f in figures.values()):.0f} docs={n_use + n_fast}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
