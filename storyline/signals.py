"""What the story stage compares between articles, computed once per article.

An embedding says what an article is about; it cannot tell two earthquakes or two Oscar hosts
apart. The keys do: the names and numbers an article states (INS Sukanya, 26 pirates, 2011).
Numbers are kept as digits only, so `1,250` (English) and `1.250` (Spanish) are one key across
languages; names are the capitalised words inside sentences and the acronyms. The lead keys are
those of the title and first sentences, where a news article says what happened.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

import numpy as np

from storyline.entities.ner_uncased import UNCASED, uncased_places

# A capitalised word that does not open a sentence, or an acronym: names, cheaply, in any
# Latin or Cyrillic script language.
# The lookahead first: a position that holds no capital fails at once, where the alternation
# tried its lookbehind at every character of the text (3x slower on news text, same matches).
_NAME = re.compile(r"(?=[A-ZÀ-ÖØ-ÞА-ЯЁ])(?:(?<=[\w,;:)\"'»”-]\s)[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]{2,}|\b[A-ZА-ЯЁ]{2,}[0-9]*\b)")
_NUMBER = re.compile(r"\d[\d.,]*\d|\d")
_LEAD_CHARS = 400
# Capitalised but no name: weekdays, months and the words every sentence-initial quote capitalises.
_NOT_KEYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december the this that these those there their they his her its "
    "but and for with from after before when while mr mrs ms dr".split()
)


@dataclass
class Signals:
    """One article as the story stage sees it."""

    article_id: int
    vector: np.ndarray
    keys: frozenset[str]
    lead_keys: frozenset[str]
    day: int | None = None
    language: str | None = None
    # False when `day` is implied from the articles around it (`published_inferred`), not printed
    day_printed: bool = True
    # Keys a text in a script without capitals gets from the places it names, by their English
    # names (`foreign_keys`): evidence between languages only (`across_languages`).
    foreign_keys: frozenset[str] = frozenset()


# Cyrillic to Latin, the plain BGN/PCGN-like spelling English news uses (Коваленко -> kovalenko,
# Шевченко -> shevchenko): a name must be one key in a Russian and an English article.
_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
    "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya i i ye g".split(), strict=True))
_TRANSLIT = str.maketrans({c: ("" if v == "_" else v) for c, v in _CYRILLIC.items()})
_HAS_CYRILLIC = re.compile("[\u0400-\u04ff]")


_FINAL_VOWELS = re.compile(r"(?<=\w\w\w)[aeiouy]$")
_CYRILLIC_ADJECTIVE_END = re.compile(r"(?<=\w\w\w)[iy]y$")


def latin_key(word: str) -> str:
    """A name as a key: lower-cased, Cyrillic in Latin letters, `x` spelt `ks` and a final vowel
    dropped, so that spellings across languages and grammatical cases meet (Interfax/Интерфакс,
    Velna/Вельне, Europe/Europa)."""
    word = word.lower()
    if _HAS_CYRILLIC.search(word):
        # -ий/-ый come out -iy/-yy where English prints -y (Лисовский: Lisovsky, Геннадий: Gennady)
        word = _CYRILLIC_ADJECTIVE_END.sub("y", word.translate(_TRANSLIT))
    return _FINAL_VOWELS.sub("", word.replace("x", "ks"))


def extract_keys(text: str, language: str | None = None) -> frozenset[str]:
    """Names (see `latin_key`) and numbers (`#` + digits) stated in a text; a country or big city
    named in one word in another language is its English name's key (`place_keys`), in a case of
    Polish, Russian or Ukrainian too ("w Polsce", "в России": `place_nominative`)."""
    places = place_keys()
    names = {places.get(key, key) for m in _NAME.findall(text) if m.lower() not in _NOT_KEYS
             for key in (_case_key(m, language, places),)}
    numbers = {"#" + re.sub(r"\D", "", n) for n in _NUMBER.findall(text)}
    return frozenset(k for k in names | numbers if len(k) >= 3)


def foreign_keys(text: str, language: str | None) -> frozenset[str]:
    """The keys of the English names of the countries and big cities a text in a script without
    capitals names (伊拉克, 巴格达, بغداد: iraq, baghdad; `uncased_places`), where `_NAME`, which
    reads capitals, finds only the Latin words it quotes.

    They tie a Chinese or Arabic report to the English one of its event, and nothing within its
    language: these pages have few other keys, and one place is then most of what two of them
    share (as plain keys, 美国's "united states" made one story of nine Chinese pages on American
    politics, a census and a year's review in the SemEval store, and "cairo" seven pairs of
    different Egyptian stories).
    """
    if language not in UNCASED:
        return frozenset()
    return frozenset(latin_key(word) for mention in uncased_places(text, language, "")
                     for word in mention.text.split() if word[0].isupper() and word.lower() not in _NOT_KEYS)


def with_foreign_keys(signals: Signals) -> Signals:
    """The article as a text in another language meets it: its foreign keys among its keys."""
    if not signals.foreign_keys:
        return signals
    return replace(signals, keys=signals.keys | signals.foreign_keys, foreign_keys=frozenset())


def across_languages(out: np.ndarray, translated: np.ndarray) -> None:
    """The pairs of two languages take their features from `translated`, the same pairs' with the
    foreign keys among the keys (`Signals.foreign_keys`: evidence between languages only)."""
    cross = out[..., 1] == 1.0
    out[cross] = translated[cross]


_INFLECTED = frozenset({"pl", "ru", "uk"})


def _case_key(name: str, language: str | None, places: dict[str, str]) -> str:
    key = latin_key(name)
    if language not in _INFLECTED or key in places or key in _english_place_keys():
        return key
    from storyline.entities.ner_inflected import place_nominative

    nominative = place_nominative(name, language, _is_place_key)
    return latin_key(nominative) if nominative else key


def _is_place_key(name: str) -> bool:
    key = latin_key(name)
    return key in place_keys() or key in _english_place_keys()


@lru_cache(maxsize=1)
def _english_place_keys() -> frozenset[str]:
    """The keys of the countries' and big cities' English names."""
    from babel import Locale

    cities = {city for data in Locale("en").time_zones.values() if (city := dict(data).get("city"))}
    return frozenset(latin_key(name) for name in {*Locale("en").territories.values(), *cities})


@lru_cache(maxsize=1)
def place_keys() -> dict[str, str]:
    """{key of a country's or big city's one-word name in a news language: key of its one-word
    English name} (CLDR through babel: Niemcy, Deutschland, Германия -> germany; Rzym, Roma -> rome;
    Watykan -> vatican): a report and its translation, or two reports of one event in two
    languages, name the same places, and as keys those names had not met (latin_key alone makes
    Polska and Polen two keys, where it makes Europa and Europe one).

    Not a name two places of the lists share across languages (Argelia, Túnez), nor one shorter
    than four letters (Çad, Çin: a syllable of other names), nor CLDR's codes that are no country;
    nor a key that is the start of its English one (Turkish Somali, Czech's Czechia, Russian Банги:
    English prints "Somali", "Czech" and "Bang" as words of their own), nor an English place's own
    key (Russian Тунис, Tunisia, is English Tunis).
    """
    from babel import Locale

    from storyline.entities.countries import english_city, locales

    english = Locale("en").territories
    out: dict[str, str] = {}
    clashes = set(_english_place_keys())

    def add(name: str | None, english_name: str | None) -> None:
        if not name or not english_name or " " in name or " " in english_name:
            return
        key, target = latin_key(name), latin_key(english_name)
        if key == target or len(key) < 4 or target.startswith(key):
            return
        if out.setdefault(key, target) != target:
            clashes.add(key)

    for locale in locales():
        for code, name in locale.territories.items():
            if len(code) == 2 and code.isalpha() and code[0] not in "QXZ" and code in english:
                add(name, english[code])
        for data in locale.time_zones.values():
            city = dict(data).get("city")
            add(city, english_city(city, locale.language) if city else None)
    for key in clashes:
        out.pop(key, None)
    return out


def day_number(published: str | None) -> int | None:
    """Days since 1970-01-01 of an ISO date, or None."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal() - 719163
    except ValueError:
        return None


