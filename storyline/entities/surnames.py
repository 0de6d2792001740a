"""Full names and surnames across the articles of a story (round two, `merges`): whether two full
names are one person's, and what a surname printed alone stands for there: the one person it
fits, the story's main figure of that surname, or a row of its own when an article names two of
its bearers.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING

from storyline.entities import names
from storyline.entities.keys import SURNAME_PARTICLES, Group, consonants, gendered, same_word

if TYPE_CHECKING:
    from storyline.entities.merges import Clusters

# doc -> surname -> the full names ending with it that the article prints
DocSurnames = dict[str, dict[str, set[tuple[str, ...]]]]


def doc_surnames(groups: list[Group], full: list[list[tuple[str, ...]]]) -> DocSurnames:
    """The full names each article prints, by surname (a bare surname there was left alone by the
    article's own round when they are two people or more)."""
    out: DocSurnames = defaultdict(lambda: defaultdict(set))
    for g, fns in zip(groups, full, strict=True):
        for fn in fns:
            out[g.items[0].doc][fn[-1]].add(fn)
    return out


def one_person(fns: list[tuple[str, ...]]) -> bool:
    return all(same_full_name(fns[0], fn) for fn in fns[1:])


@lru_cache(maxsize=65536)
def same_full_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if a == b:
        return True
    ga, gb = names.generation(a), names.generation(b)
    if ga and gb and ga != gb:
        return False  # Martin Luther King Jr. and III: father and son
    if not names.middles_agree(list(a[1:-1]), list(b[1:-1])):
        return False  # Saif al-Islam and Saif al-Arab Gadhafi: two sons
    sa, sb = " ".join(a), " ".join(b)
    if names.same_person_name(sa, sb):
        return True
    if gendered(a[-1], b[-1]):
        return False
    if len(a) == len(b):
        if given_names_fit(a, b) and names.name_similarity(a[-1], b[-1]) >= 0.8:
            return True
        # Transliteration and translation garble vowels most: Tobarine / Tabarin, Irina / Irena
        # Dobrosch. The same consonants, in order, from the same first letter, in every word.
        if all(len(x) >= 4 and consonants(x) == consonants(y) and names.name_similarity(x, y) >= 0.7
               for x, y in zip(a, b, strict=True)):
            return True  # (not Hassan / Hussein: too unlike besides the consonants)
        # Three words or more, each a close spelling: Recep Tayyip / Redzhep Tayip Erdogan (a
        # Turkish name through Russian).
        return len(a) >= 3 and names.name_similarity(a[-1], b[-1]) >= 0.85 and all(
            names.name_similarity(x, y) >= 0.75 for x, y in zip(a[:-1], b[:-1], strict=True))
    # A shorter full name inside a longer one: Tayyip Erdogan / Recep Tayyip Erdogan, Vladimir
    # Putin / Vladimir Vladimirovich Putin.
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(short) < 2:
        return False
    # A word from inside the longer name stands as the shorter one's given name only when it is
    # the same name: Marine Le Pen is not Jean-Marie Le Pen.
    tail = long[-len(short):]
    if names.same_person_name(short[0], tail[0]) and same_full_name(short, tail):
        return True
    return same_full_name(short, long[:1] + long[1 - len(short):])


@lru_cache(maxsize=65536)
def given_names_fit(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    ga, gb = a[0], b[0]
    if len(ga) == 1 or len(gb) == 1:
        return ga[0] == gb[0]
    return ga == gb or names.name_similarity(ga, gb) >= 0.85


def ambiguous(bare: list[int], tok: str, groups: list[Group],
               doc_surnames: DocSurnames) -> list[int]:
    """The bare groups whose article names two or more people of this surname in full (not
    "Steve Jobs" and "Apple CEO Steve Jobs")."""
    out = []
    for i in bare:
        named = sorted(doc_surnames[groups[i].items[0].doc].get(tok, ()))
        if len(named) >= 2 and not one_person(named):
            out.append(i)
    return out


# Given names so common that a reporter prints them alone for an ordinary person ("a resident,
# Mohamed, said"), and that are also surnames (a father's name): alone, no one person's.
GIVEN_ALONE = frozenset("""
mohamed mohammed muhammad mohammad muhammed mohamad ahmed ahmad ali hassan ibrahim abdullah omar mahmoud mustafa
youssef yousef
""".split())


def lone_surnames(uf: Clusters, groups: list[Group], full: list[list[tuple[str, ...]]]) -> None:
    """A one-word name typed a person joins the one person of the story whose surname it is, but
    not where the story's other uses of the word make it mostly a place (Misrata, typed a person
    in a few articles, had joined Moaath al-Misrati, and with him every mention of the city), nor
    where it is also a given name of the story's people."""
    surnames: dict[str, set[int]] = defaultdict(set)
    for j, fns in enumerate(full):
        for fn in fns:
            surnames[fn[-1]].add(j)
    word_types: dict[str, Counter] = defaultdict(Counter)
    for j, g in enumerate(groups):
        if not full[j] and len(g.items[0].toks) == 1:
            word_types[g.items[0].toks[0]].update(it.m.type for it in g.items)
    given = {fn[0] for fns in full for fn in fns if len(fn) >= 2} | GIVEN_ALONE
    for i, g in enumerate(groups):
        if full[i] or len(g.items[0].toks) != 1 or g.label() != "PERSON":
            continue
        types = word_types[g.items[0].toks[0]]
        if types["PLACE"] >= types["PERSON"]:
            continue
        tok = g.items[0].toks[0]
        if any(same_word(name, tok) for name in given):
            # A given name of the story's people ("Mohamed Ismail"), or one the world's most often
            # given: alone in another article ("a resident of Misrata, Mohamed, told Reuters") it
            # is as likely anyone's first name as Hisham Mohammed's surname.
            continue
        roots = {uf.find(j) for sur, idx in surnames.items() if same_word(sur, tok) for j in idx}
        if len(roots) == 1:
            uf.union(roots.pop(), i)


# A bare surname goes to the person named in full in at least this many of the story's articles,
# in this share of the articles naming anyone of that surname in full, and in this many times
# as many articles as the next.
_DOMINANT_ARTICLES = 3
_DOMINANT_SHARE = 0.7
_DOMINANT_LEAD = 4.0


def dominant_surnames(uf: Clusters, groups: list[Group], full: list[list[tuple[str, ...]]],
                       doc_surnames: DocSurnames) -> None:
    """A surname printed alone that several people of the story carry is the one of them the
    story is about, when nearly every article that names one of them in full names that one: a
    Libya story's bare "Gadhafi" is Moammar Gadhafi (named in full in 125 of its 135 articles,
    Saif al-Islam in 19, Saif al-Arab in 14, and each of the model's "Keeping Gadhafi"s in one),
    where it had been 38 rows of its own, typed a body after "Gadhafi forces". A journalist calls
    the main figure by the surname and the others by their given names. Not a place or a country
    ("Jordan"), only where some article uses the bare name for a person, and not in an article
    that names several of its bearers in full: there "Gadhafi said his father has no intention of
    stepping down" is Saif al-Islam's, and the bare name stays a row of its own."""
    named_in: dict[int, set[str]] = defaultdict(set)
    for j, group in enumerate(groups):
        for it in group.items:
            if it.m.type == "PERSON" and len(it.toks) >= 2 and it.is_name:
                named_in[uf.find(j)].add(it.doc)
    by_surname: dict[str, set[int]] = defaultdict(set)
    for j, fns in enumerate(full):
        for fn in fns:
            # "Ali" is no bare surname of Zine El Abidine Ben Ali
            if fn[-2] not in SURNAME_PARTICLES:
                by_surname[fn[-1]].add(uf.find(j))
    for root, members in list(uf.members.items()):
        if uf.find(root) != root or any(full[k] for k in members):
            continue
        items = [it for k in members for it in groups[k].items]
        keys = {it.toks for it in items if it.is_name}
        if len(keys) != 1 or len(next(iter(keys))) != 1:
            continue
        tok = next(iter(keys))[0]
        if ambiguous(members, tok, groups, doc_surnames):
            continue  # an article naming Moammar and Saif al-Islam Gadhafi: its "Gadhafi" may be either
        types = Counter(it.m.type for it in items)
        if not types["PERSON"] or types["PLACE"] >= max(types["PERSON"], types["ORG"]) \
                or names.country_code(items[0].name) is not None:
            continue
        owners = {uf.find(j) for sur, roots in by_surname.items() if same_word(sur, tok) for j in roots}
        counts = sorted(((len(named_in[o]), o) for o in owners), reverse=True)
        if len(counts) < 2:
            continue  # none, or one: `lone_surnames`' case
        (top, owner), (second, _) = counts[0], counts[1]
        if top >= _DOMINANT_ARTICLES and top >= _DOMINANT_SHARE * sum(c for c, _ in counts) \
                and top >= _DOMINANT_LEAD * second:
            uf.union(owner, root)
