"""Keys for comparing mentions: the name as printed, an exact key, and a core key that ignores
what does not tell two referents apart.

The core key drops "the", possessives, legal forms (Chrysler LLC = Chrysler), place designators
(Republic of Armenia = Armenia), reorders "Ministry of Defense" into "Defense Ministry" and folds
collective nouns of a negotiating format (Minsk Troika = Minsk group). `Item` carries these keys
for one mention; `Group` is a set of mentions taken to be one entity so far. The small predicates
here (containment, spellings of one word, acronyms) are shared by both rounds of the resolver.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from storyline.clean.bylines import NAME_PARTICLES
from storyline.entities import names
from storyline.model import Mention

# Words that say what kind of place a name is, not which one ("Republic of Armenia" = Armenia).
PLACE_DESIGNATORS = frozenset("""
republic region province oblast krai okrug district autonomous city town village municipality county
prefecture governorate ssr
""".split())

# Words that change which place it is: "Korea" is neither "North Korea" nor "South Korea".
PLACE_QUALIFIERS = frozenset("""
north south east west northern southern eastern western new upper lower central greater little old latin baja
equatorial dr democratic
""".split())

# Nouns that make a name an organisation's; a place never contains one.
ORG_DESIGNATORS = frozenset(r"""
group troika council committee commission ministry party union agency office service bank fund court
parliament assembly alliance coalition front movement army forces navy federation association institute
university foundation corporation company department directorate government administration cabinet
""".split())

# Words that make a name a building, road or natural feature named after a town: "Hatay Airport".
FACILITY_WORDS = frozenset("""
airport station street square avenue road highway bridge dam stadium hospital school mosque church cathedral
palace hotel prison tower port harbour harbor river lake mountain mount sea gulf bay valley island islands
plant mine base camp park museum centre center market mall
""".split())

# Legal forms of a company say nothing about which company: "Chrysler LLC" is Chrysler.
LEGAL_FORMS = frozenset(
    "inc corp corporation co ltd llc plc sa ag gmbh nv bv spa srl oao ooo pjsc ojsc zao holding holdings".split())

# Words that join two names into a list: "GM, Ford and Chrysler" is three bodies, not one.
CONJUNCTIONS = frozenset("and or y e et und en ou o ed i и или".split())

# Collective nouns for a negotiating format: the "Minsk group" is the "Minsk Troika".
COLLECTIVES = {"group": "group", "troika": "group", "trio": "group", "quartet": "group", "quartette": "group",
               "format": "group", "contact": "group"}

# Pronouns by language: a mention is one only in its own language ("Essa", a Benghazi man in an
# English article, is no Italian "she"; nor is "Sue" a Dutch or Italian word there).
_PRONOUNS_BY_LANGUAGE = {
    "en": "he him his she her hers it its they them their theirs we us our i me my you your who whom which that "
          "this these those himself herself itself themselves",
    "es": "él ella ellos ellas lo la le les su sus suyo suya que quien quienes cual cuyo cuya se",
    "it": "lui lei loro esso essa essi suo sua suoi sue che cui il quale",
    "nl": "hij zij ze hem haar hun zijn die dat wie welke wat het",
    "fr": "il elle ils elles lui leur leurs son sa ses qui lequel",
    "de": "er sie es ihm ihr ihn ihnen sein seine",
}
PRONOUNS = frozenset(w for words in _PRONOUNS_BY_LANGUAGE.values() for w in words.split())
_ENGLISH_PRONOUNS = frozenset(_PRONOUNS_BY_LANGUAGE["en"].split())


def pronouns_of(language: str | None) -> frozenset[str]:
    """The pronouns a mention of this language may be: its own language's and English's (a
    translation leaves some), or every language's where the language is not known."""
    code = (language or "")[:2]
    if code == "en":
        return _ENGLISH_PRONOUNS
    own = _PRONOUNS_BY_LANGUAGE.get(code)
    return _ENGLISH_PRONOUNS | frozenset(own.split()) if own else PRONOUNS


