"""Acronyms and clippings, and the names they abbreviate, within an article and across a story's
articles.

An acronym joins the one name of its article or story whose letters it spells ("USGS", "the US
Geological Survey") or that prints it in brackets ("the Disaster and Emergency Management
Authority (AFAD)"), in whatever language. Letters are ambiguous: "BP" is the oil company in a
story that also links to the Bangkok Post, "CNN" in "Abu Dhabi (CNN)" is the agency of a
dateline. These rules keep such letters to themselves. A clipping is the opening of a body's first
word that news writes for it ("the Fed", the Federal Reserve; "the Met", the Metropolitan Police).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from storyline.clean.lines import stoplist
from storyline.clean.media import load_media
from storyline.entities import names
from storyline.entities.keys import Group, Item, abbreviates, is_acronym

if TYPE_CHECKING:
    from storyline.entities.merges import Clusters


def acronym_target(g: Group, groups: list[Group], label: str, country: bool, text: str | None) -> Group | None:
    """The one group of the same article an acronym's group stands for, or None."""
    name = g.items[0].name
    # A person is no acronym's expansion unless the acronym is typed a person too (JFK): "TV"
    # had been Tommy Vietor, "BP" Boone Pickens, "AAA" Alaa al Aswany.
    hits = [h for h in groups if h is not g and (label == "PERSON" or not h.full_names())
            and any(abbreviates(name, it.name) for it in h.items)]
    if country:  # "US" is the United States, not the University of Sussex
        code = names.country_code(name)
        hits = [h for h in hits if any(names.country_code(it.name) == code for it in h.items)]
    if len(hits) == 1 and not acronym_first(g.items, [it for it in hits[0].items if abbreviates(name, it.name)]):
        return hits[0]
    # "the Disaster and Emergency Management Authority (AFAD)": an acronym printed right after
    # a name defines it, whatever language the letters come from. At the acronym's first use, and
    # not a country's: "Bangkok Post US oil spill" and "CNBC via MSN Money BP agrees to ..." (a
    # list of links) define neither.
    first = min((a.m.start for a in g.items if a.m.start >= 0), default=-1)
    defined = [] if country or not _may_be_defined(name) else [h for h in groups if h is not g and any(
        _defines(text, b.m.end, a.m.start, a.m.end) and b.m.sentence == a.m.sentence and b.m.type == "ORG"
        and not b.name.isupper()  # a transcript's caption in capitals: "JOHNS HOPKINS UNIV."
        for a in g.items if a.m.start == first >= 0 for b in h.items if b.m.end >= 0 and len(b.toks) >= 2)]
    return defined[0] if len(defined) == 1 else None


# Uses of an acronym before the name it would abbreviate that make it another's: news prints "the
# UN" or "NATO" once or twice before spelling it out, not a dozen times.
ACRONYM_USES_BEFORE = 3


def acronym_first(acronyms: Iterable[Item], expansions: Iterable[Item]) -> bool:
    """Whether an article uses an acronym again and again before the name it would abbreviate:
    there the letters stand for something else ("BP" the oil company, then "Bangkok Post" in a
    list of links). Body mentions only, and not in the first sentence (a headline's)."""
    first_expansion: dict[str, int] = {}
    for it in expansions:
        if it.m.start >= 0:
            first_expansion[it.doc] = min(first_expansion.get(it.doc, it.m.start), it.m.start)
    before: dict[str, int] = defaultdict(int)
    for it in acronyms:
        if 0 <= it.m.start < first_expansion.get(it.doc, -1) and it.m.sentence != 0:
            before[it.doc] += 1
    return any(n >= ACRONYM_USES_BEFORE for n in before.values())


# Letters no name defines: a medium's, in a dateline ("UNITED NATIONS (CNN) --", "Abu Dhabi
# (CNN)"), and the common ones printed after a name ("Al Arabiya TV", "the U.N. Security Council
# (PDF)").
_UNDEFINED_LETTERS = frozenset({"TV", "PDF", "CEO", "GMT", "BST", "EST", "EDT", "AM", "PM", "MP", "MPS", "HTML",
                                "URL", "ID", "OK", "AKA", "VIDEO", "UPDATE"})


