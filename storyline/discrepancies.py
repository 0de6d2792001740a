"""Where sources disagree: figures, titles and roles, and the spelling of names.

Every value is listed with every source that gives it, and nothing is resolved: a reader checks.
What this module adds is the grouping (which values are about the same subject) and the nature
of the difference, because "a later report revised the toll" and "two outlets disagree" call for
different reactions:

- **numbers**: claims of one subject (deaths, injured, magnitude, an age, a sum in one currency,
  the area a fire burnt) with different figures, printed within a week of each other (figures
  weeks apart are two incidents' in a war of months). Within one source, figures from different
  speakers are an "attribution" difference, and figures in its own voice none (an article that
  tells several incidents prints several tolls); across sources, figures that rise with publication
  time are an "update"; anything else a "conflict".
- **roles** and **names**: the offices sources give one person, the ways they spell them
  (`discrepancies_people`).
- **opposite claims** (kind "claim"): one source says a suspect was arrested, another that he is at
  large; a plant shut or operating; a ministry confirmed or denied. Both sides are listed with
  their sources and speakers. A source that says both is telling a change ("at large until his
  arrest on Monday") and sides with neither; one source giving the two sides from two speakers is an
  "attribution"; a side that only follows the other in publication time along the way such stories
  move (at large, then arrested; unclaimed, then claimed) is an "update"; anything else a "conflict".
- **causes** (kind "claim", "cause of the fire"): sources naming different causes of the story's
  event, each with its sources and speakers (the union: welding work; the fire service: a short
  circuit).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from itertools import pairwise

from storyline.claims import COUNTS
from storyline.clean.dates import as_date
from storyline.discrepancies_people import held_in_other_years, name_discrepancies, office, role_discrepancies
from storyline.model import Article, Claim, Discrepancy, DiscrepancyValue, Entity

__all__ = ["find_discrepancies", "name_discrepancies", "office", "role_discrepancies", "state"]



def number_discrepancies(claims: list[Claim], story_days: Iterable[str] = ()) -> list[Discrepancy]:
    """One value per distinct figure (worded as first printed), with every source and speaker
    giving it; figures are set against those of the same news cycle (`_news_cycles`).
    `story_days` are the days of the story's articles, printed or implied: in a story of months,
    an undated page's figures may be of any week."""
    by_subject: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.kind == "number" and claim.number is not None:
            by_subject[claim.subject].append(claim)
    weeks_long = _weeks_long(story_days)
    found = (_number_discrepancy(subject, cycle) for subject, group in by_subject.items()
             for cycle in _news_cycles(group, weeks_long))
    return [d for d in found if d is not None]


def _weeks_long(story_days: Iterable[str]) -> bool:
    """Whether the story's days (its articles', printed or implied) span more than one event's."""
    days = sorted(day for d in story_days if (day := as_date(d)) is not None)
    return bool(days) and (days[-1] - days[0]).days > ONE_EVENT_DAYS


def _number_discrepancy(subject: str, group: list[Claim]) -> Discrepancy | None:
    values: dict[float, DiscrepancyValue] = {}
    for claim in sorted(group, key=lambda c: (c.published is None, c.published or "")):
        first = DiscrepancyValue(value=claim.value, published=claim.published)
        value = values.setdefault(_least(claim), first)
        if value.published is None:
            value.published = claim.published  # the earliest time it was printed
        if claim.source not in value.sources:
            value.sources.append(claim.source)
        if claim.speaker and claim.speaker not in value.speakers:
            value.speakers.append(claim.speaker)
    if len(values) < 2 or (_with_unit(subject) and max(values) > 10 * max(min(values), 1e-9)):
        return None  # a $20bn fund and a $200m payment, a slick and a closed zone: two things, not two accounts
    if len({s for v in values.values() for s in v.sources}) == 1 and (
            not _two_speakers(list(values.values())) or sum(not v.speakers for v in values.values()) >= 2):
        # one article's tolls of several incidents ("148 ... up to 182,000"), not two accounts; where
        # it tells several in its own voice, its speakers' figures may be of any of them too
        return None
    numbers = {id(v): n for n, v in values.items()}
    ordered = sorted(values.values(), key=lambda v: (v.published or "", numbers[id(v)]))
    nature = _number_nature(ordered, [numbers[id(v)] for v in ordered])
    # counts of people only grow as an event unfolds: a later, higher figure is an update, not a
    # conflict ("deaths (worldwide)" too, `claims.COUNTS`); a magnitude or an age does not grow
    if nature == "update" and subject.split(" (")[0] not in COUNTS:
        nature = "conflict"
    return Discrepancy(kind="number", subject=subject, values=ordered, nature=nature)


