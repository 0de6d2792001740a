"""The shape of a person's name to the rules, which read capitals and word lists only: two to four
capitalised words with particles between, no title, acronym, number or place among them
(`person_like`), and where a name starts after a lead of titles, portfolios or a place
(`name_after_lead`). Read by `ner_rules` for every run of capitals it finds, and by the quotes."""

from __future__ import annotations

import re

from storyline.entities.roles import TITLE_WORDS
from storyline.entities.rule_places import is_place_word
from storyline.entities.rule_words import FOREIGN_TITLES, FUNCTION_WORDS, PORTFOLIOS

# A name's particles between its capitalised words.
CONNECT = r"(?:de la|de los|de las|van der|van den|von der|de|del|della|di|da|van|von|der|den|du|des|bin|ibn)"


def is_title_word(word: str) -> bool:
    """A title in the text's language, or in English, which translations and loans keep ("CEO")."""
    low = word.lower().strip(".")
    return low in FOREIGN_TITLES or low in TITLE_WORDS


def name_after_lead(words: list[str]) -> int:
    """Where a name starts after a lead of capitalised title, portfolio or place words (0: none).
    What follows is capitalised, no connector ("CEO de Apple" stays whole), and two words or more after
    a place or an English title ("Australia John Howard", "King Juan Carlos"); after the language's own
    title one will do ("Senator McCain"). An English title word ends names too often to stand before
    one ("Martin Luther King Jr")."""
    for k in range(len(words) - 1, 0, -1):
        before = words[k - 1].lower().strip(".")
        two = len(words) - k >= 2
        titled = is_title_word(before) or before in PORTFOLIOS  # "alla Difesa Mark Esper"
        title = before in FOREIGN_TITLES or before in _STYLES or (two and titled)
        if (title or (two and is_place_word(words[k - 1]))) and words[-1].lower().strip(".") not in _SUFFIXES \
                and all(w[:1].isupper() and not is_title_word(w) for w in words[k:]):
            return k
    return 0


# Styles that stand before a one-word name ("Queen Elizabeth", "Pope Benedict"), and what ends one.
_STYLES = frozenset("king queen prince princess pope sir lord lady dame emir sheikh tsar czar".split())
_SUFFIXES = frozenset("jr sr ii iii iv".split())


def person_like(words: list[str]) -> bool:
    """Two to four capitalised words with name particles between, none an acronym, a number or a
    place, nor a place after the last particle: "CEO de Apple", "A380 de Airbus", "Mad Money del
    CNBC", "Finance de Kuwait" are no people, and the rules have no other evidence for a type."""
    own = [w for w in words if not re.fullmatch(CONNECT, w)]
    joined = [i for i, w in enumerate(words) if re.fullmatch(CONNECT, w)]
    if joined and is_place_word(" ".join(words[joined[-1] + 1:])):
        return False  # "Hang Seng de Hong Kong", "Banco de España": a thing of a place, no one's name
    # English titles count only first: "John Major" is a name, "Chief Operating Officer" none.
    return 2 <= len(own) <= 4 and own[0].lower() not in FUNCTION_WORDS and own[0].lower() != "the" \
        and not is_title_word(own[0]) and all(
            w[:1].isupper() and not any(c.isdigit() for c in w) and not (len(w.strip("'’.")) > 1 and w.isupper())
            and not is_place_word(w) and w.lower().strip(".") not in FOREIGN_TITLES for w in own)
