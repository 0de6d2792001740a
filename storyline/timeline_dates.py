"""Dates a sentence refers to, resolved against the publication date of its article.

A timeline needs the day an event happened, not the day it was reported: "on Saturday",
"yesterday", "two days ago", "on March 3" only mean a day beside the date the article was
published. Printed full dates ("3 March 2031", "March 3, 2031", "2031-03-03") come from
`storyline.clean.dates.find_date`; everything else is read here with plain regular expressions
(HeidelTime-like rules, without its Java). Each mention carries a granularity, so a caller can
keep exact days and drop "last week", "earlier this month" or "in 2019" as too vague to date
an event by; the two ends of a span ("October 16 – November 1", "March 2-6") are SPAN, not DAY.

Weekdays resolve backwards (the most recent such day on or before publication: news reports
what happened) unless the sentence speaks of the future ("will", "is due to", "next Monday", a
Spanish, Portuguese or Italian future tense, Dutch "zal"), in which case they resolve
forwards. A day of the month without a year takes the year that puts
it within about ten months before to two months after publication.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from storyline.clean.dates import _FOREIGN_MONTHS, _MONTHS, EN_MONTH, FUTURE, YEAR_ONLY_MONTHS, as_date, find_date

DAY, WEEK, MONTH, YEAR = "day", "week", "month", "year"
# Each end of a span of days ("October 16 – November 1", "from 3 March to 7 March"): neither end
# is the day something happened, so a caller that wants exact days drops it like a week.
SPAN = "span"

EN_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december")
_FOREIGN = "|".join(sorted((m for m in _FOREIGN_MONTHS
                            if len(m) > 3 and m not in EN_MONTHS and m not in YEAR_ONLY_MONTHS), key=len, reverse=True))
_MON = rf"(?:{EN_MONTH}|(?i:{_FOREIGN}))"
_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_NOT_YEAR = r"(?!\s*,?\s*(?:19|20)\d\d\b)(?![\d.,]*\d)(?!\s*(?:%|percent|per cent|million|billion))"
_MONTH_DAY = re.compile(rf"\b(?P<mon>{_MON})\s+(?P<day>{_D})\b{_NOT_YEAR}")
# "2 de marzo", "14 марта", and the German ordinal's dot before a foreign month: "am 10. Februar".
_DAY_MONTH = re.compile(rf"(?<![\d.,])\b(?P<day>{_D})(?:\.(?=\s+(?i:{_FOREIGN})\b))?(?:\s+(?:of|de))?\s+"
                        rf"(?P<mon>{_MON})(?![\w]){_NOT_YEAR}")
_MONTH_YEAR = re.compile(rf"\b(?P<mon>{_MON})\s*,?\s+(?:(?:of|de|del)\s+)?(?P<year>(?:19|20)\d\d)\b")
_BARE_MONTH = re.compile(r"\b(?i:in|since|until|till|by|during|early|late|mid-?|last|next|this|of|en|à|im|в)\s+"
                         rf"(?P<mon>{_MON})(?!\w)(?!\s*\d)")
_YEAR = re.compile(r"\b(?:in|since|until|by|during|of|early|late|mid-?|from|before|after|en|im|в)\s+"
                   r"(?P<year>(?:19|20)\d\d)\b(?![\d,.]\d)")

EN_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAYS = {name: i for names in (
    " ".join(EN_WEEKDAYS),
    "lunes martes miércoles jueves viernes sábado domingo",
    "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "montag dienstag mittwoch donnerstag freitag samstag sonntag",
    "lunedì martedì mercoledì giovedì venerdì sabato domenica",
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
    "понедельник вторник среду четверг пятницу субботу воскресенье",
) for i, name in enumerate(names.split())} | {"sonnabend": 5, "среда": 2, "пятница": 4, "суббота": 5}
_WEEKDAY = re.compile(
    r"\b(?P<wd>(?-i:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|" + "|".join(n for n in _WEEKDAYS if not n.endswith("day"))
    + r")\b(?!\s+(?-i:Times|Telegraph|Mirror|Express|Herald|Post|Mail|Tribune|Independent|Night\s+Live))", re.I)
_WORD_BEFORE = re.compile(r"(\w+)\s+$")
# Named days ("Black Monday", "Good Friday") are not the Monday of the week of publication.
_NAMED_DAY = frozenset("good black bloody super ash cyber holy easter palm maundy shrove whit".split())

_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_NUM = r"(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_AGO = re.compile(rf"\b{_NUM}\s+(?P<unit>day|week|month|year)s?\s+(?:ago|earlier|before)\b", re.I)
# (pattern, day offset) for words that name one day relative to publication.
_RELATIVE_DAYS: tuple[tuple[re.Pattern[str], int], ...] = tuple(
    (re.compile(p, re.I), k) for p, k in (
        (r"\bthe\s+day\s+before\s+yesterday\b|\bvorgestern\b|\bпозавчера\b|\bavant-hier\b", -2),
        (r"\bthe\s+day\s+after\s+tomorrow\b|\bübermorgen\b|\bпослезавтра\b|\baprès-demain\b", 2),
        (r"\byesterday\b|\blast\s+night\b|\bayer\b|\bhier\b|\bgestern\b|\bieri\b|\bontem\b|\bgisteren\b|\bвчера\b",
         -1),
        (r"\btoday\b|\btonight\b|\bthis\s+(?:morning|afternoon|evening)\b|\bhoy\b|\baujourd'hui\b|\bheute\b|"
         r"\boggi\b|\bhoje\b|\bvandaag\b|\bсегодня\b", 0),
        (r"\btomorrow\b|\bmañana\b|\bdemain\b|\bmorgen\b|\bdomani\b|\bamanhã\b|\bзавтра\b", 1),
    ))
_RELATIVE_PERIODS: tuple[tuple[re.Pattern[str], str, int], ...] = tuple(
    (re.compile(p, re.I), unit, k) for p, unit, k in (
        (r"\b(?:(?:earlier|later)\s+)?this\s+week\b", WEEK, 0),
        (r"\blast\s+week\b|\bthe\s+previous\s+week\b", WEEK, -1),
        (r"\bnext\s+week\b", WEEK, 1),
        (r"\b(?:(?:earlier|later)\s+)?this\s+month\b", MONTH, 0),
        (r"\blast\s+month\b|\bthe\s+previous\s+month\b", MONTH, -1),
        (r"\bnext\s+month\b", MONTH, 1),
        (r"\b(?:(?:earlier|later)\s+)?this\s+year\b", YEAR, 0),
        (r"\blast\s+year\b|\bthe\s+previous\s+year\b", YEAR, -1),
        (r"\bnext\s+year\b", YEAR, 1),
    ))
# Reported speech between a future word and the weekday puts the weekday in the past:
# "will resign, he said on Monday".
_SPEECH = re.compile(r"\b(?:said|says|told|announced|reported|confirmed|added|stated)\b", re.I)
_FUTURE_REACH = 80

# Cheap word checks that spare most sentences the regular expressions they cannot match.
_TOKEN = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_MONTH_WORDS = frozenset(EN_MONTHS) | frozenset(_FOREIGN_MONTHS) | frozenset(m[:3] for m in EN_MONTHS) | {"sept"}
_DAY_WORDS = frozenset("""yesterday today tonight tomorrow night morning afternoon evening ayer hoy hier aujourd
demain gestern heute morgen vorgestern übermorgen ieri oggi domani ontem hoje amanhã gisteren vandaag mañana
вчера сегодня завтра позавчера послезавтра""".split())
_RELATIVE_WORDS = _DAY_WORDS | frozenset(_WEEKDAYS) | {"ago", "earlier", "before", "week", "month", "year"}


@dataclass(frozen=True)
class DateMention:
    """A date a sentence refers to: the first day of a period of `granularity`, and where it
    was written. `relative` says it was resolved against the publication date."""

    date: date
    granularity: str
    start: int
    end: int
    relative: bool = False


def resolve_dates(sentence: str, published: date | None) -> list[DateMention]:
    """Every date `sentence` refers to, in order of appearance. Without a publication date only
    printed full dates (and years) are found: the rest cannot be placed."""
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(mention: DateMention) -> None:
        taken.append((mention.start, mention.end))
        out.append(mention)

    tokens = set(_TOKEN.findall(sentence.lower()))
    has_digit = bool(_DIGIT.search(sentence))
    has_month = not tokens.isdisjoint(_MONTH_WORDS)
    if has_digit:
        _full_dates(sentence, add)
    for m in _MONTH_YEAR.finditer(sentence) if has_digit and has_month else ():
        month = _month_number(m.group("mon"))
        if month and free(m.start(), m.end()):
            add(DateMention(date(int(m.group("year")), month, 1), MONTH, m.start(), m.end()))
    if published is not None:
        for pattern in (_MONTH_DAY, _DAY_MONTH) if has_digit and has_month else ():
            for m in pattern.finditer(sentence):
                when = _day_of_month(m.group("mon"), m.group("day"), published)
                if when and free(m.start(), m.end()) and not _in_a_name(sentence, m.start(), m.end()):
                    add(DateMention(when, DAY, m.start(), m.end(), relative=True))
        if not tokens.isdisjoint(_RELATIVE_WORDS):
            _relative(sentence, published, tokens, free, add)
        for m in _BARE_MONTH.finditer(sentence) if has_month else ():
            month = _month_number(m.group("mon"))
            if month and free(m.start("mon"), m.end("mon")):
                when = _nearest_year(published, month, 1)
                if when:
                    add(DateMention(when, MONTH, m.start("mon"), m.end("mon"), relative=True))
    for m in _YEAR.finditer(sentence) if has_digit else ():
        if free(m.start("year"), m.end("year")):
            add(DateMention(date(int(m.group("year")), 1, 1), YEAR, m.start("year"), m.end("year")))
    out.sort(key=lambda d: d.start)
    return _spans_apart(sentence, _weekday_with_its_date(sentence, out))


def _in_a_name(sentence: str, start: int, end: int) -> bool:
    """A day that names a group or a movement, as the article before it and the capital or the
    group's noun after it show ("members of the February 17 Martyrs ' Brigade", "the April 6 Youth
    Movement", "the February 17 brigade"): no date of the story's."""
    after = _NAME_AFTER.match(sentence, end)
    return bool(after and _THE_BEFORE.search(sentence, max(0, start - 6), start)
                and (after.group(1)[0].isupper() or after.group(1).lower() in _GROUPS)
                and after.group(1).lower() not in _WEEKDAYS)


