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
from storyline.merge_cells import MergeScorer, mean_log_odds
from storyline.progress import progress, progress_bar
from storyline.signals import Signals, article_signals
from storyline.store import Store


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
    index = VectorIndex(dim, expected=len(window.signals) + len(pending))
    if window.signals:
        ids = list(window.signals)
        index.add(ids, np.stack([window.signals[i].vector for i in ids]))
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
    for story_id in touched:
        _retitle(store, window, story_id)
    fresh = {ss.resolve_story_id(store, s) or s for s in set(window.members) - before}
    stats.linked = _link(store, window, touched, clusterer, [index] + ([later] if later else []), settings, fresh)
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
    starts, ends = [days[0] - back], [days[0] + ahead]
    for day in days[1:]:
        if day - back <= ends[-1]:
            ends[-1] = day + ahead
        else:
            starts.append(day - back)
            ends.append(day + ahead)
    return list(zip(starts, ends, strict=True))


def _load_window(store: Store, spans: list[tuple[int, int | None]], dim: int, undated_since: str) -> _Window:
    window = _Window()
    opened = ss.open_stories(store, spans, undated_since)
    window.signals = ss.load_signals(store, sorted(a for _, members in opened.values() for a in members), dim)
    for story_id, (last_day, members) in opened.items():
        window.story_of.update((m, story_id) for m in members)
        window.members[story_id] = [m for m in members if m in window.signals]
        window.last_day[story_id] = last_day
    return window


def _load_later(store: Store, window: _Window, days: list[int], dim: int,
                settings: StorySettings) -> VectorIndex | None:
    """Load the stories that began up to the link window after the batch's days and past its
    assignment window, and index their articles apart (no article joins them): a batch older than
    what is stored (an archive backfilled behind a live feed) may open the stories they continue.
    A feed read in order has none, and skips the query."""
    latest = ss.latest_story_day(store) if days else None
    if latest is None or latest <= days[0] + settings.window_days:
        return None
    spans: list[tuple[int, int]] = []
    for day in days:
        if spans and day <= spans[-1][1]:
            spans[-1] = (spans[-1][0], day + settings.link_window_days)
        else:
            spans.append((day, day + settings.link_window_days))
    opened = {k: v for k, v in ss.open_stories(store, spans).items() if k not in window.members}
    signals = ss.load_signals(store, sorted(a for _, members in opened.values() for a in members), dim)
    if not signals:
        return None
    window.signals.update(signals)
    for story_id, (last_day, members) in opened.items():
        window.story_of.update((m, story_id) for m in members)
        window.members[story_id] = [m for m in members if m in signals]
        window.last_day[story_id] = last_day
    index = VectorIndex(dim, expected=len(signals))
    index.add(list(signals), np.stack([s.vector for s in signals.values()]))
    return index


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


def _retitle(store: Store, window: _Window, story_id: str) -> None:
    """A story is named by its most central article: the title closest to what all say."""
    members = [window.signals[m] for m in window.members.get(story_id, []) if m in window.signals]
    if not members:
        return
    vectors = np.stack([m.vector for m in members])
    centre = vectors.mean(axis=0)
    order = np.argsort(-(vectors @ centre))
    central = [members[int(i)].article_id for i in order]
    # Text dumps and feeds without titles are common: the central article's opening then names
    # the story, where the listing, the links and the web UI showed "(untitled)".
    title = ss.first_title(store, central) or ss.lead_label(store, central[0], own=central)
    if title:
        ss.set_title(store, story_id, title)


# Earlier stories scored per story (the nearest by mean vector), and the latest members of each
# side that are scored: bounds on the cells the links cost.
_LINK_CANDIDATES = 5
_LINK_MEMBERS = 20


