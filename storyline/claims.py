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
                          r"(?:dead|killed|deaths|died|fatalities|lives|bodies|have died|were killed|"
                          r"lost their lives|perished)\b", re.I)),
    ("injured", re.compile(r"^\s*(?:people\s+|persons\s+|civilians\s+|workers\s+)?(?:were\s+|have been\s+|had been\s+)?"
                           r"(?:injured|wounded|hurt|injuries)\b", re.I)),
    ("missing", re.compile(r"^\s*(?:people\s+|persons\s+)?(?:missing|unaccounted)\b", re.I)),
    ("displaced", re.compile(r"^\s*(?:people\s+|persons\s+|residents\s+)?(?:displaced|evacuated|homeless|"
                             r"fled|refugees)\b", re.I)),
    ("arrested", re.compile(r"^\s*(?:people\s+|persons\s+|suspects\s+)?(?:arrested|detained)\b", re.I)),
    ("age", re.compile(r"^-?\s*years?[- ]old\b", re.I)),
]
_KILLED_BEFORE = re.compile(r"\b(?:killed|killing|claimed the lives of|left dead)\s+$", re.I)
_PEOPLE_AFTER = re.compile(r"^\s*(?:people|persons|civilians|soldiers|residents|villagers|workers|children)\b", re.I)
_TOLL_BEFORE = re.compile(r"(?:death toll|toll|number of (?:people\s+)?(?:dead|deaths|killed|victims|fatalities))"
                          r"(?:\s+(?:\w+\s+){0,4}|\b[^.;]{0,90}?\b(?:to|at|reached|reaches|was|is|hit|topped)\s+)$",
                          re.I)
_MAGNITUDE_BEFORE = re.compile(r"magnitude(?:\s+of)?\s+$|magnitude\b[^.;]{0,40}?\b(?:was|is|at|of)\s+$", re.I)
_DECIMAL = re.compile(r"^\d\.\d$")
_BY_AFTER = re.compile(r"^[^.;]{0,40}?\b(?:measured|recorded|registered|reported|estimated|given)\s+by\s+"
                       r"(?:the\s+)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,5})")
_MAGNITUDE_AFTER = re.compile(r"^-?\s*magnitude\b", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)(s?)\b")
_SINCE_BEFORE = re.compile(r"\bsince(?:\s+\S+){0,5}\s*$", re.I)
_ACCORDING = re.compile(r"\baccording to ([^,.;:]{3,60})", re.I)
_SPEECH = re.compile(r"\b(?:said|says|told|tells|announced|reported|reports|estimated|estimates|stated|"
                     r"declared|confirmed|put|puts|measured|recorded|registered)\b", re.I)


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
            if number is None or (subject == "age" and not 0 < number < 120) or \
                    (subject.endswith("magnitude") and not 0 < number <= 10):
                continue
            if subject == "age":
                person = _person_aged(match, offset, people, sentence)
                if person is None:
                    continue  # an age without its person compares with nothing
                subject = f"age of {person}"
            value = " ".join(x for x in (match.group("qual"), match.group("num")) if x)
            claims.append(Claim(source=article.source, kind="number", subject=subject, value=value,
                                sentence=sentence, number=number,
                                published=None if article.published_inferred else article.published,
                                speaker=_speaker(sentence, match.start(), match.end(), offset, people)))
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
    after, before = sentence[match.end():match.end() + 40], sentence[max(0, match.start() - 120):match.start()]
    if re.match(r"^\s*(?:%|per ?cent|percent|km\b|kilomet|miles?\b|met(?:er|re)s?\b|m\b|feet\b|ft\b|"
                r"hours?\b|minutes?\b|seconds?\b|days?\b|weeks?\b|months?\b)", after, re.I):
        return None  # a distance, a share or a duration, whatever the words around it
    for name, pattern in _SUBJECTS:
        if pattern.search(after):
            return name
    if _MAGNITUDE_BEFORE.search(before) or _MAGNITUDE_AFTER.search(after) or \
            (_DECIMAL.match(match.group("num")) and re.search(r"\bmagnitude\b|\bRichter\b", sentence, re.I)):
        return "aftershock magnitude" if "aftershock" in before.lower() else "magnitude"
    if _TOLL_BEFORE.search(before) or (_KILLED_BEFORE.search(before) and _PEOPLE_AFTER.search(after)):
        return "deaths"
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


