"""One entity per real person, body or place in a story, from the mentions of all its sources.

Resolution runs in two rounds, because an article is the one place where short forms are safe to
read: inside one article "Pashinyan" is the Nikol Pashinyan named above it, "NKR" the republic it
spelled out, "the Foreign Ministry" the one country's ministry it named. So:

1. **within an article**: mentions with one name key form a group (type-blind: spaCy calls one
   town a person in one sentence and a place in the next); a lone surname joins the one full name
   it fits, a short name the one longer name that contains it, an acronym the one name it
   abbreviates. Ambiguity (two full names fit) leaves the short form alone.
2. **across articles**: groups join on equal keys; people on full names that are spellings of one
   name (`names.same_person_name`, or the same given name and a close surname), or, when the
   surname is garbled past string similarity (Boginsky / Buzhinsky), on the same given name, a
   loosely similar surname and a shared, distinctive role description; places on variant
   spellings that differ only in vowels (Shusha / Shushi) or fold to one skeleton (Choucha);
   organisations on one normalised name (Ministry of Defense = Defense Ministry, Minsk group =
   Minsk Troika = OSCE Minsk Group) but never across a different country word (the Armenian and
   the Russian Foreign Ministry), and acronyms on the one name they abbreviate.

Two full names that one article prints as different people are never merged (a cannot-link), and
every fuzzy rule needs a unique candidate: a missed merge costs the reader one line, a wrong one
puts words in the wrong mouth. Types are decided last, by votes over all mentions plus cues in the
text ("the towns of X and Y", "in X"), so a type error cannot split an entity.

Cost: one pass over the mentions plus pairwise checks inside blocks keyed by the first letter of
the surname skeleton; a 50-article story resolves in tens of milliseconds.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from storyline.entities import names, roles
from storyline.model import Entity, Mention

TYPES = ("PERSON", "ORG", "PLACE")

# Words that say what kind of place a name is, not which one ("Republic of Armenia" = Armenia).
PLACE_DESIGNATORS = frozenset("""
republic region province oblast krai okrug district autonomous city town village municipality county
prefecture governorate ssr
""".split())
# Words that change which place it is: "Korea" is neither "North Korea" nor "South Korea".
PLACE_QUALIFIERS = frozenset("""
north south east west northern southern eastern western new upper lower central greater little old
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
LEGAL_FORMS = frozenset("inc corp corporation co ltd llc plc sa ag gmbh nv bv spa srl oao ooo pjsc ojsc zao".split())
# Words that join two names into a list: "GM, Ford and Chrysler" is three bodies, not one.
CONJUNCTIONS = frozenset("and or y e et und en ou o ed i и или".split())
# Collective nouns for a negotiating format: the "Minsk group" is the "Minsk Troika".
COLLECTIVES = {"group": "group", "troika": "group", "trio": "group", "quartet": "group", "quartette": "group",
               "format": "group", "contact": "group"}
PRONOUNS = frozenset("""
he him his she her hers it its they them their theirs we us our i me my you your who whom which that this
these those himself herself itself themselves
él ella ellos ellas lo la le les su sus suyo suya que quien quienes cual cuyo cuya se
lui lei loro esso essa essi suo sua suoi sue che cui il quale
hij zij ze hem haar hun zijn die dat wie welke wat het
il elle ils elles lui leur leurs son sa ses qui lequel
er sie es ihm ihr ihn ihnen sein seine
""".split())
_GENERIC_ROLE = frozenset("""
expert official analyst president minister head leader senior member representative officer spokesperson
secretary press counterpart mr mrs ms dr
""".split())
_PLACE_LEFT = re.compile(
    r"(?:\b(?:city|town|capital|village|region|province|district|republic|territory|port|towns|cities|villages|"
    r"regions|provinces|areas|settlements)\s+of\s+(?:the\s+)?(?:[\w\-’']+\s+(?:and|,)\s+)?)$", re.I)
_PLACE_PREP = re.compile(
    r"\b(?:in|near|at|into|across|outside|inside|around|towards|toward|throughout)\s+(?:the\s+)?$", re.I)
