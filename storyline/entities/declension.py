"""Polish declines names: "Andrzeja Dudy", "Andrzejem Dudą" and "Andrzej Duda" are one man, "w
Polsce" and "Polska" one country, and a story had printed them as four people. Russian names come
lemmatised from natasha; Polish has no packaged model here, so a declined mention takes the
nominative the story itself prints: each word's case ending is undone by the rules below (which
over-generate: "Marka" may be Marek or Marka), and a candidate counts only where another mention
of the story, in any language, spells it. Failing that, two declined forms that undo to one name
alone ("Andrzeja Dudy", "Andrzejem Dudą": Andrzej Duda) are that name, and one declined on every
word by an ending no nominative has ("Andrzejem Dudą" alone) is the name those endings undo.

The mention keeps its offsets on the printed words, as natasha's do.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from itertools import product

from storyline.model import Mention

# Oblique endings and the nominative endings they come from: masculine stems (Andrzeja, Trumpie,
# Putinem, Donaldowi; Warszawie), a mobile e (Jacka, Jackiem: Jacek), -a stems (Dudy, Dudę, Dudą, Dudzie,
# Polsce, Hołowni), adjectival surnames (Kurskiego, Kurskim, Markowskiej, Błońską).
_ENDINGS = (
    ("kiem", ("ek",)), ("kowi", ("ek",)), ("ka", ("ek",)), ("ku", ("ek",)),
    ("iego", ("i",)), ("ego", ("y",)), ("iemu", ("i",)), ("emu", ("y",)), ("iej", ("a",)), ("ej", ("a",)),
    ("im", ("i",)), ("ym", ("y",)),
    ("owi", ("",)), ("em", ("",)), ("zie", ("a",)), ("rze", ("ra",)), ("ce", ("ka",)), ("ie", ("", "a")),
    ("ą", ("a",)), ("ę", ("a",)), ("y", ("a",)), ("i", ("a", "ia")), ("a", ("",)), ("u", ("",)),
)


def _word_forms(word: str) -> set[str]:
    """The nominatives a declined word may come from (itself among them), each part of a
    hyphenated name on its own ("Kidawą-Błońską")."""
    if "-" in word:
        return {"-".join(parts) for parts in product(*(sorted(_word_forms(p)) for p in word.split("-")))}
    out = {word}
    for ending, nominatives in _ENDINGS:
        stem = word[:-len(ending)]
        if word.endswith(ending) and len(stem) >= 2 and stem[:1].isupper():
            out.update(stem + n for n in nominatives)
    return out


# Endings no Polish name has in the nominative (not -ej or -iej: Andrzej, Maciej; not -a, -y, -i,
# -u, -e, which it may): a name of two words or more with one on every word is declined.
_OBLIQUE = {"dzkim": "dzki", "skim": "ski", "ckim": "cki", "kiem": "ek", "kowi": "ek", "iego": "i", "iemu": "i",
            "ego": "y", "emu": "y", "owi": "", "zie": "a", "em": "", "ą": "a", "ę": "a"}  # longest first


def _oblique_nominative(name: str) -> str | None:
    """The nominative of a name declined on every word by an ending no nominative has ("Andrzejem
    Dudą", "Jackiem Kurskim"), each word undone by its longest such ending (Andrzej Duda, Jacek
    Kurski); None if a word has none."""
    words = name.split()
    if len(words) < 2:
        return None
    out = []
    for word in words:
        parts = []
        for part in word.split("-"):
            ending = next((e for e in _OBLIQUE if part.endswith(e) and len(part) - len(e) >= 2), None)
            if ending is None:
                return None
            parts.append(part[:-len(ending)] + _OBLIQUE[ending])
        out.append("-".join(parts))
    return " ".join(out)


def nominatives(name: str) -> set[str]:
    """Every name `name` may be a declined form of, itself excluded; none for a long run."""
    words = name.split()
    if not 1 <= len(words) <= 3:
        return set()
    return {" ".join(c) for c in product(*(sorted(_word_forms(w)) for w in words))} - {name}


def undeclined(mentions: list[Mention]) -> list[Mention]:
    """The story's mentions, each Polish one named by the nominative the story prints, where it
    prints one; else by the one name two of its declined forms share."""
    polish = {m.text for m in mentions if m.language == "pl"}
    if not polish:
        return mentions
    printed = Counter(m.text for m in mentions)
    target: dict[str, str] = {}
    undone: dict[str, set[str]] = {}
    for name in polish:
        options = nominatives(name)
        attested = [c for c in options if printed[c]]
        if attested:
            target[name] = max(attested, key=lambda c: (printed[c], c))
        else:
            undone[name] = options
    shared: dict[str, set[str]] = defaultdict(set)
    for name, options in undone.items():
        for c in options:
            shared[c].add(name)
    for name, options in undone.items():
        agreed = [c for c in options if len(shared[c]) >= 2 and len(c.split()) >= 2]
        if len(agreed) == 1:
            target[name] = agreed[0]
        elif name not in target and (plain := _oblique_nominative(name)):
            target[name] = plain
    if not target:
        return mentions
    return [replace(m, text=target[m.text]) if m.language == "pl" and m.text in target else m for m in mentions]
