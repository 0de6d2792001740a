"""Dates an article implies but does not print, resolved against the articles it arrives with.

Many pages carry no date line: the text says only "on Saturday" or "today, October 31". Alone,
that is no date; beside a dated article about the same event (sharing its names) it is one:
the Saturday nearest that article's date, or October 31 of the year that puts it nearest. The
result is marked `published_inferred` so a user can tell it from a printed date.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from datetime import date, timedelta

from storyline.model import Article

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(?:on|last|this|today,?|yesterday,?|late|early)?\s*(" + "|".join(_WEEKDAYS) + r")\b", re.I)
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MON = r"(" + "|".join(m[:3] + r"(?:" + m[3:] + r")?" for m in _MONTHS) + r")\.?"
_NO_YEAR = r"(?!,?\s+(?:19|20)\d\d)"  # "October 31, 2020" states its date; only the bare day is implied
_MONTH_DAY = re.compile(
    r"(?P<today>\btoday,?\s+)?(?:"
    rf"\b{_MON.replace('(', '(?P<m1>', 1)}\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\b{_NO_YEAR}"
    rf"|\b(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON.replace('(', '(?P<m2>', 1)}{_NO_YEAR})",
    re.I,
)
# Capitalised words inside a sentence (not opening one): names, the cheap way.
_NAME = re.compile(r"(?<=[\w,;:)\"'»”-]\s)[A-Z][a-z]{2,}(?:[-'][A-Z]?[a-z]+)?\b")
# How far a date implied by a weekday or a day of the month may lie from its dated neighbour.
_WEEKDAY_SPAN = 3
_MONTH_DAY_SPAN = 45
_MIN_OVERLAP = 0.15


@dataclass
class _Dated:
    when: date
    names: frozenset[str]


@dataclass
class DateContext:
    """Collects dated articles of a batch; resolves the undated ones against them at the end."""

    # Bounded so that a stream of a million articles keeps memory flat: a neighbour that old
    # would not be news about the same day anyway.
    dated: deque[_Dated] = field(default_factory=lambda: deque(maxlen=5000))

    def add(self, article: Article) -> None:
        when = _as_date(article.published)
        if when is not None:
            self.dated.append(_Dated(when, _names(article)))

    def resolve(self, article: Article) -> bool:
        """Fill `article.published` from its cues and its nearest dated neighbour; True if done."""
        if article.published or not self.dated:
            return False
        names = _names(article)
        best = max(self.dated, key=lambda d: _overlap(names, d.names))
        if _overlap(names, best.names) < _MIN_OVERLAP:
            return False
        cues = _month_day_cues(article.text, best.when) + _weekday_cues(article.text, best.when)
        if not cues:
            return False
        found = min(cues)[2]  # "today, October 31" first, then whatever lies nearest the neighbour
        article.published = found.isoformat()
        article.published_inferred = True
        return True


def infer_missing_dates(articles: list[Article]) -> int:
    """Resolve every undated article of a batch against the dated ones; returns how many."""
    context = DateContext()
    for article in articles:
        context.add(article)
    return sum(context.resolve(a) for a in articles if not a.published)


def _month_day_cues(text: str, near: date) -> list[tuple[bool, int, date]]:
    cues = []
    for m in _MONTH_DAY.finditer(text):
        month_word = m.group("m1") or m.group("m2")
        day = int(m.group("d1") or m.group("d2"))
        month = next(i for i, name in enumerate(_MONTHS, start=1) if month_word.lower().startswith(name[:3]))
        for year in (near.year - 1, near.year, near.year + 1):
            try:
                candidate = date(year, month, day)
            except ValueError:
                continue
            if abs((candidate - near).days) <= _MONTH_DAY_SPAN:
                cues.append((not m.group("today"), abs((candidate - near).days), candidate))
    return cues


def _weekday_cues(text: str, near: date) -> list[tuple[bool, int, date]]:
    counts: dict[int, int] = {}
    for m in _WEEKDAY.finditer(text):
        day = _WEEKDAYS.index(m.group(1).lower())
        counts[day] = counts.get(day, 0) + 1
    if not counts:
        return []
    weekday = max(counts, key=lambda d: counts[d])  # the day the text keeps coming back to
    options = [near + timedelta(days=k) for k in range(-_WEEKDAY_SPAN, _WEEKDAY_SPAN + 1)]
    return [(True, abs((d - near).days), d) for d in options if d.weekday() == weekday]


_NOT_NAMES = frozenset(w.capitalize() for w in _WEEKDAYS + _MONTHS)


def _names(article: Article) -> frozenset[str]:
    return frozenset(_NAME.findall(f"{article.title or ''}\n{article.text}")) - _NOT_NAMES


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _as_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