def _speaker(sentence: str, at: int, end: int, offset: int, people: list[Mention]) -> str | None:
    """Who the sentence says gave the figure: "measured by X" after it, "according to X", or a name
    before a speech verb."""
    by = _BY_AFTER.search(sentence[end:])
    if by:
        return by.group(1).strip()
    according = _ACCORDING.search(sentence)
    if according:
        return re.sub(r"^the\s+", "", according.group(1).strip(), flags=re.I)
    verbs = list(_SPEECH.finditer(sentence[:at]))
    if verbs:  # "..., while the health ministry said 24": the subject of the nearest speech verb
        head = sentence[:verbs[-1].start()].rstrip()
        if not any(m.end - offset == len(head) for m in people):
            phrase = re.split(r"[,;:]|\b(?:while|whereas|but|and|as)\b", head)[-1].split()
            if 0 < len(phrase) <= 4 and phrase[-1].islower() and phrase[-1] not in _REPORTING:
                return re.sub(r"^the\s+", "", " ".join(phrase), flags=re.I)
    for mention in reversed(people):
        rel = mention.start - offset
        if 0 <= rel < at and _SPEECH.search(sentence[rel:at]):
            return mention.text
    return None


# When and where the story's event happened. In news copy the lead states what happened and when,
# so the first day a lead names (not the day of a statement: "said on Monday") is the event's day;
# a place is what follows a locative after a noun that names an event or an institution of one.
_REPORTING = frozenset("said says told reported announced stated added noted confirmed claimed wrote "
                       "published released issued quoted explained declared tweeted posted".split())
# Nouns that place an event, grouped so "the epicentre near X" and "the quake struck near Y" compare.
_EVENT_GROUPS = {"earthquake": ("epicentre", "epicenter", "earthquake", "quake", "tremor", "centre", "center",
                                "shaking"),
                 "trial": ("court", "trial", "hearing", "verdict", "sentence"),
                 "attack": ("explosion", "blast", "attack", "shooting", "bombing"),
                 "crash": ("crash",), "fire": ("fire", "blaze"), "flood": ("flood", "flooding"),
                 "meeting": ("summit", "talks", "meeting")}
_GROUP_OF = {noun: group for group, nouns in _EVENT_GROUPS.items() for noun in nouns}
_EVENT_NOUN = tuple(_GROUP_OF)
_LOCATIVE = (r"(?:sitting in|based in|held in|located in|in|near|at|off|outside|close to|"
             r"(?:\d+(?:\.\d+)?\s*(?:km|kilometres|kilometers|miles)\s+)?"
             r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of)")
_PLACE = re.compile(r"\b(?i:(?P<noun>" + "|".join(_EVENT_NOUN) + r"))\b[^.;!?]{0,60}?\b(?i:" + _LOCATIVE + r")"
                    r"\s+(?:the\s+)?(?:[a-z-]+\s+)?(?:(?:town|city|village|port|region|district|province)\s+of\s+)?"
                    r"(?P<place>[A-Z][\w'-]+(?:[ -][A-Z][\w'-]+){0,2})(?![\w'-]|\s+(?:[a-z-]+\s+)?"
                    r"(?:plant|factory|mine|refinery|station|terminal|facility|works|mill|complex|site|company)\b)")
_PLACE_FIRST = re.compile(r"^(?:[A-Z][A-Z-]+,?\s.*?[–—-]\s+)?(?i:in)\s+(?P<place>[A-Z][\w'-]+(?:[ -][A-Z][\w'-]+){0,2})"
                          r"\b[^.;!?]{0,40}?\b(?i:(?P<noun>" + "|".join(_EVENT_NOUN) + r"))\b")
