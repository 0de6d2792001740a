"""The title or description printed with a name, and how alike two such descriptions are.

A role is evidence for who a mention is when the name itself is garbled: a machine translation
that writes Boginsky in one source and Buzhinsky in another still calls him a "retired lieutenant
general, former head of the international treaty department". Roles are read from three places
around a name, all without a gazetteer:

- the title chain right before it ("Armenian Prime Minister Nikol Pashinyan", "retired Lieutenant
  General Evgeny Boginsky"), stretched over "of the" only after a subordinate title, the genitive
  chain of translated Russian ("the press secretary of the Russian leader Dmitry Peskov");
- an appositive after it ("Carey Cavanaugh, a former US ambassador, believes");
- an appositive before it ("the spokesperson for Russian diplomacy, Maria Zakharova, told").

A phrase counts as a role only when it holds a title word (`TITLE_WORDS`); verbs end it.
"""

from __future__ import annotations

import re
from typing import Any

from storyline.entities.rule_words import ADDRESS_FORMS, FOREIGN_TITLES

# Words that make a phrase a role; lower case. Kept broad: a phrase still needs a name beside it.
TITLE_WORDS = frozenset("""
president presidents vice prime premier minister ministers chancellor secretary spokesperson spokesman spokeswoman
spokespeople press general lieutenant colonel major captain admiral marshal sergeant commander commanders
ambassador envoy consul adviser advisor aide head chief director chairman chairwoman chair chairperson leader
governor mayor senator deputy mp lawmaker legislator judge prosecutor attorney king queen prince princess
emir sheikh pope patriarch bishop archbishop cardinal imam rabbi pastor reverend rev priest apostle
ayatollah mufti cleric preacher evangelist expert analyst official officer diplomat representative
counterpart candidate founder ceo cfo executive manager speaker commissioner coordinator co-chair mediator
correspondent journalist editor professor researcher scientist economist lawyer activist spokesman negotiator
ombudsman inspector superintendent sheriff monarch dictator ruler tsar czar premier-designate president-elect
ex-president ex-minister colonel-general major-general lieutenant-general brigadier officer-in-charge
member members mayor-elect governor-elect vice-president deputy-minister rapporteur secretary-general
director-general commissar owner partner doctor dr mr mrs ms miss mme sir dame lord lady
sen gov rep adm gen lt col sgt capt cmdr maj supt det atty amb
""".split())

# Titles after which an "of (the) X" genitive still belongs to the following name.
SUBORDINATE = frozenset("""
secretary spokesperson spokesman spokeswoman adviser advisor aide assistant deputy envoy representative
press head chief director counsellor counselor
""".split())

# Letters after a name: no part of it, nor of the role after them.
POST_NOMINALS = frozenset("QC KC MP MEP MSP VC GC OBE MBE CBE KBE DBE PhD MD".split())

# Honorifics say nothing about the role.
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss mme mme. m. dr dr. sir".split())
# A relative introduced by a possessive inside a sentence ("He is survived by his wife, ", "with her
# son "): where two people of an article bear one surname, the relative is not whom the bare surname
# means. Not one a sentence opens on: "His son Lukas Brenner leads it today" makes him its subject.
KIN_BEFORE = re.compile(r"(?<=[\w,;] )(?:his|her|their)\s+(?:(?:late|former|younger|elder|older|eldest)\s+)?"
                        r"(?:wife|husband|son|daughter|brother|sister|father|mother|widow|widower|uncle|aunt|nephew|"
                        r"niece|cousin|sons|daughters|children|parents)\s*,?\s*$", re.IGNORECASE)

# Tokens that may sit inside a role phrase besides title words and names.
_ROLE_POS = {"ADJ", "NOUN", "PROPN", "ADP", "DET", "CCONJ", "NUM", "PART", "PUNCT"}
_CONNECT_OF = {"of", "the"}
_MAX_ROLE_TOKENS = 18


# Words that may open or sit inside a title chain but are no title alone ("retired", "Foreign").
MODIFIERS = frozenset("""
retired former ex acting deputy senior first then outgoing incoming interim late current foreign defence defense
interior finance justice health economy economic trade energy education culture transport agriculture emergency
emergencies security intelligence military armed state national prime vice assistant special top chief
""".split())
_STOPS = (",", ";", ":", "(", ")", '"', "“", "”", "«", "»")


