"""The media an article cites as its sources (told Interfax, according to AFP, BBC reports…).

A name only counts where the wording cites it: in a sentence with a citation cue (told,
according to, reported, quoted, interview, news agency…). A known outlet that merely appears
(a story *about* the BBC) is not a source, and the article's own outlet and dateline agency are
never its citations. Outlets missing from the list are still found when the wording names them
as media ("German television ARD", "the Kommersant newspaper").
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from storyline.clean.lines import stoplist
from storyline.settings import DEFAULT, Settings

# Words that make a sentence cite a medium. Includes the untranslated Russian verbs that
# machine translation leaves behind ("сообщает" = reports).
_CUES = re.compile(
    r"\b(?:told|tells|telling|according\s+to|reported|reports|reporting|report|said|says|quoted|quoting|"
    r"cited|citing|cites|quotes|broadcast|broadcasts|aired|interview|interviewed|statements?\s+to|"
    r"contacted\s+by|speaking\s+to|spoke\s+to|spoke\s+with|wrote|writes|published|informs|informed|"
    r"news\s+agency|agency|newspaper|daily|television|TV|channel|radio|broadcaster|correspondent|"
    r"reporter|via|learned|learnt|confirmed\s+to|sources?|"
    r"según|informó|informa|dijo|agencia|selon|agence|a\s+déclaré|laut|berichtete|sagte|agentur|"
    r"secondo|ha\s+detto|agenzia|volgens|meldt|persbureau)\b|сообщ\w*|переда\w*|пишет|по\s+данным|агентств\w*|"
    r"сказал\w*|заяви\w*",
    re.IGNORECASE,
)
_MEDIA_NOUN = (r"(?:news\s+agency|press\s+agency|information\s+agency|newspaper|television|TV(?:\s+channel)?|"
               r"radio(?:\s+station)?|broadcaster|news\s+site|news\s+portal|news\s+outlet|news\s+website|magazine)")
_NAME = r"(?:[A-Z][\w.&'-]*|[A-Z]{2,}[\w-]*)(?:\s+(?:[A-Z][\w.&'-]*|of|de|del|la|al-|\d{1,2}\b))*"
_MEDIA_NOUN_RE = re.compile(rf"\b(?:{_MEDIA_NOUN}|daily|weekly)\b")
# Every match of _MEDIA_NOUN_RE opens on one of these words: `_media_nouns` finds them with str.find.
_MEDIA_NOUN_STARTS = ("news", "press", "information", "television", "TV", "radio", "broadcaster", "magazine",
                      "daily", "weekly")
_NAMED_AFTER = re.compile(rf"\b(?:{_MEDIA_NOUN}|daily|weekly)\s+[\"“«']?({_NAME})")
_NAMED_BEFORE = re.compile(
    rf"[\"“«']?\b({_NAME})[\"”»']?,?\s+(?:a\s+|an\s+|the\s+)?((?:[\w–-]+\s+){{0,2}}?){_MEDIA_NOUN}\b")
_VERB = re.compile(r"\b(?:told|tells|said|says|reported|reports|spoke|wrote|writes|quoted|cited|on|in|to|by|with)\b",
                   re.IGNORECASE)
_COORDINATED = re.compile(r"\b(?:and|or|und|et|y|e|o|ou|oder|и|или)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"“«A-ZА-Я])|\n+")

# Capitalised words that open a name-like run but are no outlet ("Russian television").
_NOT_OUTLETS = {
    "the", "a", "an", "state", "local", "national", "international", "public", "private", "independent",
    "official", "government", "opposition", "online", "news", "press", "its", "his", "her", "their",
    "our", "this", "that", "in", "on", "at", "by", "for", "and", "but", "he", "she", "it", "they",
    "we", "i", "you", "according", "told", "earlier", "later", "friday", "saturday", "sunday", "monday",
    "tuesday", "wednesday", "thursday", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "weekend", "morning", "evening", "afternoon",
    "today", "yesterday",
}
_DEMONYM = re.compile(r"(?:ian|ean|ese|ish|ic|ch|an|i|ek|ss)$")


@dataclass(frozen=True)
class MediaList:
    canonical: dict[str, str]  # alias (exact case) -> canonical name
    pattern: re.Pattern[str]
    needs_cue: frozenset[str]
    aliases_of: dict[str, tuple[str, ...]]


def _parse(text: str, into: dict[str, tuple[str, bool]]) -> None:
    for raw_line in text.splitlines():
        if not raw_line.strip() or raw_line.lstrip().startswith("#"):
            continue
        parts = raw_line.rstrip("\n").split("\t")
        name = parts[0].strip()
        aliases = [a.strip() for a in (parts[1].split("|") if len(parts) > 1 else []) if a.strip()]
        canonical = name.rstrip("*")
        if not canonical:
            continue
        for alias in [name, *aliases]:
            ambiguous = alias.endswith("*")
            into[alias.rstrip("*")] = (canonical, ambiguous)


@lru_cache(maxsize=8)
def load_media(extra_path: str | None = None) -> MediaList:
    entries: dict[str, tuple[str, bool]] = {}
    _parse(resources.files("storyline").joinpath("data/media.tsv").read_text(encoding="utf-8"), entries)
    if extra_path:
        with open(extra_path, encoding="utf-8") as fh:
            _parse(fh.read(), entries)
    # No lookbehind in front: a pattern that opens on a branch of literal characters lets `re`
    # skip ahead with a C character-set scan (3x faster here); `_scan` checks what precedes.
    pattern = re.compile("(" + _trie_regex(list(entries)) + r")(?![\w-])")
    aliases_of: dict[str, list[str]] = {}
    for alias, (canonical, _) in entries.items():
        aliases_of.setdefault(canonical, []).append(alias)
    return MediaList(
        canonical={a: c for a, (c, _) in entries.items()},
        pattern=pattern,
        needs_cue=frozenset(a for a, (_, amb) in entries.items() if amb),
        aliases_of={c: tuple(a) for c, a in aliases_of.items()},
    )


def _trie_regex(words: list[str]) -> str:
    """One alternation shaped as a prefix trie: Python's re tries alternatives one by one, so
    three hundred flat names would be tried at every position of every article."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return build(trie)


