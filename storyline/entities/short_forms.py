"""Round one of entity resolution (`resolve`): the short forms of one article joined to the names
they stand for there.

Inside one article a lone surname is the one full name it fits ("Pashinyan" of Nikol Pashinyan),
a surname of two words the one full name that ends with it ("García Márquez"), a short name the one
longer name that contains it, an acronym the one name it abbreviates; a given name alone the one
person of the article who bears it. Ambiguity (two full names fit) leaves the short form alone:
a missed join costs the reader one line, a wrong one puts words in the wrong mouth.
"""

from __future__ import annotations

from collections import defaultdict

from storyline.entities import names
from storyline.entities.acronyms import acronym_target
from storyline.entities.keys import (
    SURNAME_PARTICLES,
    Group,
    Item,
    contains,
    gendered,
    is_acronym,
    labels_meet,
    same_word,
)
from storyline.entities.roles import KIN_BEFORE
from storyline.entities.type_cues import context_cues


def within_article(items: list[Item], story_surnames: set[str], text: str | None,
                    story_given: frozenset[str]) -> list[Group]:
    by_key: dict[str, Group] = {}
    others = []
    for it in items:
        if not it.is_name or not it.core:
            others.append(it)
            continue
        g = by_key.setdefault(it.core, Group(docs={it.doc}))
        g.items.append(it)
    groups = _with_compound_surnames(list(by_key.values()))
    persons = [g for g in groups if g.full_names()]
    surnames: dict[str, list[Group]] = defaultdict(list)
    for p in persons:
        for sur in {fn[-1] for fn in p.full_names()}:
            surnames[sur].append(p)
    by_tok: dict[str, list[Group]] = defaultdict(list)
    for g in groups:
        if not g.full_names():
            for t in {t for it in g.items if len(it.inner) >= 2 for t in it.inner}:
                by_tok[t].append(g)
    # A group joined to another is held by it: a short form whose target was joined in turn goes
    # where the target went ("BP" to "B.P." and "B.P." to "BP" had dropped both).
    attached: dict[int, Group] = {}
    for g in groups:
        if g.full_names() or any(not it.is_name for it in g.items):
            continue
        target = _short_form_target(g, groups, persons, story_surnames, by_tok, surnames, text, story_given)
        while target is not None and id(target) in attached:
            target = attached[id(target)]
        if target is not None and target is not g:
            target.items.extend(g.items)
            attached[id(g)] = target
    groups = [g for g in groups if id(g) not in attached]
    return groups + _descriptions(others, groups)


def _with_compound_surnames(groups: list[Group]) -> list[Group]:
    """A surname of two words printed alone is the end of the one full name of the article that
    ends with it: "Moreno-Ocampo" of Luis Moreno-Ocampo, "Al-Obeidy" of Eman al-Obeidy, whatever
    the model typed it. Left alone, the hyphenated surname was a body of its own (typed ORG), and
    "Al-Obeidy", typed PERSON, a second full name ending in "Obeidy", so that the bare "Obeidy"
    fitted two people and joined neither: one woman was three rows. A surname that ends two full
    names ("Le Pen" beside Jean-Marie and Marine Le Pen) joins neither.

    Two words or more with a space between are such an ending too where every mention of them is a
    person's: a Spanish double surname ("García Márquez" of Gabriel García Márquez, "Ginsberg
    Ben-Ari" of Orly Ginsberg Ben-Ari), the name a man goes by ("Lula da Silva" of Luiz Inácio Lula
    da Silva) had been a second person of the article (a body's words are not: "Supreme Court" of a
    "US Supreme Court" the model typed a person)."""
    ends: dict[tuple[str, ...], list[Group]] = defaultdict(list)
    for g in groups:
        for fn in g.full_names():
            for n in range(2, len(fn)):
                ends[fn[-n:]].append(g)
    attached: set[int] = set()
    for g in groups:
        toks = g.items[0].toks
        if len(toks) < 2 or not all(it.is_name for it in g.items) or not (all(
                " " not in it.name or it.name.split()[0].lower() in SURNAME_PARTICLES for it in g.items)
                or all(it.m.type == "PERSON" for it in g.items)):
            continue
        owners = list({id(p): p for p in ends.get(toks, ()) if p is not g and id(p) not in attached}.values())
        if len(owners) == 1:
            owners[0].items.extend(g.items)
            attached.add(id(g))
    return [g for g in groups if id(g) not in attached]


