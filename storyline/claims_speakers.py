"""Who a source says gave a figure: "measured by X" after it, "according to X", or the subject of
the speech verb before it ("the health ministry said 24"), from the sentence's words and the
people the text names; `claims` and `claims_opposite` read the speakers of their claims here.
"""

from __future__ import annotations

import re

from storyline.model import Mention

_BY_AFTER = re.compile(r"^[^.;]{0,40}?\b(?:measured|recorded|registered|reported|estimated|given)\s+by\s+"
                       r"(?:the\s+)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,5})")
# "according to its latest figures": a pronoun's figures name no one
_ACCORDING = re.compile(r"\baccording to (?!(?:its|their|his|her|our|my)\b)([^,.;:]{3,60})", re.I)
# "27,717 laboratory-confirmed cases", "an estimated 500,000", "Mexico 's confirmed death toll", "the
# number of confirmed cases": a verb after a hyphen, an article, a possessive or a preposition is an
# adjective, no one speaking
_SPEECH = re.compile(r"(?<![\w-])(?<!\ban )(?<!\ba )(?<!\bthe )(?<!'s )(?<!\bof )(?<!\bwith )"
                     r"(?:said|says|told|tells|announced|reported|reports|"
                     r"estimated|estimates|stated|declared|confirmed|put|puts|measured|recorded|registered)\b", re.I)

# "the strain now said to have killed 42": a verb that raises its subject names no one who said it.
_RAISED = re.compile(r"\s+to\s+(?:have|be)\b", re.I)

# Verbs that report speech: the day beside one dates a statement, not the event.
_REPORTING = frozenset("said says told reported announced stated added noted confirmed claimed wrote "
                       "published released issued quoted explained declared tweeted posted".split())

# Words between a subject and its speech verb: "Mexico has now confirmed", "officials had earlier said".
_NOUN_AFTER = re.compile(r"\s+(?:have|has|had|are|were|vary|varied|range|ranged|suggest|suggested)\b", re.I)
_AUXILIARIES = frozenset("""has have had is was were are be been being will would can could may might shall should
do does did now also already earlier later previously reportedly officially just still since then""".split())
_PASSIVE = frozenset("is was were are be been being".split())
_DETERMINERS = frozenset("the a an its their his her this that these those".split())
_QUOTE_MARKS = frozenset({"''", "``", '"', "'", "”", "“"})
_PRONOUNS = frozenset("he she they it we i you one".split())
# A subject's last word that places it ("... to the northeast said"), and the prepositions that do.
_WHERE = frozenset("""north south east west northeast northwest southeast southwest northeastern northwestern
southeastern southwestern area region city town capital country border coast frontier""".split())
_PLACING = frozenset("at in to near outside inside on from across around".split())
# Who gives figures, printed capitalised where they open the sentence: "Sources at a hospital said".
_SOURCES = frozenset("sources officials witnesses residents doctors medics police rebels activists".split())


# Who a wire names by a common noun where it closes a sentence: the sources above, and bodies.
_BODIES_SPEAKING = frozenset(
    "ministry authorities spokesman spokeswoman experts government agency army military".split())

# The attribution a wire closes its sentence with: "... has edged up to 80 , the World Health
# Organization ( WHO ) said on Wednesday .", "... killed 12 , health officials said ."
_TRAILING = re.compile(
    r"^[^;]*?,\s*(?:''\s*,?\s*)?(?:the\s+)?"
    r"(?P<who>[A-Z][\w.'-]*(?:\s+(?:of|for|and|on|[A-Z][\w.'-]*))*?"
    r"|(?:[a-z][\w-]*\s+){0,3}(?:" + "|".join(sorted(_SOURCES | _BODIES_SPEAKING)) + "))"
    r"(?:\s+\(\s*[A-Z]{2,}\s*\))?\s+(?:has\s+|had\s+)?(?:said|says|reported|reports|told|announced|"
    r"estimated|confirmed)\b"
    # ... and closes the sentence: whom they told, when or where ("In Mexico , the worst hit country
    # with up to 176 deaths , President Calderon told offices to close": no attribution of the figure)
    r"(?:\s+(?:reporters|journalists|[A-Z][\w-]*))?"
    r"(?:\s+(?:on|in|at|late|early|last|this|earlier|yesterday|today|tonight|after|during)\b[^,;:]*)?"
    r"\s*[.!?]?\s*(?:''\s*)?$")