def _least(claim: Claim) -> float:
    """The figure a claim says at least: "more than 80" is "at least 81", one account in two
    wordings (a Guardian H1N1 row set the WHO's "at least 81" against "More than 80")."""
    number = float(claim.number or 0.0)
    return number + 1 if number.is_integer() and _MORE_THAN.match(claim.value) else number


_MORE_THAN = re.compile(r"^(?:more than|over|upwards of|in excess of)\s", re.I)


def _news_cycles(claims: list[Claim], weeks_long: bool = False) -> list[list[Claim]]:
    """The claims in runs of `ONE_EVENT_DAYS` from the first day of each: figures printed weeks
    apart count two incidents (a war story of six months set the deaths of a shelling in March
    against those of a raid in August), while a toll revised over a week stays one update. The
    undated claims go with the dated ones where these span one run (or none is dated) and the
    story is of one week (`weeks_long` false); else each undated source's stand apart: when they
    were printed is unknown, and a story of months may hold one page of each week (CNN's undated
    Libya pages, each its own day's shelling, made a row of 35 tolls, "two" from six of them)."""
    dated = sorted((c for c in claims if as_date(c.published)), key=lambda c: c.published or "")
    runs: list[list[Claim]] = []
    first: date | None = None
    for claim in dated:
        day = as_date(claim.published) or date.min
        if first is None or (day - first).days > ONE_EVENT_DAYS:
            runs.append([])
            first = day
        runs[-1].append(claim)
    undated = [c for c in claims if not c.published]
    if len(runs) <= 1 and not weeks_long:
        return [(runs[0] if runs else []) + undated]
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for claim in undated:
        by_source[claim.source].append(claim)
    return [*runs, *by_source.values()]


def _two_speakers(values: list[DiscrepancyValue]) -> bool:
    """Whether figures one source gives come from two speakers of their own ("partial reports" and
    Putin): a source that prints several figures in its own voice, or one speaker's, is telling
    several incidents or stages, and a reader would not call that two accounts."""
    voiced = [frozenset(v.speakers) for v in values if v.speakers]
    return len(voiced) >= 2 and len(set(voiced)) >= 2


def _with_unit(subject: str) -> bool:
    """A sum ("fine (EUR)") or an area ("area of the fire"), from `storyline.claims`."""
    return subject.startswith("area of ") or bool(re.search(r"\([A-Z]{3}\)$", subject))


def _number_nature(values: list[DiscrepancyValue], numbers: list[float]) -> str:
    """`values` in order of first publication, `numbers` their figures."""
    sources = {s for v in values for s in v.sources}
    if len(sources) == 1:
        return "attribution"
    times = [v.published for v in values]
    if all(_before(a, b) for a, b in pairwise(times)) and all(a < b for a, b in pairwise(numbers)):
        return "update"
    return "conflict"


