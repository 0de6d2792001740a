"""Opposite claims: two sources that say contrary things about one subject (arrested / at large; shut
/ operating; confirmed / denied; an attack claimed / unclaimed).

Precision matters more than recall: a wrong "discrepancy" sends a fact-checker after nothing. So a
claim is read only from a plain statement: a short list of predicates whose contrary is known, a
subject that is a named entity or a definite, singular noun phrase of the kind the predicate is
about (a plant is shut, a suspect is arrested) and that opens its clause, negation within the verb
group only, and no hedge (may, whether, if, expected to, reports that) before the predicate.
Anything else gives no claim. On Timeline17 (3,571 articles over 17 long-running stories) and the
25 DUC 2004 clusters this finds one opposition, a real one (an embassy "not closed" in February,
"closed" in August). `storyline.discrepancies.claim_discrepancies` sets the sides against each other.
Competing causes of the story's event ("began during welding work" / "a short circuit was the
most likely cause") are claims too, read as strictly: on the same corpora they find seven causes,
all of the Gulf spill (the rig explosion, in other words), and no dispute.
English only, like the number claims.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from storyline.claims import _about_the_past, sentences, written
from storyline.claims_events import _REPORTING
from storyline.claims_speakers import figure_speaker
from storyline.model import Article, Claim, Mention

_AUX = r"(?:(?:has|have|had|is|are|was|were|been|being|be|got|remains?|remained|still|also|reportedly|" \
       r"already|now|yet|later|since|then|not|never|no\s+longer|n't)\s+)*"
# Singular heads only: "two suspects were arrested" and "suspects remain at large" may be other
# people, "schools are closed" and "schools remain open" other towns; "the suspect", "the plant" is
# the story's one.
_PERSONS = "suspect gunman attacker shooter bomber driver pilot captain man woman leader journalist reporter " \
           "activist defendant prisoner soldier commander minister president governor mayor director official " \
           "ceo chairman hostage"
_FACILITIES = "plant reactor factory mine refinery airport port harbour harbor station terminal pipeline bridge " \
              "crossing embassy consulate school hospital smelter mill facility airspace railway highway motorway dam"
_EVENTS = "attack bombing blast explosion shooting assault strike raid ambush killing killings massacre"
# family -> (what the subject must be, positive predicates, negative predicates, label of each side,
# the polarity a story may move to over time, if any: a suspect at large is arrested later; the
# reverse is a correction or an escape, and stays a conflict).
_FAMILIES: dict[str, tuple[str, str, str, tuple[str, str], int | None]] = {
    "arrest": ("person",
               r"arrested|detained|captured|apprehended|taken into custody|"
               r"in (?:police )?custody|"
               r"behind bars|in jail|in detention|turned (?:himself|herself|themselves) in|surrendered",
               r"at large|on the run|in hiding|at liberty|evaded (?:arrest|capture|police)|"
               r"eluded (?:arrest|capture|police)",
               ("arrested", "at large"), +1),
    "operation": ("facility",
                  r"shut(?: down)?|closed(?: down)?|halted|suspended|taken offline|switched off|offline|"
                  r"out of (?:service|operation|action)|idle|idled",
                  r"operating(?: normally| as usual)?|in operation|running(?: normally)?|working(?: normally)?|"
                  r"open(?: as usual)?|functioning(?: normally)?|operational|online|"
                  r"continu(?:es|ed|ing) to (?:operate|run|work|function)",
                  ("shut", "operating"), +1),
    "alive": ("person",
              r"killed|dead|died|among the dead|found dead|shot dead|lost (?:his|her|their) lives?",
              r"alive|survived|unharmed|unhurt|safe|(?:only )?(?:lightly |slightly |seriously |badly )?"
              r"(?:injured|wounded|hurt)",
              ("dead", "alive"), +1),
    "verdict": ("person", r"found guilty|convicted|sentenced", r"acquitted|found not guilty|cleared(?: of [\w ]+)?",
                ("convicted", "acquitted"), None),
    "plea": ("person", r"pleaded guilty|admitted (?:the charges|guilt)", r"pleaded not guilty",
             ("pleaded guilty", "pleaded not guilty"), None),
    "resignation": ("person", r"(?:resigned|stepped down|quit)(?!\s+(?:as|from)\b)",
                    r"in office|in (?:his|her) post|refused to resign",
                    ("resigned", "in office"), +1),
    "confirmation": ("speaker", r"confirmed", r"denied|rejected (?:claims|reports|allegations)|refuted|"
                     r"dismissed (?:claims|reports|allegations)", ("confirmed", "denied"), None),
}
CLAIM_FAMILIES = (*_FAMILIES, "responsibility", "arrests")
_HEAD = {"person": _PERSONS, "facility": _FACILITIES,
         "speaker": "ministry government police army military spokesman spokeswoman spokesperson company office "
                    "authorities officials kremlin embassy operator prosecutors prosecutor court"}
_NEGATION = re.compile(r"\b(?:not|never|no\s+longer)\b|n't\b", re.I)
_HEDGE = re.compile(r"\b(?:if|whether|may|might|could|would|should|will|unclear|unconfirmed|rumou?red|rumou?rs?|"
                    r"possibly|perhaps|expected|likely|unlikely|plans?|planned|threatened|feared|whom|"
                    r"allegedly|(?:claims?|reports?|rumou?rs?) that|denied (?:reports |claims )?that|even had|"
                    r"ordered|wants?|before|until|"
                    r"asked|demanded|called for|urged)\b", re.I)
_CLAUSE_START = re.compile(r"(?:^|[,;:“\"«(–—]|\s-|\b(?:that|said|says|but|and|while|whereas|although|though|as|after|"
                           r"when|because|since|reported|added|announced|confirmed))\s*$", re.I)
_DETERMINER = re.compile(r"^(?:the|a|an|this|that|its|their|his|her|our)\s+", re.I)
_RESPONSIBILITY_POS = re.compile(r"\b(?P<who>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,4}|(?:an?|the)\s+[\w -]{3,40}?)\s+"
                                 r"(?:has\s+|had\s+|have\s+)?claimed responsibility\b|"
                                 r"\bclaimed by\s+(?P<by>(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,4})")
_RESPONSIBILITY_NEG = re.compile(r"\b(?:no (?:group|one|organi[sz]ation|faction|militant group)|nobody|no-one)\s+"
                                 r"(?:has\s+|had\s+|have\s+)?(?:yet\s+|so far\s+|immediately\s+)?claimed\b|"
                                 r"\b(?:has|had|have) not (?:yet |so far |immediately )?been claimed\b|"
                                 r"\bremains? unclaimed\b|\bwent unclaimed\b", re.I)
_NO_ARRESTS = re.compile(r"\bno arrests\s+(?:have\s+|had\s+)?(?:yet\s+|so far\s+)?been\s+made\b|"
                         r"\b(?:no one|no suspects?|nobody|no-one)\s+(?:has\s+|have\s+|had\s+)?(?:yet\s+|so far\s+)?"
                         r"been\s+(?:arrested|detained)\b", re.I)
_CONTENT = re.compile(r"[^\W\d_][\w'-]{2,}")


def opposite_claims(article: Article, mentions: Iterable[Mention] = (), story_date: str | None = None) -> list[Claim]:
    """Statements with a known contrary, as claims of kind "claim": `subject` is "family: subject as
    printed", `value` the predicate as printed, `number` its polarity (+1 the first side of the
    family's labels, -1 the other)."""
    if (article.language or "en").split("-")[0] != "en":
        return []
    when = written(article, story_date)
    named = sorted((m for m in mentions if m.type in ("PERSON", "ORG", "GPE", "FAC", "NORP", "LOC")),
                   key=lambda m: m.start)
    people = [m for m in named if m.type in ("PERSON", "ORG")]
    published = None if article.published_inferred else article.published  # only a printed time orders sides
    claims: list[Claim] = []
    central = central_event(article)
    for offset, sentence in sentences(article.text):
        if "?" in sentence or _about_the_past(sentence, when):
            continue
        found = _family_claims(sentence, offset, named) + _arrest_objects(sentence, offset, named) + \
            _event_claims(sentence)
        claims += _cause_claims(article, sentence, offset, people, central, published)
        for family, subject, printed, polarity, at in found:
            claims.append(Claim(source=article.source, kind="claim", subject=f"{family}: {subject}", value=printed,
                                sentence=sentence, number=float(polarity), published=published,
                                speaker=figure_speaker(sentence, at, at, offset, people) or _said_by(sentence)))
    return claims


