"""Do story links chain a long-running affair, and only it?

A story that continues an earlier one (same actors, later days) is linked to it, so that a
months-long affair reads as a chain of stories. Timeline17 (`../shared/data/timeline17`) holds
six such affairs (the Egyptian protests, the financial crisis, H1N1, the Iraq war, the Libyan
war, the BP oil spill), 13 collections from several outlets, each document in the folder of its
publication day. All of them are ingested in one batch as a feed would give them (JSON lines with
the day), in fast mode, and the links read back:

- `link_precision`: of the links, the share joining two stories of the same affair (a story's
  affair is its members' majority).
- `chain_f1`: BCubed F1 over articles of the chains (the stories joined through their links,
  either way) against the six affairs. `stories_f1` is the same with no links at all (each story
  its own chain): what the links add is the difference. Stories are events, affairs are months of
  them, so chains are the unit that can reach the affair; a perfect score needs every event of
  an affair linked and none across.
- `chains`, `stories`, `linked` (stories that continue another); `sec`, the ingest end to end.

Anchor, same run, same stories: `cosine_*`, each story linked to the story it is closest to by
mean vector among those the link rule allows (began before it, ended at most 60 days before it
began), when the cosine is over a threshold picked on the answers (best `chain_f1` over 0.30,
0.35, ... 0.90): a one-cosine rule given the benefit of the answers.

Ends with one line of figures. `--smoke` reads two collections; `--embedder use` runs the default
model (fast mode is the default here: the default model takes a minute more); `--link-threshold`
and `--affairs` (a subset, e.g. `EgyptianProtest,H1N1,bpoil`) are for choosing the threshold;
`--batch-days N` ingests the feed N days at a time, as a stream is (the default is one batch);
`--newest-first` ingests those batches newest first, as an archive backfilled behind a live feed is;
`--text-dates` leaves the day out of the JSON lines (still fed in the folders' order), so that the
stories have only the dates the cleaner reads off the pages (`bench/dates.py`) and those it infers.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import pathlib
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import date

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
SHARED = pathlib.Path(os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "data" / "timeline17"
LINK_WINDOW_DAYS = 60


def affair_of(collection: str) -> str:
    """`bpoil_bbc` -> `bpoil`: the affair, whichever outlet wrote it up."""
    return collection.split("_", 1)[0]


def feed_documents(limit: int | None, only: list[str] | None = None) -> list[tuple[str, str, str, str]]:
    """(source, day, text, affair) of every document of the first `limit` collections (of the
    affairs `only`, if given), read by the timeline benchmark's loader."""
    from timeline import load_topic

    out = []
    for collection in sorted(DATA.iterdir())[:limit]:
        if only and affair_of(collection.name) not in only:
            continue
        for doc in load_topic(collection).docs:
            out.append((doc.source, doc.published.isoformat(), "\n".join(doc.lines), affair_of(collection.name)))
    return out


