"""The per-document work of an ingest, which needs no store: clean, then embed and key.

Cleaning and embedding are most of an ingest's time and each document is independent of the
others, so `Preparer` runs them in worker processes, one per core, on chunks of documents, while
the main process reads inputs and writes the store (SQLite wants one writer). Results come back
in input order, so a batch is stored, and clustered, exactly as a one-process run would: the
same ids, the same stories. Small batches are prepared in the main process (a worker pool costs
more to start than they take).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import storyline.clean.html  # noqa: F401  (loaded before the workers fork, so that they share it)
from storyline.clean import clean
from storyline.clean.implied_dates import DateCues
from storyline.model import Article, RawDocument
from storyline.settings import Settings, usable_cores

# Documents per task: enough that a task's overhead (pickling, one embedding call) is small,
# few enough that both workers stay busy to the end of a batch.
CHUNK = 32
# Tasks in flight per worker: the main process stores one chunk while the next are prepared.
AHEAD = 3


@dataclass
class Prepared:
    """One document after the work that needs no store: an article (or why there is none), and
    its vector and keys when the store's embedder is known."""

    raw: RawDocument
    digest: str
    article: Article | None = None
    error: str | None = None
    # What the main process would otherwise compute before storing: the row's columns, the
    # names implied dates are matched on, and the signals row (vector, keys, lead keys) encoded.
    values: dict[str, object] | None = None
    names: frozenset[str] | None = None
    signals_row: tuple[bytes, bytes, str] | None = None
    date_cues: DateCues | None = None  # of an article without a date, for `DateContext.resolve`
    # CPU seconds this document took per stage, in whichever process prepared it (a chunk's
    # embedding call is shared out evenly): `IngestStats.cpu_seconds` adds them up.
    cpu: dict[str, float] = field(default_factory=dict)


def workers_wanted() -> int:
    """Worker processes for a big batch: one per core this process may use ($STORYLINE_WORKERS
    overrides; 1 prepares everything in the main process)."""
    value = os.environ.get("STORYLINE_WORKERS")
    return max(1, int(value)) if value else usable_cores()


def prepare_chunk(chunk: list[tuple[RawDocument, str]], settings: Settings, embedder: str | None) -> list[Prepared]:
    """Clean each document; embed and key those that are articles (one embedding call)."""
    from storyline.clean.filters import not_an_article
    from storyline.clean.implied_dates import article_names, cue_text, date_cues
    from storyline.embed import embedding_text, get_embedder, quantize
    from storyline.signals import article_signals
    from storyline.store import row_values
    from storyline.story_store import encode_keys

    out = []
    clock = time.process_time
    for raw, digest in chunk:
        item = Prepared(raw, digest)
        start = clock()
        try:
            item.article = clean(raw, settings)
        except Exception as exc:  # a cleaner bug must not cost the user the batch
            item.error = f"could not be cleaned ({type(exc).__name__}: {exc})"
        else:
            if len(item.article.text.strip()) < settings.min_body_chars:
                item.article, item.error = None, "no article text found"
            elif why := not_an_article(item.article.text):
                item.article, item.error = None, why
            else:
                cleaned = clock()
                item.values = row_values(item.article)
                item.names = article_names(item.article)
                if not item.article.published:
                    item.date_cues = date_cues(cue_text(item.article))
                # The row's columns hold the lines, encoded: a list of Line objects would cost
                # the main process more to unpickle than the rest of the result together.
                item.article.lines = []
                item.cpu["encode"] = clock() - cleaned
        item.cpu["clean"] = clock() - start - item.cpu.get("encode", 0.0)
        out.append(item)
    articles = [p for p in out if p.article is not None]
    if embedder and articles:
        start = clock()
        vectors = get_embedder(embedder).embed([embedding_text(p.article.title, p.article.text) for p in articles])
        share = (clock() - start) / len(articles)
        for p, vector in zip(articles, vectors, strict=True):
            start = clock()
            keyed = article_signals(0, p.article.title, p.article.text, None, p.article.language, vector)
            p.signals_row = (quantize(vector), *encode_keys(keyed.keys, keyed.lead_keys, keyed.foreign_keys))
            p.cpu["embed"] = share
            p.cpu["keys"] = clock() - start
    return out