def _descriptions(others: list[Item], groups: list[Group]) -> list[Group]:
    """Pronouns and descriptions ("he", "the company"): only gold mentions bring them.

    A pronoun goes to the nearest name of its type printed before it in the article, else to the
    first one after it. A description groups with the
    others of its head word, as a same-head baseline would: tying "the company" to the nearest
    company name gained on one benchmark and lost more on the other, so it is not done.
    """
    if not others:
        return []
    owner = {}
    named = []
    for g in groups:
        for it in g.items:
            owner[id(it)] = g
            named.append(it)
    named.sort(key=_position)
    by_head: dict[str, Group] = {}
    out = []
    for it in sorted(others, key=_position):
        ante = _antecedent(it, named) if not it.core and it.m.type else None
        if ante is not None:
            owner[id(ante)].items.append(it)
        elif it.core:
            g = by_head.get(it.core)
            if g is None:
                g = by_head[it.core] = Group(docs={it.doc})
                out.append(g)
            g.items.append(it)
        else:
            out.append(Group([it], {it.doc}))
    return out


def _antecedent(it: Item, named: list[Item]) -> Item | None:
    same = [c for c in named if c.m.type == it.m.type]
    before = [c for c in same if _position(c) < _position(it)]
    if before:
        return before[-1]
    return same[0] if same else None


def _position(it: Item) -> tuple[int, int]:
    return (it.m.sentence, it.m.start)


def _short_form_target(g: Group, groups: list[Group], persons: list[Group], story_surnames: set[str],
                       by_tok: dict[str, list[Group]], surnames: dict[str, list[Group]],
                       text: str | None, story_given: frozenset[str]) -> Group | None:
    """The one group of the same article a short form stands for, or None when none or several fit
    (and in `g.apart_from` the one it fits by name but was found not to be)."""
    toks = next(iter(g.items)).toks
    label = g.label()
    name = g.items[0].name
    # A country inside a longer name is a short form of it only where that name is a place too
    # ("Republic of Azerbaijan"): "France" is not the surname of an "Air France" typed a person.
    country = names.country_code(name) is not None
    # A word the article calls a place is no one's surname (`_place_called_a_place`).
    if len(toks) == 1 and not (country and label == "PLACE") and not _called_a_place(g, text):
        tok = toks[0]
        # A surname: the one full name ending with it (exactly, else as a spelling variant).
        exact = [p for p in surnames.get(tok, ()) if p is not g]
        if len(exact) > 1 and _in_body(g):
            # A surname in the body goes to the one full name of the body; a teaser under the
            # article ("Former finance minister Pavel Malek ...") does not make it ambiguous.
            exact = [p for p in exact if _in_body(p)]
        if len(exact) > 1 and text:
            # "his wife, Dianne Brock Stern": the relative is not whom the bare "Stern" means
            unrelated = [p for p in exact if not _introduced_as_kin(p, text)]
            exact = unrelated if len(unrelated) == 1 else exact
        if len(exact) == 1:
            if label == "PERSON" and _named_before(g, exact[0]):
                g.apart_from.append(exact[0])  # nor may a later round join them
                return None
            return exact[0]
        if exact:
            return None
        given = [p for p in persons if p is not g and any(len(fn) >= 2 and fn[0] == tok for fn in p.full_names())]
        if label == "PERSON" and len(given) == 1 and not any(tok == sur for sur in story_surnames):
            return given[0]  # "Andrei is an engineer": the one Andrei of the article
        # A word the model reads as a place in the article is no other spelling of a surname
        # (Misrata, typed a person twice and a place once, had become Salem Mislat's).
        if label == "PERSON" and not any(it.m.type == "PLACE" for it in g.items):
            variants = [p for p in persons if p is not g and any(same_word(fn[-1], tok) for fn in p.full_names())]
            if len(variants) == 1:
                return variants[0]
            if variants:
                return None
            if any(same_word(sur, tok) for sur in story_surnames):
                return None  # another article names this person in full: tie it there
            # A given name of the story's people is no garbled surname: "Richard ," (an anchor
            # addressed in a transcript) had become Bill Richardson's.
            garbled = _garbled_surname(tok, persons) if tok not in story_given else None
            if garbled is not None:
                return garbled
    if is_acronym(name):
        return acronym_target(g, groups, label, country, text)
    # A shorter name inside exactly one longer one: Karabakh / Nagorno-Karabakh, Foreign Ministry /
    # Russian Foreign Ministry.
    if any(len(it.key.split()) > len(toks) for it in g.items if it.is_name):
        return None  # "Apple Inc." is a body of its own, not a short form of "Apple Corps"
    hits = [h for h in by_tok.get(toks[0], ()) if h is not g and labels_meet(g, h)
            and any(contains(it.inner, toks) for it in h.items)
            and (not country or h.label() == "PLACE")]
    return hits[0] if len(hits) == 1 else None


