"""What each source reports that the others do not, what it leaves out, and where its own words are loaded.

A point is a sentence; another source carries it when one of its sentences shares most of the
point's content words (names and numbers count double, since they are what a reader checks).
This is lexical on purpose: it is fast enough for `show` on a large story and exact about what
it claims. Its limit is translation: a point told in Spanish and in English counts as two, so
sources in another language than the story's majority are compared only among themselves.

Loaded language is flagged per sentence, never per outlet, and only in the outlet's own voice:
words inside quotation marks belong to the person quoted, and reporting them is the job.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from storyline.claims import sentences
from storyline.model import Article

_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*", re.UNICODE)
_STOP = frozenset("""a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have having he
her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of
off on once only or other our ours out over own same she should so some such than that the their theirs them then
there these they this those through to too under until up very was we were what when where which while who whom why
will with would you your said says told according also could new one two year years day days week since""".split())
# Words that judge rather than report, when the outlet itself uses them. A short list on purpose:
# a flag must be worth a reader's look, and each entry is a word copy editors strike.
LOADED = frozenset("""dementia weak shameful disgraceful disastrous catastrophic brutal barbaric heinous evil regime
puppet thugs terrorists propaganda so-called notorious infamous outrageous ridiculous absurd pathetic idiotic lies
liar lying treacherous traitor cowardly cowards shocking horrific slaughter massacre despot dictator tyrant criminal
aggressor aggression occupiers invaders hysteria hysterical lunatic insane fanatic fanatics clearly obviously
undoubtedly allegedly scandalous humiliating humiliation sham farce""".split())
_QUOTED = re.compile(r"[“«\"„][^”»\"“]*[”»\"“]")
_MIN_WORDS = 6
_CARRIED = 0.5


@dataclass
class SourceCoverage:
    source: str
    unique_points: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)
    loaded: list[dict[str, object]] = field(default_factory=list)


@dataclass
class _Point:
    source: str
    text: str
    weights: dict[str, float]
    order: int


def _content(text: str) -> dict[str, float]:
    weights: dict[str, float] = {}
    for match in _WORD.finditer(text):
        word = match.group(0)
        low = word.lower()
        if low in _STOP or (len(low) < 3 and not low.isdigit()):
            continue
        weights[low] = 2.0 if word[0].isupper() or word[0].isdigit() else 1.0
    return weights


def _points(article: Article) -> list[_Point]:
    out = []
    for order, (_, text) in enumerate(sentences(article.text)):
        if len(text.split()) < _MIN_WORDS:
            continue
        weights = _content(text)
        if weights:
            out.append(_Point(article.source, text, weights, order))
    return out


def _overlap(point: _Point, other: _Point) -> float:
    total = sum(point.weights.values())
    return sum(w for word, w in point.weights.items() if word in other.weights) / total if total else 0.0


class _Index:
    """Points by the words they hold. Candidates come only through words that are not in most
    points (a word every sentence of an oil-spill story holds would pair everything with
    everything); the overlap is then computed in full over those candidates."""

    def __init__(self, points: dict[str, list[_Point]]):
        self.postings: dict[str, list[_Point]] = defaultdict(list)
        for pts in points.values():
            for p in pts:
                for word in p.weights:
                    self.postings[word].append(p)
        self.common = max(50, sum(len(p) for p in points.values()) // 10)

    def carriers(self, point: _Point, sources: set[str]) -> set[str]:
        """The sources among `sources` with a point that carries this one.

        Shared weight is summed over the uncommon words first; only a candidate that could still
        reach the bar with every common word added is scored in full."""
        total = sum(point.weights.values())
        common_weight = 0.0
        shared: dict[int, float] = defaultdict(float)
        by_id: dict[int, _Point] = {}
        for word, weight in point.weights.items():
            posting = self.postings.get(word, ())
            if len(posting) > self.common:
                common_weight += weight
                continue
            for other in posting:
                if other.source in sources:
                    shared[id(other)] += weight
                    by_id[id(other)] = other
        found: set[str] = set()
        bar = _CARRIED * total
        for key, score in shared.items():
            other = by_id[key]
            if other.source not in found and score + common_weight >= bar and _overlap(point, other) >= _CARRIED:
                found.add(other.source)
        return found


def source_coverage(articles: list[Article], per_source: int = 3) -> list[SourceCoverage]:
    """For each article: its points no other source carries, the shared points it lacks, its loaded sentences."""
    languages = Counter((a.language or "?") for a in articles)
    points = {a.source: _points(a) for a in articles}
    index = _Index(points)
    peers_of = {a.source: [b for b in articles if b.source != a.source and (b.language or "?") == (a.language or "?")]
                for a in articles}
    carried_by: dict[tuple[str, int], set[str]] = {}
    for article in articles:
        peer_sources = {b.source for b in peers_of[article.source]}
        for i, point in enumerate(points[article.source]):
            carried_by[(article.source, i)] = index.carriers(point, peer_sources)
    out = []
    for article in articles:
        peers = peers_of[article.source]
        unique = [p for i, p in enumerate(points[article.source]) if peers and not carried_by[(article.source, i)]]
        unique.sort(key=lambda p: (-_informative(p), p.order))
        lacking = (_left_out(article, peers, points, carried_by, per_source)
                   if languages[article.language or "?"] > 2 else [])
        out.append(SourceCoverage(source=article.source, unique_points=[p.text for p in unique[:per_source]],
                                  left_out=lacking, loaded=loaded_sentences(article)))
    return out


def _informative(point: _Point) -> float:
    return sum(w for w in point.weights.values() if w > 1) + 0.1 * len(point.weights)


def _left_out(article: Article, peers: list[Article], points: dict[str, list[_Point]],
              carried_by: dict[tuple[str, int], set[str]], limit: int) -> list[str]:
    """Points most of the other sources share that this one does not carry."""
    need = max(2, (len(peers) + 1) // 2)
    seen: list[_Point] = []
    for peer in peers:
        for i, point in enumerate(points[peer.source]):
            others = carried_by[(peer.source, i)] | {peer.source}
            if len(others) >= need and article.source not in others and \
                    not any(_overlap(point, s) >= _CARRIED for s in seen):
                seen.append(point)
    seen.sort(key=lambda p: p.order)
    return [p.text for p in seen[:limit]]


def loaded_sentences(article: Article) -> list[dict[str, object]]:
    """Sentences in the outlet's own voice that use judging words, with the words."""
    flagged = []
    for _, text in sentences(article.text):
        own = _QUOTED.sub(" ", text)
        words = sorted({w.lower() for w in _WORD.findall(own) if w.lower() in LOADED})
        if words:
            flagged.append({"text": text, "words": words})
    return flagged
