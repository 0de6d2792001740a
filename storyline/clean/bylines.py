"""Bylines: the author a page names, alone on its line or run into its first sentence.

Only a name's shape is known, never a list of names: a byline names people in capitalised words,
and a desk or a role ("staff", "editor") is no author.
"""

from __future__ import annotations

import re

from storyline.clean.datelines import parse_dateline
from storyline.clean.dates import find_date

BYLINE = re.compile(
    r"^(?:by|written by|posted by|reported by|words by|story by|text by|author|authored by|von|par|por|"
    r"автор)\b\s*[:\-–—]?\s*(?P<name>.+)$",
    re.IGNORECASE,
)
# Bylines that name a role or the site, not a person.
_NOT_AUTHORS = frozenset({
    "admin", "administrator", "editor", "editors", "the editors", "editorial", "editorial team",
    "editorial staff", "editorial board", "staff", "staff writer", "staff reporter", "newsroom",
    "news desk", "web desk", "desk", "team", "agencies", "agency", "guest", "guest author",
    "press release", "correspondent", "our correspondent", "webmaster", "anonymous", "unknown",
    "editor-in-chief", "news", "online desk", "digital desk", "site admin", "redaction", "redacción",
})


def author_name(name: str) -> str | None:
    """The person a byline's text names (its part before a comma, a bar or a date), or None for a
    desk, a role or what no name looks like."""
    name = re.split(r"\s[|•·–—-]\s|,|\s(?:on|at|updated|published)\s", name, maxsplit=1)[0]
    found = find_date(name)
    if found:
        name = name[: found[1]]
    name = name.strip(" :.-–—")
    if not name or name.casefold() in _NOT_AUTHORS or len(name.split()) > 6 or not name[0].isupper():
        return None
    return name


# A byline a dump ran into the body's first line: "By Tim Lister and Emily Smith, CNN Protesters
# have used...", "By the CNN Wire Staff Main opposition party...", "by : Malini Wilkes Passing
# around...", "From Ben Wedeman, CNN ElBaradei: ...". Only a name's shape marks where it ends: two
# or three capitalised words (initials and particles between), names joined by "and" or commas,
# then a sentence, a dateline, or an outlet in capitals set off by a comma or "for".
_RUN_IN_BY = re.compile(r"^(?:(?:By|BY|by)\s*:?|(?P<sent_from>From))\s+")
_DESK = re.compile(r"(?:the\s+)?(?:[A-Z][\w.&-]*\s+){0,3}(?:Wire\s+|News\s+)?(?i:staff)\b\s*,?\s*")
_BYLINE_TOKEN = re.compile(r"[^\s,]+|,")
_PERSON_WORD = re.compile(r"^(?:[A-Z](?:[a-z]+|['’][A-Z][a-z]+|[a-z]*[A-Z][a-z]+)(?:-[A-Z][a-z]+)?|[A-Z][a-z]{0,3}\.)$")
_OPENING_QUOTES = "\"'“‘`("
# What sets an outlet off after the names: "…, CNN", "… -- Special to CNN", "… for CNN".
_OUTLET_OPENERS = frozenset({",", "for", "-", "--", "–", "—"})
# Lower-case words inside a person's name ("Ludwig van Beethoven"); a run-in byline's name takes "di" too.
NAME_PARTICLES = frozenset({"de", "da", "van", "von", "der", "den", "bin", "al", "el", "la", "le", "dos", "du"})
_PARTICLES = NAME_PARTICLES | {"di"}
# Capitalised words that open sentences, not names ("By Friday Gadhafi's forces...", "By The ...").
# Not "May": it is a surname too.
_NOT_NAME_WORDS = frozenset(
    "the a an this that these those his her their its our in on at for from with of and but as if when after "
    "before monday tuesday wednesday thursday friday saturday sunday january february march april june july "
    "august september october november december".split())
# Words of an outlet's name: "Mara Tolen, Esk Valley Review The council..." names one person.
_OUTLET_WORDS = frozenset({"news", "review", "times", "post", "press", "herald", "journal", "agency", "tribune",
                           "daily", "magazine", "radio", "television", "tv", "online", "network", "wire",
                           "gazette", "telegraph", "chronicle", "courier", "observer", "media"})
# A role after the name ("By Richard Black Environment correspondent, BBC News The..."): where the
# outlet's name ends is anyone's guess, so the author is taken and the text left as it is.
_ROLES = frozenset({"correspondent", "editor", "reporter", "writer", "columnist", "analyst", "producer",
                    "presenter", "contributor", "staff"})


