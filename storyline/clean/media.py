"""Cited media. PLACEHOLDER: the real detector replaces this."""

from __future__ import annotations

from collections.abc import Iterable

from storyline.settings import DEFAULT, Settings


def find_cited_media(text: str, exclude: Iterable[str | None] = (), settings: Settings = DEFAULT) -> list[str]:
    return []