def value_discrepancies(claims: list[Claim], kind: str, broader: Callable[[str], bool] | None = None,
                        story_days: Iterable[str] = ()) -> list[Discrepancy]:
    """Dates and places of one event that sources give differently. A source may hold two values
    (two events share a noun); only two sources whose values do not meet make a discrepancy. A date
    compares by its day (claim.number), shown as printed ("Tuesday / 10 March (2026-03-10)"); a
    place that is `broader` (a country, beside its towns) is left out rather than set against them;
    two days, or two places, differ only between articles of one day (`_same_day`): a story of
    weeks holds many meetings and hearings, each in its own place; two days only within
    `ONE_EVENT_DAYS` of each other. Undated articles' days make a discrepancy only where two of
    them give one of the days, with the days within a week of it: their leads may tell of any day
    of the story (CNN's undated Libya pages open on photos "on June 7", "on June 11", one page each).
    An undated page's place or day is set against no other in a story whose `story_days` span weeks:
    its "meeting" may be any of the story's (Fox's undated BP pages: a meeting in Pensacola, one in
    Boise, one in Orange Beach), and its "today" any of its days (BBC's undated swine-flu pages set
    every Reuters page's "today" of two weeks in one row)."""
    undated_apart = _weeks_long(story_days)
    by_subject: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.kind == kind and not (broader and broader(claim.value)):
            by_subject[claim.subject].append(claim)
    out = []
    for subject, group in by_subject.items():
        def key(c: Claim) -> str:  # "The Hague" and "Hague" are one place
            return str(c.number) if c.number is not None else re.sub(r"^the\s+", "", c.value.lower())

        if kind == "date":  # a day no other lies near is another event's (a lead's "since April 20")
            group = [c for c in group if c.number is None or any(
                o.number is not None and 0 < abs(o.number - c.number) <= ONE_EVENT_DAYS for o in group)]
        per_source: dict[str, set[str]] = defaultdict(set)
        day_of: dict[str, str] = {}
        for claim in group:
            per_source[claim.source].add(key(claim))
            day_of[claim.source] = (claim.published or "")[:10]
        # A source that places "the meeting" in two places apart tells of two meetings (a week's
        # summits in London, Brussels and Paris), and is set against no one.
        sources = [s for s in per_source if kind != "place" or not _apart(per_source[s])]
        # Only the sources of one day that disagree are listed: a story of weeks had set the
        # "Monday" of one day's lead beside the "Thursday" of another's.
        at_odds = {s for i, a in enumerate(sources) for b in sources[i + 1:]
                   if not _values_meet(per_source[a], per_source[b]) and _same_day(day_of[a], day_of[b])
                   and not (undated_apart and not (day_of[a] and day_of[b])) for s in (a, b)}
        if not at_odds:
            continue
        values: dict[str, DiscrepancyValue] = {}
        printed: dict[str, Counter[str]] = defaultdict(Counter)
        for claim in sorted((c for c in group if c.source in at_odds), key=lambda c: (c.published or "", c.source)):
            value = values.setdefault(key(claim), DiscrepancyValue(value=claim.value, published=claim.published))
            if claim.source not in value.sources:
                value.sources.append(claim.source)
            printed[key(claim)][claim.value] += 1
        for k, value in values.items():
            value.sources.sort()
            value.value = " / ".join(form for form, _ in printed[k].most_common())
            if kind == "date" and _is_day(k):
                value.value += f" ({date.fromordinal(int(float(k))).isoformat()})"
        if kind == "date":
            # an undated page's day is its event's only within a week of a day a dated page or two
            # pages give: undated pages, each its own day, are tied to no one event
            anchors = [float(k) for k, v in values.items() if _is_day(k) and (
                len(v.sources) >= 2 or any(day_of[s] for s in v.sources))]
            values = {k: v for k, v in values.items()
                      if not _is_day(k) or any(abs(float(k) - day) <= ONE_EVENT_DAYS for day in anchors)}
            if len(values) < 2:
                continue
        label = subject.split(": ", 1)[-1]
        out.append(Discrepancy(kind=kind, subject=f"{'when' if kind == 'date' else 'where'} ({label})",
                               values=sorted(values.values(), key=lambda v: -len(v.sources))))
    return out


def _is_day(key: str) -> bool:
    return key.replace(".", "", 1).isdigit()


def _values_meet(a: set[str], b: set[str]) -> bool:
    """Two sources' values agree somewhere: one value is the same, or a place lies inside the
    other's name ("off Aden" and "in the Gulf of Aden" are no two places)."""
    if not a.isdisjoint(b):
        return True
    words = [(set(x.lower().split()), set(y.lower().split())) for x in a for y in b]
    return any(x <= y or y <= x for x, y in words)


