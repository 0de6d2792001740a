"""The story stage: embed new articles once, give each a story as it arrives, merge stories that
turn out to be one, and link stories that continue earlier ones.

Which article belongs with which is decided in `cluster.py` (swappable, like BERTopic's stages);
this module does the bookkeeping around it: the candidate search (an ANN index over the vectors
of stories still open), stable story ids (a story's id is derived from its founding article, and
an id absorbed by a merge stays an alias), and the store.
"""

from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import numpy as np
from threadpoolctl import threadpool_limits

from storyline import story_store as ss
from storyline.ann import VectorIndex
from storyline.cluster import (
    DEFAULT_CLUSTER,
    StoryClusterer,
)
from storyline.embed import Embedder, embedding_text, get_embedder
from storyline.errors import StoryError
from storyline.merge_cells import MergeScorer
from storyline.progress import progress, progress_bar
from storyline.signals import Signals, article_signals
from storyline.store import Store
from storyline.story_links import link_stories
from storyline.story_titles import reading_order, retitle


def _default_embedder() -> str:
    return os.environ.get("STORYLINE_EMBEDDER") or "use"


@dataclass(frozen=True)
class StorySettings:
    # "use" (default, best) or "fast" (distilled, far quicker); a store keeps the one it began with,
    # since vectors of two models cannot be compared. $STORYLINE_EMBEDDER changes the default.
    embedder: str = field(default_factory=_default_embedder)
    # How many nearest articles are looked at to find candidate stories for a new one, and how
    # many of those stories (the nearest first) are weighed: the cost of a decision stays flat.
    neighbours: int = 50
    max_candidates: int = 10
    # At most this many of a story's latest members are compared with a new article.
    max_members: int = 50
    # A story takes no new article dated this many days after its last one: it has aged out.
    window_days: int = DEFAULT_CLUSTER.window_days
    # A story can continue one that ended at most this many days before it began.
    link_window_days: int = 60
    # The mean same-event log-odds of the two stories' members, the days apart left out, at which
    # a story continues an earlier one: well below one event (the merge bar is 0), above two
    # affairs. Chosen on Timeline17 (`bench/links.py --link-threshold T [--embedder use]`): chain F1
    # at -3, -2.5, -2, -1.5, -1, 0 was .872/.858/.885/.867/.844/.609 in fast mode and
    # .875/.906/.899/.878/.838/.688 with the default model (link precision .966-.989 throughout).
    link_threshold: float = -2.0
    embed_batch: int = 64


DEFAULT_STORIES = StorySettings()


@dataclass
class StoryStats:
    embedded: int = 0
    assigned: int = 0
    new_stories: int = 0
    merged: int = 0
    linked: int = 0

    def summary(self) -> str:
        return (f"{self.assigned} article(s) placed in stories ({self.new_stories} new, "
                f"{self.merged} merged, {self.linked} linked to earlier stories)")


def story_id_for(content_hash: str) -> str:
    """Stable id of a story founded by an article: the same data always gives the same ids."""
    return "st-" + hashlib.sha1(content_hash.encode()).hexdigest()[:12]


def embed_new_articles(store: Store, model: Embedder, batch: int = 64) -> int:
    """Compute the signals of every article that has none for this model; commit per batch."""
    ids = ss.articles_without_signals(store, model.name)
    bar = progress_bar("embed", "doc", total=len(ids)) if len(ids) > batch else None
    for start in range(0, len(ids), batch):
        present = ss.embed_rows(store, ids[start:start + batch])
        vectors = model.embed([embedding_text(a.title, a.text) for a in present])
        store.begin()
        ss.save_signals(store, (article_signals(a.id, a.title, a.text, a.published, a.language, vector)
                                     for a, vector in zip(present, vectors, strict=True)), model.name)
        store.commit()
        if bar is not None:
            bar.update(len(present))
    if bar is not None:
        bar.close()
    return len(ids)