# Words that open a surname of two words ("al-Obeidy", "Le Pen", "bin Laden", "Ben Ali").
SURNAME_PARTICLES = NAME_PARTICLES | {"ibn", "abu", "ben", "di", "del", "della", "ter", "ten", "st"}


@dataclass
class Item:
    """A mention with the keys resolution compares."""

    m: Mention
    doc: str
    name: str
    key: str
    core: str
    toks: tuple[str, ...]
    is_name: bool
    # The words of the name a shorter name may stand for: not a complement after "of" ("Bank of
    # America" is no "America"), not an owner before "'s" ("Apple's iTunes Store" is no "Apple").
    inner: tuple[str, ...] = ()


@dataclass
class Group:
    """Mentions taken to be one entity so far."""

    items: list[Item] = field(default_factory=list)
    docs: set[str] = field(default_factory=set)
    # Groups of its own article its article's reading found it is not (`short_forms._named_before`):
    # no later round may join them.
    apart_from: list[Group] = field(default_factory=list, repr=False, compare=False)
    # Items only ever grow, so their number stamps a cached answer.
    _memo: dict = field(default_factory=dict, repr=False, compare=False)

    def _cached(self, name: str, fn):
        key = (name, len(self.items))
        hit = self._memo.get(key)
        if hit is None:
            hit = self._memo[key] = fn()
        return hit

    def core_keys(self) -> set[str]:
        # Names only, or a nominal for a group of nominals: "the company" attached to Apple in one
        # article and to Cisco in another must not tie Apple to Cisco.
        def compute() -> set[str]:
            named = {it.core for it in self.items if it.core and it.is_name}
            return named or {it.core for it in self.items if it.core}

        return self._cached("keys", compute)

    def labels(self) -> Counter:
        return self._cached("labels", lambda: Counter(it.m.type for it in self.items))

    def label(self) -> str | None:
        """The type most of its mentions were given (the first given, on a tie)."""
        return self.labels().most_common(1)[0][0]

    def full_names(self) -> list[tuple[str, ...]]:
        """Multi-word names typed PERSON (the anchors of a person)."""
        def compute() -> list[tuple[str, ...]]:
            seen = {}
            for it in self.items:
                if it.m.type == "PERSON" and len(it.toks) >= 2 and it.is_name:
                    seen.setdefault(it.toks, None)
            return list(seen)

        return self._cached("full", compute)

    def roles(self) -> list[str]:
        return self._cached("roles", lambda: [it.m.role for it in self.items if it.m.role])

_WORD = re.compile(r"\b[a-zà-öø-ÿ][\w'’-]*")


def lower_words(texts: Mapping[str, str] | None) -> set[str]:
    """Words the story prints in lower case somewhere: common words, not names."""
    out: set[str] = set()
    for text in (texts or {}).values():
        out.update(_WORD.findall(text))
    return out

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")

_LEADING = re.compile(r"^(?:the|a|an)\s+", re.I)

_OF_ORG = re.compile(r"^(.*?)\b(ministry|department|directorate|office|commissariat)\s+of\s+(?:the\s+)?(.+)$")


@lru_cache(maxsize=8192)
def name_keys(text: str) -> tuple[str, str, str]:
    """(display name, exact key, core key) of a printed name."""
    name = text.strip().strip("\"'“”‘’«»„ ")
    name = _LEADING.sub("", name)
    name = _POSSESSIVE.sub("", name).strip()
    key = names.name_key(name)
    core = key
    m = _OF_ORG.match(core)
    if m:  # Ministry of Defense = Defense Ministry; Ministry of Foreign Affairs = Foreign Ministry
        core = f"{m.group(1)}{m.group(3)} {m.group(2)}"
    toks = [t for t in core.split() if t not in ("of", "the", "affairs")]
    toks = _short_countries(toks)
    toks = [COLLECTIVES.get(t, t) for t in toks]
    stripped = [t for t in toks if t not in PLACE_DESIGNATORS and t not in LEGAL_FORMS]
    if stripped and not _city_named_after_country(toks):
        toks = stripped
    if len(toks) >= 2 and any(t in _BODY_WORDS for t in toks):
        # A ministry's words come in any order in translation ("Foreign Ministry of Estoria",
        # "Estorian Foreign Ministry"): compare them as a set, the country as its name.
        toks = sorted(_country_of(t) for t in toks)
    return name, key, " ".join(toks)