def _apart(places: set[str]) -> bool:
    """Two of one source's places lie apart: neither lies inside the other's name."""
    listed = sorted(places)
    return any(not _values_meet({a}, {b}) for i, a in enumerate(listed) for b in listed[i + 1:])


# Days further apart are two events' days (the blowout on 20 April, the deal on 16 June), not two accounts of one.
ONE_EVENT_DAYS = 7


def _same_day(a: str, b: str) -> bool:
    """Whether two leads' days of "the event" are to be compared: those of articles published the
    same day (or undated). The lead of each day's article tells that day's news: in a story of
    several days, the swine-flu report set "today" of 25, 26 and 28 April against each other as a
    conflict about when the event happened."""
    return not a or not b or a == b


def name_claim_subjects(claims: list[Claim], entities: list[Entity]) -> None:
    """Give each opposite claim its readable subject ("Rovan Keller: arrested or at large"), the
    entity's name for a name as printed, so "Keller" in one source and "Rovan Keller" in another
    meet; the summary reads the same subject to mark the sentences a disagreement touches."""
    from storyline.claims_opposite import claim_family, claim_side

    names = {(m.source, m.text): e.name for e in entities for m in e.mentions}
    fresh = [c for c in claims if c.kind == "claim" and c.subject.split(": ", 1)[0] == claim_family(c.subject)]
    parts = []
    for claim in fresh:
        family, subject = claim.subject.split(": ", 1)
        if family in ("responsibility", "arrests"):
            subject = family  # one story, one event: "the attack" and "the bombing" are it
        parts.append((family, names.get((claim.source, subject), subject)))
    # "the plant" is the story's one named plant ("Dorvan plant") when there is exactly one.
    named: dict[tuple[str, str], set[str]] = defaultdict(set)
    for family, subject in parts:
        if subject.split()[-1].islower() and any(w[:1].isupper() for w in subject.split()[:-1]):
            named[(family, subject.split()[-1])].add(subject)
    for claim, (family, subject) in zip(fresh, parts, strict=True):
        one = named.get((family, subject), set())
        subject = next(iter(one)) if len(one) == 1 else subject
        claim.subject = f"{subject}: {claim_side(family, 1)} or {claim_side(family, -1)}"


def claim_discrepancies(claims: list[Claim], entities: list[Entity] | None = None) -> list[Discrepancy]:
    """Subjects that one source gives one side and another the other, each side with its sources."""
    from storyline.claims_opposite import claim_family, claim_object, claim_progression

    name_claim_subjects(claims, entities or [])
    groups: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.kind == "claim" and claim.number:
            groups[claim.subject].append(claim)
    family = {subject: claim_family(subject) for subject in groups}
    arrests = next((k for k in groups if family[k] == "arrests"), None)
    if arrests:  # "no one has been arrested" is answered by any arrest the story reports
        groups[arrests] += [c for k, g in groups.items() if family[k] == "arrest" for c in g if (c.number or 0) > 0]
    out = []
    for subject, group in groups.items():
        if family[subject] == "confirmation":
            group = _same_object(group, claim_object)
        sides: dict[int, list[Claim]] = {+1: [], -1: []}
        for claim in group:
            sides[1 if (claim.number or 0) > 0 else -1].append(claim)
        if not sides[1] or not sides[-1]:
            continue
        by_source: dict[str, set[int]] = defaultdict(set)
        for claim in group:
            by_source[claim.source].add(1 if (claim.number or 0) > 0 else -1)
        plus = {s for s, p in by_source.items() if p == {1}}
        minus = {s for s, p in by_source.items() if p == {-1}}
        speakers = {p: {c.speaker for c in sides[p] if c.speaker} for p in sides}
        one_source = len(by_source) == 1 and speakers[1] and speakers[-1] and speakers[1].isdisjoint(speakers[-1])
        if not (plus and minus) and not one_source:
            continue  # no two sources hold opposite sides; a source telling a change is no conflict
        if one_source:
            nature = "attribution"
        else:
            group = [c for c in group if c.source in plus | minus]
            nature = _claim_nature(group, plus, minus, claim_progression(family[subject] or ""))
        values = []
        for polarity in (1, -1):
            side = sorted((c for c in group if (c.number > 0) == (polarity > 0)),
                          key=lambda c: (c.published is None, c.published or "", c.source))
            if not side:
                continue
            printed = Counter(c.value for c in side)
            values.append(DiscrepancyValue(
                value=" / ".join(v for v, _ in printed.most_common()), sources=sorted({c.source for c in side}),
                speakers=sorted({c.speaker for c in side if c.speaker}), published=side[0].published))
        values.sort(key=lambda v: (v.published is None, v.published or ""))
        out.append(Discrepancy(kind="claim", subject=subject, values=values, nature=nature))
    return out