_PLACE_RIGHT = re.compile(r"^\s+(?:region|city|province|district|oblast|village|town)\b", re.I)
_PERSON_RIGHT = re.compile(
    r"^\s*(?:,\s*)?(?:said|says|told|stated|added|noted|declared|stressed|asked|wrote|insisted|believes|argued)\b")


@dataclass
class _Item:
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
class _Group:
    """Mentions taken to be one entity so far."""

    items: list[_Item] = field(default_factory=list)
    docs: set[str] = field(default_factory=set)
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


def resolve(mentions: list[Mention], texts: Mapping[str, str] | None = None) -> list[Entity]:
    """Entities of one story from its mentions; `texts` (source -> article text) adds context cues."""
    vocab = _lower_words(texts)
    items = [_item(m, vocab) for m in mentions]
    groups = []
    by_doc: dict[str, list[_Item]] = defaultdict(list)
    for it in items:
        by_doc[it.doc].append(it)
    story_surnames = {it.toks[-1] for it in items if it.m.type == "PERSON" and len(it.toks) >= 2 and it.is_name}
    for doc_items in by_doc.values():
        groups.extend(_within_article(doc_items, story_surnames))
    clusters = _across_articles(groups)
    entities = [_entity(g, texts) for g in clusters]
    entities.sort(key=lambda e: (-len(e.mentions), e.name))
    return entities


# -- mention keys ------------------------------------------------------------------------------

_WORD = re.compile(r"\b[a-zà-öø-ÿ][\w'’-]*")


def _lower_words(texts: Mapping[str, str] | None) -> set[str]:
    """Words the story prints in lower case somewhere: common words, not names."""
    out: set[str] = set()
    for text in (texts or {}).values():
        out.update(_WORD.findall(text))
    return out


_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.I)
_OF_ORG = re.compile(r"^(.*?)\b(ministry|department|directorate|office|commissariat)\s+of\s+(?:the\s+)?(.+)$")


@lru_cache(maxsize=8192)
def _keys(text: str) -> tuple[str, str, str]:
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
    toks = [COLLECTIVES.get(t, t) for t in toks]
    stripped = [t for t in toks if t not in PLACE_DESIGNATORS and t not in LEGAL_FORMS]
    if stripped:
        toks = stripped
    return name, key, " ".join(toks)


_PREP_SPLIT = re.compile(r"\s+(?:of|de|del|dei|degli|della|delle|di|da|van|von|du|des|für|pour|at|in|for)\s+", re.I)
_POSS_SPLIT = re.compile(r"\s*['’]s?\b\s*")


@lru_cache(maxsize=8192)
def _inner(name: str, core: str) -> tuple[str, ...]:
    if _OF_ORG.match(names.name_key(name)):
        return tuple(core.split())
    part = _POSS_SPLIT.split(name)[-1]
    head = _PREP_SPLIT.split(part, maxsplit=1)[0]
    if head == name:
        return tuple(core.split())
    return tuple(_keys(head)[2].split())


def _item(m: Mention, vocab: set[str]) -> _Item:
    name, key, core = _keys(m.text)
    words = name.split()
    first = words[0] if words else ""
    while len(words) > 1 and first.lower() in DETERMINERS:
        words = words[1:]
        first = words[0]
    is_name = bool(first[:1].isupper() or (first[:1] and not first[:1].isalpha())) and key not in PRONOUNS
    # "Stock markets worldwide" opening a sentence is no name: its first word is printed in lower
    # case elsewhere and nothing else in it is capitalised. Persons keep theirs ("Jobs said").
    if is_name and m.type != "PERSON" and first.lower() in vocab and not any(w[:1].isupper() for w in words[1:]):
        is_name = False
    if "," in name:
        is_name = False  # a list or a description with a clause: never a name key of its own
    if not is_name:  # a nominal or a pronoun among gold mentions: compare by head word only
        head = _head(key.split(), m.language)
        core = "" if head in PRONOUNS or not head else f"~{head}"
    listing = any(w.lower() in CONJUNCTIONS for w in name.split()[1:-1])
    return _Item(m=m, doc=m.source, name=name, key=key, core=core, toks=tuple(core.split()), is_name=is_name,
                 inner=_inner(name, core) if is_name and not listing else ())


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


