"""Numbers sources report about an event (tolls, counts, magnitudes, ages, money, areas), with who gave them.

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

from storyline.claims_speakers import figure_speaker
from storyline.claims_tolls import LANGUAGES as TOLL_LANGUAGES
from storyline.claims_tolls import toll_claims
from storyline.entities.countries import country_code, country_name
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
# "the toll of the seven-week-old disaster": a figure joined to a word by a hyphen is an adjective
# (an age, "45-year-old", and a magnitude, "6.1-magnitude", are read as ones)
_QUANTITY = re.compile(rf"(?:(?P<qual>{_QUALIFIER})\s+)?(?P<num>{_NUMBER})\b"
                       r"(?!-(?!years?-?old|magnitude)[^\W\d_])", re.IGNORECASE)

# What a figure counts, from the words right after it (or a "toll" before it).
# Who is counted ("four workers", "eleven others") and the verb group before what happened to them.
_WHO = (r"^\s*(?:(?:other\s+)?(?:people|persons|civilians|soldiers|servicemen|workers|employees|residents|"
        r"villagers|passengers|miners|children|students|firefighters|officers|others)\s+)?")
_WERE = r"(?:(?:were|have been|had been|are|have|had)\s+)?"
_SUBJECTS: list[tuple[str, re.Pattern[str]]] = [
    ("deaths", re.compile(_WHO + _WERE + r"(?:dead|killed|deaths|died|fatalities|lives|bodies|"
                          r"lost their lives|perished)\b", re.I)),
    ("injured", re.compile(_WHO + _WERE + r"(?:injured|wounded|hurt|injuries)\b", re.I)),
    ("missing", re.compile(_WHO + _WERE + r"(?:missing|unaccounted)\b", re.I)),
    ("displaced", re.compile(_WHO + _WERE + r"(?:displaced|evacuated|homeless|fled|refugees)\b", re.I)),
    ("arrested", re.compile(r"^\s*(?:(?:people|persons|suspects)\s+)?" + _WERE + r"(?:arrested|detained)\b", re.I)),
    ("age", re.compile(r"^-?\s*years?[- ]old\b", re.I)),
]
_BODIES_COUNTED = re.compile(r"^\s*bodies\s+(?:\w+\s+){0,3}?(?:identified|named|claimed|returned|repatriated|"
                             r"buried|handed over)\b", re.I)
# Animals counted dead, hurt or missing ("522 dead birds -- at least 38 of them oiled"), a word
# between allowed ("dead sea turtles").
_ANIMALS = re.compile(r"\s*(?:[a-z]+\s+)?(?:birds?|seabirds?|pelicans?|fish|animals?|turtles?|dolphins?|whales?|"
                      r"mammals?|wildlife|creatures?|cattle|cows?|sheep|goats?|pigs?|chickens?|poultry|livestock|"
                      r"dogs?|cats?|horses?|camels?)\b", re.I)
_NONE_BEFORE = re.compile(r"\b(?:no|not)\s+$", re.I)
_KILLED_BEFORE = re.compile(r"\b(?:killed|killing|claimed the lives of|left dead)\s+$", re.I)
_INJURED_BEFORE = re.compile(r"\b(?:injured|injuring|wounded|wounding)\s+$", re.I)
_NOTHING_AFTER = re.compile(r"^\s*(?:others?\b|more\b|[.,;]|$)", re.I)
_PEOPLE_AFTER = re.compile(r"^\s*(?:people|persons|civilians|soldiers|residents|villagers|workers|children)\b", re.I)
_TOLL_BEFORE = re.compile(r"(?:death toll|toll|number of (?:people\s+)?(?:dead|deaths|killed|victims|fatalities))"
                          r"(?:\s+(?:\w+\s+){0,4}|\b[^.;]{0,90}?\b(?:to|at|reached|reaches|was|is|hit|topped)\s+)$",
                          re.I)
_MAGNITUDE_BEFORE = re.compile(r"magnitude(?:\s+of)?\s+$|magnitude\b[^.;]{0,40}?\b(?:was|is|at|of)\s+$", re.I)
_DECIMAL = re.compile(r"^\d\.\d$")
_MAGNITUDE_AFTER = re.compile(r"^-?\s*magnitude\b", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)(s?)\b(?!\s*(?:square|sq\b|hectares?|acres?|квадратных|кв\.|гектар))")
_LABEL_BEFORE = re.compile(r"\b(?:flight|flights|no\.|number|route|highway|room|platform|gate|unit|block|"
                           r"district|ward|station|reactor|well|rig|level|grade|category|article|section|resolution)"
                           r"\s+$", re.I)
_IN_YEAR_BEFORE = re.compile(r"\b(?:in|of|since|from|during|until|by)\s+(?:(?:early|late|mid)-?\s*)?$", re.I)
_SINCE_BEFORE = re.compile(r"\bsince(?:\s+\S+){0,5}\s*$", re.I)

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


def number_claims(article: Article, mentions: Iterable[Mention] = (), story_date: str | None = None) -> list[Claim]:
    """Every figure in the article whose sentence says what it counts; `story_date` (the story's
    first date) tells an undated article's past from its present."""
    lang = (article.language or "en").split("-")[0]
    when = written(article, story_date)
    if lang == "ru":
        return _russian_claims(article, when)
    if lang in TOLL_LANGUAGES:
        return toll_claims(article, lang, [s for _, para in sentences(article.text)
                                           for s in re.split(r"(?<=[.!?])\s+(?=\W?[A-ZÀ-Þ])", para)],
                           lambda sentence: _about_the_past(sentence, when))
    if lang != "en":
        return []
    mentions = sorted(mentions, key=lambda m: m.start)
    people = [m for m in mentions if m.type in ("PERSON", "ORG")]
    places = [m for m in mentions if m.type == "PLACE"]
    givers = [m for m in mentions if m.type in ("PERSON", "ORG", "GPE", "NORP")]
    claims: list[Claim] = []
    for offset, sentence in sentences(article.text):
        if _about_the_past(sentence, when):
            continue  # a figure about an earlier war or quake is not this event's
        for match in _QUANTITY.finditer(sentence):
            subject = _subject(sentence, match) or _age_by_comma(sentence, match, offset, people)
            if subject is None:
                continue
            number = to_number(match.group("num"))
            if number is None or (subject == "age" and not 0 < number < 120) or \
                    (subject.endswith("magnitude") and not 0 < number <= 10):
                continue
            if subject == "age":
                person = _person_aged(match, offset, people, sentence)
                if person is None:
                    continue  # an age without its person compares with nothing
                subject = f"age of {person}"
            speaker = figure_speaker(sentence, match.start(), match.end(), offset, people)
            if subject in COUNTS and (scope := _scope(sentence, match, offset, places, speaker)):
                subject = f"{subject} ({scope})"
            value = " ".join(x for x in (match.group("qual"), match.group("num")) if x)
            if not re.search(r"\d", value):  # "Four (4)": the figure, whatever words the source used
                value += f" ({number:,.0f})"
            claims.append(Claim(source=article.source, kind="number", subject=subject, value=value,
                                sentence=sentence, number=number,
                                published=None if article.published_inferred else article.published,
                                speaker=speaker))
        claims += _unit_claims(article, sentence, offset, people, givers)
    return claims