def _is_title(tok: Any) -> bool:
    return tok.lower_.strip(".") in TITLE_WORDS or tok.lower_ in TITLE_WORDS


def _title_chain_start(doc: Any, start: int, qualifier: set[int], person: set[int]) -> int:
    """Index of the first token of the title chain ending right before token `start`."""
    i = start - 1
    first = start
    while i >= 0 and i not in person:
        tok = doc[i]
        low = tok.lower_.strip(".")
        if tok.ent_type_ in ("DATE", "TIME") or (tok.pos_ == "VERB" and first == start):
            break  # "on Thursday British Prime Minister David Cameron": the day is no part of the title;
            # nor is a verb ("History will judge Blair")
        if low in TITLE_WORDS or low in MODIFIERS or i in qualifier or (
                first < start and tok.pos_ == "PROPN" and tok.text[:1].isupper() and _opens_or_within(doc, i)) or (
                first < start and tok.pos_ == "NOUN" and tok.dep_ == "compound" and _is_title(doc[first])):
            first = i
            i -= 1
            continue
        if (tok.text in ("-", "–") and first < start and not _spaced(doc, i)) or (
                tok.text == "." and i > 0 and doc[i - 1].lower_ in TITLE_WORDS and doc[i - 1].text[:1].isupper()):
            i -= 1  # "Pentagon spokesman Col. David Lapan": the abbreviation's stop is part of the chain
            continue
        break
    return first


def _spaced(doc: Any, i: int) -> bool:
    """A dash with space on a side separates ("WASHINGTON - President Donald Trump": the dateline is
    no part of his title), where one between two words joins them ("vice-president")."""
    return bool(doc[i].whitespace_) or (i > 0 and bool(doc[i - 1].whitespace_))


def _opens_or_within(doc: Any, i: int) -> bool:
    """Token `i` is inside its sentence, or opens the text or a sentence after its full stop ("Federal
    Reserve Chairman Ben S. Bernanke yesterday ..."), not one the parser started mid-sentence."""
    return not doc[i].is_sent_start or i == 0 or doc[i - 1].text in (".", "!", "?") or doc[i - 1].is_space


def _has_title(doc: Any, a: int, b: int) -> bool:
    return any(_is_title(doc[k]) and doc[k].lower_.strip(".") not in HONORIFICS for k in range(a, b))


def _genitive_title(doc: Any, start: int, qualifier: set[int], person: set[int]) -> tuple[int, int] | None:
    """"The mayor of the province Miroslav Tobarine": a title, "of", a short noun phrase, the name
    (translated genitives put the title's complement between title and name)."""
    k = start - 1
    while k >= 0 and start - k <= 4 and doc[k].pos_ in ("NOUN", "ADJ", "DET", "PROPN") and k not in person \
            and doc[k].lower_ != "of" and not _is_title(doc[k]):
        k -= 1
    if k == start - 1 or k < 1 or doc[k].lower_ != "of" or not _is_title(doc[k - 1]) or doc[start - 1].pos_ == "DET":
        return None
    first = _title_chain_start(doc, k, qualifier, person)
    if first == k:
        return None
    while first < k and doc[first].lower_.strip(".") in HONORIFICS:
        first += 1
    return (first, start) if first < k else None


def role_before(doc: Any, start: int, qualifier: set[int], person: set[int]) -> tuple[int, int] | None:
    """Token range [a, b) of the title chain just before the name starting at token `start`.

    `qualifier` holds the indices of tokens inside nationality or place names ("Russian", "US"),
    which may sit inside a title chain but never make one on their own. `person` holds the token
    indices of person names, which end a chain (the chain then belongs to the other name).
    """
    first = _title_chain_start(doc, start, qualifier, person)
    if first == start:
        return _genitive_title(doc, start, qualifier, person)
    if not _has_title(doc, first, start):
        # "the Armenian Ambassador to Russia Vardan Toganyan": a place between title and name.
        between = all(k in qualifier for k in range(first, start))
        if between and first >= 2 and doc[first - 1].lower_ in ("to", "in", "for"):
            outer = _title_chain_start(doc, first - 1, qualifier, person)
            if outer < first - 1 and _has_title(doc, outer, first - 1):
                first = outer
        if not _has_title(doc, first, start):
            return _genitive_title(doc, start, qualifier, person)  # "the head of state Vladimir Putin"
    # "the press secretary of the Russian leader Dmitry Peskov": the genitive chain of a translated
    # Russian title belongs to the name when the title before "of" is a subordinate one.
    j = first - 1
    while j >= 0 and doc[j].lower_ in _CONNECT_OF:
        j -= 1
    if j < first - 1 and doc[first - 1].lower_ in _CONNECT_OF and j >= 0 and doc[j].lower_ in SUBORDINATE \
            and j not in person:
        outer = _title_chain_start(doc, j + 1, qualifier, person)
        first = outer if outer <= j else j
    while first < start and (doc[first].lower_ in HONORIFICS or doc[first].is_punct):
        first += 1
    end = start
    while end > first and doc[end - 1].lower_.strip(".") in HONORIFICS:
        end -= 1
    return (first, end) if end > first else None