def plain_name(text: str) -> str | None:
    """`text` when it is a person's name alone, two or three capitalised words ("Fergus Walsh"),
    else None: what stands before a blog stamp's bar ("Fergus Walsh | 12:16 PM, Thursday, ...")."""
    words = text.split()
    return " ".join(words) if 2 <= len(words) <= 3 and all(_PERSON_WORD.match(w) for w in words) else None


def past_furniture_to_byline(line: str) -> str:
    """The line from a byline that a wire story's highlights or a photo's caption run into, where a
    wire's dateline follows the byline ("* U.S. pork industry promised relief By Maggie Fox , Health
    and Science Editor WASHINGTON , May 8 ( Reuters ) - U.S. health officials ..."); the line itself
    where there is none. What stands before the byline is the page's, not the story's first words."""
    found = _BYLINE_INSIDE.search(line, 1, _FURNITURE_REACH)
    if found is None or not _WIRE_AGENCY.search(line, found.end(), found.end() + _BYLINE_REACH):
        return line
    return line[found.start() + 1:]


_FURNITURE_REACH = 600  # highlights and a caption are a few short sentences
_BYLINE_REACH = 160  # a byline's names, role and dateline place
_BYLINE_INSIDE = re.compile(r"\sBy\s+(?=[A-Z][a-z])")
_WIRE_AGENCY = re.compile(r"(?:\(|-LRB-)\s?(?:Reuters|AP|AFP|Bloomberg|UPI)\s?(?:\)|-RRB-)\s?-")


def run_in_byline(text: str) -> tuple[str | None, str] | None:
    """(author, the line after the byline) for a line a byline opens, or None. The rest is the line
    itself when the byline's end is unclear: the author is known, the text left whole, unless a
    wire's dateline follows within a few words ("By Maggie Fox , Health and Science Editor
    WASHINGTON , May 8 ( Reuters ) - ..."): the text opens there."""
    found = _byline(text)
    if found is None or found[1] != text:
        return found
    before = ""
    for word in _BYLINE_TOKEN.finditer(text, 3, _BYLINE_REACH):
        if word.group().isupper() and len(word.group()) > 1 and not _CLOCK_TOKEN.match(before) \
                and _WIRE_AGENCY.search(text, word.end(), word.end() + 80) and parse_dateline(text[word.start():]):
            return found[0], text[word.start():]
        before = word.group()
    return found


_CLOCK_TOKEN = re.compile(r"^(?:[ap]\.?m\.?|\d{1,2}[:.]\d{2}(?:[ap]m)?)$", re.I)  # the zone after it is no place


def _byline(text: str) -> tuple[str | None, str] | None:
    by = _RUN_IN_BY.match(text)
    if not by:
        return None
    desk = _DESK.match(text, by.end())
    if desk and (text[desk.end():desk.end() + 1].isupper() or text[desk.end():desk.end() + 1] in _OPENING_QUOTES):
        return None, text[desk.end():]
    tokens = [(m.start(), m.end(), m.group()) for m in _BYLINE_TOKEN.finditer(text, by.end(), by.end() + 200)]
    names: list[str] = []
    at = 0
    while (end := _name_end(tokens, at)) is not None:
        names.append(" ".join(t for _, _, t in tokens[at:end]))
        at = end
        if at + 1 < len(tokens) and tokens[at][2] in ("and", "&", ",") and _name_end(tokens, at + 1):
            at += 1
            continue
        break
    if not names or (by.group("sent_from") and not (at < len(tokens) and tokens[at][2] == ",")):
        return None  # "From" opens sentences too: only "From <name>, <OUTLET>" is a byline
    author = " and ".join(filter(None, (", ".join(names[:-1]), names[-1])))
    rest = tokens[at:]
    if not rest:
        return author, ""
    words = [t.lower() for _, _, t in rest[:4]]
    if "who" in words:  # "By Christine Bader, who worked for BP ..."
        return author, text
    if _ROLES.intersection(words) or (rest[0][2].isupper() and len(rest[0][2]) > 1):
        desk = _desk_end(rest)
        if desk is not None:
            return author, text[rest[desk][0]:]
        if _ROLES.intersection(words):
            return author, text
    first = rest[0][2]
    if first in _OUTLET_OPENERS:  # an outlet in capitals: "…, CNN Protesters have", "… for CNN Thai PM"
        after = _after_outlet(rest)
        if after is None:
            return (author, text) if first != "for" and not by.group("sent_from") else None
        if _ROLES.intersection(t.lower() for _, _, t in rest[after:after + 4]):
            return author, text  # "…, CNN Senior U.N. Correspondent Libya says": where it ends is unclear
        return author, text[rest[after][0]:]
    if first.isupper() and len(first) > 1:  # a dateline, an outlet ("BBC News"), or a sentence ("BP has ...")
        sentence = len(rest) > 1 and rest[1][2][:1].islower()
        return (author, text[rest[0][0]:]) if sentence or parse_dateline(text[rest[0][0]:]) else (author, text)
    return (author, text[rest[0][0]:]) if first[:1].isupper() or first[:1] in _OPENING_QUOTES else None


