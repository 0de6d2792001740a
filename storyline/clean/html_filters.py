"""Clean what trafilatura leaves in the body: headline and standfirst, teasers, pleas, tails.

Works on trafilatura's output tree (`<head>`, `<p>`, `<list>/<item>`, `<quote>`, `<table>` children
of `<body>`), before it is turned into text, so a rule can drop a whole block and see its kind. Each
rule targets boilerplate that benchmark pages showed surviving trafilatura and that a reader of the
article would not count as the article: the headline and dek repeated at the top (the title is a
field of its own), "Read more"/"Don't miss" teasers that are links to other stories, newsletter and
app pleas, share bars, and the trailing run of related-story headings after the last paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml.etree import _Element

_WORD = re.compile(r"\w+")

# A short block that is only one of these is a label, a call to action or a plea, not prose.
_BOILER_LINE = re.compile(
    r"^(?:"
    r"(?:read|see|watch|listen|view|show|load) (?:more|also|next|full|the full|all)\b.*|"
    r"(?:related|more|recommended|popular|trending|latest|top) (?:stories|articles|news|posts|reading|"
    r"content|videos|coverage|links|on|from|in)\b.*|"
    r"related|recommended|advertisement|advertising|sponsored(?: content)?|ad|"
    r"don'?t miss|you (?:may|might) (?:also )?like.*|also read.*|more from .*|"
    r"click here.*|tap here.*|get the .* app.*|download (?:the|our) .* app.*|"
    r"(?:sign up|subscribe|register)\b.*(?:newsletter|inbox|free|today|now|here|updates).*|"
    r".*\bnewsletter\b.*|thanks? (?:you )?for (?:signing up|subscribing).*|"
    r"share (?:this|on|via).*|share|tweet|email|print|comments?|\d+ comments?|"
    r"(?:leave|post|add|write) a (?:comment|reply).*|tell us what you think.*|"
    r"follow (?:us|@).*|like us on facebook.*|"
    r"(?:image|photo|picture|video)(?: credit)?s?:.*|(?:©|copyright|\(c\)).*|all rights reserved.*|"
    r"tags?:?.*|filed under:?.*|topics?:|categories:?|"
    r"leggi anche.*|lesen sie auch.*|mehr zum thema.*|lire aussi.*|à lire aussi.*|leia (?:tamb[ée]m|mais).*|"
    r"lea (?:tambi[ée]n|m[aá]s).*|ver (?:tambi[ée]n|m[aá]s).*|saiba mais.*|"
    r"sorry!?|an error (?:has )?occurred.*|there was an error.*|"
    r"order reprints|print article|this article has been sent to.*"
    r")$",
    re.I,
)
# Prefixes of one-line teasers inside the body: "READ MORE: ...", "SEE ALSO - ...".
_TEASER_PREFIX = re.compile(
    r"^\s*(?:read more|read also|see more|see also|also read|related|more|watch|listen|click here|"
    r"recommended|leggi anche|lesen sie auch|lire aussi|leia também|lea también)\s*[:|>»\-–—]",
    re.I,
)


@dataclass
class FilterContext:
    """What the filters know about the page besides the body: its title, dek and link texts."""

    title: str | None = None
    description: str | None = None
    anchors: set[str] = field(default_factory=set)


def norm_key(text: str | None) -> str:
    """Case-, space- and punctuation-blind key for comparing a block with the title or a link."""
    return " ".join(_WORD.findall((text or "").casefold()))


def block_text(el: _Element, with_tail: bool = False, keep_lines: bool = False) -> str:
    """The element's text; with its tail too when asked, since trafilatura sometimes leaves a
    paragraph as the tail of the heading before it; line breaks kept when asked."""
    text = "".join(el.itertext())
    if with_tail and el.tail:
        text += "\n" + el.tail
    # " ".join(str.split()) is `_WS.sub(" ", t).strip()` (both split on str.isspace), 3x faster.
    if keep_lines:
        return "\n".join(" ".join(line.split()) for line in text.split("\n"))
    return " ".join(text.split())


def _similar(a: str, b: str) -> bool:
    """Same text give or take a few words (a title with or without its kicker or site name)."""
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 20 and short in long_ and len(short) >= 0.75 * len(long_)


def _remove(el: _Element) -> None:
    """Drop an element but keep its tail text in the tree (lxml attaches it to the element)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def is_boilerplate_line(text: str) -> bool:
    if len(text) > 250 or len(text.split()) > 25:
        return False
    return bool(_BOILER_LINE.match(text.strip(" .:!|-–—>»*•")))


