"""Per-article analysis in worker processes, one per core, while the main process reads and stores.

The parse is the dearest step of an ingest with analysis: on DUC's 232 articles, 37 of the 45 s
that analysis took (one core), against 5 s for everything else of the ingest. Each article's
analysis depends on that article alone (`analysis.analyze_article`), so batches of articles are
analysed in forked workers and come back in order: the store receives the same analyses, in the
same order, as a one-process run writes. The English model is loaded before the fork, so the
workers share its pages instead of loading it each. Small batches stay in the main process.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from storyline.model import Article
from storyline.prepare import WORKER_NICENESS, workers_wanted
from storyline.store import Store

if TYPE_CHECKING:
    from storyline.analysis import ArticleAnalysis

# Articles below this many are analysed in the main process: a pool costs more than it saves.
POOL_MIN = 48
# Batches in flight per worker: the main process loads the next while the workers parse.
AHEAD = 2


def analysed_batches(store: Store, batches: Iterable[list[int]], total: int,
                     workers: int | None = None) -> Iterator[list[tuple[int, ArticleAnalysis]]]:
    """(article id, analysis) of each batch of article ids, batch by batch, in order."""
    count = workers_wanted() if workers is None else workers
    if count <= 1 or total < POOL_MIN:
        for ids in batches:
            yield analyse_batch(_load(store, ids))
        return
    from storyline import nlp

    nlp.english()
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = context.Pool(count, initializer=_worker_init)
    try:
        sent: deque = deque()
        for ids in batches:
            sent.append(pool.apply_async(analyse_batch, (_load(store, ids),)))
            while len(sent) > count * AHEAD:
                yield sent.popleft().get()
        while sent:
            yield sent.popleft().get()
    finally:
        pool.terminate()
        pool.join()


def analyse_batch(batch: list[Article]) -> list[tuple[int, ArticleAnalysis]]:
    """Parse a batch's English texts together (spaCy's pipe), then analyse each article."""
    from storyline import nlp
    from storyline.analysis import analyze_article

    nlp.parse_many([a.text for a in batch if (a.language or "en").startswith("en") and a.text.strip()])
    return [(a.id or 0, analyze_article(a)) for a in batch]


def _load(store: Store, ids: list[int]) -> list[Article]:
    return [a for a in (store.get_article(i) for i in ids) if a is not None]


def _worker_init() -> None:
    with contextlib.suppress(OSError):
        os.nice(WORKER_NICENESS)
    # One core each: two workers with two BLAS threads each would fight over two cores.
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)
