"""What a wire prints around its story's text, and what a dump of a wire's text broke.

A wire's story carries notes for its subscribers that are no part of the story: what a new edition
changed ("(Adds foreign minister's quotes)"), links to its other stories ("(For a factbox on the
outbreak click [ID:nLG76170])"). Left in, the note hides the dateline behind it and the link reads
as a sentence. A corpus split one sentence a line (Timeline17) also broke sentences where a period
closes an abbreviation in brackets ("Rep. Barney Frank (D-Mass.)" / "said ...").
"""

from __future__ import annotations

import re

from storyline.clean.dates import parse_date
from storyline.clean.media import credited_medium

# A bracket as text prints it and as a tokenised corpus escapes it: "(BP.L)", "( BP . L )",
# "-LRB- BP . L -RRB-"; and a listed company's code inside it ("BP", "RDSa", "VOWG_p").
_OPEN, _CLOSE = r"(?:\(|-LRB-)\s?", r"\s?(?:\)|-RRB-)"
_CODE = r"[A-Z0-9][A-Za-z0-9_]{0,7}"

# A wire's link to another of its stories or topics, left in the text: "(For a factbox on the
# outbreak click [ID:nLG76170])", "( ID : nN07381540 )" (tokenised), "(For full coverage, click (nFLU))".
_WIRE_LINK = re.compile(
    # "(For ... click ...)" around a story's "ID : n..." or a topic's bare "n..."
    r"\(\s*[Ff]or [^()\[\]]{0,80}?,?\s*(?:click|see)\s*[\[(]\s*(?:ID\s*:\s*)?n[A-Z0-9]{3,14}\s*[\])](?:\s*\))?\s?"
    # a story's link alone
    r"|[\[(]\s*ID\s*:\s*n[A-Z0-9]{3,14}\s*[\])]\s?"
)


def without_wire_links(text: str) -> str:
    return _WIRE_LINK.sub("", text)


# A wire's note on what its new edition changed, before the dateline: "-LRB- Adds foreign
# minister 's quotes -RRB- AMMAN , April 6 -LRB- Reuters -RRB- - ...", "(Recasts; adds quotes)".
_EDITION_NOTE = re.compile(r"^(?:(?:-LRB-|\()\s*(?:Adds|Updates|Corrects|Recasts|Repeats|Refiles|Fixes|Writes through)"
                           r"\b.{0,200}?(?:-RRB-|\))\s*)+")


def without_edition_note(line: str) -> str:
    """The line without the edition's notes that open it (a correction's is often printed twice)."""
    return _EDITION_NOTE.sub("", line, count=1)


# A listed company's ticker after its name, as Reuters prints it: "BP ( BP . L ) ( BP . N ) shares
# fell", "Royal Dutch Shell Plc (RDSa.L)". A reader of a story's name, summary or timeline reads past it.
_TICKER = re.compile(rf"\s?{_OPEN}{_CODE}\s?\.\s?[A-Z]{{1,2}}{_CLOSE}")


def without_tickers(text: str) -> str:
    return _TICKER.sub("", text) if "." in text else text


def rejoin_broken(lines: list[str]) -> list[str]:
    """The lines with each sentence that a dump broke after an abbreviation's period inside
    brackets made whole again, the text split one sentence a line: "Views Diverge on How To Recast
    Fannie , Freddie Rep. Barney Frank -LRB- D-Mass . -RRB-" / "said Fannie Mae and ..." (142
    such breaks in Timeline17). The sentence goes on in lower case or after a comma ("Christopher
    J. Dodd -LRB- D-Conn . -RRB-" / ", chairman of the Senate Banking Committee , ..."); a
    paragraph never opens so. So is a stock ticker broken at its period ("BP -LRB- BP ." / "L
    -RRB- plans ..."). So is an abbreviation of initials broken at its first period ("Michael B.
    Watkins\\/U ." / "S. Navy\\/Handout ...", "Nick J. Rahall , D-W ." / "Va. , the bill 's ..."):
    whole, it is one word again ("U.S.")."""
    for i in range(len(lines) - 2, -1, -1):
        line = lines[i].rstrip()
        after = lines[i + 1][:1]
        if ((line.endswith((")", "-RRB-")) and after and (after.islower() or after in ",;:")
                and _BROKEN_AT.search(line))
                or (line.endswith(".") and _TICKER_CLOSED.match(lines[i + 1]) and _TICKER_OPENED.search(line[-20:]))):
            lines[i:i + 2] = [f"{line} {lines[i + 1].strip()}"]
        elif line.endswith(" .") and line[-3:-2].isupper() and _INITIAL_BROKEN.search(line[-5:]) \
                and _INITIAL_GOES_ON.match(lines[i + 1]):
            lines[i:i + 2] = [f"{line[:-2]}.{lines[i + 1].strip()}"]
        elif after == "-" and line.endswith(("!)", "! )", "! -RRB-")) and _EXCLAIMED_AGENCY.search(line[-30:]):
            lines[i:i + 2] = [f"{line} {lines[i + 1].strip()}"]  # "( Reuters Life ! )" / "- Silence reigns ..."
    return lines