# Capitalised words that open a sentence, not a place's name: where a desk's place ends.
_OPENERS = frozenset("The A An In It He She They We This That These Those His Her Their Its But And As At On "
                     "For When After Before While If There Here One Two Some Many Most".split())


def _desk_end(rest: list[tuple[int, int, str]]) -> int | None:
    """The token that opens the text after a role, an outlet in capitals and a place: "Environment
    correspondent , BBC News The ...", "BBC News , Lake Baikal The subs ...", "BBC NI business
    reporter The company ...", "BBC News , Niger Delta Campaigners say ...". None when no outlet in
    capitals stands within the role's few words, or where the place ends is unclear."""
    outlet = next((k for k, (_, _, t) in enumerate(rest[:5]) if t.isupper() and len(t) > 1 and t.isalpha()), None)
    if outlet is None or any(t[:1].islower() and t.lower() not in _ROLES and t.lower() not in _DESK_WORDS
                             for _, _, t in rest[:outlet]):
        return None
    if outlet == 0 and parse_dateline(" ".join(t for _, _, t in rest[:12])):
        return None  # "TOLEDO , Ohio -- Determined to ...": a dateline, which the text keeps
    k = outlet + 1
    while k < len(rest) and (rest[k][2] == "News" or (rest[k][2].isupper() and len(rest[k][2]) > 1)
                             or rest[k][2].lower() in _ROLES or rest[k][2].lower() in _DESK_WORDS):
        k += 1
    if k + 1 < len(rest) and rest[k][2].istitle() and rest[k + 1][2] == ",":
        k += 1  # a programme's name: "BBC Panorama , Washington"
    if k < len(rest) and rest[k][2] == ",":  # then a place: the text opens on a sentence's first word
        k += 1
        for j in range(k, min(k + 4, len(rest))):
            word = rest[j][2]
            if word in _OPENERS or (j + 1 < len(rest) and rest[j + 1][2][:1].islower()):
                return j if j > k else None
        return None
    return k if k < len(rest) and (rest[k][2][:1].isupper() or rest[k][2][:1] in _OPENING_QUOTES) else None


# Lower-case words of a desk's title: "Environment correspondent", "BBC NI business reporter".
_DESK_WORDS = frozenset({"business", "political", "science", "health", "economics", "environment", "world",
                         "security", "diplomatic", "chief", "senior", "special", "news", "online", "technology"})


def _after_outlet(rest: list[tuple[int, int, str]]) -> int | None:
    """The token after ", CNN", ", For CNN", "-- Special to CNN" or "for CNN" that opens the text
    (`rest`: the tokens after the names), or None when no outlet in capitals stands there."""
    caps = 1
    if rest[0][2] != "for" and len(rest) > 2 and rest[1][2] in ("For", "for"):
        caps = 2
    elif rest[0][2] != "for" and len(rest) > 3 and rest[1][2] == "Special" and rest[2][2] == "to":
        caps = 3
    opened = caps
    while caps < min(len(rest), opened + 3) and rest[caps][2].isupper() and len(rest[caps][2]) > 1:
        caps += 1
    if opened < caps < len(rest) and (rest[caps][2][:1].isupper() or rest[caps][2][:1] in _OPENING_QUOTES):
        return caps
    return None


def _name_end(tokens: list[tuple[int, int, str]], at: int) -> int | None:
    """Where the person's name starting at token `at` ends: three words or two, whichever leaves a
    sentence, a separator or nothing after it (a lower-case word there was the sentence's, and so
    is a capitalised third word's follower: "By Jonathan Serrie Gulf Coast states ...")."""
    for size in (3, 2):
        words = [t for _, _, t in tokens[at:at + size]]
        if len(words) < size or words[0].lower() in _NOT_NAME_WORDS:
            continue
        if not all((_PERSON_WORD.match(w) and w.lower() not in _NOT_NAME_WORDS and w.lower() not in _ROLES
                    and w.lower() not in _OUTLET_WORDS) or (0 < k < size - 1 and w in _PARTICLES)
                   for k, w in enumerate(words)):
            continue
        after = tokens[at + size][2] if at + size < len(tokens) else ""
        if after.lower() in _OUTLET_WORDS:
            continue  # "Esk Valley Review": an outlet's name, not a person's
        if size == 3 and after.istitle() and after.lower() not in _NOT_NAME_WORDS:
            continue  # "Jonathan Serrie Gulf Coast states ...": the third word opens the sentence
        if not after or after in (",", "and", "&", "for") or not after[:1].islower():
            return at + size
    return None


