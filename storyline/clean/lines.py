"""Per-line evidence for the plain-text cleaner: is a line prose, a fragment, or site furniture?

justext's insight carries over to text dumps: article prose is long and dense in function words
(stopwords), while menus, share bars, teasers and footers are short, capitalised and light on
them. A line is rated once here, from its own text only; `text.py` then decides in context.
Stoplists come from justext (a trafilatura dependency, BSD) for the big news languages; the
document's language is the list with the most hits, so one machine-translated English page and
one Russian page are both judged by their own function words.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from storyline.entities.scripts import UNSPACED_CHAR

# The languages most news arrives in; each list costs ~1 ms to load, once per process.
_LANGUAGES = ("English", "Russian", "German", "French", "Spanish", "Portuguese", "Italian",
              "Dutch", "Polish", "Turkish", "Ukrainian", "Korean", "Arabic", "Persian", "Swedish",
              "Czech", "Romanian", "Hungarian", "Indonesian", "Vietnamese")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
TERMINAL = frozenset(".!?\"”’)…;。！？」』")
# Stripped from tokens; digits too, so that a number is not a word.
_PUNCT = "\"'“”‘’«»„()[]{}<>.,;:!?…—–-/\\|*#%&+=@$€£©®0123456789"
# How many words of a line are read for its stopword density: enough to judge, cheap for long lines.
_SAMPLE_WORDS = 40

# Site furniture that is recognisable by its opening words when the line is short: navigation,
# share bars, account and subscription calls, comment widgets, related-story headers, credits.
_BOILER_START = re.compile(
    r"^\W*(?:share(?: this| on| via| the| article| story)?|tweet|pin it|e-?mail(?: this)?|print(?: this)?|"
    r"facebook|twitter|linkedin|whatsapp|reddit|pinterest|telegram|instagram|youtube|flipboard|"
    r"copy link|follow (?:us|@)|like us|read (?:more|also|next|the full)|see also|also read|related|"
    r"more (?:from|on|stories|news|articles|in)|recommended|trending|most (?:read|popular|viewed|shared)|"
    r"popular (?:posts|stories|articles)|latest (?:news|stories|posts|articles|videos)|"
    r"you (?:may|might) (?:also )?(?:like|enjoy|be interested)|top stories|editor'?s picks|further reading|"
    r"subscribe|subscription|sign (?:up|in)|log ?in|log ?out|register|create (?:an )?account|my account|"
    r"newsletter|donate|support (?:us|our)|become a (?:member|patron|subscriber)|leave a (?:reply|comment|review)|"
    r"post a comment|add (?:a )?comment|(?:\d+ )?comments?\b|no comments|join the (?:conversation|discussion)|"
    r"reply|report (?:this|abuse)|registered (?:in|office)|cancel reply|copyright|all rights reserved|privacy|"
    r"terms (?:of|and)|cookie|"
    r"contact(?: us)?$|about(?: us)?$|advertise|advertisement|sponsored|skip to|menu$|search|home$|close$|"
    r"back to top|loading|photo of author|image credit|photo credit|tags?:|filed under|categories|posted in|"
    r"previous (?:post|article|story)|next (?:post|article|story)|click here|see instructions|download (?:the|our) app|"
    r"watch (?:now|live|:)|listen(?: now| to)|powered by|designed by|sitemap|rss|go to|jump to|toggle)"
    # A whole word: "Shares surge ...", "Searchers find ...", "Registered voters ..." are headlines.
    r"(?:(?<=[:@])|(?!\w))",
    re.IGNORECASE,
)
# A masthead's credits: a title, then names only ("Chairman: Ivan Petrov", "Managing editor Anna
# Berg"). A headline that opens with a title goes on in lower case ("Chairman of the Fed resigns").
_CREDIT = re.compile(
    r"^\W*(?i:editor[- ]in[- ]chief|chief editor|managing editor|executive editor|deputy editor|"
    r"editorial (?:director|board|team)|supervisor|publisher|chairman|founder|general manager)"
    r"(?:\s*[:\-\u2013\u2014,&]?\s*(?:[A-Z\u0400-\u042f][\w.'\-]*|and|of|the|for))*\W*$",
)
# A player's notice where a dump lost its video: furniture (`_BOILER_ANY`) that does not end the
# body around it (`EMBED_FALLBACK`).
_PLAYER_NOTICE = r"\bflash player\b|\breading (?:this )?via rss\b|\bfor full instructions\b"
# Phrases that mark furniture wherever they stand in a line of any length.
_BOILER_ANY = re.compile(
    r"©|\ball rights reserved\b|\bcopyright \d{4}|\bcookies? (?:policy|settings)\b|\buse (?:of )?cookies\b|"
    r"\bjavascript\b|\bsubscribe (?:to|now|today)\b|\bsign up (?:for|to)\b|\bfollow us\b|"
    r"\bnewsletter\b.{0,40}\b(?:inbox|sign|subscribe)|\bterms of (?:use|service)\b|\bprivacy policy\b|"
    r"\bdelivered (?:straight |directly |right )?to your inbox\b|"
    # a blog's furniture and a player's fallback: "Please get involved and leave a comment", "You can
    # stay up to date with X via these feeds", "... but commenting has closed", "If you 're reading via
    # RSS , you 'll need to visit the blog ...", "Visit BBC Webwise for full instructions"
    r"\bleave a comment\b|\bstay up to date with\b.{0,80}\bvia (?:these|our|this|the) (?:rss )?feeds?\b|"
    r"\bcomment(?:ing|s) (?:has|have|is|are) (?:now |been )*closed\b|" + _PLAYER_NOTICE + "|"
    # a notice to the reader's browser ("Your browser 's settings may be preventing you from commenting ...")
    r"\byour (?:web )?browser\s?(?:'\s?s\s)?(?:settings|does ?n[o']t|is (?:out of date|not supported))",
    re.IGNORECASE,
)
# Openings that mark furniture however long the line runs (a subscription plea can be a paragraph).
_BOILER_STRONG = re.compile(
    r"^\W*(?:follow us|subscribe (?:to|now|today|for)|sign up (?:for|to)|copyright|©|all rights reserved|"
    r"\d+ of \d+ (?=[A-Z])|"
    r"share this (?:article|story|post)|click here to)",
    re.IGNORECASE,
)
# A reader's comment under its stamp: "At 23:28 29th Apr 2009 , jamesthought wrote : It is ...";
# a dump may run the first into the line above it ("... head of the newsroom At 18:20 ...").
COMMENT_HEAD = re.compile(
    r"(?:^|\s)(?:at|on)\s+\d{1,2}\s?[:.]\s?\d{2}(?:\s?[ap]\.?m\.?)?\b[^,]{0,40},\s*[^,]{1,40}?\s+wrote\s*:",
    re.IGNORECASE,
)
# A comment's stamp on blogs and news sites that thread readers' replies (WordPress, CNN's blogs):
# its date and time, then a pipe and the reply or report link or the comment itself ("March 9 ,
# 2011 at 11:01 am | Reply Gadhafi raised ...", "... pm | Report abuse | ...", "... at 6:11 pm |
# The U.S. does NOT ...", CNN's Political Ticker: "February 24 , 2011 03:14 pm at 3:14 pm | Unless
# ..."). Dumps run it into the comment, and often into the one before.
REPLY_HEAD = re.compile(
    r"(?:\b[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*,?\s*\d{4}|\b\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s*,?\s*\d{4}|"
    r"\b\d{4}-\d{2}-\d{2}|\b\d{1,2}/\d{1,2}/\d{2,4})\s*,?\s*(?:at|@)?\s*\d{1,2}\s?[:.]\s?\d{2}"
    r"(?:(?:\s?[ap]\.?\s?m\.?)?\s*\|\s*(?:Report abuse|Reply)\b|"
    r"\s?[ap]\.?\s?m\.?(?:\s+at\s+\d{1,2}\s?[:.]\s?\d{2}\s?[ap]\.?\s?m\.?)?\s*\|)",
    re.IGNORECASE,
)
# What stands in an article for the video or audio a dump could not keep ("To play this content
# JavaScript must be turned on and the latest Flash player installed", "If you 're reading via RSS ,
# you 'll need to visit the blog ..."): furniture inside the body, no sign that the body ended.
EMBED_FALLBACK = re.compile(_PLAYER_NOTICE + r"|\bjavascript (?:must|needs to) be\b|\bto play this\b|"
                            r"\bin order to see this content\b", re.IGNORECASE)
# Literal pieces of _BOILER_ANY: a cheap test that spares most lines the regular expression.
_BOILER_KEYS = re.compile("©|rights|copyright|cookie|javascript|subscribe|sign up|follow us|newsletter|terms of|"
                          "privacy|inbox|browser|comment|feeds|rss|instructions|flash player")
# A transcript's speaker in capitals, with a role and a channel, before what they said: "CARL AZUZ ,
# CNN STUDENT NEWS ANCHOR : Hi ...", "WAEL GHONIM , EGYPTIAN ACTIVIST ( via telephone ) : I 'm ...".
SPEAKER_LABEL = re.compile(r"^[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+)* ?, ?[A-Z][A-Z.'\-]*(?: [A-Z][A-Z.'\-]*)*"
                           r"(?: ?\([^)]{1,40}\))? ?: ")
# A line made of menu items or breadcrumbs: several short parts split by bars, bullets or arrows.
_SEPARATORS = re.compile(r"\s[|•·»›/]\s|\s>\s")
# A page's tabs run into its text's first line: "'' This Story : Read + | Watch + | Talk + | REYKJAVIK ,
# Iceland , Oct. 9 -- ...". Each tab one or two words, marked "+" (it opens), split by bars.
_TAB_BAR = re.compile(r"^(?:''\s?)?(?:This (?:Story|Article|Page)\s?:\s)?(?:\w+(?: \w+)? \+\s?\|\s?){2,}")


# A blog's sharing buttons run into the text's last sentence by a dump that flattened the page
# ("... lives and property. Share this: Twitter Facebook Print Like this: Like Loading.."): on a line
# of their own they are furniture as any button row is.
_SHARE_BLOCK = re.compile(r"(?<=[.!?\"”'’])\s+(?=(?:Share this|Like this)\s?:)")


def split_share_blocks(lines: list[str]) -> list[str]:
    """Each line with the sharing buttons after its last sentence put on a line of their own."""
    return [part for line in lines
            for part in (_SHARE_BLOCK.split(line, maxsplit=1) if "this:" in line or "this :" in line else [line])]


def without_tab_bar(line: str) -> str:
    """The line without the page's tabs opening it: what follows is the text, its dateline first."""
    return _TAB_BAR.sub("", line, count=1) if "+" in line else line
