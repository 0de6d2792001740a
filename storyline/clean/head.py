"""The head of a plain-text article: title, date line and byline among the lines above its body.

`text.py` has found the body (the best run of prose); what stands just above it is read here, by
the shape of each line: a date alone (or under a label) is the date line, "By ..." or a name
alone under the title is the byline, a line of outlet, date and author set apart by bars is a
stamp, and the headline-like line nearest the body is the title (or the one above it, where
that one is the standfirst). A date printed among the body's first lines or just below it is
the fallback for the page's day.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from storyline.clean.bylines import BYLINE, NAME_PARTICLES, author_name
from storyline.clean.dates import CLOCK, find_date, is_date_line
from storyline.clean.lines import SPEAKER_LABEL, LineInfo

if TYPE_CHECKING:
    from storyline.clean.text import PlainResult

# How far above the body the head (title, date, byline) is looked for, in non-blank lines.
HEAD_LINES = 12
_NAME_TOKEN = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’.\-]*|" + "|".join(sorted(NAME_PARTICLES)) + r")$")
_PUBLISHED = re.compile(r"\b(?:published|posted|created)\b", re.IGNORECASE)


def read_head(infos: list[LineInfo], kinds: list[str], start: int, result: PlainResult,
               stopwords: frozenset[str]) -> None:
    """Title, date line and byline among the lines just above the body."""
    head = [i for i in range(start - 1, -1, -1) if infos[i].rating != "blank"][:HEAD_LINES]
    candidates: list[int] = []
    for i in head:
        text = infos[i].text
        if is_date_line(text):
            kinds[i] = "metadata"
            found = find_date(text)
            if found and (result.published is None or _PUBLISHED.search(text)):
                result.published = found[0]
            continue
        byline = BYLINE.match(text)
        if byline and infos[i].words <= 10:
            kinds[i] = "metadata"
            result.author = result.author or author_name(byline.group("name"))
            continue
        if _stamp_line(text, result) or _CLOCK_LINE.match(text):
            kinds[i] = "metadata"
            continue
        if _headline_like(infos[i]) and not SPEAKER_LABEL.match(text):  # a transcript's first words
            candidates.append(i)
    # A person's name alone under the date is a byline, not a headline, when a headline stands above.
    title_at = next((i for i in candidates if not _name_like(infos[i].text, stopwords)),
                    candidates[0] if candidates else None)
    if title_at is None and (top := first_line_over_date(infos, kinds)) in head:
        title_at = top
    if title_at is not None:
        title_at = _above_standfirst(infos, kinds, head, title_at, candidates)
        kinds[title_at] = "title"
        result.title = infos[title_at].text
        if result.author is None:
            _name_line(infos, kinds, head, title_at, result, stopwords)


# A time of day alone under a label, the day left out: "Updated 9 : 06 AM", "Posted at 11:30 GMT".
_CLOCK_LINE = re.compile(rf"^(?:(?:last\s+)?updated|posted|published)\s*:?\s*(?:at\s+)?{CLOCK}\s*(?:[A-Z]{{2,4}})?$",
                         re.IGNORECASE)
# The parts of a stamp line: "Nord-Ost Review | 10.03.2026 18:40 | Author: Gregor Liss".
_STAMP_PARTS = re.compile(r"\s[|•·]\s")


def _stamp_line(text: str, result: PlainResult) -> bool:
    """A line of outlet, date and byline set apart by bars or bullets is metadata, however its
    parts are ordered; its date and author are taken when none was found yet."""
    parts = [p.strip() for p in _STAMP_PARTS.split(text)]
    if len(parts) < 2 or len(parts) > 5 or len(text) > 160:
        return False
    dates = [p for p in parts if is_date_line(p)]
    bylines = [m for m in map(BYLINE.match, parts) if m and len(m.group("name").split()) <= 6]
    if not bylines and not (dates and len(parts) == 2):
        return False  # a date beside a section name or a headline is not enough
    if dates and result.published is None:
        found = find_date(dates[0])
        result.published = found[0] if found else None
    if bylines and result.author is None:
        result.author = author_name(bylines[0].group("name"))
    return True


def _above_standfirst(infos: list[LineInfo], kinds: list[str], head: list[int], title_at: int,
                      candidates: list[int]) -> int:
    """The headline when the line taken for it is its standfirst: headline, standfirst, then the
    byline or date stamp is how many sites set a story's head, so a headline-like line set
    straight above a headline-like line that the byline follows is the headline. A section
    label or a masthead above is not (short, set with bars, or in capitals)."""
    pos = head.index(title_at)
    below = next((i for i in range(title_at + 1, len(infos)) if infos[i].rating != "blank"), None)
    if pos + 1 >= len(head) or below is None or kinds[below] != "metadata":
        return title_at
    above = head[pos + 1]  # the next line up that is not blank
    text = infos[above].text
    if (above in candidates and infos[above].words >= 5 and not _STAMP_PARTS.search(text)
            and not text.isupper()):
        return above
    return title_at


def first_line_over_date(infos: list[LineInfo], kinds: list[str]) -> int | None:
    """The page's first line, set straight above its date line, is its headline even where it ends
    as a sentence does: tokenised dumps and some outlets print "Los mercados globales caen en
    picado ." over "24 de octubre de 2008"."""
    first = next((i for i, info in enumerate(infos) if info.rating != "blank"), None)
    if first is None or not 2 <= infos[first].words <= 20 or infos[first].rating == "bad":
        return None
    below = next((i for i in range(first + 1, len(infos)) if infos[i].rating != "blank"), None)
    if below is None or kinds[below] != "metadata" or not is_date_line(infos[below].text):
        return None
    return first