_LEAD_SENTENCES = 2


def event_claims(article: Article, mentions: Iterable[Mention] = (), reference: str | None = None) -> list[Claim]:
    """The day the story's event happened, from the lead, and where events happened ("a court in X",
    "the epicentre near Y"), per source. An undated article reads its weekdays against `reference`
    (the story's first date), as a reader of the same news would."""
    from storyline.timeline_dates import DAY, as_date, resolve_dates

    if (article.language or "en").split("-")[0] != "en":
        return []
    published = as_date(article.published or reference)
    claims: list[Claim] = []
    for n, (_, sentence) in enumerate(sentences(article.text)):
        if n < _LEAD_SENTENCES and published and not any(c.kind == "date" for c in claims):
            for when in resolve_dates(sentence, published):
                if when.granularity == DAY and not _statement_date(sentence, when.start, when.end):
                    printed = re.sub(r"^(?:on|today,?)\s+", "", sentence[when.start:when.end].strip(" ,.;"), flags=re.I)
                    claims.append(Claim(source=article.source, kind="date", subject="date: the event",
                                        value=printed, number=float(when.date.toordinal()), sentence=sentence,
                                        published=article.published))
                    break
        for match in [*_PLACE.finditer(sentence), *_PLACE_FIRST.finditer(sentence)]:
            place = match.group("place")
            if place.lower() in _STOP_PLACES:
                continue
            noun = match.group("noun").lower()
            claims.append(Claim(source=article.source, kind="place", subject=f"place: {_GROUP_OF.get(noun, noun)}",
                                value=place, sentence=sentence, published=article.published))
    return claims


_STOP_PLACES = frozenset("the a an its his her their this that which who".split())


def _statement_date(sentence: str, start: int, end: int) -> bool:
    """A date next to a reporting verb dates a statement ("said on Monday"), not the event."""
    before = re.findall(r"[A-Za-z]+", sentence[max(0, start - 25):start])[-3:]
    after = re.findall(r"[A-Za-z]+", sentence[end:end + 12])[:1]
    return any(w.lower() in _REPORTING for w in before + after)


# -- opposite claims ---------------------------------------------------------------------------
# Two sources that say contrary things about one subject (arrested / at large; shut / operating;
# confirmed / denied). Precision matters more than recall: a wrong "discrepancy" sends a fact-checker
# after nothing. So a claim is read only from a plain statement: a short list of predicates whose
# contrary is known, a subject that is a named entity or a noun phrase of the kind the predicate is
# about (a plant is shut, a suspect is arrested), negation within the verb group only, and no hedge
# (may, whether, if, expected to) before the predicate. Anything else gives no claim.
_AUX = r"(?:(?:has|have|had|is|are|was|were|been|being|be|got|remains?|remained|still|also|reportedly|" \
       r"already|now|yet|later|since|then|not|never|no\s+longer|n't)\s+)*"
# Singular heads only: "two suspects were arrested" and "suspects remain at large" may be other
# people, "schools are closed" and "schools remain open" other towns; "the suspect", "the plant" is
# the story's one.
_PERSONS = "suspect gunman attacker shooter bomber driver pilot captain man woman leader journalist reporter " \
           "activist defendant prisoner soldier commander minister president governor mayor director official " \
           "ceo chairman hostage"
_FACILITIES = "plant reactor factory mine refinery airport port harbour harbor station terminal pipeline bridge " \
              "crossing embassy consulate school hospital smelter mill facility airspace railway highway motorway dam"
