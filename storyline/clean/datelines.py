"""Datelines: the `PLACE, (AGENCY) –` or `Place/31.10.20/Agency:` prefix of wire copy.

A dateline is recognised only by its typography: an ALL-CAPS place, or any place followed by an
agency in parentheses or a slash-separated date, then a dash or colon. An ordinary sentence
("Russia said on Saturday, ...") has none of these, so it is never read as one.
"""

from __future__ import annotations

import re
from dataclasses import replace

from storyline.clean.dates import EN_MONTH, parse_date
from storyline.clean.lines import SPEAKER_LABEL
from storyline.model import Dateline

_DASH = r"\s*[-–—:_]+\s"  # "_": the New York Times wire's dash ("WASHINGTON _ NASA ...")
# The shortest run of capitals a dash follows: "NEW ORLEANS -- NEW ORLEANS --" opens with one place.
# Two places a wire reported from are joined by a slash ("WASHINGTON/RIYADH (Reuters) -", escaped
# "\/" in tokenised text); the first is the dateline's place.
_PLACE_CAPS = r"(?P<place>[A-ZÀ-ÖØ-ÞА-ЯЁ][A-ZÀ-ÖØ-ÞА-ЯЁ'’.\-\\/ ]{1,30}?[A-ZÀ-ÖØ-ÞА-ЯЁ.])"
_PLACE_ANY = r"(?P<place>[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’.\-\\/ ]{1,30}?)"
_SECOND_PLACE = re.compile(r"\s*\\?/.*$")
_REGION = r"(?:\s?,\s*(?P<region>[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2}))?"
# Tokenised text sets its commas apart: "MOSCOW , Oct. 6 --", "REYKJAVIK , Iceland , Oct. 9 --".
_SHORT_DATE = (r"(?:\s?,?\s*(?P<date>\b(?:\d{1,2}\s+[A-Za-z]{3,9}\.?|[A-Za-z]{3,9}\.?\s+\d{1,2})"
               r"(?:\s?,?\s+\d{4})?))?")
_RU_MONTHS = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
# "(Reuters)", and as tokenised text prints it: "( Reuters )", "-LRB- Reuters -RRB-"; "( Reuters Life ! )".
_AGENCY = r"(?:\(\s?|-LRB-\s)(?P<agency>[A-Za-zА-Яа-я][\w&.\- /]{0,24}?(?:\s?!)?)(?:\s?\)|\s-RRB-)"

_PATTERNS = [
    # Baku/31.10.20/Turan: ...
    re.compile(r"^(?P<place>[A-ZА-Я][\w'’.\- ]{1,30}?)\s*/\s*(?P<date>\d{1,2}\.\d{1,2}\.\d{2,4})\s*/\s*"
               r"(?P<agency>[\w&.\- ]{1,25}?)\s*[:–—-]\s"),
    # MOSCOW, Oct 31 (Reuters) -   WASHINGTON (AP) —   PANAGYURISHTE, (BM) –   Paris, 31 October (AFP) -
    re.compile(rf"^{_PLACE_ANY}{_REGION}{_SHORT_DATE}\s?,?\s*{_AGENCY}{_DASH}"),
    # (Reuters) — The New York ...
    re.compile(rf"^{_AGENCY}{_DASH}"),
    # KYIV, Ukraine —   LONDON:   BEIRUT, Oct 31 —
    re.compile(rf"^{_PLACE_CAPS}{_REGION}{_SHORT_DATE}{_DASH}"),
    # Russian wire style: МОСКВА, 12 февраля. /ТАСС/.   Колмар, 12 февраля.   Москва, 12 февраля – РИА Новости.
    re.compile(r"^(?P<place>[А-ЯЁ][А-ЯЁа-яё\- ]{1,30}?),\s*(?P<date>\d{1,2}\s+(?:" + _RU_MONTHS + r")(?:\s+\d{4})?)"
               r"(?:\s*\.\s*/(?P<agency>[^/]{2,25})/\.?|\s*[–—-]\s*(?P<agency2>[А-ЯЁA-Z][\w .]{1,24}?)\.|\s*\.)\s"),
]
_MONTH_WORDS = re.compile(r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)
_DAY_OF_MONTH = re.compile(_MONTH_WORDS.pattern + r"[a-z]*\.?\s+\d{1,2}$", re.I)  # "June 30", "Aug. 16"
_MONTH_ALONE = re.compile(rf"^{EN_MONTH}$", re.I)
# ALL-CAPS openings that are emphasis or acronyms, not places.
_NOT_PLACES = frozenset({"UPDATE", "BREAKING", "EXCLUSIVE", "WATCH", "VIDEO", "PHOTOS", "NOTE", "EDITOR'S NOTE",
                         "OPINION", "ANALYSIS", "LIVE", "UPDATED", "CORRECTION", "FACT CHECK", "Q", "A"})


