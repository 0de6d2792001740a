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
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from threadpoolctl import threadpool_limits

from storyline import story_store as ss
from storyline.ann import VectorIndex
from storyline.cluster import (
    DEFAULT_CLUSTER,
    FREE_DAYS,
    ClusterSettings,
    KeyTable,
    StoryClusterer,
    _fingerprint,
    _logits,
    _lone_language,
)
from storyline.embed import Embedder, embedding_text, get_embedder
from storyline.errors import StoryError
from storyline.progress import progress_bar
from storyline.signals import KeyStats, Signals, article_signals
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
    # Weighted Jaccard of the two stories' signature keys (their shared actors, places, numbers).
    link_threshold: float = 0.2
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
    model = get_embedder(settings.embedder)
    stats = StoryStats(embedded=embed_new_articles(store, model, settings.embed_batch))
    # The clustering's matrices are small (an article against a few hundred members): a second
    # BLAS thread only spins, and on a busy machine it made the merge pass 2.7x slower in wall time.
    with threadpool_limits(limits=1, user_api="blas"):
        _cluster_pending(store, model.dim, settings, stats)
    return stats


def _cluster_pending(store: Store, dim: int, settings: StorySettings, stats: StoryStats) -> None:
    pending = ss.unassigned_articles(store)
    if not pending:
        return
    pending_signals = ss.load_signals(store, pending, dim)
    days = [s.day for s in pending_signals.values() if s.day is not None]
    # Stories that aged out are still loaded, back to the link window: a new story may continue one.
    since = min(days) - max(settings.window_days, settings.link_window_days) if days else None
    window = _load_window(store, since, dim)
    index = VectorIndex(dim, expected=len(window.signals) + len(pending))
    if window.signals:
        ids = list(window.signals)
        index.add(ids, np.stack([window.signals[i].vector for i in ids]))
    keys = ss.StoredKeyStats(store)
    clusterer = StoryClusterer(keys)
    touched: set[str] = set()
    store.begin()
    for count, article_id in enumerate(pending, start=1):
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
    stats.linked = _link(store, window, touched, keys, settings)
    store.commit()


def _load_window(store: Store, since: int | None, dim: int) -> _Window:
    window = _Window()
    active = ss.active_article_ids(store, since)
    window.signals = ss.load_signals(store, active, dim)
    window.story_of = ss.story_of_articles(store, active)
    for story_id in sorted(set(window.story_of.values())):
        window.members[story_id] = [m for m in ss.story_members(store, story_id) if m in window.signals]
        row = ss.get_story(store, story_id)
        window.last_day[story_id] = row.last_day if row else None
    return window


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
    window.neighbours[chosen].update(s for s in candidates if s != chosen)
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
    verdicts: dict[tuple, float | None] = {}
    for _ in range(10):
        pairs = {(min(a, b), max(a, b)) for a in touched for b in window.neighbours.get(a, ())
                 if a != b and window.members.get(a) and window.members.get(b)}
        if not pairs:
            break
        involved = {s for p in pairs for s in p}
        stories = {s: window.member_signals(s, settings.max_members) for s in involved}
        merge_verdicts(clusterer, stories, pairs, verdicts)
        chosen = clusterer.merges(stories, pairs, cache=verdicts)
        for x, y in chosen:
            kept, absorbed = sorted((x, y), key=lambda s: ss.story_rank(store, s))
            _apply_merge(store, window, touched, kept, absorbed)
            merged += 1
        if not chosen:
            break
    return merged


# Cells (article pairs) scored in one call when a story is weighed against its neighbours.
_BLOCK_CELLS = 20_000


