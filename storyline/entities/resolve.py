"""One entity per real person, body or place in a story, from the mentions of all its sources.

Resolution runs in two rounds, because an article is the one place where short forms are safe to
read: inside one article "Pashinyan" is the Nikol Pashinyan named above it, "NKR" the republic it
spelled out, "the Foreign Ministry" the one country's ministry it named. So:

1. **within an article**: mentions with one name key form a group (type-blind: spaCy calls one
   town a person in one sentence and a place in the next); a lone surname joins the one full name
   it fits, a short name the one longer name that contains it, an acronym the one name it
   abbreviates. Ambiguity (two full names fit) leaves the short form alone.
2. **across articles**: groups join on equal keys (a bare one-word key that incompatible longer
   names share, Apple beside Apple Corps and Apple Computer, ties nobody); people on full names
   that are spellings of one name (`names.same_person_name`; the same given name and a close
   surname; the same consonants in every word, Tobarine / Tabarin; a shorter full name inside a
   longer one), or, when the surname is garbled past string similarity (Boginsky / Buzhinsky), on
   the same given name, a loosely similar surname and a shared, distinctive role description;
   surname spellings learnt from one person carry to relatives with the same given name; places
   on spellings that fold to one skeleton (Choucha / Shusha) or differ in the final vowel (Shusha /
   Shushi); organisations on one normalised name (Ministry of Defense = Defense Ministry, Foreign
   Ministry of Estoria = Estorian Foreign Ministry, Minsk group = Minsk Troika = OSCE Minsk Group)
   but never across a different country word (the Armenian and the Russian Foreign Ministry), and
   acronyms on the one name they abbreviate or that defines them in brackets.

Two full names that one article prints as different people are never merged (a cannot-link), and
every fuzzy rule needs a unique candidate: a missed merge costs the reader one line, a wrong one
puts words in the wrong mouth. Types are decided last, by votes over all mentions plus cues in the
text ("the towns of X and Y", "in X"), so a type error cannot split an entity.

Gold mentions of a benchmark also bring pronouns and descriptions: a pronoun joins the nearest
name of its type before it in its article, a description the others with its head word.

Layout: `keys` (mention keys and shared predicates), `short_forms` (round one), this module (the
rounds in turn, types, names), `merges` (round two). Cost: linear in the mentions plus pairwise
checks inside small blocks (surname skeleton, shared role word, shared token); a 50-article story
(2,000 mentions) takes about 0.2 s of CPU, a MEANTIME topic of 1,259 gold mentions 0.23 s.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import replace

from storyline.clean.media import load_media
from storyline.entities import names, roles
from storyline.entities.acronyms import clips
from storyline.entities.declension import undeclined
from storyline.entities.keys import (
    FACILITY_WORDS,
    LEGAL_FORMS,
    ORG_DESIGNATORS,
    PLACE_DESIGNATORS,
    PLACE_QUALIFIERS,
    Group,
    Item,
    abbreviates,
    is_acronym,
    is_latin,
    is_nationality,
    lower_words,
    make_item,
    same_word,
)
from storyline.entities.merges import across_articles
from storyline.entities.short_forms import within_article
from storyline.entities.thing_words import BODY_TAILS, THING_AFTER
from storyline.entities.type_cues import context_cues
from storyline.model import Entity, Mention

TYPES = ("PERSON", "ORG", "PLACE")

def resolve(mentions: list[Mention], texts: Mapping[str, str] | None = None) -> list[Entity]:
    """Entities of one story from its mentions; `texts` (source -> article text) adds context cues."""
    mentions = undeclined(mentions)  # "Andrzeja Dudy" is Andrzej Duda
    # A surname the model reads as a person in some mentions stays a name in the others, though
    # the story prints it in lower case somewhere: one reader's "gadhafi needs to be out" had made
    # 277 mentions of "Gadhafi" (typed a body after "Gadhafi forces") common words of a Libya story.
    persons = Counter(m.text.strip().lower() for m in mentions if m.type == "PERSON" and " " not in m.text.strip())
    vocab = lower_words(texts) - {w for w, n in persons.items() if n >= 2}
    items = _persons_typed_otherwise([_place_called_a_place(make_item(m, vocab), texts) for m in mentions],
                                     texts, vocab)
    groups = []
    by_doc: dict[str, list[Item]] = defaultdict(list)
    for it in items:
        by_doc[it.doc].append(it)
    story_surnames = {it.toks[-1] for it in items if it.m.type == "PERSON" and len(it.toks) >= 2 and it.is_name}
    story_given = frozenset(it.toks[0] for it in items if it.m.type == "PERSON" and len(it.toks) >= 2 and it.is_name)
    for doc, doc_items in by_doc.items():
        groups.extend(within_article(doc_items, story_surnames, texts.get(doc) if texts else None, story_given))
    clusters = across_articles(groups)
    entities = [_entity(g, texts) for g in clusters]
    entities.sort(key=lambda e: (-len(e.mentions), e.name))
    return entities


def _persons_typed_otherwise(items: list[Item], texts: Mapping[str, str] | None, vocab: set[str]) -> list[Item]:
    """A two- or three-word name typed as a body or a place that reads as a person's is typed PERSON
    before grouping ("Mayor Olexandr Kovalenko" typed ORG in one article, PERSON in the next): a
    title printed right before it, or a spelling of a full name typed PERSON elsewhere in the story.
    A shared given name or surname alone is too weak (Apple Computer, General Motors, Air Force
    beside persons named Apple, General, Force in a benchmark's gold), and a lone word never counts:
    "Washington" is not George Washington. A kinsman is the exception: two words, the second the
    surname of a person named in full three times or more, the first no word the story prints in lower
    case ("an oil tanker registered to Hannibal Gadhafi", typed a body, beside Moammar Gadhafi)."""
    persons: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    typed = Counter((it.toks, it.m.type == "PERSON") for it in items if it.is_name)
    for it in items:
        # A name the model reads as a person in a few mentions (under a quarter) and as a place or
        # body in the rest is not spread as a person: six "The United States has said" had made
        # 99 mentions a person, and the White House, the Muslim Brotherhood and Al Jazeera people.
        if it.m.type == "PERSON" and len(it.toks) >= 2 and it.is_name \
                and 3 * typed[(it.toks, True)] >= typed[(it.toks, False)]:
            persons[it.toks[-1][:1]].add(it.toks)
    # Mentions of each surname's full names that are persons' (those `persons` holds).
    bearers = Counter(it.toks[-1] for it in items if it.m.type == "PERSON" and it.is_name and len(it.toks) >= 2
                      and it.toks in persons.get(it.toks[-1][:1], ()))
    out = []
    for it in items:
        if it.m.type in ("ORG", "PLACE") and it.is_name and 2 <= len(it.toks) <= 3 and _name_shaped(it) \
                and not _named_craft(it, texts) and (
                _titled(it, texts) or any(len(fn) == len(it.toks) and all(map(same_word, fn, it.toks))
                                          for fn in persons.get(it.toks[-1][:1], ()))
                or (len(it.toks) == 2 and bearers[it.toks[-1]] >= 3 and it.toks[0] not in vocab
                    and it.toks[-1] not in _BODY_HEADS)):
            it = replace(it, m=replace(it.m, type="PERSON"))
        out.append(it)
    return out


def _place_called_a_place(it: Item, texts: Mapping[str, str] | None) -> Item:
    """A one-word name the text calls a place ("the village of Nasr", "Nasr village", "Garyan ,
    south of Tripoli") is typed a place before grouping, whatever the model read: a word typed a
    person is a surname the story's people may bear, and "We 've gone past Nasr village" had joined
    the Tunisian official Mokhtar Ben Nasr, and with him every "Nasr" of the story."""
    if it.m.type == "PERSON" and len(it.toks) == 1 and it.m.start >= 0 and texts and it.m.source in texts \
            and context_cues(texts[it.m.source], it.m.start, it.m.end, it.m.type).place >= 3.0:
        return replace(it, m=replace(it.m, type="PLACE"))
    return it


def _named_craft(it: Item, texts: Mapping[str, str] | None) -> bool:
    """ "The Deepwater Horizon rig": the name of a craft, whichever way the model typed it."""
    text = texts.get(it.m.source) if texts and it.m.start >= 0 else None
    return bool(text) and bool(THING_AFTER.match(text[it.m.end:it.m.end + 20]))


def _name_shaped(it: Item) -> bool:
    words = it.name.split()
    return len(words) == len(it.toks) and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words) \
        and not any(t in ORG_DESIGNATORS or t in LEGAL_FORMS or t in FACILITY_WORDS or t in PLACE_QUALIFIERS
                    or t in PLACE_DESIGNATORS or is_nationality(t) for t in it.toks)


def _titled(it: Item, texts: Mapping[str, str] | None) -> bool:
    if not texts or it.m.start < 0 or it.m.source not in texts:
        return False
    before = texts[it.m.source][max(0, it.m.start - 25):it.m.start].split()
    word = before[-1].lower().strip(".,") if before else ""
    return word in roles.TITLE_WORDS or word in _KIN  # "Mayor Olexandr Kovalenko", "Gafarov's son, Tural Gafarov"


# Last words of bodies' names the model reads as persons' often enough to pass for a surname
# ("Football League" three times a person beside the Arab League): a body's, or a paper's.
_BODY_HEADS = BODY_TAILS | frozenset("division club team network channel times post press news journal tribune "
                                     "herald guards".split())
# What `names.country_code` gives that is no country: no code, the United Nations, the EU.
_NO_COUNTRY = frozenset({None, "UN", "EU"})
_KIN = frozenset("son daughter wife husband brother sister father mother widow uncle aunt nephew niece cousin".split())



def _entity(g: Group, texts: Mapping[str, str] | None) -> Entity:
    kind = _vote_type(g, texts)
    name = _canonical(g, kind)
    role_counts: Counter = Counter()
    first_form: dict[str, str] = {}
    # A title is a person's: mentions the model took for a person lend a body or a place none
    # ("White House | PLACE | member" in a report, from "Top White House" typed a person).
    for it in g.items if kind == "PERSON" else ():
        if it.m.role and (role := it.m.role.rstrip(" .,;:")):  # "Pope." where a translation left a stop
            low = role.lower()
            role_counts[low] += 1
            first_form.setdefault(low, role)
    ordered = sorted(role_counts, key=lambda r: (-role_counts[r], r))
    mentions = sorted((it.m for it in g.items), key=lambda m: (m.source, m.start if m.start >= 0 else 1 << 30))
    return Entity(name=name, type=kind, roles=[first_form[r] for r in ordered], mentions=mentions)


# Languages whose mentions a model types (spaCy, natasha); the others' types are the rules' guesses
# from a word before the name (`ner_rules`), which a company after "en" or "de" fools.
_MODEL_LANGUAGES = (None, "en", "ru")


# The abbreviated legal forms only: "Edinburgh Corporation" was the city's council, and its one
# mention had made the city a body.
_COMPANY_FORMS = LEGAL_FORMS - {"corporation", "holding", "holdings"}


def _vote_type(g: Group, texts: Mapping[str, str] | None) -> str:
    votes: Counter = Counter()
    person_anchor = bool(g.full_names()) or bool(g.roles())
    # A model's type outvotes the rules': "participación en Chrysler" made a place of the company
    # the English copy's model called an organisation.
    modelled = any(it.m.language in _MODEL_LANGUAGES and it.m.type in TYPES for it in g.items)
    # A person's surname typed a body or a place is mostly the model's slip or the man standing
    # for his side ("Gadhafi forces", "the Gadhafi regime"): once a Libya story's bare "Gadhafi"
    # joined Moammar Gadhafi, its 257 such mentions outvoted his 149 as a person, and two "Palin"
    # typed places made Sarah Palin one.
    longs = Counter(it.m.type == "PERSON" for it in g.items if len(it.toks) >= 2 and it.is_name)
    surnames = {fn[-n:] for fn in g.full_names() for n in range(1, len(fn))} if longs[True] > longs[False] else set()
    where = 0  # mentions typed a person that close a phrase after "in", "near" ...
    for it in g.items:
        t = it.m.type if it.m.type in TYPES else None
        if modelled and it.m.language not in _MODEL_LANGUAGES:
            t = None
        if t == "PERSON" and not person_anchor:
            votes[t] += 0.5
        elif t in ("ORG", "PLACE") and it.toks in surnames:
            votes[t] += 0.25
        elif t:
            votes[t] += 1.0
        if texts and it.m.start >= 0 and it.m.source in texts:
            cue = context_cues(texts[it.m.source], it.m.start, it.m.end, t)
            where += cue.where
            if cue.place:
                votes["PLACE"] += cue.place
            if cue.org:
                votes["ORG"] += cue.org
            if _named_craft(it, texts):
                votes["ORG"] += 3.0  # "the Deepwater Horizon rig", typed a person where the rig goes unsaid
            if cue.says and person_anchor:
                votes["PERSON"] += 1.0
    # Twice or more, each outweighs the model's person on the same mention; once, it may be a
    # figure of speech ("found inspiration in Daniel Pearl ,").
    if where:
        votes["PLACE"] += where * (1.5 if where >= 2 else 0.75)
    if any(it.toks and it.toks[-1] in ORG_DESIGNATORS for it in g.items):
        votes["ORG"] += 0.5
    # A company's legal form after the name, where the model saw a body ("Halliburton Inc.",
    # "Halliburton Co."): no town and no one's name, whatever the model made of the bare name (it
    # typed "Halliburton" a place 86 times in a story of BP pages).
    if any(it.m.type == "ORG" and len(words := it.name.split()) >= 2 and words[-1].lower().rstrip(".") in _COMPANY_FORMS
           for it in g.items):
        return "ORG"
    # A newspaper or an agency by its name ("El Mundo", typed a person by the model, "said" after it).
    media = load_media(None)
    if named := sum(it.name in media.canonical and it.name not in media.needs_cue for it in g.items):
        votes["ORG"] += 3.0 * named
    # A country by its name ("Niger", typed a person by the model where it "said"), unless a person
    # of the text bears the name (a full name or a role: "Chad Marrow", "Jordan , the coach"). A
    # country's own name of two words is no person's full name ("United States", "Saudi Arabia").
    borne = bool(g.roles()) or any(names.country_code(it.name) in _NO_COUNTRY for it in g.items
                                   if it.m.type == "PERSON" and len(it.toks) >= 2 and it.is_name)
    if not borne and (countries := sum(names.country_code(it.name) not in _NO_COUNTRY for it in g.items)):
        votes["PLACE"] += 3.0 * countries
    if not votes:
        return g.items[0].m.type or "OTHER"
    labels = g.labels()
    order = {"PLACE": 0, "ORG": 1, "PERSON": 2}
    return max(votes, key=lambda t: (votes[t], labels.get(t, 0), -order.get(t, 3)))


def _canonical(g: Group, kind: str) -> str:
    forms: Counter = Counter()
    display: dict[str, Counter] = defaultdict(Counter)
    for it in g.items:
        if not it.is_name and any(x.is_name for x in g.items):
            continue
        forms[it.key] += 1
        display[it.key][it.name] += 1
    if kind == "PERSON":
        cands = [k for k in forms if len(k.split()) >= 2] or list(forms)
        # Support: mentions whose surname matches; a spelling the original script transliterates
        # to beats a machine translation's guess.
        native = {it.key for it in g.items if not is_latin(it.name)}
        # Full names as printed, every script: the spelling closest to all of them is the one the
        # garbled variants stray from (Gennady Voronets among Guennady Voronyets, Gennadi
        # Varonets and Геннадий Воронец).
        printed = Counter(it.name for it in g.items if it.is_name and len(it.toks) >= 2)

        def support(k: str) -> tuple:
            sur = k.split()[-1]
            docs = {it.doc for it in g.items if it.toks and names.name_similarity(it.toks[-1], sur) >= 0.9}
            best = max(display[k].items(), key=lambda p: (is_latin(p[0]), p[1]))[0]  # a Latin print of the key
            english = sum(1 for it in g.items if it.key == k and (it.m.language or "en") == "en")
            central = round(sum(n * names.name_similarity(best, other) for other, n in printed.items()), 3)
            # The articles that print this very name, before its length: a word the model ran
            # into the name ("Reply Moammar Gadhafi", "Keeping Gadhafi") made the longer key win.
            printing = len({it.doc for it in g.items if it.key == k})
            return (is_latin(best), len(docs), k in native, english > 0, printing, min(len(k.split()), 3), forms[k],
                    central, k)

        key = max(cands, key=support)
    else:
        top = max(forms.values())
        floor = min(2, top)
        # The name English copies print, where the story has any: the reader's ("US" for the
        # "Stati Uniti" and "EEUU" of the Italian and Spanish copies), as people are named.
        english = {it.key for it in g.items if it.is_name and (it.m.language or "en")[:2] == "en"}
        named = [k for k in forms if k in english] or list(forms)
        # Not its letters nor its clipping ("the Fed" of the Federal Reserve, `acronyms.join_clippings`)
        clipped = {k for k in named if any(clips(k, o) for o in named)}
        plain = [k for k in named if not is_acronym(display[k].most_common(1)[0][0]) and k not in clipped] or named
        cands = [k for k in plain if forms[k] >= floor] or plain
        typed = Counter(it.key for it in g.items if it.m.type == kind)
        acronyms = [it.name for it in g.items if is_acronym(it.name)]

        def spells_out(k: str) -> bool:
            return " " in k and any(abbreviates(a, display[k].most_common(1)[0][0]) for a in acronyms)

        key = max(cands, key=lambda k: (is_latin(display[k].most_common(1)[0][0]), spells_out(k), len(k.split()),
                                        forms[k], typed[k], k))
    best = display[key].most_common()
    name = sorted(best, key=lambda p: (not is_latin(p[0]), -p[1], p[0]))[0][0]
    return name if is_latin(name) else names.to_latin(name)