def parse_dateline(paragraph: str, published: str | None = None) -> Dateline | None:
    """The dateline opening `paragraph`, or None. `published` supplies the year of a dateline
    that prints only day and month."""
    found = _read(paragraph, published)
    if found is None:
        return None
    again = _read(paragraph.lstrip()[found[1]:], published)
    if found[0].agency is None and again and again[0].agency:
        return replace(found[0], agency=again[0].agency)  # "WASHINGTON -- WASHINGTON (AP) --"
    if found[0].place is None and not found[0].date and again and again[0].place:
        return replace(again[0], agency=again[0].agency or found[0].agency)  # "Jul (Reuters) - CAIRO, July 7 ..."
    return found[0]


def after_dateline(paragraph: str) -> str:
    """`paragraph` without the dateline that opens it: the sentence a reader starts at."""
    return paragraph[dateline_end(paragraph):]


def dateline_end(paragraph: str) -> int:
    """Where the dateline opening `paragraph` ends (0 when none opens it), a second one printed
    right behind it included: a site's own over the wire's ("WASHINGTON -- WASHINGTON (AP) --")."""
    found = opening_dateline(paragraph)
    if not found:
        return 0
    again = opening_dateline(paragraph[found[1]:])
    return found[1] + again[1] if again else found[1]


def opening_dateline(paragraph: str) -> tuple[Dateline, int] | None:
    """The dateline opening `paragraph` and where it ends in `paragraph`, or None."""
    found = _read(paragraph, None)
    return (found[0], len(paragraph) - len(paragraph.lstrip()) + found[1]) if found else None


def _read(paragraph: str, published: str | None) -> tuple[Dateline, int] | None:
    """The dateline opening `paragraph` and where it ends in the paragraph stripped of leading space."""
    head = paragraph.lstrip()[:120]
    if SPEAKER_LABEL.match(head):
        return None  # "NEIL CAVUTO , ANCHOR :": a transcript's speaker and role, no place and region
    for pat in _PATTERNS:
        m = pat.match(head)
        if not m:
            continue
        g = m.groupdict()
        place = _SECOND_PLACE.sub("", g.get("place") or "").strip(" .,'’-") or None
        if place and (place.upper().replace(" '", "'") in _NOT_PLACES or len(place.split()) > 4
                      or any(w.startswith("-") for w in place.split())):
            continue  # "WASHINGTON -LRB- Reuters": a place's words begin with letters
        if pat is _PATTERNS[3] and len(place or "") <= 4 and not (g.get("region") or g.get("date")):
            continue  # NATO:, FBI: acronyms open sentences; a short place needs its region or date
        if place and place.isupper():
            place = _title(place)
        if place and not place[0].isupper():
            continue
        date = _date(g.get("date"), published)
        if place and not date and _DAY_OF_MONTH.match(place):  # "June 30 (Reuters) -": a date, no place
            place, date = None, _date(place, published)
        if place and _MONTH_ALONE.match(place):
            place = None  # "Jul (Reuters) - CAIRO, July 7 (Reuters) -": a site's stamp without its day
        agency = (g.get("agency") or g.get("agency2") or "").strip().replace(" !", "!") or None
        return Dateline(place=place, date=date, agency=agency), m.end()
    return None


def _title(place: str) -> str:
    """`NEW YORK` -> `New York`; `RIO DE JANEIRO` keeps its particles lower case."""
    small = {"de", "du", "da", "del", "la", "le", "el", "al", "on", "upon", "of"}
    words = []
    for i, w in enumerate(place.lower().split(" ")):
        words.append(w if i and w in small else "-".join(p.capitalize() for p in w.split("-")))
    return " ".join(words)


def _date(text: str | None, published: str | None) -> str | None:
    if not text:
        return None
    iso = parse_date(text)
    if iso:
        return iso[:10]
    if published and (_MONTH_WORDS.match(text.split()[-1] if text[0].isdigit() else text)
                      or re.search(_RU_MONTHS, text)):
        iso = parse_date(f"{text} {published[:4]}")
        return iso[:10] if iso else None
    return None
