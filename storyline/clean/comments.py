"""Readers' comments under an article: where the section starts, so that none of it is read as the
article's text, names or quotes.

Most sites stamp each comment ("At 23:28 29th Apr 2009 , jamesthought wrote : ...", a threaded
blog's "March 9 , 2011 at 11:01 am | Reply"); some open the section with their rules for commenters
and print the comments bare (Reuters: "We welcome comments that advance the story ..." / "Views
expressed in the comments do not represent those of Reuters ." / "That 's exactly what ...").
"""

from __future__ import annotations

import re

from storyline.clean.lines import COMMENT_HEAD, REPLY_HEAD

# The rules a site prints over comments it does not stamp; a dump may run them into the line above
# ("-LRB- Reporting by Tom Bergin -RRB- We welcome comments that advance the story ...").
_RULES = re.compile(r"\b(?:We welcome comments that advance the story|"
                    r"Views expressed in the comments do not represent)\b")


def comment_head(line: str) -> re.Match[str] | None:
    # "wrote" first: a plain test spares nearly every line the expression (0.14 ms of a page's 2.4)
    return (("wrote" in line.lower() and COMMENT_HEAD.search(line))
            or ("|" in line and REPLY_HEAD.search(line)) or None)


def comment_stamps(lines: list[str]) -> list[tuple[int, str]]:
    """(line, stamp) of each readers' comment's stamp on the page, when there are two or more: a
    comments section ("At 23:28 29th Apr 2009 , jamesthought wrote : ..."; a threaded blog's
    "March 9 , 2011 at 11:01 am | Reply", `lines.REPLY_HEAD`); one alone may be a quote. Readers'
    comments run from the first stamp to the page's end, as on every site that prints them; a
    comment's later paragraphs carry no stamp of their own."""
    heads = [(i, m.group(0)) for i, line in enumerate(lines) if (m := comment_head(line))]
    return heads if len(heads) >= 2 else []


def comments_below(lines: list[str], kinds: list[str], texts: list[str]) -> tuple[int, list[str]] | None:
    """Mark the readers' comments as no part of the article: from the first comment's stamp
    (`comment_stamps`), or from the site's rules for commenters (`_RULES`), to the page's end.
    Returns the first line of the section and the comments' stamps, when there is a section; a
    line the rules were run into keeps its words before them (in `texts`) and stays the page's."""
    heads = comment_stamps(lines)
    first = heads[0][0] if heads else None
    if first is None:
        found = next(((i, m.start()) for i, line in enumerate(lines)
                      if "comments" in line and (m := _RULES.search(line))), None)
        if found is None:
            return None
        first, at = found
        cut = texts[first].find(lines[first][at:at + 20]) if at > 0 else -1
        if cut > 0:  # the words before the rules stay the page's; a line that opens with them goes whole
            texts[first] = texts[first][:cut].rstrip()
            first += 1
    for i in range(first, len(lines)):
        if kinds[i] in ("body", "subheading", "title"):
            kinds[i] = "boilerplate"
    return first, [stamp for _, stamp in heads]
