"""Analysis in worker processes, one per core, while the main process reads and stores.

The parse is the dearest step of an ingest with analysis (`bench/analysis.py`: one process
analyses an article in about the time spaCy's own `nlp.pipe` parses it), and the stages of big
stories come next. Each article's analysis depends on that article alone
(`analysis.analyze_article`), and a story's stages on its articles and their analyses alone
(`analysis.run_story_stages`), so both run in forked workers and come back in order: the main
process stores them (and gives entities their ids, which reads and writes the store) exactly as a
one-process run does. The English model is loaded before the fork, so the workers share its pages
instead of loading it each. Small batches stay in the main process. (On two cores:
`bench/analysis.py` per_article_ms against one_process_ms, and the DUC line of
`python ../shared/eval/clusters.py`, whose ingest_sec includes the analysis: 27.4 s against 48.0.)
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from storyline.model import Article
from storyline.prepare import fork_pool, workers_wanted
from storyline.store import Store

if TYPE_CHECKING:
    from storyline.analysis import ArticleAnalysis, StoryContext

# Articles below this many are analysed in the main process: a pool costs more than it saves.
POOL_MIN = 48
# Stories below this many likewise (a story's stages take ~0.1-3 s).
STORY_POOL_MIN = 4
# Batches in flight per worker: the main process loads the next while the workers parse.
AHEAD = 2


def analysed_batches(batches: Iterable[list[Article]], total: int,
                     workers: int | None = None) -> Iterator[tuple[list[Article], list[ArticleAnalysis]]]:
    """Each batch of articles with their analyses, batch by batch, in order (`total`: how many
    articles all the batches hold; the batches are read here, in the caller's thread)."""
    count = _workers(workers)
    if count <= 1 or total < POOL_MIN:
        for batch in batches:
            yield batch, analyse_batch(batch)
        return
    from storyline import nlp

    nlp.english()
    yield from _in_order(count, ((batch, (analyse_batch, (batch,))) for batch in batches))


def story_contexts(store: Store, story_ids: list[str],
                   workers: int | None = None) -> Iterator[tuple[str, list[Article], StoryContext | None]]:
    """(story id, its articles, its stages' fresh context) of each story, in order; the context is
    None where the story's cached analysis is current."""
    from storyline.analysis import article_analyses, cached_context, reading_languages, run_story_stages
    from storyline.views import story_articles

    count = _workers(workers)
    pooled = count > 1 and len(story_ids) >= STORY_POOL_MIN
    languages = reading_languages(store)

    def tasks() -> Iterator[tuple[tuple[str, list[Article]], tuple | None]]:
        for story_id in story_ids:
            articles = story_articles(store, story_id)
            if cached_context(store, story_id, articles) is not None:
                yield (story_id, articles), None
            else:
                # Articles not analysed yet are analysed here, with no pool of their own while
                # this one runs (forking a process that runs a pool's threads is unsafe).
                analyses = article_analyses(store, articles, workers=1 if pooled else workers)
                yield (story_id, articles), (run_story_stages, (articles, analyses, languages))

    if not pooled:
        for (story_id, articles), task in tasks():
            yield story_id, articles, None if task is None else task[0](*task[1])
        return
    for (story_id, articles), ctx in _in_order(count, tasks()):
        yield story_id, articles, ctx


def _workers(wanted: int | None) -> int:
    """Worker processes to use: none off the main thread. A request thread of a threaded web host
    (`storyline.web.make_app` served by one) that forked a pool would copy a process whose other
    threads may hold locks; it analyses in its own process instead."""
    if threading.current_thread() is not threading.main_thread():
        return 1
    return workers_wanted() if wanted is None else wanted


def _in_order(count: int, items: Iterable[tuple[Any, tuple | None]]) -> Iterator[tuple[Any, Any]]:
    """(key, result) of each (key, (function, args)) item, in item order, the functions run in a
    pool of `count` forked workers (an item without a task gives None). A few tasks are in flight
    per worker, so the caller's reading of the next ones (here, in its own thread: the store's
    connection is that thread's) and storing of the last ones overlap the work."""
    pool = fork_pool(count, _worker_init)
    try:
        sent: deque = deque()
        for key, task in items:
            sent.append((key, None if task is None else pool.apply_async(task[0], task[1])))
            while len(sent) > count * AHEAD:
                yield _result(sent.popleft())
        while sent:
            yield _result(sent.popleft())
    finally:
        pool.terminate()
        pool.join()


def _result(entry: tuple[Any, Any]) -> tuple[Any, Any]:
    key, pending = entry
    return key, None if pending is None else pending.get()


def analyse_batch(batch: list[Article]) -> list[ArticleAnalysis]:
    """Parse a batch's English texts together (spaCy's pipe), then analyse each article."""
    from storyline import nlp
    from storyline.analysis import analyze_article

    nlp.parse_many([a.text for a in batch if (a.language or "en").startswith("en") and a.text.strip()])
    return [analyze_article(a) for a in batch]


def _worker_init() -> None:
    # One core each: two workers with two BLAS threads each would fight over two cores.
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)
