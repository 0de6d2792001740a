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
and `--affairs` (a subset, e.g. `EgyptianProtest,H1N1,bpoil`) are for choosing the threshold.
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

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = pathlib.Path(os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "data" / "timeline17"
LINK_WINDOW_DAYS = 60


def affair_of(collection: str) -> str:
    """`bpoil_bbc` -> `bpoil`: the affair, whichever outlet wrote it up."""
    return collection.split("_", 1)[0]


def write_feed(path: pathlib.Path, limit: int | None, only: list[str] | None = None) -> dict[str, str]:
    """Every document of the first `limit` collections (of the affairs `only`, if given) as a JSON
    line; its source -> affair."""
    affairs = {}
    with open(path, "w", encoding="utf-8") as out:
        for collection in sorted(DATA.iterdir())[:limit]:
            if only and affair_of(collection.name) not in only:
                continue
            for day in sorted((collection / "InputDocs").iterdir()):
                for f in sorted(day.iterdir()):
                    lines = [ln.strip() for ln in f.read_text(encoding="utf-8", errors="replace").splitlines()]
                    source = f"{collection.name}/{day.name}/{f.name}"
                    affairs[source] = affair_of(collection.name)
                    out.write(json.dumps({"source": source, "published": day.name,
                                          "text": "\n".join(ln for ln in lines if ln)}) + "\n")
    return affairs


def bcubed_f1(cluster_of: dict[str, str], gold: dict[str, str]) -> float:
    """BCubed F1 over the items both maps know."""
    items = [i for i in cluster_of if i in gold]
    members: dict[str, list[str]] = defaultdict(list)
    for i in items:
        members[cluster_of[i]].append(i)
    gold_size = Counter(gold[i] for i in items)
    precision = recall = 0.0
    for group in members.values():
        counts = Counter(gold[i] for i in group)
        for i in group:
            precision += counts[gold[i]] / len(group)
            recall += counts[gold[i]] / gold_size[gold[i]]
    p, r = precision / len(items), recall / len(items)
    return 2 * p * r / (p + r) if p + r else 0.0


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
    return {"across": dict(across.most_common()),"link_precision": same / len(links) if links else float("nan"),
            "chain_f1": bcubed_f1(by_chain, affairs), "stories_f1": bcubed_f1(by_story, affairs),
            "chains": len(set(chain.values())), "linked": len({a for a, _ in links})}


def cosine_links(members: dict[str, list[str]], vectors: dict[str, np.ndarray], days: dict[str, int],
                 threshold: float) -> list[tuple[str, str]]:
    """Each story to the earlier one with the closest mean vector, over `threshold`."""
    ids = sorted(members)
    centre = np.stack([np.mean([vectors[a] for a in members[s]], axis=0) for s in ids])
    centre /= np.linalg.norm(centre, axis=1, keepdims=True)
    first = np.array([min(days[a] for a in members[s]) for s in ids])
    last = np.array([max(days[a] for a in members[s]) for s in ids])
    sims = centre @ centre.T
    out = []
    for i, story in enumerate(ids):
        ok = (first < first[i]) & (first[i] - last <= LINK_WINDOW_DAYS)
        if ok.any():
            j = int(np.argmax(np.where(ok, sims[i], -2.0)))
            if sims[i, j] >= threshold:
                out.append((story, ids[j]))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("--embedder", default="fast")
    ap.add_argument("--link-threshold", type=float, default=None,
                    help="StorySettings.link_threshold for this run (default: the package's)")
    ap.add_argument("--affairs", default=None, help="only these affairs, comma-separated (e.g. bpoil,H1N1)")
    args = ap.parse_args()
    if not DATA.exists():
        print("links: skipped (no ../shared/data/timeline17)")
        return 0
    from storyline import story_store as ss
    from storyline.pipeline import ingest_paths
    from storyline.store import Store
    from storyline.stories import StorySettings

    with tempfile.TemporaryDirectory() as tmp:
        feed = pathlib.Path(tmp) / "timeline17.jsonl"
        affairs = write_feed(feed, 2 if args.smoke else None, args.affairs.split(",") if args.affairs else None)
        db = str(pathlib.Path(tmp) / "links.db")
        start = time.perf_counter()
        settings = StorySettings(embedder=args.embedder)
        if args.link_threshold is not None:
            settings = dataclasses.replace(settings, link_threshold=args.link_threshold)
        ingest_paths([str(feed)], db, stories=settings)
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
    best: tuple[float, float, dict] | None = None
    for threshold in np.arange(0.30, 0.91, 0.05):
        theirs = scores(members, affairs, cosine_links(members, vectors, days, float(threshold)))
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
