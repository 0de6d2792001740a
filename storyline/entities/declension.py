"""Polish declines names: "Andrzeja Dudy", "Andrzejem Dudą" and "Andrzej Duda" are one man, "w
Polsce" and "Polska" one country, and a story had printed them as four people. Russian names come
lemmatised from natasha; Polish has no packaged model here, so a declined mention takes the
nominative the story itself prints: each word's case ending is undone by the rules below (which
over-generate: "Marka" may be Marek or Marka), and a candidate counts only where another mention
of the story, in any language, spells it. Failing that, two declined forms that undo to one name
alone ("Andrzeja Dudy", "Andrzejem Dudą": Andrzej Duda) are that name, and one declined on every
word by an ending no nominative has ("Andrzejem Dudą" alone) is the name those endings undo, and
a man's name whose given name is in the genitive ("Andrzeja Dudy" alone) is undone by the genitive.

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


def _undone(part: str) -> str | None:
    """A word undone by its longest ending no nominative has ("Kurskiego": Kurski), or None."""
    ending = next((e for e in _OBLIQUE if part.endswith(e) and len(part) - len(e) >= 2), None)
    return None if ending is None else part[:-len(ending)] + _OBLIQUE[ending]


def _oblique_nominative(name: str) -> str | None:
    """The nominative of a name declined on every word by an ending no nominative has ("Andrzejem
    Dudą", "Jackiem Kurskim"), each word undone by its longest such ending (Andrzej Duda, Jacek
    Kurski); None if a word has none."""
    words = name.split()
    if len(words) < 2:
        return None
    out = []
    for word in words:
        parts = [_undone(part) for part in word.split("-")]
        if None in parts:
            return None
        out.append("-".join(p for p in parts if p is not None))
    return " ".join(out)


# Men's given names Polish news prints, in the nominative; their genitive (Andrzej -> Andrzeja,
# Jacek -> Jacka, Paweł -> Pawła) shows the case of the surname after them.
_MEN = frozenset("""
Adam Adrian Aleksander Andrzej Antoni Arkadiusz Artur Bartłomiej Bartosz Bogdan Bogusław Bolesław Borys
Bronisław Cezary Czesław Damian Daniel Dariusz Dawid Donald Edward Emmanuel Eugeniusz Filip Franciszek Fryderyk
Grzegorz Gustaw Henryk Hubert Ignacy Igor Ireneusz Jacek Jakub Jan Janusz Jarosław Jerzy Józef Julian Kamil
Karol Kazimierz Konrad Krystian Krzysztof Leon Leszek Lech Łukasz Maciej Marcin Marek Mariusz Mateusz Michał
Mieczysław Mikołaj Miłosz Mirosław Oskar Patryk Paweł Piotr Przemysław Radosław Rafał Robert Roman Ryszard
Sebastian Sławomir Stanisław Stefan Szymon Tadeusz Tomasz Wacław Waldemar Wiesław Wiktor Witold Władimir
Władysław Włodzimierz Wojciech Wołodymyr Zbigniew Zdzisław Zygmunt
""".split())


# Women's given names Polish news prints, in the nominative ("Patrycji Markowskiej" is Patrycja's).
_WOMEN = frozenset("""
Agata Agnieszka Aleksandra Alicja Angelika Ania Anna Barbara Beata Bożena Danuta Dominika Dorota Edyta Elżbieta
Eliza Emilia Ewa Ewelina Grażyna Halina Hanna Helena Ilona Irena Iwona Izabela Jadwiga Janina Joanna Jolanta Julia
Justyna Kamila Karolina Katarzyna Kinga Klaudia Krystyna Lena Lidia Longina Lucyna Magdalena Maja Małgorzata Maria
Marianna Marta Martyna Marzena Monika Natalia Oliwia Patrycja Paulina Renata Sandra Stanisława Sylwia Teresa Urszula
Wanda Weronika Wiktoria Zofia Zuzanna
""".split())


def is_given_name(word: str) -> bool:
    """Whether a word is a man's or a woman's given name Polish news prints, in any case
    ("Andrzeja", "Jackiem", "Patrycji")."""
    return any(form in _MEN or form in _WOMEN for form in _word_forms(word))


def _genitive(given: str) -> str:
    if given.endswith(("i", "y")):  # Antoni, Jerzy, Ignacy: declined as adjectives
        return given.removesuffix("y") + "ego"
    if given.endswith("ek"):
        return given[:-2] + "ka"
    if given.endswith("eł"):
        return given[:-2] + "ła"
    return given + "a"


_MEN_GENITIVE = {_genitive(g): g for g in _MEN}
# Genitives that are women's given names too (Stanisława, Daniela, Franciszka): beside a surname in
# -a ("Stanisława Duda") the name is hers, in the nominative.
_WOMEN_TOO = frozenset(g for g in _MEN_GENITIVE if g.endswith("sława")) | frozenset(
    "Jana Daniela Adriana Juliana Bogdana Romana Karola Henryka Józefa Franciszka".split())
# Surnames a woman bears in the nominative: "Stanisława Kowalska" is a woman, not Stanisław's genitive.
_WOMENS_SURNAME = ("ska", "cka", "dzka", "owa", "ewa", "ówna")


def is_mans_genitive(word: str) -> bool:
    """Whether a word is the genitive of a man's given name Polish news prints (Andrzeja, Jerzego)."""
    return word in _MEN_GENITIVE


