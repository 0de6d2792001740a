"""Places by the words that name them, for the capitalised-word rules (`ner_rules`): a country,
a world city or a state abroad, the words a place's name opens or ends on, and the runs a
flattened page made of a place and the name after it."""

from __future__ import annotations

import re

from storyline.entities import ner_inflected
from storyline.entities.countries import REGIONS, country_code, english_alias, world_cities
from storyline.entities.rule_words import SURNAMES_FIRST

PLACE_OPENERS = frozenset("""
san santa santo são sant saint st puerto porto port ciudad città cidade villa vila costa monte nueva nuevo
nova novo bahía baia isla isola cabo capo playa punta rio río santiago la las los el le
""".split())
PLACE_ENDERS = frozenset("""
street avenue road square park beach bay valley city county hills heights springs falls island islands airport
point creek grove ridge canyon
station harbor harbour port bridge center centre occidental oriental occidentale orientale blvd
""".split())


# What a street's, a square's, a palace's, a station's, a church's, a stadium's or a bridge's name
# opens on in the Romance languages ("Avenida Miguel Hidalgo", "Piazza Navona", "Basilica di San
# Pietro": no person, no body).
PLACE_HEADS = re.compile(
    r"^(?:avenida|calle|plaza|paseo|carretera|palacio|aeropuerto|estación|barrio|rue|boulevard|palais|"
    r"aéroport|gare|via|viale|piazza|piazzale|corso|palazzo|aeroporto|stazione|basilica|basílica|basilique|"
    r"catedral|cattedrale|cathédrale|iglesia|chiesa|église|castillo|castello|château|estadio|stadio|stade|"
    r"puente|ponte|pont|ciudad|città|parque|parco|parc|punta|puerto|stadion)\s", re.I)
# The nouns of seas, coasts, mountains and regions that a name of a place holds in the languages the
# rules read ("Oceano Atlantico" and "Medio Oriente" had been people).
GEO_WORDS = re.compile(
    r"\b(?:oc[eé]an[oe]?|oceaan|oz[eé]an|mar|mare|mer|meer|zee|golf[oe]?|gulf|bah[ií]a|baia|baie|bucht|"
    r"estrecho|stretto|détroit|straat|isla|islas|isola|isole|[iî]le|[iî]les|eiland(?:en)?|insel(?:n)?|"
    r"r[ií]o|fiume|fleuve|rivier|fluss|lago|lac|monte|montes|monti|mont|monts|gebergte|gebirge|sierra|"
    r"cordillera|desierto|deserto|désert|woestijn|wüste|pen[ií]nsula|penisola|péninsule|schiereiland|"
    r"oriente|orient|oosten|osten|occidente|westen|"
    r"(?<=\w\s)zon[ae]|zon[ae](?=\s\w))(?![\w-])", re.IGNORECASE)  # not "Mar-08", a month; "Grüne Zone", no "Zone"


# A saint's or a fort's word opening a two- or three-word name: a town's in the news (San Francisco,
# Santa Monica, St. Louis, Fort Worth), where "Francisco" and "Monica" alone would make a person.
# Their abbreviations, printed with a full stop that ends no sentence ("St. Louis", "Ft. Worth").
SAINT_ABBREVIATIONS = ("St", "Ste", "Mt", "Ft")
SAINT_OPENERS = frozenset("san santa são saint sainte fort".split()) | {a.lower() for a in SAINT_ABBREVIATIONS}


def saint_named(words: list[str]) -> bool:
    return 2 <= len(words) <= 3 and words[0].lower().rstrip(".") in SAINT_OPENERS


def is_place_word(word: str) -> bool:
    return bool(country_code(word)) or word in world_cities() or word in REGIONS


def listed_place(name: str) -> bool:
    """A place by the lists alone, not by English news's usage: what a Polish case's reading may be
    ("Korei" is North Korea's as often as the South's, and "Korea" is the South's only in English)."""
    return is_place_word(name) and not english_alias(name)