@dataclass
class _Window:
    """The stories still open, in memory for one run: members (latest first) and their signals."""

    members: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    story_of: dict[int, str] = field(default_factory=dict)
    signals: dict[int, Signals] = field(default_factory=dict)
    last_day: dict[str, int | None] = field(default_factory=dict)
    neighbours: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # The stories whose `neighbours` may name a story (a superset): a merge renames the absorbed
    # story in those sets only, where it scanned every story's set (quadratic in a big batch).
    cited_by: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # Stories an article came near that had aged out of the window: what a new story may continue.
    earlier: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def member_signals(self, story_id: str, limit: int) -> list[Signals]:
        return [self.signals[m] for m in self.members[story_id][:limit] if m in self.signals]


def update_stories(store: Store, settings: StorySettings = DEFAULT_STORIES) -> StoryStats:
    """Bring the stories up to date with the stored articles."""
    chosen = store.get_meta("embedder")
    if chosen is None:
        store.set_meta("embedder", settings.embedder)
    elif chosen != settings.embedder:
        raise StoryError(f"this store's stories were built with the {chosen!r} embedder; ingest with "
                         f"--embedder {chosen} (vectors of two models cannot be compared)")
    # The ingest workers embed as they clean: the model is loaded here only when some article
    # still lacks a vector, or none is stored to read the vectors' width from (a fast-mode load
    # costs ~1 s, USE's several, and most memory of this process).
    dim = ss.vector_dim(store)
    stats = StoryStats()
    if dim is None or ss.articles_without_signals(store, settings.embedder):
        model = get_embedder(settings.embedder)
        stats.embedded = embed_new_articles(store, model, settings.embed_batch)
        dim = model.dim
    # The clustering's matrices are small (an article against a few hundred members): a second
    # BLAS thread only spins, and on a busy machine it made the merge pass 2.7x slower in wall time.
    with threadpool_limits(limits=1, user_api="blas"):
        _cluster_pending(store, dim, settings, stats)
    return stats


def _cluster_pending(store: Store, dim: int, settings: StorySettings, stats: StoryStats) -> None:
    pending = ss.unassigned_articles(store)
    if not pending:
        return
    pending_signals = ss.load_signals(store, pending, dim)
    days = sorted({s.day for s in pending_signals.values() if s.day is not None})
    # An undated story cannot age out by its days: it closes once no article has joined it for
    # the window's length of ingest time (else every ingest read every undated story ever made).
    undated_since = (datetime.now(UTC) - timedelta(days=settings.window_days)).isoformat(timespec="seconds")
    window = _load_window(store, _spans(store, days, settings), dim, undated_since)
    index = _index_of(window.signals, dim, expected=len(window.signals) + len(pending))
    later = _load_later(store, window, days, dim, settings)
    keys = ss.StoredKeyStats(store)
    keys.preload(k for group in (pending_signals, window.signals) for s in group.values()
                 for k in s.keys | s.lead_keys)
    clusterer = StoryClusterer(keys)
    touched: set[str] = set()
    before = set(window.members)
    store.begin()
    for count, article_id in enumerate(progress(pending, "stories", "doc", total=len(pending)), start=1):
        signals = pending_signals[article_id]
        clusterer.observe(signals.keys)
        story_id = _assign(store, clusterer, window, index, signals, settings)
        stats.assigned += 1
        stats.new_stories += story_id not in touched and len(window.members[story_id]) == 1
        touched.add(story_id)
        if count % 200 == 0:
            keys.flush()
            store.commit()
            store.begin()
    keys.flush()
    stats.merged = _merge(store, clusterer, window, touched, settings)
    touched = {ss.resolve_story_id(store, s) or s for s in touched}
    languages = reading_order(window.signals.values())
    if languages:
        store.set_meta("reading_languages", ",".join(sorted(languages, key=languages.__getitem__)))
    for story_id in touched:
        retitle(store, story_id, [window.signals[m] for m in window.members.get(story_id, []) if m in window.signals],
                languages)
    fresh = {ss.resolve_story_id(store, s) or s for s in set(window.members) - before}
    stats.linked = link_stories(store, window, touched, clusterer, [index] + ([later] if later else []), settings,
                                fresh)
    store.commit()