def _head(words: list[str], language: str | None) -> str:
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


def _is_acronym(name: str) -> bool:
    letters = name.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


# -- round 1: inside one article ---------------------------------------------------------------


def _within_article(items: list[_Item], story_surnames: set[str]) -> list[_Group]:
    by_key: dict[str, _Group] = {}
    others = []
    for it in items:
        if not it.is_name or not it.core:
            others.append(it)
            continue
        g = by_key.setdefault(it.core, _Group(docs={it.doc}))
        g.items.append(it)
    groups = list(by_key.values())
    persons = [g for g in groups if g.full_names()]
    surnames: dict[str, list[_Group]] = defaultdict(list)
    for p in persons:
        for sur in {fn[-1] for fn in p.full_names()}:
            surnames[sur].append(p)
    by_tok: dict[str, list[_Group]] = defaultdict(list)
    for g in groups:
        if not g.full_names():
            for t in {t for it in g.items if len(it.inner) >= 2 for t in it.inner}:
                by_tok[t].append(g)
    attached: set[int] = set()
    for g in groups:
        if g.full_names() or any(not it.is_name for it in g.items):
            continue
        target = _short_form_target(g, groups, persons, story_surnames, by_tok, surnames)
        if target is not None:
            target.items.extend(g.items)
            attached.add(id(g))
    groups = [g for g in groups if id(g) not in attached]
    return groups + _descriptions(others, groups)


def _descriptions(others: list[_Item], groups: list[_Group]) -> list[_Group]:
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
    by_head: dict[str, _Group] = {}
    out = []
    for it in sorted(others, key=_position):
        ante = _antecedent(it, named) if not it.core and it.m.type else None
        if ante is not None:
            owner[id(ante)].items.append(it)
        elif it.core:
            g = by_head.get(it.core)
            if g is None:
                g = by_head[it.core] = _Group(docs={it.doc})
                out.append(g)
            g.items.append(it)
        else:
            out.append(_Group([it], {it.doc}))
    return out


def _antecedent(it: _Item, named: list[_Item]) -> _Item | None:
    same = [c for c in named if c.m.type == it.m.type]
    before = [c for c in same if _position(c) < _position(it)]
    if before:
        return before[-1]
    return same[0] if same else None


def _position(it: _Item) -> tuple[int, int]:
    return (it.m.sentence, it.m.start)


def _short_form_target(g: _Group, groups: list[_Group], persons: list[_Group], story_surnames: set[str],
                       by_tok: dict[str, list[_Group]], surnames: dict[str, list[_Group]]) -> _Group | None:
    """The one group of the same article a short form stands for, or None when none or several fit."""
    toks = next(iter(g.items)).toks
    label = g.labels().most_common(1)[0][0]
    if len(toks) == 1:
        tok = toks[0]
        # A surname: the one full name ending with it (exactly, else as a spelling variant).
        exact = [p for p in surnames.get(tok, ()) if p is not g]
        if len(exact) == 1:
            return exact[0]
        if exact:
            return None
        if label == "PERSON":
            variants = [p for p in persons if p is not g and any(_same_word(fn[-1], tok) for fn in p.full_names())]
            if len(variants) == 1:
                return variants[0]
            if variants:
                return None
            if any(_same_word(sur, tok) for sur in story_surnames):
                return None  # another article names this person in full: tie it there
            garbled = _garbled_surname(tok, persons)
            if garbled is not None:
                return garbled
    name = g.items[0].name
    if _is_acronym(name):
        hits = [h for h in groups if h is not g and any(_abbreviates(name, it.name) for it in h.items)]
        if len(hits) == 1:
            return hits[0]
        # "the Disaster and Emergency Management Authority (AFAD)": an acronym printed right after
        # a name defines it, whatever language the letters come from.
        defined = [h for h in groups if h is not g and any(
            0 < a.m.start - b.m.end <= 2 and b.m.sentence == a.m.sentence and b.m.type == "ORG"
            for a in g.items if a.m.start >= 0 for b in h.items if b.m.end >= 0 and len(b.toks) >= 2)]
        return defined[0] if len(defined) == 1 else None
    # A shorter name inside exactly one longer one: Karabakh / Nagorno-Karabakh, Foreign Ministry /
    # Russian Foreign Ministry.
    if any(len(it.key.split()) > len(toks) for it in g.items if it.is_name):
        return None  # "Apple Inc." is a body of its own, not a short form of "Apple Corps"
    hits = [h for h in by_tok.get(toks[0], ()) if h is not g and _labels_meet(g, h)
            and any(_contains(it.inner, toks) for it in h.items)]
    return hits[0] if len(hits) == 1 else None


