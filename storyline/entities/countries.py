"""Countries across languages: a place name in any of the big news languages as its ISO code.

Apart from `names` because it is a lookup table, not spelling logic; `names.country_code` re-exports it.
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache

# Languages whose country names are indexed (CLDR through babel, which trafilatura already installs).
COUNTRY_LANGUAGES = ("en", "fr", "de", "es", "it", "nl", "pt", "ru", "uk", "pl", "tr")
# Short and older forms news uses that CLDR does not list, as name keys.
_COUNTRY_ALIASES = {
    "us": "US", "u s": "US", "usa": "US", "u s a": "US", "united states of america": "US", "america": "US",
    "eeuu": "US", "ee uu": "US", "ssha": "US", "stany zjednoczone ameryki": "US", "uk": "GB", "u k": "GB",
    "britain": "GB",
    "great britain": "GB", "gran bretana": "GB", "gran bretagna": "GB", "grande bretagne": "GB",
    "grossbritannien": "GB", "groot brittannie": "GB", "gra bretanha": "GB", "turkey": "TR", "turkiye": "TR",
    "czech republic": "CZ", "ivory coast": "CI",
    "burma": "MM", "myanmar": "MM", "macedonia": "MK", "holland": "NL", "russian federation": "RU", "rf": "RU",
    "uae": "AE", "prc": "CN", "dprk": "KP", "krld": "KP", "palestine": "PS", "vatican": "VA", "bosnia": "BA",
    "bosnia and herzegovina": "BA", "drc": "CD", "dr congo": "CD", "democratic republic of the congo": "CD",
    "republic of korea": "KR", "korea": "KR", "swaziland": "SZ", "east timor": "TL", "cape verde": "CV",
}
# Forms a language's own news uses that CLDR does not list either: not English usage, so a form read
# out of the language's case may lean on them (`english_alias`): Polish "Korea Płn." and "Korei Płn."
_LOCAL_FORMS = {"korea pln": "KP", "korea pld": "KR"}
# Articles and prepositions glued to a country name in running text ("degli Stati Uniti").
_COUNTRY_LEADERS = frozenset("""
the la le les el los las il lo gli i l de het die der das des del della dello degli dei di da dal dalla van
in en nel nella negli au aux du
""".split())


def locales(languages: tuple[str, ...] = COUNTRY_LANGUAGES) -> list:
    """babel's `Locale` of each language this babel holds (a locale missing from it: the others still count)."""
    from babel import Locale

    out = []
    for lang in languages:
        try:
            out.append(Locale(lang))
        except Exception:
            continue
    return out


@lru_cache(maxsize=1)
def _country_index() -> dict[str, str]:
    from storyline.entities.names import name_key

    index: dict[str, str] = {}
    for locale in locales():
        for code, name in locale.territories.items():
            if len(code) == 2 and code.isalpha():
                for variant in {name, re.sub(r"\s*\(.*\)", "", name), name.replace("&", "and")}:
                    index.setdefault(name_key(variant), code)
    index.update(_COUNTRY_ALIASES)
    index.update(_LOCAL_FORMS)
    return index


def english_alias(text: str) -> bool:
    """Whether a name is a country's only by English news's usage ("Korea" for South Korea,
    "America"), which a form read out of another language's case must not lean on."""
    from storyline.entities.names import name_key

    return name_key(text) in _COUNTRY_ALIASES


@lru_cache(maxsize=256)
def country_name(code: str) -> str:
    """The English name of a country's ISO code ("US" -> "United States"), for a label a reader reads."""
    from babel import Locale

    return Locale("en").territories.get(code, code)


def country_code(text: str) -> str | None:
    """The ISO 3166 code of a country named in any of `COUNTRY_LANGUAGES` or their scripts
    (Estados Unidos, EEUU, Stati Uniti, Verenigde Staten, U.S. -> US; Россия -> RU), else None.

    Exact on the name key after leading articles (`degli Stati Uniti`). Ask it about mentions typed
    as places only: several countries share their name with people and things (Jordan, Chad,
    Israel, Turkey, China), and Georgia is also a US state. Inflected Russian forms (России) need
    the lemma natasha gives."""
    from storyline.entities.names import name_key

    words = name_key(text).split()
    while len(words) > 1 and words[0] in _COUNTRY_LEADERS:
        words = words[1:]
    return _country_index().get(" ".join(words)) if words else None


