"""Datelines: the `PLACE, (AGENCY) –` or `Place/31.10.20/Agency:` prefix of wire copy.

A dateline is recognised only by its typography: an ALL-CAPS place, or any place followed by an
agency in parentheses or a slash-separated date, then a dash or colon. An ordinary sentence
("Russia said on Saturday, ...") has none of these, so it is never read as one.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
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
    # (CNN)President Donald Trump ...   Washington (CNN)The ...: a site's credit glued to the first word
    re.compile(r"^(?:(?P<place>[A-Z][\w'’.\-]*(?:\s[A-Z][\w'’.\-]*){0,3})\s)?\((?P<agency>[A-Z][\w&.\-]{1,20})\)"
               r"(?=[A-Z\"“])"),
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
                      or place.upper().startswith("DEAR ")  # a letter's salutation: "DEAR ABBY: My husband ..."
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


# A wire's tag inside a line: where a page ran its headline, highlights or a caption into the
# story's dateline ("... afraid to flee because of the fighting Djerba , Tunisia ( CNN ) -- U.S.
# military planes ..."), on two of three CNN pages of a Timeline17 dump.
_AGENCY_MARK = re.compile(rf"{_AGENCY}{_DASH}")
_RUN_IN_REACH = 1500
# The words before a tag that may be its place, region and day: "The Hague , Netherlands", "TRIPOLI , March 5".
_BACK_WORDS = 7
# A capitalised word after these is their object, the end of a highlight: "advancing toward
# Tripoli Moscow ( CNN ) --" is datelined Moscow, "in control of Zuwara ( CNN ) --" nowhere.
_TAKES_OBJECT = frozenset("""of in to toward towards from near at into on for with by outside across around about
against over under between than like and or the a an new eastern western northern southern central al""".split())
_CALENDAR = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
# A place's words printed in lower case ("Rio de Janeiro"); "Stratford on Avon" too, where `_title` writes it.
_PARTICLES = frozenset("de du da del la le el al of upon".split())
_COMPANY = frozenset({"Corp.", "Inc.", "Co.", "Ltd."})
_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}$")
_CLOCK_SUFFIX = frozenset({"am", "pm", "a.m.", "p.m."})
_DATE_WORD = re.compile(r"^(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b)")


def run_in_dateline(line: str, below: Sequence[str] = ()) -> int:
    """Where a wire's dateline starts inside `line`, after other text (0 when none does): the
    story's first sentence opens there, and what stands before it is the page's. Only a known
    medium's tag counts ("polycyclic aromatic hydrocarbons ( PAHs ) --" glosses an acronym).
    `below`: the story's lines under the line, where it names its place again."""
    from storyline.clean.media import load_media

    if line.rstrip().endswith(("...", ". . .")):
        return 0  # a teaser cut short: "... VENICE , La. ( AP ) -- BP 's chairman defended ... along t. . ."
    known = load_media(None).canonical
    for mark in _AGENCY_MARK.finditer(line, 1, _RUN_IN_REACH):
        agency = mark.group("agency").strip()
        if agency not in known and agency.split()[0] not in known:
            continue
        if dateline_end(line) >= mark.end() and _opens_with_place(line):
            return 0  # the line opens with it
        words = [(w.start(), w.group()) for w in re.finditer(r"\S+", line[:mark.start()])]
        for k in range(max(1, len(words) - _BACK_WORDS), len(words)):
            if (words[k][1] not in _CALENDAR and _place_opens(line, words, k, mark.end())
                    and (_ends_text_before(words[:k]) or _capitals_after_title(words[k - 1][1], words[k][1])
                         or words[k - 1][1] in known)):  # "By Ivan Watson , CNN Tripoli , Libya ( CNN ) -"
                return words[_as_the_story_names_it(line, words, k, mark.end(), below)][0]
        # "... eastern provinces ( CNN ) --": a tag with no place, or none told from the text before
        return mark.start() if words else 0
    return 0


