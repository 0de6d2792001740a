"""HTML pages: the article body and its metadata.

The page is parsed once; the tree is shared by the metadata reader (`html_metadata`), trafilatura's
body extractor (which copies it before pruning) and the filters (`html_filters`) that clean what
trafilatura keeps. trafilatura runs in fast mode without comments: its readability/justext
comparison and comment capture cost more than half of its time and, on news pages, gain nothing
our own filters do not.
"""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass

import trafilatura
from lxml.etree import XPath
from lxml.html import HtmlElement
from trafilatura.settings import Extractor
from trafilatura.utils import load_html
from trafilatura.xml import xmltotxt

from storyline.clean.html_blocks import combine, find_article_blocks
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


def _base_options() -> Extractor:
    """trafilatura's options, built once (its config parsing costs ~0.5 ms a page).

    Fast mode, no comments, "txt" format so it does not serialise a body we filter and serialise
    again. The focus is balanced in all but name: trafilatura 2.3's recall escalation runs only
    when `focus == "balanced"` and costs ~2 ms a page (a full-page text dump to measure coverage)
    while changing no benchmark page in fast mode; `find_article_blocks` is our recall rescue
    instead. Every other focus test in trafilatura is `== "precision"` / `== "recall"`, so this
    value behaves as balanced there (tests/test_clean_html.py guards it).
    """
    options = Extractor(fast=True, comments=False, output_format="txt")
    options.focus = NO_ESCALATION_FOCUS
    return options


NO_ESCALATION_FOCUS = "balanced-without-escalation"
_OPTIONS = _base_options()


# Links long enough to be another story's headline; XPath filters in C, which beats walking all links.
_LONG_LINKS = XPath("//a[string-length(normalize-space(.)) > 20]")


def _anchor_texts(tree: HtmlElement) -> list[str]:
    return ["".join(a.itertext()) for a in _LONG_LINKS(tree)]


# Code and drawings, dropped by every consumer of the tree; JSON-LD stays (trafilatura's rescue
# reads its articleBody). Dropping them once here makes trafilatura's tree copies cheaper.
_INERT = XPath('//script[not(@type="application/ld+json")] | //style | //svg | //noscript | //template')


def _strip_inert(tree: HtmlElement) -> None:
    for el in _INERT(tree):
        parent = el.getparent()
        if parent is None:
            continue
        tail, prev = el.tail, el.getprevious()
        parent.remove(el)
        if tail and tail.strip():
            if prev is not None:
                prev.tail = (prev.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail


def extract_html(html: str, url: str | None = None, settings: Settings = DEFAULT) -> HtmlResult:
    """Body text (paragraphs joined by newlines) and metadata of one HTML page."""
    tree = load_html(html)
    if tree is None:
        return HtmlResult(text="", url=url)
    meta = extract_metadata(tree, url)
    _strip_inert(tree)
    ctx = FilterContext(title=meta.title, description=meta.description, anchors=anchor_keys(_anchor_texts(tree)))
    options = copy(_OPTIONS)
    options.url = url
    doc = trafilatura.bare_extraction(tree, options=options)
    text = ""
    if doc is not None and doc.body is not None:
        combine(doc.body, find_article_blocks(tree))
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