# Cities that are also common given names or surnames: a one-word person so named stays a person.
_CITY_PEOPLE = frozenset({"Darwin", "Davis", "Dawson", "Regina", "Stanley", "Palmer", "Knox", "Santiago",
                          "Sydney", "Sofia", "Kirov", "Phoenix", "Beulah", "Casey", "Marengo", "Norfolk"})


@lru_cache(maxsize=1)
def world_cities() -> frozenset[str]:
    """The cities the time-zone database is named after (Yerevan, Baku, Kyiv, Caracas ...; CLDR's
    list, shipped with babel): capitals and big cities, printed as news prints them, in English and
    as `COUNTRY_LANGUAGES` name them where they differ (Nueva York, Londra, Moskou, Bruselas)."""
    from babel.core import get_global

    names = {zone.split("/")[-1].replace("_", " ") for zone in get_global("zone_territories")
             if "/" in zone and not zone.startswith(("Etc/", "Antarctica/"))}
    for locale in locales():
        names.update(city for zone, data in locale.time_zones.items() if not zone.startswith(("Etc/", "Antarctica/"))
                     and (city := dict(data).get("city")))
    return frozenset(names - _CITY_PEOPLE)


def city_zone(name: str) -> str | None:
    """The time zone a big city of CLDR's lists is named in (its id: "Asia/Baghdad"), from its name in
    English or any of `COUNTRY_LANGUAGES` (Baghdad, Bagdad, Bagdád, Багдад), else None: one city's
    rows across languages meet on it, as a country's meet on its code, where the spellings are too
    close for `english_city` to rename (English news prints "Tirana" as often as CLDR's "Tirane")."""
    from storyline.entities.names import name_key

    return _city_zones().get(name_key(name))


@lru_cache(maxsize=1)
def _city_zones() -> dict[str, str]:
    from storyline.entities.names import name_key

    zones: dict[str, set[str]] = {}
    for locale in locales(("en", *COUNTRY_LANGUAGES)):
        for zone, data in locale.time_zones.items():
            city = dict(data).get("city")
            if zone.startswith(CONTINENT_ZONES) and city and city not in _CITY_PEOPLE and not _CITY_PUNCT.search(city):
                zones.setdefault(name_key(city), set()).add(zone)
    for zone in {z for found in zones.values() for z in found}:
        zones.setdefault(name_key(zone.split("/")[-1].replace("_", " ")), set()).add(zone)
    # (not a country's name: French "Mexico" is Mexico City, and a city-state is its country's code)
    return {key: next(iter(found)) for key, found in zones.items()
            if len(found) == 1 and len(key) >= 4 and key not in _country_index()}


# The states and provinces news abroad names most: the United States', Canada's, Australia's, in
# English and as the rule languages print those that differ ("della Virginia", "in Kalifornien",
# "w Teksasie" reads "Teksas"). Not those that are as often a person's name (Virginia Woolf,
# Georgia, Indiana Jones, Joe Montana, Denzel Washington, Victoria, Alberta): a country or city
# of those names still counts where the lists have it.
REGIONS = frozenset("""
Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Iowa|Kansas|
Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Nebraska|Nevada|
New Hampshire|New Jersey|New Mexico|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|
South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|West Virginia|Wisconsin|Wyoming|Ontario|Quebec|Québec|
Manitoba|Saskatchewan|Nova Scotia|New Brunswick|British Columbia|Queensland|New South Wales|Tasmania|
Nuevo México|Carolina del Norte|Carolina del Sur|Dakota del Norte|Dakota del Sur|Pensilvania|Luisiana|Misuri|
Misisipi|Nueva Jersey|Virginia Occidental|Hawái|Oregón|Míchigan|Carolina del Nord|Carolina del Sud|Nuovo Messico|
Californie|Floride|Louisiane|Pennsylvanie|Caroline du Nord|Caroline du Sud|Nouveau-Mexique|Virginie|
Virginie-Occidentale|Kalifornien|Pennsylvanien|Nord-Carolina|Süd-Carolina|Kalifornia|Floryda|Teksas|Pensylwania|
Luizjana|Karolina Północna|Karolina Południowa|Californië|Pennsylvanië|Noord-Carolina|Zuid-Carolina|Kaliforniya|
Pensilvanya
""".replace("\n", "").split("|"))


# The zones of the continents: the islands of the oceans' zones are too often words or parts of
# names (Arabic "ترك", left, is Truk; Chinese "威克", Wake, spells part of foreign names).
CONTINENT_ZONES = ("Africa/", "America/", "Asia/", "Australia/", "Europe/")