_EVENTS = "attack bombing blast explosion shooting assault strike raid ambush killing killings massacre"
# family -> (what the subject must be, positive predicates, negative predicates, label of each side,
# the polarity a story may move to over time, if any: a suspect at large is arrested later; the
# reverse is a correction or an escape, and stays a conflict).
_FAMILIES: dict[str, tuple[str, str, str, tuple[str, str], int | None]] = {
    "arrest": ("person",
               r"arrested|detained|captured|apprehended|taken into custody|"
               r"in (?:police )?custody|"
               r"behind bars|in jail|in detention|turned (?:himself|herself|themselves) in|surrendered",
               r"at large|on the run|in hiding|at liberty|evaded (?:arrest|capture|police)|"
               r"eluded (?:arrest|capture|police)",
               ("arrested", "at large"), +1),
    "operation": ("facility",
                  r"shut(?: down)?|closed(?: down)?|halted|suspended|taken offline|switched off|offline|"
                  r"out of (?:service|operation|action)|idle|idled",
                  r"operating(?: normally| as usual)?|in operation|running(?: normally)?|working(?: normally)?|"
                  r"open(?: as usual)?|functioning(?: normally)?|operational|online|"
                  r"continu(?:es|ed|ing) to (?:operate|run|work|function)",
                  ("shut", "operating"), +1),
    "alive": ("person",
              r"killed|dead|died|among the dead|found dead|shot dead|lost (?:his|her|their) lives?",
              r"alive|survived|unharmed|unhurt|safe|(?:only )?(?:lightly |slightly |seriously |badly )?"
              r"(?:injured|wounded|hurt)",
              ("dead", "alive"), +1),
    "verdict": ("person", r"found guilty|convicted|sentenced", r"acquitted|found not guilty|cleared(?: of [\w ]+)?",
                ("convicted", "acquitted"), None),
    "plea": ("person", r"pleaded guilty|admitted (?:the charges|guilt)", r"pleaded not guilty",
             ("pleaded guilty", "pleaded not guilty"), None),
    "resignation": ("person", r"(?:resigned|stepped down|quit)(?!\s+(?:as|from)\b)",
                    r"in office|in (?:his|her) post|refused to resign",
                    ("resigned", "in office"), +1),
    "confirmation": ("speaker", r"confirmed", r"denied|rejected (?:claims|reports|allegations)|refuted|"
                     r"dismissed (?:claims|reports|allegations)", ("confirmed", "denied"), None),
}
CLAIM_FAMILIES = (*_FAMILIES, "responsibility", "arrests")
_HEAD = {"person": _PERSONS, "facility": _FACILITIES,
         "speaker": "ministry government police army military spokesman spokeswoman spokesperson company office "
                    "authorities officials kremlin embassy operator prosecutors prosecutor court"}
_NEGATION = re.compile(r"\b(?:not|never|no\s+longer)\b|n't\b", re.I)
_HEDGE = re.compile(r"\b(?:if|whether|may|might|could|would|should|will|unclear|unconfirmed|rumou?red|rumou?rs?|"
                    r"possibly|perhaps|expected|likely|unlikely|plans?|planned|threatened|feared|whom|"
                    r"allegedly|(?:claims?|reports?|rumou?rs?) that|denied (?:reports |claims )?that|even had|"
                    r"ordered|wants?|before|until|"
                    r"asked|demanded|called for|urged)\b", re.I)
_CLAUSE_START = re.compile(r"(?:^|[,;:“\"«(–—]|\s-|\b(?:that|said|says|but|and|while|whereas|although|though|as|after|"
                           r"when|because|since|reported|added|announced|confirmed))\s*$", re.I)
_DETERMINER = re.compile(r"^(?:the|a|an|this|that|its|their|his|her|our)\s+", re.I)
_RESPONSIBILITY_POS = re.compile(r"\b(?P<who>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,4}|(?:an?|the)\s+[\w -]{3,40}?)\s+"
                                 r"(?:has\s+|had\s+|have\s+)?claimed responsibility\b|"
                                 r"\bclaimed by\s+(?P<by>(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,4})")
_RESPONSIBILITY_NEG = re.compile(r"\b(?:no (?:group|one|organi[sz]ation|faction|militant group)|nobody|no-one)\s+"
                                 r"(?:has\s+|had\s+|have\s+)?(?:yet\s+|so far\s+|immediately\s+)?claimed\b|"
                                 r"\b(?:has|had|have) not (?:yet |so far |immediately )?been claimed\b|"
                                 r"\bremains? unclaimed\b|\bwent unclaimed\b", re.I)