# Headers after which the rest of a page is readers' comments or other stories.
END_MARKER = re.compile(
    r"^\W*(?:\d+\s+)?(?:comments?|responses?|replies|reactions|discussion)\s*(?:\(\d+\))?\W*$|"
    r"^\W*(?:leave a (?:reply|comment|review)|post a comment|add (?:a |your )?comment|join the discussion|"
    r"what do you think|about the author|share this(?: article| story)?)\b",
    re.IGNORECASE,
)
# Headers of boxes of other stories: after the body, or set into it (so not an end).
BOX_MARKER = re.compile(
    r"^\W*(?:related (?:articles|posts|stories|news|content|coverage|reading)|you (?:may|might) also like|"
    r"more (?:stories|news|articles) (?:from|like)|recommended (?:for you|stories|articles)|"
    r"(?:most|more) (?:popular|read)|trending (?:now|stories)|read (?:more|also|next)|see also|also read)\W*$",
    re.IGNORECASE,
)


# Wire agencies close a story with a marker after its last sentence ("... commission. --0--",
# "-30-", "(END)", "###"): that line is still the article's last paragraph.
_END_MARK = re.compile(r"\s+(?:-+\s*0\s*-+|-30-|\(END\)|\[END\]|#{3,}|\+{3,})$")
_END_MARK_LAST = frozenset("-)]#+")