def _phrase_ok(doc: Any, a: int, b: int, person: set[int]) -> bool:
    if b <= a or b - a > _MAX_ROLE_TOKENS:
        return False
    for k in range(a, b):
        tok = doc[k]
        if tok.pos_ not in _ROLE_POS and not (tok.tag_ == "VBN" and tok.lower_ in ("retired", "appointed", "elected")):
            return False
        if tok.is_punct and tok.text not in ("-", "–", "'", "’", "."):
            return False
        if tok.is_sent_start and k > a:
            return False
    return _has_title(doc, a, b)


def appositive_after(doc: Any, end: int, person: set[int]) -> tuple[int, int] | None:
    """Token range of ", a former US ambassador," right after a name that ends at token `end`."""
    if end + 1 < len(doc) and doc[end].text in POST_NOMINALS:
        end += 1  # "Menzies Campbell QC , Liberal Democrat foreign affairs spokesman"
    if end >= len(doc) or doc[end].text != ",":
        return None
    a = end + 1
    b = a
    while b < len(doc) and doc[b].text not in _STOPS and not (doc[b].is_sent_start and b > a):
        if doc[b].text == "." and b + 1 < len(doc) and doc[b + 1].is_sent_start:
            break
        b += 1
    while a < b and doc[a].pos_ == "DET":
        a += 1
    if a < b and doc[a].pos_ in ("ADP", "CCONJ", "PUNCT"):
        return None
    if _titles_another(doc, a, b, person):
        return None  # "Henry Paulson , Federal Reserve Chairman Ben Bernanke and ...": a list of people
    return (a, b) if _phrase_ok(doc, a, b, person) else None


def _titles_another(doc: Any, a: int, b: int, person: set[int]) -> bool:
    """Whether tokens [a, b) name another person under a title of their own ("Chairman Ben
    Bernanke", "President Bush"), not one the phrase relates to ("John McCain 's campaign
    manager", "spokesman for Rep. Barney Frank", "adviser to Azerbaijani President Ilham Aliyev")."""
    for k in range(a + 1, b):
        if k not in person or k - 1 in person:
            continue
        # the title right before the name, or the chain it ends ("Azerbaijani President"); not a
        # longer chain, which a name the model typed a person ends as often ("professor of
        # Economic Policy Analysis", "president of DPC Wealth Management")
        title = k - 1 if _is_title(doc[k - 1]) else None
        if title is not None:
            while title - 1 >= a and title - 1 not in person and (_is_title(doc[title - 1]) or
                                                                  doc[title - 1].pos_ in ("ADJ", "PROPN")):
                title -= 1
            end = k
            while end < len(doc) and end in person:
                end += 1
            owned = end < len(doc) and doc[end].text in ("'s", "’s", "'")
            governed = title - 1 >= a and doc[title - 1].pos_ == "ADP"  # "adviser to President Ilham Aliyev"
            if not owned and not governed:
                return True
    return False


def appositive_before(doc: Any, start: int, person: set[int]) -> tuple[int, int] | None:
    """Token range of "retired lieutenant general, former head of ..., " right before a name."""
    if start < 2 or doc[start - 1].text != ",":
        return None
    first = None
    b = start - 1
    for _ in range(2):  # at most two stacked descriptions
        a = b
        # a paragraph break stops the walk too: the parser may glue the previous paragraph's
        # closing quote mark to this sentence ("»\n\nThe regional governor, NAME")
        while a > 0 and doc[a - 1].text not in _STOPS and not doc[a].is_sent_start and "\n" not in doc[a - 1].text:
            a -= 1
        lo = a
        while lo < b and (doc[lo].pos_ in ("DET", "CCONJ") or doc[lo].ent_type_ in ("DATE", "TIME")):
            lo += 1  # "Tonight the US president, George Bush,": the time is no part of the role, nor
            # the conjunction ("..., and the deputy director for science, Anne Schuchat, warned")
        # A phrase that opens with a preposition sets the scene, it names no role: "At a press
        # conference in Warsaw, NAME said", "On Monday the health commissioner, NAME".
        if lo < b and doc[lo].pos_ == "ADP":
            break
        if not _phrase_ok(doc, lo, b, person) or any(k in person for k in range(lo, b)):
            break
        first = lo
        if a < 2 or doc[a - 1].text != ",":
            break
        b = a - 1
    return (first, start - 1) if first is not None else None