_SAID_BY = re.compile(r"(?:,\s*|^)(?:the\s+)?(?P<who>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+(?:said|says|told [\w ]{1,30}|"
                      r"announced|reported|confirmed)\s*[.!]?[\"”’]?$|^(?:the\s+)?(?P<lead>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)"
                      r"\s+(?:said|says|announced|reported)\b", re.I)


def _said_by(sentence: str) -> str | None:
    """Who the sentence says it, when that is no name: "..., police said." / "His lawyer said ..."."""
    match = _SAID_BY.search(sentence.strip())
    who = match and (match.group("who") or match.group("lead"))
    if not who or who.lower() in ("it", "he", "she", "they", "this", "that"):
        return None
    return who


def _family_claims(sentence: str, offset: int, named: list[Mention]) -> list[tuple[str, str, str, int, int]]:
    out = []
    for family, (kind, positive, negative, _, _) in _FAMILIES.items():
        for polarity, words in ((+1, positive), (-1, negative)):
            for match in re.finditer(rf"(?<![\w-])({_AUX})({words})(?![\w-])", sentence, re.I):
                aux, predicate = match.group(1), match.group(2)
                if kind != "speaker" and not aux.strip() and not re.match(
                        r"died|survived|resigned|stepped|quit|evaded|eluded|surrendered|turned|"
                        r"pleaded|admitted|denied|continu", predicate, re.I):
                    continue  # "arrested X", "killed two": an active verb with an object, not a state
                if kind == "speaker" and re.search(r"\b(?:was|were|been|be|is|are)\s*$", aux, re.I):
                    continue  # "was confirmed": the confirmer is not named
                if _HEDGE.search(sentence[:match.start(2)]):
                    continue
                subject = _claim_subject(sentence[:match.start()], offset, named, kind, family)
                if subject is None:
                    continue
                flips = len(_NEGATION.findall(aux))
                if flips > 1:
                    continue
                sign = -polarity if flips else polarity
                printed = " ".join(f"{aux}{predicate}".split())
                if kind == "speaker":  # "denied" says nothing without what was denied
                    printed += " " + " ".join(re.split(r"[,;:.!?]", sentence[match.end():])[0].split()[:10])
                out.append((family, subject, printed, sign, match.start()))
    return out


