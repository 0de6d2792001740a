"""Publication stamps a text dump ran into a page's first lines, and the headline before one.

A dump of a news page often joins the page's stamp to the headline, the byline or the first
sentence on one line: "GENEVA | Thu Jun 9, 2011 12:59pm EDT GENEVA (Reuters) - An estimated ...",
"Months of war that ruined centuries of history Cherished monuments defaced ... Saturday 15
January 2005 16.18 GMT Iraqi authorities will today ...". A date in a sentence is an event's, so
only a date set apart as stamps are counts (`_set_apart`). `run_in_stamp` gives the date, the
author a byline beside it names, the text behind it, and the headline before it; `text.py`
decides what of the line is metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.clean.bylines import author_name, plain_name, run_in_byline
from storyline.clean.datelines import opening_dateline
from storyline.clean.dates import CLOCK, WEEKDAY, find_date


@dataclass(frozen=True)
class Stamp:
    published: str
    author: str | None
    line: int  # the line it was run into
    rest: str  # that line after the stamp
    opens: bool  # the line opens with it (a place and a bar at most before it), no headline before it
    headline: str | None = None  # the words before a stamp with weekday, time and zone, when not `opens`


# A page's publication stamp run into one of its first lines, where a dump of the page joined it
# to the headline or the first sentence: "GENEVA | Thu Jun 9, 2011 12:59pm EDT GENEVA (Reuters) -
# An estimated...", "Friday 1 May 2009 22.51 BST What is...", "March 19, 2011 | By Jason Hanna,
# CNN The destroyer...". Looked for in this many non-blank lines, this far into each; a stamp
# with weekday, time and zone ("... the slick Wednesday 5 May 2010 16.20 BST Boats ...") as far as
# a headline and a standfirst before it reach.
STAMP_LINES = 4
STAMP_REACH = 160
ZONED_STAMP_REACH = 400
_PLACE_WORDS = 4  # a place before a stamp's bar: "HOUSTON, June 2 | Wed Jun 2, 2010 2:39pm EDT"
_WEEKDAY_END = re.compile(rf"(?:^|\s){WEEKDAY}\.?\s*,?$", re.IGNORECASE)
# A time of day between a stamp's bar (or the line's start) and its date.
_CLOCK_END = re.compile(rf"(?:^|(?<=\|))\s*{CLOCK}(?:\s+(?:UK\s+time|GMT|BST|ET))?\s*,?$", re.IGNORECASE)
# An update's time after the date: "6 January 2011 Last updated at 18:51 GMT The oil giant ...",
# and the "Help" link the BBC prints beside it ("... 12:54 GMT Help A `` sequence of failures").
_UPDATED_AFTER = re.compile(
    rf"^(?:Last\s+)?updated\s*:?\s*(?:at\s+)?{CLOCK}\s*(?:GMT|UTC|BST|ET)?\s*(?:(?-i:Help)\s+)?", re.IGNORECASE
)
# An update's label and its day behind a page's stamp, as sites in the big news languages print it:
# "Pegasus uçağında yangın paniği 15.02.2020 20:14 | Son Güncelleme: 15.02.2020 20:22 Pegasus ...",
# "08 Haziran 2020 Pazartesi 10:58 - Güncelleme: Haziran 08 2020 Pazartesi 10:58 ...", "| Updated:
# March 5, 2020 4:10 PM"; before the label, the stamp's weekday and time where its date did not take
# them ("Pazartesi 10:58 -"). `_update_end` wants the update's date right behind the label.
_UPDATE_LABEL = re.compile(
    rf"(?:[^\W\d_]+,?\s+)?(?:{CLOCK}\s*)?[|\-–—]?\s*(?:last\s+|son\s+|zuletzt\s+|laatst\s+|ultimo\s+|última\s+)?"
    r"(?:updated|güncelleme|aktualisiert|actualizado|actualizada|actualización|mise?\s+à\s+jour|aggiornato|"
    r"aggiornamento|zaktualizowano|aktualizacja|bijgewerkt|atualizado|atualização|обновлено)"
    r"(?:\s+(?:on|am|le|du|el|il|op|em))?\s*:?\s*",
    re.IGNORECASE,
)
# What may follow an update's date: a weekday, its time ("17:59", "17 h 59", "11:40 Uhr") and zone.
_UPDATE_TIME = re.compile(rf"\s*,?\s*(?:(?:[^\W\d_]+\s+)?(?:{CLOCK}|[0-2]?\d\s?h\s?[0-5]\d)(?:\s*Uhr\b)?)?\s*")
_UPDATE_REACH = 60  # where an update's date must start and end, behind its label


def _update_end(after: str) -> int | None:
    """Where the update's label and its date that open `after` end (its time and zone with it),
    or None when it opens with no such thing: "Updated" in a sentence has no date behind it."""
    label = _UPDATE_LABEL.match(after)
    if not label:
        return None
    found = find_date(after[label.end():label.end() + _UPDATE_REACH])
    if found is None or found[1] > 0:
        return None
    end = label.end() + found[2]
    end = _UPDATE_TIME.match(after, end).end()  # type: ignore[union-attr]  # it matches the empty string
    zone = _ZONE.match(after[end:])
    return end + zone.end() if zone else end


# The print edition's page after a stamp's date: "Thursday , October 23 , 2008 ; Page A01 Employers
# are moving ..." (the Washington Post), the paper's page where other stamps print a time.
_PRINT_PAGE = re.compile(r"^;\s*Page\s+[A-Z]?\d{1,3}\b\s*")
# A label that sets a stamp apart from the words before it (a transcript's headline, a page's
# "Mise à jour du 25 mars 2020, 17 h 59 CET"), in the big news languages.
_LABEL_END = re.compile(
    r"\b(?:Aired|Posted|Published|Updated|Actualizado|Publicado|Aktualisiert|Veröffentlicht|Publié|Mise?\s+à\s+jour|"
    r"Pubblicato|Aggiornato|Opublikowano|Zaktualizowano|Gepubliceerd|Bijgewerkt|Yayınlanma|Güncelleme|Atualizado|"
    r"Опубликовано|Обновлено)(?:\s+(?:on|am|le|du|el|il|op|em))?\s*:?$"
)
_ZONE = re.compile(r"^(?:GMT|UTC|[ECMPA][SD]?T|BST|CES?T|EES?T|MSK|IST|JST|KST|HKT|SGT|AE[SD]T)\b\s*")
_RUN_IN_BYLINE = re.compile(r"^\|\s*(?i:by)\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})\s*[,|]")


# A blog's stamp over each of its posts, run into the post's first sentence: "Jun 9 , 2010 20:27 UTC
# Republicans may be coming around ...", "May 14 , 2010 09:52 UTC - Kees Willemse is ...".
_POST_STAMP = re.compile(rf"^[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}\s*,\s*(?:19|20)\d\d\s+{CLOCK}\s*(?:UTC|GMT)\s+"
                         r"(?:-+\s+)?(?=\S)")


def without_post_stamp(line: str) -> str:
    """A line of the text without the stamp of the blog post it opens: the post's sentence."""
    return _POST_STAMP.sub("", line, count=1) if "UTC" in line[:40] or "GMT" in line[:40] else line


