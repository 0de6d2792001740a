"""When and where a story's event happened, as each source tells it: the day its lead names and
the places events are set in ("a court in X", "the epicentre near Y"). `discrepancies` sets the
sources' values against each other."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from storyline.claims import sentences
from storyline.claims_speakers import _REPORTING
from storyline.clean.dates import _MONTHS
from storyline.entities.countries import country_code
from storyline.model import Article, Claim, Mention
from storyline.timeline_dates import EN_MONTHS, EN_WEEKDAYS

# When and where the story's event happened. In news copy the lead states what happened and when,
# so the first day a lead names (not the day of a statement: "said on Monday") is the event's day;
# a place is what follows a locative after a noun that names an event or an institution of one.
# Nouns that place an event, grouped so "the epicentre near X" and "the quake struck near Y" compare.
_EVENT_GROUPS = {"earthquake": ("epicentre", "epicenter", "earthquake", "quake", "tremor", "centre", "center",
                                "shaking"),
                 "trial": ("court", "trial", "hearing", "verdict", "sentence"),
                 "attack": ("explosion", "blast", "attack", "shooting", "bombing"),
                 "crash": ("crash",), "fire": ("fire", "blaze"), "flood": ("flood", "flooding"),
                 "meeting": ("summit", "talks", "meeting")}
# "centre" places an earthquake only in a sentence about one ("the quake's centre near X").
_NEEDS_QUAKE = frozenset({"centre", "center", "shaking"})
_QUAKE = re.compile(r"\b(?:epicent(?:re|er)|earthquake|quake|tremor|seismic|magnitude)", re.I)
_GROUP_OF = {noun: group for group, nouns in _EVENT_GROUPS.items() for noun in nouns}
_EVENT_NOUN = tuple(_GROUP_OF)
_LOCATIVE = (r"(?:sitting in|based in|held in|located in|in|near|at|off|outside|close to|"
             r"(?:\d+(?:\.\d+)?\s*(?:km|kilometres|kilometers|miles)\s+)?"
             r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of)")
# The place follows the noun in its own clause: past a comma it is another's ("since the explosion ,
# more than half of what the Exxon Valdez spilled in Alaska in 1989"; "helped mediate talks before
# , including ones in Kenya"), unless the comma opens what places the noun ("The quake , centered
# about 90 kilometers south-southwest of Concepcion").
_PLACE = re.compile(r"\b(?i:(?P<noun>" + "|".join(_EVENT_NOUN) + r"))\b"
                    r"(?:\s*,\s*(?i:centred|centered|located|held|based)\b)?[^.;!?,]{0,60}?\b(?i:" + _LOCATIVE + r")"
                    r"\s+(?:the\s+)?(?:[a-z-]+\s+)?(?:(?:town|city|village|port|region|district|province)\s+of\s+)?"
                    r"(?P<place>[A-Z][\w'-]+(?:[ -][A-Z][\w'-]+){0,2}(?:\s+of\s+(?:the\s+)?[A-Z][\w'-]+)?)"
                    r"(?![\w'-]|(?:[ -][A-Z][\w'-]+)*\s+(?:[a-z-]+\s+)?"
                    r"(?:plant|factory|mine|refinery|station|terminal|facility|works|mill|complex|site|company|"
                    r"coast|pipeline|well|rig|platform)\b)")
_PLACE_FIRST = re.compile(r"^(?:[A-Z][A-Z-]+,?\s.*?[–—-]\s+)?(?i:in)\s+(?P<place>[A-Z][\w'-]+(?:[ -][A-Z][\w'-]+){0,2})"
                          r"\b[^.;!?]{0,40}?\b(?i:(?P<noun>" + "|".join(_EVENT_NOUN) + r"))\b")
_LEAD_SENTENCES = 2


def event_claims(article: Article, mentions: Iterable[Mention] = (), reference: str | None = None) -> list[Claim]:
    """The day the story's event happened, from the lead, and where events happened ("a court in X",
    "the epicentre near Y"), per source. An article without a printed date reads "March 3" against
    `reference` (the story's first date) for its year; its weekdays and "today" give no day."""
    from storyline.clean.dates import as_date
    from storyline.timeline_dates import DAY, resolve_dates

    if (article.language or "en").split("-")[0] != "en":
        return []
    published = as_date(article.published or reference)
    # Without a printed date, "Saturday" or "today" is read against a guess (the date implied from
    # the articles around it, or the story's first): two such guesses a week apart made a conflict
    # between sources that print the same words. Only a day with its number says when.
    dated = bool(article.published) and not article.published_inferred
    claims: list[Claim] = []
    named = [m for m in mentions if m.start >= 0]
    for n, (offset, sentence) in enumerate(sentences(article.text)):
        if n < _LEAD_SENTENCES and published and not any(c.kind == "date" for c in claims):
            for when in resolve_dates(sentence, published):
                if when.granularity == DAY and not _statement_date(sentence, when.start, when.end) and (
                        dated or any(c.isdigit() for c in sentence[when.start:when.end])):
                    printed = re.sub(r"^(?:on|today,?)\s+", "", sentence[when.start:when.end].strip(" ,.;"), flags=re.I)
                    day = when.date if dated else _on_its_weekday(when.date, printed)
                    if day is None:
                        break
                    claims.append(Claim(source=article.source, kind="date", subject="date: the event",
                                        value=printed, number=float(day.toordinal()), sentence=sentence,
                                        published=article.published if dated else None))
                    break
        if n >= _LEAD_SENTENCES and published and another_years(sentence, published.year):
            continue  # "the explosion of the Piper Alpha rig off the British coast in 1988": another event
        for match in [*_PLACE.finditer(sentence), *_PLACE_FIRST.finditer(sentence)]:
            words = match.group("place").split(" ")
            while len(words) > 1 and words[-1].lower().rstrip(".") in _MONTHS_AND_DAYS:
                words.pop()  # "talks in Paris Monday"
            place = " ".join(words)
            head = place.split(" of ")[0]
            if head != place and country_code(head):
                place = head  # "the summit meeting in Malaysia of the Asia Pacific Economic Cooperation forum"
            if place.lower() in _STOP_PLACES or place.split()[0].lower().rstrip(".") in _MONTHS_AND_DAYS \
                    or place.endswith(("'s", "’s")) or _named_otherwise(article.text, offset, place, named) \
                    or (_DEMONYM.match(place.split()[-1]) and not country_code(place)):
                continue  # "a meeting ... in an Oct. 17 letter", "talks at Sihanouk's residence in ...", "Polish"
            noun = match.group("noun").lower()
            if noun in _NEEDS_QUAKE and not _QUAKE.search(sentence):
                continue  # "the command center in Houma": no earthquake's centre
            claims.append(Claim(source=article.source, kind="place", subject=f"place: {_GROUP_OF.get(noun, noun)}",
                                value=place, sentence=sentence, published=article.published))
    return claims


_STOP_PLACES = frozenset("the a an its his her their this that which who".split())
# English month names, their short forms and weekdays: no place ("in an Oct. 17 letter").
_MONTHS_AND_DAYS = frozenset(EN_MONTHS) | frozenset(_MONTHS) | frozenset(EN_WEEKDAYS)


def _on_its_weekday(day: date, printed: str) -> date | None:
    """For an undated article, whose year was guessed from the story's first date: the day of that
    month in the year next to the guess where it falls on the weekday the text names ("Sunday , July
    11" of an undated summary of a 2010 story had been read as 11 July 2009, a Saturday), or None
    where none does; the day itself when the text names no weekday."""
    named = [n for n, name in enumerate(EN_WEEKDAYS) if name in printed.lower()]
    if not named:
        return day
    for year in (day.year, day.year + 1, day.year - 1):
        try:
            other = day.replace(year=year)
        except ValueError:  # 29 February
            continue
        if other.weekday() == named[0]:
            return other
    return None


def _statement_date(sentence: str, start: int, end: int) -> bool:
    """A date next to a reporting verb dates a statement ("said on Monday"), not the event."""
    before = re.findall(r"[A-Za-z]+", sentence[max(0, start - 25):start])[-3:]
    after = re.findall(r"[A-Za-z]+", sentence[end:end + 12])[:1]
    return any(w.lower() in _REPORTING for w in before + after)


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# "Polish", "Lebanese", "North African": a people, no place
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ish|ese|ian|ean|ern|rican)$")


def another_years(sentence: str, year: int) -> bool:
    """The sentence dates what it tells by years, none of them the article's: background."""
    years = {int(y) for y in _YEAR.findall(sentence)}
    return bool(years) and year not in years


def _named_otherwise(text: str, offset: int, place: str, named: list[Mention]) -> bool:
    """The words the place pattern took name a company or a person in the article's own reading
    ("an explosion at BP Plc", "a hearing at Hayward 's"), and no place."""
    start = text.find(place, offset)
    if start < 0:
        return False
    types = {m.type for m in named if m.start < start + len(place) and start < m.end}
    return bool(types) and "PLACE" not in types and types <= {"ORG", "PERSON"}
