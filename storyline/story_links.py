"""Story links: the earlier story a story continues, so that a long-running affair reads as a
chain. Scored with the clusterer's own same-event log-odds, the days apart left out."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import numpy as np

from storyline import story_store as ss
from storyline.ann import VectorIndex
from storyline.cluster import StoryClusterer
from storyline.merge_cells import mean_log_odds
from storyline.signals import Signals
from storyline.store import Store

if TYPE_CHECKING:
    from storyline.stories import StorySettings, _Window

# Earlier stories scored per story (the nearest by mean vector), and the latest members of each
# side that are scored: bounds on the cells the links cost.
_LINK_CANDIDATES = 5
_LINK_MEMBERS = 20
# Below this mean log-odds a story continues an earlier one only when the two put forward an actor
# in common (`actors`). Timeline17's affairs hold together at -2 (`link_threshold`): BP, Mubarak,
# Gaddafi run through every event; a stream of unrelated news joined the plague in Inner Mongolia
# to Delhi's smog, and a train stabbing to a kidnapping rescue, at -1 to -2 on topic words alone.
_ACTORLESS_SCORE = 0.0


def link_stories(store: Store, window: _Window, touched: set[str], clusterer: StoryClusterer,
                 indexes: list[VectorIndex], settings: StorySettings, fresh: set[str] | None = None) -> int:
    """Link each touched story (and each stored story near one this run made that began after it:
    `fresh`) to the earlier story it continues: the one, among those that began before it and
    ended at most `link_window_days` before it began, whose members it matches best by the
    same-event log-odds with the days apart left out (`link_threshold`).

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

    def allowed(row: ss.StoryRow, other: str | None, loaded: bool = True) -> str | None:
        """The live id of `other` if `row`'s story may continue it (and, when `loaded`, its
        members are in the window to be scored)."""
        other_row = row_of(other) if other else None
        if other_row is None or (loaded and not members_of(other_row.id)):
            return None
        return other_row.id if _may_continue(row, other_row, settings.link_window_days) else None

    # A story this run made may be what a stored later story continues (a backfilled archive
    # arrives after what followed it): the later stories near it are weighed again as well.
    later: set[str] = set()
    for story_id in sorted(fresh or ()):
        row = row_of(story_id)
        if row is None or row.last_day is None or not members_of(story_id):  # undated: nothing follows it
            continue
        hits = [hit for index in indexes for hit in index.search(centre(story_id), settings.neighbours)]
        for article_id, _ in hits:
            other = window.story_of.get(article_id)
            other_row = row_of(other) if other and other not in touched else None
            if other_row is not None and _may_continue(other_row, row, settings.link_window_days):
                later.add(other_row.id)
    named: dict[str, set[str]] = {}

    def actors_of(story_id: str) -> set[str]:
        if story_id not in named:
            named[story_id] = actors(members_of(story_id))
        return named[story_id]

    pairs: list[tuple[str, str]] = []
    weighed: list[str] = []
    best: dict[str, tuple[float, str]] = {}
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
        pairs.extend((story_id, other) for other in ranked)
        # The story's standing link is weighed again with what it has now, next to the nearest; one
        # to a story out of the window (a long story touched weeks on) keeps its score.
        for earlier, stored in ss.earlier_links(store, story_id):
            other = allowed(row, earlier, loaded=False)
            if other is None or other in ranked:
                continue
            if members_of(other):
                pairs.append((story_id, other))
            elif stored >= settings.link_threshold and (story_id not in best or stored > best[story_id][0]):
                best[story_id] = (stored, other)
    for (story_id, other), score in zip(pairs, mean_log_odds(clusterer, members, pairs, days_apart_count=False),
                                        strict=True):
        if score < _ACTORLESS_SCORE and not actors_of(story_id) & actors_of(other):
            continue
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


# Keys of capitalised words that are no one: the parts of many names ("New", "City", "News",
# "National") and of a holiday's ("New Year's Eve"), months' abbreviations. Two New Year's pieces of
# two countries, a puppy and a murder bond in one city, were linked on them alone.
_NO_ACTORS = frozenset("""
new news cit count stat north south east west day eve year's year’s years national international world
united universit polic department daily times post dec jan feb mar apr jun jul aug sep sept oct nov
""".split())


def actors(members: list[Signals]) -> set[str]:
    """The names a story puts forward: those of its members' titles and leads, and those most of
    its members state (numbers left out: a toll or a year is no actor, nor a word of many names)."""
    named = Counter(k for m in members for k in m.keys if not k.startswith("#"))
    out = {k for m in members for k in m.lead_keys if not k.startswith("#")}
    if len(members) > 1:
        out |= {k for k, n in named.items() if 2 * n >= len(members)}
    return out - _NO_ACTORS


def _may_continue(later: ss.StoryRow, earlier: ss.StoryRow, window_days: int) -> bool:
    """Whether `later` may continue `earlier`: it began after it, at most `window_days` after
    `earlier` ended (the two may overlap: an affair's next event often begins while the last one
    is still reported)."""
    if later.id == earlier.id or None in (later.first_day, earlier.first_day, earlier.last_day):
        return False
    assert later.first_day is not None and earlier.first_day is not None and earlier.last_day is not None
    return earlier.first_day < later.first_day and later.first_day - earlier.last_day <= window_days