# A page's author field as sites fill it: "By TOM KRISHER, AP Auto Writer", "Analysis by Chris
# Cillizza, CNN Editor-at-large", "Amy Kuperinsky | NJ Advance Media for NJ.com", "Finian
# Cunningham. Sputnik International", "MEG KINNARD and ERRIN HAINES, Associated Press", "HNN Staff".
_FIELD_LEAD = re.compile(r"^(?:(?:analysis|opinion|commentary|review|story|text|words|reporting|written|posted|"
                         r"reported|compiled|edited|photos?)\s+)?(?:by|von|par|por|di|door)\b\s*:?\s*", re.IGNORECASE)
# What follows a name: its role or its outlet, after a comma, a bar or a full stop ("Smith. Sputnik").
_FIELD_PARTS = re.compile(r"\s*(?:[,|•;]|\s[-–—]\s|(?<=[a-z]{2})\.\s+(?=[A-Z]))\s*")
_FIELD_JOIN = re.compile(r"\s+(?:and|&|und|et|y|e|и)\s+", re.IGNORECASE)
# Desks and accounts, not people: "HNN Staff", "News Nation Bureau", "Staff Reports", "Гость" (guest).
_ACCOUNT_WORDS = frozenset({"staff", "bureau", "desk", "team", "editorial", "editors", "newsroom", "reports", "wires",
                         "admin", "administrator", "webmaster", "гость", "редакция", "администратор"})
_AFFILIATION_WORDS = _OUTLET_WORDS | _ROLES | {"business", "insider", "international", "today", "weekly", "world",
                                               "sport", "sports", "live", "digital", "report", "associated"}


def field_authors(text: str, outlet: str | None = None) -> list[str]:
    """The people a page's author field names, each once: the role and outlet after a name, a desk,
    the page's own outlet and an empty "By" name nobody. Capitals are a style ("TOM KRISHER"): a
    name is printed in title case. A wire named as the author ("Reuters" on another site) stays."""
    text = _FIELD_LEAD.sub("", " ".join(text.split())).strip(" ,;|:")
    if not text or text.casefold() in ("by", "von", "par", "por"):
        return []
    parts = [p for p in _FIELD_PARTS.split(text) if p]
    names: list[str] = []
    for n, part in enumerate(parts):
        words = {w.strip(".").casefold() for w in part.split()}
        if n and (plain_name(part) is None or words & _AFFILIATION_WORDS):
            break  # "…, AP Auto Writer", "…, Futurism", "… | NJ Advance Media": the rest is affiliation
        names += _FIELD_JOIN.split(part)
    out: list[str] = []
    for name in names:
        name = name.strip(" .,:")
        if not name or _nobody(name, outlet):
            continue
        if name.isupper() and " " in name:  # not an acronym alone ("PMJS")
            name = name.title()
        if name not in out:
            out.append(name)
    return out


def _nobody(name: str, outlet: str | None) -> bool:
    """A desk, an account or the page's own outlet named as the author ("BBC News" on BBC News,
    "Telegraph Sport" on The Telegraph)."""
    words = [w.casefold() for w in re.findall(r"[^\W_]+", name)]
    if not words or set(words) & _ACCOUNT_WORDS or name.casefold() in _NOT_AUTHORS or "admin" in words[-1]:
        return True
    if outlet:
        own = {w.casefold() for w in re.findall(r"[^\W_]+", outlet)} - {"the"}
        mine = set(words) - {"the"}
        if "".join(words) == "".join(w.casefold() for w in re.findall(r"[^\W_]+", outlet)) or mine <= own \
                or (mine & own and mine - own <= _AFFILIATION_WORDS):
            return True
    return False


_PROFILE_PATH = re.compile(r"/(?:author|authors|by|people|profile|profiles|staff|writers?|contributors?)/"
                           r"([a-z]+(?:-[a-z]+){1,3})/?$", re.IGNORECASE)


def author_from_profile(url: str) -> str | None:
    """The name an author's page address spells ("…/author/madeline-fry" → "Madeline Fry"): some
    sites fill the author field with that address alone."""
    found = _PROFILE_PATH.search(url.split("?")[0])
    return " ".join(w.capitalize() for w in found.group(1).split("-")) if found else None