# Causes that name one thing in other words ("a short circuit", "faulty wiring") are no dispute.
_CAUSE_CLASSES = {"electrical": r"short[- ]circuit|electric\w*|wiring|cable|power surge",
                  "arson": r"arson\w*|deliberate\w*|set (?:on )?fire|incendiary|petrol bomb",
                  "gas": r"\bgas\b|methane", "explosion": r"explosion|blast|blew up|blow-?out",
                  "smoking": r"cigarette|smoking", "lightning": r"lightning",
                  "welding": r"welding|hot work|cutting torch", "fireworks": r"firework|pyrotechnic"}
_CAUSE_GENERIC = frozenset("work works system systems fault failure problem problems error the of in at on a an "
                           "its their his her unit area building plant workshop".split())


def _cause_key(value: str) -> tuple[str, frozenset[str]]:
    for name, words in _CAUSE_CLASSES.items():
        if re.search(words, value, re.I):
            return name, frozenset()
    return "", frozenset(w.lower().rstrip("s") for w in re.findall(r"[^\W\d_][\w'-]+", value)
                         if w.lower() not in _CAUSE_GENERIC)


def cause_discrepancies(claims: list[Claim]) -> list[Discrepancy]:
    """Sources naming different causes of the story's event ("cause of the fire"), each cause with
    its sources and speakers. Two causes are one when they fall in one class (electrical, arson)
    or share a content word; "attribution" when one source gives both from two speakers."""
    by_subject: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.kind == "claim" and claim.subject.startswith("cause of "):
            by_subject[claim.subject].append(claim)
    out = []
    for subject, group in by_subject.items():
        causes: list[tuple[tuple[str, frozenset[str]], list[Claim]]] = []
        for claim in sorted(group, key=lambda c: (c.published is None, c.published or "", c.source)):
            key = _cause_key(claim.value)
            home = next((c for c in causes if (key[0] and key[0] == c[0][0]) or (key[1] & c[0][1])), None)
            if home is None:
                causes.append((key, [claim]))
            else:
                home[1].append(claim)
        if len(causes) < 2:
            continue
        sources = {c.source for _, side in causes for c in side}
        speakers = [{c.speaker for c in side} for _, side in causes]
        if len(sources) == 1 and (None in set().union(*speakers) or
                                  any(not a.isdisjoint(b) for i, a in enumerate(speakers) for b in speakers[i + 1:])):
            continue  # one source, one voice, two causes: a chain ("a spark ignited the gas"), not a dispute
        values = [DiscrepancyValue(value=" / ".join(v for v, _ in Counter(c.value for c in side).most_common()),
                                   sources=sorted({c.source for c in side}),
                                   speakers=sorted({c.speaker for c in side if c.speaker}), published=side[0].published)
                  for _, side in causes]
        out.append(Discrepancy(kind="claim", subject=subject, values=values,
                               nature="attribution" if len(sources) == 1 else "conflict"))
    return out