_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_NAME_AFTER = re.compile(r"\s+([A-Za-z][a-z]+)")
# What a day names when it names a group: "the February 17 brigade" (not "the February 17 protests").
_GROUPS = frozenset("brigade brigades battalion movement coalition group militia front committee party youth".split())
_WEEKDAY_GAP = re.compile(r"\s*,?\s*")


def _weekday_with_its_date(sentence: str, mentions: list[DateMention]) -> list[DateMention]:
    """A weekday printed with its date ("until Wednesday May 6", "on Tuesday, 10 March") is that
    date, one mention from the weekday on: alone, the weekday was read as the last one before the
    report (a swine-flu timeline put "schools shut until Wednesday May 6" on the Wednesday before)."""
    mentions = list(mentions)
    out: list[DateMention] = []
    for i, m in enumerate(mentions):
        after = mentions[i + 1] if i + 1 < len(mentions) else None
        if (after is not None and m.granularity == DAY and after.granularity == DAY
                and _WEEKDAY.fullmatch(sentence, m.start, m.end)
                and _WEEKDAY_GAP.fullmatch(sentence, m.end, after.start)):
            mentions[i + 1] = replace(after, start=m.start)
            continue
        out.append(m)
    return out


# What joins the two ends of a span: a dash, "to", "until", "through"; "and" only after "between".
_SPAN_JOIN = re.compile(r"\s*(?:[-–—]+|to|until|till|through|thru|and)\s*", re.I)
_BETWEEN = re.compile(r"\b(?:between|from)\s+$", re.I)
# A span within one month: "October 16-20" (a later day after), "16–20 October" (an earlier one
# before). A hyphen must touch both numbers: "on October 16 - 20 people died" is no span.
_DAYS_AFTER = re.compile(r"(?:-|\s*[–—]\s*)(?P<day>[12]\d|3[01]|0?[1-9])\b(?![:.,]?\d)")
# A day that bounds a span or a deadline: "until 6 May", "by Friday", "no later than March 3".
_BOUND_BEFORE = re.compile(r"\b(?:until|till|through|thru|by|before|no\s+later\s+than)\s+(?:the\s+|next\s+|this\s+)?$",
                           re.I)