# "( D-Mass . )", "(R-Ariz.)", "-LRB- D-Calif . -RRB-": an abbreviation's period closing a bracket.
_BROKEN_AT = re.compile(r"\w\s?\.\s?(?:\)|-RRB-)$")
# A Reuters ticker broken at its period: "... Austrian energy group OMV -LRB- OMVV ." / "VI -RRB- and
# Italian refiner ..." (165 such breaks in Timeline17's Reuters pages).
_TICKER_OPENED = re.compile(rf"{_OPEN}{_CODE}\s?\.$")  # "( RDSa .", "( VOWG_p ."
_TICKER_CLOSED = re.compile(rf"^\s*[A-Z]{{1,3}}{_CLOSE}")
# "U ." / "S. Navy", "D-W ." / "Va. ,", "O ." / "K. , I 'll": one capital, its period set apart,
# then the next initial with its period on the next line.
_INITIAL_BROKEN = re.compile(r"(?:^|[\s/\-'])[A-Z] \.$")
_INITIAL_GOES_ON = re.compile(r"^\s*[A-Z][a-z]?\.(?:\s|$)")
# A wire's name with an exclamation mark ("( Reuters Life ! )"), where a corpus split the dateline
# from the text as if at a sentence's end.
_EXCLAIMED_AGENCY = re.compile(rf"{_OPEN}[A-Z][\w&. ]{{0,20}}\s?!{_CLOSE}$")


def split_closing_credits(lines: list[str]) -> list[str]:
    """The lines with a wire story's closing credit ("( Reporting by Maggie Fox ; Editing by Todd
    Eastham )") set on a line of its own: a dump ran the site's next block into it (a Reuters ad,
    "An ultra-low latency infrastructure for ...", which a line of its own lets the page's repeats
    take out), and the credit is metadata, not the story: its reporters read as the story's people.
    So is a source's credit a flattened page ran into the text's last sentence (`source_credit`)."""
    out = []
    for line in lines:
        found = _CLOSING_CREDIT.search(line) if "by" in line else None
        if found is None and ":" in line[-_SOURCE_REACH:]:
            found = _SOURCE_CREDIT.search(line, max(0, len(line) - _SOURCE_REACH))
            found = found if found and found.start() > 0 and credited_medium(found.group("name")) else None
        if found is None:
            out.append(line)
            continue
        out += [part for part in (line[:found.start()].strip(), found.group(0), line[found.end():].strip()) if part]
    return out


# A source's credit closing a text, as the wire copy sites reprint ends: "... dedi. Kaynak: AA",
# "... incelemede. - TOKAT Kaynak: İHA" (the agency's place before it), "Source: AFP", "Quelle: dpa".
# Its words are no part of the story (in the keys, "Kaynak" joined unrelated stories as an actor);
# its medium is the text's agency, as a dateline's is (`clean.text`).
_SOURCE_CREDIT = re.compile(
    r"(?:^|(?<=\s))(?:-\s*[A-ZÇĞİÖŞÜ]{2,}(?:\s+[A-ZÇĞİÖŞÜ]{2,})?\s+)?"
    r"(?:Sources?|Kaynak|Quelle|Fuente|Fonte|Źródło|Bron|Источник)\s*:\s*(?P<name>[^\s:]+(?:\s+[^\s:]+){0,3})\s*$"
)
_SOURCE_REACH = 80


def source_credit(line: str) -> str | None:
    """The listed medium a line that is all a source's credit names ("Kaynak: AA"), else None."""
    if ":" not in line:  # every line of every text is asked
        return None
    found = _SOURCE_CREDIT.match(line.strip())
    return credited_medium(found.group("name")) if found else None


# A staff credit: who reported with the page's writer ("The Associated Press contributed to this
# report.", "CNN 's Ivan Watson in Tripoli contributed to this report"). The same line on many pages
# but each page's own (`repeats`), the cited media read off it, and its people not the story's (`ner`).
STAFF_CREDIT = re.compile(r"\bcontributed (?:to )?(?:this|the) (?:report|story|article)|\bcontributed reporting"
                          r"|\b(?:was|were) used in (?:this|the) (?:report|story)")