def _labels_meet(a: _Group, *others: _Group) -> bool:
    """Some mention of each was typed alike: "Washington" (a place) is not inside the "Washington Post"."""
    la = set(a.labels())
    lb = {t for o in others for t in o.labels()}
    return bool(la & lb) or not (la - {""}) or not (lb - {""})


def _garbled_surname(tok: str, persons: list[_Group]) -> _Group | None:
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
            and not _gendered(surname, tok):
        return p
    return None


@lru_cache(maxsize=65536)
def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    """`short` is a run of `long`, and what `long` adds does not make it another place or body."""
    n, k = len(long), len(short)
    if k >= n or k == 0:
        return False
    for i in range(n - k + 1):
        if long[i:i + k] == short:
            extra = long[:i] + long[i + k:]
            if any(t in PLACE_QUALIFIERS or t in FACILITY_WORDS for t in extra):
                return False
            return not (any(t in ORG_DESIGNATORS for t in extra) and not any(t in ORG_DESIGNATORS for t in short))
    return False


@lru_cache(maxsize=65536)
def _same_word(a: str, b: str) -> bool:
    if a != b and _gendered(a, b):
        return False
    return a == b or names.same_person_name(a, b) or (len(a) >= 5 and names.name_similarity(a, b) >= 0.85
                                                      and names.skeleton(a)[:1] == names.skeleton(b)[:1])


# -- round 2: across articles ------------------------------------------------------------------


class _Clusters:
    """Union-find over article groups that refuses to join two people one article keeps apart."""

    def __init__(self, groups: list[_Group]) -> None:
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
        self.parent[b] = a
        self.members[a].extend(self.members.pop(b))
        for d, s in self.anchors[b].items():
            self.anchors[a].setdefault(d, set()).update(s)
        return True

    def clusters(self) -> list[_Group]:
        out = []
        for members in self.members.values():
            g = _Group()
            for k in members:
                g.items.extend(self.groups[k].items)
                g.docs |= self.groups[k].docs
            out.append(g)
        return out


def _across_articles(groups: list[_Group]) -> list[_Group]:
    uf = _Clusters(groups)
    full = [g.full_names() for g in groups]
    # 1. Equal keys. A one-word key shared by several different people ("Aliyev" for two Aliyevs)
    #    joins nobody.
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(groups):
        for k in g.core_keys():
            by_key[k].append(i)
    for k, idx in by_key.items():
        if len(idx) < 2:
            continue
        if len(k.split()) == 1:
            owners = {tuple(sorted(full[i])) for i in idx if full[i]}
            if len(owners) > 1 and not _one_person([fn for i in idx for fn in full[i]]):
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
            blocks[names.skeleton(fn[-1])[:1]].append((i, fn))
    for block in blocks.values():
        for x in range(len(block)):
            for y in range(x + 1, len(block)):
                (i, a), (j, b) = block[x], block[y]
                if uf.find(i) != uf.find(j) and _same_full_name(a, b):
                    uf.union(i, j)
    # 3. People whose surname the translation garbled: given name, a loose surname and the role agree.
    _role_merges(uf, groups)
    _surname_aliases(uf, groups, full)
    # 4. A surname alone in its article: the one person of the story it fits.
    _lone_surnames(uf, groups, full)
    # 5. Places spelled differently (Shusha / Shushi / Choucha); acronyms; contained names.
    _place_variants(uf, groups)
    _acronyms(uf, groups)
    _contained(uf, groups)
    return uf.clusters()