@dataclass(slots=True)
class LineInfo:
    """What one line looks like on its own; `rating` is good, near, short, teaser (opens in Title
    Case), bad or blank."""

    text: str
    words: int
    density: float
    terminal: bool
    rating: str


@cache
def _stoplists() -> dict[str, tuple[str, ...]]:
    """word -> the languages it is a stopword of, one dict so each token costs one lookup."""
    try:
        import justext
    except ImportError:  # justext arrives with trafilatura; without it, only English is judged
        return {w: ("English",) for w in _FALLBACK_EN.split()}
    table: dict[str, list[str]] = {}
    for lang in _LANGUAGES:
        try:
            words = justext.get_stoplist(lang)
        except (ValueError, OSError):
            continue
        for w in words:
            table.setdefault(w, []).append(lang)
    return {w: tuple(v) for w, v in table.items()}


_NOUN_CAPS = frozenset({"German", "Korean", "Arabic", "Persian"})
_FALLBACK_EN = ("a an the and or but of to in on at by for with from as is are was were be been it its "
                "this that these those he she they we you i his her their our not no said says will would "
                "has have had do does did can could should may might there which who what when where how")


def pick_stopwords(lines: list[str]) -> tuple[frozenset[str], bool]:
    """The stoplist of the language whose function words the longest lines use most, and whether
    Title Case marks a headline in it (not in German, which capitalises every noun)."""
    words: list[str] = []
    for line in heapq.nlargest(6, lines, key=len):
        words += _WORD.findall(line[:300].lower())
    if not words:
        return frozenset(), False
    english = _stoplist("English")
    # Most input is English: settle that with one pass before polling every language.
    if sum(map(english.__contains__, words)) >= 0.3 * len(words):
        return english, True
    table = _stoplists()
    counts: dict[str, int] = {}
    for w, n in Counter(words).items():
        for lang in table.get(w, ()):
            counts[lang] = counts.get(lang, 0) + n
    if not counts:
        return frozenset(), False
    best = max(counts, key=lambda k: counts[k])
    return _stoplist(best), best not in _NOUN_CAPS