def english_role(doc: Any, start: int, end: int, qualifier: set[int], person: set[int]) -> str | None:
    """The role printed with the English name at tokens [start, end), as the article words it."""
    parts = []
    for rng in (appositive_before(doc, start, person), role_before(doc, start, qualifier, person),
                appositive_after(doc, end, person)):
        if rng:
            text = doc[rng[0]:rng[1]].text.strip(" ,-–")
            if text and text.lower() not in (p.lower() for p in parts):
                parts.append(text)
    return ", ".join(parts) or None


# -- Russian -----------------------------------------------------------------------------------

_RU_TITLE = re.compile(
    r"^(президент|премьер|министр|глав|пресс-секретар|секретар|представител|посол|генерал|полковник|"
    r"эксперт|аналитик|советник|помощник|директор|руководител|председател|спикер|депутат|мэр|губернатор|"
    r"начальник|командующ|заместител|лидер|официальн|дипломат|политолог|бывш|отставн)", re.I)


def russian_role(text: str, start: int) -> str | None:
    """Lower-case words before a Russian name back to the nearest punctuation, if a title is among them."""
    left = text[max(0, start - 120):start]
    left = re.split(r"[.,;:!?()«»\"“”\n]", left)[-1]
    words = left.split()
    if not words or not any(_RU_TITLE.match(w) for w in words[-4:]):
        return None
    keep = words[-6:]
    while keep and not _RU_TITLE.match(keep[0]):
        keep = keep[1:]
    return " ".join(keep) or None


# -- titles in lower case: Spanish, French, Italian, Portuguese, Dutch, Polish -----------------

# What joins a title to its complement: "ministro de Defensa", "porte-parole du gouvernement",
# "ministro degli Esteri", "secrétaire à la Défense" (not "a" and "con": "visitó a", "se reunió con" are
# a verb's); and a place's preposition before a capitalised name ("directora del Sistema DIF en Madero").
_ROLE_LINKS = frozenset("""
de del della dello dei degli delle di du des d' la las los le les l' el il lo gli y e et i of van voor het
der den do da dos das no na nos nas alla alle allo agli ai à
""".split())
_BEFORE_NAMES = frozenset("en in à a w na para pour per for".split())
# What makes the title another noun's complement: "la esposa del presidente", "il figlio del sindaco".
_GENITIVE_LINKS = frozenset("del de della dello dei degli delle di du des do da dos das of van".split())
_ARTICLES = frozenset("el la los las le les il lo gli l' o a os as het de the der die das".split())
_CONJUNCTIONS = frozenset("y e et i und en and".split())
_GENERAL = frozenset("general général generale generał generaal".split())
# The first word of a two-word office: "primer ministro", "Premier ministre", "vice presidente".
_FIRST_OFFICES = frozenset("primer premier prime primo primeiro vice pierwszy".split())


def lowercase_role(text: str, start: int, lang: str = "") -> str | None:
    """The title a language that writes titles in lower case prints before a name, with its complement:
    "el ministro de Defensa Agustín Rossi", "porte-parole officiel du Premier ministre Boris Johnson"
    (the title nearest the name), or in apposition before it, "la portavoz del ministro de Exteriores, Ana
    López" (the phrase's head). None where that head is another noun's complement ("la esposa del
    presidente, Melania Trump") or a verb stands between it and the name ("el presidente visitó a …")."""
    left = text[max(0, start - 100):start].rstrip()
    apposition = left.endswith(",")
    words = re.split(r"[.,;:!?()«»\"“”„\n]", left[:-1] if apposition else left)[-1].split()
    titles = [t for t, w in enumerate(words) if w[:1].islower() and _lowercase_title(w)]
    if not titles:
        return None
    t = titles[0] if apposition else titles[-1]
    before = [w for w in words[:t] if w.lower() not in _ARTICLES]
    if apposition and before and before[-1].lower() in _GENITIVE_LINKS:
        return None  # "la esposa del presidente, Melania Trump"
    if not _complement(words[t + 1:], lang):
        return None
    while t > 0 and words[t - 1].lower() in _FIRST_OFFICES:
        t -= 1  # "Premier ministre", "primer ministro", "primo ministro"
    if t > 0 and words[t].lower() in _GENERAL and words[t - 1].isalpha() and words[t - 1].islower() and \
            words[t - 1] not in _ARTICLES | _ROLE_LINKS:
        t -= 1  # "el fiscal general", "il procuratore generale": no general's rank
    return " ".join(words[t:])