def leading_place(words: list[str], lang: str | None = None) -> int:
    """How many of the run's first words name a place of two or three words with more after it
    (0: none). One word is not enough: "Jordan", "Georgia", "Paris" and "Florence" are given names
    too, and a country of one word before a name is its lead (`_name_after_lead`)."""
    if is_place_word(" ".join(words)) or words[-1].lower() in PLACE_ENDERS:
        return 0  # the whole run is the place: "New York City", "Stany Zjednoczone Ameryki"
    for k in (3, 2):
        if len(words) > k and (is_place_word(" ".join(words[:k])) or (
                lang == "pl" and ner_inflected.polish_place(" ".join(words[:k]), listed_place))):
            return k  # (in a Polish case too: "sekretarz obrony Stanów Zjednoczonych Mark Esper")
    return 2 if len(words) > 2 and saint_named(words[:2]) and words[2][:1].isupper() else 0  # "St. Joseph Michael"


def team_named(words: list[str], lead: int) -> bool:
    """A team, in the English its fans print, or a race or a firm named after a state: a place of
    two or three words before one plural ("i Los Angeles Dodgers", "los New York Islanders"), or
    a state before one word ("i Minnesota Wild", "il Kentucky Derby"; not "Kansas City")."""
    last = words[-1]
    if lead and len(words) == lead + 1:
        return last.endswith("s") and last[1:].islower()
    return len(words) == 2 and words[0] in REGIONS and last[1:].islower() and last.lower() not in PLACE_ENDERS


def first_word_names(words: list[str]) -> bool:
    """A sentence's short or function first word that is part of the name: an East Asian family
    name ("Kim Dzong Un powiedział", "Kim Jong-un said": three words, or a hyphenated given name
    after it, since "Ma Renzi" is Italian "But Renzi"), or a place's article ("Los Angeles Lakers
    ganaron", "Las Vegas") or saint ("St. Louis è"), where a short capitalised word there is mostly
    no name ("Und", "Los")."""
    if words[0] in SURNAMES_FIRST:
        return len(words) >= 3 or "-" in words[1]
    # (the country list reads "In Kasachstan", "La France" as the country: there the article goes)
    return (words[0].endswith(".") and saint_named(words[:2])) or any(
        len(words) >= k and is_place_word(" ".join(words[:k])) and not is_place_word(" ".join(words[1:k]))
        for k in (2, 3))


# A place's noun in lower case and "of" before a name, or before a list of names that it ends ("las
# provincias de Nghe An, Thanh Hoa y Quang Ninh", "la région de Kidal", "il comune di Codogno").
_CAPITALISED = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]*(?:[ \t]+[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]*){0,3}"
_PLACE_NOUN_BEFORE = re.compile(
    r"\b(?:provincias?|provincie|provinces?|provinz|prowincj\w*|regi[oó]n(?:es)?|regione|regioni|régions?|"
    r"municipios?|comunes?|distritos?|districts?|condados?|comarcas?|cantón|cantons?|estados?|"
    r"ciudad(?:es)?|città|villes?|localidad(?:es)?|islas?|île|isol[ae])"
    rf"[ \t]+(?:de(?:[ \t]+la)?|del|di|della|du|d['’]|of)[ \t]*(?P<list>(?:{_CAPITALISED}[ \t]*,[ \t]*)*"
    rf"(?:{_CAPITALISED}[ \t]+(?P<last>y|e|et|i|and|und|o|ou|or)[ \t]+)?)$")
_LIST_GOES_ON = re.compile(r"[ \t]*(?:,|(?:y|e|et|i|and|und|o|ou|or)[ \t])")


def in_place_list(text: str, start: int, end: int) -> bool:
    """Whether the name at `start` is the first of a place noun's names, the last after its "and", or
    one between that the list goes on after ("el municipio de Chilapa, Guerrero, Adrián LeBarón
    afirmó": Chilapa and the state Guerrero, not the man after them)."""
    m = _PLACE_NOUN_BEFORE.search(text, max(0, start - 120), start)
    return m is not None and (not m.group("list") or m.group("last") is not None
                              or _LIST_GOES_ON.match(text, end) is not None)
