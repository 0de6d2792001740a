"""Numbers sources report about an event (tolls, counts, magnitudes, ages, money), with who gave them.

A number is a claim only when the sentence says what it counts: a figure next to "dead", "injured",
"magnitude", "-year-old" is comparable across sources, a bare "15" is not. Each claim keeps the
quantifier the source printed ("more than", "approaching"), because "more than 1,250" and
"approaching 5,000" are different statements even before their numbers differ, and the speaker the
source attributes it to ("according to partial reports", "Putin told him"), because one article
may carry two figures from two speakers and a reader must see both.

Rules are written for English (most machine-translated copy ends up in English); other languages
give no number claims yet rather than wrong ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from storyline.model import Article, Claim, Mention

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”»']?\s+(?=[\"“«'(]?[A-Z0-9])")
_ABBREV_END = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|St|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])\.$")

_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
               "hundred": 100, "a hundred": 100, "dozens": 24, "hundreds": 200, "thousands": 2000})
del _WORDS["zero"]
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "mln": 1e6, "bn": 1e9}
_QUALIFIER = (r"(?:more than|over|nearly|almost|about|around|approximately|at least|up to|some|approaching|"
              r"fewer than|less than|roughly|close to|as many as|an estimated|estimated|just over|just under|"
              r"well over|exactly|only|nearing|topping|exceeding)")
_NUMBER = (r"(?:\d{1,3}(?:[,\u00a0 ]\d{3})+(?!\d)|\d+(?:\.\d+)?|" + "|".join(sorted(_WORDS, key=len, reverse=True))
           + r")(?:\s+(?:thousand|million|billion|mln|bn))?")
_QUANTITY = re.compile(rf"(?:(?P<qual>{_QUALIFIER})\s+)?(?P<num>{_NUMBER})\b", re.IGNORECASE)

# What a figure counts, from the words right after it (or a "toll" before it).
_SUBJECTS: list[tuple[str, re.Pattern[str]]] = [
    ("deaths", re.compile(r"^\s*(?:people\s+|persons\s+|civilians\s+|soldiers\s+|servicemen\s+)?"
                          r"(?:dead|killed|deaths|died|fatalities|lives|bodies|have died|were killed)\b", re.I)),
    ("injured", re.compile(r"^\s*(?:people\s+|persons\s+|civilians\s+)?(?:injured|wounded|hurt|injuries)\b", re.I)),
    ("missing", re.compile(r"^\s*(?:people\s+|persons\s+)?(?:missing|unaccounted)\b", re.I)),
    ("displaced", re.compile(r"^\s*(?:people\s+|persons\s+|residents\s+)?(?:displaced|evacuated|homeless|"
                             r"fled|refugees)\b", re.I)),
    ("arrested", re.compile(r"^\s*(?:people\s+|persons\s+|suspects\s+)?(?:arrested|detained)\b", re.I)),
    ("age", re.compile(r"^-?\s*years?[- ]old\b", re.I)),
]
_KILLED_BEFORE = re.compile(r"\b(?:killed|killing|claimed the lives of|left dead)\s+$", re.I)
_PEOPLE_AFTER = re.compile(r"^\s*(?:people|persons|civilians|soldiers|residents|villagers|workers|children)\b", re.I)
_TOLL_BEFORE = re.compile(r"(?:death toll|toll|number of (?:dead|deaths|victims))\s+(?:\w+\s+){0,4}$", re.I)
_MAGNITUDE_BEFORE = re.compile(r"magnitude(?:\s+of)?\s+$", re.I)
_MAGNITUDE_AFTER = re.compile(r"^-?\s*magnitude\b", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)(s?)\b")
_SINCE_BEFORE = re.compile(r"\bsince(?:\s+\S+){0,5}\s*$", re.I)
_ACCORDING = re.compile(r"\baccording to ([^,.;:]{3,60})", re.I)
_SPEECH = re.compile(r"\b(?:said|says|told|tells|announced|reported|reports|estimated|estimates|stated|"
                     r"declared|confirmed|put|puts)\b", re.I)


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs; a rule splitter that keeps "Mr." and initials inside sentences."""
    out: list[tuple[int, str]] = []
    for para_match in re.finditer(r"[^\n]+", text):
        para, base, start = para_match.group(0), para_match.start(), 0
        for end_match in _SENTENCE_END.finditer(para):
            if _ABBREV_END.search(para[start:end_match.start()]):
                continue
            out.append((base + start, para[start:end_match.start()].strip()))
            start = end_match.end()
        if para[start:].strip():
            out.append((base + start, para[start:].strip()))
    return out