def stoplist(lang: str) -> frozenset[str]:
    """A language's function words (jusText's list): words that name nobody when a sentence
    opens on them ("When a local newspaper reported", "NEED to hear")."""
    return _stoplist(lang)


@cache
def _stoplist(lang: str) -> frozenset[str]:
    try:
        import justext

        return frozenset(justext.get_stoplist(lang))
    except (ImportError, ValueError, OSError):
        return frozenset(w for w, langs in _stoplists().items() if lang in langs)


def rate_line(text: str, stopwords: frozenset[str], title_case: bool = True) -> LineInfo:
    """Rate one stripped line. Thresholds follow justext's defaults, tuned for text dumps where a
    paragraph is one line (so length is a stronger signal than in HTML)."""
    if not text:
        return LineInfo(text, 0, 0.0, False, "blank")
    # str.split and strip, not a regular expression: this runs on every line of every input.
    low = text.lower()
    parts = low.split()
    sample = [t.strip(_PUNCT) for t in parts[:_SAMPLE_WORDS]]
    empty = sample.count("")  # numbers and dashes are not words
    nw = len(parts) - empty
    if empty:
        sample = [t for t in sample if t]
    if nw * 12 < len(text):  # scripts without spaces: count two characters as a word
        nw += len(UNSPACED_CHAR.findall(text)) // 2
    cjk = nw >= 20 and len(sample) < 5
    if stopwords and sample:
        density = sum(map(stopwords.__contains__, sample)) / len(sample)
    else:
        density = 0.3 if nw >= 8 else 0.0
    if cjk:
        density = max(density, 0.3)
    end = text
    if text[-1] in _END_MARK_LAST and (mark := _END_MARK.search(text)):
        end = text[:mark.start()] or text  # judged as the sentence the agency's end marker closes
    terminal = end[-1] in TERMINAL or end.endswith((".)", '."', ". ''", "? ''", "! ''", ".''"))
    if _is_boilerplate(text, low, nw):
        rating = "bad"
    elif title_case and nw >= 6 and _headline_start(text, stopwords):
        rating = "teaser"
    elif nw >= 10 and density >= 0.2 and (terminal or nw >= 20):
        rating = "good"
    elif (nw >= 4 and density >= 0.15 and terminal) or nw >= 20:
        rating = "near"
    else:
        rating = "short"
    return LineInfo(text, nw, density, terminal, rating)