# The wire's credit after a dateline, wherever a dump ran it into the text: "... Congress (CNN) --
# Commentators ...", "TAWARGHA, Libya (Reuters) - ...". The page's own agency, never a citation.
_CREDIT = re.compile(r"\(\s*([A-Z][\w.&'-]*(?:\s[A-Z][\w.&'-]*){0,2})\s*\)\s*(?:--|[-–—_])\s")


def media_for(settings: Settings = DEFAULT) -> MediaList:
    """The media list with the user's own on top: the settings' file, else $STORYLINE_MEDIA."""
    return load_media(str(settings.media_file) if settings.media_file else os.environ.get("STORYLINE_MEDIA"))


def credited_medium(name: str, settings: Settings = DEFAULT) -> str | None:
    """The listed medium a source's credit names, by its canonical name: the longest run of the
    credit's first words that is a listed name ("AA", "AA Haber Videosu": a video's label behind
    it), or None. The credit's label is the cue an ambiguous alias needs ("Kaynak: AA")."""
    canonical = media_for(settings).canonical
    words = name.split()
    for k in range(len(words), 0, -1):
        if found := canonical.get(" ".join(words[:k]).rstrip(".,;")):
            return found
    return None


def find_cited_media(text: str, exclude: Iterable[str | None] = (), settings: Settings = DEFAULT) -> list[str]:
    """Cited media in order of first citation, by canonical name.

    Scans for names and media nouns first and reads the sentence around each hit, instead of
    testing every sentence: most sentences cite nothing, and this runs on every article.
    """
    media = media_for(settings)
    hits: list[tuple[int, str]] = []
    for match in _scan(media.pattern, text, _NO_NAME_AFTER):
        sentence, offset = _sentence_around(text, match.start(), match.end())
        if not _CUES.search(sentence):
            continue
        alias = match.group(1)
        if _inside_longer_name(text, match.start()) or _opens_longer_name(text, alias, match.end()):
            continue  # "the Riverside Times" is not "The Times", "Petra Lind" is not the agency Petra
        if alias in media.needs_cue and not _cue_next_to(sentence, match.start() - offset, match.end() - offset):
            continue
        hits.append((match.start(), media.canonical[alias]))
    for match in _media_nouns(text):
        sentence, offset = _sentence_around(text, match.start(), match.end())
        hits.extend((offset, name) for name in _unlisted_media(sentence, media))
    hits.extend(_by_construction(text, media))
    excluded = {_key(x) for x in exclude if x}
    excluded |= {_key(m.group(1)) for m in _CREDIT.finditer(text)}
    found: dict[str, None] = {}
    for _, name in sorted(hits, key=lambda hit: hit[0]):
        if _key(name) in excluded or any(_key(a) in excluded for a in media.aliases_of.get(name, ())):
            continue
        found.setdefault(name, None)
    return list(found)


