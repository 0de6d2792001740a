"""The pipeline that ties the stages together: read → clean → store (later: embed, cluster, …).

Kept as plain functions over the data model so the CLI, the Python API and the tests all run the
same code.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field

from storyline import story_store as ss
from storyline.clean.implied_dates import DateContext, DateCues
from storyline.clean.repeats import SiteRepeats
from storyline.ingest import read_all
from storyline.ingest.errors import InputError
from storyline.ingest.sources import parts_digest
from storyline.model import Article, RawDocument
from storyline.prepare import Prepared, Preparer
from storyline.progress import progress
from storyline.settings import DEFAULT, Settings
from storyline.signals import day_number
from storyline.store import Store
from storyline.store_lock import writing
from storyline.stories import DEFAULT_STORIES, StorySettings, StoryStats, update_stories


@dataclass
class IngestStats:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicate: int = 0
    errors: int = 0
    stories: StoryStats | None = None
    # Where the CPU went, in seconds per stage, added over every process (workers included):
    # clean, encode (the row's columns), embed, keys, store, dates (implied), stories.
    cpu_seconds: dict[str, float] = field(default_factory=dict)

    def count_cpu(self, stage: str, seconds: float) -> None:
        self.cpu_seconds[stage] = self.cpu_seconds.get(stage, 0.0) + seconds

    @property
    def stored_or_known(self) -> int:
        return self.added + self.updated + self.unchanged + self.duplicate

    def as_dict(self) -> dict[str, object]:
        return asdict(self)

    def summary(self) -> str:
        line = (f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
                f"{self.duplicate} duplicate, {self.errors} error(s)")
        return line + (f"; {self.stories.summary()}" if self.stories else "")


def raw_hash(raw: RawDocument) -> str:
    """Identity of the input itself, so re-ingesting an unchanged file skips cleaning entirely."""
    return parts_digest(raw.kind, raw.title, raw.published, raw.outlet, raw.url, raw.author, raw.content)


def ingest_paths(
    paths: Iterable[str],
    db_path: str,
    settings: Settings = DEFAULT,
    on_error: Callable[[InputError], None] | None = None,
    stories: StorySettings | None = DEFAULT_STORIES,
) -> IngestStats:
    """Ingest files and folders into the store, then bring its stories up to date (unless
    `stories` is None); bad input is reported and skipped."""
    stats = IngestStats()
    absolute = [os.path.abspath(p) if os.path.exists(p) else p for p in paths]

    def fail(error: InputError) -> None:
        stats.errors += 1
        if on_error:
            on_error(error)

    dates = DateContext()
    repeats = SiteRepeats()
    undated: deque[tuple[Article, frozenset[str] | None, DateCues | None]] = deque()
    with writing(db_path), Store(db_path) as store:
        preparer = Preparer(settings, _embedder_for(store, stories))
        store.begin()
        pending = 0

        def take(done: Iterable[Prepared]) -> None:
            nonlocal pending
            for item in done:
                for stage, seconds in item.cpu.items():
                    stats.count_cpu(stage, seconds)
                if item.article is None:
                    fail(InputError(item.raw.source, item.error or "no article text found"))
                    continue
                start = time.process_time()
                article = item.article
                outcome = store.add_article(article, item.digest, item.values)
                setattr(stats, outcome, getattr(stats, outcome) + 1)
                if outcome == "added" and item.signals_row is not None and preparer.embedder:
                    ss.save_signals_row(store, article.id, preparer.embedder, item.signals_row,
                                        day_number(article.published))
                elif outcome == "updated":
                    ss.touch_story_of(store, article.id)
                dates.add(article, item.names)
                pending += 1
                if pending >= settings.commit_every:
                    store.commit()
                    store.begin()
                    pending = 0
                stats.count_cpu("store", time.process_time() - start)
                if not article.published and outcome in ("added", "updated"):
                    undated.append((article, item.names, item.date_cues))
                    if len(undated) > _MAX_UNDATED:
                        start = time.process_time()
                        _resolve_dates(store, dates, [undated.popleft()])
                        stats.count_cpu("dates", time.process_time() - start)

        try:
            for item in progress(read_all(absolute, settings), desc="ingest", unit="doc"):
                if isinstance(item, InputError):
                    fail(item)
                    continue
                digest = raw_hash(item)
                if store.known_raw(item.source, digest):
                    stats.unchanged += 1
                    continue
                take(preparer.add(repeats.strip(item), digest))
            take(preparer.finish())
        finally:
            preparer.close()
        start = time.process_time()
        _resolve_dates(store, dates, undated)
        store.commit()
        stats.count_cpu("dates", time.process_time() - start)
        # The story stage runs once the whole batch is stored, on one core, while the workers
        # sit idle. A trial (not kept) placing every 1,000 stored articles during the ingest (the
        # window, its index and the key counts kept between rounds) was slower on the bench
        # stream, 169 against 186 articles/s (`bench/stories.py --one fast 4000` on each tree,
        # back to back): 94% of its articles
        # carry no date and wait for the batch's (their implied date decides their story), so
        # nearly all still met in one last round, and the early rounds' stories made the merge
        # pass a third longer (1,180 stories against 1,081).
        if stories is not None and stats.stored_or_known:
            start = time.process_time()
            stats.stories = update_stories(store, stories)
            stats.count_cpu("stories", time.process_time() - start)
        store.compact()
    return stats


def _embedder_for(store: Store, stories: StorySettings | None) -> str | None:
    """The embedder whose vectors are computed along with cleaning: the store's, when the story
    stage will run with it (else that stage reports the mismatch, as it always did)."""
    if stories is None:
        return None
    chosen = store.get_meta("embedder")
    return stories.embedder if chosen in (None, stories.embedder) else None


# Undated articles wait for the rest of the batch before their implied date is resolved.
_MAX_UNDATED = 2000


def _resolve_dates(store: Store, dates: DateContext,
                   undated: Iterable[tuple[Article, frozenset[str] | None, DateCues | None]]) -> None:
    for article, names, cues in undated:
        if dates.resolve(article, names, cues) and article.id is not None and article.published:
            store.set_inferred_date(article.id, article.published)
            ss.set_signal_day(store, article.id, day_number(article.published))
