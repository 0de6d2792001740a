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


# What sites put after their name in og:site_name: a tagline or sections ("LinkNaija | Nigeria's
# popular news platform", "Autoracing | F1 | Indy | MotoGP"), a second name ("The Jerusalem Post | JPost.com").
_NAME_SEPARATORS = re.compile(r"\s+[|–—•·-]\s+|\s*\|\s*")
# Second-level labels under a country's domain: bbc.co.uk is "bbc", folha.com.br "folha".
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "ne", "or", "go", "gob"})


def outlet_name(names: list[str | None], url: str | None, title_tail: str | None = None,
                handle: str | None = None) -> str | None:
    """The outlet a page names, from its candidates in the order publishers state them reliably
    (site name, publisher, application name). A candidate that is an address, or the site's
    address in lower case ("cleveland", "nj", "@politifact"), names the site worse than its host
    ("cleveland.com") or a name the `<title>` ends with; a site name unrelated to the address
    while the title's last words are related ("U.S." on reuters.com, whose title ends "- Reuters")
    is a section's name. The first part of a name with a tagline or a list of sections after it."""
    label = site_label(url)
    cleaned = [name for name in map(_site_name, names) if name]
    tail = _site_name(title_tail)
    if tail and (len(tail.split()) > 4 or (label and not _related(tail, label))):
        tail = None  # "Take C.A.R.E. - comwrap auf der DMEXCO 2018": the title's own words
    for name in [*cleaned, tail] if tail else cleaned:
        if label and _slug_of(name, label):
            continue
        if label and tail and name != tail and not _related(name, label) and _related(tail, label):
            continue
        return name
    # nothing named, or every name skipped (which takes an address, so a host): the host, else the handle
    return outlet_from_url(url) or (handle or "").lstrip("@") or None


def _site_name(name: str | None) -> str | None:
    """A candidate name without a handle's "@" and the tagline after it, or None for an address."""
    name = " ".join((name or "").split()).lstrip("@")
    if not name or name.lower().startswith(("http://", "https://", "www.")):
        return None
    return _NAME_SEPARATORS.split(name)[0].strip() or name


def site_label(url: str | None) -> str | None:
    """The registered name of a page's host: "reuters" for www.reuters.com, "ap" for hosted.ap.org."""
    host = (urlsplit(url).hostname or "") if url else ""
    parts = host.split(".")
    if len(parts) < 2:
        return None
    if len(parts) >= 3 and parts[-2] in _SECOND_LEVEL and len(parts[-1]) == 2:
        return parts[-3]
    return parts[-2]


def _squeezed(text: str) -> str:
    return "".join(re.findall(r"[^\W_]+", text.casefold()))


def _slug_of(name: str, label: str) -> bool:
    """A name that is the site's address label in lower case: "cleveland", "clevelanddotcom", "nj"."""
    return name.islower() and " " not in name and "." not in name and (label in name or name in label)


def _related(name: str, label: str) -> bool:
    """Whether a name and an address label share four letters running (all of a shorter label)."""
    squeezed = _squeezed(name)
    if len(label) <= 4:
        return label in squeezed
    return any(label[i:i + 4] in squeezed for i in range(len(label) - 3))