def lowercase_role_after(text: str, end: int, lang: str = "") -> str | None:
    """The title in apposition after a name, to the next comma: "Luis Tudanca, secretario autonómico del
    PSOE, defendió …", "Diego Pary, ministro degli Esteri,"."""
    m = _APPOSITION.match(text[end:end + 90])
    words = m.group(1).split() if m else []
    if not words or not words[0][:1].islower() or not _lowercase_title(words[0]) or len(words) > 8:
        return None
    return m.group(1).strip() if m and _complement(words[1:], lang) else None


def _lowercase_title(word: str) -> bool:
    return word.lower() in _TITLES


_TITLES = (FOREIGN_TITLES | TITLE_WORDS) - ADDRESS_FORMS


_APPOSITION = re.compile(r",\s+(?:(?:el|la|il|le|lo|o|a|de|het)\s+|l['’])?([^,.;:()\n]{2,80}?)(?=[,.;:)\n])")


def _complement(words: list[str], lang: str) -> bool:
    """Whether the words after a title are its complement: one adjective after it at most ("presidente
    estadounidense", "commissario europeo"), then links and names, two lower-case words right after a
    link at most ("ministro de asuntos exteriores"), an adjective last ("ministre des Finances
    allemand"), ending on no link. Not a name right after the title, whose title it is ("le général
    Soleimani, Hassan Rouhani"; but an acronym, "prezesa PiS", and Polish genitives, which take no
    link: "prezes Telewizji Polskiej"), nor a second noun phrase ("ministro Shinzo Abe y el presidente")."""
    if words and words[0][:1].islower() and words[0].lower() not in _ROLE_LINKS:
        words = words[1:]
    if words and words[0][:1].isupper() and sum(c.isupper() for c in words[0]) < 2 and lang != "pl":
        return False
    after_link = 0
    for k, word in enumerate(words):
        w = re.split(r"['’]", word)[-1] or word  # "all'Economia": a link run into a name
        low, nxt = w.lower(), words[k + 1] if k + 1 < len(words) else ""
        if low in _CONJUNCTIONS and nxt.lower() in _ARTICLES - {"de"}:
            return False
        if low in _ROLE_LINKS or (low in _BEFORE_NAMES and nxt[:1].isupper()):
            after_link = 2
        elif not w[:1].islower():
            after_link = 0
        elif after_link:
            after_link -= 1
        elif not (k == len(words) - 1 and len(w) > 3):
            return False
    return not words or words[-1].lower() not in _ROLE_LINKS | _BEFORE_NAMES


# -- comparing roles ---------------------------------------------------------------------------

_ROLE_STOP = frozenset("""
a an the of for to in at on and or by with from as his her its their this that who which former ex then
""".split())
_SYNONYMS = {"defence": "defense", "ministry": "ministry", "agreements": "treaty", "agreement": "treaty",
             "treaties": "treaty", "directorate": "department", "spokesman": "spokesperson",
             "spokeswoman": "spokesperson", "advisor": "adviser", "gen": "general", "lt": "lieutenant",
             "sen": "senator", "gov": "governor", "adm": "admiral", "col": "colonel", "capt": "captain",
             "sgt": "sergeant", "cmdr": "commander", "maj": "major", "rep": "representative"}


def role_words(role: str | None) -> set[str]:
    """The content words of a role, folded so translations of one title meet (defence/defense)."""
    if not role:
        return set()
    out = set()
    for w in re.findall(r"[^\W\d_]+", role.lower()):
        if w in _ROLE_STOP or len(w) < 2:
            continue
        w = _SYNONYMS.get(w, w)
        if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.add(w)
    return out