_ARRESTED_BY = re.compile(r"\b(?:police|officers|authorities|security forces|troops|soldiers|agents|"
                          r"investigators|detectives)\s+(?:have\s+|had\s+)?"
                          r"(?:arrested|detained|captured|apprehended|caught)\s+", re.I)


def _arrest_objects(sentence: str, offset: int, named: list[Mention]) -> list[tuple[str, str, str, int, int]]:
    """ "Police arrested the suspect, former employee Oskar Brenn, in Halden": the active voice, its
    object a name or a person noun right after the verb (with the name an apposition gives it)."""
    out = []
    for match in _ARRESTED_BY.finditer(sentence):
        if _HEDGE.search(sentence[:match.end()]) or _NEGATION.search(sentence[:match.end()]):
            continue
        tail = sentence[match.end():]
        noun = re.match(r"the\s+((?:[\w-]+\s+){0,2}?(?:" + "|".join(_PERSONS.split()) + r"))\b"
                        r"(,\s*[^,]{1,80},)?", tail, re.I)
        scope = noun.end() if noun else 0
        person = next((m for m in named if m.type == "PERSON" and offset + match.end() <= m.start
                       and m.end <= offset + match.end() + max(scope, len(m.text) + 1)
                       and not re.search(r"\b(?:and|who|which|after|before|when|while)\b",
                                         sentence[match.end():m.start - offset], re.I)), None)
        if person is not None:
            out.append(("arrest", person.text, match.group(0).split()[-1], +1, match.start()))
        elif noun:
            kept = [w for w in noun.group(1).split()[:-1] if w[:1].isupper() or w.lower() in _OTHER_ONE]
            out.append(("arrest", " ".join([*kept, noun.group(1).split()[-1].lower()]), match.group(0).split()[-1],
                        +1, match.start()))
    return out


