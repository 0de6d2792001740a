"""Quotes: direct and reported speech, who said it and the channel it came through.

`find_quotes(article, mentions)` reads one cleaned article. Direct speech is found by its quote
marks in any language (`quotes_marks`); English is attributed from spaCy's dependency parse
(`quotes_en`), Russian and other languages by rules on speech verbs beside the marks
(`quotes_rules`); the speaker is named as this article names that person or body most fully
(`quotes_speakers`). The channel (`via`) is read from the words that attribute the quote (told
Interfax, in an interview with AFP, RIA Novosti quoted him as saying, at a press conference) and,
failing those, from a wire the same paragraph credits (… , RIA Novosti reports). Offsets refer to
`article.text`. Confirmation across sources is `storyline.provenance`'s job.

Reported speech (`quotes_reported`) is the clause of a speech verb, `according to X`, `as X
noted` and the sentence before `This was stated by X`. When the speaker cannot be told (an
unnamed source, a description nobody in the article fits) `speaker` is None and `speaker_text`
keeps the words. Cost beyond the shared parse: about 60 ms per 5,400-character article, measured
on a two-core machine under a load average near 10 (so less on an idle core).
"""

from __future__ import annotations

import re

from storyline import nlp
from storyline.clean.datelines import dateline_end
from storyline.model import Article, Entity, Mention, Quote
from storyline.quotes_en import english_quotes
from storyline.quotes_marks import find_quote_spans
from storyline.quotes_reported import Found
from storyline.quotes_rules import rule_quotes
from storyline.quotes_speakers import PERSON_TYPES, Speakers

_MEDIA_NOUN = (r"(?:news\s+agency|agency|television|TV(?:\s+channel)?|radio(?:\s+station)?|newspaper|daily|"
               r"broadcaster|channel|website|news\s+site|magazine|weekly|portal)")
_NAME = r"(?:[A-Z][\w&.'’-]*|[A-Z]{2,})(?:\s+(?:[A-Z][\w&.'’-]*|of|de|al-))*"
_PLAIN_MEDIUM = rf"(?:(?:[A-Z][\w-]*\s+){{0,3}}{_MEDIA_NOUN}(?:\s+{_NAME})?|{_NAME})"
_TO_MEDIUM = re.compile(
    r"(?:\btold|\btelling|\btells|\binterviews?\s+(?:with|to|on)|\bstatements?\s+to|\bcomments?\s+to|\bremarks\s+to|"
    r"\bspeaking\s+(?:to|with|on)|\bspoke\s+(?:to|with|on)|\bsaid\s+(?:to|on)|\bquoted\s+by|\bcited\s+by|"
    r"\bcontacted\s+by|\bwriting\s+in|\bwrote\s+in|\baccording\s+to|\bsaid\s+in\s+an?\s+(?:interview|op-ed|article)"
    r"\s+(?:with|to|in|for|on)|\binterviewed\s+by|\b(?:granted|given)\s+to|\bon\s+the\s+(?:airwaves|set|air)\s+of|"
    r"\b(?:declared|indicated|explained|confided|confirmed|stated|affirmed|specified|announced|revealed|assured|"
    r"added|noted|stressed|emphasi[sz]ed|reported)\s+to)\s+[\"“«]?(?:the\s+|an?\s+)?[\"“«]?(" + _PLAIN_MEDIUM + ")",
)
_MEDIUM_QUOTED = re.compile(r"(" + _PLAIN_MEDIUM + r")\s+(?:quoted|quotes|cited|cites)\s+(?:him|her|them|[A-Z][\w-]+"
                            r"(?:\s+[A-Z][\w-]+)*)\s+as\s+saying")
_EVENT = re.compile(r"\b(?:at|during|in)\s+(?:a|an|the|his|her|their)\s+((?:joint\s+|weekly\s+|daily\s+)?"
                    r"(?:press\s+conference|news\s+conference|press\s+briefing|briefing|news\s+briefing|"
                    r"televised\s+address|address|speech|interview|video\s+address|statement|tweet|"
                    r"post\s+on\s+\w+|telegram\s+post|"
                    r"пресс-конференции|брифинге|интервью))\b", re.IGNORECASE)
_SOCIAL = re.compile(r"\b(?:on|in)\s+(?:his|her|their|its|the)?\s*(?:official\s+)?(Telegram|Twitter|Facebook|Instagram|"
                     r"YouTube|TikTok|VKontakte|X|Truth\s+Social|Weibo)\b")
