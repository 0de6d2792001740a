"""A news photo's caption printed above the article it illustrates.

Dumps of pages that open on a photo print its caption as the text's first line, stamped with the
photo's day ("Aug. 3 : In this image taken from video provided by BP PLC , the new 75-ton cap
sits atop ...") or opening as agency captions do ("In this June 24, 2010 file photo, ..."), and
run the photo's credit into the article's first line ("AP NEW ORLEANS -- Engineers removed ...").
A hundred of Timeline17's 286 Fox News pages open so. Read as the article's opening, the caption
named stories ("Aug. 3 : In this image ...") and its credit hid the dateline. The Washington Post
credits the photographer in brackets under the caption ("-LRB- By Rebecca Blackwell -- Associated
Press -RRB-"), the Guardian after "Photograph :", on the caption's line or the next, and runs the
credit into the article's first line ("... Photograph : Gerald Herbert/AP Underwater robots ...").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.clean.datelines import parse_dateline, run_in_dateline
from storyline.clean.lines import without_tab_bar
from storyline.clean.wire_text import without_edition_note

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
# "Aug. 3 :", "June 17 , 2010 :", "Saturday :": the photo's day, then what it shows.
_STAMPED = re.compile(rf"^(?:{_MONTH}\s+[0-3]?\d(?:\s*,\s*(?:19|20)\d\d)?|{_WEEKDAY})\s*:\s+\S", re.IGNORECASE)
# "A boy wears a mask inside a bus in Bogota May 4 , 2009 .": an agency's caption tells what the
# photo shows and ends on the day it was taken, with its year, or on the photo ("... in this undated
# photograph ."); an article's sentence about a day says who said it.
_IN_THIS_PHOTO = r"\bin this(?: [\w-]+){0,3} (?:photo(?:graph)?|picture|image)s?"
_DATED_CAPTION = re.compile(rf"\s{_MONTH}\s+[0-3]?\d\s*,\s*(?:19|20)\d\d\s*\.$|{_IN_THIS_PHOTO}\s*\.$", re.IGNORECASE)
_SAID = re.compile(r"\b(?:said|says|told|announced|reported)\b")
_PHOTO_OPENING = re.compile(
    r"^In (?:this|these|an?) (?:[^.:;]{0,60}?\s)?(?:photos?|photographs?|images?|pictures?|frame grab|video grab)\b",
    re.IGNORECASE,
)
# A photographer's credit in brackets, as the Washington Post prints it under a caption: "-LRB- AP
# Photo\/Pablo Martinez Monsivais -RRB-", "( By Rebecca Blackwell -- Associated Press )", "( Gerald
# Martineau - The Washington Post )", "( Brendan Smialowski/Bloomberg )". A name with an agency's
# or a paper's name after a dash or a slash only:
# "( Reuters )" and "( CNN ) --" are a wire's tag on its dateline.
_OPEN, _CLOSE = r"(?:\(\s*|-LRB-\s+)", r"(?:\s*\)|\s+-RRB-)"
_WIRES = r"(?:AP|AFP|Reuters|EPA)"  # the agencies whose photos credit them first
_PHOTO_AGENCY = (r"(?:AP|AFP|Reuters|EPA|Associated Press|Agence France-Presse|Getty Images|Bloomberg(?: News)?"
                 r"|The Washington Post|The New York Times|[A-Z][\w.&]*(?: [A-Z][\w.&]*){0,3} Photos?)")
_BRACKETED_CREDIT = (rf"{_OPEN}(?:{_WIRES} Photo\s*\\?/\s*[^()]{{1,50}}?"
                     rf"|By [A-Z][^()]{{1,50}}? --? [^()]{{2,40}}?"
                     rf"|[A-Z][\w.'’ -]{{1,40}}? --? {_PHOTO_AGENCY}"
                     rf"|[A-Z][\w.'’ -]{{1,40}}?\\?/(?:{_WIRES}|Getty Images|Bloomberg(?: News)?)){_CLOSE}")
# The photo's credit run into the next line. One that says it is a photo's ("( Reuters Photo )",
# tokenised "-LRB- Reuters Photo -RRB-", "AP Photo", "AFP/Getty Images", "Michael Paulsen ,
# Houston Chronicle via AP") marks the line above as a caption, whatever that line says.
_PHOTO_CREDIT = (rf"(?:{_BRACKETED_CREDIT}"
                 rf"|{_OPEN}[\w.&' ]{{1,40}}?\bPhotos?\b[\w.&' ]{{0,30}}?{_CLOSE}"
                 rf"|{_WIRES} Photo(?!\s*\\?/)|AFP\s*\\?/\s*Getty(?: Images)?|Getty Images"
                 r"|[^.]{0,60}?\bvia (?:AP|AFP|Reuters|Getty Images))")
# An agency alone may be a wire's tag as well as a photo's credit: only after a caption found
# otherwise, and only before capitals ("AP NEW ORLEANS --", "AP2010 BARATARIA BAY", "NOAA Alex may
# have cooled off"), so that "Reuters reported ..." and "AP Photo/..." keep their words. A
# wire's "( AP )" stays: it says whose story it is (`clean.media`).
_CREDIT = re.compile(
    rf"^(?:{_PHOTO_CREDIT}|{_WIRES}(?:\s?(?:19|20)\d\d)?|Fox News|NASA|NOAA)\s+(?!Photo\b)(?=[A-Z])"
)
# ... and "AP Photo/BP PLC", whose end the text does not tell (it stays).
_STARTS_WITH_PHOTO_CREDIT = re.compile(rf"^(?:{_PHOTO_CREDIT}\s|{_WIRES} Photo\s*\\?/)")


# Words only a photo's caption or credit uses: "Larry Summers file photo .", "... in this undated
# photo", "AP Photo", "Getty Images", "Photo :".
_PHOTO_WORDS = re.compile(rf"\bfile (?:photo|picture|image)\b|\b{_WIRES} Photo\b|\bGetty Images\b|"
                          rf"\bPhoto(?:graph)?\s*:|{_IN_THIS_PHOTO}\b", re.IGNORECASE)


# A photographer's name before an agency's after a slash, with no label: "Khalid Mohammed/AP The
# events ...", "Ameer Al Mohmmedaw/dpa/picture alliance via Getty Images", run into a paragraph where
# a page was flattened (`entities.credits` reads it too: its photographer is no one of the story).
SLASH_CREDIT = re.compile(r"(?<![\w/])[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]*(?:[ \t]+[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]*){0,2}[ \t]*/[ \t]*"
                          r"(?:AP|AFP|Reuters|EPA|dpa|Xinhua|ANSA|PAP|Anadolu|Getty Images|picture[ -]alliance|Pool|"
                          r"Sputnik|TASS|Bloomberg|Sipa|Shutterstock)\b")


def speaks_of_a_photo(sentence: str) -> bool:
    """The sentence holds a photo's caption or credit, run into the text where the page had it
    beside the picture: no sentence a summary may quote."""
    return bool(_PHOTO_WORDS.search(sentence) or SLASH_CREDIT.search(sentence))


# What a page says to its reader about itself or a broadcast: "Watch the next programme on Saturday ,
# 29 January at 0330 GMT", "This BBC News clip ... was first broadcast on 26 May 2010". ("You can see
# the crowd behind us" is a reporter's words on air, and "You can follow the testimony of BP chief
# executive Tony Hayward ... on Thursday 17 June" tells the day of an event: both stay.)
_TO_THE_READER = re.compile(
    r"^Watch (?:the |our |a )?(?:next |latest |full |live )?(?:program|programme|episode|show|video|clip|interview)\b"
    r"|^Listen to\b.*\b(?:(?-i:Radio)|podcast|programme|[0-2]\d[0-5]\d (?:GMT|BST))\b"
    r"|^(?:Click|Read more|Follow us|Sign up|Subscribe|Send us|Email us|Tune in)\b"
    r"|^You can (?:also )?(?:watch|listen|send|email|contact|find the article)\b"
    r"|^This (?:[\w']+ ){0,3}(?:article|story|clip|programme|program|video|page|commentary)\b"
    r"[^.]{0,40}\b(?:is|was) (?:first )?(?:published|broadcast|shown|aired)\b"
    r"|\bwas first (?:broadcast|shown|aired) on\b", re.IGNORECASE)


def speaks_to_the_reader(sentence: str) -> bool:
    """The page's words to its reader about the page or a broadcast: no event of the story, for
    its summary or its timeline (a BBC page's programme times had dated a story to January)."""
    return bool(_TO_THE_READER.search(sentence.strip()))


_CONTINUED = re.compile(r"^[,;:)\]a-z]")
# A caption broken over lines ends where its credit opens a line: this many lines at most.
CAPTION_LINES = 3


def lead_caption_lines(lines: list[str], by_ending: bool = True) -> int:
    """How many of an article's first lines are its photo's caption (0 when none): those above a
    line that opens with a photo's credit, or the first line alone when it opens as agency
    captions do, or stamped with a day, unless the line after it is stamped too (a timeline's
    entries are), or ends on the photo's day as agency captions do (`_DATED_CAPTION`), where the
    page opens on it (`by_ending`: under a headline, "... was arrested on Sunday , February 1 ,
    2009 ." is the lead). `lines`: the body's first lines, the caption and at least one more."""
    if lines and run_in_dateline(lines[0]):
        return 0  # the story opens on this line, at its dateline
    for k in range(1, min(len(lines), CAPTION_LINES + 1)):
        if (_STARTS_WITH_PHOTO_CREDIT.match(lines[k]) or _credited_caption(lines[k])
                or (lines[k].startswith("Photo") and past_photograph_credit(lines[k]) != lines[k])):
            return k
        if (dateline := parse_dateline(lines[k])) and dateline.agency and dateline.agency[:1].isupper():
            # "Ajdabiya , Libya ( CNN ) -- Outside the city ...": the story opens at its dateline,
            # and what stands above it is the page's (a caption, highlights, "Tune in to AC360 ...");
            # not a transcript's "( via telephone ) :"
            return k
        if run_in_dateline(lines[k]):
            return k  # the same, highlights run into the dateline on its line (`datelines.run_in_dateline`)
    if len(lines) < 2:
        return 0
    if not (_PHOTO_OPENING.match(lines[0])
            or (_STAMPED.match(lines[0]) and not _STAMPED.match(without_credit(lines[1])))
            or (by_ending and _DATED_CAPTION.search(lines[0]) and not _SAID.search(lines[0]))):
        return 0
    # and the lines a break put inside it: ", left , and former EPA Administrator ...", or all
    # those above the credit run into the article's dateline ("... and La. ." / "Gov. Bobby Jindal
    # tour ..." / "AP GRAND ISLE , La. -- Officials closed ...")
    for k in range(2, min(len(lines), CAPTION_LINES + 1)):
        found = _CREDIT.match(lines[k])
        if found and parse_dateline(lines[k][found.end():]):
            return k
    k = 1
    while k < min(len(lines) - 1, CAPTION_LINES) and _CONTINUED.match(lines[k]):
        k += 1
    return k


def _credited_caption(line: str) -> bool:
    """A line that opens with the credit of the photo above, then a caption of its own: "AP June 17 :
    BP CEO Tony Hayward testifies ..." (a timeline's entries carry no agency in front)."""
    found = _CREDIT.match(line)
    return bool(found) and bool(_STAMPED.match(line[found.end():]))


def without_credit(line: str) -> str:
    """The line without a photo credit run into its start."""
    if line.startswith("Photo"):
        return past_photograph_credit(line)
    bracketed = _BRACKETED.match(line)  # one or more: the agency's, then the paper's
    if bracketed:
        # then the agency's terms of use and its tag: "NO SALES NEW ORLEANS --", "TV OUT ; ONLINE
        # OUT ; MANDATORY CREDIT : MISSISSIPPI PRESS OUT BP says ...", "AP2002 Singer Jimmy ..."
        rest = _RESTRICTIONS.sub("", line[bracketed.end():], count=1)
        tag = _AGENCY_TAG.match(rest)
        return rest[tag.end():] if tag else rest
    found = _CREDIT.match(line)
    if found:
        return line[found.end():]
    provider = _PROVIDER.match(line)
    if provider is None:
        return line
    # "AP Photo/Patrick Semansky Oil-dispersing chemicals ...": the provider's one to three
    # capitalised words, then the text from the word a lower-case one follows.
    words = list(re.finditer(r"\S+", line[provider.end():]))
    for k in range(1, min(4, len(words) - 1)):
        if words[k].group()[:1].isupper() and words[k + 1].group()[:1].islower():
            return line[provider.end() + words[k].start():]
    return line


_BRACKETED = re.compile(rf"^(?:{_BRACKETED_CREDIT}\s*)+")
_BRACKETED_AT_END = re.compile(rf"(?:\s*{_BRACKETED_CREDIT})+\s*$")


def without_photo_credits(line: str) -> str:
    """A body line without the bracketed photo credits at its ends: a gallery's captions each
    carry one ("( AP Photo/Charles Dharapak ) ( Charles Dharapak - AP ) President Bush arrives
    ..."), which are no part of what the reader reads and name the photographers as the story's
    people."""
    if line.startswith(("(", "-LRB-")) and (opening := _BRACKETED.match(line)):
        line = line[opening.end():]
    # the search tries every position of the line: only where the line ends on a bracket
    return _BRACKETED_AT_END.sub("", line) if line.rstrip().endswith((")", "-RRB-")) else line
_RESTRICTIONS = re.compile(r"^(?:(?:NO SALES|NO ARCHIVE|NO MAGS|MANDATORY CREDIT\s*:?|(?:[A-Z]+\s){0,3}OUT)\s*;?\s*)+")
_AGENCY_TAG = re.compile(rf"^{_WIRES}(?:\s?(?:19|20)\d\d)?\s+(?=[A-Z])")
_PROVIDER = re.compile(rf"^{_WIRES} Photo\s*\\?/\s*(?=[A-Z])")


# The Guardian runs a photo's caption and credit into the article's first line: "BP plugs Deepwater
# Horizon oil leak in Gulf of Mexico Photograph : Nasa The final `` killing '' of BP 's ...". The
# credit is a photographer and an agency ("Gerald Herbert\/AP", "Carl de Souza\/AFP\/Getty
# Images"), an agency alone ("Reuters", "Rex Features") or a photographer alone ("Martin Argles").
_PHOTOGRAPH = re.compile(r"(?:^|\s)Photo(?:graph)?\s*:\s+")
_AGENCY_WORDS = r"(?:AP|AFP|EPA|PA|Reuters|REUTERS|Getty(?: Images)?|Rex Features|Corbis|Alamy|Bloomberg|Nasa|NASA)"
_CREDIT_ENDS = [
    # ... the photographer's names, then the agency (and its partner) after a slash
    re.compile(rf"^(?:[A-Z][\w.'’-]*\s+|(?:de|da|van|von|del|der|al|el|la|le|du|di|dos)\s+){{0,4}}"
               rf"[A-Z][\w.'’-]*\\?/{_AGENCY_WORDS}(?:\\?/{_AGENCY_WORDS})*"
               r"(?:\s+[Ii]mages)?\s+(?=[A-Z`'\"‘“])"),
    # the agency, then the photographer: "Reuters\/Eliana Aponte"
    re.compile(rf"^{_AGENCY_WORDS}\\?/[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?\s+(?=[A-Z`'\"‘“])"),
    # an agency alone, or a photographer's two names (for a paper)
    re.compile(rf"^(?:{_AGENCY_WORDS}|Public Domain|[A-Z][a-z]+ [A-Z][a-z]+(?: for the (?:Guardian|Observer))?)"
               r"\s+(?=[A-Z`'\"‘“])"),
]
# The caption before the credit is a sentence or two, not the article.
PHOTOGRAPH_REACH = 400


def past_lead_furniture(line: str, below: Sequence[str] = ()) -> str:
    """The text's first line without what a page runs into it ahead of the text: the story's
    highlights, a caption or a headline run into its dateline (`datelines.run_in_dateline`, which
    reads `below`, the lines under it), its tabs (`lines.without_tab_bar`), or a caption and its
    photo's credit."""
    edited = without_edition_note(line)
    if cut := run_in_dateline(edited, below):
        return edited[cut:]
    return past_photograph_credit(without_tab_bar(line))


def past_photograph_credit(line: str) -> str:
    """The line from where the article starts, after a caption and a photo's credit run into it
    (`_PHOTOGRAPH`); the line itself when there is none, or the credit's end is not clear."""
    found = _PHOTOGRAPH.search(line[:PHOTOGRAPH_REACH])
    if not found:
        return line
    rest = line[found.end():]
    for pattern in _CREDIT_ENDS:
        credit = pattern.match(rest)
        if credit:
            return rest[credit.end():]
    return line