def _event_claims(sentence: str) -> list[tuple[str, str, str, int, int]]:
    """Whether anyone claimed an attack and whether anyone was arrested over it: subjects that are
    the event rather than a person ("no group claimed the attack" / "the Front claimed responsibility")."""
    out = []
    if _HEDGE.search(sentence):
        return out
    event = re.search(rf"\b({'|'.join(_EVENTS.split())})s?\b", sentence, re.I)
    label = f"the {event.group(1).lower()}" if event else "the event"
    negative = _RESPONSIBILITY_NEG.search(sentence)
    if negative:
        out.append(("responsibility", label, negative.group(0), -1, negative.start()))
    else:
        positive = _RESPONSIBILITY_POS.search(sentence)
        if positive and not _NEGATION.search(sentence[:positive.end()]):
            who = (positive.group("who") or positive.group("by") or "").strip()
            if not _DETERMINER.sub("", who).lower().startswith(("no ", "nobody")):
                out.append(("responsibility", label, f"claimed by {who}", +1, positive.start()))
    none = _NO_ARRESTS.search(sentence)
    if none:
        out.append(("arrests", label, none.group(0), -1, none.start()))
    return out


def _claim_subject(before: str, offset: int, named: list[Mention], kind: str, family: str) -> str | None:
    """The subject of a predicate that starts right after `before`: a name that ends there, or a noun
    phrase whose head is of the predicate's kind; either must open its clause ("the brother of
    Keller was arrested" is not about Keller)."""
    # "Keller, 34, was ..." / "the suspect, a former employee named Oskar Brenn, remains ...": the
    # apposition is skipped, and a person it names is who a person-noun subject is.
    appos = re.search(r",\s*([^,]{1,160}),\s*$", before)
    text = before[:appos.start()] + " " if appos else before
    named_in = next((m for m in named if appos and m.type == "PERSON" and offset + appos.start(1) <= m.start
                     and m.end <= offset + appos.end(1)), None)
    stripped = text.rstrip()
    types = _NAMED_TYPES.get(family, ("PERSON",)) if kind != "facility" else ()
    for mention in reversed(named):
        if mention.type in types and offset <= mention.start and stripped.endswith(mention.text) \
                and mention.end <= offset + len(stripped) + 1:
            return mention.text if _opens_clause(stripped[:len(stripped) - len(mention.text)].split()) else None
    tokens = stripped.split()
    if not tokens or tokens[-1].lower() not in _HEAD[kind].split():
        return None
    words = [tokens.pop()]
    words[:0] = _modifiers(tokens)
    if tokens and tokens[-1].lower() in ("a", "an", "another", "one"):
        return None  # "a man was arrested", "a man remains at large": two men, as far as the text says
    if not _opens_clause(tokens):
        return None
    if named_in is not None and kind == "person":
        return named_in.text
    # "the Dorvan plant" keeps its name; "the nuclear plant" is "plant", so it can meet the named one;
    # "a second suspect" is not "the suspect".
    kept = [w for w in words[:-1] if w[:1].isupper() or w.lower() in _OTHER_ONE]
    return " ".join([*kept, words[-1].lower()])


