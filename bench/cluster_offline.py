"""Replay of the story stage on the shared sets, exactly as the CLI runs it, without re-embedding.

`--build` ingests each set once through the real pipeline (reader, cleaner, implied dates, USE)
into `<work>/<set>/store.db`, the way `../shared/eval/clusters.py` does (one `.txt` per document,
read in sorted path order). Each replay then copies that store, clears its story tables and key
frequencies, recomputes the keys from the stored text (so a change in `signals.py` counts),
and runs `stories.update_stories` itself: the figures are the CLI's, not those of a look-alike
simulation (an earlier simulation here drifted from the CLI by up to .07 BCubed F1).

Prints BCubed F1 per set over all docs and within each half: h0 = even DUC cluster / ECB+ topic /
MEANTIME article (the half anything is fitted on), h1 = the odd half (held out), plus the
clustering seconds and ms per article.

`--set NAME=V1,V2` (repeatable) replays with those `ClusterSettings` fields changed, every
combination of the listed values in turn, and prints the mean F1 of the fitting and held-out
halves per combination: a grid on the even halves whose held-out figures come with it.

`--orders K` averages every figure over K arrival orders (the store's, then shuffled within each
day): the sets carry few dates, and one order's figures swing by several points on one decision
about a big story, too much to choose settings by. `--errors` lists, per set, the gold clusters
that are split or share a story, and the F1 ceiling set by documents no story lists.

`--probe NAME=W1,W2` replays with one candidate pair feature (`PROBES`) added to the pair model
as an eighth column with each weight in turn (weight 0 is the model as it is): a candidate is
judged on the fitting halves, its held-out figures come with it. The merge pass then scores each
story pair through `cluster.pair_matrix` itself, and an arriving article is weighed through it
too (`merge_cells` and `pair_features` know seven columns; all reach the same verdicts,
tests/test_merge_cells.py and tests/test_cluster.py). Issue 4's probes for "same kind of event,
different actor, place or date" (ECB+'s two events per topic) are kept there; none won (see
`ClusterSettings`).

Usage: python bench/cluster_offline.py [--build] [--work DIR] [--set NAME=V,...] [--probe NAME=W,...]
       [--orders K] [--errors] [SET ...]
Reads `$STORYLINE_SHARED` (default ../shared); exits quietly when the data is absent.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import os
import random
import re
import shutil
import sqlite3
import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np

# This tree's package, not whichever the environment's editable install points at (a second
# worktree's replay measured the main tree's code).
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from storyline.signals import Signals, article_signals

SHARED = os.environ.get("STORYLINE_SHARED", os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
SETS = ("duc", "ecb", "meantime", "meantime-body")


def eval_sets() -> Any:
    """`../shared/eval/sets.py`, the scorers' loaders of the shared sets (bench/stories.py reads ECB+ with it)."""
    sys.path.insert(0, os.path.join(SHARED, "eval"))
    import sets  # type: ignore[import-not-found]

    return sets


def _loaders() -> dict[str, Callable[[], list[tuple[str, str, str, str | None]]]]:
    sets = eval_sets()
    root = os.path.join(SHARED, "data")
    return {"duc": lambda: sets.duc(root), "ecb": lambda: sets.ecb(root),
            "meantime": lambda: sets.meantime(root), "meantime-body": lambda: sets.meantime(root, strip=True)}


def build(name: str, work: str) -> None:
    """Ingest one set through the real pipeline (embedding included) into `<work>/<name>/store.db`."""
    from storyline.pipeline import ingest_paths

    folder = os.path.join(work, name)
    shutil.rmtree(folder, ignore_errors=True)
    corpus = os.path.join(folder, "corpus")
    for doc_id, text, _, _ in _loaders()[name]():
        path = os.path.join(corpus, doc_id + ".txt")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    ingest_paths([corpus], os.path.join(folder, "store.db"))


# -- candidate pair features (`--probe`) ---------------------------------------------------------
# Each is f(a, b, table) -> float over two articles' Signals, IDF from the run's key counts
# (`table.stats`, as `KeyTable` reads them). A `NAME*cos` probe is the feature times the cosine.

def _idf(table: Any, keys: set[str] | frozenset[str]) -> float:
    return sum(table.stats.idf(k) for k in keys)


def _names(keys: frozenset[str]) -> set[str]:
    return {k for k in keys if not k.startswith("#")}


def _numbers(keys: frozenset[str]) -> set[str]:
    return {k for k in keys if k.startswith("#")}


_YEAR = re.compile(r"#(19[5-9]\d|20[0-3]\d)$")