def _trailing(after: str) -> str | None:
    """Who the attribution closing the sentence after the figure names, if it names someone."""
    match = _TRAILING.match(after)
    if not match:
        return None
    who = match.group("who")
    return None if who.lower() in _PRONOUNS or who.lower() in _DETERMINERS else who


def _before_a_place(words: list[str]) -> list[str]:
    """The words before the first preposition that places the subject, or none."""
    first = next((k for k, w in enumerate(words) if k and w.lower() in _PLACING), None)
    return words[:first] if first else []


def figure_speaker(sentence: str, at: int, end: int, offset: int, people: list[Mention]) -> str | None:
    """Who the sentence says gave the figure: "measured by X" after it, "according to X", or a name
    before a speech verb."""
    by = _BY_AFTER.search(sentence[end:])
    if by:
        return by.group(1).strip()
    according = _ACCORDING.search(sentence)
    if according and according.group(1).strip().lower() in ("him", "her"):
        # "According to him , 116 civilians have been killed": the person named last before
        return next((m.text for m in reversed(people) if m.type == "PERSON" and m.end <= offset), None)
    if according:
        return re.sub(r"^the\s+", "", according.group(1).strip(), flags=re.I)
    # "Death toll estimates have ranged from ...": a noun, no verb
    verbs = [v for v in _SPEECH.finditer(sentence[:at]) if not _NOUN_AFTER.match(sentence[v.end():])]
    if verbs and _RAISED.match(sentence[verbs[-1].end():]):
        return None
    if verbs:  # "..., while the health ministry said 24": the subject of the nearest speech verb
        head = sentence[:verbs[-1].start()].rstrip()
        if not any(m.end - offset == len(head) for m in people):
            phrase = [w for w in re.split(r"[,;:]|\b(?:while|whereas|but|and|as)\b", head)[-1].split()
                      if w not in _QUOTE_MARKS]  # "... , '' she said": the quote's closing mark is no word
            whole = list(phrase)
            if phrase and phrase[-1].lower() in ("which", "who", "that"):
                # "the Libyan Committee for ..., which said": the body named before it, if the text names one
                body = head[:len(head) - len(phrase[-1])].rstrip(" ,")
                return next((m.text for m in people if m.end - offset == len(body)), None)
            # "... of Ras Lanuf and Brega A government spokesman says": from the phrase's last article
            phrase = phrase[max([k for k, w in enumerate(phrase) if w.lower() in ("a", "an", "the")], default=0):]
            helpers = []
            while phrase and phrase[-1].lower() in _AUXILIARIES:
                helpers.append(phrase.pop().lower())
            if _PASSIVE.intersection(helpers):
                return None  # "Swine flu has been confirmed as the cause of 26 deaths": no one gave it here
            # "the health ministry said", "Mexico has now confirmed"; a name alone is found below
            if phrase and all(w.lower() in _DETERMINERS for w in phrase):
                return None  # "The officially confirmed global death toll": an adjective's verb, no one's
            if phrase and phrase[-1].lower() in _WHERE:
                # "Sources at a hospital in Ajdabiyah to the northeast said": the subject is what
                # stands before its first place, when a text names it so
                phrase = _before_a_place(whole)
            if (0 < len(phrase) <= 4 and phrase[-1] not in _REPORTING and phrase[-1].lower() not in _PRONOUNS
                    and (phrase[-1].islower() or helpers or phrase[-1].lower() in _SOURCES)):
                return re.sub(r"^(?:the|an?)\s+", "", " ".join(phrase), flags=re.I)
    for mention in reversed(people):
        rel = mention.start - offset
        if 0 <= rel < at and _SPEECH.search(sentence[rel:at]):
            return mention.text
    # "He said at least 700 died ... , residents said": a speech verb before the figure is its
    # speaker's, even one the text leaves a pronoun
    return None if verbs else _trailing(sentence[end:])
