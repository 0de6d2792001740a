"""Lines a site prints around every page: a teaser of another story, a newsletter plug, a blog's
reading list, the comment rules and the advertisement under the article.

A scraped page often opens with such a line ("2 men charged in death of Chicago teen who
performed in inauguration event." opens dozens of Timeline17's CNN pages, of every affair), or with
a block of them (a Washington Post blog's "Get Wonkbook delivered to your inbox ..." and five
one-line summaries of other writers' papers, which had joined nine unrelated posts into one story
named after the first summary), and ends with more ("We welcome comments on our articles ...",
Reuters' advertisement for its trading platform). No rule about one page tells them from the page's
own lines; what does is that the same sentence sits there page after page. trafilatura meets the
same problem with a cache of text segments seen before (`deduplication.py`); here it is the lines
of the plain-text documents of one ingest, in the order they arrive (so the same input gives the
same articles).

A line goes only when it reads as a sentence (a masthead, a byline or a date line is short, and
names the outlet the cleaner looks for), when it is about something else than the page (a headline
several outlets share is repeated too, but its words are the page's), when it sits in the run of
such lines at the top of the page (a sentence a follow-up repeats from an earlier report sits
among new ones, and stays) or five earlier pages printed it (a footer; Reuters prints "Views
expressed in the comments do not represent those of Reuters." between its text and the comments,
and it led a story's summary), and when the page has lines of its own: the same text sent
twice, or a wire story printed word for word by several outlets, repeats every line, and is kept
whole (the store keeps one copy of an identical text).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from functools import cache

from storyline.clean.lines import stoplist
from storyline.clean.wire_text import STAFF_CREDIT, split_closing_credits
from storyline.model import RawDocument

# How many earlier documents must have printed a line for it to be the site's, not the page's.
SEEN_BEFORE = 2
# A line below the top run (a footer, or between the text and the comments) goes only when this
# many earlier documents printed it: a wire story's later version ends with the earlier one's last
# paragraphs, a site's footer is on every page.
SEEN_ANYWHERE = 5
# The first lines may hold the page's own headline or a short standfirst beside a site's line: the
# run from the top goes on past new lines among these.
LEADING_LINES = 3
# A line of fewer words above the site's lines may be the page's headline; a longer one is its lead.
HEADLINE_WORDS = 16
# A line of fewer words is a masthead, a byline, a date or a section name: never dropped, and it
# does not end a run of repeated lines.
MIN_WORDS = 5
# The memory holds up to this many lines in each of two generations: when the newer fills, the
# older is forgotten (a long ingest of many sites keeps what it saw last).
MAX_REMEMBERED = 200_000
# What the page is about is read off this much of its other lines.
BODY_CHARS = 6000
# A repeated line is another story's when at most this share of its words are the page's too: a
# headline that outlets share ("Chargers' Jackson arrested on suspicion of DUI") is the page's.
MAX_SHARED = 1 / 3


_LANGUAGES = ("English", "Spanish", "Italian", "Dutch", "German", "French", "Portuguese", "Russian")
_LONG_WORD = re.compile(r"\w{4,}")


def _words(text: str) -> set[str]:
    """The words of four letters or more but function words ("would", "with", "this"): the ones
    that say what a line is about."""
    return set(_LONG_WORD.findall(text.casefold())) - _function_words()


@cache
def _function_words() -> frozenset[str]:
    # The page's language is not known yet: the languages the outlets of our users write in most.
    return frozenset(word.casefold() for lang in _LANGUAGES for word in stoplist(lang))


def _is_sentence(text: str) -> bool:
    # A word opens with two letters: "-LRB-", "D-Mass", "p.m." and "8" are none. Counting them is
    # for the short lines: one of three times as many tokens holds enough.
    spaces = text.count(" ")
    return spaces >= MIN_WORDS - 1 and (spaces >= 3 * MIN_WORDS - 1
                                        or sum(token[:2].isalpha() for token in text.split()) >= MIN_WORDS)


def _about_else(key: str, own: set[str]) -> bool:
    """Whether few of the line's words are among the page's own (`own`)."""
    words = _words(key)
    return bool(words) and len(words & own) <= MAX_SHARED * len(words)


def _top_run(order: Sequence[int], repeated: AbstractSet[int], sentences: AbstractSet[int],
             headlines: AbstractSet[int]) -> list[int]:
    """The repeated lines met from the top of the page up to the next sentence of the page's own;
    the run may start after the page's `headlines` among its first LEADING_LINES lines (a lead
    sentence above repeated ones is a later version's new lead), and a line not a sentence neither
    ends it nor joins it. A run no sentence of the page's own ends is the page's last paragraphs,
    not a block above its text: a later version's short new lead over the earlier text."""
    run: list[int] = []
    for at, i in enumerate(order):
        if i in repeated:
            run.append(i)
        elif i in sentences and (run or at >= LEADING_LINES or i not in headlines):
            return run
    return []


class SiteRepeats:
    """The lines seen so far in one ingest, and the dropping of those seen too often: from a
    page's top after SEEN_BEFORE earlier pages, anywhere after SEEN_ANYWHERE."""

    def __init__(self) -> None:
        self.seen: Counter[int] = Counter()
        self.older: Counter[int] = Counter()

    def _count(self, key: int) -> int:
        return self.seen.get(key, 0) + self.older.get(key, 0)

    def strip(self, raw: RawDocument) -> RawDocument:
        """`raw` without the site's lines; `raw` itself when there are none (or it is not plain
        text)."""
        if raw.kind != "text":
            return raw
        # a credit's line is two: the site's next block run into it is a line of its own, as elsewhere
        lines = split_closing_credits(raw.content.split("\n"))
        stripped = {i: text for i, line in enumerate(lines) if (text := line.strip())}
        filled = list(stripped)
        keys = {i: hash(text) for i, text in stripped.items() if _is_sentence(text)}
        counts = {i: self._count(key) for i, key in keys.items()}
        self._remember(set(keys.values()))
        repeated = {i for i, count in counts.items() if count >= SEEN_BEFORE}
        if not repeated or len(repeated) == len(keys):  # nothing seen, or nothing new beside it
            return raw
        texts = {i: text.casefold() for i, text in stripped.items()}
        # A line printed often enough goes wherever it stands, at the bottom as between the text
        # and the comments; one printed less often only from the run at the top.
        site = {i for i in repeated if counts[i] >= SEEN_ANYWHERE}
        headlines = {i for i in keys if texts[i].count(" ") < HEADLINE_WORDS - 1}
        edges = {*_top_run(filled, repeated, keys.keys(), headlines), *site}
        own = _words("\n".join(texts[i] for i in filled if i not in edges)[:BODY_CHARS])
        drop = {i for i in edges if _about_else(texts[i], own) and not STAFF_CREDIT.search(texts[i])}
        if not drop:
            return raw
        return dataclasses.replace(raw, content="\n".join(line for i, line in enumerate(lines) if i not in drop))

    def _remember(self, keys: set[int]) -> None:
        if len(self.seen) > MAX_REMEMBERED:
            self.older, self.seen = self.seen, Counter()
        self.seen.update(keys)