def _spans(store: Store, days: list[int], settings: StorySettings) -> list[tuple[int, int | None]]:
    """The days whose stories a batch of articles of these days is weighed against: from the
    link window before each day (stories that aged out are loaded too: a new story may continue
    one) to the assignment window after it, runs that overlap made one. Undated articles are
    weighed against the stories of the store's latest weeks (with the batch's, if it has any)."""
    back, ahead = max(settings.window_days, settings.link_window_days), settings.window_days
    if not days:
        latest = ss.latest_story_day(store)
        return [] if latest is None else [(latest - back, None)]
    return list(_day_runs(days, back, ahead))


def _day_runs(days: list[int], back: int, ahead: int) -> list[tuple[int, int]]:
    """(day - back, day + ahead) for each of the sorted days, the runs that overlap made one."""
    runs: list[tuple[int, int]] = []
    for day in days:
        if runs and day - back <= runs[-1][1]:
            runs[-1] = (runs[-1][0], day + ahead)
        else:
            runs.append((day - back, day + ahead))
    return runs


def _load_window(store: Store, spans: list[tuple[int, int | None]], dim: int, undated_since: str) -> _Window:
    window = _Window()
    _open_in(window, store, ss.open_stories(store, spans, undated_since), dim)
    return window


def _open_in(window: _Window, store: Store, opened: dict[str, tuple[int | None, list[int]]],
             dim: int) -> dict[int, Signals]:
    """Put these stories (`ss.open_stories`) and their members' signals in the window; returns
    the signals read."""
    signals = ss.load_signals(store, sorted(a for _, members in opened.values() for a in members), dim)
    window.signals.update(signals)
    for story_id, (last_day, members) in opened.items():
        window.story_of.update((m, story_id) for m in members)
        window.members[story_id] = [m for m in members if m in signals]
        window.last_day[story_id] = last_day
    return signals


def _index_of(signals: dict[int, Signals], dim: int, expected: int = 0) -> VectorIndex:
    index = VectorIndex(dim, expected=max(expected, len(signals)))
    if signals:
        index.add(list(signals), np.stack([s.vector for s in signals.values()]))
    return index


def _load_later(store: Store, window: _Window, days: list[int], dim: int,
                settings: StorySettings) -> VectorIndex | None:
    """Load the stories that began up to the link window after the batch's days and past its
    assignment window, and index their articles apart (no article joins them): a batch older than
    what is stored (an archive backfilled behind a live feed) may open the stories they continue.
    A feed read in order has none, and skips the query."""
    latest = ss.latest_story_day(store) if days else None
    if latest is None or latest <= days[0] + settings.window_days:
        return None
    spans = _day_runs(days, 0, settings.link_window_days)
    opened = {k: v for k, v in ss.open_stories(store, spans).items() if k not in window.members}
    signals = _open_in(window, store, opened, dim)
    return _index_of(signals, dim) if signals else None


