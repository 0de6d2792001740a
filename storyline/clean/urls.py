"""The address a text dump prints above a page, and what it tells: the outlet and often the day.

Scraped corpora often keep each page's URL as its first line; token corpora (ECB+, PTB dumps)
print it with every full stop and slash set apart ("http : / / www . utsandiego . com / news /
2009 / Feb / 02 / ..."). Many news sites put the publication day in the path, and the day is
taken from there only when the page prints none (on ECB+'s 20 pages that print a day and carry
one in the path, 19 agree and one is a day later: a time zone).
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from storyline.clean.dates import _MONTHS

# A line that is a URL alone, once the spaces a tokeniser put in are taken out.
_URL = re.compile(r"^https?://[\w-]+(?:\.[\w-]+)+(?::\d+)?(?:[/?#]\S*)?$", re.IGNORECASE)
_LOOKS_LIKE_URL = re.compile(r"^https?\s?:\s?/\s?/", re.IGNORECASE)
# The first lines a URL is looked for in (non-blank).
URL_LINES = 3
_PATH_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([01]?\d|[a-z]{3})[a-z]*[/-]([0-3]?\d)(?=[/_.-]|$)", re.IGNORECASE)


def page_url(lines: list[str]) -> tuple[int, str] | None:
    """(index, URL) of a line among the first non-blank ones that is a URL alone, tokenised or not."""
    seen = 0
    for n, text in enumerate(lines):
        if not text.strip():
            continue
        seen += 1
        if seen > URL_LINES:
            break
        if _LOOKS_LIKE_URL.match(text.strip()):
            url = re.sub(r"\s+", "", text)
            if _URL.match(url):
                return n, url
    return None


def url_date(url: str | None) -> str | None:
    """The day a news URL's path names (/2009/02/04/, /2009/Feb/02/, /2009-02-03-...), or None."""
    if not url:
        return None
    m = _PATH_DATE.search(urlsplit(url).path)
    if not m:
        return None
    year, month_text, day = m.groups()
    month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text[:3].lower(), 0)
    try:
        return date(int(year), month, int(day)).isoformat()
    except ValueError:
        return None


def outlet_from_url(url: str | None) -> str | None:
    """The site's host without "www." and the like: the outlet, when nothing names it better."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    host = re.sub(r"^(?:www\d?|m|amp|edition)\.", "", host)
    return host or None