def _opens_with_place(line: str) -> bool:
    """Whether the dateline that opens `line` is one as printed, not the words of a headline, a
    highlight or a byline that `parse_dateline` took for its place ("Crews reach Marrow Korven ,
    Valdonia ( CNN ) --"); one with no place is ("Jul ( Reuters ) - CAIRO , July 7 ...")."""
    found = opening_dateline(line)
    words = line.split()
    if not found or found[0].place is None:
        return bool(found)
    return words[0] not in ("By", "From") and _printed_as_place(words[:len(found[0].place.split())], "")


def _place_opens(line: str, words: list[tuple[int, str]], k: int, mark_end: int) -> bool:
    """Whether a dateline of a place printed as one (`_printed_as_place`) opens at word `k` and
    ends at the agency's tag."""
    if not _printed_as_place((w for _, w in words[k:]), words[k - 1][1]):
        return False
    found = opening_dateline(line[words[k][0]:])
    return bool(found and found[0].agency and words[k][0] + found[1] == mark_end
                and len((found[0].place or "").split()) <= 3)


def _as_the_story_names_it(line: str, words: list[tuple[int, str]], k: int, mark_end: int,
                           below: Sequence[str]) -> int:
    """Where a place of several words starts that the text before ended on a name: "Britain to
    help 5,000 escape Misrata Tripoli , Libya ( CNN ) --" is datelined Tripoli, as the story
    names it alone; "Ras Lanuf" stays whole, the story never printing "Lanuf" without "Ras"."""
    text = "\n".join([line[mark_end:], *below])
    j = k + 1
    while j < len(words) and words[j][1] != ",":
        if _place_opens(line, words, j, mark_end) and _named_alone(words[j][1], text):
            return j
        j += 1
    return k


def _named_alone(word: str, text: str) -> bool:
    """Whether `text` names `word` with no capitalised word before it ("El Salvador" does not
    name a "Salvador" that would part "San Salvador")."""
    for found in re.finditer(rf"(?<!\S){re.escape(word)}\b", text):
        before = text[max(0, found.start() - 40):found.start()].split()
        if not before or not before[-1][:1].isupper():
            return True
    return False


def _printed_as_place(words: Iterable[str], before: str) -> bool:
    """Whether the words up to a dateline's first comma print as a place: each capitalised (but
    a particle: "Rio de Janeiro"), all in capitals or none ("Science Editor WASHINGTON" is a
    byline's title and a place; "`` Mubarak must go ''" a chant), and not the time zone of a
    stamp ("10:06 pm EDT WASHINGTON ( Reuters ) -")."""
    place = list(itertools.takewhile(lambda w: w != "," and not _DATE_WORD.match(w), words))
    if not place or before.lower() in _CLOCK_SUFFIX or _CLOCK.match(before):
        return False
    caps = [len(w) > 1 and w.isupper() for w in place]
    named = all((w[:1].isupper() and w not in _COMPANY) or w in _PARTICLES for w in place)
    return named and (all(caps) or not any(caps))


def _capitals_after_title(before: str, word: str) -> bool:
    """An ALL-CAPS place after a capitalised word starts a dateline: "By Maggie Fox , Health and
    Science Editor WASHINGTON , May 8 ( Reuters ) -"."""
    return len(word) > 1 and word.isupper() and not before.isupper() and "/" not in before


def _ends_text_before(words: list[tuple[int, str]]) -> bool:
    """Whether the text before a dateline may end on these words: not on a word that takes an
    object, nor on a capitalised word, unless that is a weekday or one word such a word takes."""
    last = words[-1][1]
    if last in _TAKES_OBJECT or last == ",":
        return False
    if len(words) > 1 and words[-2][1].lower() in _CLOCK_SUFFIX:
        return True  # a stamp's time zone: "9:46 am EDT WASHINGTON ( Reuters ) -"
    if not last[:1].isupper() or last in _CALENDAR:
        return True
    return len(words) > 1 and words[-2][1] in _TAKES_OBJECT


def _title(place: str) -> str:
    """`NEW YORK` -> `New York`; `RIO DE JANEIRO` keeps its particles lower case."""
    words = []
    for i, w in enumerate(place.lower().split(" ")):
        words.append(w if i and (w in _PARTICLES or w == "on") else "-".join(p.capitalize() for p in w.split("-")))
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
