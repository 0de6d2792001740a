"""Who a quote's speaker is: the name an article gives at the quote, resolved inside that article.

An article names its speaker once in full and then as "Peskov", "he", "the spokesperson" or "the
Russian expert"; a reader (and a fact-checker) wants the full name as that article wrote it. The
rules here are deliberately cautious: a pronoun goes to the nearest earlier person who spoke or
stood as a subject (skipping one of the other gender when the name tells), a description to the
person whose title or surrounding words carry its noun, else to the person the article last
quoted; when nothing fits, the speaker stays unknown rather than guessed.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from storyline.entities.countries import country_code
from storyline.entities.roles import KIN_BEFORE
from storyline.model import Entity, Mention

PERSON_TYPES = frozenset({"PERSON", "PER"})
ORG_TYPES = frozenset({"ORG", "NORP_ORG"})
PLACE_TYPES = frozenset({"PLACE", "GPE", "LOC"})

# Head nouns of descriptions that stand for a person, with the words a title may use instead.
ROLE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "spokesperson": ("spokesperson", "spokesman", "spokeswoman", "press secretary", "spokes", "representative"),
    "spokesman": ("spokesperson", "spokesman", "press secretary", "representative"),
    "spokeswoman": ("spokesperson", "spokeswoman", "press secretary", "representative"),
    "secretary": ("secretary",),
    "representative": ("representative", "spokes", "press secretary", "envoy"),
    "expert": ("expert", "analyst", "specialist", "researcher", "scholar", "professor", "general", "officer"),
    "analyst": ("analyst", "expert", "specialist", "researcher"),
    "specialist": ("specialist", "expert", "analyst"),
    "diplomat": ("diplomat", "ambassador", "envoy", "foreign minister", "spokes", "diplomacy"),
    "ambassador": ("ambassador", "envoy", "diplomat"),
    "envoy": ("envoy", "ambassador", "diplomat"),
    "official": ("official", "officer", "minister", "head", "director", "secretary", "adviser", "advisor"),
    "officer": ("officer", "general", "colonel", "major", "commander", "official"),
    "general": ("general", "officer", "commander"),
    "minister": ("minister",),
    "president": ("president",),
    "premier": ("prime minister", "premier"),
    "leader": ("leader", "president", "head", "chairman", "prime minister"),
    "adviser": ("adviser", "advisor", "aide"),
    "advisor": ("adviser", "advisor", "aide"),
    "aide": ("aide", "adviser", "advisor"),
    "commander": ("commander", "general"),
    "head": ("head", "chief", "director", "chairman", "leader"),
    "director": ("director", "head", "chief"),
    "judge": ("judge",),
    "spokesman's": ("spokes",),
    "attorney": ("attorney", "lawyer", "counsel"),
    "counsel": ("counsel", "lawyer", "attorney"),
    "chief": ("chief", "head", "director"),
    "politician": ("politician", "deputy", "lawmaker", "senator", "mp", "member of parliament"),
    "lawmaker": ("lawmaker", "deputy", "senator", "mp"),
    "deputy": ("deputy", "lawmaker", "mp"),
    "professor": ("professor", "expert", "scholar"),
    "journalist": ("journalist", "reporter", "correspondent", "editor"),
    "mayor": ("mayor",),
    "governor": ("governor",),
    "prosecutor": ("prosecutor",),
    "lawyer": ("lawyer", "attorney"),
    "source": (),
    "defendant": ("defendant", "accused"),
    "accused": ("accused", "defendant"),
    "convict": ("convict",),
    "suspect": ("suspect",),
    # kin, named so in an apposition before ("Qin's father, Qin Qingguo ... the father said")
    "father": ("father",),
    "mother": ("mother",),
    "wife": ("wife",),
    "husband": ("husband",),
    "son": ("son",),
    "daughter": ("daughter",),
    "brother": ("brother",),
    "sister": ("sister",),
    "widow": ("widow",),
    # a German head of government, whom a text names by office ("Bundeskanzler Sebastian Kurz ... sagte der
    # Regierungschef")
    "regierungschef": ("regierungschef", "kanzler", "ministerpräsident", "premier"),
    "regierungschefin": ("regierungschef", "kanzler", "ministerpräsident", "premier"),
}
# Descriptions of the person a court or the police deal with: the one named as the object of
# sentencing, a charge or an arrest ("sentenced the former mayor Ruslan Gafarov ... the defendant said").
_ACCUSED_HEADS = frozenset({"defendant", "accused", "convict", "suspect"})
_PROSECUTED = re.compile(r"\b(?:sentenc|convict|charg|accus|indict|acquit|detain|arrest|tried\b|jail|condemn|"
                         r"found\s+guilty|prosecut|put\s+on\s+trial|trial\s+of)", re.I)
# Titles of people who speak for a body without being named.
_ENVOY_WORDS = frozenset({"spokesperson", "spokesman", "spokeswoman", "representative", "press secretary"})
# Descriptions vague enough to stand for the person the article last quoted ("the expert").
_VAGUE_HEADS = frozenset({"expert", "analyst", "specialist", "official", "diplomat", "politician", "observer",
                          "officer", "general", "researcher", "scholar", "professor"})
_GENERIC_HEADS = frozenset({"head", "chief", "leader", "official"})
# Head nouns of descriptions that stand for a body.
ORG_NOUNS = frozenset({
    "ministry", "kremlin", "government", "office", "embassy", "department", "service", "committee", "council",
    "agency", "administration", "presidency", "cabinet", "army", "military", "command", "headquarters", "police",
    "commission", "court", "parliament", "party", "company", "bank", "organization", "organisation", "union",
    "diplomacy", "authorities", "directorate", "secretariat", "mission", "staff", "prosecutor's", "duma",
    "newspaper", "daily", "weekly", "magazine", "broadcaster", "label",
})
# A body's noun in the languages the rules read, with the English one it stands for ("a indiqué la
# société", "sagte die Polizei", "afirmó el gobierno"): matched in the body's name as printed, or as
# the English noun's firm ("la société" is Fnac Darty, named last).
FOREIGN_ORG_NOUNS = {
    **dict.fromkeys("gobierno gouvernement governo regierung rząd regering hükümet".split(), "government"),
    **dict.fromkeys("ministerio ministère ministero ministerium ministerstwo ministerie bakanlık".split(), "ministry"),
    **dict.fromkeys("policía polizia polizei policja politie polis".split(), "police"),
    **dict.fromkeys("empresa compañía société entreprise azienda società unternehmen konzern firma spółka şirket "
                    "bedrijf".split(), "company"),
    **dict.fromkeys("agencia agence agenzia agentur agencja".split(), "agency"),
    **dict.fromkeys("tribunal tribunale gericht cour sąd mahkeme".split(), "court"),
    **dict.fromkeys("partido parti partito partei partia".split(), "party"),
    **dict.fromkeys("ayuntamiento comune mairie gemeinde".split(), "council"),
    "cancillería": "ministry", "fiscalía": "office", "zoo": "zoo",
}
# Nouns "the company said" uses for a firm whose own name need not hold them ("Halliburton").
_FIRM_HEADS = frozenset({"company", "firm", "group", "label", "carrier", "airline", "bank", "newspaper", "daily"})
FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "madame", "mme", "mrs.", "ms.", "lady", "spokeswoman", "chairwoman"})
MALE_TITLES = frozenset({"mr", "mr.", "sir", "monsieur", "m.", "spokesman", "chairman"})
_MALE_A_NAMES = frozenset({"nikita", "ilya", "luca", "andrea", "joshua", "sasha", "misha", "kostya", "foma", "jona",
                           "zakaria", "zakariya", "ilia", "elia", "tobia", "mattia", "jeremia", "isaia"})
_FEMALE_ENDING = re.compile(r"(?:ia|ina|iya|lya|ssa|tte)$")
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
# First names that tell a man, in the languages news is translated from; names given to women too
# elsewhere (Jean, Andrea, Kim, Alex, Chris, Sasha) are not here.
_MALE_NAMES = frozenset("""
john james robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark
donald steven steve paul andrew joshua kenneth kevin brian george timothy tim ronald edward jason jeffrey ryan
jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin ben frank gregory raymond samuel
patrick jack dennis jerry tyler aaron henry douglas peter adam nathan zachary walter harold kyle carl arthur
gerald roger keith jeremy lawrence sean christian albert joe ethan austin willie jesse billy bruce bryan ralph
roy eugene russell bobby louis philip phil johnny bill mike jim tom bob dave dan harry barack vladimir dmitry
dmitri sergei sergey alexei alexey ivan igor oleg nikolai mikhail yuri boris viktor andrei pavel ilham nikol
recep emmanuel nicolas francois françois pierre jacques michel philippe jean-luc jean-claude jean-pierre
juan carlos jose josé luis miguel pedro manuel antonio francisco javier jorge fernando pablo sergio diego
giuseppe giovanni marco francesco roberto stefano matteo mario paolo silvio hans klaus wolfgang jurgen jürgen
helmut gerhard olaf frank-walter karl heinz dieter jan pieter willem mohammed muhammad ahmed ali hassan hussein
omar khalid abdullah mahmoud mustafa ibrahim yusuf tayyip shinzo narendra
""".split())
# First names that tell a woman; "ends in -a" alone would make Musa, Mustafa and Hamza women.
_FEMALE_NAMES = frozenset({
    "maria", "anna", "elena", "olga", "irina", "natalia", "natalya", "tatiana", "tatyana", "svetlana", "yulia",
    "ekaterina", "anastasia", "valentina", "lyudmila", "marina", "oksana", "angela", "hillary", "ursula",
    "kamala", "nancy", "theresa", "teresa", "marine", "kaja", "annalena", "giorgia", "sanna", "liz", "jacinda",
    "christine", "federica", "sarah", "mary", "elizabeth", "catherine", "emma", "laura", "julia", "sophie",
    "helen", "linda", "susan", "karen", "lisa", "nicola", "samantha", "victoria", "zuzana", "beata", "ewa",
    "agnieszka", "jana", "eva", "lena", "hanna", "hannah", "sandra", "nadia", "fatima", "aisha", "leila",
    "layla", "mariam", "maryam", "nino", "zarina", "gulnara", "dilnoza", "lilit", "anahit", "gohar", "irena",
    "alla", "vera", "nadezhda", "galina", "larisa", "alina", "daria", "darya", "sofia", "ana", "ines", "carmen",
    "sonya", "sonia", "jennifer", "jessica", "michelle", "amy", "melissa", "stephanie", "rebecca", "deborah",
    "rachel", "kristi", "kathleen", "patricia", "barbara", "margaret", "dorothy", "betty", "donna", "carol",
    "ruth", "kimberly", "emily", "ashley", "megan", "heather", "nicole", "joan", "judith", "janet", "anne",
    "alice", "diane", "lucille", "madeleine", "condoleezza", "sheila", "angelina",
})
_FEMALE_SURNAME = re.compile(r"(?:ova|eva|yova|ina|aya|skaya|tskaya|ová|ská)$", re.IGNORECASE)
_MALE_SURNAME = re.compile(r"(?:ov|ev|yov|in|sky|skiy|skii|ski|vich)$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…]+[\"”»’]?\s+(?=[\"“«A-ZА-Я0-9])|\n+")
_DETS = re.compile(r"^(?:the|a|an|this|that|these|those)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|ean|an|ese|ish|i|ic|ch)$")


@lru_cache(maxsize=4096)
def clean_name(text: str) -> str:
    """A name as a speaker: no article in front, no possessive behind, one space between words."""
    text = " ".join(re.sub(r"[\"“”«»„]", "", text).split()).strip(" ,;:-–—'")
    text = _DETS.sub("", text)
    return _POSSESSIVE.sub("", text).strip()


def _stem(word: str) -> str:
    """A surname without its case ending where the script inflects names (Пескова, Пескову → Песков)."""
    word = word.casefold()
    if re.search(r"[а-яё]", word):
        return re.sub(r"(?:ому|ему|ой|ым|им|ом|ем|ую|а|у|е|ы|и|я|ю)$", "", word) if len(word) > 4 else word
    return word


def gender_of(name: str, context: str = "") -> str | None:
    """'f', 'm' or None from the name's shape and titles: only where the name tells."""
    words = [w.strip(".,").lower() for w in (context + " " + name).split()]
    if any(w in FEMALE_TITLES for w in words):
        return "f"
    if any(w in MALE_TITLES for w in words):
        return "m"
    parts = clean_name(name).split()
    if not parts:
        return None
    last = parts[-1]
    # a first name that tells comes before a surname's ending ("Sonya Zoghlin" is no "-in" man)
    if len(parts) >= 2 and parts[0].lower() in _FEMALE_NAMES:
        return "f"
    if len(parts) >= 2 and parts[0].lower() in _MALE_NAMES:
        return "m"
    if len(parts) >= 2 or len(last) > 5:
        if _FEMALE_SURNAME.search(last):
            return "f"
        if _MALE_SURNAME.search(last):
            return "m"
    if len(parts) >= 2:
        first = parts[0].lower()
        if first in _FEMALE_NAMES or (_FEMALE_ENDING.search(first) and first not in _MALE_A_NAMES):
            return "f"
        if first in _MALE_NAMES:
            return "m"
    return None