_DETERMINERS = frozenset("the a an its their his her this".split())


def _modifiers(tokens: list[str], most: int = 3) -> list[str]:
    """Pop and return the words before a head that modify it ("former opposition", "main"): at most
    `most`, none a reporting verb, preposition or conjunction."""
    out: list[str] = []
    while tokens and len(out) < most and re.fullmatch(r"[\w-]+", tokens[-1]) and \
            tokens[-1].lower() not in _REPORTING | _NOT_MODIFIERS | _DETERMINERS:
        out.insert(0, tokens.pop())
    return out


def _opens_clause(tokens: list[str]) -> bool:
    """Whether a subject after these words (titles and a determiner allowed) begins its clause."""
    tokens = list(tokens)
    _modifiers(tokens)
    if tokens and tokens[-1].lower() in _DETERMINERS:
        tokens.pop()
    return bool(_CLAUSE_START.search(" ".join(tokens) + " "))


_OTHER_ONE = frozenset("second third fourth another other two three four five several many some all both one "
                       "first last".split())
# Entity types that can be the subject of each family (a company is convicted, a country denies).
_NAMED_TYPES = {"verdict": ("PERSON", "ORG"), "plea": ("PERSON", "ORG"),
                "confirmation": ("PERSON", "ORG", "GPE", "NORP")}
_NOT_MODIFIERS = frozenset("that and but or of to for with by from who which whose against".split())


# Competing causes: "the fire began during welding work" in one source, "a short circuit was the
# most likely cause" in another. Read only about the story's central event (the one its title or
# lead names first), only where the sentence names a cause, never where it doubts or asks; a hedged
# cause ("most likely", "suspected") counts only with the speaker who gave it.
_CAUSE_EVENTS = {"fire": r"fires?|blaze|wildfires?", "explosion": r"explosions?|blasts?", "crash": r"crash",
                 "collapse": r"collapse", "derailment": r"derailment", "leak": r"leak|spill",
                 "outbreak": r"outbreak", "flood": r"floods?|flooding"}
_EVENT_OF = re.compile("|".join(rf"\b(?P<{k}>{v})\b" for k, v in _CAUSE_EVENTS.items()), re.I)
_CAUSE_HEDGE = re.compile(r"\b(?:may|might|could|possibly|perhaps|likely|probable|probably|suspected|suspects?|"
                          r"believed|believes?|thought|thinks?|appears?|apparently|seems?|speculat\w*|theor(?:y|ies)|"
                          r"possibility|possible|presumably)\b", re.I)
_CAUSE_DOUBT = re.compile(r"\b(?:whether|if|not|no|never|ruled out|rule out|denied|denies|deny|rejected|dismissed|"
                          r"unknown|unclear|investigat\w*|determine\w*|establish\w*|questions?|doubts?|rather than|"
                          r"instead of|unless)\b|n't\b|\?", re.I)
_CAUSE_END = re.compile(r"[,;:.!?()\"“”«»]|\s[-–—]\s|\s(?:that|which|who|whom|and|but|while|as|after|when|where|"
                        r"according|said|says|told|before|because|during|amid|in which)\b", re.I)


def central_event(article: Article) -> str | None:
    """The kind of event a story is about: the first that its title, else its lead, names."""
    for text in (article.title or "", " ".join(s for _, s in sentences(article.text)[:2])):
        match = _EVENT_OF.search(text)
        if match:
            return match.lastgroup
    return None


