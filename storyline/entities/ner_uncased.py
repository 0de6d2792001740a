"""Places in scripts without capital letters (Arabic, Chinese, Japanese, Korean, Persian, Hebrew),
where the rules of `ner_rules.py`, which read runs of capitals, find only the Latin names a text
quotes. No model here reads these scripts, so countries and the big cities are found by the names
CLDR gives them in the text's language (shipped with babel, as `countries.py` uses it): 埃及 and مصر
are Egypt, 纽约 is New York.

The mention's text is the English name, its offsets on the printed words (as natasha gives a
Russian lemma for the words it spans): the keys that tie an entity across sources are Latin, and
埃及 then is the Egypt the English and French sources name. The printed words stay the mention's
`printed`, so 埃及 and مصر are among Egypt's spellings.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from storyline.entities.countries import CONTINENT_ZONES
from storyline.model import Mention

UNCASED = frozenset({"ar", "zh", "ja", "ko", "fa", "he"})

# Arabic glues its conjunctions and prepositions to the next word: "ومصر", "بمصر", "لمصر".
_ARABIC_PREFIX = "[وفبلك]{0,2}"
_SENTENCE_END = re.compile(r"[.!?。！？؟]+")


@lru_cache(maxsize=8)
def _places(lang: str) -> dict[str, str]:
    """Printed name -> English name, for the countries and the time-zone cities of CLDR."""
    from babel import Locale

    try:
        locale, english = Locale(lang), Locale("en")
    except Exception:  # a locale missing from this babel: no places
        return {}
    out: dict[str, str] = {}
    for code, name in locale.territories.items():
        if len(code) == 2 and code.isalpha() and code in english.territories and code not in _NO_PLACES:
            out.setdefault(_unbracketed(name), _unbracketed(english.territories[code]))
    for zone, data in locale.time_zones.items():
        city = dict(data).get("city")
        if city and zone.startswith(CONTINENT_ZONES):
            out.setdefault(city, zone.split("/")[-1].replace("_", " "))
    return {name: en for name, en in out.items() if len(name) >= 2 and name not in _COMMON_WORDS}


def english_name(name: str) -> str | None:
    """The English name of a country, big city or the UN or EU written in one of these scripts (a user who
    looks up 埃及 means the Egypt the registry keys in Latin letters), or None."""
    name = " ".join(name.split())
    return next((_places(lang)[name] for lang in sorted(UNCASED) if name in _places(lang)), None)


def _unbracketed(name: str) -> str:
    return re.sub(r"\s*[(（].*[)）]", "", name)


# CLDR's territories that are no place: bodies (the UN and the EU, found as organisations) and
# groupings, pseudo-locales and the unknown region.
_BODIES = frozenset({"European Union", "United Nations"})
_NO_PLACES = frozenset({"EZ", "QO", "XA", "XB", "ZZ"})
# Places whose names are common words: Arabic "مالي" (Mali) is "financial", "مسقط" (Muscat) opens
# "مسقط رأسه", his birthplace; Chinese "马里" (Mali) spells Mario and Maria.
_COMMON_WORDS = frozenset({"مالي", "مسقط", "马里"})


@lru_cache(maxsize=8)
def _pattern(lang: str) -> re.Pattern[str] | None:
    names = sorted(_places(lang), key=len, reverse=True)
    if not names:
        return None
    alternatives = "|".join(map(re.escape, names))
    if lang == "zh" or lang == "ja":
        # no spaces between words: the longest name first, and not the head of a fort's, a town's or a
        # county's name (布拉格堡 is Fort Bragg, no Prague; 华盛顿县 a county, no Washington)
        return re.compile(f"({alternatives})(?![堡县镇村])")
    return re.compile(rf"(?<![\w]){_ARABIC_PREFIX if lang in ('ar', 'fa') else ''}({alternatives})(?![\w])")


def sentence_ends(text: str) -> list[int]:
    """Where each sentence of a text in any of these scripts ends: a mention starting at `start` is
    in sentence `bisect_right(ends, start)`."""
    return [m.end() for m in _SENTENCE_END.finditer(text)]


def uncased_places(text: str, lang: str, source: str) -> list[Mention]:
    """Every country and big city the text names in its own script, as PLACE mentions (and the UN
    and the EU, which CLDR lists among them, as ORG)."""
    pattern = _pattern(lang)
    if pattern is None:
        return []
    places = _places(lang)
    ends = sentence_ends(text)
    out = []
    for hit in pattern.finditer(text):
        start, end = hit.span(1)
        sentence = bisect_right(ends, start)
        name = places[hit.group(1)]
        out.append(Mention(source=source, text=name, start=start, end=end, type="ORG" if name in _BODIES else "PLACE",
                           sentence=sentence, language=lang, printed=hit.group(1)))
    return out