_EVENT_KEEP = re.compile(r"conference|briefing|address|speech|interview|пресс|брифинг|интервью", re.IGNORECASE)
_REPORT_CUE = re.compile(r"\b(?:reports?|reported|quoted|quotes|cited|cites|writes|wrote|informs|according\s+to|"
                         r"quoting|citing|told)\b|сообщ\w*|переда\w*|пишет|цитирует|по\s+данным|сказал\w*|"
                         r"заявил\w*|интервью|вопрос\w*|в\s+беседе",
                         re.IGNORECASE)
_MEDIA_WORD = re.compile(r"\b(?:news\s+agency|press\s+agency|agency|television|channel|radio\s+station|radio|"
                         r"newspaper|daily|broadcaster|website|news\s+site|magazine|weekly|portal)\b")
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|ean|an|ese|ish|i|ic|ch)$")
_NOT_MEDIUM = frozenset({"reporters", "journalists", "him", "her", "them", "me", "us", "parliament", "lawmakers",
                         "the", "a", "an", "i", "we", "he", "she", "it", "they"})


_PRIMES = str.maketrans({"″": '"', "‶": '"'})
# (a Dutch dump closes with two marks spaced apart: "``politieke inmenging ' ' noemt")
_TREEBANK = re.compile(r"``[ \t]?|[ \t]?''|(?<=[\w,.!?])[ \t]' '(?=\s|$)")
_STRAIGHT_OPENING = re.compile(r'(?<!\S)"[ \t]?(?=\w)')


def find_quotes(article: Article, mentions: list[Mention], entities: list[Entity] | None = None) -> list[Quote]:
    """Every direct and reported quote of one article, attributed, with its channel.

    `mentions` are this article's (PERSON/ORG/PLACE with offsets); `entities`, when given, let a
    surname-only mention be named by the entity's fullest spelling in this article. Without
    mentions, the parser's own named entities stand in.
    """
    text = article.text or ""
    if not text.strip():
        return []
    if "″" in text or "‶" in text:
        text = text.translate(_PRIMES)  # double primes typed for quote marks; one character each, offsets kept
    printed = text
    marks: dict[int, int] = {}
    if "``" in text or " ''" in text:  # Treebank-style marks (DUC, PTB dumps): ``Words,'' he said
        text, marks = _treebank_marks(text)
    lang = (article.language or "en").split("-")[0]
    spans = find_quote_spans(text)
    # The parse is of the text as printed (the parser reads `` and '' as quote marks, and the same
    # parse serves the names): offsets are the same in both.
    doc = nlp.parse(printed, lang) if lang in ("en", "ru") else None
    mine = [m for m in mentions if m.source == article.source or not m.source] or _parser_mentions(article, doc, lang)
    speakers = Speakers(text, mine, entities)
    if lang == "en" and doc is not None:
        found = english_quotes(text, doc, spans, speakers)
    else:
        found = rule_quotes(text, spans, speakers, lang)
    media = _media_names(article)
    quotes: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    # the words a page opens on, where they are not a quote themselves ("‘I’ve never seen anything like
    # this’: Small businesses shutter", whose quote the text then gives its speaker)
    opening = (article.title or text[:300]).lstrip()
    headline = [] if opening[:1] in "\"'“”‘’«»„`" else _words_of(opening)
    for f in found:
        _past_dateline(text, f)
        if (f.start, f.end) in seen or not any(c.isalpha() for c in f.text):
            continue  # no words: a figure or markup in quote marks ('< g id = " 12 " >')
        if f.kind == "direct" and f.start > len(f.text) and len(words := _words_of(f.text)) >= 4 and \
                headline[:len(words)] == words:
            # the page's own headline quoted as a post's further down ('de Dailycaller.com: "Matthew McConaughey
            # …"'; not a page that opens on its quote, whose words a text-only reader took for a title)
            continue
        seen.add((f.start, f.end))
        via = (f.via or _via(text, f, media, mine, strict=lang == "en") or _sentence_channel(text, f, media, mine)
               or _paragraph_channel(text, f, quotes))
        start, end = marks.get(f.start, f.start), marks.get(f.end, f.end)  # at the marks as printed
        quotes.append(Quote(source=article.source, text=f.text, speaker=f.speaker, kind=f.kind,  # type: ignore[arg-type]
                            via=via, start=start, end=end, speaker_text=f.speaker_text))
    return quotes


