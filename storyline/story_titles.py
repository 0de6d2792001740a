"""How a story is named: by its most central article's title, or, when none of its articles has
one, by the opening of that article's text that is its own. A story told in several languages is
named in the one its reader reads most: the language most of the open stories' articles are in."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

import numpy as np

from storyline import story_store as ss
from storyline.clean.datelines import after_dateline
from storyline.clean.language import by_readership
from storyline.clean.stamps import LINK_LABEL
from storyline.clean.wire_text import without_tickers
from storyline.signals import Signals
from storyline.store import Store
from storyline.summarize_text import split_sentences

# The sentences of the central article tried for its name, and the words looked up first.
_LEAD_SENTENCES = 4
_PROBE_WORDS = 8
_WORD = re.compile(r"\w+")
# Fewer words than this left after a dateline are no name: the sentence keeps it.
_OPENING_MIN_WORDS = 4
# A sentence of fewer words is passed over for a name.
_LABEL_MIN_WORDS = 3


def reading_order(signals: Iterable[Signals]) -> dict[str | None, int]:
    """Each language's rank for naming stories: the one most articles are in first. The reader of
    a store of English outlets with some Russian and Spanish ones wants an English name on a story
    that English outlets told too, even where a Spanish copy is the most central
    (`language.by_readership`)."""
    ranked = by_readership(Counter(s.language for s in signals if s.language))
    return {language: rank for rank, language in enumerate(ranked)}


def retitle(store: Store, story_id: str, members: list[Signals],
            languages: dict[str | None, int] | None = None) -> None:
    """A story is named by its most central article: the title closest to what all say, among
    its articles in the language read first (`reading_order`)."""
    if not members:
        return
    vectors = np.stack([m.vector for m in members])
    centre = vectors.mean(axis=0)
    order = np.argsort(-(vectors @ centre))
    ranked = [members[int(i)] for i in order]
    if languages:
        last = len(languages)
        ranked.sort(key=lambda m: languages.get(m.language, last))  # stable: centrality within a language
    central = [m.article_id for m in ranked]
    # Text dumps and feeds without titles are common: the central article's opening then names
    # the story, where the listing, the links and the web UI showed "(untitled)".
    title = ss.first_title(store, central)
    title = _first_point(title) if title else lead_label(store, central[0], own=central)  # the label is read so
    if title:
        ss.set_title(store, story_id, title)


def lead_label(store: Store, article_id: int, limit: int = 90, own: Iterable[int] = ()) -> str | None:
    """The opening of an article's first sentence of its own, cut at a word within `limit`
    characters: a name for a story none of whose articles has a title.

    A sentence printed word for word in an article outside the story (`own`: its members) is
    passed over: a scraped page often opens with a teaser of another story, the same line on every
    page of the site, and it named many unrelated stories of Timeline17's CNN pages. The ingest
    drops such a line from the pages after the first two (`clean.repeats`); here it names neither
    of those."""
    row = store.db.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
    sentences = split_sentences(row[0][:1000]) if row and row[0] else []
    # A lone closing quote or a dash left by a dump names nothing ("''" named a 24-article story).
    sentences = [s for s in sentences if len(_WORD.findall(s)) >= _LABEL_MIN_WORDS] or sentences
    if not sentences:
        return None
    members = {article_id, *own}
    first = next((s for s in sentences[:_LEAD_SENTENCES] if not _printed_elsewhere(store, s, members)), sentences[0])
    # A wire dateline opens the text, not the event: the name starts after it. (A stamp a dump ran
    # into the first line is out of the body already, `clean.text`.)
    label = LINK_LABEL.match(first)  # "Full Article ...": a link's label the dump ran into the text
    first = first[label.end():] if label else first
    first = without_tickers(_first_point(first))
    opening = after_dateline(first)
    if len(opening.split()) >= _OPENING_MIN_WORDS:
        first = opening
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0].rstrip(",;:-–— ") + "…"


def _printed_elsewhere(store: Store, sentence: str, members: set[int]) -> bool:
    """Whether the sentence stands word for word in an article not in `members`.

    Its eight longest-worded running words are looked up first, and the whole sentence only when
    they are found: FTS5 reads every word's list for a phrase, and a whole sentence's "the" and
    "of" made each look-up several times dearer than the eight words'."""
    words = _WORD.findall(sentence)
    if not words:
        return False
    if len(words) > _PROBE_WORDS:
        start = max(range(len(words) - _PROBE_WORDS + 1),
                    key=lambda i: sum(len(w) for w in words[i:i + _PROBE_WORDS]))
        if not _found_elsewhere(store, words[start:start + _PROBE_WORDS], members):
            return False
    return _found_elsewhere(store, words, members)


def _found_elsewhere(store: Store, words: list[str], members: set[int]) -> bool:
    rows = store.db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?",
                            ('text : "' + " ".join(words) + '"', len(members) + 1)).fetchall()
    return any(r[0] not in members for r in rows)


def _first_point(text: str) -> str:
    """The first of a wire's bullet points printed over its text ("* Cuban coast a major breeding
    ground * Concern that Gulf current ..."), or the text; without the wire's edition label
    ("UPDATE 3-Dutch marines freed by Libya * Marines arrive ...")."""
    text = _BULLET.sub("", _EDITION_LABEL.sub("", text, count=1), count=1)
    return _NEXT_BULLET.split(text, maxsplit=1)[0]


_EDITION_LABEL = re.compile(r"^(?:UPDATE\s?\d*|REFILE|RPT)\s?-\s?(?=\S)")
# A bullet, as wires print it and as tokenised dumps escape it ("\\* Cuban coast ...").
_BULLET = re.compile(r"^\\?\*\s+")
_NEXT_BULLET = re.compile(r"\s\\?\*\s")
