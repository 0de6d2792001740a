"""Story analyses the web UI runs in the background.

A story opened for the first time since an ingest with `--no-analysis`, or since an upgrade
changed the analysers, is analysed when it is opened: a minute for a story of a hundred articles
on two cores. A page that hung that long looks broken, so the analysis runs in a thread of its
own and the page says how far it got, reloading itself until the story is ready; a small story
is ready within the wait and shows at once. The JSON twin (`/api/story/ID`) still answers when
the analysis is done, as `storyline show` does: a script wants the data, not a progress page.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from storyline.store import Store

# How long a request waits for a story's analysis before it answers with the progress page.
WAIT_SECONDS = 5.0


@dataclass
class AnalysisJob:
    """A story's analysis in progress: `done` of `total` articles read (parse, names, quotes)
    before the story's own stages (entities, summary, discrepancies, timeline) run."""

    story_id: str
    total: int
    done: int = 0
    error: str | None = None
    finished: threading.Event = field(default_factory=threading.Event)


_JOBS: dict[tuple[str, str], AnalysisJob] = {}
_LOCK = threading.Lock()


def analysis_in_progress(db_path: str, story_id: str, wait: float = WAIT_SECONDS) -> AnalysisJob | None:
    """The job analysing the story when its analysis is not ready after `wait` seconds (started
    here unless one runs already), else None: the story's analysis is cached, or it has no such
    story (the caller says so). A job that failed is handed back once, with its error."""
    from storyline.analysis import analysis_is_current
    from storyline.story_store import resolve_story_id
    from storyline.views import story_articles

    with Store(db_path, create=False) as store:
        live = resolve_story_id(store, story_id)
        if live is None:
            return None
        articles = story_articles(store, live)
        if analysis_is_current(store, live, articles):
            return None
    with _LOCK:
        job = _JOBS.get((db_path, live))
        if job is None:
            job = _JOBS[(db_path, live)] = AnalysisJob(live, len(articles))
            threading.Thread(target=_analyse, args=(db_path, job), name=f"analyse {live}", daemon=True).start()
    if job.finished.wait(wait):
        with _LOCK:
            _JOBS.pop((db_path, live), None)
        return job if job.error else None
    return job


def _analyse(db_path: str, job: AnalysisJob) -> None:
    from storyline.analysis import analyze_story, article_analyses
    from storyline.store_lock import writing
    from storyline.views import story_articles

    def read(count: int) -> None:
        job.done += count

    try:
        with writing(db_path), Store(db_path) as store:  # not while an ingest places stories
            articles = story_articles(store, job.story_id)
            job.total = len(articles)
            article_analyses(store, articles, progress=read)
            analyze_story(store, job.story_id, articles)
    except Exception as exc:  # shown on the page: the server goes on
        job.error = f"{type(exc).__name__}: {exc}"
    finally:
        job.finished.set()