# What may not precede a listed name (the former `(?<![\w.-])`): "U.S.-AP" or "xAFP" is no citation.
_NO_NAME_AFTER = ".-"


def _scan(pattern: re.Pattern[str], text: str, also: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern that must not follow a word character (nor one of
    `also`), with that check done here instead of as a lookbehind in the pattern.

    A rejected match resumes the search one character on, not at its end, so a name that starts
    inside it (after a space) is still found exactly as the lookbehind pattern found it.
    """
    search = pattern.search
    pos = 0
    while (match := search(text, pos)) is not None:
        start = match.start()
        if start and ((before := text[start - 1]).isalnum() or before == "_" or before in also):
            pos = start + 1
            continue
        yield match
        pos = match.end()


def _media_nouns(text: str) -> Iterator[re.Match[str]]:
    """`_MEDIA_NOUN_RE.finditer(text)`, trying the pattern only where one of its opening words
    stands: `re` would run its branches at every lower-case n, p, t, r… of the article (0.4 ms on
    a long one), str.find skips to the few places that matter."""
    starts: set[int] = set()
    for word in _MEDIA_NOUN_STARTS:
        at = text.find(word)
        while at >= 0:
            starts.add(at)
            at = text.find(word, at + 1)
    end = 0
    for start in sorted(starts):
        if start < end:
            continue  # inside the previous match, which finditer would not look into
        match = _MEDIA_NOUN_RE.match(text, start)
        if match:
            yield match
            end = match.end()


_PRECEDING_WORD = re.compile(r"([A-Z][\w'-]+)\s+$")
_NAME_PREFIXES = {"The", "A", "An", "German", "French", "British", "American", "Russian", "Spanish", "Italian"}


def _inside_longer_name(text: str, start: int) -> bool:
    """True when the match continues a capitalised name ("Riverside Times", "Kyiv Post"), which
    is another outlet; nationality adjectives and articles do not count ("German ARD")."""
    offset = max(0, start - 40)
    before = _PRECEDING_WORD.search(text[offset:start])
    if not before:
        return False
    word = before.group(1)
    opens_sentence = text[:offset + before.start(1)].rstrip()[-1:] in ("", ".", "!", "?", "\n", ":", "\"", "“")
    return not opens_sentence and word not in _NAME_PREFIXES and not _is_demonym(word)


_NEXT_WORD = re.compile(r"\s+([A-Z][\w'-]+)")
_CALENDAR = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
                      "June July August September October November December".split())


# Words that make a name a bank's, a fund's or a firm's ("analyst Richard Moore of RBC Capital Markets").
_FIRM_WORDS = frozenset("Capital Markets Securities Bank Banking Holdings Financial Investments Investment Asset "
                        "Assets Management Partners Insurance Wealth Advisors Advisers Brokers Equities Credit".split())


def _opens_longer_name(text: str, alias: str, end: int) -> bool:
    """True when a one-word name in Title Case goes on into a capitalised word: a person or
    another body ("Petra Lind", "Trend Micro"), not the outlet. Acronyms and longer names are
    left alone ("BBC World"), unless a firm's word follows ("RBC Capital Markets")."""
    after = _NEXT_WORD.match(text, end)
    if " " in alias or alias.isupper():
        return bool(after) and after.group(1) in _FIRM_WORDS
    return bool(after) and after.group(1) not in _CALENDAR


def _sentence_around(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence holding text[start:end] (cut at most 300 characters each way) and its offset."""
    lo = max(0, start - 300)
    left = max(text.rfind(stop, lo, start) for stop in (". ", "! ", "? ", "\n"))
    left = lo if left < 0 else left + 1
    hi = min(len(text), end + 300)
    rights = [i for i in (text.find(stop, end, hi) for stop in (". ", "! ", "? ", "\n")) if i >= 0]
    right = min(rights) + 1 if rights else hi
    return text[left:right], left


def _cue_next_to(sentence: str, start: int, end: int) -> bool:
    window = sentence[max(0, start - 30):end + 30]
    return bool(_CUES.search(window.replace(sentence[start:end], " ")))


def _names_the_medium(match: re.Match[str]) -> bool:
    """Whether the name before a media noun (`_NAMED_BEFORE`) is the medium's. Not a speaker
    ("Zakharova told Russian television"), an owner ("North Korea's leading newspaper, Rodong
    Sinmun") or one of a list of media kinds ("With TV and radio calling on ...")."""
    between = match.group(2)
    if _VERB.search(between) or match.group(1).endswith(("'s", "’s")) or _COORDINATED.search(between):
        return False
    # Between the name and the noun stand a medium's kinds ("business newspaper", "state-run TV"),
    # not another name ("Apti Abitayev , the ITAR-Tass news agency said") nor a sentence's words
    # ("Obama then watched TV coverage", "Lord Goldsmith is threatening newspaper editors").
    english = stoplist("English")
    return not any(word[:1].isupper() or (word.lower() in english and word.lower() not in _KINDS)
                   for word in between.split())


def _unlisted_media(sentence: str, media: MediaList) -> list[str]:
    names = []
    for regex in (_NAMED_AFTER, _NAMED_BEFORE):
        for match in _matches(regex, sentence):
            if regex is _NAMED_BEFORE and not _names_the_medium(match):
                continue
            if _noun_modifies_the_next_word(sentence, match, regex is _NAMED_AFTER):
                continue
            raw = match.group(1).strip()
            if raw in media.canonical:  # "Associated Press", before "Press" is trimmed off
                names.append(media.canonical[raw])
                continue
            name = _trim_name(raw)
            if name in media.canonical:
                names.append(media.canonical[name])
            elif name and _could_be_a_medium(name):
                names.append(name)
    return names


def _matches(regex: re.Pattern[str], sentence: str) -> Iterator[re.Match[str]]:
    """`regex.finditer`, but a match whose words before the noun open with a name is tried again
    from that name: in "Apti Abitayev , the ITAR-Tass news agency said" the medium is ITAR-Tass."""
    at = 0
    while (match := regex.search(sentence, at)) is not None:
        yield match
        # only a name opening those words: "Corriere della Sera newspaper" holds no "Sera newspaper"
        again = match.lastindex is not None and match.lastindex >= 2 and (match.group(2) or "")[:1].isupper()
        at = match.start(2) if again else match.end()


# A media noun that is a modifier: "TV cameras showed", "Jury finds TV executive guilty", "McCain
# went before television cameras", "a television interview": no medium is named.
_MODIFIED = frozenset("""
executive executives programmer programmers editor editors camera cameras series ad ads advert adverts
spot spots coverage interview interviews correspondent correspondents reporter reporters crew crews
footage pictures images show shows program programs programme programmes audience audiences viewers
ratings screen screens set sets licence license bargains deal deals rights debate debates appearance
appearances address personality personalities star stars documentary drama comedy funny campaign
campaigns advertisement advertisements advertising front side industry market photographers
""".split())
# Words of the language that may still stand between a name and its media noun: its kinds.
_KINDS = _NOT_OUTLETS | {"business", "leading", "main", "popular", "satellite", "daily", "weekly", "regional", "new",
                         "top", "largest", "biggest", "major", "own", "arabic", "english", "french", "german"}
_WORD_AFTER = re.compile(r"\s+([a-z]+)")
_LAST_WORD = re.compile(r"[\w-]+$")
_DAILY_AFTER = frozenset({"the", "a", "an", "its", "his", "her", "their", "our"})
_JOINING = frozenset({"with", "and", "but", "or", "as", "than", "while"})  # "With daily AK-47 assault rifles"


def _noun_modifies_the_next_word(sentence: str, match: re.Match[str], named_after: bool) -> bool:
    """Whether the media noun of a match qualifies the noun after it, or ("spewing out daily
    Speaking on Saturday") is no noun at all: "daily" and "weekly" name a paper after a determiner."""
    noun = _LAST_WORD.search(sentence[:match.start(1)].rstrip(" \"“«'")) if named_after else None
    if noun and noun.group(0) in ("daily", "weekly"):
        before = (sentence[:noun.start()].split()[-1:] or [""])[0]
        word = before.lower()
        return before.isalpha() and (before.islower() or word in _JOINING) and word not in _DAILY_AFTER
    if named_after:
        # "says on TV Moammar Gadhafi `` will ...": a medium as such, and the next sentence's subject
        return bool(noun) and sentence[:noun.start()].rstrip().lower().endswith(" on")
    after = _WORD_AFTER.match(sentence, match.end())
    return bool(after) and after.group(1) in _MODIFIED


# A descriptor run into a medium's name: "State-run Nile TV", "London-based Asharq Al-Awsat",
# "Opposition-controlled radio": the medium's kind, not its name.
_DESCRIPTOR = re.compile(r"-(?:based|run|owned|controlled|language|backed|funded|affiliated|financed|sponsored)$",
                         re.IGNORECASE)


def _could_be_a_medium(name: str) -> bool:
    """Whether an unlisted name the wording puts beside a media noun may be the medium's: not a
    country or a city ("Libya state TV", "Israel radio reported", "TRIPOLI"), nor a word of the
    language, capitalised to open a sentence or printed in capitals ("When a local newspaper
    reported", "Some newspaper and television commentators", "TV OUT ; ONLINE OUT")."""
    # Imported here: the country and city tables load babel's data, which most articles never need.
    from storyline.entities.countries import country_code, world_cities

    if " " not in name and name.lower() in stoplist("English"):
        return False
    return country_code(name) is None and name not in world_cities() and name.title() not in world_cities()


# Media named by how the sentence cites them, listed or not: a name told something ("told
# Continental Press", "told the Kolmar Gazette": a masthead word ends it), a name before "agency"
# or "channel" after a verb of telling ("told the Infopol agency", "in statements to the "Baltinform"
# agency"; not "according to the UN agency"), a name after "the channel" ("told the channel TVK-24"),
# and in Russian a name in quote marks after the medium's noun ("агентству «Балтинформ»").
_MASTHEAD_WORDS = ("Gazette", "Times", "Post", "Herald", "Press", "News", "Tribune", "Observer", "Journal",
                   "Telegraph", "Chronicle", "Review", "Radio", "TV", "FM", "Television", "Daily", "Wire")
_TELLING = r"(?:told|tells|telling|statements?\s+to|speaking\s+to|spoke\s+to|said\s+to|interview\s+(?:to|with|for)|" \
           r"(?:granted|given|gave)\s+to|quoted\s+by|cited\s+by)"
_CONSTRUCTIONS = (
    # Each lookahead names the letters the openings start with: most positions fail on it before
    # the alternation is tried (bench/scans.py: media_us against media_no_lookahead_us, the same
    # citations).
    ("Masthead", re.compile(
        rf"(?=[tsigqca])\b(?:{_TELLING}|according\s+to)\s+(?:the\s+)?[\"“«']?((?:[A-Z][\w.&'-]*\s+){{0,3}}"
        rf"(?:{'|'.join(_MASTHEAD_WORDS)}))\b(?![\s-]*[A-Z0-9]|\s+of\b)")),
    ("agency", re.compile(
        rf"(?=[tsigqc])\b{_TELLING}\s+(?:the\s+)?[\"“«']?({_NAME})[\"”»']?\s+(?:news\s+|press\s+|TV\s+)?(?:agency|channel)\b")),
    ("channel", re.compile(
        rf"(?=[tsigqco])\b(?:{_TELLING}|on|to)\s+(?:the\s+)?(?:TV\s+|television\s+|radio\s+)?(?:channel|station)\s+"
        rf"[\"“«']?({_NAME})")),
    ("агентств", re.compile(
        r"(?i:агентств\w*|информагентств\w*|телеканал\w*|радиостанци\w*|газет\w*|издани\w*|портал\w*)\s+"
        r"[«\"“„]([^»\"”“\n]{2,40})[»\"”“]")),
)


def _by_construction(text: str, media: MediaList) -> list[tuple[int, str]]:
    hits = []
    for trigger, regex in _CONSTRUCTIONS:
        words = _MASTHEAD_WORDS if trigger == "Masthead" else (trigger,)
        if not any(w in text for w in words):
            continue  # the cheap test first: most articles hold none of these words
        for match in regex.finditer(text):
            raw = match.group(1)
            if trigger == "Masthead":  # its masthead word is part of the name ("Continental Press")
                words = raw.split()  # "The Observer": the article is the masthead's
                while len(words) > 1 and _DESCRIPTOR.search(words[0]):
                    words.pop(0)  # "Syrian-based Arrai TV"
                if len(words) > 1 and words[0] in ("The", "the") and words[1] not in _MASTHEAD_WORDS:
                    words.pop(0)
                name = " ".join(words) if len(words) > 1 or raw in media.canonical else None
            else:
                name = raw if trigger == "агентств" or raw in media.canonical else _trim_name(raw)
            short = name.rsplit(" ", 1)[0] if name and name not in media.canonical else None
            if short in media.canonical:
                name = short  # "Al Jazeera TV" is the listed Al Jazeera
            if name and (trigger == "агентств" or not _is_demonym(name.split()[0]) or len(name.split()) > 1):
                name = name.strip()
                hits.append((match.start(1), media.canonical.get(name, name)))
    return hits


def _trim_name(name: str) -> str | None:
    words = name.split()
    while words and (words[0].lower() in _NOT_OUTLETS or _is_demonym(words[0]) or _DESCRIPTOR.search(words[0])
                     or (len(words) > 1 and words[0].endswith(("'s", "’s")))):  # "Turkey's Anatolia"
        words.pop(0)
    while words and words[-1].lower() in _NOT_OUTLETS | {"of", "de", "del", "la", "al-"}:
        words.pop()
    if not words or len(words) > 4 or (len(words) == 1 and words[0].lower() in ("tv", "television", "radio")):
        return None  # "tells France-based TV channel Euronews": the kind, the name follows
    name = " ".join(words).strip(".,'\"")
    return name if len(name) >= 2 else None


def _is_demonym(word: str) -> bool:
    if word.lower().endswith("press"):
        return False  # Nordpress, Armenpress: the agency's suffix, not Swiss
    return word[:1].isupper() and not word.isupper() and bool(_DEMONYM.search(word.lower())) and len(word) > 4


def _key(name: str) -> str:
    return re.sub(r"[\W_]+", " ", name.casefold()).strip()
