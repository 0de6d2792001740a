"""The Python API: the same operations as the CLI, returning the data model instead of JSON."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from storyline.clean import clean
from storyline.ingest import read_all
from storyline.ingest.errors import InputError
from storyline.model import Article
from storyline.pipeline import IngestStats, ingest_paths
from storyline.settings import DEFAULT, Settings
from storyline.store import Store


class Storyline:
    """A store of articles. Opening is cheap; each call opens the SQLite file for its own work,
    so one object can be shared by a script and a long-running reader."""

    def __init__(self, path: str, settings: Settings = DEFAULT):
        self.path = path
        self.settings = settings

    def ingest(self, paths: Iterable[str], on_error: Callable[[InputError], None] | None = None) -> IngestStats:
        return ingest_paths(list(paths), self.path, self.settings, on_error=on_error)

    def articles(self, search: str | None = None, limit: int | None = None) -> list[Article]:
        with Store(self.path) as store:
            return list(store.iter_articles(search=search, limit=limit))

    def article(self, key: int | str) -> Article | None:
        with Store(self.path) as store:
            return store.get_article(key)


def extract(paths: Iterable[str], settings: Settings = DEFAULT) -> Iterator[Article | InputError]:
    """Clean files without storing them; bad input comes back as InputError items."""
    for item in read_all(list(paths), settings):
        yield item if isinstance(item, InputError) else clean(item, settings)