# Figures with a unit: money, and the area an event covered. Money keeps its currency in the
# subject ("damage (EUR)"), because €5 million and $5 million are no disagreement and no rate is
# known; an area is compared in square metres, rounded where the source used another unit, so "3
# hectares" and "7.4 acres" meet.
_CURRENCY = {"€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "$": "USD", "us$": "USD", "usd": "USD",
             "dollar": "USD", "dollars": "USD", "us dollars": "USD", "£": "GBP", "gbp": "GBP", "pounds": "GBP",
             "pounds sterling": "GBP", "₽": "RUB", "rub": "RUB", "roubles": "RUB", "rubles": "RUB",
             "¥": "JPY", "yen": "JPY", "yuan": "CNY", "rmb": "CNY", "cny": "CNY", "₹": "INR", "rupees": "INR",
             "inr": "INR", "a$": "AUD", "c$": "CAD", "hk$": "HKD", "chf": "CHF", "swiss francs": "CHF"}
_MONEY_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6, "bn": 1e9,
                "billion": 1e9, "tn": 1e12, "trillion": 1e12}
_AMOUNT = r"(?P<num>\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?)(?:\s?(?P<scale>thousand|million|billion|trillion|" \
          r"mln|mn|bn|tn|m|k)\b)?"
_MONEY = re.compile(rf"(?:(?P<qual>{_QUALIFIER})\s+)?(?:(?P<sym>(?:US|A|C|HK)?\$|€|£|₽|¥|₹|"
                    rf"\b(?:EUR|USD|GBP|RUB|CNY|RMB|INR|CHF)\b)\s?{_AMOUNT}|{_AMOUNT.replace('?P<', '?P<w')}\s+"
                    r"(?P<word>euros?|(?:US )?dollars?|pounds(?: sterling)?|roubles|rubles|yen|yuan|rupees|"
                    r"swiss francs))(?![\w-])", re.I)