_NO_ARRESTS = re.compile(r"\bno arrests\s+(?:have\s+|had\s+)?(?:yet\s+|so far\s+)?been\s+made\b|"
                         r"\b(?:no one|no suspects?|nobody|no-one)\s+(?:has\s+|have\s+|had\s+)?(?:yet\s+|so far\s+)?"
                         r"been\s+(?:arrested|detained)\b", re.I)
_CONTENT = re.compile(r"[^\W\d_][\w'-]{2,}")


def opposite_claims(article: Article, mentions: Iterable[Mention] = ()) -> list[Claim]:
    """Statements with a known contrary, as claims of kind "claim": `subject` is "family: subject as
    printed", `value` the predicate as printed, `number` its polarity (+1 the first side of the
    family's labels, -1 the other)."""
    if (article.language or "en").split("-")[0] != "en":
        return []
    named = sorted((m for m in mentions if m.type in ("PERSON", "ORG", "GPE", "FAC", "NORP", "LOC")),
                   key=lambda m: m.start)
    people = [m for m in named if m.type in ("PERSON", "ORG")]
    published = None if article.published_inferred else article.published  # only a printed time orders sides
    claims: list[Claim] = []
    for offset, sentence in sentences(article.text):
        if "?" in sentence or _about_the_past(sentence, article.published):
            continue
        found = _family_claims(sentence, offset, named) + _arrest_objects(sentence, offset, named) + \
            _event_claims(sentence)
        for family, subject, printed, polarity, at in found:
            claims.append(Claim(source=article.source, kind="claim", subject=f"{family}: {subject}", value=printed,
                                sentence=sentence, number=float(polarity), published=published,
                                speaker=_speaker(sentence, at, at, offset, people) or _said_by(sentence)))
    return claims


_SAID_BY = re.compile(r"(?:,\s*|^)(?:the\s+)?(?P<who>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+(?:said|says|told [\w ]{1,30}|"
                      r"announced|reported|confirmed)\s*[.!]?[\"”’]?$|^(?:the\s+)?(?P<lead>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)"
                      r"\s+(?:said|says|announced|reported)\b", re.I)


def _said_by(sentence: str) -> str | None:
    """Who the sentence says it, when that is no name: "..., police said." / "His lawyer said ..."."""
    match = _SAID_BY.search(sentence.strip())
    who = match and (match.group("who") or match.group("lead"))
    if not who or who.lower() in ("it", "he", "she", "they", "this", "that"):
        return None
    return who


def _family_claims(sentence: str, offset: int, named: list[Mention]) -> list[tuple[str, str, str, int, int]]:
    out = []
    for family, (kind, positive, negative, _, _) in _FAMILIES.items():
        for polarity, words in ((+1, positive), (-1, negative)):
            for match in re.finditer(rf"(?<![\w-])({_AUX})({words})(?![\w-])", sentence, re.I):
                aux, predicate = match.group(1), match.group(2)
                if kind != "speaker" and not aux.strip() and not re.match(
                        r"died|survived|resigned|stepped|quit|evaded|eluded|surrendered|turned|"
                        r"pleaded|admitted|denied|continu", predicate, re.I):
                    continue  # "arrested X", "killed two": an active verb with an object, not a state
                if kind == "speaker" and re.search(r"\b(?:was|were|been|be|is|are)\s*$", aux, re.I):
                    continue  # "was confirmed": the confirmer is not named
                if _HEDGE.search(sentence[:match.start(2)]):
                    continue
                subject = _claim_subject(sentence[:match.start()], offset, named, kind, family)
                if subject is None:
                    continue
                flips = len(_NEGATION.findall(aux))
                if flips > 1:
                    continue
                sign = -polarity if flips else polarity
                printed = " ".join(f"{aux}{predicate}".split())
                if kind == "speaker":  # "denied" says nothing without what was denied
                    printed += " " + " ".join(re.split(r"[,;:.!?]", sentence[match.end():])[0].split()[:10])
                out.append((family, subject, printed, sign, match.start()))
    return out


