"""storyline: news articles from many outlets and languages, turned into stories a person can check."""

from __future__ import annotations

__version__ = "0.1.0"

from storyline.api import Storyline, analyze, extract
from storyline.model import Article, Claim, Dateline, Entity, Line, Mention, Quote, Story


def open(path: str) -> Storyline:
    """Open (or create) a store."""
    return Storyline(path)


__all__ = ["Article", "Claim", "Dateline", "Entity", "Line", "Mention", "Quote", "Story", "Storyline",
           "analyze", "extract", "open"]