_Byline = tuple[str | None, str]  # `run_in_byline`'s (author, the text after the byline)


def run_in_stamp(lines: list[str]) -> Stamp | None:
    """The stamp run into one of the page's first lines, or None.

    A date in a sentence is an event's, not the page's, so a date counts as the stamp only when
    it is set apart as stamps are (`_set_apart`). A photo caption's "Thursday, June 3, 2010" under
    a sentence, or "June 15 , 2010 : President Obama speaks ...", is not."""
    seen = 0
    for n, text in enumerate(lines):
        if not text:
            continue
        seen += 1
        if seen > STAMP_LINES:
            break
        found = find_date(text[:ZONED_STAMP_REACH])
        if not found:
            continue
        shape = _set_apart(text, *found)
        if shape is None:
            continue
        iso, lead, clock, byline, zoned = shape
        author, rest = _behind_stamp(text[found[2]:].lstrip())
        lead = _without_photo_credit(lead, rest)
        # Before the bar, a place, or a byline and then a place: "By Maggie Fox, Health and
        # Science Editor WASHINGTON | Mon Mar 2, 2009 4:23pm EST WASHINGTON (Reuters) - ..."
        leading = run_in_byline(lead) if lead.endswith("|") else byline
        author = author or (leading[0] if leading else None)
        if author is None and clock and lead.endswith("|"):  # a blog's "Fergus Walsh | 12:16 PM, ..."
            author = plain_name(lead[:-1])
        opens = (not lead or byline is not None
                 or (lead.endswith("|") and (_words(lead) <= _PLACE_WORDS or leading is not None
                                             or _dateline_then_place(lead[:-1]))))
        # A headline opens the page, or follows a teaser of another story and its link's label
        # ("Helicopter crashes into crane ..." / "Full Article Norway to apply BP oil spill ...").
        # ... or stands before a transcript's "Aired" ("Massive Protests in Egypt ; ... Aired January
        # 25 , 2011 - 16:00:00 ET THIS IS A RUSH TRANSCRIPT ."), or before a day whose bar a byline
        # follows, as no date in a sentence is ("Libya crisis sends U.S. gas prices up 33 cents in
        # two weeks March 06 , 2011 | By Mariano Castillo , CNN The national average ...").
        label = _LABEL_END.search(lead)
        bylined = author is not None and rest != text[found[2]:].lstrip() and rest[:1].isupper()
        updated = _update_end(text[found[2]:].lstrip()) is not None
        heads = (zoned or label is not None or bylined or updated) and not opens and (
            seen == 1 or LINK_LABEL.match(lead) is not None)
        head = lead[:label.start()].rstrip() if label else lead
        headline, by = _headline_before(head, lines, rest) if heads else (None, None)
        return Stamp(iso, author or by, n, rest.lstrip(" |,:"), opens, headline)
    return None


