"""Dates an article implies but does not print, resolved against the articles it arrives with.

Many pages carry no date line: the text says only "on Saturday" or "today, October 31". Alone,
that is no date; beside a dated article about the same event (sharing its names) it is one:
the Saturday nearest that article's date, or October 31 of the year that puts it nearest. The
result is marked `published_inferred` so a user can tell it from a printed date.

One dated neighbour is a weak witness: in a story that runs for weeks, the article sharing the
most names may be from another week, and its Saturday is then the wrong one. So the names are
weighed by how rare they are among the dated articles ("Police" says little, "Kirkpatrick"
much), the five neighbours sharing the most weight each propose a day, and a day is taken only
when at least two proposals and half of them agree (or when one dated article alone is close:
a small batch about one event), and half the neighbours were themselves written within a week
of it. On Timeline17 with half the dates hidden (`python bench/implied_dates.py`), the one best
neighbour by plain name overlap dated 80% of them and put 68% more than a week off (precision
within a day .083); this rule dates 13% and puts 4% more than a week off (precision .547), and
gets more of them within a day right (7.1% against 6.6%). Without the last condition it dated
20% and put 8% more than a week off (precision .470); fed Timeline17 with no days at all
(`bench/links.py --text-dates`), those wrong days split stories and linked affairs (chain F1
.648 against .749 with it).

A text that states a day in full with its weekday ("Wednesday, June 2, 2010", `DateCues.stated`)
needs no neighbour: that day is taken first. With it the rule dates 26.5% and gets 20.7% within
a day, still 3.8% more than a week off (precision .781), and `--text-dates` chain F1 went
.743 → .815 (fast model). A day of the month on the weekday the text names then wins over the
nearest such weekday (`day_near`): 27.0% dated, 22.2% within a day, 3.1% a week off (.823).

A day named with its weekday but no year ("A summary of events Thursday, July 15, Day 86 of the
Gulf of Mexico oil spill") is a stated day too once the year is known: the weekday falls on that
day in one year alone of those around the neighbours' (`DateContext._calendar_day`), unless the
sentence looks ahead ("trading will resume Wednesday, February 16", "watch the next program on
Saturday, 29 January"). With it and "Sept." read as September: 27.7% dated, 22.8% within a day,
3.1% a week off (.825). Without the look-ahead guard it dated 27.8% at .820; the guard on days
stated with their year too cost more than it saved (27.1%, .820: a Guardian stamp runs into the
sentence before it, "... but will ease efforts to contain the slick Wednesday 5 May 2010").

The neighbours' day is none when the page names a day of a month more than `_LATER_REACH` days
after it (a Fox page of September 19 that names "Sept. 18" had been dated June 13, the Sunday
five neighbours agreed on): 25.6% dated, 22.0% within a day, 2.1% a week off (.862); the reach
moves it little (14 days: .865, 90: .854).

A lone witness is checked against its contenders, the articles sharing nearly as much weight of
names that a smaller share of their own kept from witnessing: in a batch about one event they
were written the same week; in months of one affair's coverage where few pages print a date (Fox
News' BP pages: 13 of 286) they were not, and the lone witness's day had been more than a week
off for 19 of the 25 pages it dated (3 of 5 after). With 95% of Timeline17's dates hidden
(`sparse_*`): precision .769 → .781, dated .247 → .242, more than a week off .039 → .036; with half
hidden the same figures, and ECB+ days borrowed 41 → 39.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from storyline.clean.dates import FUTURE, as_date
from storyline.model import Article

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Matched on the lower-cased text, without re.IGNORECASE (an alternation of words is several
# times slower case-blind), and with the word's start checked after a match: a pattern opening
# with \b cannot skip ahead to the letters its words begin with. These run on every undated article.
_WEEKDAY = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
# "Sept." beside "Sep." and "September": the wire services' abbreviation.
_MON = r"(" + "|".join(m[:3] + r"(?:" + m[3:] + (r"|t" if m == "september" else "") + r")?" for m in _MONTHS) + r")\.?"
# "October 31" or "31st of October", and the year when one follows ("October 31, 2020"; tokenised
# and machine-translated text spaces the comma: "October 31 , 2020"). The lookahead names every
# letter a month opens with, and the digits: a position holding none fails before the
# alternation is tried (30% faster, the same matches).
_YEAR_AFTER = r"(?![a-z])(?:\s*,?\s*(?P<{}>(?:19|20)\d\d)\b)?"
_MONTH_DAY = re.compile(
    rf"(?=[adfjmnos\d])(?:\b{_MON.replace('(', '(?P<m1>', 1)}\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\b"
    rf"{_YEAR_AFTER.format('y1')}"
    rf"|\b(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON.replace('(', '(?P<m2>', 1)}{_YEAR_AFTER.format('y2')})"
)
# "Wednesday, June 2, 2010": a day the writer named with its weekday and year, tried only just
# after a weekday (see `DateCues.stated`).
_DAY_AFTER_WEEKDAY = re.compile(
    rf"\s*,?\s*(?:{_MON.replace('(', '(?P<m1>', 1)}\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?"
    rf"|(?:the\s+)?(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON.replace('(', '(?P<m2>', 1)})"
    r"(?:\s*,?\s*(?P<year>(?:19|20)\d\d)\b|(?![\s,]*\d))"
)
# "today, October 31": looked for just before a day found, not as an optional prefix of the
# pattern above (which made every position of the text try it).
_TODAY_BEFORE = re.compile(r"\btoday,?\s+$")
_TODAY_REACH = 40
# Capitalised words inside a sentence (not opening one): names, the cheap way.
# (The lookahead first: most positions fail on it before the lookbehind is tried; twice as fast.)
_NAME = re.compile(r"(?=[A-Z])(?<=[\w,;:)\"'»”-]\s)[A-Z][a-z]{2,}(?:[-'][A-Z]?[a-z]+)?\b")
# How far a date implied by a weekday or a day of the month may lie from its dated neighbour.
_WEEKDAY_SPAN = 3
_MONTH_DAY_SPAN = 45
_MIN_OVERLAP = 0.15  # of the rarity-weighted names of the article or its neighbour, the smaller
_WITNESSES = 5  # dated neighbours that propose a day
# A neighbour sharing under this share of the best one's weight does not vote: four articles
# sharing only "Police" must not outvote the one sharing the governor, the dam and the town.
_WEAKEST_WITNESS = 0.3
# At least half the witnesses must be dated within this many days of the day taken. Neighbours
# months apart can still agree on a day: "March 3" lies within reach of each of them, though the
# article that names it may be a look back from June.
_WITNESS_REACH = 7
# A day named with its weekday lies within this many days of one of the neighbours (when there are
# any): the weekday is the writer's, the year only the calendar's guess.
_CALENDAR_REACH = 180
# A page may name a day ahead of it (a hearing set for next week, a deadline), rarely more than this
# many days: a neighbours' day further before a day the page names is not its day.
_LATER_REACH = 45


@dataclass
class _Dated:
    when: date
    names: frozenset[str]


@dataclass
class DateContext:
    """Collects dated articles of a batch; resolves the undated ones against them at the end."""

    # Bounded so that a stream of a million articles keeps memory flat: a neighbour that old
    # would not be news about the same day anyway.
    limit: int = 5000
    # Dated articles by arrival number, and the numbers of those that state each name: the best
    # neighbour is found among the articles sharing a name, not by scoring all of them.
    dated: dict[int, _Dated] = field(default_factory=dict)
    by_name: dict[str, list[int]] = field(default_factory=dict)
    _next: int = 0
    # The rarity-weighted name mass of each dated article, kept until a tenth as many articles as
    # are held have been added: rarity moves little meanwhile, and a stream that resolves as it
    # goes (ingest past `pipeline._MAX_UNDATED` waiting) would otherwise recompute them at every
    # resolve (bench/implied_dates.py: resolve_us, against the anchor's).
    _masses: dict[int, float] = field(default_factory=dict)
    _masses_at: int = 0

    def add(self, article: Article, names: frozenset[str] | None = None) -> None:
        """Remember a dated article (`names`: its `article_names`, if known already)."""
        when = as_date(article.published)
        if when is None:
            return
        item = _Dated(when, article_names(article) if names is None else names)
        self.dated[self._next] = item
        for name in item.names:
            self.by_name.setdefault(name, []).append(self._next)
        self._next += 1
        if len(self.dated) > self.limit:
            self._forget(self._next - self.limit - 1)

    def _forget(self, number: int) -> None:
        gone = self.dated.pop(number)
        for name in gone.names:
            numbers = self.by_name[name]
            numbers.remove(number)  # the oldest, so at the front: cheap
            if not numbers:
                del self.by_name[name]

    def resolve(self, article: Article, names: frozenset[str] | None = None, cues: DateCues | None = None) -> bool:
        """Fill `article.published` from its cues and the day its dated neighbours agree on; True
        if done. `names` and `cues`: the article's `article_names` and `date_cues`, if known already."""
        if article.published:
            return False
        cues = date_cues(cue_text(article)) if cues is None else cues
        # A day stated with its weekday first: it is right more often than the neighbours' day
        # (bench/implied_dates.py; tried the other way round, that rule first, it dated as many
        # and fewer rightly).
        found = cues.stated
        if found is None and self.dated:
            witnesses, contenders = self._witnesses(article_names(article) if names is None else names)
            found = self._calendar_day(cues, witnesses) or self._agreed_day(cues, witnesses, contenders)
        if found is None:
            return False
        article.published = found.isoformat()
        article.published_inferred = True
        return True

    def _calendar_day(self, cues: DateCues, witnesses: list[_Dated]) -> date | None:
        """The latest day named with its weekday but no year whose weekday falls on it in one year
        alone of those the neighbours were written in, give or take one (of the whole batch's,
        without neighbours): July 15 fell on a Thursday in 2010, and in no year from 2005 to 2015
        but 2004. A year the calendar cannot tell (the batch spans too many) dates nothing."""
        if not cues.calendar_days:
            return None
        # (without neighbours, the years of every dated article held: a rare case, read when it comes)
        years = {w.when.year for w in witnesses} or {d.when.year for d in self.dated.values()}
        span = range(min(years) - 1, max(years) + 2)
        found: date | None = None
        for month, day, weekday in cues.calendar_days:
            fits = [candidate for year in span
                    if (candidate := _calendar_date(year, month, day)) and candidate.weekday() == weekday]
            if len(fits) == 1 and (not witnesses or any(abs((w.when - fits[0]).days) <= _CALENDAR_REACH
                                                         for w in witnesses)):
                found = max(found or fits[0], fits[0])
        return found

    def _agreed_day(self, cues: DateCues, witnesses: list[_Dated], contenders: list[_Dated]) -> date | None:
        """The day the cues imply beside the dated neighbours, when they agree on it; a lone
        witness's day, when its contenders were written that week too (the module's notes)."""
        if not witnesses:
            return None
        proposals = [day for witness in witnesses if (day := day_near(cues, witness.when)) is not None]
        if not proposals:
            return None
        found, votes = max(Counter(proposals).items(), key=lambda kv: (kv[1], -kv[0].toordinal()))
        if len(witnesses) > 1 and (votes < 2 or 2 * votes < len(proposals)):
            return None  # the neighbours disagree: no day is better than a wrong one
        checked = witnesses if len(witnesses) > 1 else contenders
        if 2 * sum(abs((w.when - found).days) <= _WITNESS_REACH for w in checked) < len(checked):
            return None  # the day is the cue's, not the neighbours': they were written at other times
        if _names_a_later_day(cues, found):
            return None
        return found

    def _witnesses(self, names: frozenset[str]) -> tuple[list[_Dated], list[_Dated]]:
        """The dated articles sharing the most of these names, weighed by rarity, best first (the
        earliest on a tie); only those whose shared names are at least `_MIN_OVERLAP` of the
        smaller side's. Ranked by the shared weight itself, not its share: an article whose only
        name is "Police" shares all of its names with every police story. And the contenders:
        the first `_WITNESSES` by shared weight within `_WEAKEST_WITNESS` of the best, whatever
        their share."""
        weight = {name: self._rarity(name) for name in names}
        shared: dict[int, float] = {}
        for name in names:
            for number in self.by_name.get(name, ()):
                shared[number] = shared.get(number, 0.0) + weight[name]
        own = sum(weight.values())
        ranked = sorted((-mass, number) for number, mass in shared.items())  # tuples: no key function to call
        chosen: list[tuple[float, int]] = []
        for negative, number in ranked:
            mass = -negative
            if chosen and mass < _WEAKEST_WITNESS * chosen[0][0]:
                break
            if mass >= _MIN_OVERLAP * min(own, self._mass(number)):
                chosen.append((mass, number))
                if len(chosen) == _WITNESSES:
                    break
        if not chosen:
            return [], []
        contenders = [self.dated[number] for negative, number in ranked[:_WITNESSES]
                      if negative <= _WEAKEST_WITNESS * ranked[0][0]]
        return [self.dated[number] for _, number in chosen], contenders

    def _rarity(self, name: str) -> float:
        return math.log((len(self.dated) + 1) / (len(self.by_name.get(name, ())) + 0.5))

    def _mass(self, number: int) -> float:
        if self._next - self._masses_at > max(16, len(self.dated) // 10):  # adds since the last clear
            self._masses.clear()
            self._masses_at = self._next
        mass = self._masses.get(number)
        if mass is None:
            mass = self._masses[number] = sum(self._rarity(name) for name in self.dated[number].names)
        return mass


def infer_missing_dates(articles: list[Article]) -> int:
    """Resolve every undated article of a batch against the dated ones; returns how many."""
    context = DateContext()
    for article in articles:
        context.add(article)
    return sum(context.resolve(a) for a in articles if not a.published)


@dataclass(frozen=True)
class DateCues:
    """What an undated text says of its day, read once where the article is prepared (a worker
    process), so that only the neighbour's date is left to weigh them against: the days of a
    month it names without a year (month, day, whether "today" stands just before), the
    weekday it names most, and the latest day it states in full, weekday and all.

    A weekday the calendar confirms ("Wednesday, June 2, 2010": June 2, 2010 was a Wednesday) is
    a day the writer looked up, mostly the day of the news: of the Timeline17 documents that
    print no date line, 124 state one, and the latest is the day of publication for 81 of them,
    the day before or after for 26, more than a week off for 11. Such a weekday is no "on
    Wednesday" to be placed near a neighbour: a photo caption's had dated a June 2 page to the
    Wednesday after, June 9.
    """

    month_days: tuple[tuple[int, int, bool, int | None], ...] = ()
    weekday: int | None = None
    stated: date | None = None
    # (month, day, weekday) of the days named with their weekday but no year ("Thursday, July 15,
    # Day 86 of the oil spill"): the weekday tells the year, among a few (`DateContext._calendar_day`).
    calendar_days: tuple[tuple[int, int, int], ...] = ()


def cue_text(article: Article) -> str:
    """The text an article's date cues are read from: its body, and the captions set apart from
    it (`clean.captions`): "In this image ... Wednesday, June 2, 2010, shows ..." states the day."""
    captions = [line.text for line in article.lines if line.kind == "caption"]
    return "\n".join([*captions, article.text]) if captions else article.text


def date_cues(text: str) -> DateCues:
    low = text.lower()
    month_days = []
    for m in _month_day_matches(low):
        month = _month_number(m.group("m1") or m.group("m2"))
        today = _TODAY_BEFORE.search(low, max(0, m.start() - _TODAY_REACH), m.start()) is not None
        year = m.group("y1") or m.group("y2")
        month_days.append((month, int(m.group("d1") or m.group("d2")), today, int(year) if year else None))
    counts: dict[int, int] = {}
    stated: date | None = None
    calendar_days: list[tuple[int, int, int]] = []
    for start, day in _weekday_matches(low):
        if start and (low[start - 1].isalnum() or low[start - 1] == "_"):
            continue  # inside a word
        full = _stated_day(low, start + len(_WEEKDAYS[day]), day)
        if isinstance(full, date):
            stated = max(stated or full, full)
            continue
        if full is not None and not _ahead(low, start):
            calendar_days.append(full)
        counts[day] = counts.get(day, 0) + 1
    weekday = max(counts, key=lambda d: counts[d]) if counts else None  # the day the text keeps coming back to
    return DateCues(tuple(month_days), weekday, stated, tuple(calendar_days))


def _month_number(word: str) -> int:
    """1 for "jan", "jan." or "january" (a `_MON` match, lower case)."""
    return next(i for i, name in enumerate(_MONTHS, start=1) if word.startswith(name[:3]))


def _stated_day(low: str, at: int, weekday: int) -> date | tuple[int, int, int] | None:
    """The day written just after a weekday that ends at `at`: a date, if it states its year
    and falls on that weekday; (month, day, weekday) if it states no year."""
    m = _DAY_AFTER_WEEKDAY.match(low, at)
    if m is None:
        return None
    month, day_of_month = _month_number(m.group("m1") or m.group("m2")), int(m.group("d1") or m.group("d2"))
    if m.group("year") is None:  # a day of some year: of a leap year, so February 29 is one
        return (month, day_of_month, weekday) if _calendar_date(2024, month, day_of_month) else None
    try:
        day = date(int(m.group("year")), month, day_of_month)
    except ValueError:
        return None
    return day if day.weekday() == weekday else None


# Words before a day that put it ahead of the writing, beside the future tense: "trading will
# resume Wednesday, February 16", "watch the next program on Saturday, 29 January", "had been due
# to re-open on Sunday 31 May".
_AHEAD = re.compile(r"\b(?:next|due\s+to|until|till|airs?|airing|watch|resumes?|re-?opens?)\b")
_AHEAD_REACH = 80


def _ahead(low: str, at: int) -> bool:
    """Whether the sentence before `at` (up to `_AHEAD_REACH` characters) speaks of what is to come."""
    window = low[max(0, at - _AHEAD_REACH):at]
    window = window[max(window.rfind(". "), window.rfind("\n")) + 1:]
    return bool(FUTURE.search(window) or _AHEAD.search(window))


def _names_a_later_day(cues: DateCues, found: date) -> bool:
    """Whether the text names a day of the month well after `found` (in the year that puts it
    nearest): a page that tells of "Sept. 18" and of a cap installed "in July" was not written on
    the June Sunday its neighbours agreed on."""
    for month, day, _, stated_year in cues.month_days:
        years = (stated_year,) if stated_year else (found.year - 1, found.year, found.year + 1)
        days = [d for year in years if (d := _calendar_date(year, month, day))]
        if days and (min(days, key=lambda d: abs((d - found).days)) - found).days > _LATER_REACH:
            return True
    return False


def _calendar_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # February 29 of a common year
        return None


_MONTH_HEADS = tuple(name[:3] for name in _MONTHS)
_SUFFIXES = ("st", "nd", "rd", "th")


def _month_day_matches(low: str) -> list[re.Match[str]]:
    """`_MONTH_DAY.finditer(low)`, the same matches, in under half the time (bench/scans.py:
    month_day_us against month_day_pattern_us).

    Scanning the pattern over the whole text tried it at nearly every position (its first letters
    and digits are everywhere). Every match holds a month's first three letters: those are found
    with `str.find`, and the pattern is tried only where a match holding them could start: on
    them ("October 31"), or on the day that a run of spaces, "of" and a suffix puts before them
    ("31st of October"). Tried in text order, skipping starts inside the last match, as finditer
    does (tests/test_implied_dates.py holds the two to the same matches).
    """
    starts: set[int] = set()
    for head in _MONTH_HEADS:
        at = low.find(head)
        while at >= 0:
            starts.add(at)
            starts.update(_day_starts_before(low, at))
            at = low.find(head, at + 1)
    out: list[re.Match[str]] = []
    end = 0
    for start in sorted(starts):
        if start >= end and (match := _MONTH_DAY.match(low, start)):
            out.append(match)
            end = match.end()
    return out


def _day_starts_before(low: str, month: int) -> list[int]:
    """Where "31", "31st", "31 of" or "31st of" ending in the spaces before `month` would start."""
    gap = _spaces_before(low, month)
    if gap == month:
        return []
    ends = [gap]
    if low.endswith("of", 0, gap) and (before := _spaces_before(low, gap - 2)) < gap - 2:
        ends.append(before)
    starts = []
    for end in ends:
        for digits_end in (end, end - 2) if low.endswith(_SUFFIXES, 0, end) else (end,):
            starts += [s for s in (digits_end - 1, digits_end - 2) if s >= 0]
    return starts


def _spaces_before(low: str, at: int) -> int:
    while at and low[at - 1].isspace():
        at -= 1
    return at


# Length of the letters before "day" -> those letters -> the weekday ("tues" -> 1).
_WEEKDAY_HEADS = {n: {name[:-3]: day for day, name in enumerate(_WEEKDAYS) if len(name) - 3 == n}
                  for n in sorted({len(name) - 3 for name in _WEEKDAYS})}


def _weekday_matches(low: str) -> list[tuple[int, int]]:
    """(start, weekday) of each `_WEEKDAY` match: found by the "day" each ends in (`str.find`),
    not by trying the pattern at every position (bench/scans.py: weekday_us against
    weekday_pattern_us)."""
    out = []
    at = low.find("day")
    while at >= 0:
        after = at + 3
        if after == len(low) or not (low[after].isalnum() or low[after] == "_"):  # the pattern's \b
            for size, heads in _WEEKDAY_HEADS.items():
                day = heads.get(low[at - size:at]) if at >= size else None
                if day is not None:
                    out.append((at - size, day))
                    break
        at = low.find("day", at + 3)
    return out


def day_near(cues: DateCues, near: date) -> date | None:
    """The day the cues imply beside a dated neighbour's `near`: "today, October 31" first, then a
    day of the month that falls on the weekday the text names ("BEIJING , June 17 ... on
    Wednesday": June 17, 2009 was one), then whichever named day lies nearest it; None when no
    cue falls within reach."""
    options = _month_day_options(cues, near) + _weekday_options(cues, near)
    return min(options)[3] if options else None


def _month_day_options(cues: DateCues, near: date) -> list[tuple[bool, bool, int, date]]:
    """The dates near `near` of the days of a month the text names."""
    options = []
    for month, day, today, stated_year in cues.month_days:
        for year in (near.year - 1, near.year, near.year + 1) if stated_year is None else (stated_year,):
            try:
                candidate = date(year, month, day)
            except ValueError:
                continue
            distance = abs((candidate - near).days)
            if distance <= _MONTH_DAY_SPAN:
                options.append((not today, candidate.weekday() != cues.weekday, distance, candidate))
    return options


def _weekday_options(cues: DateCues, near: date) -> list[tuple[bool, bool, int, date]]:
    """The nearest days to `near` that fall on the weekday the text names most."""
    if cues.weekday is None:
        return []
    options = [near + timedelta(days=k) for k in range(-_WEEKDAY_SPAN, _WEEKDAY_SPAN + 1)]
    return [(True, True, abs((d - near).days), d) for d in options if d.weekday() == cues.weekday]


_NOT_NAMES = frozenset(w.capitalize() for w in _WEEKDAYS + _MONTHS)


def article_names(article: Article) -> frozenset[str]:
    """The names an article is matched on (computed where the article is prepared)."""
    return frozenset(_NAME.findall(f"{article.title or ''}\n{article.text}")) - _NOT_NAMES
