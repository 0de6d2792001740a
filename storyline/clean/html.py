"""HTML pages: the article body and its metadata.

The page is parsed once; the tree is shared by the metadata reader (`html_metadata`), trafilatura's
body extractor (which copies it before pruning) and the filters (`html_filters`) that clean what
trafilatura keeps. trafilatura runs in fast mode without comments: its readability/justext
comparison and comment capture cost more than half of its time and, on news pages, gain nothing
our own filters do not.
"""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura
from lxml.html import HtmlElement
from trafilatura.utils import load_html
from trafilatura.xml import xmltotxt

from storyline.clean.html_filters import FilterContext, anchor_keys, clean_body
from storyline.clean.html_metadata import extract_metadata
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


def _anchor_texts(tree: HtmlElement) -> list[str]:
    return ["".join(a.itertext()) for a in tree.iter("a")]


def extract_html(html: str, url: str | None = None, settings: Settings = DEFAULT) -> HtmlResult:
    """Body text (paragraphs joined by newlines) and metadata of one HTML page."""
    tree = load_html(html)
    if tree is None:
        return HtmlResult(text="", url=url)
    meta = extract_metadata(tree, url)
    ctx = FilterContext(title=meta.title, description=meta.description, anchors=anchor_keys(_anchor_texts(tree)))
    doc = trafilatura.bare_extraction(tree, url=url, fast=True, include_comments=False, with_metadata=False)
    text = ""
    if doc is not None and doc.body is not None:
        clean_body(doc.body, ctx)
        text = xmltotxt(doc.body, False) or ""
    return HtmlResult(
        text=text.strip(),
        title=meta.title,
        published=meta.published,
        author=meta.author,
        outlet=meta.outlet,
        language=meta.language,
        url=meta.url,
    )