def write_feeds(folder: pathlib.Path, docs: list[tuple[str, str, str, str]], batch_days: int | None,
                with_day: bool = True) -> list[str]:
    """The documents as JSON lines with their day (unless `with_day` is false): one file, or one
    per `batch_days` days (oldest first), ingested one after another as a feed read every so often
    would be."""
    batches: dict[int, list[tuple[str, str, str, str]]] = defaultdict(list)
    first = min((date.fromisoformat(day) for _, day, _, _ in docs), default=date.today())
    for doc in docs:
        batches[(date.fromisoformat(doc[1]) - first).days // batch_days if batch_days else 0].append(doc)
    paths = []
    for number in sorted(batches):
        path = folder / f"feed{number:05d}.jsonl"
        with open(path, "w", encoding="utf-8") as out:
            for source, day, text, _ in batches[number]:
                record = {"source": source, "text": text} | ({"published": day} if with_day else {})
                out.write(json.dumps(record) + "\n")
        paths.append(str(path))
    return paths


def chains(stories: list[str], links: list[tuple[str, str]]) -> dict[str, str]:
    """Story -> the first story of its chain (union-find over the links, either way)."""
    parent = {s: s for s in stories}

    def root(s: str) -> str:
        while parent[s] != s:
            parent[s] = parent[parent[s]]
            s = parent[s]
        return s

    for a, b in links:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {s: root(s) for s in stories}


def scores(members: dict[str, list[str]], affairs: dict[str, str], links: list[tuple[str, str]]) -> dict:
    majority = {s: Counter(affairs[a] for a in arts).most_common(1)[0][0] for s, arts in members.items()}
    chain = chains(list(members), links)
    by_chain = {a: chain[s] for s, arts in members.items() for a in arts}
    by_story = {a: s for s, arts in members.items() for a in arts}
    same = sum(majority[a] == majority[b] for a, b in links)
    across = Counter(tuple(sorted((majority[a], majority[b]))) for a, b in links if majority[a] != majority[b])
    gold = {a: affairs[a] for a in by_story}  # the articles stored (an empty file is not one)
    from cluster_offline import eval_sets

    bcubed = eval_sets().bcubed
    return {"across": dict(across.most_common()), "link_precision": same / len(links) if links else float("nan"),
            "chain_f1": bcubed(by_chain, gold)[2], "stories_f1": bcubed(by_story, gold)[2],
            "chains": len(set(chain.values())), "linked": len({a for a, _ in links})}


def nearest_earlier(members: dict[str, list[str]], vectors: dict[str, np.ndarray],
                    days: dict[str, int | None]) -> dict[str, tuple[float, str]]:
    """Each story's closest story by mean vector among those the link rule allows (began before
    it, ended at most the link window before it began), with the cosine: the anchor's links at
    any threshold are those over it. A story none of whose articles has a day (`--text-dates`)
    neither links nor is linked to."""
    ids = sorted(s for s in members if any(days[a] is not None for a in members[s]))
    if not ids:
        return {}
    centre = np.stack([np.mean([vectors[a] for a in members[s]], axis=0) for s in ids])
    centre /= np.linalg.norm(centre, axis=1, keepdims=True)
    first = np.array([min(days[a] for a in members[s] if days[a] is not None) for s in ids])
    last = np.array([max(days[a] for a in members[s] if days[a] is not None) for s in ids])
    sims = centre @ centre.T
    out = {}
    for i, story in enumerate(ids):
        ok = (first < first[i]) & (first[i] - last <= LINK_WINDOW_DAYS)
        if ok.any():
            j = int(np.argmax(np.where(ok, sims[i], -2.0)))
            out[story] = (float(sims[i, j]), ids[j])
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("--embedder", default="fast")
    ap.add_argument("--link-threshold", type=float, default=None,
                    help="StorySettings.link_threshold for this run (default: the package's)")
    ap.add_argument("--batch-days", type=int, default=None,
                    help="ingest the feed in batches of this many days, oldest first (default: one batch)")
    ap.add_argument("--newest-first", action="store_true",
                    help="ingest the batches newest first, as an archive backfilled behind a live feed is")
    ap.add_argument("--affairs", default=None, help="only these affairs, comma-separated (e.g. bpoil,H1N1)")
    ap.add_argument("--text-dates", action="store_true",
                    help="give no day in the feed: only the dates read off the pages count")
    args = ap.parse_args()
    if not DATA.exists():
        print("links: skipped (no ../shared/data/timeline17)")
        return 0
    from storyline import story_store as ss
    from storyline.pipeline import ingest_paths
    from storyline.store import Store
    from storyline.stories import StorySettings

    with tempfile.TemporaryDirectory() as tmp:
        docs = feed_documents(2 if args.smoke else None, args.affairs.split(",") if args.affairs else None)
        affairs = {source: affair for source, _, _, affair in docs}
        feeds = write_feeds(pathlib.Path(tmp), docs, args.batch_days, with_day=not args.text_dates)
        if args.newest_first:
            feeds.reverse()
        db = str(pathlib.Path(tmp) / "links.db")
        start = time.perf_counter()
        settings = StorySettings(embedder=args.embedder)
        if args.link_threshold is not None:
            settings = dataclasses.replace(settings, link_threshold=args.link_threshold)
        for feed in feeds:
            ingest_paths([feed], db, stories=settings)
        seconds = time.perf_counter() - start
        with Store(db) as store:
            rows = store.db.execute("SELECT sa.story_id, a.source, a.id, s.day FROM story_articles sa "
                                    "JOIN articles a ON a.id = sa.article_id "
                                    "JOIN article_signals s ON s.article_id = a.id").fetchall()
            links = [(a, b) for a, b in store.db.execute("SELECT story_id, earlier_id FROM story_links")]
            ids = {source: article_id for _, source, article_id, _ in rows}
            loaded = ss.load_signals(store, sorted(ids.values()), ss.vector_dim(store))
    members: dict[str, list[str]] = defaultdict(list)
    for story_id, source, _, _ in rows:
        members[story_id].append(source)
    days = {source: day for _, source, _, day in rows}
    vectors = {source: loaded[article_id].vector for source, article_id in ids.items()}
    ours = scores(members, affairs, links)
    nearest = nearest_earlier(members, vectors, days)
    best: tuple[float, float, dict] | None = None
    for threshold in np.arange(0.30, 0.91, 0.05):
        theirs = scores(members, affairs, [(s, o) for s, (cos, o) in nearest.items() if cos >= threshold])
        print(f"  cosine {threshold:.2f}: chain_f1={theirs['chain_f1']:.3f} "
              f"link_precision={theirs['link_precision']:.3f}")
        if best is None or theirs["chain_f1"] > best[0]:
            best = (theirs["chain_f1"], float(threshold), theirs)
    assert best is not None
    print(f"  links across affairs: {ours['across']}")
    print(f"  {len(rows)} articles, {len(members)} stories, {len(links)} links; "
          f"cosine anchor's best threshold {best[1]:.2f}")
    print(f"links: link_precision={ours['link_precision']:.3f} chain_f1={ours['chain_f1']:.3f} "
          f"stories_f1={ours['stories_f1']:.3f} chains={ours['chains']} stories={len(members)} "
          f"linked={ours['linked']} cosine_link_precision={best[2]['link_precision']:.3f} "
          f"cosine_chain_f1={best[0]:.3f} cosine_chains={best[2]['chains']} docs={len(rows)} sec={seconds:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
