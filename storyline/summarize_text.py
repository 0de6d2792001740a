"""Text primitives for the summary: a rule-based sentence splitter, Unicode word tokens, a stemmer.

Kept apart from `summarize.py` because they are language plumbing, not selection. No model and no
data download: the splitter works from punctuation, casing and a short list of abbreviations, so
it handles any alphabetic script (and 。！？ for Chinese and Japanese). The stemmer is Porter's
(1980) algorithm for English, written out here so the core needs no new dependency; other
languages are compared by lower-cased word forms, which costs recall on inflected languages but
never merges unrelated words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

# Words that take a period without ending a sentence ("Gen. Augusto Pinochet", "Oct. 16").
# "U.S." and other dotted initialisms are caught by the initials rule, not by this list.
_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof gen sen rep gov lt col sgt capt maj cmdr adm brig cpl pvt rev fr msgr hon pres supt insp
st ste mt ft jr sr esq inc corp co ltd bros llc plc no nos vol vols art fig figs ch pp op ed eds approx dept
est univ assn ave blvd rd hwy jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur
thurs fri sat sun vs etc al cf ca nr tel ext min max
ул г гг им др проф св т тт см стр
bzw ca dr hr fr nr str usw vgl zb
""".split())
# A candidate end: terminal punctuation, any closing quotes or brackets, then space. Tokenised
# text (PTB, as in Timeline17's dumps) sets its closing quote apart: "to leave . '' He said".
_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?:''|’’)?(?:\s''(?=\s|$))?(?=\s+|$)|[。！？]+[」』”\"]*")
# What may open a sentence: a capital, a digit, an opening quote or bracket.
_OPENER = re.compile(r"\s*(?:``|[\"“‘'«(\[¿¡]|[^\W_])", re.UNICODE)
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def split_sentences(text: str) -> list[str]:
    """Sentences of a text, in order, whitespace collapsed. Paragraph breaks always end one."""
    out: list[str] = []
    for para in re.split(r"\s*\n\s*", text):
        para = " ".join(para.split())
        if para:
            out.extend(_split_paragraph(para))
    return out