def _words_of(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _treebank_marks(text: str) -> tuple[str, dict[int, int]]:
    """`text` with each ``...'' pair of marks as “...”, set against its words where a token corpus
    spaced them ("`` I do n't think ... . ''"), spaces in place of the characters left over (the
    same length), and where each quote's start and end as found lie in `text`."""
    out = list(text)
    marks: dict[int, int] = {}
    for m in _STRAIGHT_OPENING.finditer(text):
        # Some dumps open with a straight mark and close with the treebank's ('" Kind , gentle ,
        # '' said X'): an opener whose next mark is a '' is a “, set against its word as above.
        closing, straight = text.find("''", m.end()), text.find('"', m.end())
        if closing >= 0 and (straight < 0 or closing < straight):
            out[m.start():m.end()] = [" "] * (len(m[0]) - 1) + ["\u201c"]
            marks[m.end() - 1] = m.start()
    for m in _TREEBANK.finditer(text):
        width = len(m[0])
        if m[0].startswith("`"):
            out[m.start():m.end()] = [" "] * (width - 1) + ["\u201c"]
            marks[m.end() - 1] = m.start()
            # ... and the other way round ('`` Esperamos que ... clientes " , dijo'): a straight mark
            # before the next '' closes this one, set against its word
            closing, straight, reopened = text.find("''", m.end()), text.find('"', m.end()), text.find("``", m.end())
            if straight >= 0 and all(x < 0 or straight < x for x in (closing, reopened)) and \
                    text.count("\n", m.end(), straight) < 4:  # a quote runs over a few lines at most
                at = straight - 1 if text[straight - 1] in " \t" else straight
                out[at:straight + 1] = ["\u201d"] + [" "] * (straight - at)
                marks[at + 1] = straight + 1
        else:
            out[m.start():m.end()] = ["\u201d"] + [" "] * (width - 1)
            marks[m.start() + 1] = m.end()
    return "".join(out), marks


def _past_dateline(text: str, f: Found) -> None:
    """Start a reported quote that opens a paragraph after the paragraph's dateline: "Baku/31.10.20/
    Turan: Russia does not want to intervene ..." is the agency's dateline, then what was said."""
    line = text.rfind("\n", 0, f.start) + 1
    if f.kind != "indirect" or text[line:f.start].strip():
        return
    cut = line + dateline_end(text[line:line + 200])
    if f.start < cut < f.end:
        prefix = " ".join(text[f.start:cut].split())
        f.start = cut
        # the words as found, less the dateline (a clause around its "according to X" left that out)
        f.text = f.text[len(prefix):].lstrip() if prefix and f.text.startswith(prefix) \
            else " ".join(text[cut:f.end].split())


def _sentence_channel(text: str, f: Found, media: dict[str, str], mentions: list[Mention]) -> str | None:
    """A channel named at the head of the attributing sentence, before the speaker: 'In a statement
    to "Sputnik" agency, the head of the Red Crescent Kerem Kinik said: "…"'."""
    if f.cue_start < 0 or f.cue_end > f.start + 1:
        return None
    lo = max(text.rfind(". ", 0, f.cue_start) + 2, text.rfind("\n", 0, f.cue_start) + 1, f.cue_start - 300)
    if lo >= f.cue_start:
        return None
    head = Found(f.start, f.end, f.text, f.kind)
    head.cue_start, head.cue_end = lo, f.cue_start
    return _via(text, head, media, mentions)


def _paragraph_channel(text: str, f: Found, earlier: list[Quote]) -> str | None:
    """The channel of the speaker's quote just before in the same paragraph: "X said in statements
    to the Baltinform agency that …. «…», X said." is all what X told Baltinform."""
    if not earlier or not f.speaker:
        return None
    last = earlier[-1]
    if not last.speaker or last.speaker.split()[-1] != f.speaker.split()[-1]:
        return None
    if not last.via or last.via.startswith("a ") or "\n" in text[last.end:f.start]:
        return None
    return last.via


def _parser_mentions(article: Article, doc: object, lang: str) -> list[Mention]:
    """Named entities straight from the parse, for when the entity stage has not run."""
    out: list[Mention] = []
    if doc is None:
        return out
    if lang == "en":
        kinds = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "NORP": "NORP"}
        for i, sent in enumerate(doc.sents):  # type: ignore[attr-defined]
            for ent in sent.ents:
                if ent.label_ == "PERSON" and len(ent) == 1 and (ent[0].pos_ == "ADJ" or ent[0].dep_ == "amod" or (
                        ent[0].dep_ == "compound" and ent[0].head.pos_ == "NOUN")):
                    continue  # "Azerbaijani territory": a demonym the tagger took for a name
                if ent.label_ in kinds:
                    out.append(Mention(article.source, ent.text, ent.start_char, ent.end_char, kinds[ent.label_], i,
                                       language=lang))
    else:
        kinds = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE"}
        for span in getattr(doc, "spans", []):
            if span.type in kinds:
                out.append(Mention(article.source, span.text, span.start, span.stop, kinds[span.type], -1,
                                   language=lang))
    return out


def _media_names(article: Article) -> dict[str, str]:
    """alias -> canonical name of every listed medium, the article's cited media first."""
    from storyline.clean.media import load_media

    media = load_media(None)
    names = dict(media.canonical)
    for name in article.cited_media:
        names.setdefault(name, name)
    return names