def to_number(text: str) -> float | None:
    words = text.lower().split()
    scale = _SCALE.get(words[-1], 1.0) if len(words) > 1 else 1.0
    head = " ".join(words[:-1]) if scale != 1.0 else text.lower()
    head = re.sub(r"[,\u00a0 ](?=\d{3}\b)", "", head)
    if head in _WORDS:
        return _WORDS[head] * scale
    try:
        return float(head) * scale
    except ValueError:
        return None


def number_claims(article: Article, mentions: Iterable[Mention] = ()) -> list[Claim]:
    """Every figure in the article whose sentence says what it counts."""
    if (article.language or "en").split("-")[0] != "en":
        return []
    people = sorted((m for m in mentions if m.type in ("PERSON", "ORG")), key=lambda m: m.start)
    claims: list[Claim] = []
    for offset, sentence in sentences(article.text):
        if _about_the_past(sentence, article.published):
            continue  # a figure about an earlier war or quake is not this event's
        for match in _QUANTITY.finditer(sentence):
            subject = _subject(sentence, match) or _age_by_comma(sentence, match, offset, people)
            if subject is None:
                continue
            number = to_number(match.group("num"))
            if number is None or (subject == "age" and not 0 < number < 120):
                continue
            if subject == "age":
                person = _person_aged(match, offset, people)
                if person is None:
                    continue  # an age without its person compares with nothing
                subject = f"age of {person}"
            value = " ".join(x for x in (match.group("qual"), match.group("num")) if x)
            claims.append(Claim(source=article.source, kind="number", subject=subject, value=value,
                                sentence=sentence, number=number, published=article.published,
                                speaker=_speaker(sentence, match.start(), offset, people)))
    return claims


def _about_the_past(sentence: str, published: str | None) -> bool:
    """The sentence names an earlier year ("a 1999 quake", "the 1990s war") other than as a yardstick
    ("the worst since 1994"), so its figures belong to that earlier event."""
    this_year = int(published[:4]) if published and published[:4].isdigit() else None
    for match in _YEAR.finditer(sentence):
        year, decade = int(match.group(1)), bool(match.group(2))
        if _SINCE_BEFORE.search(sentence[:match.start()]):
            continue
        if (decade and (this_year is None or year + 9 < this_year)) or (this_year and year < this_year):
            return True
    return False


def _subject(sentence: str, match: re.Match[str]) -> str | None:
    after, before = sentence[match.end():match.end() + 40], sentence[max(0, match.start() - 60):match.start()]
    if re.match(r"^\s*(?:%|per ?cent|percent)", after, re.I):
        return None
    for name, pattern in _SUBJECTS:
        if pattern.search(after):
            return name
    if _MAGNITUDE_BEFORE.search(before) or _MAGNITUDE_AFTER.search(after):
        return "magnitude"
    if _TOLL_BEFORE.search(before) or (_KILLED_BEFORE.search(before) and _PEOPLE_AFTER.search(after)):
        return "deaths"
    return None