def _headline_like(info: LineInfo) -> bool:
    if info.rating == "bad" or not 2 <= info.words <= 30:
        return False
    # A sentence's end, its closing quote set apart or not ("... quickly.''", "... quickly . ''"), is no headline's.
    text = info.text.rstrip(" '\"”’»)")
    return not text.endswith(".") or text.endswith("...")


def _name_line(infos: list[LineInfo], kinds: list[str], head: list[int], title_at: int,
               result: PlainResult, stopwords: frozenset[str]) -> None:
    """An author printed alone on a line between the title and the body, as many sites do."""
    for i in head:
        if i <= title_at:
            return
        if kinds[i] == "boilerplate" and _name_like(infos[i].text, stopwords):
            kinds[i] = "metadata"
            result.author = author_name(infos[i].text)
            return


def _name_like(text: str, stopwords: frozenset[str]) -> bool:
    tokens = text.split()
    return (2 <= len(tokens) <= 4 and all(_NAME_TOKEN.match(t) for t in tokens)
            and not any(t.lower() in stopwords for t in tokens if t[0].isupper()))


def date_atop(infos: list[LineInfo], kinds: list[str], start: int, end: int) -> str | None:
    """A date line among the body's first lines, left out of it ("One Australian and one English
    climber have fallen ...", then "8 : 44AM BST 16 Sep 2013", then the text): it becomes metadata.
    A fragment opening with a comma is a caption's (", Thursday , Sept. 2 , 2010 .")."""
    found = _date_line(infos, range(start, end + 1), 3,
                       lambda i: kinds[i] == "boilerplate" and not infos[i].text.startswith(","))
    if found is None:
        return None
    kinds[found[0]] = "metadata"
    return found[1]


def date_near(infos: list[LineInfo], end: int) -> str | None:
    """A date line just below the body (many sites print the timestamp after the text)."""
    found = _date_line(infos, range(end + 1, len(infos)), 4)
    return found[1] if found else None


def _date_line(infos: list[LineInfo], lines: range, reach: int,
               allowed: Callable[[int], bool] = lambda i: True) -> tuple[int, str] | None:
    """(line, date) of the first date line among the first `reach` non-blank `lines` that
    `allowed` lets through, or None."""
    seen = 0
    for i in lines:
        if infos[i].rating == "blank":
            continue
        seen += 1
        if seen > reach:
            break
        if allowed(i) and is_date_line(infos[i].text) and (found := find_date(infos[i].text)):
            return i, found[0]
    return None
