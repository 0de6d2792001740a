"""HTML pages: the article body and its metadata.

The page is parsed once; the tree is read by the metadata reader (`html_metadata`), the link
texts the filters (`html_filters`) need and our second opinion (`html_blocks`), then handed to
trafilatura's body extractor last, which prunes it in place (no copy). trafilatura runs in fast
mode without comments: its readability/justext comparison and comment capture cost more than
half of its time and, on news pages, gain nothing our own filters do not.
"""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass

from lxml.etree import ElementDefaultClassLookup, HTMLParser, XPath, _Element, strip_tags
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction, fromstring
from trafilatura.core import trafilatura_sequence
from trafilatura.settings import Extractor
from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, INVALID_XML_CHARS
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


# trafilatura's parser, with the element classes picked in C: lxml.html's own lookup is a Python
# call for every element proxy lxml creates (thousands a page across trafilatura's passes, ~1 ms).
# Every element is then a plain HtmlElement (no FormElement & co., whose form API nothing here uses).
# `huge_tree` lifts libxml2's nesting limit (256 elements), past which it drops the rest of the
# page without an error: a page of layout tables nested that deep lost its article (trafilatura
# too). Input is capped at `Settings.max_document_bytes` before it gets here.
_PARSER = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
                     remove_pis=True, huge_tree=True)
_PARSER.set_element_class_lookup(ElementDefaultClassLookup(
    element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity))
# Characters libxml2 rejects (trafilatura's INVALID_XML_CHARS, as single characters).
_INVALID_CHARS = tuple(chr(c) for c in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF))


def load_html(html: str) -> HtmlElement | None:
    """trafilatura's `load_html` for a decoded page, step for step, made cheaper twice over: the
    invalid-character regex (1 ms on a big page) runs only when one of those characters is there
    (a str `in` test is a memchr), and the parser picks element classes in C (see `_PARSER`)."""
    beginning = html[:50].lower()
    dubious = "html" not in beginning
    if any(c in html for c in _INVALID_CHARS):
        html = INVALID_XML_CHARS.sub("", html)
    if "doctype" in beginning:
        firstline, _, rest = html.partition("\n")
        html = DOCTYPE_TAG.sub("", firstline, count=1) + "\n" + rest
    for line in html[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            html = FAULTY_HTML.sub(r"\1>", html, count=1)
            break
    tree = None
    fallback = False
    try:
        tree = fromstring(html, parser=_PARSER)
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        tree, fallback = _from_bytes(html), True
    except Exception:  # lxml's own failures: no tree, as trafilatura answers
        tree = None
    if (tree is None or len(tree) < 1) and not fallback:
        tree = _from_bytes(html)
    if tree is not None and dubious and len(tree) < 2:
        return None
    return tree


def _from_bytes(html: str) -> HtmlElement | None:
    try:
        return fromstring(html.encode("utf8", "surrogatepass"), parser=_PARSER)
    except Exception:
        return None


def _trafilatura_body(tree: HtmlElement, url: str | None) -> _Element | None:
    """`trafilatura.bare_extraction(tree, options=…).body` without its defensive copy of the tree
    (~0.5 ms a page): the tree is ours and read for the last time, so trafilatura may prune it in
    place. What bare_extraction does around `trafilatura_sequence` with our options (no metadata,
    language, dedup or prune_xpath) is the tree-size and output-size checks, repeated here (same
    body on all 181 benchmark pages). `trafilatura_sequence` is internal to trafilatura: recheck
    this on an upgrade."""
    options = copy(_OPTIONS)
    options.url = url
    try:
        body, text, _, comments = trafilatura_sequence(tree, options, url)
        if options.max_tree_size and len(body) > options.max_tree_size:
            strip_tags(body, "hi")
            if len(body) > options.max_tree_size:
                return None
        if len(text) < options.min_output_size and len(comments) < options.min_output_comm_size:
            return None
    except (TypeError, ValueError):  # bare_extraction's answer to them: no document
        return None
    return body


def extract_html(html: str, url: str | None = None, settings: Settings = DEFAULT) -> HtmlResult:
    """Body text (paragraphs joined by newlines) and metadata of one HTML page."""
    tree = load_html(html)
    if tree is None:
        return HtmlResult(text="", url=url)
    meta = extract_metadata(tree, url)
    _strip_inert(tree)
    ctx = FilterContext(title=meta.title, description=meta.description, anchors=anchor_keys(_anchor_texts(tree)))
    blocks = find_article_blocks(tree)  # read before trafilatura prunes the tree in place
    body = _trafilatura_body(tree, url)
    text = ""
    if body is not None:
        combine(body, blocks)
        clean_body(body, ctx)
        text = xmltotxt(body, False) or ""
    return HtmlResult(
        text=text.strip(),
        title=meta.title,
        published=meta.published,
        author=meta.author,
        outlet=meta.outlet,
        language=meta.language,
        url=meta.url,
    )
