"""Lines a site prints on top of every page: a teaser of another story, a newsletter plug.

A scraped page often opens with such a line ("2 men charged in death of Chicago teen who
performed in inauguration event." opens dozens of Timeline17's CNN pages, of every affair). No rule
about one page tells it from the page's own lead; what does is that the same sentence leads page
after page. trafilatura meets the same problem with a cache of text segments seen before
(`deduplication.py`); here it is the leading lines of the plain-text documents of one ingest,
in the order they arrive (so the same input gives the same articles).

A leading line goes only when it reads as a sentence (a masthead, a byline or a date line is
short, and names the outlet the cleaner looks for), when it is about something else than the
page (a headline several outlets share is repeated too, but its words are the page's), and when
what follows it is new: the same text sent twice, or a wire story printed word for word by
several outlets, repeats every line, and is kept whole (the store keeps one copy of an identical
text).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter

from storyline.model import RawDocument

# How many earlier documents must have opened with a line for it to be the site's, not the page's.
SEEN_BEFORE = 2
# The leading lines looked at (a masthead, a teaser or two, the title).
LEADING_LINES = 3
# A line of fewer words is a masthead, a byline, a date or a section name: never dropped.
MIN_WORDS = 6
# The memory is cleared when it holds this many lines (a long ingest of many sites).
MAX_REMEMBERED = 200_000
# What the page is about is read off this much of its other lines.
BODY_CHARS = 3000
# A repeated line is another story's when at most this share of its words are the page's too: a
# headline that outlets share ("Chargers' Jackson arrested on suspicion of DUI") is the page's.
MAX_SHARED = 1 / 3


_LONG_WORD = re.compile(r"\w{4,}")


def _words(text: str) -> set[str]:
    """The words of four letters or more: the ones that say what a line is about."""
    return set(_LONG_WORD.findall(text.casefold()))


def _about_else(line: str, lines: list[str], at: int) -> bool:
    """Whether few of the line's words are in the rest of the page (its other lines)."""
    words = _words(line)
    # The lines after it are read up to BODY_CHARS of text (a line is rarely under 40 characters).
    rest = _words("\n".join(lines[:at] + lines[at + 1:at + 1 + BODY_CHARS // 40])[:BODY_CHARS])
    return bool(words) and len(words & rest) <= MAX_SHARED * len(words)


class LeadingRepeats:
    """The leading lines seen so far in one ingest, and the dropping of those seen too often."""

    def __init__(self) -> None:
        self.seen: Counter[str] = Counter()

    def strip(self, raw: RawDocument) -> RawDocument:
        """`raw` without the leading lines that earlier documents opened with; `raw` itself when
        there are none (or it is not plain text)."""
        if raw.kind != "text":
            return raw
        lines = raw.content.split("\n")
        leading = list(itertools.islice((i for i, line in enumerate(lines) if line.strip()), LEADING_LINES))
        keys = [" ".join(lines[i].split()).casefold() for i in leading]
        repeated = [self.seen[key] >= SEEN_BEFORE for key in keys]
        drop = {i for i, key, again in zip(leading, keys, repeated, strict=True)
                if again and len(key.split()) >= MIN_WORDS and _about_else(key, lines, i)}
        if len(self.seen) > MAX_REMEMBERED:
            self.seen.clear()
        self.seen.update(set(keys))
        if not drop or all(repeated):  # nothing seen, or nothing new beside it: keep it all
            return raw
        return dataclasses.replace(raw, content="\n".join(line for i, line in enumerate(lines) if i not in drop))