# Workers yield some CPU to the main process: it stores (and then clusters) in order, so any time
# it waits for a core is added to the whole run, while a worker that waits only eats its lead.
# Only a little: with the default model the workers' embedding is the critical path, and on a
# shared machine +5 lost them more to other jobs than it gave the main process (A/B, bench stream).
WORKER_NICENESS = 2


def fork_pool(workers: int, initializer: Callable[[], None]) -> Any:
    """A pool of worker processes at a lower priority, forked where the platform can (so they
    share the models this process loaded), each running `initializer` first."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return context.Pool(workers, initializer=_lower_priority_then, initargs=(initializer,))


def _lower_priority_then(initializer: Callable[[], None]) -> None:
    with contextlib.suppress(OSError):
        os.nice(WORKER_NICENESS)
    initializer()


def _worker_init() -> None:
    # Each worker embeds on one core: two workers with two BLAS threads each would fight.
    os.environ["STORYLINE_USE_THREADS"] = "1"
    from storyline.embed import set_embedder_threads

    set_embedder_threads(1)


_WARM_UP = ("Talks go on\n\nThe minister told Reuters on Monday, May 4, that the talks with the union in "
            "Geneva would go on next week, and that nobody had asked him to resign.\n")


class Preparer:
    """Prepares documents in order: inline for a small batch, in a worker pool past one chunk."""

    def __init__(self, settings: Settings, embedder: str | None, workers: int | None = None):
        self.settings = settings
        self.embedder = embedder
        self.workers = workers_wanted() if workers is None else workers
        self._chunk: list[tuple[RawDocument, str]] = []
        self._pending: deque = deque()
        self._pool = None

    def add(self, raw: RawDocument, digest: str) -> Iterator[Prepared]:
        """Queue a document; yields whatever is ready, in input order."""
        self._chunk.append((raw, digest))
        if len(self._chunk) >= CHUNK:
            self._submit()
        while self._pending and (len(self._pending) > self.workers * AHEAD or self._pending[0].ready()):
            yield from self._pending.popleft().get()

    def finish(self) -> Iterator[Prepared]:
        """Everything still queued, in input order; the pool is closed."""
        try:
            if self._chunk and self._pool is None:
                yield from prepare_chunk(self._chunk, self.settings, self.embedder)
                self._chunk = []
            elif self._chunk:
                self._submit()
            while self._pending:
                yield from self._pending.popleft().get()
        finally:
            self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def _submit(self) -> None:
        chunk, self._chunk = self._chunk, []
        if self._pool is None and self.workers > 1:
            self._pool = self._start()
        if self._pool is None:
            self._pending.append(_Done(prepare_chunk(chunk, self.settings, self.embedder)))
        else:
            self._pending.append(_Sent(self._pool.apply_async(_prepare_remote, (chunk, self.settings, self.embedder)),
                                       chunk))

    def _start(self):
        # What preparing loads on first use (the embedder, the language model, the media list,
        # stoplists, patterns compiled on demand) is loaded once here, not once per worker:
        # forked workers share its pages.
        prepare_chunk([(RawDocument(source="<warm-up>", content=_WARM_UP, kind="text"), "")], self.settings,
                      self.embedder)
        return fork_pool(self.workers, _worker_init)


def _prepare_remote(chunk: list[tuple[RawDocument, str]], settings: Settings, embedder: str | None) -> list[Prepared]:
    """`prepare_chunk` in a worker: the raw documents are not sent back (the main process has
    them; they were most of the bytes it unpickled)."""
    out = prepare_chunk(chunk, settings, embedder)
    for item in out:
        item.raw = None  # type: ignore[assignment]
    return out


class _Sent:
    """A chunk handed to the pool; its raw documents are put back on the results."""

    def __init__(self, result, chunk: list[tuple[RawDocument, str]]):
        self._result = result
        self._chunk = chunk

    def ready(self) -> bool:
        return self._result.ready()

    def get(self) -> list[Prepared]:
        out = self._result.get()
        for item, (raw, _) in zip(out, self._chunk, strict=True):
            item.raw = raw
        return out


class _Done:
    """A chunk prepared inline, with the interface of a pool's pending result."""

    def __init__(self, result: list[Prepared]):
        self._result = result

    def ready(self) -> bool:
        return True

    def get(self) -> list[Prepared]:
        return self._result