def _one_expansion(groups: list[_Group], idx: list[int]) -> bool:
    """An acronym whose longer names are translations of one expansion, not two expansions (AFP the
    agency and AFP the police): at most one of them spells out its letters."""
    acronyms = {it.name.replace(".", "") for i in idx for it in groups[i].items if _is_acronym(it.name)}
    if len(acronyms) != 1:
        return False
    acronym = acronyms.pop()
    longs = {it.name for i in idx for it in groups[i].items if len(it.toks) >= 2}
    return sum(1 for name in longs if _abbreviates(acronym, name)) <= 1


def _compatible(keys: list[str]) -> bool:
    """Every pair of these names is one name or one inside the other."""
    toks = [tuple(k.split()) for k in set(keys)]
    return all(a == b or _contains(a, b) or _contains(b, a) for x, a in enumerate(toks) for b in toks[x + 1:])


def _one_person(fns: list[tuple[str, ...]]) -> bool:
    return all(_same_full_name(fns[0], fn) for fn in fns[1:])


@lru_cache(maxsize=65536)
def _same_full_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if a == b:
        return True
    sa, sb = " ".join(a), " ".join(b)
    if names.same_person_name(sa, sb):
        return True
    if _gendered(a[-1], b[-1]):
        return False
    if len(a) == len(b):
        if _given_names_fit(a, b) and names.name_similarity(a[-1], b[-1]) >= 0.8:
            return True
        # Three words or more, each a close spelling: Recep Tayyip / Redzhep Tayip Erdogan (a
        # Turkish name through Russian).
        return len(a) >= 3 and names.name_similarity(a[-1], b[-1]) >= 0.85 and all(
            names.name_similarity(x, y) >= 0.75 for x, y in zip(a[:-1], b[:-1], strict=True))
    # A shorter full name inside a longer one: Tayyip Erdogan / Recep Tayyip Erdogan, Vladimir
    # Putin / Vladimir Vladimirovich Putin.
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(short) < 2:
        return False
    return _same_full_name(short, long[-len(short):]) or _same_full_name(short, long[:1] + long[1 - len(short):])


def _gendered(a: str, b: str) -> bool:
    """Ivanov / Ivanova, Aliyev / Aliyeva, Novak / Novakova: two people of one family, not two spellings."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and long[len(short):] in ("a", "aya", "ova", "eva", "ina", "ska", "cka")


@lru_cache(maxsize=65536)
def _given_names_fit(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    ga, gb = a[0], b[0]
    if len(ga) == 1 or len(gb) == 1:
        return ga[0] == gb[0]
    return ga == gb or names.name_similarity(ga, gb) >= 0.85


def _role_merges(uf: _Clusters, groups: list[_Group]) -> None:
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
                if w not in _GENERIC_ROLE and not _nationality(w):
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
        distinct = [w for w in shared if w not in _GENERIC_ROLE and not _nationality(w)]
        weight = sum(1.0 / max(1, df[w] - 1) for w in distinct)
        strong = n >= 2 and weight >= 2.0 and len(shared) >= 0.5 * min(len(words[i]), len(words[j]))
        if strong:
            floor = 0.5 if weight >= 4.0 else 0.6
            if any(_given_names_fit(a, b) and not _gendered(a[-1], b[-1])
                   and names.name_similarity(a[-1], b[-1]) >= floor
                   for a in groups[i].full_names() for b in groups[j].full_names()):
                uf.union(i, j)
        # One distinctive word ("budget minister") backs a name that is close but not close enough
        # alone: Jerome Cahuzac / Zherom Kayuzak (a French name through Russian).
        elif weight >= 1.0 and any(_close_name(a, b) for a in groups[i].full_names() for b in groups[j].full_names()):
            uf.union(i, j)


def _close_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if len(a[0]) < 2 or len(b[0]) < 2 or _gendered(a[-1], b[-1]):
        return False
    return names.name_similarity(a[0], b[0]) >= 0.8 and names.name_similarity(a[-1], b[-1]) >= 0.65


def _surname_aliases(uf: _Clusters, groups: list[_Group], full: list[list[tuple[str, ...]]]) -> None:
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


def _nationality(word: str) -> bool:
    return word.endswith(("ian", "ish", "ese", "ani", "ean")) or word in ("us", "uk", "eu", "un", "american", "russian")


def _lone_surnames(uf: _Clusters, groups: list[_Group], full: list[list[tuple[str, ...]]]) -> None:
    surnames: dict[str, set[int]] = defaultdict(set)
    for j, fns in enumerate(full):
        for fn in fns:
            surnames[fn[-1]].add(j)
    for i, g in enumerate(groups):
        if full[i] or len(g.items[0].toks) != 1 or g.labels().most_common(1)[0][0] != "PERSON":
            continue
        tok = g.items[0].toks[0]
        roots = {uf.find(j) for sur, idx in surnames.items() if _same_word(sur, tok) for j in idx}
        if len(roots) == 1:
            uf.union(roots.pop(), i)


def _weak_type(g: _Group) -> bool:
    """No sign of a person: no full name, no role. spaCy's PERSON on one word is often a town."""
    return not g.full_names() and not g.roles()


