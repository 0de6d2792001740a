"""HTML pages: the article body and its metadata.

PLACEHOLDER: trafilatura alone, so the pipeline runs end to end; the combined extractor replaces it.
"""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

from storyline.settings import DEFAULT, Settings


@dataclass
class HtmlResult:
    text: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    outlet: str | None = None
    language: str | None = None
    url: str | None = None


def extract_html(html: str, url: str | None = None, settings: Settings = DEFAULT) -> HtmlResult:
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, favor_precision=False)
    if not doc:
        return HtmlResult(text="")
    return HtmlResult(
        text=doc.text or "",
        title=doc.title,
        published=doc.date,
        author=doc.author,
        outlet=doc.sitename,
        url=doc.url,
    )
