"""storyline: news articles from many outlets and languages, turned into stories a person can check."""

from __future__ import annotations

__version__ = "0.1.0"

from storyline.api import Storyline, extract  # noqa: E402
from storyline.model import Article, Claim, Dateline, Entity, Line, Mention, Quote, Story  # noqa: E402


def open(path: str) -> Storyline:  # noqa: A001 - `storyline.open(db)` reads like `sqlite3.connect`
    """Open (or create) a store."""
    return Storyline(path)


__all__ = ["Article", "Claim", "Dateline", "Entity", "Line", "Mention", "Quote", "Story", "Storyline",
           "extract", "open"]