def _dateline_then_place(lead: str) -> bool:
    """A dateline before the place at the bar, where a site lost its headline: "Jul ( Reuters ) -
    CAIRO , July 7 | Thu Jul 7 , 2011 9:21 am EDT ..." (the dateline's month, without its day)."""
    found = opening_dateline(lead)
    return found is not None and 0 < _words(lead[found[1]:]) <= _PLACE_WORDS


def _words(text: str) -> int:
    """Words, not the commas and bars a tokenised dump sets apart ("NEW YORK , April 30 |")."""
    return sum(any(c.isalnum() for c in w) for w in text.split())


def _headline_before(lead: str, lines: list[str], rest: str = "") -> tuple[str | None, str | None]:
    """The headline before a stamp with weekday, time and zone on a page's first line, and the
    author of a byline behind it: "Months of war that ruined centuries of history Cherished
    monuments defaced ... Saturday 15 January 2005 16.18 GMT Iraqi authorities will today ...",
    "GOP leaders forced Rep. Barton to retract apology to BP By Aaron Blake and Paul Kane Friday ,
    June 18 , 2010 ; 4:25 PM ...". A wire page's place and byline before the bar are not part of it
    ("Al Gore 's lawyer seeks to lead BP oil spill cases WILMINGTON , Delaware | Wed ..."), nor is
    the standfirst the dump ran into it where that can be told (`_standfirst_at`); a sentence, a
    fragment, places, or a photo credit ("S. Goldsmith\\/Centers for Disease Control\\/Handout")
    is none. The place is the one the wire's dateline repeats behind the stamp (`rest`) where it
    does: "... new risks for NATO BRUSSELS | Sat Oct 1 , 2011 ... BRUSSELS ( Reuters ) - ..." keeps
    "NATO" in the headline, "... percent : U.S. BAGHDAD | ..." keeps "U.S."."""
    if lead.endswith("|"):
        place = _PLACE_BEFORE_BAR.search(lead)
        lead = lead[:_repeated_place(lead, place.start(), rest)].rstrip() if place else ""
    labels = list(LINK_LABEL.finditer(lead))
    if labels:  # "No exercise ... tied to fat in kids Full Article Hong Kong hotel ...": a teaser, a link's label
        lead = lead[labels[-1].end():].lstrip()
    byline = _BYLINE_END.search(lead)
    author = author_name(byline.group("name")) if byline else None
    if author:
        lead = lead[:byline.start()].rstrip()
    if (len(lead.split()) < 3 or len(lead.split()) > _HEADLINE_WORDS or not lead[:1].isupper() or lead.isupper()
            or "/" in lead or (lead.endswith((".", "?", "!", ":", ",", ";")) and not _INITIALS_END.search(lead))
            or _CREDIT.match(lead)):
        return None, None
    words = lead.split()
    cut = _standfirst_at(words, lines)
    return (" ".join(words[:cut]) if cut else lead), author


