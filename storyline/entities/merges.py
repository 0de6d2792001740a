"""Round two of resolution: joining the groups of different articles (see `resolve`).

Every rule needs a unique candidate and respects the cannot-link of `Clusters`: two people one
article prints apart stay apart. Rules in order: equal keys (a bare one-word key shared by
incompatible longer names ties nobody), spellings of one full name, garbled surnames backed by a
distinctive role, surname spellings carried to relatives, lone surnames (`surnames`), place spellings, one
country's names, translations of a body's or a place's name (`translations`), a pope's or a
sovereign's name in each language (`styles`), acronyms and clippings, names contained in one
longer name.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from functools import lru_cache

from storyline.entities import names, roles
from storyline.entities.acronyms import join_acronyms, join_clippings
from storyline.entities.countries import city_zone
from storyline.entities.keys import (
    ORG_DESIGNATORS,
    Group,
    abbreviates,
    contains,
    gendered,
    is_acronym,
    is_nationality,
    labels_meet,
)
from storyline.entities.styles import join_styled
from storyline.entities.surnames import (
    ambiguous,
    doc_surnames,
    dominant_surnames,
    given_names_fit,
    lone_surnames,
    one_person,
    same_full_name,
)
from storyline.entities.translations import translated_pairs

GENERIC_ROLE = frozenset("""
expert official analyst president minister head leader senior member representative officer spokesperson
secretary press counterpart mr mrs ms dr
""".split())


class Clusters:
    """Union-find over article groups that refuses to join two people one article keeps apart."""

    def __init__(self, groups: list[Group]) -> None:
        self.groups = groups
        self.parent = list(range(len(groups)))
        self.anchors: list[dict[str, set[tuple[str, ...]]]] = []
        for g in groups:
            per_doc: dict[str, set[tuple[str, ...]]] = defaultdict(set)
            for it in g.items:
                # Only names printed in the body: a caption in the original script may name the
                # person the translated body garbles, and so is no evidence of two people.
                in_body = it.m.start >= 0 or it.m.sentence >= 0
                if it.m.type == "PERSON" and len(it.toks) >= 2 and it.is_name and in_body:
                    per_doc[it.doc].add(it.toks)
            self.anchors.append(per_doc)
        self.members = {i: [i] for i in range(len(groups))}
        number = {id(g): i for i, g in enumerate(groups)}
        self.apart = [(i, number[id(h)]) for i, g in enumerate(groups) for h in g.apart_from if id(h) in number]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> bool:
        a, b = self.find(i), self.find(j)
        if a == b:
            return True
        docs_a = {self.groups[k].items[0].doc for k in self.members[a]}
        docs_b = {self.groups[k].items[0].doc for k in self.members[b]}
        # Two groups of one article were kept apart there: distinct, if both are named people.
        for d in docs_a & docs_b:
            if self.anchors[a].get(d) and self.anchors[b].get(d):
                return False
        if self.apart and self._kept_apart(a, b):
            return False
        self.parent[b] = a
        self.members[a].extend(self.members.pop(b))
        for d, s in self.anchors[b].items():
            self.anchors[a].setdefault(d, set()).update(s)
        return True

    def _kept_apart(self, a: int, b: int) -> bool:
        return any({self.find(i), self.find(j)} == {a, b} for i, j in self.apart)

    def clusters(self) -> list[Group]:
        out = []
        for members in self.members.values():
            g = Group()
            for k in members:
                g.items.extend(self.groups[k].items)
                g.docs |= self.groups[k].docs
            out.append(g)
        return out


def across_articles(groups: list[Group]) -> list[Group]:
    uf = Clusters(groups)
    full = [g.full_names() for g in groups]
    printed = doc_surnames(groups, full)
    # 1. Equal keys. A one-word key shared by several different people ("Aliyev" for two Aliyevs)
    #    joins none of them.
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(groups):
        for k in g.core_keys():
            by_key[k].append(i)
    # Longer keys first, so a full name joins its spellings before a shorter one ties articles.
    for k, idx in sorted(by_key.items(), key=lambda p: (-len(p[0].split()), p[0])):
        if len(idx) < 2:
            continue
        if len(k.split()) == 1:
            # A bare surname in an article that names several of its bearers in full (its own round
            # left it alone for that) stays the ambiguous row: not with the others, nor anyone's.
            unsure = ambiguous([i for i in idx if not full[i]], k, groups, printed)
            for i in unsure[1:]:
                uf.union(unsure[0], i)
            unsure_set = set(unsure)
            idx = [i for i in idx if i not in unsure_set]
            if len(idx) < 2:
                continue
            owners = {tuple(sorted(full[i])) for i in idx if full[i]}
            if len(owners) > 1 and not one_person([fn for i in idx for fn in full[i]]):
                # The bare name still names one thing wherever it stands alone: those groups are
                # one row ("Misrata" had been 46 rows of a Libya story, since two articles' model
                # made persons "Misrata Tripoli" and "Misrata Gadhafi"). Whose it is, if anyone's,
                # is `surnames.dominant_surnames`' question.
                bare = [i for i in idx if not full[i]]
                for i in bare[1:]:
                    uf.union(bare[0], i)
                continue
            longs = {i: {c for c in groups[i].core_keys() if " " in c} for i in idx}
            if not _compatible([c for cs in longs.values() for c in cs]) and not _one_expansion(groups, idx):
                # "Apple" beside "Apple Corps" in one article and "Apple Computer" in another:
                # the bare name ties only the articles that name no longer body.
                idx = [i for i in idx if not longs[i]]
                if len(idx) < 2:
                    continue
        anchored = sorted(idx, key=lambda i: -len(full[i]))
        for i in anchored[1:]:
            uf.union(anchored[0], i)
    # 2. People: full names that are spellings of one name, blocked on the surname skeleton.
    blocks: dict[str, list[tuple[int, tuple[str, ...]]]] = defaultdict(list)
    for i, fns in enumerate(full):
        for fn in fns:
            # on the surname, not a suffix after it ("Henry M. Paulson Jr." / "Hank Paulson")
            first = names.skeleton(names.surname(" ".join(fn)) or fn[-1])[:1]
            blocks[_BLOCKS.get(first, first)].append((i, fn))
    offices = _offices_by_name(groups, full)
    for block in blocks.values():
        pairs = [(i, a, j, b) for x, (i, a) in enumerate(block) for j, b in block[x + 1:]
                 if i != j and same_full_name(a, b) and not _offices_apart(offices, a, b)]
        shared = _shared_short_names(pairs)
        for i, a, j, b in pairs:
            if a not in shared and b not in shared:
                uf.union(i, j)
    # 3. People whose surname the translation garbled: given name, a loose surname and the role agree.
    _role_merges(uf, groups)
    _surname_aliases(uf, groups, full)
    # 4. A surname alone in its article: the one person of the story it fits, or the one most of
    #    the story names in full.
    lone_surnames(uf, groups, full)
    dominant_surnames(uf, groups, full, printed)
    # 5. Places spelled differently (Shusha / Shushi / Choucha); acronyms; contained names.
    _place_variants(uf, groups)
    _countries(uf, groups)
    _cities(uf, groups)
    for i, j in translated_pairs(groups, uf.find):
        uf.union(i, j)
    join_styled(uf, groups)
    join_acronyms(uf, groups)
    join_clippings(uf, groups)
    _contained(uf, groups)
    return uf.clusters()


# Blocks of a surname's first sound where languages spell one name's first letter two ways: German
# S for a Slavic Z (Selenskyj / Zelensky), German Ch for Kh (Chamenei / Khamenei: the skeleton
# reads ch as sh, which stays apart from s: Chaldani is no Saldani).
_BLOCKS = {"z": "s", "x": "h"}


def _shared_short_names(pairs: list[tuple[int, tuple[str, ...], int, tuple[str, ...]]]) -> set[tuple[str, ...]]:
    """Shorter names that fit two longer ones of two people: "Saif Gadhafi" beside Saif al-Islam
    and Saif al-Arab Gadhafi, two brothers, is either, and joins neither."""
    longer: dict[tuple[str, ...], set[tuple[str, ...]]] = defaultdict(set)
    for _, a, _, b in pairs:
        if len(a) != len(b):
            short, long_ = sorted((a, b), key=len)
            longer[short].add(long_)
    return {short for short, longs in longer.items()
            if any(not same_full_name(x, y) for x in longs for y in longs if x < y)}


def _one_expansion(groups: list[Group], idx: list[int]) -> bool:
    """An acronym whose longer names are translations of one expansion, not two expansions (AFP the
    agency and AFP the police): at most one of them spells out its letters."""
    acronyms = {it.name.replace(".", "") for i in idx for it in groups[i].items if is_acronym(it.name)}
    if len(acronyms) != 1:
        return False
    acronym = acronyms.pop()
    longs = {it.name for i in idx for it in groups[i].items if len(it.toks) >= 2}
    return sum(1 for name in longs if abbreviates(acronym, name)) <= 1


def _compatible(keys: list[str]) -> bool:
    """Every pair of these names is one name or one inside the other."""
    toks = [tuple(k.split()) for k in set(keys)]
    return all(a == b or contains(a, b) or contains(b, a) for x, a in enumerate(toks) for b in toks[x + 1:])


def _role_merges(uf: Clusters, groups: list[Group]) -> None:
    """People whose surname the translation garbled, tied by the same given name and a shared role.

    The role must share at least two distinctive words (not "president", not a nationality), each
    weighted by how few of the story's people carry it; the surname must still look alike, less so
    the more the role says (Boginsky / Buzhinsky with "retired lieutenant general, former head of
    the international treaty department").
    """
    words = [set().union(*(roles.role_words(r) for r in g.roles())) if g.roles() else set() for g in groups]
    df: Counter = Counter()
    for w in words:
        df.update(w)
    index: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(groups):
        if g.full_names():
            for w in words[i]:
                if w not in GENERIC_ROLE and not is_nationality(w):
                    index[w].append(i)
    pairs: Counter = Counter()
    for idx in index.values():
        if len(idx) > 30:  # a word that many people share says nothing
            continue
        for x in range(len(idx)):
            for y in range(x + 1, len(idx)):
                pairs[(idx[x], idx[y])] += 1
    for (i, j), n in pairs.items():
        if uf.find(i) == uf.find(j):
            continue
        shared = words[i] & words[j]
        distinct = [w for w in shared if w not in GENERIC_ROLE and not is_nationality(w)]
        weight = sum(1.0 / max(1, df[w] - 1) for w in distinct)
        strong = n >= 2 and weight >= 2.0 and len(shared) >= 0.5 * min(len(words[i]), len(words[j]))
        if strong:
            floor = 0.5 if weight >= 4.0 else 0.6
            if any(given_names_fit(a, b) and not gendered(a[-1], b[-1])
                   and names.name_similarity(a[-1], b[-1]) >= floor
                   for a in groups[i].full_names() for b in groups[j].full_names()):
                uf.union(i, j)
        # One distinctive word ("budget minister") backs a name that is close but not close enough
        # alone: Jerome Cahuzac / Zherom Kayuzak (a French name through Russian).
        elif weight >= 1.0 and any(_close_name(a, b) for a in groups[i].full_names() for b in groups[j].full_names()):
            uf.union(i, j)


def _offices_by_name(groups: list[Group], full: list[list[tuple[str, ...]]]) -> dict[tuple[str, str], set[str]]:
    """The offices the story gives each full name (given name, surname), over all its articles."""
    offices: dict[tuple[str, str], set[str]] = defaultdict(set)
    for g, fns in zip(groups, full, strict=True):
        if fns and g.roles():
            held = {_OFFICE_SHORT.get(w, w) for r in g.roles() for w in roles.role_words(r)
                    if w in roles.TITLE_WORDS and w not in _NO_OFFICE}
            for fn in fns:
                offices[(fn[0].lower(), fn[-1].lower())] |= held
    return offices


# Title words that name no office of one person, and the short forms of those that do.
_NO_OFFICE = frozenset("""
mr mrs ms miss mme sir dame lord lady dr doctor member members official officer expert head chief leader
counterpart candidate partner owner
""".split())
_OFFICE_SHORT = {"sen": "senator", "adm": "admiral", "gen": "general", "lt": "lieutenant", "col": "colonel",
                 "gov": "governor", "rep": "representative", "sgt": "sergeant", "capt": "captain",
                 "cmdr": "commander", "maj": "major", "supt": "superintendent", "atty": "attorney",
                 "amb": "ambassador", "spokesperson": "spokesman", "spokeswoman": "spokesman"}


def _offices_apart(offices: dict[tuple[str, str], set[str]], a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two spellings of a surname whose bearers hold offices with no title in common, anywhere in
    the story: two people (Coast Guard Rear Adm. Mary Landry, Louisiana Sen. Mary Landrieu; Sen.
    John Kerry, BP spokesman John Curry), not one name the copy garbled, which keeps its bearer's
    title (Boginsky / Buzhinsky, "retired lieutenant general"). Story-wide, since an article that
    names Landrieu with no title had tied her to an article's Landry with none, and through them
    the two. Only spellings a transliteration does not explain: Bayramov / Baïramov stays one
    man, whether a source calls him foreign minister or the head of Azerbaijani diplomacy."""
    if names.skeleton(a[-1]) == names.skeleton(b[-1]):
        return False
    mine, theirs = offices.get((a[0].lower(), a[-1].lower())), offices.get((b[0].lower(), b[-1].lower()))
    return bool(mine) and bool(theirs) and not mine & theirs  # type: ignore[operator]


def _close_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if len(a[0]) < 2 or len(b[0]) < 2 or gendered(a[-1], b[-1]):
        return False
    return names.name_similarity(a[0], b[0]) >= 0.8 and names.name_similarity(a[-1], b[-1]) >= 0.65


def _surname_aliases(uf: Clusters, groups: list[Group], full: list[list[tuple[str, ...]]]) -> None:
    """Once the story ties Cahuzac to Kayuzak through one person, his brother Antoine Kayuzak is
    Antoine Cahuzac too: the same given name with the two spellings of the surname."""
    aliases: set[tuple[str, str]] = set()
    for members in uf.members.values():
        surnames = {fn[-1] for k in members for fn in full[k]}
        if 1 < len(surnames) <= 4:
            aliases.update((x, y) for x in surnames for y in surnames if x != y)
    if not aliases:
        return
    by_given: dict[str, list[tuple[int, tuple[str, ...]]]] = defaultdict(list)
    for i, fns in enumerate(full):
        for fn in fns:
            by_given[fn[0]].append((i, fn))
    for entries in by_given.values():
        for x in range(len(entries)):
            for y in range(x + 1, len(entries)):
                (i, a), (j, b) = entries[x], entries[y]
                if (a[-1], b[-1]) in aliases and uf.find(i) != uf.find(j) and len(a[0]) > 1:
                    uf.union(i, j)


def _weak_type(g: Group) -> bool:
    """No sign of a person: no full name, no role. spaCy's PERSON on one word is often a town."""
    return not g.full_names() and not g.roles()


def _place_variants(uf: Clusters, groups: list[Group]) -> None:
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(groups):
        label = g.label()
        if not _weak_type(g) or label == "ORG" or not g.items[0].is_name:
            continue
        for k in sorted(g.core_keys()):
            blocks[names.skeleton(k.replace(" ", ""))[:2]].append(i)
    for idx in blocks.values():
        for x in range(len(idx)):
            for y in range(x + 1, len(idx)):
                i, j = idx[x], idx[y]
                if uf.find(i) == uf.find(j):
                    continue
                li = groups[i].label()
                lj = groups[j].label()
                if "PLACE" not in (li, lj) and "" not in (li, lj):
                    continue
                if any(_place_spelling(a, b) for a in groups[i].core_keys() for b in groups[j].core_keys()):
                    uf.union(i, j)

def _countries(uf: Clusters, groups: list[Group]) -> None:
    """One country in several languages and forms (United States, US, Stati Uniti, EEUU, Verenigde
    Staten): the country list's code ties them, where no spelling rule could. Places only:
    Jordan, Chad and Turkey are people and things too."""
    def code(g: Group) -> str | None:
        # a country's letters the tagger typed a body ("the DPRK", "the UAE") are the country too
        acronym = g.label() == "ORG" and all(it.name.isupper() and 2 < len(it.name) <= 5 for it in g.items)
        return _one_of({names.country_code(k) for k in g.core_keys()}) if g.label() == "PLACE" or acronym else None

    _join_on(uf, groups, code)  # a country's names only: not "Air France" beside "France"


def _cities(uf: Clusters, groups: list[Group]) -> None:
    """One big city in several languages (Bagdad, Baghdad, Багдад): the zone CLDR names it in ties
    them (`countries.city_zone`). Places only: a city's name is a person's or a team's too."""
    _join_on(uf, groups, lambda g: _one_of({city_zone(k) for k in g.core_keys()}) if g.label() == "PLACE" else None)


def _one_of(values: set[str | None]) -> str | None:
    """The one value every key of a group gives, or None (none, or several)."""
    return next(iter(values)) if len(values) == 1 else None


def _join_on(uf: Clusters, groups: list[Group], key: Callable[[Group], str | None]) -> None:
    """Every group with the same key (not None) in one cluster."""
    first: dict[str, int] = {}
    for i, g in enumerate(groups):
        if (k := key(g)) is not None:
            uf.union(first.setdefault(k, i), i)


_VOWELS = set("aeiouy")


@lru_cache(maxsize=65536)
def _place_spelling(a: str, b: str) -> bool:
    """One place spelled two ways: same transliteration skeleton, or only the final vowel differs."""
    if a == b or len(a) < 5 or len(b) < 5 or len(a.split()) != len(b.split()):
        return False
    if names.skeleton(a.replace(" ", "")) == names.skeleton(b.replace(" ", "")):
        return True
    # Long names that differ in one transliterated sound: Kahramanmaras / Kahramanmarach,
    # Karabakh / Karabagh (not Columbia / Colombia: the start must agree).
    if min(len(a), len(b)) >= 8 and a[:4] == b[:4] and names.name_similarity(a, b) >= 0.88:
        return True
    if len(a) != len(b):
        return False
    # Only the final vowel: Shusha (Azerbaijani) / Shushi (Armenian); Columbia is not Colombia.
    return a[:-1] == b[:-1] and a[-1] in _VOWELS and b[-1] in _VOWELS


def _contained(uf: Clusters, groups: list[Group]) -> None:
    """A one-group name inside exactly one other cluster's longer name (places and bodies only)."""
    index: dict[str, dict[int, set[tuple[str, ...]]]] = defaultdict(lambda: defaultdict(set))
    for j, g in enumerate(groups):
        if g.full_names():
            continue
        for it in g.items:
            if len(it.inner) >= 2 and it.is_name:
                for t in it.inner:
                    index[t][j].add(it.inner)
    prefixes = {it.toks[0][:4] for g in groups for it in g.items if len(it.toks) == 1 and it.m.type == "PLACE"}
    holders_of: dict[tuple[tuple[str, ...], bool], list[int]] = {}
    for i, g in enumerate(groups):
        if g.full_names() or not g.items[0].is_name:
            continue
        short = g.items[0].toks
        if not short or is_acronym(g.items[0].name) or any(len(it.key.split()) > len(short) for it in g.items):
            continue
        body = _all_bodies(g)
        holders = holders_of.get((short, body))
        if holders is None:
            cands = index.get(short[0], {})
            holders = holders_of[(short, body)] = [
                j for j, longs in cands.items()
                if any(contains(t, short, body and _all_bodies(groups[j])) for t in longs)]
        roots = {uf.find(j) for j in holders if j != i}
        roots.discard(uf.find(i))
        roots = {r for r in roots if labels_meet(g, *(groups[k] for k in uf.members[r]))}
        if len(roots) == 1 and not _country_clash(g, groups, roots, uf, prefixes):
            uf.union(roots.pop(), i)


def _all_bodies(g: Group) -> bool:
    return all(it.m.type == "ORG" for it in g.items)


def _country_clash(g: Group, groups: list[Group], roots: set[int], uf: Clusters, prefixes: set[str]) -> bool:
    """Cross-article containment that drops a country word ("Foreign Ministry" in another article
    than "Russian Foreign Ministry") is unsafe: that ministry may be another country's."""
    short = set(g.items[0].toks)
    if not any(t in ORG_DESIGNATORS for t in short):
        return False
    root = next(iter(roots))
    for j in uf.members.get(root, []):
        for words in {tuple(it.key.split()) for it in groups[j].items}:
            if any(is_nationality(t) or t[:4] in prefixes for t in words if t not in short):
                return True
    return False
