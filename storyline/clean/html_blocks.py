"""A second opinion on where the article is: our own scoring of the page's text blocks.

trafilatura picks one container by XPath rules and extracts it well, but it fails two ways our
benchmark pages show: the body is split into several sibling containers (a chunk between each ad,
as Condé Nast and many CMSs do) and it keeps only the first; or no rule matches and its rescue
dumps the whole page, menus included. This module finds the article independently, readability
style but simpler: every paragraph-like block (a `<p>`, or a `<div>`/`<td>` carrying prose of its
own) is scored by length and link density; each block's score goes to its parent; the best parent
is the article container, and every other container with the same tag and class is another chunk
of it. `html.py` decides how this opinion is combined with trafilatura's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.etree import Element, XPath, _Element
from lxml.html import HtmlElement

from storyline.clean.html_filters import block_text, norm_key

_WORD = re.compile(r"\w+")
_INLINE = frozenset({"a", "b", "i", "em", "strong", "span", "font", "u", "small", "sup", "sub", "abbr", "cite",
                     "q", "mark", "time", "code", "br"})
# Containers whose class or id says they are not the article, whatever their text.
_BOILER_ATTR = re.compile(
    r"comment|share|social|related|promo|newsletter|sidebar|footer|\bnav|menu|breadcrumb|subscri|signup|"
    r"advert|\bads?\b|caption|credit|author-?bio|recommend|popular|trending|outbrain|taboola|widget|modal|"
    r"popup|cookie|disclaimer|more-stories|read-?more|teaser|\btags?\b",
    re.I,
)
_BLOCKS = XPath(
    "//p | //*[self::div or self::td or self::section or self::article or self::font]"
    "[text()[string-length(normalize-space(.)) > 60]]"
)
# Shortest block that votes for its container; shorter ones are labels, bylines, buttons.
MIN_VOTE_CHARS = 40
# A block whose text is more than this share of link text is navigation, not prose.
MAX_LINK_DENSITY = 0.4
# A block of the article container is kept unless it is mostly links (a "related" line).
MAX_MEMBER_LINK_DENSITY = 0.3


@dataclass
class Block:
    el: HtmlElement
    text: str
    link_chars: int

    @property
    def link_density(self) -> float:
        return self.link_chars / max(1, len(self.text))


def _own_text(el: HtmlElement) -> tuple[str, int]:
    """Text of the block itself: for a `<p>` all of it, for a `<div>` its own text and inline
    children only (its block children are blocks of their own). Also the chars inside links."""
    if el.tag == "p":
        text = " ".join(el.text_content().split())  # = _WS.sub(" ", …).strip(), faster
        if el.find(".//a") is None:
            return text, 0
        return text, sum(len(a.text_content()) for a in el.iter("a"))
    parts = [el.text or ""]
    links = 0
    for child in el:
        if child.tag == "br":
            parts.append("\n")
        elif isinstance(child.tag, str) and child.tag in _INLINE:
            inner = child.text_content()
            parts.append(inner)
            if child.tag == "a":
                links += len(inner)
        parts.append(child.tail or "")
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))  # = _HSPACE.sub, stripped
    return "\n".join(line for line in lines if line), links


def _signature(el: HtmlElement) -> tuple[str, str]:
    return el.tag, " ".join((el.get("class") or "").split())


def _boilerplate_container(el: HtmlElement, stop: int = 6) -> bool:
    """Whether the element or one of its nearest ancestors is classed as page furniture."""
    node: HtmlElement | None = el
    for _ in range(stop):
        if node is None or node.tag in {"body", "html"}:
            return False
        if node.tag in {"nav", "footer", "aside", "header", "form"}:
            return True
        attrs = f"{node.get('class') or ''} {node.get('id') or ''}"
        if attrs.strip() and _BOILER_ATTR.search(attrs):
            return True
        node = node.getparent()
    return False


def find_article_blocks(tree: HtmlElement) -> list[Block]:
    """The blocks of the article as this module sees it, in document order ([] if none stands out)."""
    blocks: list[Block] = []
    votes: dict[HtmlElement, float] = {}
    for el in _BLOCKS(tree):
        text, link_chars = _own_text(el)
        if not text:
            continue
        block = Block(el, text, link_chars)
        blocks.append(block)
        if len(text) >= MIN_VOTE_CHARS and block.link_density <= MAX_LINK_DENSITY:
            parent = el if el.tag != "p" else el.getparent()
            if parent is not None:
                votes[parent] = votes.get(parent, 0.0) + min(len(text), 600) + 30 * text.count(",")
    if not votes:
        return []
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    best = next((el for el, _ in ranked[:5] if not _boilerplate_container(el)), None)
    if best is None:
        return []
    sig = _signature(best)
    family = {el for el, score in votes.items() if _signature(el) == sig and not _boilerplate_container(el)}
    if not sig[1]:  # an unclassed container: its twins are just any other bare div
        family = {best}
    out = []
    for block in blocks:
        owner = block.el if block.el.tag != "p" else block.el.getparent()
        if owner in family and block.link_density <= MAX_MEMBER_LINK_DENSITY:
            out.append(block)
    return out


# The second opinion adds blocks only when it agrees with trafilatura on this share of its text
# (same article, trafilatura just stopped short) and replaces trafilatura's body only when they
# share less than `REPLACE_BELOW` and trafilatura's body is mostly short lines (a page dump).
MERGE_MIN_AGREEMENT = 0.5
MERGE_MIN_MISSING_CHARS = 150
REPLACE_BELOW = 0.2
REPLACE_MAX_PROSE_SHARE = 0.5
# A body this many times longer than the second opinion, mostly short lines and holding all of
# it, is a whole-page dump (trafilatura's rescue) with the article inside: the opinion wins.
DUMP_RATIO = 3
DUMP_MIN_CHARS = 300
# A block counts as already in trafilatura's body when this share of its word trigrams is.
PRESENT_SHARE = 0.6


def _prose_share(body: _Element) -> float:
    """Share of the body's characters on lines of 80+ characters: low for menus and link dumps
    (trafilatura's whole-page rescue puts the dump in one element, one line per page block)."""
    total = prose = 0
    for el in body:
        for line in block_text(el, with_tail=True, keep_lines=True).split("\n"):
            n = len(line.strip())
            total += n
            if n >= 80:
                prose += n
    return prose / total if total else 0.0


def _as_paragraphs(block: Block) -> list[_Element]:
    """One `<p>` per line of the block (a `<div>` of `<br>`-separated paragraphs has several)."""
    out = []
    for line in block.text.split("\n"):
        p = Element("p")
        p.text = line
        out.append(p)
    return out


def _replace(body: _Element, blocks: list[Block]) -> None:
    for el in list(body):
        body.remove(el)
    for b in blocks:
        body.extend(_as_paragraphs(b))


def _trigrams(key: str) -> set[tuple[str, ...]]:
    words = key.split()
    return {tuple(words[i : i + 3]) for i in range(max(1, len(words) - 2))}


def _share_in(key: str, grams: set[tuple[str, ...]]) -> float:
    """Share of a text's word trigrams found in another text's: containment robust to reflow."""
    own = _trigrams(key)
    return len(own & grams) / len(own) if own else 0.0


def combine(body: _Element, blocks: list[Block]) -> None:
    """Fold the second opinion into trafilatura's body, in place.

    Agreement is measured on normalised text, so it survives trafilatura's reflowing of inline
    markup. Missing blocks are inserted after the body element holding the block that precedes
    them on the page, which keeps the article's order.
    """
    if not blocks:
        return
    children = list(body)
    child_keys = [norm_key(block_text(el, with_tail=True)) for el in children]
    keys = [norm_key(b.text) for b in blocks]
    t_whole, c_whole = " ".join(child_keys), " ".join(keys)
    t_grams: set[tuple[str, ...]] = set()
    c_grams: set[tuple[str, ...]] = set()

    def in_t(key: str) -> float:
        nonlocal t_grams
        if key in t_whole:  # the common case, without building trigram sets
            return 1.0
        t_grams = t_grams or _trigrams(t_whole)
        return _share_in(key, t_grams)

    def in_c(key: str) -> float:
        nonlocal c_grams
        if key in c_whole:
            return 1.0
        c_grams = c_grams or _trigrams(c_whole)
        return _share_in(key, c_grams)

    present = [bool(k) and in_t(k) >= PRESENT_SHARE for k in keys]
    c_chars = sum(len(b.text) for b in blocks)
    covered = sum(len(b.text) for b, ok in zip(blocks, present, strict=True) if ok)
    if (
        c_chars >= DUMP_MIN_CHARS
        and len(t_whole) > DUMP_RATIO * c_chars
        and covered >= 0.8 * c_chars
        and _prose_share(body) < REPLACE_MAX_PROSE_SHARE
    ):
        _replace(body, blocks)  # trafilatura dumped the page: keep the article within it
        return
    if c_chars - covered < MERGE_MIN_MISSING_CHARS and covered >= REPLACE_BELOW * c_chars:
        return  # nothing worth adding, and no disagreement to settle
    # how much of trafilatura's prose the second opinion also holds: same article or not
    t_prose = [k for k in child_keys if len(k) >= 80]
    t_in_c = sum(len(k) * in_c(k) for k in t_prose) / max(1, sum(len(k) for k in t_prose))
    if covered < REPLACE_BELOW * c_chars and t_in_c < REPLACE_BELOW:
        if c_chars >= 400 and _prose_share(body) < REPLACE_MAX_PROSE_SHARE:
            _replace(body, blocks)
        return
    if t_in_c < MERGE_MIN_AGREEMENT or c_chars - covered < MERGE_MIN_MISSING_CHARS:
        return
    child_grams = [_trigrams(k) for k in child_keys]
    anchor: _Element | None = None  # body element after which the next missing block goes
    for block, key, ok in zip(blocks, keys, present, strict=True):
        if ok:
            grams = _trigrams(key)
            holder = next((el for el, g in zip(children, child_grams, strict=True) if grams & g), None)
            if holder is not None:
                anchor = holder
            continue
        if not key or len(block.text) < MIN_VOTE_CHARS:
            continue
        for new in _as_paragraphs(block):
            if anchor is None:
                body.insert(0, new)
            else:
                anchor.addnext(new)
            anchor = new
