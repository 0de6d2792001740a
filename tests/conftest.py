"""Shared test helpers: paths to fixtures and to ../shared (skipped cleanly when absent)."""

from __future__ import annotations

import os
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
CORPUS = FIXTURES / "corpus"
SHARED = pathlib.Path(os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared"))


def shared_path(*parts: str) -> pathlib.Path:
    """A path under ../shared, or skip the test when that data is not on this machine."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available (set STORYLINE_SHARED)")
    return path


@pytest.fixture
def corpus() -> pathlib.Path:
    return CORPUS


def one_article_stories(store, days: dict[str, int | None]) -> None:
    """Stories of one stored article each, by story id -> the day it was last seen (None:
    undated), written straight to the store (a transaction is begun; the caller commits)."""
    from storyline import story_store
    from storyline.model import Article

    store.begin()
    for story_id, day in days.items():
        article = Article(source=f"src-{story_id}", title=None, text=f"Report {story_id}.",
                          content_hash=f"hash-{story_id}")
        store.add_article(article, f"raw-{story_id}")
        story_store.create_story(store, story_id, article.id, day, None)