def merge_verdicts(clusterer: StoryClusterer, stories: dict[str, list[Signals]], pairs: set[tuple[str, str]],
                   cache: dict[tuple, float | None]) -> None:
    """Put into `cache` the verdict `StoryClusterer.merges` would reach on each pair it lacks.

    The same decision as `StoryClusterer._merge_score` (cosine prefilter, mean log-odds or the
    lone-language best pair, threshold, cohesion), but the features of many stories against their
    neighbours come from one `sparse_pair_matrix` call instead of one `pair_matrix` per pair: a
    merge pass weighs tens of thousands of mostly tiny pairs, where numpy's per-call overhead
    (~1.5 ms a pair) was 70% of fast mode's time. `merges` then only ranks.
    tests/test_stories.py checks both agree.
    """
    s = clusterer.settings
    prints = {sid: _fingerprint(m) for sid, m in stories.items()}
    todo: dict[str, list[str]] = defaultdict(list)
    for x, y in sorted({(min(p), max(p)) for p in pairs if p[0] != p[1]}):
        if (x, y, prints[x], prints[y]) not in cache:
            todo[x].append(y)
    own: dict[str, float | None] = {}

    def cohesion(sid: str) -> float | None:
        if sid not in own:  # `StoryClusterer.cohesion`: mean log-odds between a story's own members
            members = stories[sid]
            inner = _logits(sparse_pair_matrix(members, members, clusterer.table), s)
            own[sid] = float(inner[np.triu_indices(len(members), 1)].mean()) if len(members) > 1 else None
        return own[sid]

    for batch in _batches(todo, stories):
        rows = {x: None for x, _ in batch}
        cols = {y: None for _, ys in batch for y in ys}
        row_at, col_at = _offsets(rows, stories), _offsets(cols, stories)
        feats = sparse_pair_matrix([m for x in rows for m in stories[x]], [m for y in cols for m in stories[y]],
                                   clusterer.table)
        logits = _logits(feats, s)
        for x, ys in batch:
            a = stories[x]
            for y in ys:
                b = stories[y]
                verdict: float | None = None
                if a and b and feats[row_at[x], col_at[y], 0].max() > 0.3:
                    block = logits[row_at[x], col_at[y]]
                    lone = min(len(a), len(b)) == 1 and _lone_language(a, b)
                    score = float(block.max() if lone else np.mean(block))
                    if score > s.merge_threshold and _cohesive(s, score, (x, y), stories, cohesion):
                        verdict = score
                cache[(x, y, prints[x], prints[y])] = verdict


def _offsets(order: dict[str, None], stories: dict[str, list[Signals]]) -> dict[str, slice]:
    out, start = {}, 0
    for sid in order:
        out[sid] = slice(start, start + len(stories[sid]))
        start += len(stories[sid])
    return out


def _batches(todo: dict[str, list[str]], stories: dict[str, list[Signals]]) -> list[list[tuple[str, list[str]]]]:
    """The (story, neighbours) tasks cut into blocks of at most `_BLOCK_CELLS` cells: several small
    stories share one call (numpy's cost per call, not per cell, dominates tiny stories), a big
    story with many neighbours is split."""
    out: list[list[tuple[str, list[str]]]] = []
    batch: list[tuple[str, list[str]]] = []
    rows, cols, seen = 0, 0, set()
    for x, ys in todo.items():
        height = max(len(stories[x]), 1)
        chunk: list[str] = []
        width = 0
        for y in ys:
            if chunk and (width + len(stories[y])) * height > _BLOCK_CELLS:
                out.append([(x, chunk)])
                chunk, width = [], 0
            chunk.append(y)
            width += len(stories[y])
        if not chunk:
            continue
        fresh = sum(len(stories[y]) for y in set(chunk) - seen)
        if batch and (rows + height) * (cols + fresh) > _BLOCK_CELLS:
            out.append(batch)
            batch, rows, cols, seen = [], 0, 0, set()
            fresh = width
        batch.append((x, chunk))
        rows += height
        cols += fresh
        seen.update(chunk)
    if batch:
        out.append(batch)
    return out