def _introduced_as_kin(g: Group, text: str) -> bool:
    """Whether the article first names the group's person as someone's relative (`roles.KIN_BEFORE`)."""
    first = min((it.m for it in g.items if it.m.end), key=lambda m: m.start, default=None)
    return first is not None and bool(KIN_BEFORE.search(text, max(0, first.start - 30), first.start))


def _named_before(short: Group, full: Group) -> bool:
    """Whether the body gives the surname alone, with a title, `_BEFORE_FULL` times or more before
    it first names the full name, whose title shares no word with it: a page names a person in
    full where it introduces them, so these are someone else's, known by that name alone. "President
    Obama" 80 times on a page of White House days, then once "first lady Michelle Obama", had made
    him her. A surname that comes first with the same title, or with none, is too often the full
    name's own ("Obama" ten times, then once "President Barack Obama"; a transcript's "MORGAN :")."""
    first = min((it.m.start for it in full.items if it.m.start >= 0), default=-1)
    if first < 0 or sum(0 <= it.m.start < first for it in short.items) < _BEFORE_FULL:
        return False
    titles, full_titles = _title_words(short), _title_words(full)
    return bool(titles) and bool(full_titles) and not titles & full_titles


_BEFORE_FULL = 3
_NOT_TITLE_WORDS = frozenset({"former", "the", "of", "a", "an", "and", "for", "late"})


def _title_words(g: Group) -> set[str]:
    return {w for role in g.roles() for w in role.lower().split()} - _NOT_TITLE_WORDS


def _called_a_place(g: Group, text: str | None) -> bool:
    return bool(text) and any(context_cues(text, it.m.start, it.m.end, it.m.type).place >= 3.0
                              for it in g.items if it.m.start >= 0)


def _in_body(g: Group) -> bool:
    return any(it.m.start >= 0 or it.m.sentence >= 0 for it in g.items)


def _garbled_surname(tok: str, persons: list[Group]) -> Group | None:
    """The one person of the article a garbled surname can be (Babinski for Evgeny Boginsky).

    Only inside one article, where few people appear: same first letter after folding, clearly
    closer to one surname than to any other.
    """
    scored = []
    for p in persons:
        best = max(names.name_similarity(fn[-1], tok) for fn in p.full_names())
        scored.append((best, p))
    scored.sort(key=lambda s: -s[0])
    if not scored:
        return None
    best, p = scored[0]
    second = scored[1][0] if len(scored) > 1 else 0.0
    surname = p.full_names()[0][-1]
    if best >= 0.7 and best - second >= 0.25 and names.skeleton(surname)[:1] == names.skeleton(tok)[:1] \
            and not gendered(surname, tok) and not _derived(surname, tok):
        return p
    return None


def _derived(surname: str, word: str) -> bool:
    """A word made from a surname by a suffix longer than a case ending ("Mujahideen" of Mujahid,
    "Clintonites", "Putinism"): another word, not a garbled spelling of the name."""
    low, name = word.casefold(), surname.casefold()
    return low.startswith(name) and len(low) - len(name) >= 3
