"""Plain-text articles: classify every line, then read title, date, byline and dateline off them.

PLACEHOLDER: a first cut so the pipeline runs end to end; the real classifier replaces it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from storyline.model import Dateline, Line
from storyline.settings import DEFAULT, Settings


@dataclass
class PlainResult:
    lines: list[Line]
    body: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    dateline: Dateline | None = None
    extra: dict[str, str] = field(default_factory=dict)


def clean_plain_text(text: str, settings: Settings = DEFAULT) -> PlainResult:
    lines = [Line(n=i, text=t) for i, t in enumerate(text.split("\n"), start=1)]
    title = None
    for line in lines:
        if line.text.strip():
            if title is None:
                line.kind, title = "title", line.text.strip()
            elif len(line.text.split()) < 6:
                line.kind = "boilerplate"
        else:
            line.kind = "boilerplate"
    body = "\n".join(ln.text.strip() for ln in lines if ln.kind == "body")
    return PlainResult(lines=lines, body=body, title=title)