def _link(store: Store, window: _Window, touched: set[str], clusterer: StoryClusterer,
          indexes: list[VectorIndex], settings: StorySettings, fresh: set[str] | None = None) -> int:
    """Link each touched story (and each stored story near one this run made that began after it:
    `fresh`) to the earlier story it continues: the one, among those that began
    before it and ended at most `link_window_days` before it began, whose members it matches best
    by the same-event log-odds with the days apart left out (`link_threshold`).

    Candidates are the stories its articles were weighed against or came near after they aged
    out, and those of the articles nearest its mean vector (an affair's earlier stories are often
    outside the week its articles were weighed in); the `_LINK_CANDIDATES` nearest by mean vector
    are scored. (The rule before, the weighted Jaccard of the two stories' rarest common keys
    over 0.2 with no overlap in days allowed, linked 74 of 1,254 stories on Timeline17, where six
    affairs run for months: `bench/links.py` on the tree before commit 9e35be5.)"""
    rows: dict[str, ss.StoryRow | None] = {}

    def row_of(story_id: str) -> ss.StoryRow | None:
        if story_id not in rows:
            live = ss.resolve_story_id(store, story_id)
            rows[story_id] = ss.get_story(store, live) if live else None
        return rows[story_id]

    members: dict[str, list[Signals]] = {}

    def members_of(story_id: str) -> list[Signals]:
        if story_id not in members:
            members[story_id] = window.member_signals(story_id, _LINK_MEMBERS)
        return members[story_id]

    centres: dict[str, np.ndarray] = {}

    def centre(story_id: str) -> np.ndarray:
        if story_id not in centres:
            mean = np.stack([m.vector for m in members_of(story_id)]).mean(axis=0)
            centres[story_id] = mean / (np.linalg.norm(mean) or 1.0)
        return centres[story_id]

    def allowed(row: ss.StoryRow, other: str | None) -> str | None:
        other_row = row_of(other) if other else None
        if (other_row is None or other_row.id == row.id or other_row.first_day is None
                or other_row.last_day is None or not members_of(other_row.id)):
            return None
        assert row.first_day is not None
        if other_row.first_day < row.first_day and row.first_day - other_row.last_day <= settings.link_window_days:
            return other_row.id
        return None

    # A story this run made may be what a stored later story continues (a backfilled archive
    # arrives after what followed it): the later stories near it are weighed again as well.
    later: set[str] = set()
    for story_id in sorted(fresh or ()):
        row = row_of(story_id)
        if row is None or row.first_day is None or row.last_day is None or not members_of(story_id):
            continue
        hits = [hit for index in indexes for hit in index.search(centre(story_id), settings.neighbours)]
        for article_id, _ in hits:
            other = window.story_of.get(article_id)
            other_row = row_of(other) if other and other not in touched else None
            if (other_row is not None and other_row.first_day is not None and other_row.first_day > row.first_day
                    and other_row.first_day - row.last_day <= settings.link_window_days):
                later.add(other_row.id)
    pairs: list[tuple[str, str]] = []
    weighed: list[str] = []
    for story_id in sorted(touched | later):
        row = row_of(story_id)
        if row is None or row.first_day is None or not members_of(story_id):
            continue
        weighed.append(story_id)
        mine = centre(story_id)
        nearby = {window.story_of.get(a) for index in indexes for a, _ in index.search(mine, settings.neighbours)}
        found = {allowed(row, other)
                 for other in nearby | window.neighbours.get(story_id, set()) | window.earlier.get(story_id, set())}
        found.discard(None)
        ranked = sorted(found, key=lambda o: (-float(centre(o) @ mine), o))[:_LINK_CANDIDATES]
        # The story's standing links are weighed again with what it has now, next to the nearest.
        standing = {allowed(row, other) for other in ss.story_links(store, story_id)[0]} - {None} - set(ranked)
        pairs.extend((story_id, other) for other in ranked + sorted(standing))
    best: dict[str, tuple[float, str]] = {}
    for (story_id, other), score in zip(pairs, mean_log_odds(clusterer, members, pairs, days_apart_count=False),
                                        strict=True):
        if score >= settings.link_threshold and (story_id not in best or score > best[story_id][0]):
            best[story_id] = (score, other)
    # A story continues one earlier story, the best as it stands now: a link chosen when the story
    # was one article, or brought in by a story it absorbed, is dropped when the story, weighed
    # again, no longer picks it: kept, such leftovers joined affairs into one chain (Timeline17 fed a
    # week at a time, `bench/links.py --embedder use --batch-days 7`: chain_f1 .719 with them, .869
    # without). Counted when new: a story that gains an article and keeps its link is no new link.
    new = 0
    for story_id in weighed:
        score, other = best.get(story_id, (0.0, ""))
        ss.drop_links(store, story_id, keep=other)
        if other:
            new += ss.set_link(store, story_id, other, score)
    return new