def _lead_miss_max(a: Signals, b: Signals, table: Any) -> float:
    """The larger of the two articles' IDF shares of lead keys the other never states."""
    shares = [_idf(table, x.lead_keys - y.keys) / w for x, y in ((a, b), (b, a)) if (w := _idf(table, x.lead_keys))]
    return max(shares, default=0.0)


def _lead_names_apart(a: Signals, b: Signals, table: Any) -> float:
    """1 when each lead names something (a non-number key) the other article never states."""
    return float(bool(_names(a.lead_keys) - b.keys) and bool(_names(b.lead_keys) - a.keys))


def _lead_numbers_apart(a: Signals, b: Signals, table: Any) -> float:
    """1 when both leads state numbers and none of either's is stated by the other article."""
    na, nb = _numbers(a.lead_keys), _numbers(b.lead_keys)
    return float(bool(na) and bool(nb) and not na & b.keys and not nb & a.keys)


def _lead_years_apart(a: Signals, b: Signals, table: Any) -> float:
    """1 when both leads give a year and neither's is stated by the other article."""
    ya, yb = ({k for k in x.lead_keys if _YEAR.match(k)} for x in (a, b))
    return float(bool(ya) and bool(yb) and not ya & b.keys and not yb & a.keys)


def _main_names_apart(a: Signals, b: Signals, table: Any) -> float:
    """1 when the rarest lead name of each article that some other article states too (df >= 2: no
    one-off word) is missing from the other article: the main actor or place differs."""
    def main(x: Signals) -> str | None:
        names = [k for k in _names(x.lead_keys) if table.stats.df.get(k, 0) >= 2]
        return min(names, key=lambda k: (-table.stats.idf(k), k)) if names else None
    ma, mb = main(a), main(b)
    return float(ma is not None and mb is not None and ma not in b.keys and mb not in a.keys)


def _lead_lead(a: Signals, b: Signals, table: Any) -> float:
    """IDF share of lead keys both leads state, over the smaller lead."""
    return _idf(table, a.lead_keys & b.lead_keys) / (min(_idf(table, a.lead_keys), _idf(table, b.lead_keys)) + 1e-9)


def _name_overlap(a: Signals, b: Signals, table: Any) -> float:
    """The overlap feature on name keys alone (numbers left out)."""
    na, nb = _names(a.keys), _names(b.keys)
    return _idf(table, na & nb) / (min(_idf(table, na), _idf(table, nb)) + 1e-9)


PROBES: dict[str, Callable[[Signals, Signals, Any], float]] = {
    "lead_miss_max": _lead_miss_max,
    "lead_names_apart": _lead_names_apart,
    "lead_numbers_apart": _lead_numbers_apart,
    "lead_years_apart": _lead_years_apart,
    "main_names_apart": _main_names_apart,
    "lead_lead": _lead_lead,
    "name_overlap": _name_overlap,
    "one": lambda a, b, table: 1.0,  # a plain shift of the bias: the yardstick for the others
}


def _with_probe(name: str, weight: float) -> Callable[[], None]:
    """Put the probe column into `cluster.pair_matrix` and its weight into `cluster._logits`; the
    merge pass scores through them (`StoryClusterer.merges` computes what `merge_verdicts` leaves
    out of the cache). Returns the undo."""
    from storyline import cluster, stories

    base, _, times = name.partition("*")
    column = PROBES[base]
    dense, logits, verdicts = cluster.pair_matrix, cluster._logits, stories.merge_verdicts
    features = cluster.pair_features

    def pair_matrix(left: Any, right: Any, table: Any) -> np.ndarray:
        out = dense(left, right, table)
        extra = np.array([[column(x, y, table) for y in right] for x in left]).reshape(len(left), len(right))
        if times == "cos":
            extra = extra * out[..., 0]
        return np.concatenate([out, extra[..., None]], axis=-1)

    def probed(feats: np.ndarray, s: Any) -> np.ndarray:
        if feats.shape[-1] > 7:
            return logits(feats[..., :7], s) + weight * feats[..., 7]
        return logits(feats, s)

    cluster.pair_matrix, cluster._logits = pair_matrix, probed  # type: ignore[assignment]
    # An arriving article is weighed through `pair_features`, which sums keys its own way.
    cluster.pair_features = lambda article, members, table: pair_matrix([article], members, table)[0]
    stories.merge_verdicts = lambda *args, **kwargs: None  # type: ignore[assignment]

    def undo() -> None:
        cluster.pair_matrix, cluster._logits, stories.merge_verdicts = dense, logits, verdicts  # type: ignore[assignment]
        cluster.pair_features = features
    return undo