# What a sum is, from a word near it in its clause: before it ("a fine of", "losses of") or after it
# ("in damage", "compensation"). Aid is named by its giver: two donors' pledges are no disagreement.
_MONEY_SUBJECTS = [("damage", r"damages?|losses|loss"), ("fine", r"fined?|penalty"), ("ransom", r"ransom"),
                   ("compensation", r"compensation|compensate"), ("bail", r"bail(?!-?out)"),
                   ("aid", r"aid|assistance")]
# A sum that is possible, sought, capped or a market's is no account of what the event cost.
_MONEY_HEDGE = re.compile(r"\b(?:could|would|may|might|if|whether|up to|caps?|capped|limit|maximum|seek|seeks|seeking|"
                          r"sought|sue[ds]?|suing|lawsuits?|suit|demand\w*|faces?|facing|potential|fund|scheme|"
                          r"package|insur\w+|shares?|market|profits?|quarter\w*|annual\w*|net|forecast\w*|bill|"
                          r"claims|total(?:led|ling)?|so far|expects?|expected|analysts?|record|also|further|another|"
                          r"previous\w*|earlier|last|former|past)\b|\?", re.I)
_MONEY_EVENT = re.compile(r"\b(?:fires?|blaze|floods?|flooding|quake|earthquake|storm|hurricane|typhoon|cyclone|"
                          r"tornado|explosion|blast|spill|crash|attack|collapse|landslide|wildfires?)\b", re.I)
_PER = re.compile(r"^[^,;:.]{0,25}?\b(?:per|each|apiece|a (?:head|day|week|month|year)|an? (?:hour|year))\b|"
                  r"^\s*(?:a|per)\s", re.I)
_AREA_UNITS = {"square metres": 1.0, "square meters": 1.0, "sq m": 1.0, "sq. m": 1.0, "m2": 1.0, "m²": 1.0,
               "square kilometres": 1e6, "square kilometers": 1e6, "sq km": 1e6, "km2": 1e6, "km²": 1e6,
               "hectares": 1e4, "hectare": 1e4, "ha": 1e4, "acres": 4046.86, "acre": 4046.86,
               "square feet": 0.0929, "sq ft": 0.0929, "square miles": 2.59e6, "sq miles": 2.59e6}