def _city_named_after_country(toks: list[str]) -> bool:
    """"Mexico City", "Kuwait City", "Panama City": a capital named after its country is not the
    country, as "Moscow city" is Moscow (a swine-flu story made Mexico and Mexico City one place)."""
    if len(toks) < 2 or toks[-1] != "city":
        return False
    return names.country_code(" ".join(toks[:-1])) is not None


_COUNTRY_SHORT = {("u", "s"): "us", ("united", "states"): "us", ("u", "k"): "uk", ("united", "kingdom"): "uk"}


def _short_countries(toks: list[str]) -> list[str]:
    """Inside a longer name a country reads as its short form: the US Geological Survey, the U.S.
    Geological Survey and the United States Geological Survey are one body."""
    if len(toks) < 3:
        return toks
    out: list[str] = []
    i = 0
    while i < len(toks):
        pair = tuple(toks[i:i + 2])
        if pair in _COUNTRY_SHORT:
            out.append(_COUNTRY_SHORT[pair])
            i += 2
        else:
            out.append(toks[i])
            i += 1
    return out if len(out) >= 2 else toks


_BODY_WORDS = frozenset("ministry ministries department directorate office commissariat council committee".split())


def _country_of(word: str) -> str:
    """Estorian -> estoria, Azerbaijani -> azerbaijan: a nationality adjective as its country."""
    if len(word) > 5 and word.endswith("ian"):
        return word[:-1]
    if len(word) > 6 and word.endswith("ani"):
        return word[:-1]
    return word

_PREP_SPLIT = re.compile(r"\s+(?:of|de|del|dei|degli|della|delle|di|da|van|von|du|des|für|pour|at|in|for)\s+", re.I)

_POSS_SPLIT = re.compile(r"\s*['’]s\b\s*|(?<=s)\s*['’]\s+")


@lru_cache(maxsize=8192)
def inner_words(name: str, core: str) -> tuple[str, ...]:
    if _OF_ORG.match(names.name_key(name)):
        return tuple(core.split())
    part = _POSS_SPLIT.split(name)[-1]
    head = _PREP_SPLIT.split(part, maxsplit=1)[0]
    if head == name:
        return tuple(core.split())
    return tuple(name_keys(head)[2].split())


# A space after the article, or an apostrophe: "IBM" is no "I BM", "DEUTSCHE" no "DE UTSCHE".
_FOREIGN_ARTICLE = re.compile(
    r"^(?:(?i:el|la|los|las|il|lo|gli|i|le|les|de|het|der|die|das|den|dem)\s+|(?i:l)['’]\s*)(?=[A-Z0-9])")