def is_closing_credit(line: str) -> bool:
    return bool(_CLOSING_CREDIT.fullmatch(line.strip()))


_CLOSING_CREDIT = re.compile(r"(?:\(|-LRB-)\s*(?:(?:Additional|Further)\s+)?(?i:reporting|writing|editing|compiled|"
                             r"written)\s+by\s[^()]*?(?:\)|-RRB-)")


def split_doubled_headline(lines: list[str]) -> list[str]:
    """The lines with a headline a flattened page printed twice at the head of its first line
    ("Torrential rain kills 5 children in Yemen Torrential rain kills 5 children in Yemen SANAA Five
    children ...": the page's title and its heading, run into the text; 90 of the SemEval pairs'
    2,419 texts open so) set as a page dump prints them, the headline, the headline again, the text
    under it, for the cleaner to read as such. A headline of four words or more, 15 to 300
    characters, printed twice word for word."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return lines
    words = lines[first].split()
    for k in range(min(len(words) // 2, 60), 3, -1):
        if words[:k] == words[k:2 * k] and 15 <= len(" ".join(words[:k])) <= 300:
            headline, rest = " ".join(words[:k]), " ".join(words[2 * k:])
            return lines[:first] + [headline, headline] + ([rest] if rest else []) + lines[first + 1:]
    return lines


# Words of a headline and of a sentence, as `split_run_in_headline` reads them: a word's letters,
# its first a capital or not ("U.S.", "Iran-Iraq", "Mideast").
_TOKEN = re.compile(r"\S+")
_SENTENCE_END = re.compile(r"[.!?][\"”'’]?(?:\s|$)")
_LETTERED = re.compile(r"^[\W\d_]*([^\W\d_])")


# The words an English lead opens on after a headline, where a name in it could not: an article, a
# preposition, a conjunction, a pronoun ("... to the Test As the new civil year begins").
_OPENERS = frozenset("""the a an as in on at after before when while with for from this these those it its his
her their he she they we there since during despite although though if until amid over under
""".split())


def split_run_in_headline(lines: list[str], stopwords: frozenset[str]) -> list[str]:
    """The lines with a headline in Title Case that a flattened page ran into its first sentence
    set on a line of its own ("Iran-Iraq Snowball Puts U.S. Mideast Policy to the Test As the new
    civil year begins, an isolated event ...": the SemEval pairs' pages open so where their title
    field is empty). Left in, the page had no title and the summary quoted the headline as the
    first sentence's opening words. The headline: four words or more but the language's function
    words, each capitalised, up to a capitalised word after which the text goes on in lower case
    (two of the next four words in lower case, `_goes_on_in_lower_case`) to a sentence's end; a
    sentence that opens on names ("Donald Trump and Joe Biden met in ...") writes its verb in lower
    case before four names are read. The caller calls it only for a language that does not
    capitalise its nouns (`lines.pick_stopwords`); the openers are English (`_OPENERS`), so a
    page in another language is left as it is."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or not stopwords:
        return lines
    line = lines[first].strip()
    # (the first words only: a flattened page may be one line of thousands)
    words = [(m.start(), m.group()) for m in _TOKEN.finditer(line, 0, 400)][:26]
    if len(words) < 14 or words[0][1] in ("By", "From") or not words[0][1][0].isalpha():
        return lines  # (a byline, a credit in brackets)
    content = 0
    for k, (at, word) in enumerate(words[:20]):
        low = word.lower().strip("\"'“”‘’,;:()")
        letter = _LETTERED.match(word)
        if letter is None:
            return lines  # a number or a sign: no headline of words
        capital = letter.group(1).isupper()
        if capital and content >= 4 and low in _OPENERS and _goes_on_in_lower_case(words[k + 1:k + 5], stopwords) and \
                words[k - 1][1].lower() not in stopwords and not words[k - 1][1].endswith((",", ":", ";")):
            if not _SENTENCE_END.search(line, at) or transcript_head(line):
                return lines  # no sentence after it, or a transcript's head, which reads its own way
            return [*lines[:first], line[:at].strip(), line[at:], *lines[first + 1:]]
        if low in stopwords:
            continue
        if not capital:
            return lines  # a content word in lower case before the split: a sentence
        content += 1
    return lines