_DAYS_BEFORE = re.compile(r"\b(?P<day>[12]\d|3[01]|0?[1-9])(?:-|\s*[–—]\s*)$")


def _spans_apart(sentence: str, mentions: list[DateMention]) -> list[DateMention]:
    """`mentions` with the days that end a span marked SPAN: an editor's "[October 16 – November
    1]" dated a week's events to its first day, and the discrepancy finder set that day against
    the day of the report."""
    out = list(mentions)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.granularity != DAY or b.granularity != DAY or b.date <= a.date:
            continue
        join = _SPAN_JOIN.fullmatch(sentence, a.end, b.start)
        if join and (join.group(0).strip().lower() != "and" or _BETWEEN.search(sentence, 0, a.start)):
            out[i], out[i + 1] = replace(a, granularity=SPAN), replace(b, granularity=SPAN)
    for i, m in enumerate(out):
        if m.granularity != DAY:
            continue
        if _BOUND_BEFORE.search(sentence, max(0, m.start - 24), m.start):
            out[i] = replace(m, granularity=SPAN)  # "schools closed until 6 May": a span's end, not its day
            continue
        after = _DAYS_AFTER.match(sentence, m.end)
        before = _DAYS_BEFORE.search(sentence, max(0, m.start - 6), m.start)
        if (after and int(after.group("day")) > m.date.day) or (before and int(before.group("day")) < m.date.day):
            out[i] = replace(m, granularity=SPAN)
    return out