def make_item(m: Mention, vocab: set[str]) -> Item:
    text = m.text.strip()
    if (m.language or "en")[:2] != "en":
        # "El Nikkei", "De UAW", "L'UAW": an article before a name, in the languages that print one.
        text = _FOREIGN_ARTICLE.sub("", text) or text
    if "," in text:
        head, rest = text.split(",", 1)
        if head.strip() and not any(w.lower() in CONJUNCTIONS for w in rest.split()) and "," not in rest.strip(" ,"):
            # "Eric Allen Kirkpatrick, 61", "Louis Gallois, CEO of Airbus": the name before its
            # apposition. A list ("GM, Ford and Chrysler") stays whole, and no name.
            text = head
    name, key, core = name_keys(text)
    words = name.split()
    first = words[0] if words else ""
    while len(words) > 1 and first.lower() in DETERMINERS:
        words = words[1:]
        first = words[0]
    # An acronym is a name even where its letters spell a pronoun or a word (the US, not "us").
    acronym = is_acronym(name)
    pronouns = pronouns_of(m.language)
    is_name = bool(first[:1].isupper() or (first[:1] and not first[:1].isalpha())) and (key not in pronouns
                                                                                         or acronym)
    # "Stock markets worldwide" opening a sentence is no name: its first word is printed in lower
    # case elsewhere and nothing else in it is capitalised. Persons keep theirs ("Jobs said").
    if is_name and m.type != "PERSON" and first.lower() in vocab and not acronym and \
            not any(w[:1].isupper() for w in words[1:]):
        is_name = False
    if "," in name:
        is_name = False  # a list: never a name key of its own
    if not is_name:  # a nominal or a pronoun among gold mentions: compare by head word only
        head = head_word(key.split(), m.language)
        core = "" if head in pronouns or not head else f"~{head}"
    listing = any(w.lower() in CONJUNCTIONS for w in name.split()[1:-1])
    return Item(m=m, doc=m.source, name=name, key=key, core=core, toks=tuple(core.split()), is_name=is_name,
                 inner=inner_words(name, core) if is_name and not listing else ())

# Articles and determiners that open a noun phrase, in the languages the fallback reads.
DETERMINERS = frozenset("""
the a an this that these those its his her their our my your some any all both each every
el la los las un una unos unas este esta estos estas ese esa esos esas su sus del al
il lo i gli le l' un uno una questo questa questi queste quel quella dell della dello degli delle
de het een deze dit die dat zijn haar hun le la les un une des ce cette ces du der die das ein eine
""".split())

_BREAK = frozenset("of in on at for with from by to as that which who whose de del en con por para que di da "
                   "per su che cui van op met voor door uit dat die".split())

_HEAD_FIRST = ("es", "it", "fr", "pt")


def head_word(words: list[str], language: str | None) -> str:
    """The head noun of a description by word order: first after determiners in Romance languages,
    else the last before a preposition or relative."""
    words = [w for w in words if w]
    while len(words) > 1 and words[0] in DETERMINERS:
        words = words[1:]
    if not words:
        return ""
    if (language or "en")[:2] in _HEAD_FIRST:
        return words[0]
    for i, w in enumerate(words):
        if i > 0 and w in _BREAK:
            return words[i - 1]
    return words[-1]


def is_acronym(name: str) -> bool:
    letters = name.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def labels_meet(a: Group, *others: Group) -> bool:
    """Some mention of each was typed alike: "Washington" (a place) is not inside the "Washington Post"."""
    la = set(a.labels())
    lb = {t for o in others for t in o.labels()}
    return bool(la & lb) or not (la - {""}) or not (lb - {""})


# What a body's name may drop and still name that body, where both names are a body's ("the
# Treasury" / "Treasury Department", "Barclays" / "Barclays Bank", "Labour" / "Labour Party").
# Not a committee, council or court of a body, nor a leader's administration or forces.
SAME_BODY_WORDS = frozenset("""
department ministry office agency service bank institute university corporation company group
party association federation alliance coalition movement college brothers airways airlines
""".split()) | LEGAL_FORMS


