"""Story stages are registered by name and swappable: a user's own stage runs after the defaults,
and one registered under a default's name takes its place."""

from __future__ import annotations

import pytest

from storyline import analysis, story_stages
from storyline.analysis import ArticleAnalysis, StoryContext, run_story_stages, story_stage
from storyline.model import Article, Mention

TEXT = "Mayor Lina Ostrava opened the Kessel bridge on Monday. Ostrava said the bridge cost 12 million euros."


@pytest.fixture
def fresh_stages(monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty registry, as in a process where nothing has run a story yet; put back after."""
    monkeypatch.setattr(analysis, "STORY_STAGES", {})
    monkeypatch.setattr(story_stages, "STORY_STAGES", analysis.STORY_STAGES)
    monkeypatch.setattr(story_stages, "_registered", False)


def _story() -> tuple[list[Article], dict[str, ArticleAnalysis]]:
    article = Article(source="a", title="A bridge opens", text=TEXT, language="en")
    mayor = Mention(source="a", text="Lina Ostrava", start=6, end=18, type="PERSON", sentence=0, language="en",
                    role="Mayor")
    return [article], {"a": ArticleAnalysis(mentions=[mayor])}


def test_a_stage_registered_before_the_first_story_runs_after_the_defaults(fresh_stages: None) -> None:
    seen: list[int] = []

    @story_stage("count_entities")
    def count_entities(ctx: StoryContext) -> None:
        seen.append(len(ctx.entities))
        ctx.extra["entities"] = len(ctx.entities)

    ctx = run_story_stages(*_story())
    assert [e.name for e in ctx.entities] == ["Lina Ostrava"]  # the defaults ran, before it
    assert seen == [1] and ctx.extra["entities"] == 1
    names = list(analysis.STORY_STAGES)
    assert names[:2] == ["entities", "quotes"] and names[-1] == "count_entities"
    run_story_stages(*_story())
    assert seen == [1, 1]  # registered once


def test_a_stage_under_a_default_name_replaces_it(fresh_stages: None) -> None:
    @story_stage("summary")
    def no_summary(ctx: StoryContext) -> None:
        ctx.extra["summary"] = "mine"

    ctx = run_story_stages(*_story())
    assert ctx.summary == [] and ctx.extra["summary"] == "mine"
    assert ctx.entities and list(analysis.STORY_STAGES).index("summary") == 5


def test_a_quote_a_source_gives_to_a_surname_alone_is_the_person_another_source_names_in_full() -> None:
    from storyline.model import Quote

    articles = [Article(source="a", title="Gantz speaks", text="Benny Gantz spoke in Tel Aviv.", language="en"),
                Article(source="b", title="Gantz répond", text="« Nous gagnerons », a répondu Gantz.", language="fr")]
    full = Mention(source="a", text="Benny Gantz", start=0, end=11, type="PERSON", sentence=0, language="en")
    quote = Quote(source="b", text="Nous gagnerons", start=2, end=16, kind="direct", speaker="Gantz")
    ctx = run_story_stages(articles, {"a": ArticleAnalysis(mentions=[full]), "b": ArticleAnalysis(quotes=[quote])})
    assert [q.speaker for q in ctx.quotes] == ["Benny Gantz"]
