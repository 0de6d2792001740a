"""Provenance: which sources are copies of one text, and how many independent sources carry a quote.

Many outlets publish a wire story as it came or lightly rewritten, so ten articles may be one
report. Copies are found by word-shingle containment (the share of the shorter text's shingles
that the longer one holds: a trimmed copy or a rewrite with a few changed words still scores
high, and a story of fifty articles needs no MinHash). Two sources also count as one when they
carry the same passage and cite the same wire, or carry a quote through the same named medium
(two outlets quoting what a minister told AFP both got it from AFP). A quote's `confirmations` is
the number of independent groups among the sources that carry it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import numpy as np
from rapidfuzz import fuzz

from storyline.model import Article, Quote

SHINGLE = 4
# Containment for a copy or light rewrite; and for "the same passage" between two sources that
# cite the same wire (they rewrite more, so a lower share of the text suffices).
COPY_THRESHOLD = 0.5
PASSAGE_THRESHOLD = 0.15
# Two quotes are the same words at this token-set similarity (0..100); translations of one quote
# by different outlets differ in a few words.
QUOTE_MATCH = 75
_SHORT_WORDS = 5
_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text or "").casefold())


def shingles(text: str, k: int = SHINGLE) -> set[tuple[str, ...]]:
    words = _words(text)
    return {tuple(words[i:i + k]) for i in range(max(len(words) - k + 1, 0))}


def containment(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> float:
    """Share of the smaller set found in the larger: 1.0 when one text holds the other."""
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small & large) / len(small)


class _Union:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {x: x for x in items}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[str]]:
        out: dict[str, list[str]] = {}
        for x in self.parent:
            out.setdefault(self.find(x), []).append(x)
        return sorted((sorted(g) for g in out.values()), key=lambda g: g[0])


def _shingle_table(articles: list[Article]) -> dict[str, set[tuple[str, ...]]]:
    return {a.source: shingles(a.text) for a in articles}


def near_copies(articles: list[Article], threshold: float = COPY_THRESHOLD) -> list[list[str]]:
    """Groups (two or more) of sources whose bodies are copies or light rewrites of one text."""
    table = _shingle_table(articles)
    union = _Union(table)
    sources = list(table)
    for i, a in enumerate(sources):
        for b in sources[i + 1:]:
            if containment(table[a], table[b]) >= threshold:
                union.join(a, b)
    return [g for g in union.groups() if len(g) >= 2]


def _wires(article: Article) -> set[str]:
    """The media an article relies on, its own agency included when it is one (a wire's own copy)."""
    names = {m.casefold() for m in article.cited_media}
    if article.dateline is not None and article.dateline.agency:
        names.add(article.dateline.agency.casefold())
    return names


def _self_names(article: Article) -> set[str]:
    names = {article.outlet.casefold()} if article.outlet else set()
    if article.dateline is not None and article.dateline.agency:
        names.add(article.dateline.agency.casefold())
    return names


def independent_groups(sources: Iterable[str], articles: list[Article],
                       via: dict[str, str | None] | None = None) -> list[list[str]]:
    """The sources collapsed into groups that do not depend on each other.

    One group holds sources that are near-copies, that share a passage and cite the same wire,
    one that is the wire the other cites, or (with `via`, the channel each source gives for one
    quote) that name the same medium as the channel.
    """
    return _Sources(articles).groups(list(dict.fromkeys(sources)), via)


class _Sources:
    """The articles of a story with their shingles and pairwise verdicts, computed once each."""

    def __init__(self, articles: list[Article]) -> None:
        self.by_source = {a.source: a for a in articles}
        self.table: dict[str, set[tuple[str, ...]]] = {}
        self.verdicts: dict[tuple[str, str], bool] = {}

    def shingles_of(self, source: str) -> set[tuple[str, ...]]:
        if source not in self.table:
            art = self.by_source.get(source)
            self.table[source] = shingles(art.text) if art is not None else set()
        return self.table[source]

    def groups(self, wanted: list[str], via: dict[str, str | None] | None) -> list[list[str]]:
        union = _Union(wanted)
        for i, a in enumerate(wanted):
            for b in wanted[i + 1:]:
                if union.find(a) == union.find(b):
                    continue
                if via is not None:
                    va, vb = _medium_key(via.get(a)), _medium_key(via.get(b))
                    if va and va == vb:
                        union.join(a, b)
                        continue
                key = (a, b) if a < b else (b, a)
                if key not in self.verdicts:
                    self.verdicts[key] = _dependent(a, b, self.by_source, self.shingles_of(a), self.shingles_of(b))
                if self.verdicts[key]:
                    union.join(a, b)
        return union.groups()


def _dependent(a: str, b: str, by_source: dict[str, Article], sa: set[tuple[str, ...]],
               sb: set[tuple[str, ...]]) -> bool:
    art_a, art_b = by_source.get(a), by_source.get(b)
    if art_a is None or art_b is None:
        return False
    overlap = containment(sa, sb)
    if overlap >= COPY_THRESHOLD:
        return True
    wire = (_wires(art_a) & _wires(art_b)) or (_self_names(art_a) & _wires(art_b)) or (_self_names(art_b) &
                                                                                        _wires(art_a))
    return bool(wire) and overlap >= PASSAGE_THRESHOLD


def _medium_key(channel: str | None) -> str | None:
    """A named medium collapses its carriers; 'a press conference' had many independent listeners."""
    if not channel:
        return None
    low = channel.casefold().strip()
    if re.match(r"^(?:a|an|the)\s", low):
        return None
    from storyline.entities.names import to_latin

    return to_latin(low).casefold()  # Балтинформ and Baltinform are one agency


def _same_speaker(a: Quote, b: Quote) -> bool:
    """Unknown on either side passes; entity ids decide when both are resolved; else the names must
    be spellings of one name (across scripts and transliterations) or share most of their words."""
    if not a.speaker or not b.speaker:
        return True
    if a.speaker_id and b.speaker_id:
        return a.speaker_id == b.speaker_id
    if fuzz.token_set_ratio(a.speaker.casefold(), b.speaker.casefold()) >= 60:
        return True
    from storyline.entities.names import same_person_name

    return same_person_name(a.speaker, b.speaker)


def _matching_pairs(quotes: list[Quote], texts: list[str]) -> dict[int, set[int]]:
    """Pairs of quotes from different sources with the same words, scored only where they share
    content words (an inverted index), not all n² pairs: a 50-article story has hundreds of quotes."""
    index: dict[str, set[int]] = {}
    words = [set(w for w in t.split() if len(w) > 3) or set(t.split()) for t in texts]
    for i, ws in enumerate(words):
        for w in ws:
            index.setdefault(w, set()).add(i)
    common = max(20, len(texts) // 5)  # a word in a fifth of all quotes tells nothing about which match
    out: dict[int, set[int]] = {}
    for i, ws in enumerate(words):
        shared: dict[int, int] = {}
        for w in ws:
            if len(index[w]) > common:
                continue
            for j in index[w]:
                if j > i and quotes[j].source != quotes[i].source:
                    shared[j] = shared.get(j, 0) + 1
        for j, n in shared.items():
            if n < max(1, min(len(ws), len(words[j])) // 3):
                continue  # token-set similarity could not reach QUOTE_MATCH with half the words apart
            if min(len(texts[i].split()), len(texts[j].split())) < _SHORT_WORDS:
                same = fuzz.ratio(texts[i], texts[j]) >= 90
            else:
                same = fuzz.token_set_ratio(texts[i], texts[j]) >= QUOTE_MATCH
            if same:
                out.setdefault(i, set()).add(j)
                out.setdefault(j, set()).add(i)
    return out


def confirm_quotes(quotes: list[Quote], articles: list[Article]) -> None:
    """Set `also_in` and `confirmations` on every quote, matching the same words across sources.

    Matching is fuzzy (token-set similarity of the normalised words, so a translation that
    differs in a few words or a shorter excerpt of a longer quote still matches) and needs the
    same speaker where both sources name one.
    """
    if not quotes:
        return
    _channels_named_elsewhere(quotes, articles)
    vectors = _QuoteVectors(quotes, articles)
    _speakers_from_translations(quotes, vectors)
    sources = _Sources(articles)
    texts = [" ".join(_words(q.text)) for q in quotes]
    matches = _matching_pairs(quotes, texts)
    for i, js in _translated_pairs(quotes, vectors, matches).items():
        matches.setdefault(i, set()).update(js)
    for i, q in enumerate(quotes):
        carriers: dict[str, str | None] = {q.source: q.via}
        for j in sorted(matches.get(i, ())):
            other = quotes[j]
            if other.source not in carriers and _same_speaker(q, other):
                carriers[other.source] = other.via
        q.also_in = sorted(s for s in carriers if s != q.source)
        q.confirmations = len(sources.groups(list(carriers), carriers)) if q.also_in else 1


# A quote and its translation in another language: cosine of their multilingual embeddings.
# Measured on invented pairs: translations 0.61-0.74, other quotes of the same speaker and event
# up to 0.57.
TRANSLATION_MATCH = 0.6
_DIGITS = re.compile(r"\d+")


class _QuoteVectors:
    """The story's quotes as the multilingual model embeds them, each once, and only those asked
    for: the speaker a translation names and the translations confirmed read the same vectors, and
    a story in one language loads no model. Also each quote's language and figures."""

    def __init__(self, quotes: list[Quote], articles: list[Article]) -> None:
        by_source = {a.source: (a.language or "").split("-")[0] for a in articles}
        self.quotes = quotes
        self.language = [by_source.get(q.source, "") for q in quotes]
        self.figures = [set(_DIGITS.findall(q.text)) for q in quotes]
        self.usable = [bool(self.language[i]) and len(_words(q.text)) >= 4 for i, q in enumerate(quotes)]
        self._vectors: dict[int, np.ndarray] = {}

    def of(self, indexes: list[int]) -> np.ndarray:
        missing = [i for i in dict.fromkeys(indexes) if i not in self._vectors]
        if missing:
            from storyline.embed import get_embedder

            embedded = get_embedder().embed([self.quotes[i].text for i in missing])
            self._vectors.update(zip(missing, embedded, strict=True))
        return np.array([self._vectors[i] for i in indexes])

    def other_figures(self, i: int, j: int) -> bool:
        """Both print figures, and none in common: no translation of each other."""
        return bool(self.figures[i] and self.figures[j] and not self.figures[i] & self.figures[j])


def _translated_pairs(quotes: list[Quote], vectors: _QuoteVectors,
                      matches: dict[int, set[int]]) -> dict[int, set[int]]:
    """Pairs of quotes in two languages that say the same thing: one quote in a Russian article
    and in an English translation is one quote confirmed twice, though no word is shared.

    Only for quotes whose speakers are both known and one person (an entity id, or spellings of one
    name across scripts), with the same figures where both print figures; the embedder loads only
    when a story has such a pair, so single-language stories pay nothing.
    """
    # the quotes that can take part: a known speaker, a language and four words
    usable = [i for i, q in enumerate(quotes) if q.speaker and vectors.usable[i]]
    if len({vectors.language[i] for i in usable}) < 2:
        return {}
    pairs = []
    for x, i in enumerate(usable):
        for j in usable[x + 1:]:
            if vectors.language[i] == vectors.language[j] or quotes[i].source == quotes[j].source \
                    or j in matches.get(i, ()) or vectors.other_figures(i, j):
                continue
            if _same_speaker(quotes[i], quotes[j]):
                pairs.append((i, j))
    if not pairs:
        return {}
    wanted = sorted({k for pair in pairs for k in pair})
    embedded = dict(zip(wanted, vectors.of(wanted), strict=True))
    out: dict[int, set[int]] = {}
    for i, j in pairs:
        if float(embedded[i] @ embedded[j]) >= TRANSLATION_MATCH:
            out.setdefault(i, set()).add(j)
            out.setdefault(j, set()).add(i)
    return out


# An unattributed quote takes the speaker of its translation at this cosine, each the other's best
# match. Scratch, MEANTIME's 60 articles (the unattributed Spanish, Italian and Dutch quotes against
# the English quotes of the same article): mutual best matches median 0.73; every other pair under
# 0.64 at the 99th percentile, 0.74 at most.
SPEAKER_FROM_TRANSLATION = 0.7
_PARSED = frozenset({"en", "ru"})


def _speakers_from_translations(quotes: list[Quote], vectors: _QuoteVectors) -> None:
    """A quote whose article names no speaker ("Confiesa que ...", a pronoun too far from its
    person) takes the speaker another language's source gives the same words, and says which
    source (`speaker_from`). The embedder loads only where such a pair of languages exists."""
    unknown = [i for i, q in enumerate(quotes) if vectors.usable[i] and not q.speaker]
    # Only a speaker a parser found (English, Russian): the rules of other languages name too many
    # wrongly for their names to travel.
    known = [i for i, q in enumerate(quotes) if vectors.usable[i] and q.speaker and vectors.language[i] in _PARSED]
    if not any(vectors.language[i] != vectors.language[j] for i in unknown for j in known):
        return  # no unattributed quote has a named one in another language
    embedded = vectors.of(unknown + known)
    sims = embedded[:len(unknown)] @ embedded[len(unknown):].T
    language = np.array(vectors.language, dtype=object)
    sims[language[unknown][:, None] == language[known][None, :]] = -1.0  # one language: no translation
    for u, i in enumerate(unknown):
        for k, j in enumerate(known) if vectors.figures[i] else ():
            if vectors.other_figures(i, j):
                sims[u, k] = -1.0  # other figures: no translation
    for u, i in enumerate(unknown):
        k = int(sims[u].argmax())
        if sims[u, k] < SPEAKER_FROM_TRANSLATION or int(sims[:, k].argmax()) != u:
            continue
        named = quotes[known[k]]
        quotes[i].speaker, quotes[i].speaker_id, quotes[i].speaker_from = named.speaker, named.speaker_id, named.source


def _channels_named_elsewhere(quotes: list[Quote], articles: list[Article]) -> None:
    """A quote's channel that its own article names bare ("told Baltinform": a person or a medium?)
    while another source of the story cites it as a medium: the story settles it."""
    known = {m for a in articles for m in a.cited_media if len(m) > 2}
    if not known:
        return
    by_source = {a.source: a.text or "" for a in articles}
    told = re.compile(r"\b(?:told|telling|to)\s+(?:the\s+)?[\"“«]?(" + "|".join(map(re.escape, sorted(known))) +
                      r")(?![\w-])")
    for q in quotes:
        text = by_source.get(q.source, "")
        if q.via or q.start < 0 or not text:
            continue
        hit = told.search(text, q.end, q.end + 120) or told.search(text, max(0, q.start - 160), q.start)
        if hit and not any(stop in text[min(hit.start(), q.end):max(hit.start(), q.start)] for stop in ("\n", ". ")):
            q.via = hit.group(1)