def is_mans_name(word: str) -> bool:
    """Whether a word is a man's given name Polish news prints, in the nominative or the genitive."""
    return word in _MEN or word in _MEN_GENITIVE


def _genitive_nominative(name: str) -> str | None:
    """The nominative of a man's name in the genitive, told by his given name ("Andrzeja Dudy":
    Andrzej Duda, "Mikołaja Kopernika": Mikołaj Kopernik, "Stanisława Kostki": Stanisław Kostka);
    None if the first word is no man's given name in the genitive or the surname is no genitive."""
    words = name.split()
    if len(words) != 2 or words[0] not in _MEN_GENITIVE:
        return None
    surname = words[1]
    if len(surname) < 4 or "-" in surname or surname.endswith(_WOMENS_SURNAME):
        return None
    if surname.endswith("ego"):  # Kurskiego, Nowego: the adjectival surnames
        nominative = _undone(surname)
        if nominative is None:
            return None
    elif surname.endswith(("ki", "gi")) or surname.endswith("y"):  # Kostki, Dudy: -a stems
        nominative = surname[:-1] + "a"
    elif surname.endswith("i"):  # Hołowni: Hołownia
        nominative = surname + "a"
    elif surname.endswith("a") and words[0] not in _WOMEN_TOO:
        stem = surname[:-1]
        # a mobile e between two consonants (Kaczmarka: Kaczmarek), none after a vowel (Kopernika)
        nominative = stem[:-1] + "ek" if stem.endswith("k") and stem[-2:-1] not in "aeiouyąęó" else stem
    else:
        return None
    return f"{_MEN_GENITIVE[words[0]]} {nominative}"


def _womans_nominative(name: str) -> str | None:
    """The nominative of a woman's name in the genitive or the dative, told by her given name ("Hanny
    Lis": Hanna Lis, "Patrycji Markowskiej": Patrycja Markowska, "Beaty Kawki": Beata Kawka); a
    surname ending in a consonant does not decline for a woman ("Edyty Górniak": Edyta Górniak)."""
    words = name.split()
    if len(words) != 2:
        return None
    given = next((words[0][:-len(end)] + nom for end, nom in _WOMANS_GIVEN if words[0].endswith(end)
                  and words[0][:-len(end)] + nom in _WOMEN), None)
    if given is None:
        return None
    surname = words[1]
    for end, nom in _WOMANS_SURNAME:
        if surname.endswith(end):
            return f"{given} {surname[:-len(end)]}{nom}"
    return None if surname[-1:] in "aeiouyąęó" else f"{given} {surname}"


_WOMANS_GIVEN = (("ii", "ia"), ("ji", "ja"), ("y", "a"), ("i", "a"), ("i", "ia"))
_WOMANS_SURNAME = (("skiej", "ska"), ("ckiej", "cka"), ("dzkiej", "dzka"), ("owej", "owa"), ("ki", "ka"),
                   ("gi", "ga"), ("y", "a"))


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
        elif name not in target and (plain := _oblique_nominative(name) or _genitive_nominative(name)
                                     or _womans_nominative(name)):
            target[name] = plain
    if not target:
        return mentions
    return [replace(m, text=target[m.text]) if m.language == "pl" and m.text in target else m for m in mentions]