def _assign(store: Store, clusterer: StoryClusterer, window: _Window, index: VectorIndex, signals: Signals,
            settings: StorySettings) -> str:
    hits = index.search(signals.vector, settings.neighbours)
    candidates: dict[str, list[Signals]] = {}
    aged: set[str] = set()
    for article_id, _ in hits:
        story_id = window.story_of.get(article_id)
        if story_id is None or story_id in candidates:
            continue
        last = window.last_day.get(story_id)
        if signals.day is not None and last is not None and signals.day - last > settings.window_days:
            aged.add(story_id)
            continue
        if len(candidates) < settings.max_candidates:
            candidates[story_id] = window.member_signals(story_id, settings.max_members)
    chosen, score = clusterer.assign(signals, candidates)
    if chosen is None:
        content_hash = store.db.execute("SELECT content_hash FROM articles WHERE id = ?",
                                        (signals.article_id,)).fetchone()[0]
        chosen = story_id_for(content_hash)
        while ss.resolve_story_id(store, chosen) is not None:  # identical founding text: derive anew
            chosen = story_id_for(chosen)
        ss.create_story(store, chosen, signals.article_id, signals.day, score)
        window.last_day[chosen] = signals.day
    else:
        ss.add_member(store, chosen, signals.article_id, signals.day, score)
        last = window.last_day.get(chosen)
        if signals.day is not None and (last is None or signals.day > last):
            window.last_day[chosen] = signals.day
    window.members[chosen].insert(0, signals.article_id)
    window.story_of[signals.article_id] = chosen
    window.signals[signals.article_id] = signals
    for other in candidates:
        if other != chosen:
            window.neighbours[chosen].add(other)
            window.cited_by[other].add(chosen)
    window.earlier[chosen].update(aged)
    index.add([signals.article_id], signals.vector)
    return chosen


def _merge(store: Store, clusterer: StoryClusterer, window: _Window, touched: set[str],
           settings: StorySettings) -> int:
    """Merge stories the batch showed to be one; the older story keeps its id.

    Only a touched story and the stories its articles were weighed against are compared: the
    candidates came from the nearest neighbours, so this stays linear in the batch, where all
    pairs of a big window would be quadratic.
    """
    merged = 0
    scorer = MergeScorer(clusterer)
    for _ in range(10):
        pairs = {(min(a, b), max(a, b)) for a in touched for b in window.neighbours.get(a, ())
                 if a != b and window.members.get(a) and window.members.get(b)}
        if not pairs:
            break
        involved = {s for p in pairs for s in p}
        stories = {s: window.member_signals(s, settings.max_members) for s in involved}
        merge_verdicts(scorer, stories, pairs)
        chosen = clusterer.merges(stories, pairs, cache=scorer.verdicts)
        for x, y in chosen:
            kept, absorbed = sorted((x, y), key=lambda s: ss.story_rank(store, s))
            _apply_merge(store, window, touched, kept, absorbed)
            merged += 1
        if not chosen:
            break
    return merged


def merge_verdicts(scorer: MergeScorer, stories: dict[str, list[Signals]], pairs: set[tuple[str, str]]) -> None:
    """The merge pass's scoring of one round, into `scorer.verdicts` (the cache `merges` reads).

    A module-level step so that a replay can swap it for nothing (bench/cluster_offline.py's
    probes): `StoryClusterer.merges` then scores each pair itself through `cluster.pair_matrix`.
    """
    scorer.score(stories, pairs)


def _apply_merge(store: Store, window: _Window, touched: set[str], kept: str, absorbed: str) -> None:
    ss.merge_into(store, kept, absorbed)
    window.members[kept] = sorted(window.members[kept] + window.members.pop(absorbed), key=lambda m: -m)
    for m in window.members[kept]:
        window.story_of[m] = kept
    inherited = window.neighbours.pop(absorbed, set())
    window.neighbours[kept] |= inherited
    for other in inherited:
        window.cited_by[other].add(kept)
    window.earlier[kept] |= window.earlier.pop(absorbed, set())
    window.neighbours[kept] -= {kept, absorbed}
    for citing in window.cited_by.pop(absorbed, set()):
        others = window.neighbours.get(citing)
        if others is not None and absorbed in others:
            others.discard(absorbed)
            others.add(kept)
            window.cited_by[kept].add(citing)
    window.neighbours[kept].discard(kept)
    last = [d for d in (window.last_day.pop(absorbed, None), window.last_day.get(kept)) if d is not None]
    window.last_day[kept] = max(last) if last else None
    touched.discard(absorbed)
    touched.add(kept)