@dataclass
class Candidate:
    """Someone who may be referred back to: a resolved speaker or a person in subject position."""

    at: int
    name: str
    type: str
    gender: str | None = None


@dataclass
class Speakers:
    """Per-article index of the mentions and of who has been referred to so far."""

    text: str
    mentions: list[Mention]
    entities: list[Entity] | None = None
    history: list[Candidate] = field(default_factory=list)
    quoted: list[tuple[int, int]] = field(default_factory=list)  # direct quotes: names inside are not referents
    unlikely: set[int] = field(default_factory=set)  # starts of person mentions that stand where places do
    unnamed: list[int] = field(default_factory=list)  # where a person the text does not name spoke
    # starts of person mentions that are the subject of their sentence's main verb, not of a clause in it
    main_subjects: set[int] = field(default_factory=set)
    pronoun_subjects: list[tuple[int, str]] = field(default_factory=list)  # "He was arrested": (at, gender)

    def __post_init__(self) -> None:
        self.mentions = sorted(self.mentions, key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self.mentions]
        self._sentence_ends = [m.start() for m in _SENTENCE_END.finditer(self.text)]
        self._entity_of: dict[tuple[int, int], Entity] = {}
        for entity in self.entities or []:
            for m in entity.mentions:
                self._entity_of[(m.start, m.end)] = entity

    # --- mentions -------------------------------------------------------------------------
    @cached_property
    def surnames(self) -> dict[str, str]:
        """The last word of each person's full name in this article, and that name, where only one
        person has it and no other name of the article holds it ("Ford Taurus" typed a person would
        make every Ford the car's)."""
        names: dict[str, set[str]] = {}
        for m in self.mentions:
            words = clean_name(m.text).split()
            if m.type in PERSON_TYPES and len(words) >= 2 and len(words[-1]) >= 3 and words[-1][:1].isupper():
                names.setdefault(words[-1], set()).add(self.full_name(m))
        elsewhere = {w for m in self.mentions for w in clean_name(m.text).split()[:-1]}
        return {w: next(iter(full)) for w, full in names.items() if len(full) == 1 and w not in elsewhere}

    def overlapping(self, start: int, end: int, types: frozenset[str] | None = None) -> list[Mention]:
        i = bisect_left(self._starts, start - 200)
        out = []
        for m in self.mentions[i:]:
            if m.start >= end:
                break
            if m.end > start and (types is None or m.type in types):
                out.append(m)
        return out

    def full_name(self, mention: Mention) -> str:
        """The most complete way this article writes the mention's entity."""
        base = clean_name(mention.text)
        entity = self._entity_of.get((mention.start, mention.end))
        if entity is not None and (entity.type in PERSON_TYPES or mention.type not in PERSON_TYPES):
            here = [clean_name(m.text) for m in entity.mentions if m.source == mention.source] or [base]
            return max(here, key=lambda t: (len(t.split()), len(t)))
        if mention.type not in PERSON_TYPES:
            return base
        words = base.split()
        if len(words) > 1 or not words:
            return base
        # "Aliyev": the fuller name with that surname nearest before (Ilham, not Heydar, when both
        # are named), else the nearest after
        last = _stem(words[-1])
        fuller = [m for m in self.mentions if m.type in PERSON_TYPES and len(clean_name(m.text).split()) > 1
                  and _stem(clean_name(m.text).split()[-1]) == last]
        if not fuller:
            return base
        if len({clean_name(m.text) for m in fuller}) > 1:
            # "He is survived by his wife, Dianne Brock Stern": a relative the text names in full
            # is not whom the bare surname means where it names another bearer too
            unrelated = [m for m in fuller if not KIN_BEFORE.search(self.text, max(0, m.start - 30), m.start)]
            fuller = unrelated or fuller
        before = [m for m in fuller if m.start < mention.start]
        pick = max(before, key=lambda m: m.start) if before else min(fuller, key=lambda m: m.start)
        return clean_name(pick.text)

    def role_text(self, mention: Mention, role_only: bool = False) -> str:
        """The mention's role plus its title and apposition: the evidence a description is matched on.

        The words just before the name back to a comma or sentence break ("retired Lieutenant
        General", "the press secretary of the Russian leader") and the apposition after it (", a
        former US ambassador,"), never the whole sentence: that would carry a neighbour's title. Where
        no parse tells a title from the words before it (`role_only`), the role the rules read alone:
        the words before a name may be another's ("la portavoz del ministro Juan Pérez" is his
        spokeswoman; "prezes TVP opublikował … list, który napisał do Andrzeja Dudy" no president of TVP).
        """
        if role_only:
            return (mention.role or "").casefold()
        lo = max(mention.start - 90, 0)
        cut = max(self.text.rfind(ch, lo, mention.start) for ch in ".;:\n(—")
        lo = max(lo, cut + 1)
        earlier = [m for m in self.overlapping(lo, mention.start, PERSON_TYPES) if m.end <= mention.start]
        if earlier:
            lo = max(lo, earlier[-1].end)
        pre = self.text[lo:mention.start]
        post = ""
        rest = self.text[mention.end:mention.end + 160]
        if rest.startswith(","):
            stop = [i for i in (rest.find(",", 1), rest.find(".", 1), rest.find(")", 1), rest.find("\n", 1)) if i > 0]
            post = rest[1:min(stop) if stop else len(rest)]
        return f"{mention.role or ''} {pre} {post}".casefold()

    # --- history --------------------------------------------------------------------------
    def remember(self, at: int, name: str | None, type_: str, context: str = "", unnamed: bool = False) -> None:
        if unnamed and context and context.strip().casefold() not in PRONOUN_GENDER:
            self.unnamed.append(at)  # "A rebel spokesman in Misrata said": the next "he" may be him
        if name:
            # a speaker the text calls "he" or "she" is that, whatever the name tells
            said = PRONOUN_GENDER.get(context.strip().casefold())
            self.history.append(Candidate(at, name, type_, said or gender_of(name, context)))

    def _recent(self, before: int, types: frozenset[str]) -> list[Candidate]:
        cands = [c for c in self.history if c.at < before and c.type in types]
        return sorted(cands, key=lambda c: -c.at)

    def pronoun(self, word: str, at: int, subjects: list[tuple[int, Mention]], depth: int = 0) -> str | None:
        """he/she/him/her at `at`: a person of the nearest earlier sentence that names one of that
        gender (or of unknown gender); in that sentence a speaker or subject before other persons."""
        want = PRONOUN_GENDER.get(word.casefold())
        if want is None:
            return self._org_pronoun(at) if word.casefold() in ("it", "they", "its", "their") else None
        # a subject is given by its head word ("Zoghlin" of "Sonya A. Zoghlin"): a mention is
        # preferred when a subject's word falls inside it
        subject_at = sorted({pos for pos, _ in subjects})
        history_at = {c.at for c in self.history}
        known = {m.start for m in self.mentions if m.type in PERSON_TYPES}
        extra = [m for _, m in subjects if m.start not in known]  # surnames the tagger missed, in subject position
        cands: list[tuple[int, bool, int, str]] = []  # (sentence, preferred, position, name)
        called = {c.name: c.gender for c in self.history if c.at < at and c.gender}  # "he said" before
        for m in [*self.mentions, *extra]:
            if m.type in PERSON_TYPES and m.end <= at and not self._quoted(m.start) and m.start not in self.unlikely:
                name = self.full_name(m)
                if called.get(name, gender_of(name, self.text[max(0, m.start - 12):m.start])) in (None, want):
                    preferred = m.start in history_at or self._holds_any(subject_at, m.start, m.end)
                    # the sentence of its last word: "Sonya A. Zoghlin" is not cut at "A."
                    cands.append((self.sentence_of(m.end - 1), preferred, m.start, name))
        for c in self.history:
            if c.at < at and c.type in PERSON_TYPES and c.gender in (None, want):
                cands.append((self.sentence_of(c.at), True, c.at, c.name))
        if not cands:
            return None
        nearest = max(c[0] for c in cands)
        last = max(c[2] for c in cands if c[0] == nearest)
        if self._sentences_beyond(last, at, 4):
            return None
        if any(last < u < at and self.sentence_of(u) > nearest for u in self.unnamed):
            return None  # someone unnamed spoke since the last name: "he" is more likely them
        # the sentence's own subject before one of a clause in it: "Figgins declined to address whether
        # Thomas slept on the night Epstein died. “…,” he said" is Figgins
        best = max((c for c in cands if c[0] == nearest), key=lambda c: (c[1], c[2] in self.main_subjects, c[2]))
        if (not best[1] or best[2] not in self.main_subjects) and depth < 2:
            # "He was arrested for the call to the offices of Omar. ... he said": the "he" of that
            # sentence is its subject, and the one this "he" goes on with, not the name it mentions
            # nor a clause's subject after it ("he predicted more bloodshed if Gadhafi steps aside")
            chain = [pos for pos, gender in self.pronoun_subjects
                     if gender == want and pos < at and self.sentence_of(pos) == nearest and pos < best[2]]
            if chain:
                return self.pronoun(word, chain[0], subjects, depth + 1)
        return best[3]

    def sentence_of(self, pos: int) -> int:
        return bisect_left(self._sentence_ends, pos)

    def _sentences_beyond(self, start: int, end: int, limit: int) -> bool:
        """More than `limit` sentence breaks from `start` to `end`, counting none inside a direct
        quote (``Panic. No help. No police.'' is one quote, not three sentences between a name and
        the "he said" after it). Stops at the limit: the name may lie far back in a long article."""
        count = 0
        for pos in self._sentence_ends[bisect_left(self._sentence_ends, start):bisect_left(self._sentence_ends, end)]:
            count += not self._quoted(pos)
            if count > limit:
                return True
        return False

    @staticmethod
    def _holds_any(positions: list[int], start: int, end: int) -> bool:
        i = bisect_left(positions, start)
        return i < len(positions) and positions[i] < end

    def _quoted(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.quoted)

    def _org_pronoun(self, at: int) -> str | None:
        for c in self._recent(at, ORG_TYPES):
            if at - c.at < 600:
                return c.name
        return None

    def description(self, phrase: str, head: str, at: int, fallback: bool = True, role_only: bool = False
                    ) -> str | None:
        """'the Russian expert', 'the spokesperson', 'the ministry' at `at`: who they stand for (by the
        roles alone where `role_only`: `role_text`)."""
        head = head.casefold()
        words = [w for w in re.findall(r"[\w'’-]+", phrase.casefold()) if w not in ("the", "a", "an", head)]
        if head in ORG_NOUNS or head in FOREIGN_ORG_NOUNS:
            return self._org_description(words, head, at)
        if head in _ACCUSED_HEADS:
            accused = self._accused(at)
            if accused:
                return accused
        synonyms = ROLE_SYNONYMS.get(head) or _foreign_title(head)
        stems = [w[:6] for w in words if len(w) > 2]
        # "the Turkish president" is not the Armenian one: a nationality in the phrase must be in the role
        demonyms = [w.casefold()[:5] for w in re.findall(r"\b[A-Z][a-z]+\b", phrase) if _DEMONYM.match(w)
                    and w.casefold() != head]
        # ... and so must a country that owns it ("Mexico 's environment minister": Mexican)
        demonyms += [w.casefold()[:5] for w in re.findall(r"\b([A-Z][a-z]{3,})\s?['’]s\b", phrase) if country_code(w)]
        best: tuple[int, int, str] | None = None
        for m in self.mentions:
            if m.type not in PERSON_TYPES or m.start >= at:
                continue
            role = self.role_text(m, role_only)
            if demonyms and not any(d in role for d in demonyms):
                continue
            titled = any(s in role for s in synonyms)
            score = 2 * titled + sum(w in role for w in stems)
            # A specific title must match ("a spokesman for the ministry" is not its minister); a
            # generic one ("the head of the Foreign Ministry") may match on its complement alone.
            if (titled or head in _GENERIC_HEADS) and score >= 2 and (best is None or (score, m.start) > best[:2]):
                best = (score, m.start, self.full_name(m))
        if best is not None:
            return best[2]
        for m in self.mentions:  # "…, the Russian military expert said." with the name in the next sentence
            if m.type in PERSON_TYPES and at <= m.start < at + 400 and any(
                    s in self.role_text(m, role_only) for s in synonyms):
                return self.full_name(m)
        if not fallback or head not in _VAGUE_HEADS:
            return None  # "a spokesman": someone not named before
        recent = self._recent(at, PERSON_TYPES)
        return recent[0].name if recent and at - recent[0].at < 1500 else None

    def _accused(self, at: int) -> str | None:
        """The nearest person before `at` printed as the object of a sentence, charge or arrest."""
        best = None
        for m in self.mentions:
            if m.type not in PERSON_TYPES or m.start >= at:
                continue
            lo = max(self.text.rfind(". ", 0, m.start) + 1, self.text.rfind("\n", 0, m.start) + 1, m.start - 120)
            if _PROSECUTED.search(self.text[lo:m.start]):
                best = m
        return self.full_name(best) if best is not None else None

    def represented(self, head: str, at: int) -> str | None:
        """The body an unnamed spokesperson was introduced for ("A spokesperson for Nortex Holding,
        ...", then "the spokesperson said"): the nearest such introduction before `at`."""
        words = "|".join(re.escape(w) for w in ROLE_SYNONYMS.get(head, (head,)) if w in _ENVOY_WORDS)
        if not words:
            return None
        intro = re.compile(rf"\b(?:an?|one)\s+(?:[\w-]+\s+)?(?:{words})\s+(?:for|of|at|from)\s+(?:the\s+)?", re.I)
        best = None
        for hit in intro.finditer(self.text, max(0, at - 800), at):
            for m in self.overlapping(hit.end(), hit.end() + 1, ORG_TYPES):
                if m.start == hit.end():
                    best = clean_name(m.text)
        return best

    def _org_description(self, words: list[str], head: str, at: int) -> str | None:
        """'the ministry': the nearest earlier body whose name has that noun (and the phrase's
        other words, as in 'the Armenian ministry'), a speaker or a mention alike."""
        english = FOREIGN_ORG_NOUNS.get(head, head)

        def fits(name: str) -> bool:
            low = name.casefold()
            # "the production company" is Dick Clark Productions: a firm's noun may be left out of its name
            given = [w for w in words if w[:1].isalpha() and len(w) > 2]
            return (head in low or english in low or (english in _FIRM_HEADS and bool(given))) and all(
                w in low for w in given)
        cands = [(c.at, c.name) for c in self.history if c.at < at and c.type in ORG_TYPES and fits(c.name)]
        cands += [(m.start, clean_name(m.text)) for m in self.mentions
                  if m.type in ORG_TYPES and m.start < at and fits(m.text)]
        if not cands and english in _FIRM_HEADS and not words:
            # "the company said in a statement": the body that spoke last, when its name lacks the noun
            # (or the model typed it a place: "Halliburton")
            cands = [(c.at, c.name) for c in self.history
                     if c.type in ORG_TYPES | PLACE_TYPES and 0 < at - c.at < 1000]
            if not cands and english not in ("newspaper", "daily"):
                # else the body named last, close before ("... accused Big Machine of ..."), but not
                # a medium the company spoke to ("told the BBC")
                from storyline.clean.media import load_media

                media = load_media(None).canonical
                cands = [(m.start, clean_name(m.text)) for m in self.mentions
                         if m.type in ORG_TYPES and 0 < at - m.start < 400 and not self._quoted(m.start)
                         and clean_name(m.text) not in media]
        return max(cands)[1] if cands else None


def _foreign_title(head: str) -> tuple[str, ...]:
    """A title word as a role may print it in the other gender: a German feminine's "-in" ("Kanzlerin"
    is a "Bundeskanzler"'s office), a Romance noun's last vowel ("la ministra", "el ministro")."""
    if head.endswith("in") and len(head) > 6:
        return head, head[:-2]
    if head[-1:] in "aoe" and len(head) > 5:
        return head, head[:-1]
    return (head,)