_ARRESTED_BY = re.compile(r"\b(?:police|officers|authorities|security forces|troops|soldiers|agents|"
                          r"investigators|detectives)\s+(?:have\s+|had\s+)?"
                          r"(?:arrested|detained|captured|apprehended|caught)\s+", re.I)


def _arrest_objects(sentence: str, offset: int, named: list[Mention]) -> list[tuple[str, str, str, int, int]]:
    """ "Police arrested the suspect, former employee Oskar Brenn, in Halden": the active voice, its
    object a name or a person noun right after the verb (with the name an apposition gives it)."""
    out = []
    for match in _ARRESTED_BY.finditer(sentence):
        if _HEDGE.search(sentence[:match.end()]) or _NEGATION.search(sentence[:match.end()]):
            continue
        tail = sentence[match.end():]
        noun = re.match(r"the\s+((?:[\w-]+\s+){0,2}?(?:" + "|".join(_PERSONS.split()) + r"))\b"
                        r"(,\s*[^,]{1,80},)?", tail, re.I)
        scope = noun.end() if noun else 0
        person = next((m for m in named if m.type == "PERSON" and offset + match.end() <= m.start
                       and m.end <= offset + match.end() + max(scope, len(m.text) + 1)
                       and not re.search(r"\b(?:and|who|which|after|before|when|while)\b",
                                         sentence[match.end():m.start - offset], re.I)), None)
        if person is not None:
            out.append(("arrest", person.text, match.group(0).split()[-1], +1, match.start()))
        elif noun:
            kept = [w for w in noun.group(1).split()[:-1] if w[:1].isupper() or w.lower() in _OTHER_ONE]
            out.append(("arrest", " ".join([*kept, noun.group(1).split()[-1].lower()]), match.group(0).split()[-1],
                        +1, match.start()))
    return out


def _event_claims(sentence: str) -> list[tuple[str, str, str, int, int]]:
    """Whether anyone claimed an attack and whether anyone was arrested over it: subjects that are
    the event rather than a person ("no group claimed the attack" / "the Front claimed responsibility")."""
    out = []
    if _HEDGE.search(sentence):
        return out
    event = re.search(rf"\b({'|'.join(_EVENTS.split())})s?\b", sentence, re.I)
    label = f"the {event.group(1).lower()}" if event else "the event"
    negative = _RESPONSIBILITY_NEG.search(sentence)
    if negative:
        out.append(("responsibility", label, negative.group(0), -1, negative.start()))
    else:
        positive = _RESPONSIBILITY_POS.search(sentence)
        if positive and not _NEGATION.search(sentence[:positive.end()]):
            who = (positive.group("who") or positive.group("by") or "").strip()
            if not _DETERMINER.sub("", who).lower().startswith(("no ", "nobody")):
                out.append(("responsibility", label, f"claimed by {who}", +1, positive.start()))
    none = _NO_ARRESTS.search(sentence)
    if none:
        out.append(("arrests", label, none.group(0), -1, none.start()))
    return out