def _same_object(group: list[Claim], words: Callable[[Claim], frozenset[str]]) -> list[Claim]:
    """Confirmations and denials about the same thing: each kept claim shares at least two content
    words, or half of the smaller set, with a claim of the other side from another source."""
    kept = []
    for claim in group:
        mine = words(claim)
        for other in group:
            theirs = words(other)
            if other.source == claim.source or (other.number or 0) * (claim.number or 0) >= 0 or not mine or not theirs:
                continue
            shared = len(mine & theirs)
            if shared >= 2 or (shared and shared >= 0.5 * min(len(mine), len(theirs))):
                kept.append(claim)
                break
    return kept


def _claim_nature(group: list[Claim], plus: set[str], minus: set[str], progression: int | None) -> str:
    """"update" when every source of the side the story moves to was published after every source of
    the other side (times known); else "conflict"."""
    if progression is None:
        return "conflict"
    times = {c.source: c.published for c in group}
    later, earlier = (plus, minus) if progression > 0 else (minus, plus)
    return "update" if all(_before(times.get(a), times.get(b)) for a in earlier for b in later) else "conflict"


def _before(a: str | None, b: str | None) -> bool:
    """Whether time `a` is surely before `b`: a bare day is only before a later day."""
    if not a or not b:
        return False
    if len(a) <= 10 or len(b) <= 10:
        return a[:10] < b[:10]
    return a < b


def find_discrepancies(entities: list[Entity], claims: list[Claim], articles: Sequence[Article] = ()
                       ) -> list[Discrepancy]:
    """Every disagreement between the story's sources; `articles` (the story's) tell a country
    from its towns and an office held then from one held now."""
    names = {(m.source, m.text): e.name for e in entities for m in e.mentions}
    for claim in claims:  # "Solvik" said it in one source, "Edda Solvik" in another: one speaker
        if claim.speaker:
            claim.speaker = names.get((claim.source, claim.speaker), claim.speaker)
    broader = _country_test([a.text for a in articles])
    days = [a.published for a in articles if a.published]
    return (number_discrepancies(claims, days)
            + claim_discrepancies(claims, entities) + cause_discrepancies(claims)
            + value_discrepancies(claims, "date", story_days=days)
            + value_discrepancies(claims, "place", broader, days)
            + role_discrepancies(entities, held_in_other_years(articles)) + name_discrepancies(entities))


def _country_test(texts: list[str]) -> Callable[[str], bool]:
    """A place whose demonym the story uses ("Valdonia" beside "Valdonian"), or a country by its
    name ("a meeting in Ethiopia" beside "in Addis Ababa"), is broader than the towns it may be set
    against, so it is not one of their rivals."""
    from storyline.entities.names import country_code

    joined = "\n".join(texts)

    def broader(place: str) -> bool:
        if country_code(place) not in (None, "UN", "EU"):
            return True
        if re.search(rf"\b{re.escape(place)}\s+(?:province|region|oblast|state|county|governorate)\b|"
                     rf"\b(?:province|region|oblast|state|county) of {re.escape(place)}\b", joined, re.I):
            return True
        stems = {place, place[:-1], place[:-2]} if len(place) > 4 else {place}
        alternatives = "|".join(re.escape(stem) for stem in sorted(stems, key=len, reverse=True))
        return any(m.group(0) != place
                   for m in re.finditer(rf"\b(?:{alternatives})(?:n|an|ian|ese|ish|i|ic)\b", joined))

    return broader


def state(discrepancy: Discrepancy, short: Callable[[str], str] = lambda s: s.rsplit("/", 1)[-1]) -> str:
    """The disagreement in one line: "deaths: twelve (a.txt) / fourteen (b.html, c)"."""
    values = " / ".join(f"{v.value} ({', '.join(short(s) for s in v.sources)})" for v in discrepancy.values)
    if discrepancy.kind == "claim":  # "Rovan Keller: arrested or at large — was arrested (a) / remains at large (b)"
        return f"{discrepancy.subject} — {values}"
    return f"{discrepancy.subject}: {values}" if discrepancy.kind != "role" else f"{discrepancy.subject} as {values}"