def _headline_start(text: str, stopwords: frozenset[str]) -> bool:
    """True when a line opens in Title Case: a headline, alone or glued to its teaser text.
    Prose full of names still writes its function words in lower case; headlines do not."""
    first = text.split(None, 3)
    if len(first) < 4 or not (first[1][:1].isupper() or first[2][:1].isupper()):
        return False  # cheap exit for the common case, a sentence
    head = [t for t in (t.strip(_PUNCT) for t in text[:150].split()[1:11]) if t]
    stops = [w for w in head if w.lower() in stopwords]
    if any(w[0].islower() for w in stops):
        return False
    content = [w for w in head if w.lower() not in stopwords]
    if len(content) < 4:
        return False
    caps = sum(1 for w in content if w[0].isupper())
    return caps >= (0.75 if stops else 0.9) * len(content)


# A container's title that is a page's furniture: the scraper took a share button, a newsletter
# plug, a byline's label or a notice to an ad blocker's user for the headline ("Jetzt teilen:",
# "Podziel się", "Article content", "Autor: pol/leo", "我们注意到您正在屏蔽广告！"), or a dateline
# alone ("Osnabrück (ots)"). In any of the languages read here: the English furniture of
# `_BOILER_START` counts too (`furniture_title`).
_FURNITURE_TITLE = re.compile(
    r"^\W*(?:(?:jetzt |artikel )?teilen|podziel się|udostępnij|partage[rz]?|compart[ei]r?|condividi|paylaş|"
    r"поделиться|article content|send (?:this|to a friend)\b.*|(?:nuestro |el )?boletín|infolettre|"
    r"(?:autor(?:in)?|author|auteur|yazar)\s?:.*|"
    r"[^\W\d_][\w.' -]{1,40}\s\((?:ots|dpa|afp|ap|apa|sda|ansa|efe|pap|aa|dha|iha|reuters)\))\W*$|"
    r".*(?:ad[ -]?block|werbeblocker|bloqueador de anuncios|屏蔽广告|広告ブロック)",
    re.IGNORECASE,
)


def furniture_title(title: str) -> bool:
    """Whether a title a container gave (a feed's, a JSON line's, a page's head) is no headline but
    the site's furniture: kept, it stood as the story's title ("Podziel się", Polish for "share")."""
    text = title.strip()
    if _FURNITURE_TITLE.match(text) or _BOILER_STRONG.match(text) or BOX_MARKER.match(text):
        return True
    # `_BOILER_START` judges a line by its opening: a headline may open on its words ("Share prices
    # tumble", "Search for missing boy ends"), so here they must be the whole title ("Read more").
    furniture = _BOILER_START.match(text)
    return furniture is not None and not re.search(r"\w", text[furniture.end():])


def _is_boilerplate(text: str, low: str, nw: int) -> bool:
    if _BOILER_STRONG.match(text):
        return True
    if nw <= 12 and (_BOILER_START.match(text) or _CREDIT.match(text)):
        return True
    if nw <= 40 and _BOILER_KEYS.search(low) and _BOILER_ANY.search(text):
        return True
    if nw <= 20 and len(_SEPARATORS.findall(text)) >= 2:
        return True
    return nw == 0
