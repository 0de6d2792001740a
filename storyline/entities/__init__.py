"""Who is who in a story: named-entity mentions per article, then one entity per real-world referent.

`find_mentions(article)` finds the people, organisations and places an article names, with the
role printed beside each; `resolve(mentions, texts)` ties the mentions of one story together across
sources, scripts and spellings. Both are imported lazily so that `storyline.entities.names` (string
matching only) can be used without loading the language models.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storyline.model import Article, Entity, Mention


def find_mentions(article: Article) -> list[Mention]:
    """Every person, organisation and place named in `article` (see `storyline.entities.ner`)."""
    from storyline.entities.ner import find_mentions as _find

    return _find(article)


def resolve(mentions: list[Mention], texts: Mapping[str, str] | None = None) -> list[Entity]:
    """The entities of one story from its articles' mentions (see `storyline.entities.resolve`)."""
    from storyline.entities.resolve import resolve as _resolve

    return _resolve(mentions, texts)


__all__ = ["find_mentions", "resolve"]
