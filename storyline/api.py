"""The Python API: the same operations as the CLI, returning the data model instead of JSON."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from storyline.ingest.errors import InputError
from storyline.model import Article, Story
from storyline.settings import DEFAULT, Settings
from storyline.store import Store

if TYPE_CHECKING:  # the heavy stages load when first used, so `import storyline` stays quick
    from storyline.analysis import StoryContext
    from storyline.pipeline import IngestStats


class Storyline:
    """A store of articles. Opening is cheap; each call opens the SQLite file for its own work,
    so one object can be shared by a script and a long-running reader."""

    def __init__(self, path: str, settings: Settings = DEFAULT):
        self.path = path
        self.settings = settings

    def ingest(self, paths: Iterable[str], on_error: Callable[[InputError], None] | None = None) -> IngestStats:
        from storyline.pipeline import ingest_paths

        return ingest_paths(list(paths), self.path, self.settings, on_error=on_error)

    def articles(self, search: str | None = None, limit: int | None = None) -> list[Article]:
        with Store(self.path) as store:
            return list(store.iter_articles(search=search, limit=limit))

    def article(self, key: int | str) -> Article | None:
        with Store(self.path) as store:
            return store.get_article(key)

    def stories(self) -> list[Story]:
        """Every story, most recent first, with its articles."""
        from storyline.story_store import iter_stories
        from storyline.views import as_story

        with Store(self.path) as store:
            return [as_story(store, row) for row in iter_stories(store)]

    def story(self, story_id: str) -> dict | None:
        """One story as `storyline show --format json` prints it (a merged id finds its story)."""
        from storyline.views import story_detail

        with Store(self.path) as store:
            return story_detail(store, story_id)

    def entity(self, query: str) -> list[dict]:
        """An entity (by id, or every entity a name may mean) through the stories, oldest first, as
        `storyline entity QUERY --format json` prints it. Analyses stories not analysed yet."""
        from storyline.analysis import analyze_stale_stories, stale_stories
        from storyline.views import entity_detail, find_entities

        with Store(self.path) as store:
            analyze_stale_stories(store, stale_stories(store, min_members=1))
            return [r for r in (entity_detail(store, eid) for eid in find_entities(store, query)) if r]

    def compare(self, a: str | Article | int, b: str | Article | int) -> float:
        """How likely two articles are about the same story (higher: more likely): each a text, an
        Article, or the id of a stored one."""
        from storyline.compare import compare_pairs

        return next(score for _, score in compare_pairs([("0", self._text(a), self._text(b))]))

    def _text(self, item: str | Article | int) -> str:
        if isinstance(item, int) and not isinstance(item, bool):
            found = self.article(item)
            if found is None:
                raise KeyError(f"no article {item} in {self.path}")
            item = found
        if isinstance(item, Article):
            return "\n\n".join(part for part in (item.title, item.text) if part)
        if not isinstance(item, str):
            raise TypeError(f"compare takes texts, Articles or stored ids, not {type(item).__name__}")
        return item


def extract(paths: Iterable[str], settings: Settings = DEFAULT) -> Iterator[Article | InputError]:
    """Clean files without storing them; bad input comes back as InputError items."""
    from storyline.clean import clean
    from storyline.ingest import read_all

    for item in read_all(list(paths), settings):
        yield item if isinstance(item, InputError) else clean(item, settings)


def analyze(articles: list[Article]) -> StoryContext:
    """The story analysis (entities, quotes, discrepancies, summary, coverage) of articles you hold,
    without a store: for a notebook, or another pipeline's clusters."""
    from storyline.analysis import analyze_article, run_story_stages

    return run_story_stages(articles, {a.source: analyze_article(a) for a in articles})