def _without_photo_credit(lead: str, rest: str) -> str:
    """What stands before a stamp's bar without the photo's credit the dump ran into it: "Obama says
    ready to ... Credit : Reuters\\/Pete Souza\\/The White House By Anna Driver VENICE , La |" keeps
    its headline, byline and place; "Credit : Reuters\\/Libyan TV via REUTERS TV TRIPOLI |" the place
    the wire's dateline repeats behind the stamp (`rest`)."""
    credit = _PHOTO_CREDIT_LABEL.search(lead)
    place = _PLACE_BEFORE_BAR.search(lead, credit.end()) if credit and lead.endswith("|") else None
    if not credit or not place:
        return lead
    return f"{lead[:credit.start()]} {lead[_repeated_place(lead, place.start(), rest):]}".strip()


def _repeated_place(lead: str, start: int, rest: str) -> int:
    """Where the place before the bar starts (`start`, as `_PLACE_BEFORE_BAR` read it), or where
    the part of it that the dateline behind the stamp repeats starts, when that is shorter: the
    capitals before it end the headline ("NATO BRUSSELS |" / "BRUSSELS ( Reuters ) -")."""
    words = lead[start:-1].split()
    k = next((k for k in range(len(words)) if rest.startswith(" ".join(words[k:]))), 0)
    if k and " ".join(words[:k]).strip(",") and "By" not in words[:k]:
        return lead.index(" ".join(words[k:]), start)
    return start


def _standfirst_at(words: list[str], lines: list[str]) -> int | None:
    """Where the standfirst starts in a headline the dump ran it into: "Swine flu : fears of
    pandemic rise as Mexico death toll reaches 80 Suspected cases reported in US ...", "BP claims
    to be slowing flow of oil into Mexican Gulf Small tube inserted into fractured pipe ...".

    Only a headline written in sentence case tells it: there, a capitalised word that the page
    writes elsewhere in lower case ("suspected", "small") and that no capitalised word follows (a
    title or a name goes on: "President Obama", "World Health Organisation") opens a sentence.
    In Title Case ("Chargers ' Jamal Williams Arrested For DUI") every word looks so: no cut. The
    standfirst then leaves the title, as it does where it has a line of its own."""
    if len(words) < 2 * _STANDFIRST_MIN_WORDS:
        return None
    lowercase: set[str] | None = None
    for i in range(_STANDFIRST_MIN_WORDS, len(words) - _STANDFIRST_MIN_WORDS + 1):
        word, before, after = words[i], words[i - 1], words[i + 1]
        if not (word[:1].isupper() and word[1:].islower() and word.isalpha()) or not after[:1].islower():
            continue
        # After a capitalised word it may go on a name ("Cold War ills", "the Marshall Islands
        # has"); after a colon a capital is how the headline goes on ("Analysis : Libya may").
        if before[:1].isupper() or before[-1:] in ":-|–—":
            continue
        if not (_sentence_case(words[1:i]) and _sentence_case(words[i:])):
            continue  # Title Case, or mostly names: the case tells nothing
        if lowercase is None:
            lowercase = {w for line in lines for w in _WORD.findall(line) if w.islower()}
        if word.lower() in lowercase:
            return i - 1 if before in _OPENING_QUOTES else i  # "warns ` Everyone should ..."
    return None


def _sentence_case(words: list[str]) -> bool:
    """Whether most words of four letters or more are in lower case, at least two of them."""
    long = [w for w in words if len(w) >= 4 and w.isalpha()]
    lower = sum(w.islower() for w in long)
    return lower >= 2 and 2 * lower >= len(long)


_OPENING_QUOTES = frozenset({"`", "``", "‘", "“"})  # a straight quote may close one
_STANDFIRST_MIN_WORDS = 3  # each side of the cut
_WORD = re.compile(r"\w+")
# The label of a link to the article a page dump ran into its headline ("Full Article Hong Kong
# hotel quarantine move stirs controversy ..."): capitalised as link text is, not as a sentence.
LINK_LABEL = re.compile(r"(?:^|(?<=\s))(?:Read (?:the )?)?Full (?:Article|Story)\s+(?=[A-Z0-9\"'`“‘])")
_HEADLINE_WORDS = 50  # a headline and its standfirst, at most
# A wire page's byline and place before its stamp's bar: "By Maggie Fox , Health and Science Editor
# WASHINGTON |", "WILMINGTON , Delaware |", "BIRMINGHAM , Ala. , |", "VENICE , La\\/WASHINGTON |",
# "NEW YORK , April 30 |".
_INITIALS_END = re.compile(r"\s(?:[A-Z]\.){2,}$")  # "U.S.", "U.N.": a headline may end on one
_PLACE_BEFORE_BAR = re.compile(r"(?:\s+By\s+[^|]*?)?\s+[A-Z][A-Z.'\-]+(?:\\?/[A-Z][A-Z.'\-]+)*(?:\s+[A-Z][A-Z.'\-]+)*"
                               r"(?:\s*,\s*[A-Z][\w.]*(?:\\?/[A-Z][\w.]*|\s+[A-Z][\w.]*)*)?(?:\s*,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
                               r"(?:\s*,)?\s*\|$")