_AREA = re.compile(rf"(?:(?P<qual>{_QUALIFIER})\s+)?(?P<num>{_NUMBER})\s*(?P<unit>"
                   + "|".join(re.escape(u) for u in sorted(_AREA_UNITS, key=len, reverse=True)) + r")(?![\w²-])",
                   re.I)
# The area is the event's only when the sentence says so: a fire that spread over it, a flood that
# covered it; "a 2,000-square-metre warehouse" is the size of a building.
_AREA_VERB = re.compile(r"\b(?:area|covered|covering|spread|spreading|engulfed|burn(?:ed|t|ing)|destroyed|"
                        r"scorched|consumed|ravaged|flooded|inundated|affected|blackened)\b", re.I)
_AREA_EVENTS = {"fire": r"fires?|blaze|wildfires?|flames|burn(?:ed|t)", "flood": r"floods?|flooding|flooded|inundated",
                "spill": r"spill|slick"}


def _unit_claims(article: Article, sentence: str, offset: int, people: list[Mention], givers: list[Mention]
                 ) -> list[Claim]:
    out = []
    for match in _MONEY.finditer(sentence):
        printed = (match.group("sym") or match.group("word") or "").lower()
        code = _CURRENCY.get(printed) or _CURRENCY.get(printed.removeprefix("us "))
        num, scale = match.group("num") or match.group("wnum"), match.group("scale") or match.group("wscale")
        subject = _money_subject(sentence, match.start(), match.end())
        if code is None or subject is None or _PER.search(sentence[match.end():]) or _hedged(sentence, subject) \
                or (subject == "damage" and not _MONEY_EVENT.search(sentence)):
            continue
        if subject in ("aid", "fine"):
            party = _giver(sentence, match.start(), offset, givers) if subject == "aid" else \
                _fined(sentence[:match.start()])
            if party is None:
                continue  # two donors' pledges, two parties' fines, are no disagreement
            subject = f"{subject} {'from' if subject == 'aid' else 'on'} {party}"
        number = float(num.replace(",", "")) * _MONEY_SCALE.get((scale or "").lower(), 1.0)
        out.append(_unit_claim(article, sentence, offset, people, match, f"{subject} ({code})",
                               " ".join(match.group(0).split()), number))
    for match in _AREA.finditer(sentence):
        event = next((e for e, words in _AREA_EVENTS.items() if re.search(rf"\b(?:{words})\b", sentence, re.I)), None)
        unit = match.group("unit").lower()
        number = to_number(match.group("num"))
        near = sentence[max(0, match.start() - 30):match.end() + 15]
        if event is None or number is None or not _AREA_VERB.search(near) \
                or re.search(r"\bclos(?:ed|ing|ure)\b", sentence[max(0, match.start() - 30):match.start()], re.I) \
                or re.match(r"^\s*-", sentence[match.end():]) or "-" in match.group(0):
            continue
        metres = number * _AREA_UNITS[unit]
        if _AREA_UNITS[unit] != 1.0:
            metres = float(f"{metres:.2g}")
        name = next(u for u, f in _AREA_UNITS.items() if f == _AREA_UNITS[unit] and " " in u) \
            if _AREA_UNITS[unit] not in (1e4, 4046.86) else ("hectares" if unit.startswith("h") else "acres")
        printed = " ".join(x for x in (match.group("qual"), match.group("num"), name) if x)
        out.append(_unit_claim(article, sentence, offset, people, match, f"area of the {event}", printed, metres))
    return out


def _unit_claim(article: Article, sentence: str, offset: int, people: list[Mention], match: re.Match[str],
                subject: str, value: str, number: float) -> Claim:
    speaker = figure_speaker(sentence, match.start(), match.end(), offset, people)
    if speaker and speaker.split()[-1].lower() in ("was", "is", "were", "are", "been", "be"):
        speaker = None  # "damage was estimated at": the sum's own subject, no one who gave it
    return Claim(source=article.source, kind="number", subject=subject, value=value, sentence=sentence,
                 number=number, published=None if article.published_inferred else article.published,
                 speaker=speaker)