def _age_by_comma(sentence: str, match: re.Match[str], offset: int, people: list[Mention]) -> str | None:
    """ "Maria Lopez, 45, was ..." : a bare number set off by commas right after a person's name."""
    if match.group("qual") or not re.match(r"^\s*,", sentence[match.end():]) or not match.group("num").isdigit():
        return None
    before = sentence[:match.start()].rstrip()
    if not before.endswith(","):
        return None
    end = offset + len(before) - 1
    return "age" if any(m.type == "PERSON" and m.end == end for m in people) else None


def _person_aged(match: re.Match[str], offset: int, people: list[Mention]) -> str | None:
    """The person an age belongs to: named just before it ("Lopez, 45") or just after ("45-year-old Lopez")."""
    start, end = offset + match.start(), offset + match.end()
    for m in people:
        if m.type == "PERSON" and (0 <= start - m.end <= 3 or 0 <= m.start - end <= 14):
            return m.text
    return None


def _speaker(sentence: str, at: int, offset: int, people: list[Mention]) -> str | None:
    """Who the sentence says gave the figure: "according to X", or a name before a speech verb."""
    according = _ACCORDING.search(sentence)
    if according:
        return according.group(1).strip()
    for mention in reversed(people):
        rel = mention.start - offset
        if 0 <= rel < at and _SPEECH.search(sentence[rel:at]):
            return mention.text
    return None


# When and where an event happened, from the word that names it right before the date or place.
_REPORTING = frozenset("said says told reported announced stated added noted confirmed claimed wrote "
                       "published released issued quoted explained declared tweeted posted".split())
_EVENT_VERB = re.compile(r"^(?:[a-z]+ed|struck|held|hit|shook|began|begun|died|born|took|broke|fell|sank|"
                         r"burned|burnt|caught|fought|found|froze|killed|sentenced|convicted|acquitted)$")
_EVENT_NOUN = ("court", "trial", "hearing", "verdict", "epicentre", "epicenter", "earthquake", "quake",
               "explosion", "blast", "attack", "crash", "fire", "flood", "shooting", "summit", "talks")
_PLACE_AFTER_NOUN = re.compile(r"\b(" + "|".join(_EVENT_NOUN) + r")\b(?:\s+[\w-]+){0,3}?\s+(?:in|near|at|off)\s+$",
                               re.I)


def event_claims(article: Article, mentions: Iterable[Mention] = ()) -> list[Claim]:
    """The day an event happened ("was sentenced on Tuesday") and where ("a court in Korven"), per source.

    The event is named by the verb just before the date, or the noun just before "in/near X"; a
    reporting verb ("said on Monday") dates the statement, not the event, and is skipped."""
    from storyline.timeline_dates import DAY, as_date, resolve_dates

    if (article.language or "en").split("-")[0] != "en":
        return []
    published = as_date(article.published)
    places = sorted((m for m in mentions if m.type == "PLACE"), key=lambda m: m.start)
    claims: list[Claim] = []
    for offset, sentence in sentences(article.text):
        for when in resolve_dates(sentence, published) if published else ():
            if when.granularity != DAY:
                continue
            anchor = _event_word(re.findall(r"[A-Za-z]+", sentence[:when.start])[-5:])
            if anchor:
                claims.append(Claim(source=article.source, kind="date", subject=f"date: {anchor}",
                                    value=when.date.isoformat(), sentence=sentence, published=article.published))
        for place in places:
            rel = place.start - offset
            if not 0 < rel <= len(sentence):
                continue
            match = _PLACE_AFTER_NOUN.search(sentence[max(0, rel - 60):rel])
            if match:
                claims.append(Claim(source=article.source, kind="place", subject=f"place: {match.group(1).lower()}",
                                    value=place.text, sentence=sentence, published=article.published))
    return claims


def _event_word(words: list[str]) -> str | None:
    """The event verb nearest before a date, unless a reporting verb comes between them."""
    for word in reversed(words):
        low = word.lower()
        if low in _REPORTING:
            return None
        if _EVENT_VERB.match(low):
            return low
    return None
