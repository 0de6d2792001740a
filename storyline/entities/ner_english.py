"""Names in an English article: spaCy's small model, and the repairs it needs.

Small models fail on machine-translated input in a few repeatable ways, each repaired here without
a gazetteer of people:

- a "the", a possessive, an honorific or a title inside the span ("Lawyer Sofia Renkel");
- an organisation cut short ("Minsk" for the "Minsk group") or run into its head's name ("the head
  of AFAD Yunus Sezer", "the minister of the Budget Jérôme Cahuzac");
- a person typed as a body or a place: after a person's title ("the judge Irina Dobrosch"), as the
  subject of "said", or a given name read as a town ("..., Nadia Orbeli, said");
- a surname missed on a later mention ("...," Tabarin told reporters) when the article names the
  person in full;
- a demonym typed as a person ("Azerbaijani", "Moldovan Prime Minister"), a capitalised common word
  at a sentence start ("Risky intervention"), a dateline run into a name;
- a capital standing for its government typed as a person ("help Yerevan": CLDR's city list), a
  wire dateline's agency typed as a place, a name cut short where a sentence ends ("Hun Sen.").

Cost: the parse dominates (spaCy's small model, about 90 ms of CPU for a 1,700-character article on
this machine); the rules here add a few per cent.
"""

from __future__ import annotations

import re
from typing import Any

from storyline import nlp
from storyline.entities import roles
from storyline.entities.countries import country_code, world_cities
from storyline.entities.rule_words import DOCUMENT_HEADS, NAMES_OF_NO_ONE, PEOPLES
from storyline.entities.spans import BRACKETS, clean_span, is_acronym, korean_given_name_end
from storyline.entities.thing_words import (
    BODY_TAILS,
    CLOCK_WORD,
    GEOGRAPHIC_HEADS,
    PLATFORMS,
    TEAM_NICKNAMES,
    THING_NAMED,
    TIME_ZONES,
    US_ZONES,
    VESSEL,
    company_shaped,
)
from storyline.model import Mention

SPACY_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}

# Nouns that finish an organisation's name when a model stops just before them ("Minsk group").
ORG_TAILS = frozenset("""
group troika council committee commission ministry ministries party union agency office service bank fund
court parliament assembly alliance coalition front movement army forces navy federation association
organisation organization institute university foundation corporation company
""".split())

# Lower-case nouns that finish a place's name when the model stops before them ("Vesten region").
_PLACE_TAILS = frozenset("region province oblast governorate prefecture county district".split())

_LATIN_UPPER = re.compile(r"[A-ZÀ-ÖØ-Þ]")


def _body_named(doc: Any, a: int, b: int) -> bool:
    """A company's or an institution's name typed PERSON: two words or more, the last a body's."""
    return b - a >= 2 and doc[b - 1].lower_ in BODY_TAILS and doc[b - 1].text[:1].isupper()




