"""Where sources disagree about a person: the office each gives them, and how each spells their
name (`discrepancies` sets out the other kinds and gathers all).

- **roles**: a person given two different offices ("Prime Minister" by three sources,
  "President" by one). Only offices compare; descriptions ("former head of ...") do not. Offices
  one person often holds together (a company's president, CEO and chairman) are "compatible".
- **names**: one person whose surname is written differently; "transliteration" when each
  language's sources write it by that language's convention (German Chamenei, English Khamenei:
  no source is wrong), "spelling" when sources differ otherwise but the forms are transliterations
  of each other, "garbled" when they are not (machine translation mangled it and the resolver tied
  them through other evidence).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from storyline.claims import sentences
from storyline.claims_events import another_years
from storyline.entities.names import is_short_form
from storyline.entities.offices import english_office
from storyline.model import Article, Discrepancy, DiscrepancyValue, Entity, Mention

# Offices that a person holds one at a time in news copy; longer names first so "prime minister"
# is not read as "minister". A role names an office when it ends in one ("Armenian Prime Minister")
# or begins with one followed by "of" ("President of Russia"); "press secretary of the President"
# names a press secretary.
OFFICES = (
    "deputy prime minister", "prime minister", "vice president", "president", "chancellor",
    "foreign minister", "defence minister", "defense minister", "interior minister", "finance minister",
    "minister", "secretary of state", "secretary-general", "secretary general", "press secretary",
    "spokesperson", "spokesman", "spokeswoman", "ambassador", "governor", "mayor", "king", "queen",
    "emir", "crown prince", "speaker", "senator", "general", "commander", "chief of staff", "judge",
    "prosecutor general", "attorney general", "state prosecutor", "chief prosecutor", "public prosecutor",
    "prosecutor", "ceo", "chairman", "chairwoman",
)
_OFFICE_AT_END = re.compile(r"(?:^|\s)(" + "|".join(re.escape(o) for o in OFFICES) + r")$", re.I)
_OFFICE_AT_START = re.compile(r"^(?:the\s+)?(" + "|".join(re.escape(o) for o in OFFICES) + r")\b", re.I)
# One office in two words: a gendered form or a spelling is no disagreement about the post.
_SAME_OFFICE = {"spokesman": "spokesperson", "spokeswoman": "spokesperson", "chairwoman": "chairman",
                "defense minister": "defence minister", "secretary-general": "secretary general"}
_FORMER = re.compile(r"\b(?:former|ex-|then|retired|late|acting|interim)\b", re.I)


def _role_head(role: str, lang: str = "") -> tuple[str, str] | None:
    """The role as one line and the part of it before its "of" ("President" of "President of the
    republic"), or None for no role or a former post. A role in another language is read as the
    English office it names (`entities.offices`: "ministro de Exteriores" is a Foreign Minister)."""
    if lang and lang != "en":
        english = english_office(role)
        if english == "former":
            return None
        role = english or role
    role = " ".join(role.split()).strip(" ,.")
    if not role or _FORMER.search(role):
        return None
    return role, re.split(r"\s+(?:of|for|at|to)\s+", role, maxsplit=1)[0]


def office(role: str, lang: str = "") -> str | None:
    """The office a role string names, in title case, or None for descriptions and former posts."""
    parts = _role_head(role, lang)
    if parts is None:
        return None
    role, head = parts
    match = _OFFICE_AT_START.match(head) if head != role else None
    match = match or _OFFICE_AT_END.search(head)
    if not match:
        return None
    found = _SAME_OFFICE.get(match.group(1).lower(), match.group(1))
    if found.isupper() and " " in found:
        found = found.lower()  # "FOREIGN MINISTER" in a headline's capitals: the office, not an acronym
    return " ".join(w if w.isupper() and len(w) > 1 else w.capitalize() for w in found.split())


_OFFICE_ANYWHERE = re.compile(r"\b(" + "|".join(re.escape(o) for o in OFFICES) + r")\b", re.I)


def _offices(role: str, lang: str = "") -> set[str]:
    """Every office a role string names before its "of" ("navy spokesman Commander": a spokesperson
    and a commander), as `office` spells them."""
    parts = _role_head(role, lang)
    if parts is None:
        return set()
    return {office(m.group(1)) or m.group(1) for m in _OFFICE_ANYWHERE.finditer(parts[1])}


def role_discrepancies(entities: list[Entity], held_then: Callable[[Mention], bool] = lambda m: False
                       ) -> list[Discrepancy]:
    """Offices sources give one person differently. A source that names two ("navy spokesman
    Commander Nirad Sinha": his post and his rank) disagrees with no source giving either, and an
    office `held_then` says was held in other years ("Back in 2007, Senator Obama told ...") is
    none a source gives the person now."""
    out = []
    for entity in entities:
        if entity.type != "PERSON":
            continue
        sources_by_office: dict[str, set[str]] = defaultdict(set)
        held: dict[str, set[str]] = defaultdict(set)  # source -> every office it names
        for mention in entity.mentions:
            title = office(mention.role or "", mention.language or "")
            if title and held_then(mention):
                continue
            if title:
                sources_by_office[title].add(mention.source)
                held[mention.source] |= _offices(mention.role or "", mention.language or "") | {title}
        if len(sources_by_office) < 2:
            continue
        named = list(held)
        if all(_offices_meet(held[a], held[b]) for i, a in enumerate(named) for b in named[i + 1:]):
            continue
        values = [DiscrepancyValue(value=title, sources=sorted(srcs))
                  for title, srcs in sorted(sources_by_office.items(), key=lambda kv: -len(kv[1]))]
        nature = "compatible" if set(sources_by_office) <= _ONE_PERSONS_OFFICES else "conflict"
        out.append(Discrepancy(kind="role", subject=entity.name, values=values, nature=nature))
    return out


# A year the sentence is set in ("Back in 2007", "in 2007", "during 2007"); "since 2021" reaches now.
_BACK_IN = re.compile(r"\b(?:[Ii]n|[Dd]uring)\s+((?:19|20)\d\d)\b")


def held_in_other_years(articles: Iterable[Article]) -> Callable[[Mention], bool]:
    """Whether a mention's sentence is set in an earlier year than its article's ("in 2007") and
    names not the article's: the office printed there is the one the person held then (the sentence
    of a 2011 article that begins "Back in 2007, Senator Obama told the Boston Globe"), as the
    story's background; "who has led the region since 2021" is still the office now. An undated
    article is taken to be of the year most of the story's dated ones are."""
    articles = list(articles)
    years = Counter(int(a.published[:4]) for a in articles if a.published and a.published[:4].isdigit())
    usual = years.most_common(1)[0][0] if years else None
    dated = {a.source: (a.text, int(a.published[:4]) if a.published and a.published[:4].isdigit() else usual)
             for a in articles}
    split: dict[str, list[tuple[int, str]]] = {}  # an article's sentences, read once

    def then(mention: Mention) -> bool:
        text, year = dated.get(mention.source, ("", None))
        if year is None or mention.start < 0:
            return False
        if mention.source not in split:
            split[mention.source] = sentences(text)
        sentence = next((s for at, s in reversed(split[mention.source]) if at <= mention.start), "")
        back = [int(y) for y in _BACK_IN.findall(sentence)]
        return bool(back) and max(back) < year and another_years(sentence, year)

    return then


def _offices_meet(a: set[str], b: set[str]) -> bool:
    """Two sources' offices for one person agree somewhere: one is the same, or one is the other
    said more fully ("Minister" and "Finance Minister", "Prosecutor" and "Chief Prosecutor")."""
    return any(x == y or x.endswith(" " + y) or y.endswith(" " + x) or {x, y} in _HELD_TOGETHER
               for x in map(str.lower, a) for y in map(str.lower, b))


# Two offices one person holds at once: a government's spokesperson is its press secretary, and a
# senator chairs a committee ("Senate Foreign Relations Committee Chairman John Kerry").
_HELD_TOGETHER = [{"press secretary", "spokesperson"}, {"senator", "chairman"},
                  # one post, which countries' English names either way (Israel's, Russia's)
                  {"attorney general", "prosecutor general"}]
# Offices one person often holds at once, though neither is the other: a company's president,
# chief executive and chairman ("Transocean Ltd. president Steven Newman" in one source, "CEO
# Steven Newman" in five). Sources naming one each are listed as "compatible", not a "conflict":
# either may be right, and only a reader can tell whether one left a title out.
_ONE_PERSONS_OFFICES = frozenset({"President", "CEO", "Chairman"})


def name_discrepancies(entities: list[Entity]) -> list[Discrepancy]:
    """Names written differently across sources, as printed. A change of script is no difference (a
    Cyrillic form joins the Latin form it transliterates to), nor is a bare surname or first name
    (it joins the full name it belongs to)."""
    from storyline.entities.keys import is_latin
    from storyline.entities.names import name_key, name_similarity, skeleton, to_latin
    from storyline.entities.ner_uncased import UNCASED

    out = []
    places = {m.text for e in entities if e.type == "PLACE" for m in e.mentions}
    for entity in entities:
        if entity.type != "PERSON":
            continue
        forms: dict[str, tuple[str, set[str]]] = {}  # key of the full name -> (as printed, sources)
        later: list[tuple[str, str]] = []  # other scripts and single words, placed once full forms are known
        for mention in entity.mentions:
            if mention.printed and mention.language in UNCASED:
                continue  # 卡西姆·苏莱曼尼 is our reading of Kassem or Qassim: the page printed neither
            text = _REGNAL.sub("", _STYLE.sub("", re.sub(r"['’]s$", "", mention.text.strip(" .,;:"))))
            key = name_key(text)
            if not key or _NO_PERSONS_NAME.search(text) or (" " not in text and text in places) or \
                    _STYLE_ALONE.fullmatch(text):  # "Pope" alone: his style, no spelling of his name
                continue  # a city the resolver tied to a like-sounding surname ("Misrata", "Mislat")
            if len(key.split()) == 1 or not is_latin(text):  # "Rafał" is Latin: its full form, not another script's
                later.append((text, mention.source))
            else:
                forms.setdefault(key, (text, set()))[1].add(mention.source)

        def blind(key: str) -> tuple[str, ...]:
            return tuple(skeleton(word) for word in key.split())

        # a single word after the full forms other scripts print, whatever order the mentions came in
        for text, source in sorted(later, key=lambda later_one: len(name_key(later_one[0]).split()) == 1):
            key = name_key(text)
            words = key.split()
            if len(words) == 1:
                # a surname in the plural names the family ("the Askhams"), no other spelling of it
                # and a name's initials in capitals name the man ("FDR", "JFK")
                home = [k for k in forms if words[0] in (k.split()[0], k.split()[-1], k.split()[-1] + "s")
                        or (text.isupper() and len(k.split()) > 1 and words[0] == "".join(w[0] for w in k.split()))]
            else:
                home = [k for k in forms if blind(k) == blind(key)]
            if home:
                forms[max(home, key=lambda k: len(forms[k][1]))][1].add(source)
            else:
                forms.setdefault(key, (text, set()))[1].add(source)
        _fold_longer_spans(forms)
        _fold_middle_words(forms)
        if len(forms) < 2 or not _sources_disagree(forms):
            continue  # a source's two spellings are its own slip, or a tagger's; between sources they differ
        if _translated_given_name(forms, {m.source: m.language for m in entity.mentions if m.language}):
            continue
        last = [to_latin(form).split()[-1] for form, _ in forms.values()]
        garbled = any(name_similarity(a, b) < 0.8 for i, a in enumerate(last) for b in last[i + 1:])
        values = [DiscrepancyValue(value=form, sources=sorted(srcs))
                  for form, srcs in sorted(forms.values(), key=lambda v: (-len(v[1]), v[0]))]
        nature = "garbled" if garbled else "spelling"
        if _each_language_its_own(forms, {m.source: m.language for m in entity.mentions if m.language}):
            nature = "transliteration"
        out.append(Discrepancy(kind="name", subject=entity.name, values=values, nature=nature))
    return out


def _sources_disagree(forms: dict[str, tuple[str, set[str]]]) -> bool:
    """Whether two sources print the name in no common form. A source that prints it two ways,
    one of them every other source's ("Kim Jong Un" and, once, the Polish "Kim Dzong Un"), is at
    odds with itself, not with them; a source that prints it only otherwise is ("Boginsky" and
    "Babinski" in one, "Buzhinsky" in another)."""
    spellings: dict[str, set[str]] = {}
    for key, (_, sources) in forms.items():
        for source in sources:
            spellings.setdefault(source, set()).add(key)
    held = list(spellings.values())
    return any(a.isdisjoint(b) for i, a in enumerate(held) for b in held[i + 1:])


# A sovereign's or a cleric's style and a reign's number are no part of the name's spelling: "Queen
# Elizabeth" and "Elizabeth II" are one name written two correct ways.
_STYLES = r"(?:Queen|King|Prince|Princess|Pope|Emperor|Empress|Sultan|Emir|Sheikh|Crown Prince)"
_STYLE = re.compile(rf"^{_STYLES}\s+(?=\S)")
_STYLE_ALONE = re.compile(_STYLES)
_REGNAL = re.compile(r"(?<=\S)\s+(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3})$")


# A span run past a person's name ("Hester of"), a company named after one ("Simmons & Co").
_NO_PERSONS_NAME = re.compile(r"&|\s(?:Co|Inc|Ltd|LLC|Plc|PLC|Corp)\.?$|\s[a-z]+$")


def _translated_given_name(forms: dict[str, tuple[str, set[str]]], language: dict[str, str]) -> bool:
    """Whether the forms are one given name as each language gives it, as a pope's or a king's is
    ("Francis" in the English sources, "Francesco" in the Italian, "Francisco" in the Spanish:
    `entities.styles` tied them): one word each, opening alike, each printed by sources of one
    language and no two forms by the same language. A slip is within a language, or in a surname."""
    from storyline.entities.names import fold

    words = [form.split() for form, _ in forms.values()]
    if any(len(w) != 1 for w in words) or len({fold(w[0])[:4].lower() for w in words}) != 1:
        return False
    langs = _languages(forms, language)
    return all(len(ls) == 1 and None not in ls for ls in langs) and len(set().union(*langs)) == len(langs)


def _each_language_its_own(forms: dict[str, tuple[str, set[str]]], language: dict[str, str]) -> bool:
    """Whether the forms are one name as each language writes it: the German "Ali Chamenei" and
    "Hassan Ruhani", the French "Rouhani", the English "Khamenei", the Russian "Ониина" for the
    English "Onyinah". Each form printed only by sources of languages that print no other form, and
    the forms one word for word once what languages write their own way is folded (`skeleton`, and
    the German ch and the Spanish j that English writes kh, a final h). A reader should still see
    them, as a name's forms to search by, but no source got it wrong; a form that no convention
    explains ("Akidotun" for "Akindotun") or two forms in one language are a spelling to check."""
    from storyline.entities.names import to_latin

    langs = _languages(forms, language)
    every = set().union(*langs)
    if None in every or sum(map(len, langs)) != len(every):
        return False
    return len({_sounds_alike(to_latin(form)) for form, _ in forms.values()}) == 1


def _languages(forms: dict[str, tuple[str, set[str]]], language: dict[str, str]) -> list[set[str | None]]:
    """The languages of the sources that print each form (None: a source of no known language)."""
    return [{language.get(src) for src in srcs} for _, srcs in forms.values()]


def _sounds_alike(name: str) -> tuple[str, ...]:
    """A name's words as the languages' conventions leave them alike: Chamenei, Khamenei and
    Jamenei; Onyinah and Oniina."""
    from storyline.entities.names import skeleton

    return tuple(re.sub(r"h$", "", skeleton(word).replace("x", "h").replace("j", "h")) for word in name.split())


def _fold_longer_spans(forms: dict[str, tuple[str, set[str]]]) -> None:
    """A form that is another full form with words before it ("Republikeinse Senator Bob Corker",
    "Apple CEO Steve Jobs", "Vice President Dick Cheney") is that spelling: the words are a title,
    a body or a place a tagger took into the name, which the roles and the text show, not another
    way of writing it."""
    for key in sorted(forms, key=lambda k: -len(k.split())):
        words = key.split()
        shorter = [k for k in forms if 2 <= len(k.split()) < len(words) and words[-len(k.split()):] == k.split()]
        if shorter:
            home = max(shorter, key=lambda k: (len(forms[k][1]), len(k)))
            forms[home][1].update(forms.pop(key)[1])


def _fold_middle_words(forms: dict[str, tuple[str, set[str]]]) -> None:
    """A form that is another with words inside it ("George W Bush", "Abu Musab al Zarqawi" against
    "George Bush", "Abu Musab Zarqawi") or with the given name's English short form ("Ken
    Feinberg", "Ed Markey" against "Kenneth Feinberg", "Edward J. Markey") is that name, written in
    full or as people call him: no other spelling a reader should check. The form most sources
    print stays (the fuller of two as many)."""
    for key in sorted(forms, key=lambda k: len(k.split())):
        if key not in forms:
            continue  # folded into a form met before it
        words = key.split()
        same = [k for k in forms if k != key and len(k.split()) >= len(words) >= 2 and _inside(words, k.split())]
        if same:
            home = max([*same, key], key=lambda k: (len(forms[k][1]), len(k)))
            other = key if home != key else max(same, key=lambda k: (len(forms[k][1]), len(k)))
            forms[home][1].update(forms.pop(other)[1])


def _inside(short: list[str], long: list[str]) -> bool:
    """`short` is `long` less some of its middle words (same first and last word, in order), the
    first word maybe a short form of the other's, a middle word maybe its initial ("Franklin D.
    Roosevelt" in "Franklin Delano Roosevelt")."""
    if short[-1] != long[-1] or (short[0] != long[0] and not is_short_form(short[0], long[0])):
        return False
    rest = iter(long[1:-1])
    return all(any(word == other or (len(word) == 1 and other.startswith(word)) for other in rest)
               for word in short[1:-1])

