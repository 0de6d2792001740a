"""Where a name the model found begins and ends: the model's spans take in determiners, titles,
quote marks, brackets and the correspondent's box around a name, and `ner_english.py` cuts them here
before it types anything.
"""

from __future__ import annotations

import re
from typing import Any

from storyline.entities import roles
from storyline.entities.credits import PHOTO_AGENCIES
from storyline.entities.ner_rules import QUOTES
from storyline.entities.thing_words import PLATFORMS, TIME_ZONES

# Brackets as text prints them, and as treebank text escapes them.
OPENING_BRACKETS = frozenset({"(", "[", "-LRB-", "-LSB-", "-LCB-"})
BRACKETS = OPENING_BRACKETS | {")", "]", "-RRB-", "-RSB-", "-RCB-"}

# Syllables of a Korean given name as English news romanises them: the second, after a hyphen, is
# printed in lower case ("Moon Jae-in", "Kim Jong-un", "Ban Ki-moon"), and the model often ended
# the name before it ("Moon Jae"), so that he was a second person of the story.
_KOREAN_SYLLABLES = frozenset("""
a ae an bae beom bin bo bok chan chang cheol chul chun dae do dong eun gi gu gun gwang gyu ha hae han ho hoon
hun hwa hwan hee hui hye hyo hyuk hyun il in ja jae jang je ji jin jo jong joo ju jun jung ki kook kun kwon kyu
kyung mi min mo moon myung nam ok pil sang se seo seok seon seong seung shik sik so sok soo sook su suk sun sung
tae u uk un won woo woong yeol yeon yeong yong yoon young yun
""".split())


# The verbs a Title-Case headline sets between two names ("Klobuchar Jabs Trump", "Pelosi Slams
# Barr"), which the model read as one person's name.
_HEADLINE_VERBS = frozenset("""
says slams jabs blasts urges warns rips mocks praises defends accuses vows tells asks meets visits threatens
denies rejects sues fires hires backs endorses attacks criticizes criticises thanks hails snubs taunts
""".split())

# Tags of a sentence's first word that no name begins with: a gerund, an interjection, an adverb.
_OPENERS = frozenset({"VBG", "UH", "RB", "WRB"})
# Words that open a clause and no person's name, capitalised where a flattened page lost the full stop
# before them: "... hired by NBA as general counsel Before Stern was the commissioner".
_CLAUSE_OPENERS = frozenset("""before after when while since although though because unless until once if
but however meanwhile then also yet thus where whereas""".split())


def clean_span(doc: Any, a: int, b: int, kind: str) -> tuple[int, int] | None:
    """Trim determiners, possessives, honorifics and quote marks off a model's span."""
    while a < b and (doc[a].lower_ in ("the", "a", "an") or doc[a].text in QUOTES or doc[a].is_space
                     or doc[a].lower_.strip(".") in roles.HONORIFICS
                     or (kind == "PERSON" and b - a > 2 and doc[a].lower_ in roles.TITLE_WORDS)
                     or (kind == "PERSON" and b - a > 1 and doc[a].tag_ in ("DT", "PDT"))  # "All Lord Goldsmith"
                     or (b - a > 1 and doc[a].text.isupper() and doc[a].lower_ in TIME_ZONES)
                     or (b - a > 1 and doc[a].is_sent_start and doc[a].tag_ in _OPENERS)
                     or (kind == "PERSON" and b - a > 1 and doc[a].lower_ in _CLAUSE_OPENERS)
                     or (b - a > 1 and doc[a].text == ",")):
        # "Lawyer Sofia Renkel": a title the model took into the name; "17:54 GMT Mexico shuts";
        # a sentence's opening word: "Taking Sirte would bring ...", "Naturally , Downing Street"
        a += 1
    while b > a and (doc[b - 1].text in ("'s", "’s", "'", "’") or doc[b - 1].text in QUOTES
                     or doc[b - 1].is_punct or doc[b - 1].text in BRACKETS or doc[b - 1].is_space):
        b -= 1  # and a paragraph break the model ran the name into ("Suttles .\n")
    if b <= a:
        return None
    if kind == "PERSON" and b - a >= 3 and (verb := next((k for k in range(a + 1, b - 1)
                                                         if doc[k].lower_ in _HEADLINE_VERBS), None)):
        return clean_span(doc, a, verb, kind)  # a Title-Case headline: "Klobuchar Jabs Trump for Spending …"
    if kind == "PERSON" and b - a >= 2 and (doc[a].text in PHOTO_AGENCIES or doc[a].text in PLATFORMS):
        # a caption's agency or a platform run into a name ("Getty Donald Trump", "Twitter Donald
        # Trump"): the name after it; one word after it is a button's or a handle's ("Twitter Subscribe")
        return clean_span(doc, a + 1, b, kind) if b - a >= 3 else None
    if kind == "PERSON" and b - a >= 3 and doc[b - 2].text == "-" and doc[b - 1].is_lower \
            and doc[b - 1].text not in _KOREAN_SYLLABLES:
        b -= 2  # "the Donald Trump-led coalition": his, not a part of his name ("Moon Jae-in" is whole)
    if kind == "PERSON":
        if photo_credit(doc, a, b):
            return None
        b = before_desk_byline(doc, a, b)
    # A headline's "Interview With Mohammed ElBaradei", "Talks With Hamas": the name follows "With".
    cut = next((k for k in range(a + 1, b - 1) if doc[k].text == "With"), None)
    if cut is not None:
        return clean_span(doc, cut + 1, b, kind)
    # An opening bracket inside: the model ran a name into the acronym that follows it ("Centers
    # for Disease Control and Prevention -LRB- CDC", in treebank text): the name ends before it.
    for k in range(a + 1, b):
        if doc[k].text in OPENING_BRACKETS and any(doc[j].text[:1].isupper() for j in range(a, k)):
            if kind == "ORG" and k == b - 2 and is_acronym(doc[b - 1].text):
                break  # "... Council -LRB- NTC": the acronym is a mention of its own (`find_mentions`)
            return clean_span(doc, a, k, kind)
        if doc[k].text in BRACKETS and doc[k].text not in OPENING_BRACKETS:
            # "11:58 a.m. ET -RRB- Egyptian Prime Minister ...": the words after a closing bracket
            return clean_span(doc, k + 1, b, kind)
    # A quote mark inside the span: the model ran a name into a quoted phrase; keep the part
    # before the mark when it holds a capitalised word, else the part after it.
    for k in range(a, b):
        if doc[k].text in QUOTES and not name_particle(doc, k):
            left = (a, k) if any(doc[j].text[:1].isupper() for j in range(a, k)) else None
            return left or (clean_span(doc, k + 1, b, kind))
    return a, b