def _is_teaser(text: str, ctx: FilterContext) -> bool:
    """A block that is (nearly) the text of a link to elsewhere: another story's headline."""
    if len(text) > 300:  # longer than any headline a link would carry
        return False
    key = norm_key(text)
    if not key:
        return False
    if key in ctx.anchors:
        return True
    return bool(_TEASER_PREFIX.match(text))


def drop_leading_title(body: _Element, ctx: FilterContext) -> None:
    """The headline (and the dek under it) opening the body repeat the title field."""
    title = norm_key(ctx.title)
    desc = norm_key(ctx.description)
    for el in list(body)[:3]:
        key = norm_key(block_text(el))
        if not key:
            continue
        if _similar(key, title) or (el.tag == "head" and _similar(key, desc)):
            _remove(el)
            continue
        break


def drop_boilerplate_blocks(body: _Element, ctx: FilterContext) -> None:
    """Labels, pleas and one-line link teasers anywhere in the body; teaser lists as a whole."""
    for el in list(body):
        if el.tag == "list":
            items = [i for i in el if i.tag == "item"]
            texts = [block_text(i) for i in items]
            teasers = [
                i for i, t in zip(items, texts, strict=True) if t and (_is_teaser(t, ctx) or is_boilerplate_line(t))
            ]
            # a list whose items are mostly links to other pages is a related-stories box
            if items and len(teasers) >= max(1, 0.6 * len([t for t in texts if t])):
                _remove(el)
            else:
                for item in teasers:
                    _remove(item)
            continue
        text = block_text(el)
        if not text:
            continue
        if is_boilerplate_line(text) or (el.tag in {"head", "p"} and _is_teaser(text, ctx)):
            _remove(el)


def _words(el: _Element) -> int:
    """Length in word equivalents: \\w+ tokens, or characters / 5 for scripts written without
    spaces (a Japanese sentence is one or two tokens)."""
    text = block_text(el)
    return max(len(text.split()), len(text) // 5)


def _is_card_list(el: _Element) -> bool:
    """A list whose items carry their own headings: teaser cards of other stories."""
    return el.tag == "list" and any(True for _ in el.iter("head"))


def trim_tail(body: _Element) -> None:
    """After the last block of prose, a run of headings and teaser cards is a related-stories
    footer. Lists of plain items and tables after it are kept: they are recipes, results, facts."""
    children = [el for el in body if block_text(el)]
    last = -1
    for i, el in enumerate(children):
        prose = el.tag in {"p", "quote", "table"} or (el.tag == "list" and not _is_card_list(el))
        if prose and _words(el) >= 12:
            last = i
    if last < 0:
        return
    tail = children[last + 1 :]
    if len(tail) < 2:
        return
    if all(el.tag == "head" or _is_card_list(el) or (el.tag == "p" and _words(el) < 12) for el in tail):
        for el in tail:
            _remove(el)


def clean_body(body: _Element, ctx: FilterContext) -> None:
    """Apply every filter, in place, in the order that keeps each one's view simple."""
    drop_leading_title(body, ctx)
    drop_boilerplate_blocks(body, ctx)
    trim_tail(body)


def anchor_keys(texts: Iterable[str]) -> set[str]:
    """Keys of link texts long enough to be headlines (short ones are nav words that prose reuses)."""
    out = set()
    for text in texts:
        key = norm_key(text)
        if key.count(" ") >= 3:
            out.add(key)
    return out