def _goes_on_in_lower_case(words: list[tuple[int, str]], stopwords: frozenset[str]) -> bool:
    """Two words in lower case that no headline would leave so: no function word, or one of four
    letters or more (jusText's lists hold "new" and "year"; Title Case lowers "to", "of", "the")."""
    lower = [low for _, w in words if (letter := _LETTERED.match(w)) and letter.group(1).islower()
             and ((low := w.strip("\"'“”‘’,;:()")) not in stopwords or len(low) >= 4)]
    return len(lower) >= 2


def split_crossheads(lines: list[str]) -> list[str]:
    """The lines with a crosshead in capitals that a dump ran into the paragraph under it set on a
    line of its own ("U.S. APPEARS TO WANT ONLY SUPPORTING ROLE The next phase of planning ...",
    "NEW CAP FOR LEAKING OIL WELL Engineers then ..."): left in, it opened the sentence a summary
    or a timeline quotes. Only a run of four capitalised words or more, or of three with a word
    such as "to" or "the" (a headline's grammar: "NEW YORK CITY Police said" is a dateline),
    before a sentence that goes on in lower case."""
    out = []
    for line in lines:
        found = _CROSSHEAD.match(line) if line[:2].isupper() else None
        if found and (len(found.group(1).split()) >= 4 or _HEADLINE_WORD.search(found.group(1))):
            out += [found.group(1), line[found.end(1):].strip()]
        else:
            out.append(line)
    return out


# Capitalised words, then a sentence that opens with a capital and goes on in lower case for some
# words and ends as a sentence does.
_CROSSHEAD = re.compile(r"^\s*((?:[A-Z0-9][A-Z0-9'’.&-]*\s+){2,}[A-Z0-9][A-Z0-9'’.&-]*[A-Z])\s+"
                        r"(?=[A-Z][a-z]+(?:\s+[^\s]+){5,}.*[.!?'\"”]\s*$)")
_HEADLINE_WORD = re.compile(r"\b(?:THE|TO|FOR|OF|IN|ON|AND|AS|BY|AT|WITH|NOT|IS|ARE|WAS|SAYS|HOW|WHY|WHAT)\b")


def without_factbox_intro(sentence: str) -> str:
    """A sentence without the line that introduces a wire's factbox, where a dump ran it into the
    first entry ("Here is a timeline of the civil war in Libya since protests ... began in
    February : Feb. 15/16 , 2011 - The arrest of ..."): a summary or a timeline tells the entry."""
    found = _FACTBOX_INTRO.match(sentence) if sentence[:1] in "HFB" else None
    return sentence[found.end():] if found and sentence[found.end():] else sentence


_FACTBOX_INTRO = re.compile(r"(?:Here|Below|Following)\s+(?:is|are)\s+(?:a|an|the|some)?\s*[^:]{0,200}?:\s+(?=\S)")


def without_transcript_notice(lines: list[str]) -> list[str]:
    """The lines without a broadcaster's notice on its transcript, which a dump ran behind the
    stamp ("... Aired January 25 , 2011 - 16:00:00 ET THIS IS A RUSH TRANSCRIPT .") or printed
    under the head ("This copy may not be in its final form and may be updated ."): left in, it
    opened the text before the first speaker."""
    return [_TRANSCRIPT_NOTICE.sub("", line).strip() if "RANSCRIPT" in line or "ranscript" in line
            or "inal form" in line or "INAL FORM" in line else line for line in lines]


_TRANSCRIPT_NOTICE = re.compile(r"\s*\bTHIS IS A RUSH TRANSCRIPT\s*\.?(?:\s*THIS COPY MAY NOT BE IN ITS FINAL FORM AND"
                                r" MAY BE UPDATED\s*\.?)?|"
                                r"^\s*THIS COPY MAY NOT BE IN ITS FINAL FORM AND MAY BE UPDATED\s*\.?", re.IGNORECASE)


def transcript_head(line: str) -> tuple[str | None, str] | None:
    """The headline, if any, and the air date of a transcript's first line that names its show
    ("Palin Addresses Obama 's Handling of Oil Spill Crisis This is a rush transcript from `` On
    the Record , '' June 11 , 2010 ."), or None."""
    found = _TRANSCRIPT_FROM.match(line) if "ranscript from" in line else None
    day = parse_date(found.group("date")) if found else None
    return (found.group("head"), day[:10]) if found and day else None


_TRANSCRIPT_FROM = re.compile(r"^(?:(?P<head>\S.{10,300}?)\s+)?(?i:This is a rush transcript from)\s+"
                              r"(?:``|\"|“)?[^,]{1,60},?\s*(?:''|\"|”)?\s*,?\s*"
                              r"(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2} ?, \d{4})\s*\.?$")