def _place_variants(uf: _Clusters, groups: list[_Group]) -> None:
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(groups):
        label = g.labels().most_common(1)[0][0]
        if not _weak_type(g) or label == "ORG" or not g.items[0].is_name:
            continue
        for k in g.core_keys():
            blocks[names.skeleton(k.replace(" ", ""))[:2]].append(i)
    for idx in blocks.values():
        for x in range(len(idx)):
            for y in range(x + 1, len(idx)):
                i, j = idx[x], idx[y]
                if uf.find(i) == uf.find(j):
                    continue
                li = groups[i].labels().most_common(1)[0][0]
                lj = groups[j].labels().most_common(1)[0][0]
                if "PLACE" not in (li, lj) and "" not in (li, lj):
                    continue
                if any(_place_spelling(a, b) for a in groups[i].core_keys() for b in groups[j].core_keys()):
                    uf.union(i, j)


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


def _acronyms(uf: _Clusters, groups: list[_Group]) -> None:
    longs: dict[str, set[int]] = defaultdict(set)
    for i, g in enumerate(groups):
        for it in g.items:
            if len(it.toks) >= 2 and it.is_name:
                longs[it.name].add(i)
    for i, g in enumerate(groups):
        name = g.items[0].name
        if not _is_acronym(name):
            continue
        roots = {uf.find(j) for long, idx in longs.items() if _abbreviates(name, long) for j in idx if j != i}
        if len(roots) == 1:
            uf.union(roots.pop(), i)


@lru_cache(maxsize=65536)
def _abbreviates(short: str, long: str) -> bool:
    if long[:1].upper() != short[:1]:
        return False
    if names.is_abbreviation(short, long):
        return True
    # Capitals kept whole: "US Geological Survey" -> USGS.
    letters = "".join(w if w.isupper() else w[:1] for w in re.findall(r"[^\W\d_]+", long)
                      if w[:1].isupper())
    return letters == short.replace(".", "")


def _contained(uf: _Clusters, groups: list[_Group]) -> None:
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
    holders_of: dict[tuple[str, ...], list[int]] = {}
    for i, g in enumerate(groups):
        if g.full_names() or not g.items[0].is_name:
            continue
        short = g.items[0].toks
        if not short or _is_acronym(g.items[0].name) or any(len(it.key.split()) > len(short) for it in g.items):
            continue
        holders = holders_of.get(short)
        if holders is None:
            cands = index.get(short[0], {})
            holders = holders_of[short] = [j for j, longs in cands.items() if any(_contains(t, short) for t in longs)]
        roots = {uf.find(j) for j in holders if j != i}
        roots.discard(uf.find(i))
        roots = {r for r in roots if _labels_meet(g, *(groups[k] for k in uf.members[r]))}
        if len(roots) == 1 and not _country_clash(g, groups, roots, uf, prefixes):
            uf.union(roots.pop(), i)


def _country_clash(g: _Group, groups: list[_Group], roots: set[int], uf: _Clusters, prefixes: set[str]) -> bool:
    """Cross-article containment that drops a country word ("Foreign Ministry" in another article
    than "Russian Foreign Ministry") is unsafe: that ministry may be another country's."""
    short = set(g.items[0].toks)
    if not any(t in ORG_DESIGNATORS for t in short):
        return False
    root = next(iter(roots))
    for j in uf.members.get(root, []):
        for toks in {it.toks for it in groups[j].items}:
            if any(_nationality(t) or t[:4] in prefixes for t in toks if t not in short):
                return True
    return False