def _hedged(sentence: str, subject: str) -> bool:
    """A ransom is reported as demanded; any other sum demanded is not yet one."""
    return any(m.group(0).lower()[:6] != "demand" or subject != "ransom" for m in _MONEY_HEDGE.finditer(sentence))


def _money_subject(sentence: str, start: int, end: int) -> str | None:
    """The nearest word naming what a sum is, within its clause."""
    before = re.split(r"[,;:]|\b(?:and|but|while|after)\b", sentence[max(0, start - 30):start])[-1]
    after = re.split(r"[,;:.]|\b(?:and|but|while|after)\b", sentence[end:end + 20])[0]
    best: tuple[int, str] | None = None
    for name, words in _MONEY_SUBJECTS:
        for hit in re.finditer(rf"\b(?:{words})\b", before, re.I):
            best = min(best or (99, name), (len(before) - hit.end(), name))
        hit = re.search(rf"\b(?:{words})\b", after, re.I)
        if hit:
            best = min(best or (99, name), (hit.start(), name))
    return best[1] if best else None


_WHO_FINED = r"((?:[A-Z][\w&.'-]*\s+){0,3}[A-Z][\w&.'-]*|(?i:the)\s+[a-z]+)"
_FINED = re.compile(rf"{_WHO_FINED}\s+(?:(?:was|were|is|has been|had been|have been)\s+)?fined\s+$|"
                    rf"\bfined\s+{_WHO_FINED}\s+$|"
                    rf"{_WHO_FINED}\s+(?:(?:was|has been)\s+)?(?:paid|pays|must pay|will pay|ordered to pay|"
                    r"agreed to pay|received|got|handed)\s+(?:a\s+)?$")


def _fined(before: str) -> str | None:
    """Who was fined, named right before the sum ("BP was fined", "fined Nortex", "Nortex paid a")."""
    match = _FINED.search(before)
    who = match and next(g for g in match.groups() if g)
    if not who or who.split()[0] in ("He", "She", "It", "They", "A", "This", "That"):
        return None
    return _DETERMINER_FINED.sub("", who)


_DETERMINER_FINED = re.compile(r"^the\s+", re.I)


def _giver(sentence: str, start: int, offset: int, people: list[Mention]) -> str | None:
    """Who gives aid: a name opening the clause before the sum with a verb of giving after it."""
    for m in reversed(people):
        rel = m.start - offset
        if 0 <= rel < start and re.match(r"^\s+(?:has\s+|have\s+|had\s+|will\s+)?(?:pledged|promised|gave|given|"
                                         r"give|donated|offered|sent|approved|allocated|provided)\b",
                                         sentence[m.end - offset:start]) and not re.search(r"[;]", sentence[rel:start]):
            return m.text
    return None


# Russian copy: the toll, the injured and the area of a fire, the figures a Russian page of an
# international story most often gives; anything else in Russian gives no claim rather than a wrong one.
_RU_WORDS = {w: n for n, words in enumerate([
    "", "один одна одного", "два две двое", "три трое", "четыре четверо", "пять пятеро", "шесть шестеро",
    "семь семеро", "восемь", "девять", "десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать",
    "пятнадцать", "шестнадцать", "семнадцать", "восемнадцать", "девятнадцать", "двадцать"]) for w in words.split()}
_RU_NUMBER = r"(?P<num>\d{1,3}(?:[  ]\d{3})+(?!\d)|\d+|" + "|".join(sorted(_RU_WORDS, key=len, reverse=True)) + r")"
_RU_WHO = r"(?:\s+(?:человека?|людей|рабочих|сотрудников))?"
_RU_COUNT = [("deaths", r"погибл?и?\w*|погибших|скончал\w*"), ("injured", r"пострадал\w*|пострадавших|ранен\w*")]
_RU_AREA = re.compile(_RU_NUMBER + r"\s+(?P<unit>квадратных\s+метров|кв\.\s*м|гектар\w*)", re.I)