def replay(name: str, work: str, settings: Any = None, order: int = 0,
           probe: tuple[str, float] | None = None) -> tuple[dict[str, str], float, int]:
    """(doc_id -> story id, clustering seconds, articles) from a fresh story pass over the built store,
    with `settings` (a `ClusterSettings`) in place of the defaults when given, the articles in the
    store's order (0) or shuffled with seed `order` (the sets carry few dates, so the order is
    mostly that of arrival, and one order's figures swing by several points on a single decision),
    and the `probe` (name, weight) column in the pair model when given.
    """
    from storyline import stories
    from storyline.store import Store

    folder = os.path.join(work, name)
    db = os.path.join(folder, "replay.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    src = sqlite3.connect(os.path.join(folder, "store.db"))
    dst = sqlite3.connect(db)
    src.backup(dst)
    src.close()
    for table in ("story_links", "story_aliases", "story_articles", "stories", "key_df"):
        dst.execute(f"DELETE FROM {table}")
    rows = dst.execute("SELECT a.id, a.title, a.text, a.published, a.language FROM articles a "
                       "JOIN article_signals s ON s.article_id = a.id").fetchall()
    for aid, title, text, published, language in rows:
        sig = article_signals(aid, title, text, published, language, None)  # type: ignore[arg-type]
        dst.execute("UPDATE article_signals SET keys = ?, lead_keys = ? WHERE article_id = ?",
                    (json.dumps(sorted(sig.keys), ensure_ascii=False),
                     json.dumps(sorted(sig.lead_keys), ensure_ascii=False), aid))
    dst.commit()
    dst.close()
    default = stories.StoryClusterer
    pending = stories.ss.unassigned_articles
    if settings is not None:  # the story stage builds its clusterer itself: hand it these settings
        stories.StoryClusterer = lambda stats: default(stats, settings)  # type: ignore[assignment,misc]
    if order:
        def shuffled(store: Any) -> list[int]:  # the same days, in another order within each day
            ids = pending(store)
            day = dict(store.db.execute("SELECT article_id, day FROM article_signals").fetchall())
            random.Random(order).shuffle(ids)
            return sorted(ids, key=lambda i: (day.get(i) is None, day.get(i) or 0))
        stories.ss.unassigned_articles = shuffled  # type: ignore[assignment]
    undo = _with_probe(*probe) if probe else None
    try:
        with Store(db) as store:
            t = time.perf_counter()
            stories.update_stories(store)
            sec = time.perf_counter() - t
    finally:
        if undo:
            undo()
        stories.StoryClusterer = default  # type: ignore[misc]
        stories.ss.unassigned_articles = pending  # type: ignore[assignment]
    with Store(db) as store:
        rows = store.db.execute("SELECT a.source, sa.story_id FROM story_articles sa "
                                "JOIN articles a ON a.id = sa.article_id").fetchall()
        # a file whose text was already stored is listed in that article's story (`storyline stories`)
        copies = store.db.execute("SELECT al.source, sa.story_id FROM article_aliases al "
                                  "JOIN story_articles sa ON sa.article_id = al.article_id").fetchall()
    corpus = os.path.join(folder, "corpus")
    pred = {os.path.relpath(src_path, corpus)[:-4]: story for src_path, story in rows + copies}
    return pred, sec, len(rows)


def half_of(name: str, gold_label: str) -> int:
    """0 = the fitting half, 1 = the held-out half: even/odd DUC cluster, ECB+ topic, MEANTIME article."""
    if name == "duc":
        return int(gold_label[1:6]) % 2
    if name == "ecb":
        return int("".join(c for c in gold_label.split("ecb")[0] if c.isdigit())) % 2
    return int(gold_label) % 2


def score(name: str, pred: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """BCubed F1 over all gold docs, and within each half (the other half's docs left out)."""
    sets = eval_sets()
    out = {"all": sets.bcubed(pred, gold)[2]}
    for h in (0, 1):
        g = {d: lab for d, lab in gold.items() if half_of(name, lab) == h}
        out[f"h{h}"] = sets.bcubed({d: p for d, p in pred.items() if d in g}, g)[2]
    return out


def errors(pred: dict[str, str], gold: dict[str, str]) -> list[str]:
    """One line per gold cluster that is split or shares a story: `gold  story:n(+other gold) ...`.

    Also the documents no story lists (an empty file): each costs recall whatever the clustering,
    so the first line gives the F1 that perfect stories over the listed documents would score.
    """
    sets = eval_sets()
    by_story: dict[str, set[str]] = {}
    by_gold: dict[str, dict[str, int]] = {}
    for doc, story in pred.items():
        if doc in gold:
            by_story.setdefault(story, set()).add(gold[doc])
            counts = by_gold.setdefault(gold[doc], {})
            counts[story] = counts.get(story, 0) + 1
    ceiling = sets.bcubed({d: gold[d] for d in pred if d in gold}, gold)[2]
    out = [f"unlisted={len(set(gold) - set(pred))} of {len(gold)} docs; F1 ceiling with perfect stories {ceiling:.3f}"]
    for label, counts in sorted(by_gold.items()):
        mixed = [s for s in counts if len(by_story[s]) > 1]
        if len(counts) > 1 or mixed:
            parts = [f"{s[-6:]}:{n}" + (f"(+{','.join(sorted(by_story[s] - {label}))})" if s in mixed else "")
                     for s, n in sorted(counts.items(), key=lambda kv: -kv[1])]
            out.append(f"{label}  " + " ".join(parts))
    return out


def grid(assignments: list[str]) -> list[dict[str, Any]]:
    """Every combination of `NAME=V1,V2` settings, values typed as the `ClusterSettings` field."""
    from storyline.cluster import DEFAULT_CLUSTER

    axes = []
    for item in assignments:
        key, _, values = item.partition("=")
        kind = type(getattr(DEFAULT_CLUSTER, key))
        axes.append([(key, kind(v)) for v in values.split(",")])
    return [dict(combo) for combo in itertools.product(*axes)]


def run(sets: list[str], work: str, build_first: bool, changes: dict[str, Any], orders: int = 1,
        show_errors: bool = False, probe: tuple[str, float] | None = None) -> None:
    """Replay each set and print its figures; with `orders` > 1 each figure is the mean over the
    store's order and `orders - 1` shuffled ones."""
    from storyline.cluster import DEFAULT_CLUSTER

    settings = dataclasses.replace(DEFAULT_CLUSTER, **changes) if changes else None
    figures, fit_half, held_half = [], [], []
    for name in sets:
        if build_first or not os.path.exists(os.path.join(work, name, "store.db")):
            build(name, work)
        gold = {d: g for d, _, g, _ in _loaders()[name]()}
        runs = []
        for order in range(orders):
            pred, sec, n = replay(name, work, settings, order, probe)
            runs.append(score(name, pred, gold))
        f = {k: sum(r[k] for r in runs) / len(runs) for k in runs[0]}
        if show_errors:  # of the last order replayed
            print("\n".join(f"    {line}" for line in errors(pred, gold)))
        print(f"  {name:<14} docs={n} stories={len(set(pred.values()))} gold={len(set(gold.values()))} "
              f"F1={f['all']:.3f} fit_half={f['h0']:.3f} held_half={f['h1']:.3f} "
              f"cluster_sec={sec:.2f} ms_per_article={1000 * sec / max(n, 1):.1f}", flush=True)
        figures.append(f"{name.replace('-', '_')}={f['all']:.3f}")
        fit_half.append(f["h0"])
        held_half.append(f["h1"])
    mean = f"fit_mean={sum(fit_half) / len(fit_half):.4f} held_mean={sum(held_half) / len(held_half):.4f}"
    label = [f"{k}={v}" for k, v in changes.items()] + ([f"probe {probe[0]}={probe[1]:g}"] if probe else [])
    print("cluster_offline: " + " ".join(label) + " " + " ".join(figures)
          + " " + mean, flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("sets", nargs="*", default=list(SETS))
    ap.add_argument("--work", default=os.path.join("/tmp", "storyline_replay"))
    ap.add_argument("--build", action="store_true", help="(re)ingest the sets first (slow: embeds with USE)")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=V1,V2",
                    help="replay with this ClusterSettings field changed; values are a grid")
    ap.add_argument("--orders", type=int, default=1,
                    help="mean figures over this many arrival orders (the store's, then shuffled)")
    ap.add_argument("--errors", action="store_true", help="list the gold clusters that are split or mixed")
    ap.add_argument("--probe", default=None, metavar="NAME=W1,W2",
                    help=f"add a candidate pair feature with each weight in turn ({', '.join(PROBES)}; NAME*cos)")
    args = ap.parse_args()
    if not os.path.isdir(os.path.join(SHARED, "data")):
        print("cluster_offline: skipped (no shared data)")
        return
    probes: list[tuple[str, float] | None] = [None]
    if args.probe:
        feature, _, weights = args.probe.partition("=")
        if feature.partition("*")[0] not in PROBES:
            ap.error(f"unknown probe {feature!r}")
        probes = [(feature, float(w)) for w in weights.split(",")]
    for number, (changes, probe) in enumerate(itertools.product(grid(args.set), probes)):
        run(args.sets, args.work, args.build and number == 0, changes, args.orders, args.errors, probe)


if __name__ == "__main__":
    main()
