"""Dates as news pages print them: find one in a line and give it back as ISO.

Handles `Sat 31 Oct 2020 | 07:00 PM`, `31.10.20`, `31 October 2020 19:19`, `October 31, 2020`,
`2020-10-31T19:00`, month names of the big news languages (`16 Ocak 2020`, `10 stycznia 2020`,
`19 فبراير 2020`), `2020年1月16日`, with `Published:` / `Updated` labels around them, and the same
set apart as token corpora print them (`10 : 55 P . M . FEB . 2 , 2009`, `Posted 2 / 3 / 2009 11 : 11 PM`:
ECB+ and PTB dumps, where the stamp otherwise became the title). Plain regular expressions:
dateutil's fuzzy parser is far slower and happily reads a date out of any number, which a
cleaner scanning every line cannot afford.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
# An English month as news prints it, capitalised ("may" and "march" are also verbs), in full or
# cut short, with its period or without.
EN_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
            r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
# Month names of the big news languages (English by prefix above): news in any of them carries
# its date line in its own words ("27 de marzo del 2008", "27 marzo 2008", "14 марта 2024").
_FOREIGN_MONTHS = {
    name: number
    for names in (
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
        "januari februari maart april mei juni juli augustus september oktober november december",
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
        "januar februar märz april mai juni juli august september oktober november dezember",
        "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
        "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
        "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
        "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
        "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
        "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
    )
    for number, name in enumerate(names.split(), start=1)
} | {"setiembre": 9, "dic": 12, "ene": 1, "ago": 8, "okt": 10, "mrt": 3, "mei": 5, "dez": 12, "ابريل": 4, "إبريل": 4}
# Month names that are also names or words of other languages ("Wal-Mart 5", the Hebrew month "Nisan
# 14", "Maja 3", the paper "Marca"): a month beside a year only, where a day and year make it one.
YEAR_ONLY_MONTHS = frozenset({"mart", "nisan", "maja", "marca"})
_MONTH = (r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
          + "|".join(sorted(_FOREIGN_MONTHS, key=len, reverse=True)) + r")(?:\s?\.)?")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|\.)?"  # "10. Februar 2020": the German ordinal's dot
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# A time behind a date: after a comma or bar, or a word for "at" ("um 10:30 Uhr", "à 10h30", ", godz. 17:00").
_TIME = (r"(?:\s*(?:[,;:|·•@–—-]\s*)?(?:\b(?:at|um|à|alle|a las|saat|godz\.)(?=\s)|\bT\b)?\s*"
         r"(?P<hour>[0-2]?\d)(?:\.|\s?h\s?|\s?:\s?)(?P<minute>[0-5]\d)"
         r"(?:\s?:\s?[0-5]\d)?\s*(?P<ampm>[ap]\s?\.?\s?m\b(?:\s?\.)?)?)?")

_PATTERNS = [
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)"
               r"(?:[T ](?P<hour>[0-2]\d):(?P<minute>[0-5]\d))?", re.I),
    # "2009 06 13 00:11 JST", a Reuters edition's stamp: only with its time, or it is any three numbers
    re.compile(r"\b(?P<year>(?:19|20)\d\d) (?P<month>[01]\d) (?P<day>[0-3]\d) (?P<hour>[0-2]\d):(?P<minute>[0-5]\d)\b"),
    re.compile(rf"\b{_DAY}(?:\s+(?:of|de))?[\s-]+{_MONTH},?(?:\s+(?:de|del))?[\s-]+{_YEAR}\b{_TIME}", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY}\s?,?\s+{_YEAR}\b{_TIME}", re.I),
    # 27-Mar-08: a two-digit year only with a month name, where it cannot be mistaken
    re.compile(rf"\b{_DAY}-{_MONTH}-(?P<year>\d\d)\b", re.I),
    re.compile(r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)?\d\d)(?![\d.]\d)" + _TIME,
               re.I),
    # "2020年1月16日" (Chinese, Japanese), "2020년 1월 16일" (Korean)
    re.compile(r"(?P<year>(?:19|20)\d\d)\s?[年년]\s?(?P<month>[01]?\d)\s?[月월]\s?(?P<day>[0-3]?\d)\s?[日일]" + _TIME),
    re.compile(r"(?<![\d/])(?<!\d\s/\s)(?P<a>[01]?\d)(?P<slash>\s?)/(?P=slash)(?P<b>[0-3]?\d)(?P=slash)/(?P=slash)"
               r"(?P<year>(?:19|20)\d\d)(?![\d/])(?!\s/\s?\d)" + _TIME, re.I),
]
# A weekday, whole or cut short as stamps print it ("Wed", "Thurs"); matched case-blind.
WEEKDAY = (r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|"
           r"sun(?:day)?)")
_LETTERS = re.compile(r"[^\W\d_]{2,}")
# A time of day as stamps print it, its colon set apart or not ("18:51", "8 : 05am", "10.30 p.m."):
# the one pattern the cleaner's stamp readers build theirs from.
CLOCK = r"[0-2]?\d\s?[:.]\s?[0-5]\d(?:\s*[ap]\.?\s?m\b\.?)?"
# A clock time set apart from the date ("8 : 05am UK , Monday 16 September 2013").
_CLOCK = re.compile(rf"\b{CLOCK}", re.I)
_DIGIT = re.compile(r"\d")
# Words that may stand around a date on a date line without making it a sentence.
_DATE_WORDS = re.compile(
    r"\b(?:published|updated|posted|last|modified|on|at|date|time|created|first|am|pm|a\.m|p\.m|utc|gmt|"
    r"est|edt|cet|cest|msk|ist|" + WEEKDAY + r"|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|"
    r"june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|of|the|th|st|nd|rd|"
    r"de|del|di|le|el|van|um|uhr|alle|saat|godz|года|г)\b",
    re.I,
)


def as_date(value: str | None) -> date | None:
    """The day of an ISO date or date-time string, or None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first date in `text` as (ISO date or date-time, start, end), or None."""
    best: tuple[str, int, int] | None = None
    if not _DIGIT.search(text):
        return None
    for pat in _PATTERNS:
        m = pat.search(text)
        if m and (best is None or m.start() < best[1]):
            iso = _iso(m)
            if iso:
                best = (iso, m.start(), m.end())
    return best


def parse_date(text: str) -> str | None:
    """The first date in `text` as `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, or None."""
    found = find_date(text)
    return found[0] if found else None


def is_date_line(text: str) -> bool:
    """True when a line is a date stamp (with labels and a time at most), not a sentence that
    happens to contain a date."""
    if len(text) > 90:
        return False
    found = find_date(text)
    if not found:
        return False
    rest = _CLOCK.sub(" ", text[: found[1]] + " " + text[found[2]:])
    words = _LETTERS.findall(_DATE_WORDS.sub(" ", rest))
    # An outlet's or author's name may share the stamp's line; lower-case words make a sentence.
    return len(words) <= 1 or (len(words) <= 3 and all(w[0].isupper() for w in words))


def _iso(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    year = int(g["year"])
    if year < 100:
        year += 2000 if year < 70 else 1900
    if g.get("mon"):
        name = g["mon"].lower().rstrip(".")
        month = _FOREIGN_MONTHS.get(name, 0) or _MONTHS.get(name[:4], 0) or _MONTHS.get(name[:3], 0)
    elif g.get("a"):
        a, b = int(g["a"]), int(g["b"])
        # Slashes are month-first on the (mostly US) pages that use them, unless that cannot be.
        month, g["day"] = (a, str(b)) if a <= 12 else (b, str(a))
    else:
        month = int(g["month"])
    day = int(g["day"])
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2099):
        return None
    out = f"{year:04d}-{month:02d}-{day:02d}"
    if g.get("hour") is not None and g.get("minute") is not None:
        hour, minute = int(g["hour"]), int(g["minute"])
        ampm = (g.get("ampm") or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        if hour < 24:
            out += f"T{hour:02d}:{minute:02d}"
    return out


_SLASHED = _PATTERNS[-1]
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_WORDS = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.I)
_MONTH_WORDS = re.compile(r"\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?")


def other_reading(stamp: str) -> str | None:
    """The day-first reading of a slashed date that reads both ways (12/02/2026), else None.

    Slashes are month-first on US pages and day-first nearly everywhere else, so neither is safe
    as a rule; `settle_day_month` weighs the article's own words to choose."""
    m = _SLASHED.search(stamp)
    if not m or not (1 <= int(m.group("a")) <= 12 and 1 <= int(m.group("b")) <= 12):
        return None
    if int(m.group("a")) == int(m.group("b")):
        return None
    a, b = m.span("a"), m.span("b")
    swapped = stamp[:a[0]] + m.group("b") + stamp[a[1]:b[0]] + m.group("a") + stamp[b[1]:]
    found = _SLASHED.search(swapped)
    return _iso(found) if found else None


def settle_day_month(published: str, day_first: str, text: str, today: str | None = None) -> str:
    """Choose between the two readings of a slashed date by what the article says: the weekday of
    the day it reports ("on Thursday" for the day of publication or the night before) and the month
    it names; a reading that lies ahead of today cannot be a publication date. Ties keep `published`."""
    from datetime import date, timedelta

    def day(iso: str) -> date:
        return date.fromisoformat(iso[:10])

    words = text[:3000].lower()
    weekdays = {w.lower() for w in _WEEKDAY_WORDS.findall(words)}
    months = {_MONTHS.get(w[:4], 0) or _MONTHS.get(w[:3], 0) for w in _MONTH_WORDS.findall(words)}

    def support(iso: str) -> int:
        d = day(iso)
        named = {_WEEKDAYS[d.weekday()], _WEEKDAYS[(d - timedelta(days=1)).weekday()]} & weekdays
        future = today is not None and d > day(today) + timedelta(days=1)
        return len(named) + (d.month in months) - 10 * future

    return day_first if support(day_first) > support(published) else published


# A sentence about what is to come: its bare weekday is the next one, not the last (timelines),
# and a day it names is no day of the news (implied dates).
FUTURE = re.compile(r"\b(?:will|shall|won't|'ll|is\s+due|are\s+due|is\s+expected\s+to|are\s+expected\s+to|"
                    r"plans?\s+to|planned|is\s+scheduled|are\s+scheduled|scheduled\s+for|is\s+set\s+to|"
                    r"are\s+set\s+to|is\s+to(?!\s+blame)|are\s+to(?!\s+blame)|going\s+to|upcoming|ahead\s+of|"
                    # the future tense of Spanish, Portuguese and Italian ("se celebrará el miércoles",
                    # "inizierà mercoledì") and Dutch "zal"/"zullen"
                    r"\w{2,}(?:rá|rán|rão|rà|ranno)|zal|zullen)\b", re.I)


_EPOCH = re.compile(r"\d{9,10}(?:\.\d+)?|\d{12,13}")
_GIVEN_NUMERIC = re.compile(r"(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})")
_GIVEN_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2}))?")


def given_date(value: object) -> str | None:
    """A publication date a caller gave (a JSON record's `published`, a feed's, the Python API's)
    as `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, else None.

    Such dates come in every shape: ISO with a zone, RFC 2822 ("Sat, 31 Oct 2020 19:00:00 GMT"),
    epoch seconds or milliseconds, a page's own "31.10.2020". Stored as given, one showed as
    "yesterday" in the article list and "0000-00-00" stopped the story stage. As for pages'
    dates, the time stays as written, with no zone shift; a day before 1900 or after next year
    is no publication date."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        value = str(int(value)) if value == value and abs(value) < 1e16 else ""
    if isinstance(value, str) and _EPOCH.fullmatch(value.strip()):
        seconds = float(value)
        try:
            stamp = datetime.fromtimestamp(seconds / 1000 if seconds > 1e11 else seconds, UTC)
        except (OverflowError, OSError, ValueError):
            return None
        return _plausible(stamp.date(), f"{stamp:%Y-%m-%dT%H:%M}")
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if m := _GIVEN_ISO.match(text):
        y, mo, d, hh, mm = m.groups()
        try:
            day = date(int(y), int(mo), int(d))
        except ValueError:
            return None
        clock = hh is not None and int(hh) < 24 and (hh, mm) not in (("00", "00"), ("0", "00"))
        return _plausible(day, f"{day.isoformat()}T{int(hh):02d}:{mm}" if clock else day.isoformat())
    try:
        stamp = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        stamp = None
    if stamp is not None:
        return _plausible(stamp.date(), f"{stamp:%Y-%m-%dT%H:%M}")
    if m := _GIVEN_NUMERIC.fullmatch(text):
        first, second, third = (int(g) for g in m.groups())
        if (len(m.group(1)) == 4) == (len(m.group(3)) == 4):
            return None  # no year, or two
        # Year first, or last with the day first where the month cannot be (31/10/2020), else
        # the month first, as `_iso` reads pages' slashed dates.
        y, mo, d = ((first, second, third) if len(m.group(1)) == 4
                    else (third, second, first) if first > 12 else (third, first, second))
        try:
            return _plausible(date(y, mo, d), date(y, mo, d).isoformat())
        except ValueError:
            return None
    found = parse_date(text)
    day = as_date(found)
    return _plausible(day, found) if day is not None and found is not None else None


def _plausible(day: date, iso: str) -> str | None:
    return iso if 1900 <= day.year <= datetime.now(UTC).year + 1 else None
