"""A news photo's caption printed above the article it illustrates.

Dumps of pages that open on a photo print its caption as the text's first line, stamped with the
photo's day ("Aug. 3 : In this image taken from video provided by BP PLC , the new 75-ton cap
sits atop ...") or opening as agency captions do ("In this June 24, 2010 file photo, ..."), and
run the photo's credit into the article's first line ("AP NEW ORLEANS -- Engineers removed ...").
A hundred of Timeline17's 286 Fox News pages open so. Read as the article's opening, the caption
named stories ("Aug. 3 : In this image ...") and its credit hid the dateline.
"""

from __future__ import annotations

import re

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# "Aug. 3 :", "June 17 , 2010 :": the photo's day, then what it shows.
_STAMPED = re.compile(rf"^{_MONTH}\s+[0-3]?\d(?:\s*,\s*(?:19|20)\d\d)?\s*:\s+\S", re.IGNORECASE)
_PHOTO_OPENING = re.compile(
    r"^In (?:this|these|an?) (?:[^.:;]{0,60}?\s)?(?:photos?|photographs?|images?|pictures?|frame grab|video grab)\b",
    re.IGNORECASE,
)
# The photo's credit run into the next line ("AP NEW ORLEANS --", "AP2010 BARATARIA BAY", "NOAA
# Alex may have cooled off", "Michael Paulsen , Houston Chronicle via AP The latest hopes"): an
# agency or "... via AP", before a capital, so that a sentence opening with an agency's name
# ("Reuters reported ...", "AP Photo/...") keeps its words.
# A wire's "( AP )" stays: it says whose story it is (`clean.media`); "( AP Photo )" goes.
_CREDIT = re.compile(
    r"^(?:\(\s*(?:AP|AFP|Reuters) Photo\s*\)|(?:AP|AFP|Reuters|EPA)(?:\s?(?:19|20)\d\d|\s+Photo(?!\s*\\?/)"
    r"|\\?/Getty(?: Images)?)?|Getty Images|Fox News|NASA|NOAA|[^.]{0,60}?\bvia (?:AP|AFP|Reuters|Getty Images))"
    r"\s+(?!Photo\b)(?=[A-Z])"
)


def is_lead_caption(line: str, following: str) -> bool:
    """Whether an article's first line is its photo's caption: opening as agency captions do, or
    stamped with a day, unless the line after it is stamped too (a timeline's entries are)."""
    if _PHOTO_OPENING.match(line):
        return True
    return bool(_STAMPED.match(line)) and not _STAMPED.match(without_credit(following))


def without_credit(line: str) -> str:
    """The line without a photo credit run into its start."""
    found = _CREDIT.match(line)
    return line[found.end():] if found else line