def _claim_subject(before: str, offset: int, named: list[Mention], kind: str, family: str) -> str | None:
    """The subject of a predicate that starts right after `before`: a name that ends there, or a noun
    phrase whose head is of the predicate's kind; either must open its clause ("the brother of
    Keller was arrested" is not about Keller)."""
    # "Keller, 34, was ..." / "the suspect, a former employee named Oskar Brenn, remains ...": the
    # apposition is skipped, and a person it names is who a person-noun subject is.
    appos = re.search(r",\s*([^,]{1,160}),\s*$", before)
    text = before[:appos.start()] + " " if appos else before
    named_in = next((m for m in named if appos and m.type == "PERSON" and offset + appos.start(1) <= m.start
                     and m.end <= offset + appos.end(1)), None)
    stripped = text.rstrip()
    types = _NAMED_TYPES.get(family, ("PERSON",)) if kind != "facility" else ()
    for mention in reversed(named):
        if mention.type in types and offset <= mention.start and stripped.endswith(mention.text) \
                and mention.end <= offset + len(stripped) + 1:
            return mention.text if _opens_clause(stripped[:len(stripped) - len(mention.text)].split()) else None
    tokens = stripped.split()
    if not tokens or tokens[-1].lower() not in _HEAD[kind].split():
        return None
    words = [tokens.pop()]
    words[:0] = _modifiers(tokens)
    if tokens and tokens[-1].lower() in ("a", "an", "another", "one"):
        return None  # "a man was arrested", "a man remains at large": two men, as far as the text says
    if not _opens_clause(tokens):
        return None
    if named_in is not None and kind == "person":
        return named_in.text
    # "the Dorvan plant" keeps its name; "the nuclear plant" is "plant", so it can meet the named one;
    # "a second suspect" is not "the suspect".
    kept = [w for w in words[:-1] if w[:1].isupper() or w.lower() in _OTHER_ONE]
    return " ".join([*kept, words[-1].lower()])


_DETERMINERS = frozenset("the a an its their his her this".split())


def _modifiers(tokens: list[str], most: int = 3) -> list[str]:
    """Pop and return the words before a head that modify it ("former opposition", "main"): at most
    `most`, none a reporting verb, preposition or conjunction."""
    out: list[str] = []
    while tokens and len(out) < most and re.fullmatch(r"[\w-]+", tokens[-1]) and \
            tokens[-1].lower() not in _REPORTING | _NOT_MODIFIERS | _DETERMINERS:
        out.insert(0, tokens.pop())
    return out


def _opens_clause(tokens: list[str]) -> bool:
    """Whether a subject after these words (titles and a determiner allowed) begins its clause."""
    tokens = list(tokens)
    _modifiers(tokens)
    if tokens and tokens[-1].lower() in _DETERMINERS:
        tokens.pop()
    return bool(_CLAUSE_START.search(" ".join(tokens) + " "))


_OTHER_ONE = frozenset("second third fourth another other two three four five several many some all both one "
                       "first last".split())
# Entity types that can be the subject of each family (a company is convicted, a country denies).
_NAMED_TYPES = {"verdict": ("PERSON", "ORG"), "plea": ("PERSON", "ORG"),
                "confirmation": ("PERSON", "ORG", "GPE", "NORP")}
_NOT_MODIFIERS = frozenset("that and but or of to for with by from who which whose against".split())


def claim_family(subject: str) -> str | None:
    """The family of a claim subject, raw ("arrest: Keller") or named ("Rovan Keller: arrested or at large")."""
    for family in CLAIM_FAMILIES:
        sides = f": {claim_side(family, 1)} or {claim_side(family, -1)}"
        if subject.startswith(f"{family}: ") or subject.endswith(sides):
            return family
    return None


def claim_side(family: str, polarity: float) -> str:
    """The label of one side of a family ("arrested" / "at large")."""
    if family in _FAMILIES:
        return _FAMILIES[family][3][0 if polarity > 0 else 1]
    return {"responsibility": ("claimed", "unclaimed"), "arrests": ("arrests made", "no arrests")}[family][
        0 if polarity > 0 else 1]


def claim_progression(family: str) -> int | None:
    """The polarity a story may move to over time (an update, not a conflict), or None."""
    return _FAMILIES[family][4] if family in _FAMILIES else +1


def claim_object(claim: Claim) -> frozenset[str]:
    """The content words of what was confirmed or denied (the value holds the words after the verb)."""
    return frozenset(w.lower() for w in _CONTENT.findall(claim.value) if w.lower() not in _OBJECT_STOP)


_OBJECT_STOP = frozenset("confirmed denied rejected refuted dismissed that the and "
                         "was were had has have been this those these their there with from into "
                         "for about reports claims report claim allegations any said says told would could".split())