# -- entities ----------------------------------------------------------------------------------


def _entity(g: _Group, texts: Mapping[str, str] | None) -> Entity:
    kind = _vote_type(g, texts)
    name = _canonical(g, kind)
    role_counts: Counter = Counter()
    first_form: dict[str, str] = {}
    for it in g.items:
        if it.m.role:
            low = it.m.role.lower()
            role_counts[low] += 1
            first_form.setdefault(low, it.m.role)
    ordered = sorted(role_counts, key=lambda r: (-role_counts[r], r))
    mentions = sorted((it.m for it in g.items), key=lambda m: (m.source, m.start if m.start >= 0 else 1 << 30))
    return Entity(name=name, type=kind, roles=[first_form[r] for r in ordered], mentions=mentions)


def _vote_type(g: _Group, texts: Mapping[str, str] | None) -> str:
    votes: Counter = Counter()
    person_anchor = bool(g.full_names()) or bool(g.roles())
    for it in g.items:
        t = it.m.type if it.m.type in TYPES else None
        if t == "PERSON" and not person_anchor:
            votes[t] += 0.5
        elif t:
            votes[t] += 1.0
        if texts and it.m.start >= 0 and it.m.source in texts:
            text = texts[it.m.source]
            left = text[max(0, it.m.start - 60):it.m.start]
            right = text[it.m.end:it.m.end + 30]
            if _PLACE_LEFT.search(left) or _PLACE_RIGHT.match(right):
                votes["PLACE"] += 2.0
            elif _PLACE_PREP.search(left) and not right.startswith(("'s", "’s")):
                votes["PLACE"] += 0.75
            if _PERSON_RIGHT.match(right) and person_anchor:
                votes["PERSON"] += 1.0
    if any(it.toks and it.toks[-1] in ORG_DESIGNATORS for it in g.items):
        votes["ORG"] += 0.5
    if not votes:
        return g.items[0].m.type or "OTHER"
    labels = g.labels()
    order = {"PLACE": 0, "ORG": 1, "PERSON": 2}
    return max(votes, key=lambda t: (votes[t], labels.get(t, 0), -order.get(t, 3)))


@lru_cache(maxsize=8192)
def _latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isascii() or "LATIN" in _uname(c) for c in letters)


@lru_cache(maxsize=4096)
def _uname(c: str) -> str:
    import unicodedata

    return unicodedata.name(c, "")


def _canonical(g: _Group, kind: str) -> str:
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
        native = {it.key for it in g.items if not _latin(it.name)}

        def support(k: str) -> tuple:
            sur = k.split()[-1]
            docs = {it.doc for it in g.items if it.toks and names.name_similarity(it.toks[-1], sur) >= 0.9}
            best = display[k].most_common(1)[0][0]
            english = sum(1 for it in g.items if it.key == k and (it.m.language or "en") == "en")
            return (_latin(best), len(docs), k in native, english > 0, min(len(k.split()), 3), forms[k], k)

        key = max(cands, key=support)
    else:
        top = max(forms.values())
        floor = min(2, top)
        plain = [k for k in forms if not _is_acronym(display[k].most_common(1)[0][0])] or list(forms)
        cands = [k for k in plain if forms[k] >= floor] or plain
        typed = Counter(it.key for it in g.items if it.m.type == kind)
        acronyms = [it.name for it in g.items if _is_acronym(it.name)]

        def spells_out(k: str) -> bool:
            return " " in k and any(_abbreviates(a, display[k].most_common(1)[0][0]) for a in acronyms)

        key = max(cands, key=lambda k: (_latin(display[k].most_common(1)[0][0]), spells_out(k), len(k.split()),
                                        forms[k], typed[k], k))
    best = display[key].most_common()
    name = sorted(best, key=lambda p: (not _latin(p[0]), -p[1], p[0]))[0][0]
    return name if _latin(name) else names.to_latin(name)