def _may_be_defined(acronym: str) -> bool:
    letters = acronym.replace(".", "")
    return (letters.upper() not in _UNDEFINED_LETTERS and letters.lower() not in stoplist("English")
            and acronym not in load_media(None).canonical)


def _defines(text: str | None, name_end: int, acronym_start: int, acronym_end: int) -> bool:
    """Whether what stands around an acronym printed after a name may make it the name's: a
    bracket before it ("Authority (AFAD)", tokenised "Authority -LRB- AFAD"), or in translated
    text a space before it and a comma after ("the American Institute of Geophysics USGS, the
    epicentre ..."); not a space alone ("Contributor NATO ramps up", "the European Union NEED to
    hear"). Without the text, two characters at most."""
    if not 0 < acronym_start - name_end <= 8:
        return False
    if text is None:
        return acronym_start - name_end <= 2
    between = text[name_end:acronym_start].strip()
    comma_after = text[acronym_end:acronym_end + 2].strip()[:1] == ","
    return between in ("(", "[", "-LRB-", "（") or (between == "" and comma_after)


def join_acronyms(uf: Clusters, groups: list[Group]) -> None:
    """An acronym joins the one cluster whose name it abbreviates; a person's only when the acronym
    is typed a person too (JFK), not "TV" Tommy Vietor or "BP" Boone Pickens."""
    longs: dict[str, set[int]] = defaultdict(set)
    people: dict[str, set[int]] = defaultdict(set)
    for i, g in enumerate(groups):
        for it in g.items:
            if len(it.toks) >= 2 and it.is_name:
                (people if g.full_names() else longs)[it.name].add(i)
    for i, g in enumerate(groups):
        name = g.items[0].name
        if not is_acronym(name):
            continue
        expansions = longs | people if g.label() == "PERSON" else longs
        roots = {uf.find(j) for long, idx in expansions.items() if abbreviates(name, long) for j in idx if j != i}
        if len(roots) == 1 and not _printed_first(uf, groups, i, root := roots.pop(), name):
            uf.union(root, i)


def _printed_first(uf: Clusters, groups: list[Group], i: int, root: int, acronym: str) -> bool:
    """`acronym_first` over the clusters of an acronym and of the name it would abbreviate."""
    bare = acronym.replace(".", "")  # "B.P." and "BP" alike
    letters = [it for k in uf.members[uf.find(i)] for it in groups[k].items if it.name.replace(".", "") == bare]
    spelled = [it for k in uf.members[root] for it in groups[k].items if abbreviates(acronym, it.name)]
    return acronym_first(letters, spelled)


# Titles' and months' abbreviations, which open bodies' names too ("Sen" the Senate, "Rep" the
# Republican Party, "Gov" the Government, "Oct" the October Revolution).
_NO_CLIPPINGS = frozenset("sen rep gov gen adm col maj sgt cpl det supt insp rev "
                          "jan feb mar apr jun jul aug sep oct nov dec mon tue wed thu fri sat sun".split())


def clips(short: str, long: str) -> bool:
    """Whether `short` is a clipping of the name `long`: three letters, no title's or month's
    abbreviation, opening the first word (of five letters or more) of a name of two words or more."""
    words = long.split()
    return (len(short) == 3 and short.lower() not in _NO_CLIPPINGS and len(words) >= 2 and len(words[0]) >= 5
            and words[0].lower().startswith(short.lower()))


def join_clippings(uf: Clusters, groups: list[Group]) -> None:
    """A body's name of three letters that opens the first word of one longer body's name of the
    story, and only one, joins it: "the Fed" is the Federal Reserve, printed in full once and
    clipped after (the two had been two rows). Three letters: a longer opening is a name of its
    own ("Intel" is no "International ...")."""
    openings: dict[str, set[int]] = defaultdict(set)
    for i, g in enumerate(groups):
        for it in g.items:
            if it.m.type == "ORG" and it.name[:1].isupper() and clips(it.name[:3], it.name):
                openings[it.name[:3]].add(i)
    for i, g in enumerate(groups):
        name = g.items[0].name
        if g.label() != "ORG" or not (name[:1].isupper() and name[1:].islower()):
            continue
        roots = {uf.find(j) for j in openings.get(name, ()) if j != i}
        if len(roots) == 1:
            uf.union(roots.pop(), i)