_LOWER_WORD = re.compile(r"\b[a-zà-öø-ÿа-яё]{3,}\b")
_LONG_WORD = re.compile(r"\b[^\W\d_]{4,}")


def title_for_keys(title: str | None, text: str) -> str:
    """The title with the words it capitalises only for being a headline put in lower case.

    A Title Case headline ("Chargers Defensive Tackle Faces DUI Charges") would make every word
    a name; as keys, "faces" and "charges" tie two same-kind events together. A word the body
    writes in lower case is no name; acronyms and words the body never writes lower-cased stay.
    """
    if not title:
        return ""
    words = _LONG_WORD.findall(title)
    if len(words) < 3 or sum(w[0].isupper() for w in words) < 0.6 * len(words):
        return title
    lower = set(_LOWER_WORD.findall(text))
    return " ".join(w if w.isupper() or w.lower() not in lower else w.lower() for w in title.split())


def article_signals(article_id: int, title: str | None, text: str, published: str | None,
                    language: str | None, vector: np.ndarray) -> Signals:
    title = title_for_keys(title, text)
    whole = f"{title}\n{text}"
    keys = extract_keys(whole, language)
    return Signals(
        article_id=article_id,
        vector=vector,
        keys=keys,
        lead_keys=extract_keys(f"{title}\n{text[:_LEAD_CHARS]}", language),
        day=day_number(published),
        language=language,
        foreign_keys=foreign_keys(whole, language) - keys,
    )


class KeyStats:
    """Document frequencies of keys, for IDF weights: a key shared by every article of a store
    (the outlet's own name, the year) says nothing; a rare one (a ship's name) says a lot."""

    def __init__(self, df: Counter[str] | None = None, n_docs: int = 0):
        self.df: Counter[str] = df if df is not None else Counter()
        self.n_docs = n_docs

    def add(self, keys: Iterable[str]) -> None:
        self.df.update(set(keys))
        self.n_docs += 1

    def idf(self, key: str) -> float:
        return math.log((self.n_docs + 1) / (self.df.get(key, 0) + 0.5))