def english_city(name: str, lang: str | None) -> str | None:
    """The English name of a big city or a world region a text in `lang` prints in its own language,
    where the two differ beyond accents (Nueva York, Londra, Warschau, Pékin: New York, London,
    Warsaw, Beijing; Afrique, Osteuropa, Medio Oriente: Africa, Eastern Europe, Middle East), else
    None: a place's rows across languages meet on the English name, as a country's meet on its code
    (`country_code`) and a city printed in Chinese on its English name (`ner_uncased`)."""
    if not lang or lang == "en":
        return None
    return _city_names(lang).get(name) or _region_names().get(name)


# The world's regions CLDR names (not "the Americas": Italian news's "America" is the United States),
# and the Middle East, which CLDR has not, as the news of these languages prints it.
_REGION_CODES = ("002", "142", "150", "009", "419", "005", "013", "029", "151", "155", "039", "154", "030", "035",
                 "034", "143", "145", "015", "202", "011", "014", "017", "018")
_MIDDLE_EAST = ("Medio Oriente", "Oriente Medio", "Oriente Próximo", "Moyen-Orient", "Proche-Orient", "Nahost",
                "Naher Osten", "Nahen Osten", "Nahe Osten", "Midden-Oosten", "Bliski Wschód", "Bliskim Wschodzie",
                "Orta Doğu", "Ortadoğu", "Médio Oriente", "Oriente Médio", "Ближний Восток", "Ближнем Востоке")


@lru_cache(maxsize=1)
def _region_names() -> dict[str, str]:
    from storyline.entities.names import fold

    english = locales(("en",))[0].territories
    out = {name: "Middle East" for name in _MIDDLE_EAST}
    for locale in locales():
        for code in _REGION_CODES:
            name, en = locale.territories.get(code), english.get(code)
            if name and en and fold(name).lower() != fold(en).lower():
                out.setdefault(name, en)
    return out


@lru_cache(maxsize=16)
def _city_names(lang: str) -> dict[str, str]:
    from babel import Locale

    from storyline.entities.names import fold

    try:
        zones, english = Locale(lang).time_zones, Locale("en").time_zones
    except Exception:  # a locale missing from this babel: no names
        return {}
    shared = _shared_city_names()
    # A name English gives a place (Cuba, Mexico: the Turkish name of Juba, the French of Mexico City).
    english_places = set(Locale("en").territories.values()) | {dict(d).get("city") for d in english.values()}
    out: dict[str, str] = {}
    for zone, data in zones.items():
        # CLDR's English names the zone's city only where its name is not the zone's ("Kyiv" for Europe/Kiev)
        city, old = dict(data).get("city"), zone.split("/")[-1].replace("_", " ")
        en = dict(english.get(zone, {})).get("city") or old
        # Not a renamed city, which English prints both ways (Kiev and Kyiv, Calcutta and Kolkata),
        # nor a zone of a state's county ("Beulah, Dakota del Norte").
        if not city or fold(en) != fold(old) or not zone.startswith(CONTINENT_ZONES) or city in _CITY_PEOPLE \
                or city in _OTHER_NAMES or city in english_places \
                or _CITY_PUNCT.search(city) or fold(city).lower() == fold(en).lower():
            continue
        # Nor another spelling of the English name that other languages print too, as English news
        # may ("Tirana" for Tirane, "Macau" for Macao); "Nueva York" is Spanish alone.
        if shared[city] < 2 or SequenceMatcher(None, fold(city).lower(), fold(en).lower()).ratio() < 0.75:
            out[city] = en
    return out


@lru_cache(maxsize=1)
def _shared_city_names() -> Counter[str]:
    """How many of `COUNTRY_LANGUAGES` print each city name."""
    counts: Counter[str] = Counter()
    for locale in locales():
        counts.update({city for data in locale.time_zones.values() if (city := dict(data).get("city"))})
    return counts


_CITY_PUNCT = re.compile(r"[,()\[\]]")
# A city's name in one language that is a given name or another place's there: "Salvador" (Polish for
# Bahia's city), "Belén" (Spanish for Belém, and Bethlehem), "Dominique", "Grenade" (also Granada), "Guiana".
_OTHER_NAMES = frozenset({"Salvador", "Belén", "Dominique", "Grenade", "Guiana"})