def _split_paragraph(para: str) -> list[str]:
    sentences: list[str] = []
    start = 0
    for m in _END.finditer(para):
        end = m.end()
        if not _is_boundary(para, m.start(), end):
            continue
        piece = para[start:end].strip()
        if piece:
            sentences.append(piece)
        start = end
    tail = para[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def _is_boundary(text: str, dot: int, end: int) -> bool:
    """Whether the punctuation at `dot` ends a sentence, judged by the word before and after."""
    mark = text[dot]
    if mark in "。！？":
        return True
    nxt = _OPENER.match(text, end)
    if not nxt:
        return False
    first = text[nxt.end() - 1]
    if first.isalpha() and first.islower():
        return False  # "the U.S. ambassador", "5 p.m. local time"
    if mark != ".":
        return True
    if text.startswith("...", dot):
        return first.isupper() or not first.isalpha()
    if _in_short_brackets(text, dot, end):
        return False  # a ticker's "( OMVV . VI )", "( BP . L )": the bracket closes a word later
    space = max(text.rfind(" ", 0, dot), text.rfind("\t", 0, dot))
    prev = text[space + 1: dot].lstrip("\"'“‘«([`")
    if not prev:
        return True
    bare = prev.rstrip(".").lower()
    if bare in _ABBREVIATIONS:
        return False
    if len(prev) == 1 and prev.isalpha() and prev.isupper():
        return False  # an initial: "John F. Kennedy"
    # Dotted initialism ("U.S", "U.N", "a.m"): a capital after it cannot tell a name going on from
    # a new sentence; newswire rarely ends a sentence on one, so it never ends here.
    return not re.fullmatch(r"(?:[^\W\d_]\.)+[^\W\d_]", prev)


def _in_short_brackets(text: str, dot: int, end: int) -> bool:
    """Whether the period at `dot` stands inside a bracket opened just before it and closed just
    after it, with no other period in between: a stock ticker, not a sentence's end."""
    opened = text.rfind("(", max(0, dot - _TICKER_REACH), dot)
    if opened < 0 or ")" in text[opened:dot]:
        return False
    closed = text.find(")", end, end + _TICKER_REACH)
    return closed >= 0 and "." not in text[end:closed]


_TICKER_REACH = 12  # characters either side of the period


def words(text: str) -> list[str]:
    """Lower-cased Unicode word tokens (letters and digits; punctuation and `_` split them)."""
    return _TOKEN.findall(text.lower())


def stem(word: str, english: bool = True) -> str:
    """Porter stem of an English word; other languages keep the lower-cased form."""
    if not english or len(word) <= 2 or not word.isascii() or not word.isalpha():
        return word
    return _porter(word)


# Porter's algorithm, after the reference description (Porter 1980, "An algorithm for suffix
# stripping"). Cached because news vocabulary repeats heavily.


def _cons(w: str, i: int) -> bool:
    c = w[i]
    if c in "aeiou":
        return False
    if c == "y":
        return i == 0 or not _cons(w, i - 1)
    return True


def _measure(stem_: str) -> int:
    """m in [C](VC)^m[V]."""
    n, i, length = 0, 0, len(stem_)
    while i < length and _cons(stem_, i):
        i += 1
    while i < length:
        while i < length and not _cons(stem_, i):
            i += 1
        if i >= length:
            break
        n += 1
        while i < length and _cons(stem_, i):
            i += 1
    return n


def _has_vowel(stem_: str) -> bool:
    return any(not _cons(stem_, i) for i in range(len(stem_)))


def _double_cons(w: str) -> bool:
    return len(w) >= 2 and w[-1] == w[-2] and _cons(w, len(w) - 1)


def _cvc(w: str) -> bool:
    if len(w) < 3:
        return False
    return (_cons(w, len(w) - 3) and not _cons(w, len(w) - 2) and _cons(w, len(w) - 1)
            and w[-1] not in "wxy")


def _replace(w: str, rules: tuple[tuple[str, str], ...], min_m: int) -> str:
    for suffix, repl in rules:
        if w.endswith(suffix):
            base = w[: len(w) - len(suffix)]
            return base + repl if _measure(base) > min_m else w
    return w


_STEP2 = (("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
          ("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
          ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
          ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
          ("logi", "log"))
_STEP3 = (("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""),
          ("ness", ""))
_STEP4 = ("al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou",
          "ism", "ate", "iti", "ous", "ive", "ize")


@lru_cache(maxsize=65536)
def _porter(w: str) -> str:
    # Step 1a
    if w.endswith("sses") or w.endswith("ies"):
        w = w[:-2]
    elif w.endswith("ss"):
        pass
    elif w.endswith("s"):
        w = w[:-1]
    # Step 1b
    if w.endswith("eed"):
        if _measure(w[:-3]) > 0:
            w = w[:-1]
    else:
        for suffix in ("ed", "ing"):
            if w.endswith(suffix) and _has_vowel(w[: -len(suffix)]):
                w = w[: -len(suffix)]
                if w.endswith(("at", "bl", "iz")):
                    w += "e"
                elif _double_cons(w) and w[-1] not in "lsz":
                    w = w[:-1]
                elif _measure(w) == 1 and _cvc(w):
                    w += "e"
                break
    # Step 1c
    if w.endswith("y") and _has_vowel(w[:-1]):
        w = w[:-1] + "i"
    w = _replace(w, _STEP2, 0)
    w = _replace(w, _STEP3, 0)
    # Step 4
    for suffix in _STEP4:
        if w.endswith(suffix):
            base = w[: -len(suffix)]
            if _measure(base) > 1 and (suffix != "ion" or base.endswith(("s", "t"))):
                w = base
            break
    # Step 5
    if w.endswith("e"):
        base = w[:-1]
        m = _measure(base)
        if m > 1 or (m == 1 and not _cvc(base)):
            w = base
    if w.endswith("ll") and _measure(w) > 1:
        w = w[:-1]
    return w


# Quotation marks as news prints them, and tokenised text's (``...'').
QUOTE_OPEN = ("``", "“", "«", "„", "‘‘")
QUOTE_CLOSE = ("''", "”", "»", "’’")
QUOTED = re.compile(r"``.*?(?:''|$)|“.*?(?:”|$)|«.*?(?:»|$)|\".*?(?:\"|$)|„.*?(?:“|”|$)")


def quotation_piece(text: str) -> bool:
    """One sentence of a quotation that runs over several: its marks do not pair up ("`` I dread
    looking at Wall Street tomorrow ."), so it reads without its speaker."""
    opens = sum(text.count(q) for q in QUOTE_OPEN)
    closes = sum(text.count(q) for q in QUOTE_CLOSE)
    return opens != closes or text.count('"') % 2 == 1


# What a sentence read out of its article cannot stand on: the summary leaves such sentences out, the
# timeline prefers others (English only).
_DANGLING = frozenset("""he she it they his her its their this these those and but also however meanwhile instead
previously moreover furthermore nevertheless nonetheless besides likewise similarly therefore thus hence
consequently otherwise
well yes oh ok okay imagine""".split())  # the last: a broadcast's talk ("Well , and yet these are ...")
# Openers of two or three words that point back as much ("In this regard, the expert said ...").
_DANGLING_PHRASES = frozenset(tuple(p.split()) for p in (
    "in this regard", "in that regard", "in this context", "in this case", "in that case", "to this end",
    "at the same time", "in addition", "in turn", "as a result", "for this reason", "on the other hand",
    "after that", "because of this", "despite this", "in response",
    # a broadcast's talk, not a reporter's sentence ("Of course , but that then became the story")
    "of course", "you know", "i mean"))


def points_back(toks: list[str]) -> bool:
    """Whether a sentence of these (lower-cased English) tokens opens on a word or phrase that
    points back, or gives words to a bare pronoun: out of its article it reads as a non sequitur."""
    if toks[0] in _DANGLING or tuple(toks[:2]) in _DANGLING_PHRASES or tuple(toks[:3]) in _DANGLING_PHRASES:
        return True
    # "Ultimately , he said , the opposition 's goal remains ...": whose words, the summary cannot
    # say; "... expressed this fear Wednesday": which fear, nor
    return any((a in _PRONOUN_SPEAKERS and b in _SPEECH_VERBS) or (a in _DEMONSTRATIVES and b in _POINTED_NOUNS)
               for a, b in pairwise(toks))


_DEMONSTRATIVES = frozenset({"this", "these", "that", "those", "such"})
# Nouns that, after "this", stand for something the article said before ("this fear", "these claims").
_POINTED_NOUNS = frozenset("""fear fears charge charges claim claims view views concern concerns position move
decision statement statements idea argument arguments accusation accusations allegation allegations point
warning warnings remark remarks comment comments assessment approach proposal suggestion criticism""".split())


_PRONOUN_SPEAKERS = frozenset({"he", "she", "they"})
_SPEECH_VERBS = frozenset({"said", "says", "added", "told", "tells", "explained", "noted", "argued", "insisted",
                           "stressed", "warned", "wrote"})