_BYLINE_END = re.compile(r"\s+By\s+(?P<name>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and))*)$")
_CREDIT = re.compile(r"(?:Credit|Photograph|Photo|Picture|Image|Video|Watch)\b", re.IGNORECASE)
# Reuters' photo credits: "Credit : Reuters\\/Name\\/Handout", "REUTERS\\/Social Media Website via Reuters TV".
_PHOTO_CREDIT_LABEL = re.compile(r"(?:^|\s)(?:Credit\s*:\s|REUTERS\\?/)")


def _set_apart(text: str, iso: str, start: int, end: int) -> tuple[str, str, bool, _Byline | None, bool] | None:
    """(date, what stands before it, whether a time of day precedes it, a byline alone before it,
    whether it is the third kind below) when the date at text[start:end] is set apart as a stamp
    is, else None. Set apart means:
    - a bar beside it ("March 19, 2011 | By ...");
    - or a time of day, and before it nothing on the line but a weekday, a bar-ended place or
      name, a label or a byline: "WASHINGTON | Wed Mar 2, 2011 12:06pm EST", "Tuesday , September
      16 , 2008 ; 4:30 PM Just ...", "Fergus Walsh | 12:16 PM , Thursday , 28 May 2009 It 's ...",
      "11th Day of Unrest in Egypt Aired February 4 , 2011 - 16:00:00 ET", "By Dan Primack
      February 2 , 2011 : 2:24 PM ET One day ...", "6 January 2011 Last updated at 18:51 GMT ...";
    - or, wherever it stands in the line's opening, a weekday before it and a time after it with
      a zone or a ";" ("... response Tuesday , May 25 , 2010 ; 6:20 PM Republican ...")."""
    before, after = text[:start].rstrip(), text[end:].lstrip()
    weekday = _WEEKDAY_END.search(before)
    lead = before[:weekday.start()].rstrip() if weekday else before
    clock = _CLOCK_END.search(lead)
    if clock:
        lead = lead[:clock.start()].rstrip()
    timed = ("T" in iso or clock is not None or _UPDATED_AFTER.match(after) is not None
             or _PRINT_PAGE.match(after) is not None or _update_end(after) is not None)
    byline = run_in_byline(lead) if timed and lead.startswith(("By ", "BY ")) else None
    byline = byline if byline and not byline[1] else None
    barred = before.endswith("|") or after.startswith("|")
    zoned = "T" in iso and weekday is not None and (_ZONE.match(after) is not None or ";" in text[start:end])
    head = not lead or lead.endswith("|") or _LABEL_END.search(lead) is not None or byline is not None
    if zoned or (start < STAMP_REACH and (barred or (timed and head))):
        return iso, lead, clock is not None, byline, zoned
    return None


def _behind_stamp(after: str) -> tuple[str | None, str]:
    """The author and the text behind a stamp (`after`: the line past its date). A byline behind
    the bar ("| By Sarah Hoye, CNN The first days ...") leaves with its outlet where its end is
    clear (`run_in_byline`); where not ("| By Mara Tolen, Esk Valley Review The council ..."), the
    text starts after the name's comma or bar. Without a byline, a time zone is the stamp's, and so
    is an update's time ("Last updated at 18:51 GMT")."""
    update = _update_end(after)
    if update is not None:
        after = after[update:]
    after = _PRINT_PAGE.sub("", _UPDATED_AFTER.sub("", after, count=1), count=1)
    after_bar = after.lstrip("| ")
    shaped = run_in_byline(after_bar) if after.startswith("|") else None
    byline = _RUN_IN_BYLINE.match(after)
    author = shaped[0] if shaped else author_name(byline.group("name")) if byline else None
    if shaped and shaped[1] != after_bar:
        return author, shaped[1]
    return author, after[byline.end():] if byline else _ZONE.sub("", after_bar)