@lru_cache(maxsize=65536)
def contains(long: tuple[str, ...], short: tuple[str, ...], bodies: bool = False) -> bool:
    """`short` is a run of `long`, and what `long` adds does not make it another place or body.
    Between two bodies' names (`bodies`), a short form without the long one's designator names
    it too ("Treasury" / "Treasury Department"); not one without a word of its name ("Exxon" /
    "Exxon Valdez", "Reuters" / "Reuters Life", "Misrata" / "Misrata Shelling" in a headline)."""
    n, k = len(long), len(short)
    if k >= n or k == 0:
        return False
    for i in range(n - k + 1):
        if long[i:i + k] == short:
            extra = long[:i] + long[i + k:]
            if any(t in PLACE_QUALIFIERS or t in FACILITY_WORDS for t in extra):
                return False
            if bodies and all(t in SAME_BODY_WORDS for t in extra):
                return True
            if i == 0 and not any(t in ORG_DESIGNATORS for t in long):
                # A plain name with words after it is something named after it: the town Kolmar
                # is not the Kolmar Chemical Works nor the Kolmar Gazette; words before a name
                # qualify it (Nagorno-Karabakh, Russian Foreign Ministry).
                return False
            return not (any(t in ORG_DESIGNATORS for t in extra) and not any(t in ORG_DESIGNATORS for t in short))
    return False


@lru_cache(maxsize=65536)
def consonants(word: str) -> str:
    """First letter and the consonants after it, transliteration folded: Tobarine, Tabarin -> tbrn."""
    sk = names.skeleton(word)
    if len(sk) > 1 and sk[-1] in "aeiouy":
        sk = sk[:-1]
    return sk[:1] + "".join(c for c in sk[1:] if c not in "aeiouy")


@lru_cache(maxsize=65536)
def same_word(a: str, b: str) -> bool:
    if a != b and gendered(a, b):
        return False
    return a == b or names.same_person_name(a, b) or (len(a) >= 5 and names.name_similarity(a, b) >= 0.85
                                                      and names.skeleton(a)[:1] == names.skeleton(b)[:1])


def gendered(a: str, b: str) -> bool:
    """Ivanov / Ivanova, Aliyev / Aliyeva, Novak / Novakova, Lisovsky / Lisovskaya (Lissovski /
    Lisovskaya in translation), Tolstoy / Tolstaya: two people of one family, not two spellings."""
    short, long = sorted((a, b), key=len)
    if long.startswith(short) and long[len(short):] in ("a", "aya", "ova", "eva", "ina", "ska", "cka"):
        return True
    return _adjectival_pair(a, b) or _adjectival_pair(b, a)


# Masculine and feminine endings of adjectival surnames (Russian, Polish, Czech).
_ADJECTIVAL = (("skiy", "skaya"), ("skii", "skaya"), ("sky", "skaya"), ("ski", "skaya"), ("ski", "ska"),
               ("sky", "ska"), ("ský", "ská"), ("ckiy", "ckaya"), ("cki", "cka"), ("oy", "aya"), ("iy", "aya"),
               ("yi", "aya"), ("ий", "ая"), ("ой", "ая"), ("ый", "ая"))


def _adjectival_pair(male: str, female: str) -> bool:
    for m, f in _ADJECTIVAL:
        if male.endswith(m) and female.endswith(f):
            x, y = male[:-len(m)], female[:-len(f)]
            if len(x) >= 3 and len(y) >= 3 and names.skeleton(x) == names.skeleton(y):
                return True
    return False


def is_nationality(word: str) -> bool:
    return word.endswith(("ian", "ish", "ese", "ani", "ean")) or word in ("us", "uk", "eu", "un", "american", "russian")


@lru_cache(maxsize=65536)
def abbreviates(short: str, long: str) -> bool:
    if long[:1].upper() != short[:1]:
        return False
    if names.is_abbreviation(short, long):
        return True
    # Capitals kept whole: "US Geological Survey" -> USGS.
    words = re.findall(r"[^\W\d_]+", long)
    if words and names.spells_no_article(short, words[0]):
        words = words[1:]
    letters = "".join(w if w.isupper() else w[:1] for w in words if w[:1].isupper())
    return letters == short.replace(".", "")


@lru_cache(maxsize=8192)
def is_latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isascii() or "LATIN" in _uname(c) for c in letters)


@lru_cache(maxsize=4096)
def _uname(c: str) -> str:
    import unicodedata

    return unicodedata.name(c, "")
