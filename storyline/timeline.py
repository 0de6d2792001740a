"""A story's timeline: the days things happened, each with a sentence that says what, and its sources.

A news story spread over days is told out of order: an article of Tuesday recounts Monday's
vote, Sunday's protest and the April 20 explosion that began it all. So a sentence is dated by
the day it refers to (`storyline.timeline_dates`: printed dates, "on Saturday", "yesterday",
"two days ago", "March 3"), and only a lead sentence with no date of its own is dated by its
article's publication day (the lead is what the article reports as new). Articles with no
publication date contribute only printed full dates.

Which days make the timeline follows the date-wise approach of Tran et al. (2015) and
Ghalandari & Ifrim (2020): a day matters when many articles mention it, most of all articles
written after it (a day the story keeps coming back to), and when many articles were published
about it. Each chosen day is told by the sentence nearest the centroid of the sentences dated to
it (TF-IDF over the story's sentences), never one already used for another day, and cites every
article whose sentence for that day says much the same thing.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from itertools import chain

from storyline.clean.captions import speaks_to_the_reader
from storyline.clean.datelines import after_dateline
from storyline.clean.dates import as_date
from storyline.clean.wire_text import without_factbox_intro, without_tickers
from storyline.model import Article, TimelineEvent
from storyline.summarize_text import points_back, quotation_piece, split_sentences, stem, words
from storyline.timeline_dates import DAY, EN_WEEKDAYS, resolve_dates

Vector = dict[str, float]
# A factbox's entry opens with a bullet and its day ("* April 22 - The rig sinks ..."), which the
# timeline prints as its own.
_ENTRY_LABEL = re.compile(r"^(?:\\?[*•]\s*)?(?:(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:/\d{1,2})?|\d{1,2}\s+[A-Z][a-z]{2,8})"
                          r"(?:\s*,\s*(?:19|20)\d\d)?\s+[-–—]+\s+)?(?=\S)")
_QUOTE = re.compile(r"[\"“”«»„]|``|''")


@dataclass
class TimelineSettings:
    """What a timeline keeps and how days are ranked (weights tuned on half of Timeline17)."""

    # Sentences of an article (from the first) dated by its publication day when they carry no
    # date of their own: the lead reports what is new.
    lead_sentences: int = 3
    max_dates: int | None = None
    sentences_per_date: int = 1
    # Inclusive ISO bounds on the days an event may have.
    start: str | None = None
    end: str | None = None
    # Day score = weights x (articles mentioning the day, of them written after it, articles
    # published that day, articles published the day after).
    mention_weight: float = 1.0
    later_weight: float = 1.0
    published_weight: float = 0.5
    next_day_weight: float = 0.25
    # An event sentence must be readable on its own: not a fragment, not a paragraph.
    min_words: int = 6
    max_words: int = 60
    # Another article cites an event when its sentence for that day is this close (cosine) to it.
    same_event: float = 0.3
    # No sentence this close to one already chosen is told again, on any day.
    redundancy: float = 0.5
    # Weight of a sentence's closeness to the whole story against its closeness to its day.
    topic_weight: float = 1.5
    # Added to the score of an article's lead sentence (dated by publication): the lead says what
    # is new in the words of news, where a sentence naming an earlier day often only recalls it.
    lead_bonus: float = 0.2
    # Taken off a sentence that quotes someone: a quote tells what was said, rarely what happened.
    quote_penalty: float = 0.3
    # Taken off a sentence that points back ("He said protests against his father 's rule ...",
    # "But the ..."): out of its article no reader can tell who or what (`summarize.points_back`).
    dangling_penalty: float = 0.3
    # Mentions of days this long before the story's first article are background, not events
    # ("the 1997 treaty"); None keeps them.
    max_days_before: int | None = 365


DEFAULT_SETTINGS = TimelineSettings()


@dataclass
class _Sentence:
    article: int
    index: int
    text: str
    terms: dict[str, int]  # stemmed word -> times in the sentence
    vector: Vector = field(default_factory=dict)
    dangling: bool = False  # points back (`summarize.points_back`), English only


@dataclass
class _Day:
    mentions: list[int] = field(default_factory=list)  # sentence ids that refer to this day
    leads: list[int] = field(default_factory=list)  # undated lead sentences published this day
    mentioned_by: set[int] = field(default_factory=set)  # articles
    mentioned_later: set[int] = field(default_factory=set)


def build_timeline(articles: list[Article], max_events: int | None = None,
                   settings: TimelineSettings | None = None) -> list[TimelineEvent]:
    """Dated events of a story, in chronological order; every event cites at least one source."""
    settings = settings or DEFAULT_SETTINGS
    if not articles:
        return []
    order = sorted(range(len(articles)), key=lambda i: (articles[i].published or "", articles[i].source))
    arts = [articles[i] for i in order]
    published = [as_date(a.published) for a in arts]
    sentences, days = _collect(arts, published, settings)
    if not days:
        return []
    _vectorise(sentences)
    ranked = _rank_days(days, published, settings)
    budget_dates = settings.max_dates if settings.max_dates is not None else len(ranked)
    topic = _centroid([s.vector for s in sentences if s.vector])
    chosen: list[Vector] = []
    events: list[tuple[float, date, int, TimelineEvent]] = []
    n_dates = 0
    for score, day in ranked:
        if n_dates >= budget_dates:
            break
        picked = _summarise(days[day], sentences, topic, chosen, settings)
        if not picked:
            continue
        n_dates += 1
        for rank, sid in enumerate(picked):
            s = sentences[sid]
            chosen.append(s.vector)
            sources = _sources(sid, days[day], sentences, arts, settings)
            # the event, not the wire's dateline ("MISRATA (Reuters) - Thousands of troops ...")
            events.append((score, day, rank, TimelineEvent(day.isoformat(), _event_text(s.text), sources)))
    if max_events is not None and len(events) > max_events:
        events = sorted(events, key=lambda e: (-e[0], e[2], e[1]))[:max_events]
    events.sort(key=lambda e: (e[1], e[2]))
    return [e[3] for e in events]


def _collect(arts: list[Article], published: list[date | None],
             settings: TimelineSettings) -> tuple[list[_Sentence], dict[date, _Day]]:
    lo, hi = as_date(settings.start), as_date(settings.end)
    first = min((p for p in published if p is not None), default=None)
    if first is not None and settings.max_days_before is not None:
        background = first - timedelta(days=settings.max_days_before)
        lo = max(lo, background) if lo else background
    sentences: list[_Sentence] = []
    days: dict[date, _Day] = defaultdict(_Day)
    for a, article in enumerate(arts):
        pub = published[a]
        for i, (text, terms, dangling, whens, dated) in enumerate(
                _read(article.text or "", pub, (article.language or "en") == "en")):
            sid = len(sentences)
            sentences.append(_Sentence(a, i, text, terms, dangling=dangling))
            if whens is None:
                continue  # "Watch the next programme on Saturday , 29 January": no day of the story
            for when in whens:
                if (lo and when < lo) or (hi and when > hi):
                    continue
                day = days[when]
                day.mentions.append(sid)
                day.mentioned_by.add(a)
                if pub is not None and pub > when:
                    day.mentioned_later.add(a)
            # A lead sentence with no date of its own tells what happened on the day it appeared,
            # unless it points to another period ("last year", "in 2019").
            in_range = pub is not None and not ((lo and pub < lo) or (hi and pub > hi))
            if in_range and not dated and i < settings.lead_sentences:
                days[pub].leads.append(sid)
    return sentences, dict(days)


_Reading = tuple[str, dict[str, int], bool, tuple[date, ...] | None, bool]


# One article's reading, whatever story it is read in: (text, stemmed terms counted, whether it points
# back, the days it names, or None when it speaks to the reader, whether it names any date) a
# sentence. A story's timeline across its linked stories reads every article of the chain, and
# each story of the chain reads them again: a report over 1,465 BP pages (295 stories, chains
# of up to twelve) spent 4 minutes re-reading the same sentences. Bounded: ~30 sentences an
# article, a chain of twelve stories holds a few hundred articles.
@lru_cache(maxsize=1024)
def _read(text: str, pub: date | None, english: bool) -> tuple[_Reading, ...]:
    out = []
    for text_ in split_sentences(text):
        tokens = words(text_)
        terms = dict(Counter(stem(w) for w in tokens))
        dangling = english and bool(tokens) and points_back(tokens)
        if speaks_to_the_reader(text_):
            out.append((text_, terms, dangling, None, True))
            continue
        mentions = resolve_dates(text_, pub)
        exact = [m.date for m in mentions if m.granularity == DAY]
        # A day named with its weekday is the sentence's own; the other days it names are what
        # led to it ("A summary of events Sunday , July 11 , Day 82 of the oil spill that began
        # with the April 20 explosion" is no entry of April 20).
        own = [m.date for m in mentions if m.granularity == DAY and _named_with_weekday(text_[m.start:m.end])]
        out.append((text_, terms, dangling, tuple(dict.fromkeys(own or exact)), bool(mentions)))
    return tuple(out)


def _named_with_weekday(written: str) -> bool:
    """ "Sunday , July 11", "Tuesday 5 March": a calendar day and its weekday."""
    return written.split(None, 1)[0].lower().strip(",") in EN_WEEKDAYS and any(c.isdigit() for c in written)


def _vectorise(sentences: list[_Sentence]) -> None:
    """TF-IDF vectors, unit length; words in most sentences weigh next to nothing."""
    df = Counter(chain.from_iterable(s.terms for s in sentences))  # the keys: each term once a sentence
    n = len(sentences)
    idf = {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}
    for s in sentences:
        vec = {t: c * idf[t] for t, c in s.terms.items() if idf[t] > 0}
        norm = math.sqrt(sum(v * v for v in vec.values()))
        s.vector = {t: v / norm for t, v in vec.items()} if norm else {}


def _rank_days(days: dict[date, _Day], published: list[date | None],
               settings: TimelineSettings) -> list[tuple[float, date]]:
    per_day = Counter(p for p in published if p is not None)
    scored = []
    for when, day in days.items():
        score = (settings.mention_weight * len(day.mentioned_by)
                 + settings.later_weight * len(day.mentioned_later)
                 + settings.published_weight * per_day.get(when, 0)
                 + settings.next_day_weight * per_day.get(when + timedelta(days=1), 0))
        scored.append((score, when))
    scored.sort(key=lambda t: (-t[0], t[1]))
    return scored


def _summarise(day: _Day, sentences: list[_Sentence], topic: Vector, chosen: list[Vector],
               settings: TimelineSettings) -> list[int]:
    """The day's best sentences: nearest the day's centroid (and the story's), none redundant."""
    pool = list(dict.fromkeys(day.mentions + day.leads))
    leads = set(day.leads)
    centroid = _centroid([sentences[i].vector for i in pool])
    scored = []
    seen_text: set[str] = set()
    for sid in pool:
        s = sentences[sid]
        if not (settings.min_words <= len(s.text.split()) <= settings.max_words) or not s.vector:
            continue
        if s.text in seen_text or quotation_piece(s.text):
            continue  # a piece of a quotation reads without its speaker: no event of the day
        seen_text.add(s.text)
        score = _cos(s.vector, centroid) + settings.topic_weight * _cos(s.vector, topic)
        if sid in leads:
            score += settings.lead_bonus
        if _QUOTE.search(s.text):
            score -= settings.quote_penalty
        if s.dangling:
            score -= settings.dangling_penalty
        scored.append((score, sid))
    scored.sort(key=lambda t: (-t[0], t[1]))
    picked: list[int] = []
    taken = list(chosen)
    for _, sid in scored:
        if len(picked) >= settings.sentences_per_date:
            break
        vec = sentences[sid].vector
        if any(_cos(vec, other) > settings.redundancy for other in taken):
            continue
        picked.append(sid)
        taken.append(vec)
    return picked


def _sources(sid: int, day: _Day, sentences: list[_Sentence], arts: list[Article],
             settings: TimelineSettings) -> list[str]:
    """The event's own article first, then every other article that tells it on the same day."""
    own = sentences[sid]
    found = {own.article}
    for other in dict.fromkeys(day.mentions + day.leads):
        s = sentences[other]
        if s.article not in found and _cos(s.vector, own.vector) >= settings.same_event:
            found.add(s.article)
    rest = sorted({arts[a].source for a in found if a != own.article} - {arts[own.article].source})
    return [arts[own.article].source, *rest]


def _centroid(vectors: list[Vector]) -> Vector:
    total: dict[str, float] = defaultdict(float)
    for vec in vectors:
        for t, v in vec.items():
            total[t] += v
    norm = math.sqrt(sum(v * v for v in total.values()))
    return {t: v / norm for t, v in total.items()} if norm else {}


def _cos(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def _event_text(sentence: str) -> str:
    """The event as the timeline prints it beside its day: without the wire's dateline ("MISRATA
    (Reuters) - Thousands of troops ..."), a factbox's introduction, bullet and day label, a
    company's ticker."""
    text = without_factbox_intro(without_tickers(after_dateline(sentence) or sentence))
    return _ENTRY_LABEL.sub("", text, count=1) or text
