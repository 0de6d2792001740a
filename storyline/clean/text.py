"""Plain-text articles: classify every line, then read title, date, byline and dateline off them.

A text dump of a news page is site furniture around one run of prose. So the cleaner (1) rates
each line on its own (`lines.rate_line`: prose, fragment or furniture), (2) takes the article
body to be the best-scoring contiguous run of lines, prose counting for it and furniture against
it, never across a comments or related-stories header, then (3) reads the head above that run
(title, date line, byline, or a stamp a dump ran into the first lines: `head.py`) and calls
everything else boilerplate. Short lines inside the run stay (subheadings, list items, table rows are part of
articles); short lines outside it are menus and teasers. No outlet is known by name: every rule
is about the shape of a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from storyline.clean.bylines import past_furniture_to_byline, run_in_byline
from storyline.clean.captions import (
    CAPTION_LINES,
    lead_caption_lines,
    past_lead_furniture,
    without_credit,
    without_photo_credits,
)
from storyline.clean.comments import comment_head, comments_below
from storyline.clean.datelines import parse_dateline
from storyline.clean.dates import find_date, is_date_line
from storyline.clean.head import date_atop, date_near, first_line_over_date, read_head
from storyline.clean.lines import (
    BOX_MARKER,
    EMBED_FALLBACK,
    END_MARKER,
    LineInfo,
    pick_stopwords,
    rate_line,
    split_share_blocks,
)
from storyline.clean.stamps import Stamp, run_in_stamp, without_post_stamp
from storyline.clean.urls import page_url
from storyline.clean.wire_text import (
    is_closing_credit,
    rejoin_broken,
    source_credit,
    split_closing_credits,
    split_crossheads,
    split_doubled_headline,
    split_run_in_headline,
    transcript_head,
    without_edition_note,
    without_transcript_notice,
    without_wire_links,
)
from storyline.model import Dateline, Line
from storyline.settings import DEFAULT, Settings
from storyline.treebank import plain_brackets


@dataclass
class PlainResult:
    lines: list[Line]
    body: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    dateline: Dateline | None = None
    url: str | None = None


_BARRIER = -1000.0
# Prose score above a comments header before it is taken to end the article, and what prose
# below it then counts for.
COMMENTS_AFTER = 8.0
TAIL_WEIGHT = 0.25
# Short lines in a row beyond this many cost more each (a lone one is a subheading; runs are
# tag lists and menus). Values picked on the even-indexed benchmark pages (bench/plain.py).
SHORT_RUN = 1
SHORT_RUN_SCORE = -1.0
# A related-stories header: costly to cross, but boxes of links are set inside articles too.
BOX_SCORE = -6.0
TEASER_SCORE = -0.3
# A player's fallback text weighs as little inside a body: the article goes on around its video.
EMBED_SCORE = -0.3
# A body found under the repeated headline wins over a better-scoring run above it unless that
# run scores this many times more.
AFTER_TITLE_SHARE = 0.3
_TITLE_SPLIT = re.compile(r"\s+[|–—:»«-]\s+|\s+::\s+")

_CAPTION = re.compile(
    r"^\W*(?:photo|image|picture|pictured|credit|file photo|getty images|source:|above:|below:|"
    r"illustration|video:|graphic:)\b",
    re.IGNORECASE,
)
_HEADING_END = frozenset("?:!")


def clean_plain_text(text: str, settings: Settings = DEFAULT) -> PlainResult:
    raw = split_closing_credits(split_crossheads(rejoin_broken(split_doubled_headline(
        split_share_blocks(text.split("\n"))))))
    stopwords, title_case = pick_stopwords([s for t in raw if (s := t.strip())])
    if title_case:
        raw = split_run_in_headline(raw, stopwords)
    stripped = [t.strip() for t in raw]
    infos = [rate_line(s, stopwords, title_case) for s in stripped]
    url = page_url(stripped)  # a dump's first line: the page's address, never its text
    if url:
        infos[url[0]] = replace(infos[url[0]], rating="bad")
    stamp = run_in_stamp(stripped)
    if stamp and comment_head(stripped[stamp.line]):
        stamp = None  # a reader's comment under a short text: the thread dates the page, if nothing else
    # A stamp that opens its line is metadata, as a date line is: the line keeps it, while the body
    # and the dateline are read from what follows it. So is the headline before a stamp on the first
    # line (it is the title, when the head above the body holds none).
    texts = list(stripped)
    if stamp and (stamp.opens or stamp.headline) and stamp.rest:
        texts[stamp.line] = stamp.rest
        if infos[stamp.line].rating == "teaser":
            # The stamp's capitals made the sentence run into it look like a headline: rate what follows.
            infos[stamp.line] = replace(rate_line(stamp.rest, stopwords, title_case), text=stripped[stamp.line])
    kinds = ["boilerplate"] * len(raw)
    region = _body_region(infos)
    anchor = _title_repeat(stripped)
    if region and anchor is not None and region[0] < anchor:
        after = _body_region(infos, anchor + 1)
        if after and after[2] >= AFTER_TITLE_SHARE * region[2]:
            region = after
    result = PlainResult(lines=[], body="")
    if region:
        start, end, _ = region
        _label_region(infos, kinds, start, end)
        read_head(infos, kinds, start, result, stopwords)
        body_from = _wire_opening(stamp, infos, kinds, stripped, texts, start, end, result)
        first = next((i for i in range(body_from, end + 1) if kinds[i] == "body"), None)
        if first is not None:
            opening = first
            first = _past_lead_caption(texts, kinds, first, end, opens="title" not in kinds[:first])
            if first != opening and (byline := run_in_byline(texts[opening])):
                result.author = result.author or byline[0]  # "By Tarek Osman , Special to CNN" above the dateline
            line, texts[first] = texts[first], past_lead_furniture(texts[first], texts[first + 1:end + 1])
            if texts[first] != line and (byline := run_in_byline(past_furniture_to_byline(line))):
                result.author = result.author or byline[0]  # "By Ivo Lenk , CNN Tripoli , Libya ( CNN ) --"
        if first is not None and (byline := run_in_byline(past_furniture_to_byline(texts[first]))):
            # A byline run into the first sentence is metadata as the stamp is: out of the body.
            result.author = result.author or byline[0]
            texts[first] = byline[1]
            if not byline[1]:
                kinds[first] = "metadata"
                first = next((i for i in range(first + 1, end + 1) if kinds[i] == "body"), None)
        if stamp and not result.published:
            result.published = stamp.published
            result.author = result.author or stamp.author
        if stamp and stamp.opens and not stamp.rest and kinds[stamp.line] in ("body", "boilerplate"):
            kinds[stamp.line] = "metadata"  # a line that is all stamp, as a date line is
        if stamp and stamp.headline and stamp.rest and not result.title:
            result.title = stamp.headline
        if first is not None:
            texts[first] = without_edition_note(texts[first])
            result.dateline = parse_dateline(texts[first], result.published)
            if result.dateline and result.dateline.date and not result.published:
                result.published = result.dateline.date
        if not result.published:  # a stamp between the standfirst and the text, then one below the text
            result.published = date_atop(infos, kinds, start, end) or date_near(infos, end)
        if not result.title and first is not None and first_line_over_date(infos, kinds) == first:
            # The body began with the headline: the date line under it was read out of the body.
            kinds[first] = "title"
            result.title = texts[first]
            first = next((i for i in range(first + 1, end + 1) if kinds[i] == "body"), None)
            result.dateline = parse_dateline(texts[first], result.published) if first is not None else None
    top = next((i for i, t in enumerate(stripped) if t), None)
    if top is not None and (head := transcript_head(stripped[top])):
        # "Palin Addresses ... This is a rush transcript from `` On the Record , '' June 11 , 2010 ."
        kinds[top] = "title"
        result.title, result.published = result.title or head[0], result.published or head[1]
    comments = comments_below(stripped, kinds, texts)
    if comments and not result.published:
        # A page left undated was up by its first reader's comment: that day dates it, as a
        # reader of the page would, where the comments' dates had been read from its text. The
        # earliest stamp, not the first printed: threads list the newest first, or their replies
        # under older comments.
        days = [found[0][:10] for stamp in comments[1] if (found := find_date(stamp))]
        result.published = min(days) if days else None
    if url:
        result.url = url[1]
        kinds[url[0]] = "metadata"
    texts = without_transcript_notice(texts)
    credits = [i for i, t in enumerate(texts) if kinds[i] in ("body", "subheading") and is_closing_credit(t)]
    sourced: tuple[int, str] | None = None
    for i, t in enumerate(texts):
        if kinds[i] == "body" and not t and stripped[i]:
            kinds[i] = "metadata"  # "... Aired January 25 , 2011 - 16:00:00 ET THIS IS A RUSH TRANSCRIPT ."
        elif credits and i >= credits[-1] and kinds[i] in ("body", "subheading"):
            # a wire story ends with its credit: what a dump prints under it is the site's (a Reuters ad)
            kinds[i] = "metadata" if i in credits else "boilerplate"
        elif kinds[i] in ("body", "subheading", "boilerplate") and (medium := source_credit(t)):  # "Kaynak: AA"
            kinds[i] = "metadata"
            sourced = (i, medium)
    if sourced and "body" not in kinds[sourced[0]:] and not (result.dateline and result.dateline.agency):
        result.dateline = replace(result.dateline or Dateline(), agency=sourced[1])  # the text's wire, not a chart's
    result.lines = [Line(n=i + 1, text=t, kind=k) for i, (t, k) in enumerate(zip(raw, kinds, strict=True))]
    if comments:
        # The page's lines end before the first comment: a thread of 1,400 comments under a 5 KB
        # article had cost the store ~50 KB of lines that are no part of the article, and a
        # comment's names read as the page's own (`entities.ner`). The fallback that takes every
        # prose line back into an empty body (`clean._keep_all_prose`) so never takes a comment.
        del result.lines[comments[0]:]
    # a reader, the tagger and the quote finder want brackets, where the input had escapes
    kept = [line for i, k in enumerate(kinds) if k in ("body", "subheading")
            and ((line := without_post_stamp(without_photo_credits(texts[i]))) or not texts[i])]
    result.body = without_wire_links(plain_brackets("\n".join(kept)))
    result.title = plain_brackets(result.title) if result.title else result.title
    return result


# A line above the body that opens with a dateline and runs this many words is the text's first.
_LEAD_WORDS = 15
# Photos captioned one above the other over an article's first line, at most.
_CAPTIONS_ABOVE = 3


def _wire_opening(stamp: Stamp | None, infos: list[LineInfo], kinds: list[str], stripped: list[str],
                  texts: list[str], start: int, end: int, result: PlainResult) -> int:
    """Where the body starts: at `start`, the region's first line, or where a wire's text opens
    at its stamp or dateline near it (the kinds and the title set to match)."""
    if stamp and stamp.opens and stamp.rest and kinds[stamp.line] == "title":
        result.title = stamp.rest  # the stamp is the title line's metadata, not its words
    if stamp and stamp.headline and not stamp.rest and (kinds[stamp.line] == "title" or not result.title):
        # "Massive Protests in Egypt ; ... Aired January 25 , 2011 - 16:00:00 ET": a headline and its stamp
        kinds[stamp.line], result.title = "title", stamp.headline
    body_from = start
    if stamp and kinds[stamp.line] == "title" and stamp.rest and parse_dateline(stamp.rest):
        # "WASHINGTON | Thu Apr 30 , 2009 7:36 pm EDT WASHINGTON (Reuters) - Staying inside to
        # avoid the flu ?": behind the stamp a dateline opens the text's first sentence.
        kinds[stamp.line], result.title = "body", None
        body_from = min(start, stamp.line)
    elif (stamp and (stamp.opens or stamp.headline) and stamp.rest and stamp.line <= end
          and kinds[stamp.line] in ("body", "boilerplate") and not any(stripped[stamp.line + 1:start])
          and parse_dateline(without_edition_note(stamp.rest))):
        # "Rebels sit at the back of a truck ... July 10 , 2011 ." / "TRIPOLI | Mon Jul 11 , 2011
        # 3:32 am BST TRIPOLI (Reuters) - France 's ...": the wire's text opens at its stamp and
        # dateline, and the lines above it are a photo's caption, or a teaser. The stamp's line
        # may have been read as furniture, right above the text: it is the text's first.
        for i in range(start, stamp.line):
            kinds[i] = "caption" if kinds[i] == "body" else kinds[i]
        kinds[stamp.line] = "body"
        body_from = min(start, stamp.line)
    above = next((i for i in range(body_from - 1, -1, -1) if stripped[i]), None)
    if (above is not None and kinds[above] == "boilerplate" and infos[above].words >= _LEAD_WORDS
            and parse_dateline(texts[above])):
        # "LONDON , July 27 (Reuters) - BP plc (BP.L) plans to sell ...": a wire's first sentence,
        # its dateline read as a head's date line
        kinds[above], body_from = "body", above
    return body_from


def _past_lead_caption(texts: list[str], kinds: list[str], first: int, end: int, opens: bool) -> int:
    """The body's first line once the photo captions above the article are set apart
    (`captions.lead_caption_lines`; a page may open on two photos), their credits taken off the
    lines after them; `first` when there is none, or when the captions are all the body there is.
    `opens`: no title above, so the page may open on a caption known by its ending alone."""
    for _ in range(_CAPTIONS_ABOVE):
        lines = [i for i in range(first, end + 1) if kinds[i] == "body"][:CAPTION_LINES + 2]
        caption = lead_caption_lines([texts[i] for i in lines], by_ending=opens)
        if not caption or caption >= len(lines):
            break
        for i in lines[:caption]:
            kinds[i] = "caption"
        for i in lines[caption:caption + 2]:
            texts[i] = without_credit(texts[i])
        first = lines[caption]
    return first


def _score(info: LineInfo) -> float:
    """What a line adds to the case that the body runs through it."""
    r = info.rating
    if r == "blank":
        return 0.0
    if r == "good":
        return 1.0 + min(info.words, 80) / 20
    if r == "near":
        return 0.5
    if r == "teaser":
        return TEASER_SCORE
    if r == "bad":
        if info.words <= 6 and END_MARKER.match(info.text):
            return _BARRIER
        if info.words <= 6 and BOX_MARKER.match(info.text):
            return BOX_SCORE
        if EMBED_FALLBACK.search(info.text):
            return EMBED_SCORE
        return -2.0
    return -0.7


def _body_region(infos: list[LineInfo], begin: int = 0) -> tuple[int, int, float] | None:
    """The contiguous run of lines from `begin` on with the highest total score (Kadane), as
    (first, last, score).

    Below a comments or related-stories header that follows real prose, prose counts for little:
    readers' comments are prose too, and a long thread would otherwise outweigh a short article.
    """
    best, best_span = 0.0, None
    run, run_start = 0.0, begin
    prose_seen, damp = 0.0, 1.0
    short_run = 0
    for i in range(begin, len(infos)):
        info = infos[i]
        s = _score(info)
        if info.rating == "short":
            short_run += 1
            if short_run > SHORT_RUN:
                s = SHORT_RUN_SCORE  # tag lists and link menus, not an article's list
        elif info.rating != "blank":
            short_run = 0
        if s == _BARRIER and prose_seen >= COMMENTS_AFTER:
            damp = TAIL_WEIGHT
        elif s > 0:
            prose_seen += s
            s *= damp
        if run <= 0:
            run, run_start = 0.0, i
        run += s
        if run > best:
            best, best_span = run, (run_start, i)
    if best_span is None:
        return None
    start, end = best_span
    while start <= end and infos[start].rating == "blank":
        start += 1
    return start, end, best


def _title_repeat(stripped: list[str]) -> int | None:
    """Where a page dump prints its headline again: the first line is the page's <title>
    (`Headline | Site`), and the article starts under the same headline further down."""
    first = next((s for s in stripped if s), "")
    if not 15 <= len(first) <= 300:  # no headline is a paragraph long
        return None
    wanted = {first.casefold()}
    for part in _TITLE_SPLIT.split(first):
        if len(part) >= 15 and len(part.split()) >= 3:
            wanted.add(part.strip().casefold())
    printed = (i for i, s in enumerate(stripped) if len(s) >= 15 and s.casefold() in wanted)
    next(printed)  # the first line itself
    again = next(printed, None)
    if again is not None and first.isupper() and next(printed, None) is not None:
        return None  # a graphic's label in capitals over each of its panels ("NEW CAP FOR LEAKING OIL WELL")
    return again


def _label_region(infos: list[LineInfo], kinds: list[str], start: int, end: int) -> None:
    nonblank = [i for i in range(start, end + 1) if infos[i].rating != "blank"]
    for pos, i in enumerate(nonblank):
        info = infos[i]
        if info.rating == "bad" or is_date_line(info.text):
            kinds[i] = "boilerplate"
        elif info.rating in ("good", "near", "teaser"):
            kinds[i] = "body"
        elif _CAPTION.match(info.text):
            kinds[i] = "caption"
        else:
            nxt = infos[nonblank[pos + 1]] if pos + 1 < len(nonblank) else None
            heading = (info.words <= 14 and (not info.terminal or info.text[-1] in _HEADING_END)
                       and nxt is not None and nxt.rating in ("good", "near"))
            kinds[i] = "subheading" if heading else "body"
    for i in range(start, end + 1):
        if infos[i].rating == "blank":
            kinds[i] = "body"
