"""Names in one article: people, organisations and places, each with its role and where it stands.

English goes through spaCy's small model (`ner_english.py`, which also repairs the ways a small
model fails on machine-translated input), Russian through natasha (names come lemmatised:
Владимиру Путину gives the mention text "Владимир Путин", its offsets still on the printed words),
other languages through rules on capitalised words (`ner_rules.py`; conservative: a missed name
costs less than noise; a capitalised German or French title before a name is its role; German
nouns told by `ner_german.py`, Turkish and Polish heads by `ner_inflected.py`), and scripts without
capitals through CLDR's country and city names in their language as well (`ner_uncased.py`).

Types are only a first guess; the resolver votes across the story's sources and fixes them.

Offsets are into `article.text`. Names printed outside it (a caption naming the person in
Cyrillic above the title, the teasers a page carries under the article) are also returned when
the line reads like prose or a bare name, with `start == end == -1` and `sentence == -1`, so they
count for resolution but never point into the text. Mastheads and site furniture are skipped.
"""

from __future__ import annotations

import re

from storyline.clean.comments import comment_stamps
from storyline.clean.datelines import opening_dateline
from storyline.entities.credits import photo_credits, staff_credit_lines
from storyline.entities.ner_english import english_mentions
from storyline.entities.ner_rules import rule_mentions
from storyline.entities.ner_russian import russian_mentions
from storyline.entities.ner_uncased import UNCASED, uncased_places
from storyline.entities.spans import designation
from storyline.entities.thing_words import FURNITURE, MASTHEAD
from storyline.model import Article, Mention

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def find_mentions(article: Article) -> list[Mention]:
    """Every person, organisation and place in the article, body first, then names printed around it."""
    lang = (article.language or "en").split("-")[0].lower()
    staff = staff_credit_lines(article.text)
    photos = photo_credits(article.text)
    out = [m for m in mentions_in(article.text, lang, article.source)
           if not (m.type == "PERSON" and any(a <= m.start < b for a, b in staff))
           and not (m.type != "PLACE" and any(a <= m.start < b for a, b in photos))
           and not (m.type == "ORG" and designation(m.text))]
    _typed_by_dateline(article.text, out)
    out.extend(_outside_mentions(article, lang))
    return out


def _typed_by_dateline(text: str, mentions: list[Mention]) -> None:
    """Type the names of a wire dateline by where they stand ("Baku/31.10.20/Turan:", "TARN,
    (Velpress) –"): place, then the agency that filed (the model took the agency Turan for a
    place). A dateline is the article's metadata (`Article.dateline`): a name the model missed
    there is not added."""
    found = opening_dateline(text[:200])
    if found is None:
        return
    dateline, end = found
    for name, kind in ((dateline.place, "PLACE"), (dateline.agency, "ORG")):
        at = text.casefold().find(name.casefold(), 0, end) if name else -1
        for m in mentions if at >= 0 else ():
            if m.start < at + len(name) and at < m.end:
                m.type = kind


def mentions_in(text: str, lang: str, source: str) -> list[Mention]:
    """Mentions in `text` in language `lang`; offsets into `text`."""
    if not text.strip():
        return []
    if lang == "ru" or (lang != "en" and _mostly_cyrillic(text)):
        return russian_mentions(text, source)
    if lang == "en":
        return english_mentions(text, source)
    if lang in UNCASED:
        return sorted(rule_mentions(text, lang, source) + uncased_places(text, lang, source), key=lambda m: m.start)
    return rule_mentions(text, lang, source)


def _mostly_cyrillic(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(1 for c in letters if _CYRILLIC.match(c)) > len(letters) / 2


# -- names printed outside the body ------------------------------------------------------------


def _outside_lines(article: Article) -> list[str]:
    """Lines of the page that are not in the body but may name the story's people.

    A caption naming the person (often in the original script) and teasers of other stories carry
    names readers check against; masthead credits, bylines and site furniture do not.
    """
    body = article.text
    keep = []
    # Readers' comments are out of the body, and name whomever they please ("Reply", "Terms of
    # Service" and every commenter's grudge became a CNN story's people and bodies).
    stamps = comment_stamps([line.text for line in article.lines])
    for line in article.lines[:stamps[0][0] if stamps else None]:
        if line.kind in ("body", "metadata"):
            continue
        text = line.text.strip()
        if len(text) < 3 or text in body or FURNITURE.search(text):
            continue
        words = text.split()
        letters = [c for c in text if c.isalpha()]
        if not letters:
            continue
        if line.kind == "title" and sum(1 for w in words if w[:1].isupper()) > 0.6 * len(words) and len(words) > 3:
            continue  # Title Case headlines: the small model reads every word as a name
        bare_name = len(words) <= 4 and all(w[:1].isupper() for w in words) and not any(c.isdigit() for c in text)
        prose = len(words) >= 6 and any(w.islower() for w in words)
        if bare_name and MASTHEAD.search(text):
            continue
        if (bare_name and len(words) >= 2) or prose:
            keep.append(text)
    return keep


def _outside_mentions(article: Article, lang: str) -> list[Mention]:
    out = []
    latin = []
    for text in _outside_lines(article):
        if _mostly_cyrillic(text):
            out.extend(russian_mentions(text, article.source))
        else:
            latin.append(text)
    if latin:
        joined = "\n\n".join(latin)
        out.extend(mentions_in(joined, lang if lang != "ru" else "en", article.source))
    for m in out:
        m.start = m.end = m.sentence = -1
    return out
