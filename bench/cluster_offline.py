"""Offline simulation of the online story clustering on the shared sets, beside a TF-IDF baseline.

Runs each set's documents through the real reader, cleaner, `embedding_text` and USE (cached in
`--cache`, as the embedding is the slow part), then replays exactly the procedure the pipeline
runs: articles in order of publication day (undated ones after, in arrival order = sorted file
name), `stats.add(keys)` before each assignment, candidates = stories of the 50 nearest articles
within the clusterer's day window (50 most recent members each), `assign`, and after the batch
`merges` until nothing merges. Prints BCubed F1 per set (all docs, and the even/odd halves used to
fit and to check the constants), and a TF-IDF + average-linkage baseline with its best threshold
picked on the answers (an optimistic baseline).

Usage: python bench/cluster_offline.py [--cache /tmp/storyline_cluster_sets.pkl] [SET ...]
Reads `$STORYLINE_SHARED` (default ../shared); exits quietly when the data is absent.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import tempfile
import time
from typing import Any

import numpy as np

from storyline.cluster import DEFAULT_CLUSTER, ClusterSettings, StoryClusterer
from storyline.signals import KeyStats, Signals, article_signals

SHARED = os.environ.get("STORYLINE_SHARED", os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
SETS = ("duc", "ecb", "meantime", "meantime-body")
NEIGHBOURS = 50
RECENT = 50


def _eval_module() -> Any:
    sys.path.insert(0, os.path.join(SHARED, "eval"))
    import sets  # type: ignore[import-not-found]

    return sets


def load(name: str, cache: str | None) -> tuple[list[dict[str, Any]], np.ndarray, dict[str, str]]:
    """(records in arrival order, USE vectors, gold) for one set; records as the CLI would store them."""
    if cache and os.path.exists(cache):
        with open(cache, "rb") as f:
            data = pickle.load(f)
        if name in data:
            return data[name]
    from storyline.clean import clean
    from storyline.embed import UseEmbedder, embedding_text
    from storyline.ingest import read_all
    from storyline.ingest.errors import InputError

    sets = _eval_module()
    root = os.path.join(SHARED, "data")
    loaders = {"duc": lambda: sets.duc(root), "ecb": lambda: sets.ecb(root),
               "meantime": lambda: sets.meantime(root), "meantime-body": lambda: sets.meantime(root, strip=True)}
    docs = loaders[name]()
    gold = {d: g for d, _, g, _ in docs}
    recs = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus")
        for doc_id, text, _, _ in docs:
            path = os.path.join(corpus, doc_id + ".txt")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        for item in read_all([corpus]):
            if isinstance(item, InputError):
                continue
            a = clean(item)
            if len(a.text.strip()) < 40:  # the CLI rejects these as bad input
                continue
            rel = os.path.relpath(item.source, corpus)[:-4]
            recs.append(dict(doc_id=rel, gold=gold[rel], title=a.title, text=a.text,
                             published=a.published, language=a.language))
    vectors = UseEmbedder().embed([embedding_text(r["title"], r["text"]) for r in recs])
    if cache:
        data = {}
        if os.path.exists(cache):
            with open(cache, "rb") as f:
                data = pickle.load(f)
        data[name] = (recs, vectors, gold)
        with open(cache, "wb") as f:
            pickle.dump(data, f)
    return recs, vectors, gold


def signals_of(recs: list[dict[str, Any]], vectors: np.ndarray) -> list[Signals]:
    return [article_signals(i, r["title"], r["text"], r["published"], r["language"], vectors[i])
            for i, r in enumerate(recs)]


def simulate(sigs: list[Signals], settings: ClusterSettings = DEFAULT_CLUSTER) -> list[int]:
    """Story label per article, by the online procedure the pipeline runs (module doc)."""
    order = sorted(range(len(sigs)), key=lambda i: (sigs[i].day is None, sigs[i].day or 0, i))
    stats = KeyStats()
    clusterer = StoryClusterer(stats, settings)
    story_of: dict[int, str] = {}
    members: dict[str, list[int]] = {}
    last_day: dict[str, int | None] = {}
    done: list[int] = []
    mat = np.stack([s.vector for s in sigs]).astype(np.float32)
    for i in order:
        a = sigs[i]
        stats.add(a.keys)
        cands: dict[str, list[Signals]] = {}
        if done:
            idx = np.array(done)
            sims = mat[idx] @ mat[i]
            for j in idx[np.argsort(-sims)[:NEIGHBOURS]]:
                st = story_of[int(j)]
                ld = last_day[st]
                if a.day is not None and ld is not None and abs(a.day - ld) > settings.window_days:
                    continue
                if st not in cands:
                    cands[st] = [sigs[m] for m in members[st][-RECENT:]]
        chosen, _ = clusterer.assign(a, cands)
        if chosen is None:
            chosen = f"s{i}"
            members[chosen] = []
            last_day[chosen] = None
        members[chosen].append(i)
        story_of[i] = chosen
        if a.day is not None:
            ld = last_day[chosen]
            last_day[chosen] = a.day if ld is None else max(ld, a.day)
        done.append(i)
    while True:
        pairs = clusterer.merges({s: [sigs[m] for m in ms[-RECENT:]] for s, ms in members.items()})
        if not pairs:
            break
        for keep, absorb in pairs:
            for m in members.pop(absorb):
                story_of[m] = keep
                members[keep].append(m)
    labels = {s: n for n, s in enumerate(members)}
    return [labels[story_of[i]] for i in range(len(sigs))]


def half_of(name: str, gold_label: str) -> int:
    """0 = the fitting half, 1 = the held-out half: even/odd DUC cluster, ECB+ topic, MEANTIME article."""
    if name == "duc":
        return int(gold_label[1:6]) % 2
    if name == "ecb":
        return int("".join(c for c in gold_label if c.isdigit())) % 2
    return int(gold_label) % 2


def score(name: str, recs: list[dict[str, Any]], labels: list[int], gold: dict[str, str]) -> dict[str, float]:
    """BCubed F1 over all gold docs, and within each half (the other half's docs left out)."""
    sets = _eval_module()
    pred = {r["doc_id"]: lab for r, lab in zip(recs, labels, strict=True)}
    out = {"all": sets.bcubed(pred, gold)[2]}
    for h in (0, 1):
        g = {d: lab for d, lab in gold.items() if half_of(name, lab) == h}
        out[f"h{h}"] = sets.bcubed({d: p for d, p in pred.items() if d in g}, g)[2]
    return out


def tfidf_best(recs: list[dict[str, Any]], gold: dict[str, str]) -> float:
    sets = _eval_module()
    docs = [(r["doc_id"], f"{r['title'] or ''}\n{r['text']}", r["gold"], None) for r in recs]
    return max(sets.bcubed(sets.tfidf_baseline(docs, "word", t), gold)[2] for t in (0.6, 0.7, 0.8, 0.9))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("sets", nargs="*", default=list(SETS))
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "storyline_cluster_sets.pkl"))
    ap.add_argument("--no-baseline", action="store_true")
    args = ap.parse_args()
    if not os.path.isdir(os.path.join(SHARED, "data")):
        print("cluster_offline: skipped (no shared data)")
        return
    figures, base = [], []
    for name in args.sets:
        recs, vectors, gold = load(name, args.cache)
        sigs = signals_of(recs, vectors)
        t = time.perf_counter()
        labels = simulate(sigs)
        sec = time.perf_counter() - t
        f = score(name, recs, labels, gold)
        line = (f"  {name:<14} docs={len(recs)} stories={len(set(labels))} gold={len(set(gold.values()))} "
                f"F1={f['all']:.3f} fit_half={f['h0']:.3f} held_half={f['h1']:.3f} cluster_sec={sec:.2f}")
        if not args.no_baseline:
            b = tfidf_best(recs, gold)
            line += f" tfidf_best_f1={b:.3f}"
            base.append(f"tfidf_{name.replace('-', '_')}={b:.3f}")
        print(line, flush=True)
        figures.append(f"{name.replace('-', '_')}={f['all']:.3f}")
    print("cluster_offline: " + " ".join(figures + base))


if __name__ == "__main__":
    main()