def day_mentions(sentence: str, published: date | None) -> list[date]:
    """The exact days a sentence refers to (coarser mentions left out), each once, in order."""
    seen: list[date] = []
    for mention in resolve_dates(sentence, published):
        if mention.granularity == DAY and mention.date not in seen:
            seen.append(mention.date)
    return seen


def _full_dates(sentence: str, add) -> None:
    masked = sentence
    while True:
        found = find_date(masked)
        if not found:
            return
        iso, start, end = found
        when = as_date(iso)
        if when:
            add(DateMention(when, DAY, start, end))
        masked = masked[:start] + " " * (end - start) + masked[end:]


def _relative(sentence: str, published: date, tokens: set[str], free, add) -> None:
    for pattern, offset in _RELATIVE_DAYS if not tokens.isdisjoint(_DAY_WORDS) else ():
        for m in pattern.finditer(sentence):
            if free(m.start(), m.end()):
                add(DateMention(published + timedelta(days=offset), DAY, m.start(), m.end(), relative=True))
    for m in _AGO.finditer(sentence) if not tokens.isdisjoint(("ago", "earlier", "before")) else ():
        if not free(m.start(), m.end()):
            continue
        word = m.group("n").lower()
        n = int(word) if word.isdigit() else _NUMBERS[word]
        unit = m.group("unit").lower()
        if unit == "day" or (unit == "week" and n == 1):
            add(DateMention(published - timedelta(days=n * (7 if unit == "week" else 1)), DAY,
                            m.start(), m.end(), relative=True))
        elif unit == "week":
            add(DateMention(_week_start(published - timedelta(days=7 * n)), WEEK, m.start(), m.end(), True))
        elif unit == "month":
            add(DateMention(_shift_month(published, -n), MONTH, m.start(), m.end(), True))
        else:
            add(DateMention(date(published.year - n, 1, 1), YEAR, m.start(), m.end(), True))
    for pattern, unit, k in _RELATIVE_PERIODS if not tokens.isdisjoint(("week", "month", "year")) else ():
        for m in pattern.finditer(sentence):
            a, b = m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end()
            if not free(a, b):
                continue
            if unit == WEEK:
                when = _week_start(published + timedelta(days=7 * k))
            elif unit == MONTH:
                when = _shift_month(published, k)
            else:
                when = date(published.year + k, 1, 1)
            add(DateMention(when, unit, a, b, relative=True))
    for m in _WEEKDAY.finditer(sentence) if not tokens.isdisjoint(_WEEKDAYS) else ():
        a, b = m.start(), m.end()
        if not free(a, b):
            continue
        before = _WORD_BEFORE.search(sentence, max(0, a - 30), a)
        word = before.group(1).lower() if before else ""
        if word in _NAMED_DAY:
            continue
        if word in ("last", "past", "next", "coming", "this"):
            a = before.start(1)
        weekday = _WEEKDAYS[m.group("wd").lower()]
        back = (published.weekday() - weekday) % 7
        ahead = (weekday - published.weekday()) % 7
        if word in ("last", "past", "since"):
            when = published - timedelta(days=back or 7)
        elif word in ("next", "coming"):
            when = published + timedelta(days=ahead or 7)
        elif _future_before(sentence, m.start("wd")):
            when = published + timedelta(days=ahead)
        else:
            when = published - timedelta(days=back)
        add(DateMention(when, DAY, a, b, relative=True))


def _future_before(sentence: str, at: int) -> bool:
    """Whether a future word governs the weekday at `at`: close before it, no reporting verb between."""
    window = sentence[max(0, at - _FUTURE_REACH):at]
    cues = list(FUTURE.finditer(window))
    return bool(cues) and not _SPEECH.search(window[cues[-1].end():])


def _month_number(word: str) -> int:
    name = word.lower().rstrip(".")
    return _FOREIGN_MONTHS.get(name, 0) or _MONTHS.get(name[:4], 0) or _MONTHS.get(name[:3], 0)


def _day_of_month(month_word: str, day_word: str, published: date) -> date | None:
    month = _month_number(month_word)
    day = int(re.match(r"\d+", day_word).group(0))
    return _nearest_year(published, month, day) if month else None


def _nearest_year(published: date, month: int, day: int) -> date | None:
    """The date of this month and day within ~10 months before to ~2 months after publication."""
    for year in (published.year, published.year - 1, published.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if -305 <= (candidate - published).days <= 62:
            return candidate
    return None


def _week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _shift_month(day: date, k: int) -> date:
    index = day.year * 12 + day.month - 1 + k
    return date(index // 12, index % 12 + 1, 1)