def english_mentions(text: str, source: str) -> list[Mention]:
    """Mentions in an English text (offsets into it)."""
    doc = nlp.parse(text, "en")
    sent_of = {}
    for n, sent in enumerate(doc.sents):
        for tok in sent:
            sent_of[tok.i] = n
    norp_texts = {e.text.lower() for e in doc.ents if e.label_ == "NORP" and not _company_typed_otherwise(doc, e)}
    place_texts = {e.text.lower() for e in doc.ents if e.label_ in ("GPE", "LOC")}
    qualifier = {t.i for e in doc.ents if e.label_ in ("NORP", "GPE", "LOC") for t in e}
    kept = []
    named: set[str] = set()
    surnames = {e[-1].text for e in doc.ents if e.label_ == "PERSON"}
    # Names of people printed in full here: a city that is one of them stays a person.
    name_words = {t.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    for ent in [part for found in doc.ents for part in _names_apart(doc, found)]:
        kind = SPACY_TYPES.get(ent.label_) or _company_typed_otherwise(doc, ent)
        if kind is None:
            continue
        if kind == "PERSON" and len(ent) == 1 and ent.text not in name_words and ent.text in world_cities():
            kind = "PLACE"  # a capital for its government ("help Yerevan"), typed as a person
        span = clean_span(doc, ent.start, ent.end, kind)
        if span is None:
            continue
        a, b = span
        if kind == "PERSON" and not _site_named(doc, a, b) and (
                k := next((k for k in range(a + 1, b - 1) if doc[k].text in ("'s", "’s")), None)) is not None:
            # "Trump’s Handlers", "Dela Rosa’s visa": the name is the owner's; a place's person is the
            # one after it ("Tunisia’s Zine El Abidine Ben Ali"), a place's thing no one ("Gisborne’s Check")
            owner = doc[a:k].text
            if country_code(owner) or owner in world_cities():
                a, b, kind = (k + 1, b, kind) if b - k > 2 and doc[k + 1].is_title else (a, k, "PLACE")
            else:
                b = k
        titled = _titled_name(doc, a, b) if kind != "PERSON" and doc[b - 1].text not in GEOGRAPHIC_HEADS else None
        if titled is not None:
            a, kind = titled, "PERSON"  # "The Prosecutor General Viktor Almas" typed as a body
        elif _given_name_typed_as_place(doc, a, b, kind):
            b, kind = b + 1, "PERSON"  # ", Nadia Orbeli, said": the model saw a town in "Nadia"
        elif kind != "PERSON" and _one_name_speaking(doc, a, b):
            kind = "PERSON"  # "An official who uses one name, Karim, said"
        elif kind != "PERSON" and _person_by_context(doc, a, b, qualifier, named):
            kind = "PERSON"  # "the judge Irina Dobrosch", "Tobarine said": a person typed as a body
        if kind == "ORG" and b < len(doc) and doc[b].lower_ in ORG_TAILS and not doc[b].ent_type_ \
                and ent.label_ == "ORG":
            b += 1
        elif kind == "PLACE" and b < len(doc) and doc[b].lower_ in _PLACE_TAILS and not doc[b].ent_type_:
            b += 1  # "in Vesten region": the region's name as printed, its key still "vesten"
        tail = _person_tail(doc, a, b, surnames) if kind == "ORG" and b - a >= 3 else None
        if tail is not None:
            # "the head of AFAD Yunus Sezer", "the minister of the Budget Jérôme Cahuzac": a translated
            # genitive ran the body into the name of its head.
            if is_acronym(doc[a].text) or tail - a >= 2:
                kept.append((a, tail, "ORG"))
            a, kind = tail, "PERSON"
        elif kind == "ORG" and b - a >= 3 and is_acronym(doc[b - 1].text) and not is_acronym(doc[b - 2].text):
            # "the American Institute of Geophysics USGS": the acronym is a mention of its own.
            kept.append((b - 1, b, "ORG"))
            b -= 1
            while b - a > 1 and doc[b - 1].text in BRACKETS:
                b -= 1
        if kind == "PERSON" and b < len(doc) and _INITIAL.fullmatch(doc[b - 1].text) and not doc[b].ent_type_ \
                and doc[b].is_title and doc[b].is_alpha and doc[b].pos_ == "PROPN":
            b += 1  # "Ben S. Bernanke", where the parser ended a sentence at the initial
        if _noise(doc, a, b, doc[a:b].text, kind, norp_texts, place_texts):
            if kind == "PERSON":
                qualifier.update(range(a, b))  # "Moldovan" typed PERSON: a nationality in a title
            continue
        kept.append((a, b, kind))
        if kind == "PERSON" and b - a >= 2:
            named.add(doc[b - 1].text)
    # "INS Mysore", "MV Gibe": a ship, never a "he" who speaks, nor "Mysore" alone a surname; nor
    # are Twitter and GlaxoSmithKline; "Camp Casey", "Fort Hood", "(Prince) William Sound": a place
    # named after a man.
    things = {word for found in THING_NAMED.findall(text) for word in found if word}
    kept = [(a, b, "ORG" if kind == "PERSON" and (VESSEL.match(doc[a:b].text) or _body_named(doc, a, b)
                                                  or doc[a:b].text in PLATFORMS or company_shaped(doc[a:b].text)
                                                  or doc[b - 1].text in things or doc[b - 1].text in TEAM_NICKNAMES)
             else "PLACE" if kind != "PLACE" and b - a >= 2 and (doc[a].text in ("Camp", "Fort") or (
                 kind == "PERSON" and (doc[b - 1].text in GEOGRAPHIC_HEADS or _site_named(doc, a, b)))) else kind)
            for a, b, kind in kept]
    # Surnames the model missed on later mentions ("...,” Tabarin told reporters"): a capitalised
    # word outside every span that is the last word of a full name typed PERSON in this article.
    full_surnames = {doc[b - 1].text for a, b, kind in kept if kind == "PERSON" and b - a >= 2}
    covered = {k for a, b, _ in kept for k in range(a, b)}
    for tok in doc:
        if tok.i not in covered and tok.text in full_surnames and len(tok.text) >= 3 and tok.pos_ == "PROPN":
            kept.append((tok.i, tok.i + 1, "PERSON"))
    kept = _whole_hyphenated_names(doc, _with_legal_forms(doc, sorted(kept)))
    kept = [(a, korean_given_name_end(doc, b) if kind == "PERSON" and b - a >= 2 else b, kind) for a, b, kind in kept]
    # Person names end a title chain: the chain before them belongs to them, not to a name after.
    person = {k for a, b, kind in kept if kind == "PERSON" for k in range(a, b)}
    # A name the model cut short where a sentence ends ("strongman Hun Sen." read as "Hun" and the
    # abbreviation "Sen."): one word that opens a full name printed right there is that name.
    full_names = sorted({doc[a:b].text for a, b, kind in kept if kind == "PERSON" and b - a >= 2}, key=len)
    out = []
    for a, b, kind in kept:
        role = roles.english_role(doc, a, b, qualifier, person) if kind == "PERSON" else None
        start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
        if kind == "PERSON" and b - a == 1:
            end = next((start + len(n) for n in full_names if n.startswith(doc[a].text + " ")
                        and text.startswith(n, start) and not text[start + len(n):start + len(n) + 1].isalnum()), end)
        out.append(Mention(source=source, text=text[start:end], start=start, end=end, type=kind,
                           sentence=sent_of.get(a, -1), role=role, language="en"))
    return out


def _names_apart(doc: Any, ent: Any) -> list[Any]:
    """Two names the model ran into one ("Warren took shots at Buttigieg and Biden", typed a
    building): each apart. Not a body's "and" ("Procter and Gamble"), a country's ("Trinidad and
    Tobago"), nor one word shared out over a longer name ("North and South Korea", "Ivo and Mara
    Brandt")."""
    if ent.label_ not in ("PERSON", "GPE", "LOC", "FAC") or len(ent) < 3 or country_code(ent.text):
        return [ent]
    for k in range(ent.start + 1, ent.end - 1):
        if doc[k].lower_ in ("and", "&") and doc[k - 1].is_title and doc[k + 1].is_title \
                and k - ent.start >= ent.end - k - 1:
            from spacy.tokens import Span

            return [Span(doc, ent.start, k, label=ent.label_), Span(doc, k + 1, ent.end, label=ent.label_)]
    return [ent]


_INITIAL = re.compile(r"[A-Z]\.")
# A square, a church or a building named after someone in the possessive ("St Peter’s Square",
# "Peter’s Basilica"): a place, though the model reads the saint's name as a person.
_SITES = frozenset("Square Basilica Cathedral Church Chapel Mosque Synagogue Hospital Park Street Avenue Bridge "
                   "Stadium Plaza Piazza Abbey Shrine Tomb Center Centre Hall Museum".split())


def _site_named(doc: Any, a: int, b: int) -> bool:
    return doc[b - 1].text.capitalize() in _SITES and any(doc[k].text in ("'s", "’s") for k in range(a + 1, b - 1))


_SPEECH = frozenset("said says told added stated noted declared stressed insisted explained warned announced".split())


def _whole_hyphenated_names(doc: Any, kept: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A person's name with the first half of a hyphenated given name it lost ("Eva-Marie Persson"
    read as "Marie Persson" and a body "Eva-"): the name whole, the stray half gone."""
    # where a name of its own ends: "Bush-Cheney", "Dodd-Frank" join two names, not halves of one
    ends = {b for a, b, _ in kept}
    starts: dict[tuple[int, int, str], int] = {}
    for a, b, kind in kept:
        start = a
        while kind == "PERSON" and start >= 2 and doc[start - 1].text in "-‐" and not doc[start - 1].whitespace_ \
                and not doc[start - 2].whitespace_ and doc[start - 2].is_title and doc[start - 2].is_alpha \
                and start - 1 not in ends:
            start -= 2
        if start < a:
            starts[(a, b, kind)] = start
    stray = {s for span, start in starts.items() for s in kept if s != span and start <= s[0] and s[1] <= span[0]}
    return sorted((starts.get(s, s[0]), s[1], s[2]) for s in kept if s not in stray)


# A company's legal form after its name ("Blackstone Group LP", "BP America Inc"): part of the name.
_LEGAL_FORMS = frozenset("Inc Corp Co Ltd LLC LLP LP Plc PLC AG SA NV GmbH".split())


def _with_legal_forms(doc: Any, kept: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The spans with a company's legal form joined to its name: the model printed "LP" as a body of
    its own, and "BP" and "America Inc" as two (then "America Inc" read as the country)."""
    out: list[tuple[int, int, str]] = []
    for a, b, kind in kept:
        if kind == "ORG" and b < len(doc) and doc[b].text.rstrip(".") in _LEGAL_FORMS and not doc[b].ent_type_:
            b += 1
        legal = kind == "ORG" and doc[b - 1].text.rstrip(".") in _LEGAL_FORMS
        if legal and out and out[-1][2] == "ORG" and out[-1][1] == a:
            out[-1] = (out[-1][0], b, "ORG")
        elif not (legal and b - a == 1):
            out.append((a, b, kind))
    return out


def _person_by_context(doc: Any, a: int, b: int, qualifier: set[int], named: set[str]) -> bool:
    """A name of two or three capitalised words that a person's title precedes, stands beside in
    apposition or that speaks, or the surname of a person named before that speaks ("Tobarine
    said"; not "Interfax said")."""
    words = doc[a:b]
    if not 1 <= b - a <= 3 or not all(t.is_title and t.is_alpha for t in words) or \
            any(t.lower_ in _ORG_HEADS or t.lower_ in roles.TITLE_WORDS for t in words):
        return False
    rng = roles.role_before(doc, a, qualifier, set())
    if rng and doc[rng[1] - 1].lower_ in roles.TITLE_WORDS and b - a >= 2:
        return True
    head = words.root.head
    if words.root.dep_ == "appos" and head.lower_ in roles.TITLE_WORDS and b - a >= 2:
        return True  # "the health secretary, Nicola Sturgeon, said"
    return words.root.dep_ == "nsubj" and head.lower_ in _SPEECH and (b - a >= 2 or doc[b - 1].text in named)


_COMPANY_NOUNS = frozenset("owner owners company firm operator maker manufacturer producer concern group holding "
                           "subsidiary contractor supplier".split())


def _company_typed_otherwise(doc: Any, ent: Any) -> str | None:
    """A company the model took for a nationality or a product: one capitalised word beside a
    company noun ("the Vantec group", "the plant's owner Vantec"), never a demonym ("Danish firm")."""
    if ent.label_ not in ("NORP", "PRODUCT") or len(ent) != 1 or not ent[0].is_title or not ent[0].is_alpha:
        return None
    word = ent[0].lower_
    if ent.label_ == "NORP" and (word.endswith(_DEMONYM_ENDINGS) or word.endswith(("ese", "ish", "ic"))):
        return None
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    before = {t.lower_ for t in doc[max(0, ent.start - 2):ent.start]}
    return "ORG" if after in _COMPANY_NOUNS or before & _COMPANY_NOUNS else None


def _titled_name(doc: Any, a: int, b: int) -> int | None:
    """Where the name starts in a span of title words and a two-word name ("Prosecutor General
    Viktor Almas"): the model folded the title into a body; the title is the person's role."""
    k = a
    while k < b - 2 and (doc[k].lower_ in roles.TITLE_WORDS or doc[k].lower_ in roles.MODIFIERS):
        k += 1
    if k == a or b - k != 2:
        return None
    words = doc[k:b]
    if all(t.is_title and t.is_alpha and t.lower_ not in _ORG_HEADS and t.lower_ not in roles.TITLE_WORDS
           for t in words):
        return k
    return None


_PERSON_NOUNS = frozenset("name resident residents witness survivor rescuer volunteer worker farmer man woman "
                          "father mother neighbour neighbor relative owner driver student teacher doctor nurse".split())


def _one_name_speaking(doc: Any, a: int, b: int) -> bool:
    """One capitalised word in apposition to a person's description that then speaks: ", Karim,
    said" after "an official who uses one name" or "a resident"; the model took it for a town."""
    if b - a != 1 or a < 2 or b + 1 >= len(doc) or doc[a - 1].text != "," or doc[b].text != ",":
        return False
    tok = doc[a]
    if tok.dep_ != "appos" or not tok.is_title:
        return False
    noun = tok.head.lower_
    speaks = doc[b + 1].lower_ in _SPEECH or (tok.head.head.lower_ in _SPEECH)
    return speaks and (noun in _PERSON_NOUNS or noun in roles.TITLE_WORDS)


def _given_name_typed_as_place(doc: Any, a: int, b: int, kind: str) -> bool:
    """A one-word place or body followed by an untagged capitalised word and then a comma or a
    verb: a person's name the model split ("The director ..., Nadia Orbeli, said")."""
    if kind == "PERSON" or b - a != 1 or b + 1 > len(doc) - 1:
        return False
    nxt, after = doc[b], doc[b + 1]
    return (nxt.is_title and nxt.is_alpha and nxt.pos_ == "PROPN" and not nxt.ent_type_
            and (after.text == "," or after.pos_ in ("VERB", "AUX")) and doc[a].is_title
            and a > 0 and doc[a - 1].text == ",")


def _person_tail(doc: Any, a: int, b: int, surnames: set[str]) -> int | None:
    """Where a person's name starts inside an organisation span that ends with it, if it does.

    The last two words must be capitalised, not an organisation's head noun, and either a surname
    the article prints elsewhere as a person or read by the model as a person after "Mr.".
    """
    k = b - 2
    words = doc[k:b]
    if k <= a or not all(t.is_title and t.is_alpha for t in words) or doc[b - 1].lower_ in _ORG_HEADS:
        return None
    if doc[b - 1].text in surnames:
        return k
    if not is_acronym(doc[a].text):
        return None
    probe = f"Mr. {words.text} said"
    ents = nlp.english()(probe).ents
    return k if len(ents) == 1 and ents[0].label_ == "PERSON" and ents[0].text == words.text else None


_ORG_HEADS = ORG_TAILS | frozenset("""
survey authority bureau board administration directorate department institute centre center council
committee commission office service services agency fund bank court tribunal prosecutor prosecutors
press news radio television tv times post herald journal daily telegraph gazette tribune observer
kremlin ministry government
""".split())


def _noise(doc: Any, a: int, b: int, name: str, kind: str, norp: set[str], places: set[str]) -> bool:
    if not _LATIN_UPPER.search(name[:1]) and not name[:1].isupper():
        return True
    if len(name) < 2 or not any(c.isalpha() for c in name) or re.search(r"/\S*\d|\d\S*/", name):
        return True  # a dateline run into a name ("Baku/31.10.20/Turan")
    low = name.lower()
    if b - a == 1 and (low in roles.MODIFIERS or low in roles.TITLE_WORDS) and (
            kind != "PERSON" or (b + 1 < len(doc) and doc[b].text == "." and doc[b + 1].ent_type_ == "PERSON")):
        return True  # "Defense" cut from "Defense Minister Sarkisov", "Col" from "Col. David Lapan"
    if name.isupper() and (low in TIME_ZONES or (low in US_ZONES and a > 0 and CLOCK_WORD.search(doc[a - 1].text))):
        return True  # "at 12:00 UTC", "( 11 a.m. ET , ...": a clock, not a body
    # Demonyms and nationality adjectives typed as persons or bodies ("Azerbaijani", "Azeris"), and
    # peoples and faiths ("Sunnis , Shias and Kurds", "Conservative Shias").
    if low in norp or (kind != "PLACE" and b - a <= 2 and doc[b - 1].lower_ in PEOPLES):
        return True
    if b - a == 1 and any(low.startswith(p) and low[len(p):] in _DEMONYM_ENDINGS for p in places if len(p) >= 4):
        return True
    if kind == "PERSON" and (low in NAMES_OF_NO_ONE or _cut_from_compound(doc, b)):
        return True  # "Uncle Sam", "Alma Mater :"; "Glass" of "the Glass-Steagall Act"
    if (kind == "PERSON" or (kind == "PLACE" and b - a == 1)) and any(ch.isdigit() for ch in name):
        return True  # "H1N1" is a strain, no person, nor a place as one word ("Route 66" is two)
    if kind == "PERSON" and _FOR_OR_AGAINST.match(name):
        return True  # "Pro-Gaddafi forces", "Anti-Gaddafi protesters": a side, no person
    if kind == "PERSON" and _common_word_opening(doc, a, b):
        return True  # "Schools reopened", "Worldwide , ..." open a sentence
    # A nationality before a title: "Moldovan Prime Minister Ion Cebotari".
    if kind == "PERSON" and b - a == 1 and b < len(doc) and doc[b].text[:1].isupper() and (
            doc[b].lower_ in roles.TITLE_WORDS or doc[b].lower_ in roles.MODIFIERS):
        return True
    # One word modifying a common noun is no person: "Risky intervention", "Martial law", "the
    # Moldovan government" (a nationality the model typed PERSON).
    if kind == "PERSON" and b - a == 1 and doc[a].dep_ in ("amod", "compound") and doc[a].head.pos_ == "NOUN" \
            and doc[a].head.text.islower() and doc[a].head.lower_ not in roles.TITLE_WORDS:
        return True
    if kind == "ORG" and b - a >= 2 and doc[b - 1].lower_ in DOCUMENT_HEADS and not any(
            t.lower_ in _ORG_HEADS for t in doc[a:b - 1]):
        return True  # a law or a treaty: "the UN Charter" (a "Government of National Accord" is a body)
    # An all-caps banner word longer than an acronym (a dateline place or a masthead).
    return b - a == 1 and name.isupper() and len(name) > 5


def _cut_from_compound(doc: Any, b: int) -> bool:
    """The span ends where a hyphen joins it to a compound that goes on to a capitalised word, with
    no space between: the model cut a law's, a deal's or a place's compound name ("Glass-Steagall",
    "Sarbanes-Oxley", "Mar-a-Lago"), unless a person of the text bears the name ("Bush-McCain
    deregulation" beside George W. Bush). Not a compound of lower-case words ("Beijing-based")."""
    k, capitalised = b, False
    while k + 1 < len(doc) and doc[k].text == "-" and doc[k].idx == doc[k - 1].idx + len(doc[k - 1].text) \
            and doc[k + 1].idx == doc[k].idx + 1:
        capitalised = capitalised or doc[k + 1].text[:1].isupper()
        k += 2
    if not capitalised:
        return False
    return not any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == doc[b - 1].text for e in doc.ents)