def _russian_claims(article: Article, when: str | None) -> list[Claim]:
    claims = []
    published = None if article.published_inferred else article.published
    for _, para in sentences(article.text):
        for sentence in re.split(r"(?<=[.!?])\s+(?=[«\"]?[А-ЯЁ])", para):
            if _about_the_past(sentence, when):
                continue
            found = []
            for subject, verb in _RU_COUNT:
                found += [(subject, m) for m in re.finditer(rf"(?<!\w){_RU_NUMBER}{_RU_WHO}\s+(?:{verb})(?!\w)",
                                                            sentence, re.I)]
                found += [(subject, m) for m in re.finditer(rf"(?<!\w)(?:{verb})\s+{_RU_NUMBER}{_RU_WHO}(?!\w)",
                                                            sentence, re.I)]
            if re.search(r"пожар|площад", sentence, re.I):
                found += [("area of the fire", m) for m in _RU_AREA.finditer(sentence)]
            for subject, match in found:
                printed = match.group("num").lower()
                number = float(_RU_WORDS[printed] if printed in _RU_WORDS else re.sub(r"\D", "", printed))
                if subject.startswith("area"):
                    number *= 1e4 if match.group("unit").lower().startswith("гектар") else 1.0
                claims.append(Claim(source=article.source, kind="number", subject=subject,
                                    value=f"{match.group(0)} ({number:,.0f})", sentence=sentence, number=number,
                                    published=published))
    return claims


_UNTIL_BEFORE = re.compile(r"\b(?:by|until|till|through)\s+(?:the\s+end\s+of\s+)?$", re.I)


def written(article: Article, story_date: str | None = None) -> str | None:
    """When the article was written, as far as its sentences' years go: its date, else its story's,
    else the latest year it names outside a deadline ("by 2015"). An undated page that tells of "the
    1988 bombing" and "2009" was written in 2009 or later, and the bombing's toll is of the past."""
    if article.published or story_date:
        return article.published or story_date
    years = [int(m.group(1)) for m in _YEAR.finditer(article.text)
             if not m.group(2) and not _UNTIL_BEFORE.search(article.text[max(0, m.start() - 20):m.start()])
             and not _PEOPLE_AFTER.match(article.text[m.end():m.end() + 20])]
    return str(max(years)) if years else None


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


# Counts of people, which a story may give for the world and for one country, or for several towns.
COUNTS = frozenset({"deaths", "injured", "missing", "displaced", "arrested"})
_WORLDWIDE = re.compile(r"\b(?:worldwide|world-wide|globally|around the world|across the world|across the globe)\b",
                        re.I)
_IN_BEFORE = re.compile(r"^[^,;:.()]{0,40}?\bin\s+(?:the\s+)?$")
_OPENS_WITH = re.compile(r"(?:In\s+)?(?:the\s+)?", re.I)  # what may stand before a place that opens a sentence
# Bodies that count for the world: their figure is the world's where the sentence names no place.
_WORLD_COUNTERS = re.compile(r"\b(?:WHO|World Health Organi[sz]ation|United Nations|U\.?N\.?)(?![\w.])")