_PICTURE = frozenset({"Photo", "Photos", "Photograph", "Picture", "Image"})


def photo_credit(doc: Any, a: int, b: int) -> bool:
    """A caption's credit the model read as a person of the story ("Photo Credit Robin Wright",
    "Credit: Ivo Lind", "Photo by Ivo Lind", "(Khalid Mohammed/AP)"): who took the picture."""
    colon = a > 0 and doc[a - 1].text == ":"
    k = a - 1 if colon else a
    last, second = (doc[k - 1].text if k > 0 else ""), (doc[k - 2].text if k > 1 else "")
    if last in ("Credit", "Credits") or (last == "by" and second in _PICTURE) or (colon and last in _PICTURE):
        return True
    if b - a > 1 and doc[a].text in _PICTURE | {"Credit"}:
        return True
    # "/AP" inside the span or right after it
    return any(doc[k].text == "/" and doc[k + 1].text in PHOTO_AGENCIES for k in range(a, min(b + 1, len(doc) - 1)))


def before_desk_byline(doc: Any, a: int, b: int) -> int:
    """Where a full name ends that the model ran into its correspondent's box: "Robert Peston
    Business editor , BBC News ...", "Paul Adams BBC News": an acronym, or a desk before a
    lower-case title ("Business" of "Business editor"), after two capitalised words."""
    for k in range(a + 2, b):
        if not all(t.is_title and t.is_alpha for t in doc[a:k]):
            break
        word = doc[k]
        if is_acronym(word.text) and word.text not in ("II", "III", "IV", "JR", "SR"):
            return k
        after = doc[k + 1] if k + 1 < len(doc) else None
        if (k == b - 1 and word.is_title and after is not None and after.text.islower()
                and after.text in roles.TITLE_WORDS and (word.lower_ in roles.MODIFIERS or word.lower_ in _DESKS)):
            return k
    return b


# The desks a correspondent's title names ("Business editor", "North America editor" is left whole).
_DESKS = frozenset("""
business political politics economics science health environment world home diplomatic defence defense
security technology arts sports sport legal international religious education transport europe africa asia
""".split())


def name_particle(doc: Any, k: int) -> bool:
    """The apostrophe of "O 'Reilly", "D 'Amato" as a token corpus spaces them: part of the name."""
    return (doc[k].text in ("'", "’") and 0 < k < len(doc) - 1 and doc[k - 1].text in ("O", "D", "L")
            and doc[k + 1].idx == doc[k].idx + 1 and doc[k + 1].text[:1].isupper())


def is_acronym(word: str) -> bool:
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper()


_DESIGNATION = re.compile(r"^[A-Z][A-Za-z]{0,3}-\d{1,4}[A-Z]{0,2}$")


def designation(name: str) -> bool:
    """A name that ends in an aircraft's or a weapon's code, which the English model and the rules
    type a body: "Turkish F-16", "S-400", "AH-64" (the G-20 is a group)."""
    words = name.split()
    return bool(words) and bool(_DESIGNATION.match(words[-1])) and not words[-1].startswith("G-")


def korean_given_name_end(doc: Any, b: int) -> int:
    """Where a person's span that ends at `b` ends once the lower-case half of a hyphenated Korean
    given name the model left out is put back ("Moon Jae" + "-in"); `b` where there is none."""
    if b + 1 < len(doc) and doc[b].text == "-" and not doc[b - 1].whitespace_ and not doc[b].whitespace_ \
            and doc[b + 1].text in _KOREAN_SYLLABLES and (b + 2 == len(doc) or doc[b + 2].text != "-"):
        return b + 2
    return b