_DEMONYM_ENDINGS = ("i", "n", "an", "ian", "ese", "ish", "is", "s")


def _common_word_opening(doc: Any, a: int, b: int) -> bool:
    """One word that is a common word the capital made look like a name: it opens a sentence and
    the text writes it in lower case elsewhere, or it is a plural ("Fighters said they obtained the
    missiles", "Photographs suggested", "sub-Saharan Africans"), or a sentence adverb ("Amazingly ,
    al Saidy said"). A surname of a full name in the text stays a name ("Gates")."""
    if b - a != 1:
        return False
    tok = doc[a]
    low = tok.lower_
    nxt = doc[b].text if b < len(doc) else ""
    # A common noun's plural ("Photographs", "Battles raged"), or a proper one that is a group's
    # ("-ans", "-ers", "-ists"), or either where the text prints it in lower case: "Auden , Marlowe ,
    # Keats" (a proper plural to the tagger) and "Gibbs said" (a common one) stay.
    def printed_lower() -> bool:
        return any(t.is_lower and t.text in (low, low[:-1], low[:-2]) for t in doc)

    plural = (tok.tag_ == "NNS" and (nxt.lower() not in _SPEECH or printed_lower())) or (
        tok.tag_ == "NNPS" and (low.endswith(_GROUP_ENDINGS) or printed_lower()))
    common = (tok.is_sent_start and any(t.text == low for t in doc)) or plural \
        or (tok.is_sent_start and nxt == "," and low.endswith(_ADVERB_ENDINGS))
    return common and not any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == tok.text for e in doc.ents)


_FOR_OR_AGAINST = re.compile(r"(?:pro|anti)\s?-", re.I)
_ADVERB_ENDINGS = ("ingly", "edly", "ously", "ically", "fully", "ately", "ively", "ably", "ibly")
_GROUP_ENDINGS = ("ans", "ers", "ists", "ites", "ies")