def _via(text: str, f: Found, media: dict[str, str], mentions: list[Mention], strict: bool = True) -> str | None:
    """The channel in the words that attribute the quote, else a wire its paragraph credits.

    Outside English (`strict` off) a listed medium in the attribution is taken as the channel
    without an English citation word beside it ("a déclaré Jean Morel à l'AFP")."""
    if f.cue_start < 0:
        return None
    cue = text[f.cue_start:f.cue_end]
    persons = [m for m in mentions if m.type in PERSON_TYPES]
    listed = set(media.values())
    for pattern in (_TO_MEDIUM, _MEDIUM_QUOTED):
        for m in pattern.finditer(cue):
            name = _medium(m.group(1), media, cue[m.end(1):m.end(1) + 60])
            at = f.cue_start + m.start(1)
            # a listed or cited medium the tagger took for a person ("Sputnik") is still the medium
            if name and (name in listed or not any(p.start <= at < p.end for p in persons)):
                return name
    if not strict or _REPORT_CUE.search(cue):
        for _, canonical in _listed(cue, media):
            return canonical
    social = _SOCIAL.search(cue)
    if social:
        return social.group(1)
    event = _EVENT.search(cue)
    if event and _EVENT_KEEP.search(event.group(1)):
        return "a " + " ".join(event.group(1).split()).lower()
    if f.kind != "direct":
        return None
    lo = text.rfind("\n", 0, f.start) + 1
    hi = text.find("\n", f.end)
    paragraph = text[lo:hi if hi >= 0 else len(text)]
    for sentence in re.split(r"(?<=[.!?])\s+", paragraph):
        if not _REPORT_CUE.search(sentence):
            continue
        for alias, canonical in _listed(sentence, media):
            if _credits(sentence, alias):
                return canonical
    return None


def _listed(text: str, media: dict[str, str]) -> list[tuple[str, str]]:
    """(alias, canonical) of the listed media and the article's cited media named in `text`, in order:
    one scan with the media list's trie pattern rather than a test per alias."""
    from storyline.clean.media import load_media

    listed = load_media(None)
    found: list[tuple[int, str, str]] = []
    for m in listed.pattern.finditer(text):
        before = text[m.start() - 1] if m.start() > 0 else " "
        if not (before.isalnum() or before in ".-"):
            found.append((m.start(), m.group(1), listed.canonical[m.group(1)]))
    for alias, canonical in media.items():
        if alias not in listed.canonical and _word_in(alias, text):
            found.append((text.find(alias), alias, canonical))
    return [(alias, canonical) for _, alias, canonical in sorted(found)]


def _credits(sentence: str, alias: str) -> bool:
    """The sentence credits the medium as its source ("X reports", "reports X", "according to X")."""
    a = re.escape(alias)
    return bool(re.search(rf"{a}\W+(?:\w+\W+)?(?:reports?|reported|quoted|writes|wrote|informs|says|said)\b", sentence)
                or re.search(rf"(?:reports?|reported\s+by|according\s+to|quoted\s+by|cited\s+by|сообща\w*|"
                             rf"переда\w*|пишет)\W+(?:[\w-]+\W+){{0,4}}{a}(?!\w)", sentence, re.IGNORECASE))


def _word_in(alias: str, text: str) -> bool:
    if len(alias) < 2 or alias not in text:
        return False
    return bool(re.search(rf"(?<![\w.-]){re.escape(alias)}(?![\w-])", text))


def _medium(raw: str, media: dict[str, str], after: str = "") -> str | None:
    """The medium a cue names: a listed one by its canonical name, else a phrase that says it is
    one ("Russian television") or is described so right after ("Tessa, a local news agency")."""
    raw = " ".join(raw.split()).strip(" ,.;:\"”»'")
    for alias in sorted(media, key=len, reverse=True):
        if _word_in(alias, raw):
            return media[alias]
    words = raw.split()
    if not words or words[0].casefold() in _NOT_MEDIUM:
        return None
    if re.search(_MEDIA_NOUN, raw, re.IGNORECASE):
        if len(words) == 1:
            return None  # "told the newspaper": which one is not said
        # "the channel TVK-24", "the Infopol agency": the name; "Russian television" stays whole
        named = _MEDIA_WORD.sub(" ", raw).split()  # lower case only: "Radio Lumen" is a name
        if named and any(w[:1].isupper() and not _DEMONYM.match(w) for w in named):
            return " ".join(named)
        return raw
    if re.match(rf"^[\"”»']?,\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}{_MEDIA_NOUN}\b", after, re.IGNORECASE):
        return raw
    return None