def _scope(sentence: str, match: re.Match[str], offset: int, places: list[Mention],
           speaker: str | None) -> str | None:
    """Where a count counts, when its sentence says: "worldwide", a place that opens the sentence
    ("In the United States , there have been ... 127 deaths", "Mexico has confirmed 26 deaths") or
    that follows the figure in its clause ("killed 30 people in Hilla"), or the world where the
    World Health Organization or the United Nations gives it and the sentence names no place. A
    pandemic story prints the world's toll beside a country's (44 deaths in the United States, at
    least 167 worldwide), a war story the tolls of attacks in several towns: set against each
    other, they were a discrepancy no source has. A count without a place stays the story's."""
    if _WORLDWIDE.search(sentence):
        return "worldwide"
    end = offset + len(sentence)
    # a dateline's place in capitals ("MEXICO CITY ( Reuters ) -") says where the reporter was
    inside = [p for p in places if offset <= p.start < end
              and not (p.text.isupper() and sum(c.isalpha() for c in p.text) > 3)]
    for place in inside:
        at = place.start - offset
        if (at <= 8 and _OPENS_WITH.fullmatch(sentence[:at])) or \
                (match.end() <= at and _IN_BEFORE.match(sentence[match.end():at])):
            code = country_code(place.text)
            return f"in {country_name(code) if code else place.text}"
    return "worldwide" if speaker and not inside and _WORLD_COUNTERS.search(speaker) else None


def _subject(sentence: str, match: re.Match[str]) -> str | None:
    after, before = sentence[match.end():match.end() + 40], sentence[max(0, match.start() - 120):match.start()]
    if re.match(r"^\s*(?:%|per ?cent|percent|km\b|kilomet|miles?\b|met(?:er|re)s?\b|m\b|feet\b|ft\b|"
                r"hours?\b|minutes?\b|seconds?\b|days?\b|weeks?\b|months?\b)", after, re.I):
        return None  # a distance, a share or a duration, whatever the words around it
    if _LABEL_BEFORE.search(before) or (_YEAR.fullmatch(match.group("num")) and _IN_YEAR_BEFORE.search(before)):
        return None  # "Pan Am flight 103 killed 270", "a blast in 2005 killed 15": a name and a year count no one
    if match.group("num").lower() == "one" and _NONE_BEFORE.search(before):
        return None  # "No one died": nobody, not one
    for name, pattern in _SUBJECTS:
        if found := pattern.search(after):
            if name == "deaths" and _BODIES_COUNTED.match(after):
                return None  # "only 11 bodies had been identified": a count of the dead named so far, no toll
            if _ANIMALS.match(sentence, match.end() + found.end()):
                return None  # "522 dead birds": no toll of the people an event killed or hurt
            return name
    if _MAGNITUDE_BEFORE.search(before) or _MAGNITUDE_AFTER.search(after) or \
            (_DECIMAL.match(match.group("num")) and re.search(r"\bmagnitude\b|\bRichter\b", sentence, re.I)):
        return "aftershock magnitude" if "aftershock" in before.lower() else "magnitude"
    if _TOLL_BEFORE.search(before) or (_KILLED_BEFORE.search(before) and _PEOPLE_AFTER.search(after)):
        return "deaths"
    if _INJURED_BEFORE.search(before) and (_PEOPLE_AFTER.search(after) or _NOTHING_AFTER.match(after)):
        return "injured"  # "killed five workers and injured ten"
    return None


def _age_by_comma(sentence: str, match: re.Match[str], offset: int, people: list[Mention]) -> str | None:
    """ "Maria Lopez, 45, was ..." : a bare number set off by commas right after a person's name."""
    if match.group("qual") or not match.group("num").isdigit() or \
            not re.match(r"^\s*(?:years?(?:\s+old)?)?\s*,", sentence[match.end():]):
        return None
    before = sentence[:match.start()].rstrip()
    if not before.endswith(","):
        return None
    end = offset + len(before) - 1
    return "age" if any(m.type == "PERSON" and m.end == end for m in people) else None


def _person_aged(match: re.Match[str], offset: int, people: list[Mention], sentence: str) -> str | None:
    """The person an age belongs to: named just before it ("Lopez, 45") or just after ("45-year-old Lopez")."""
    start, end = offset + match.start(), offset + match.end()
    for m in people:
        if m.type != "PERSON":
            continue
        gap = sentence[match.end():m.start - offset]
        if 0 <= start - m.end <= 4 or (0 <= m.start - end <= 40 and not re.search(r"[,.;:]", gap)):
            return m.text
    return None
