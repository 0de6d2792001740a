"""Popes and sovereigns across languages: "Pope Francis", "Papa Francesco", "Papa Francisco" and
"papież Franciszek" are one man.

News names them by a style and a given name that each language translates, so no spelling rule
ties them (Francis / Francesco is no transliteration) and the static vectors do not either (on
these names they score Francis / Francisco 0.58 and Francesco / Francesca, two people's, 0.67: no
bar parts them). What holds is the style, which
translates word for word, and the opening of the given name, which the translations keep
(Fran-cis, Fran-cesco, Fran-ciszek, Fran-ziskus; Bene-dict, Bene-detto). Groups join when each
names one person by one given name under one style and the names open on the same four letters,
but two names that differ and that texts of one language both print stay apart: one language
names one man one way, and "King Abdullah" and "King Abdulaziz" are two; unless one is the other's
opening (a machine translation that left "Franciszek" in an English text beside "Francis"). A name
of two words or more under the style ("John Paul", "Pius XII") is left to the other rules.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from storyline.entities.keys import Group
from storyline.entities.names import fold

if TYPE_CHECKING:
    from storyline.entities.merges import Clusters

# A style's word in the languages the sources come in, declined where the language declines it.
_STYLES = {
    "pope": "pope", "papa": "pope", "papst": "pope", "pape": "pope", "papież": "pope", "papieża": "pope",
    "papieżem": "pope", "paus": "pope",
    "king": "king", "rey": "king", "re": "king", "roi": "king", "könig": "king", "król": "king", "króla": "king",
    "koning": "king",
    "queen": "queen", "reina": "queen", "regina": "queen", "reine": "queen", "königin": "queen",
    "królowa": "queen", "koningin": "queen",
    "emperor": "emperor", "emperador": "emperor", "imperatore": "emperor", "empereur": "emperor",
    "kaiser": "emperor", "cesarz": "emperor",
}
# Styles that are given names or surnames too ("Regina King", "Rey Mysterio"): a role's word, not a
# name's first word to drop.
_ALSO_NAMES = frozenset({"regina", "reine", "rey", "re"})
_PREFIX = 4


def _style(word: str) -> str | None:
    """The style a name's first word is, if it is one and no name."""
    low = word.lower().strip(".")
    return _STYLES[low] if low in _STYLES and low not in _ALSO_NAMES else None


def _printed(uf: Clusters, groups: list[Group], i: int) -> dict[str, set[str]]:
    """The given names the cluster of group `i` prints (folded, without the style), by the language
    of the text."""
    out: dict[str, set[str]] = defaultdict(set)
    for it in (it for k in uf.members[uf.find(i)] for it in groups[k].items):
        words = it.name.split()
        while words and _style(words[0]):
            words.pop(0)
        if len(words) == 1:
            out[it.m.language or "en"].add(fold(words[0]).lower())
    return out


def _styled_name(g: Group) -> tuple[str, str] | None:
    """(style, the given name's opening) of a group that names one person by a style and one given
    name, in its names or its roles; None otherwise."""
    styles, given = set(), set()
    for it in g.items:
        words = it.name.split()
        while words and (style := _style(words[0])):
            styles.add(style)
            words.pop(0)
        if len(words) == 1 and len(words[0]) >= _PREFIX + 1:
            given.add(fold(words[0]).lower()[:_PREFIX])
        elif words:
            return None  # a full name ("Jorge Mario Bergoglio"): the other rules' to judge
    for role in g.roles():
        styles.update(_STYLES[w] for w in role.lower().replace(".", " ").split() if w in _STYLES)
    if len(styles) != 1 or len(given) != 1:
        return None
    return styles.pop(), given.pop()


def join_styled(uf: Clusters, groups: list[Group]) -> None:
    """Join the groups that name one pope or sovereign in several languages (see the module)."""
    keyed: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, g in enumerate(groups):
        key = _styled_name(g) if g.label() == "PERSON" else None
        if key is not None:
            keyed[key].append(i)
    for members in keyed.values():
        anchor = max(members, key=lambda i: (len(groups[i].items), -i))
        for i in members:
            names, mine = _printed(uf, groups, anchor), _printed(uf, groups, i)
            if uf.find(i) != uf.find(anchor) and all(
                    _one_name(names[lang], spelled) for lang, spelled in mine.items() if lang in names):
                uf.union(anchor, i)


def _one_name(printed: set[str], other: set[str]) -> bool:
    """Whether two sets of given names one language prints under a style name one man: the same,
    or where they differ one the other's opening ("Francis" and "Franciszek", a machine translation
    that left the Polish form in an English text); "Abdullah" and "Abdulaziz" are two kings."""
    return all(any(len(min(a, b, key=len)) >= _PREFIX + 2 and (a.startswith(b) or b.startswith(a))
                   for b in (other if a in printed else printed))
               for a in printed ^ other)