def sparse_pair_matrix(left: list[Signals], right: list[Signals], table: KeyTable) -> np.ndarray:
    """`cluster.pair_matrix`, with the key sums joined on the keys two articles share instead of
    multiplied as dense 0/1 matrices over every key of the block: on a story against its
    neighbours (50 x 300 members, 10k distinct keys) the dense products cost ~35 ms a call and
    were most of the merge pass; the join costs what the shared keys cost.
    tests/test_stories.py checks both give the same features.
    """
    n, m = len(left), len(right)
    out = np.zeros((n, m, 7), dtype=np.float64)
    if n == 0 or m == 0:
        return out
    va = np.stack([x.vector for x in left]).astype(np.float32, copy=False)
    vb = np.stack([x.vector for x in right]).astype(np.float32, copy=False)
    cos = (va @ vb.T).astype(np.float64)
    out[..., 0] = cos
    la = np.array([x.language or "" for x in left], dtype=object)
    lb = np.array([x.language or "" for x in right], dtype=object)
    cross = ((la[:, None] != lb[None, :]) & (la[:, None] != "") & (lb[None, :] != "")).astype(np.float64)
    out[..., 1] = cross
    out[..., 2] = cross * cos
    ka, kb = _entries([table.encode(x.keys) for x in left]), _entries([table.encode(x.keys) for x in right])
    lda, ldb = _entries([table.encode(x.lead_keys) for x in left]), _entries([table.encode(x.lead_keys) for x in right])
    wa, wb = _row_weights(ka, n, table), _row_weights(kb, m, table)
    shared = _shared(ka, kb, n, m, table)
    out[..., 3] = shared / (np.minimum(wa[:, None], wb[None, :]) + 1e-9)
    out[..., 4] = shared / (wa[:, None] + wb[None, :] - shared + 1e-9)
    lead_hit = _shared(lda, kb, n, m, table) + _shared(ka, ldb, n, m, table)
    out[..., 5] = lead_hit / (_row_weights(lda, n, table)[:, None] + _row_weights(ldb, m, table)[None, :] + 1e-9)
    da = np.array([np.nan if x.day is None else x.day for x in left], dtype=np.float64)
    db = np.array([np.nan if x.day is None else x.day for x in right], dtype=np.float64)
    gap = np.abs(da[:, None] - db[None, :])
    out[..., 6] = np.where(np.isnan(gap), 0.0, np.log1p(np.maximum(0.0, np.nan_to_num(gap) - FREE_DAYS)))
    return out