def _cause_patterns(event: str) -> list[re.Pattern[str]]:
    # "the fire", "the massive fire", "Monday's blast"; not "the 1990 Persian Gulf spill", another one.
    ev = rf"(?:\b(?:the|this|its|[A-Z]\w+day's)\s+(?:[a-z]+\s+)?)(?:{_CAUSE_EVENTS[event]})\b"
    adv = r"(?:\s+(?:probably|likely|apparently|possibly|reportedly|most likely|allegedly))?"
    return [re.compile(rf"{ev}(?:\s+(?:was|were|is|had been|has been|may have been|might have been|could have been))?"
                       rf"{adv}\s+(?:caused|started|sparked|triggered|set off|ignited)\s+by\s+(?P<cause>.+)", re.I),
            re.compile(rf"{ev}{adv}\s+(?:began|started|broke out|erupted)\s+during\s+(?P<cause>.+)", re.I),
            re.compile(rf"{ev}(?:\s+(?:was|is|has been|had been))?{adv}\s+(?:blamed on|due to)\s+"
                       rf"(?P<cause>.+)", re.I),
            re.compile(rf"\bblamed\s+(?P<cause>.+?)\s+for\s+the\s+(?:{_CAUSE_EVENTS[event]})\b", re.I),
            re.compile(rf"(?:^|\b(?:that|said|says)\s+)(?P<cause>(?:an?|the)\s+[^,;:]{{3,60}}?)\s+(?:was|is)\s+the\s+"
                       rf"(?:(?:most\s+)?(?:likely|probable)\s+|main\s+|)cause(?:\s+of\s+the\s+(?:{_CAUSE_EVENTS[event]}))?"
                       r"\s*(?:[,.;]|$)", re.I)]


def _cause_claims(article: Article, sentence: str, offset: int, people: list[Mention], central: str | None,
                  published: str | None) -> list[Claim]:
    if central is None or not re.search(rf"\b(?:{_CAUSE_EVENTS[central]})\b|\bcause\b", sentence, re.I):
        return []
    for pattern in _cause_patterns(central):
        match = pattern.search(sentence)
        if match is None:
            continue
        cause = _CAUSE_END.split(match.group("cause"))[0].strip()
        cause = _DETERMINER.sub("", cause)
        words = cause.split()
        if not 1 <= len(words) <= 8 or words[0].lower() in _NOT_CAUSES or \
                _CAUSE_DOUBT.search(sentence[:match.start("cause")]) or _CAUSE_DOUBT.search(cause):
            return []
        speaker = figure_speaker(sentence, match.start(), match.start(), offset, people) or _said_by(sentence)
        if speaker is None and (_CAUSE_HEDGE.search(sentence) or re.search(r"[\"“«]", sentence[:match.start()])):
            return []  # speculation, or a quotation, that nobody is said to have given
        return [Claim(source=article.source, kind="claim", subject=f"cause of the {central}", value=cause,
                      sentence=sentence, published=published, speaker=speaker)]
    return []


_NOT_CAUSES = frozenset("it this that what which who something anything nothing unknown be have begin start "
                        "continue resume".split())


def claim_family(subject: str) -> str | None:
    """The family of a claim subject, raw ("arrest: Keller") or named ("Rovan Keller: arrested or at large")."""
    for family in CLAIM_FAMILIES:
        sides = f": {claim_side(family, 1)} or {claim_side(family, -1)}"
        if subject.startswith(f"{family}: ") or subject.endswith(sides):
            return family
    return None


def claim_side(family: str, polarity: float) -> str:
    """The label of one side of a family ("arrested" / "at large")."""
    if family in _FAMILIES:
        return _FAMILIES[family][3][0 if polarity > 0 else 1]
    return {"responsibility": ("claimed", "unclaimed"), "arrests": ("arrests made", "no arrests")}[family][
        0 if polarity > 0 else 1]


def claim_progression(family: str) -> int | None:
    """The polarity a story may move to over time (an update, not a conflict), or None."""
    return _FAMILIES[family][4] if family in _FAMILIES else +1


def claim_object(claim: Claim) -> frozenset[str]:
    """The content words of what was confirmed or denied (the value holds the words after the verb)."""
    return frozenset(w.lower() for w in _CONTENT.findall(claim.value) if w.lower() not in _OBJECT_STOP)


_OBJECT_STOP = frozenset("confirmed denied rejected refuted dismissed that the and "
                         "was were had has have been this those these their there with from into "
                         "for about reports claims report claim allegations any said says told would could".split())