def _entries(rows: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """(key ids, row numbers) of every key of every row, sorted by key id."""
    if not rows:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    keys = np.concatenate(rows)
    owner = np.repeat(np.arange(len(rows)), [len(r) for r in rows])
    order = np.argsort(keys, kind="stable")
    return keys[order], owner[order]


def _row_weights(entries: tuple[np.ndarray, np.ndarray], n: int, table: KeyTable) -> np.ndarray:
    keys, rows = entries
    return np.bincount(rows, weights=table.idf(keys), minlength=n)[:n]


def _ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Concatenated aranges: starts[i] .. starts[i] + counts[i] for every i."""
    ends = np.cumsum(counts)
    return np.arange(ends[-1] if len(ends) else 0) - np.repeat(ends - counts - starts, counts)


def _shared(a: tuple[np.ndarray, np.ndarray], b: tuple[np.ndarray, np.ndarray], n: int, m: int,
            table: KeyTable) -> np.ndarray:
    """(n, m): the IDF summed over the keys row i of `a` and row j of `b` both state."""
    (ka, ra), (kb, rb) = a, b
    common = np.intersect1d(ka, kb, assume_unique=False)
    if not len(common):
        return np.zeros((n, m), dtype=np.float64)
    a_lo, b_lo = np.searchsorted(ka, common), np.searchsorted(kb, common)
    na = np.searchsorted(ka, common, side="right") - a_lo
    nb = np.searchsorted(kb, common, side="right") - b_lo
    a_at = _ranges(a_lo, na)  # each entry of `a` on a shared key...
    times = np.repeat(nb, na)  # ...meets every entry of `b` on that key
    pa = np.repeat(a_at, times)
    pb = _ranges(np.repeat(b_lo, na), times)
    weights = np.repeat(np.repeat(table.idf(common), na), times)
    return np.bincount(ra[pa] * m + rb[pb], weights=weights, minlength=n * m).reshape(n, m)


def _cohesive(s: ClusterSettings, score: float, pair: tuple[str, str], stories: dict[str, list[Signals]],
              cohesion: Callable[[str], float | None]) -> bool:
    """`StoryClusterer._cohesive_enough`, with each story's cohesion computed once per pass."""
    if s.merge_cohesion_ratio <= 0 or min(len(stories[p]) for p in pair) < s.merge_cohesion_min_size:
        return True
    own = [c for c in map(cohesion, pair) if c is not None]
    return not own or score >= s.merge_cohesion_ratio * float(np.mean(own))


def _apply_merge(store: Store, window: _Window, touched: set[str], kept: str, absorbed: str) -> None:
    ss.merge_into(store, kept, absorbed)
    window.members[kept] = sorted(window.members[kept] + window.members.pop(absorbed), key=lambda m: -m)
    for m in window.members[kept]:
        window.story_of[m] = kept
    window.neighbours[kept] |= window.neighbours.pop(absorbed, set())
    window.earlier[kept] |= window.earlier.pop(absorbed, set())
    window.neighbours[kept] -= {kept, absorbed}
    for others in window.neighbours.values():
        if absorbed in others:
            others.discard(absorbed)
            others.add(kept)
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
    title = ss.first_title(store, [members[int(i)].article_id for i in order])
    if title:
        ss.set_title(store, story_id, title)


def _signature(members: list[Signals], keys: KeyStats, top: int = 15) -> dict[str, float]:
    """The keys most members of a story state, weighted by rarity: who and what it is about."""
    counts: dict[str, int] = defaultdict(int)
    for m in members:
        for k in m.keys:
            counts[k] += 1
    need = max(1, len(members) // 3)
    ranked = sorted(((k, keys.idf(k) * n / len(members)) for k, n in counts.items() if n >= need),
                    key=lambda kv: -kv[1])
    return dict(ranked[:top])


def _link(store: Store, window: _Window, touched: set[str], keys: KeyStats, settings: StorySettings) -> int:
    """Link each touched story to the earlier story it continues (same actors, later days)."""
    linked = 0
    rows: dict[str, ss.StoryRow | None] = {}
    signatures: dict[str, dict[str, float]] = {}

    def row_of(story_id: str) -> ss.StoryRow | None:
        if story_id not in rows:
            live = ss.resolve_story_id(store, story_id)
            rows[story_id] = ss.get_story(store, live) if live else None
        return rows[story_id]

    def signature(story_id: str) -> dict[str, float]:
        if story_id not in signatures:
            signatures[story_id] = _signature(window.member_signals(story_id, 50), keys)
        return signatures[story_id]

    for story_id in sorted(touched):
        row = row_of(story_id)
        if row is None or row.first_day is None:
            continue
        best: tuple[float, str] | None = None
        for other in window.neighbours.get(story_id, set()) | window.earlier.get(story_id, set()):
            other_row = row_of(other)
            if other_row is None or other_row.id == story_id or other_row.last_day is None:
                continue
            gap = row.first_day - other_row.last_day
            if not 0 < gap <= settings.link_window_days:
                continue
            mine, theirs = signature(story_id), signature(other_row.id)
            shared = sum(min(mine[k], theirs[k]) for k in mine.keys() & theirs.keys())
            score = shared / (sum(mine.values()) + sum(theirs.values()) - shared or 1.0)
            if score >= settings.link_threshold and (best is None or score > best[0]):
                best = (score, other_row.id)
        if best:
            ss.set_link(store, story_id, best[1], best[0])
            linked += 1
    return linked
