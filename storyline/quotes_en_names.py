"""Who a speech verb's subject is, in English: the naming half of `quotes_en`.

The subject of the verb that attributes a quote (or the agent, the person quoted "as saying", the
name a parenthetical "said" stands before) is named in the order a reader resolves it: a person
named there or in apposition; a pronoun, resolved in `quotes_speakers` or, for "it" and "they",
to the body the sentence opens with or the one before it does; a description ("the company",
"the minister", "the father") resolved to whom it stands for; a body; a proper noun the tagger
missed. An indefinite description ("a senior official") is someone new and stays unnamed.
"""

from __future__ import annotations

import re
from typing import Any

from storyline.entities.countries import country_code
from storyline.model import Mention
from storyline.quotes_reported import DEMONSTRATIVE, PRONOUNS, QUOTED, SUBJ, is_speech_verb
from storyline.quotes_speakers import (
    ORG_NOUNS,
    ORG_TYPES,
    PERSON_TYPES,
    PLACE_TYPES,
    ROLE_SYNONYMS,
    Speakers,
    clean_name,
)

# Capitalised words of bodies and titles, which a person's name does not contain.
_BODY_WORDS = frozenset({
    "Ministry", "Defense", "Defence", "Foreign", "Affairs", "Office", "Department", "Council", "Committee",
    "Service", "Agency", "Kremlin", "Government", "President", "Minister", "Secretary", "Federation", "Republic",
    "State", "Duma", "Army", "Forces", "Command", "Staff", "General", "Security", "Interior", "Justice", "Health",
    "Finance", "Economy", "Energy", "Administration", "Embassy", "Mission", "Union", "Party", "Bank", "Company",
    "Corporation", "Group", "Commission", "Court", "Parliament", "Assembly", "Center", "Centre", "Institute",
    "University", "News", "Press", "Prime", "Deputy", "Head", "Chief", "Director", "Chairman", "Spokesman",
    "Spokesperson", "Ambassador", "Governor", "Mayor", "Prosecutor", "Police", "Navy", "Air", "Guard", "Church",
})
# What a person writes or posts in: its participle ("a letter ... stating") speaks for its writer.
_DOCUMENTS = frozenset({"letter", "statement", "note", "message", "post", "tweet", "email", "e-mail", "memo",
                        "communique", "communiqué", "release", "video", "blog", "column", "op-ed", "speech"})
# What a paper or a body prints, spoken for by whoever printed it.
_WRITINGS = frozenset({"editorial", "editorials", "commentary", "article", "report", "statement", "communique",
                       "communiqué", "column", "letter", "release", "study", "survey", "poll", "analysis",
                       "proclamation", "declaration", "decree", "speech", "remarks", "tweet", "memo"})
# Verbs whose object is a writing of the subject's own ("issued a statement").
_ISSUE = frozenset({"issue", "release", "send", "publish", "post", "write", "sign", "put", "share", "circulate"})
# "a man who gave his name only as Sami", "a woman identified only as Maria", "a man named Joe Ruiz"
_NAMED_AS = re.compile(r"\b(?:(?:gave|giving|give)\s+(?:only\s+)?(?:his|her|their)\s+(?:first\s+|last\s+)?names?\s+"
                       r"(?:only\s+)?as|identified\s+(?:himself\s+|herself\s+)?(?:only\s+)?as|named)\s+"
                       r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")
# What words are shown on, which names no speaker ("a sign reads").
_SHOWN_ON = frozenset({"sign", "signs", "banner", "banners", "placard", "placards", "poster", "posters", "graffiti"})
# Titles before a surname that reads as a pronoun ("Ms. He said", of He Xintong).
_HONORIFICS = frozenset({"mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "madame", "mme"})
_DEMONYM_WORD = re.compile(r"^[A-Z][a-z]+(?:ian|ean|ese|ish|ic|ch)$")
# Determiners of someone not named before ("a senior official", "another official").
_INDEFINITE = frozenset({"a", "an", "another"})


class EnglishNames:
    """Naming a speech verb's speaker over one parsed article; `quotes_en._English` mixes it in."""

    text: str
    doc: Any
    sp: Speakers
    in_quote: list[int]
    subjects: list[tuple[int, Mention]]

    def subjects_of(self, verb: Any) -> list[Any]:
        if verb.lower_ in QUOTED and any(t.lower_ == "saying" for t in verb.subtree):
            # "Mordechai's office quoted him Sunday as saying": the one quoted speaks
            said = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ not in DEMONSTRATIVE]
            if said:
                return said
        agents = self._agents(verb) if is_speech_verb(verb) else []
        subj = [c for c in verb.children if c.dep_ in SUBJ and self.in_quote[c.i] < 0]
        if agents and (not subj or subj[0].lower_ in DEMONSTRATIVE):
            return agents  # "This was stated by X", "… was announced by X"
        after = self._person_right_after(verb)
        if subj and after is not None and subj[0].pos_ == "NOUN" and subj[0].lower_ not in ROLE_SYNONYMS \
                and subj[0].lower_ not in ORG_NOUNS:
            return [after]  # "The impeachment, said Rep. Tom DeLay, R-Texas, was “…”": the name after "said"
        if subj:
            # two subjects in the parse ("An acerbic critic of ..., Sharon attacked"; "Whitey MacDonald,
            # chairperson of Local 1520, Canadian Auto Workers union said"): a name first, the nearer first
            return sorted(subj, key=lambda t: (t.pos_ != "PROPN", abs(t.i - verb.i)))
        quoted = verb.head.head if verb.head.lower_ == "as" else verb.head
        if verb.lower_ == "saying" and quoted.lower_ in QUOTED:
            # "X was quoted by TASS as saying", "Reuters quoted X as saying"
            head = quoted
            said = [c for c in head.children if c.dep_ in ("nsubjpass", "dobj") and c.lower_ not in DEMONSTRATIVE]
            if said:
                return said
        if verb.dep_ in ("conj", "advcl", "xcomp", "acl") and verb.head.i != verb.i:
            head = verb.head
            if verb.dep_ == "acl" and head.lower_ in _DOCUMENTS and head.dep_ == "pobj":
                # "Jobs resigned in a letter to the board stating, “…”": the letter's writer
                clause = head.head.head
                if clause.pos_ in ("VERB", "AUX"):
                    return [c for c in clause.children if c.dep_ in SUBJ and self.in_quote[c.i] < 0] or [head]
            if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
                return [head]
            if verb.dep_ in ("conj", "xcomp"):
                return self.subjects_of(head)
            # "was announced by X, emphasizing that …": the participle's speaker is the agent
            agents = [g for c in head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            return agents or self.subjects_of(head)
        # "…," said the minister: spaCy may take the inverted subject for an object
        # ... never after "told": its object is the one told ("X ... told CNN iReport that ...")
        inverted = [c for c in verb.children if c.dep_ in ("dobj", "attr", "npadvmod") and c.i > verb.i
                    and verb.lower_ not in ("told", "tells", "tell", "telling")
                    and c.pos_ in ("PROPN", "NOUN") and c.lower_ not in ("television", "radio", "reporters",
                                                                          "journalists")
                    and c.ent_type_ not in ("DATE", "TIME")]  # "… said Friday"
        # "… said in the ministry" (Russian «сказали в министерстве»)
        bodies = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
                  for g in c.children if g.dep_ == "pobj" and g.lower_ in ORG_NOUNS]
        return inverted or bodies or self._person_left_of(verb)

    def _person_right_after(self, verb: Any) -> Any:
        """The root of a person's name printed right after the verb, in a parenthesis (", said Rep.
        Tom DeLay,")."""
        if not self._comma_before(verb.idx):
            return None
        end = verb.idx + len(verb.text)
        rest = self.text[end:end + 3]
        start = end + len(rest) - len(rest.lstrip())
        for m in self.sp.overlapping(start, start + 12, PERSON_TYPES):
            # only titles between ("said Rep. Tom DeLay"), and a comma after: a parenthesis
            if re.fullmatch(r"(?:[A-Z][\w.]*\s+)*", self.text[start:m.start]) and self.text[m.end:m.end + 1] == ",":
                span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                return span.root if span is not None else None
        return None

    def _comma_before(self, pos: int) -> bool:
        """A comma is the last mark before `pos` (a bounded look back: this runs per verb and name)."""
        return self.text[max(0, pos - 40):pos].rstrip().endswith(",")

    def _agents(self, verb: Any) -> list[Any]:
        return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]

    def _person_left_of(self, verb: Any) -> list[Any]:
        """A parse that lost the subject ("In an interview with X, the mayor, Tomas Berg, said"):
        the person named closest before the verb in its sentence."""
        sent = verb.sent
        persons = [m for m in self.sp.overlapping(sent.start_char, verb.idx, PERSON_TYPES)
                   if m.start >= sent.start_char and m.end <= verb.idx and not self.sp._quoted(m.start)]
        if not persons:
            return []
        span = self.doc.char_span(persons[-1].start, persons[-1].end, alignment_mode="expand")
        return [span.root] if span is not None else []

    def name(self, heads: list[Any], at: int) -> tuple[str | None, str | None, str]:
        """(speaker_text, speaker, type) for the subject tokens of a speech verb."""
        heads = [h for h in heads if h.pos_ != "PUNCT"]
        if not heads:
            return None, None, ""
        low = {h.lower_ for h in heads}
        if "diplomacy" in low:  # French "la diplomatie russe": the foreign ministry
            adj = [t for h in heads for t in h.subtree
                   if t.lower_ != "diplomacy" and re.match(r"^[A-Z][a-z]+$", t.text)]
            if adj:
                name = f"{adj[0].text} Foreign Ministry"
                return " ".join(h.text for h in sorted(heads, key=lambda t: t.i)), name, "ORG"
        head = heads[0]
        if head.lower_ in ("one", "another", "two", "some"):
            # "said one of Anwar's lawyers, Pawancheek Marican": the noun the number picks from
            head = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj"), head)
        if head.lower_ in _WRITINGS:
            # "said an editorial Saturday in the Greek daily Eleftherotypia": who printed it
            printed = [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "from", "by", "of")
                       for g in c.children if g.dep_ == "pobj"]
            if not printed:  # the parse may hang "in ..." on the verb
                printed = [g for c in head.head.children if c.dep_ == "prep" and c.lower_ in ("in", "from")
                           and c.i > head.i for g in c.children if g.dep_ == "pobj"]
            owner = [c for c in head.children if c.dep_ == "poss"]
            if owner and not printed:  # "His official proclamation mentions ``…''": his
                low = owner[0].lower_
                said = ((low, self.sp.pronoun(low, owner[0].idx, self.subjects), "PERSON") if low in ("his", "her")
                        else self.name(owner[:1], at))
                if said[1]:
                    return self._phrase(head), said[1], said[2]
            if printed:
                said = self.name(printed[:1], at)
                if said[1]:
                    return " ".join(self.text[head.idx:printed[0].idx + len(printed[0].text)].split()), said[1], \
                        said[2]
            elif any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children):
                issuer = self._issuer(head)  # "the statement read": whoever was said to issue it
                if issuer[1]:
                    return self._phrase(head), issuer[1], issuer[2]
        if head.lower_ in PRONOUNS and head.i > 0 and head.text[:1].isupper() \
                and head.nbor(-1).lower_ in _HONORIFICS:
            # "Ms. He said": a surname, of the person named with it before (He Xintong)
            return f"{head.nbor(-1).text} {head.text}", self._bearer(head.text, head.idx) or head.text, "PERSON"
        if head.lower_ in _SHOWN_ON:
            return self._phrase(head), None, ""  # "a sign in a front yard near Grand Isle" is no one
        relative = head.lower_ in ("who", "which", "that") and head.head.dep_ == "relcl"
        if relative:
            head = head.head.head
        phrase = self._phrase(head)
        if head.lower_ in PRONOUNS:
            told, name = self._body_subject_before(head) if head.lower_ in ("it", "they") else (False, None)
            if not told:
                name = self.sp.pronoun(head.lower_, head.idx, self.subjects)
            type_ = "ORG" if head.lower_ in ("it", "they", "them") else "PERSON"
            return head.text, name, type_
        lo, hi = self._extent(head)
        persons = [m for m in self.sp.overlapping(lo, hi, PERSON_TYPES) if not self._possessive(m)]
        orgs = self.sp.overlapping(head.idx, head.idx + len(head.text), ORG_TYPES)
        on_head = [m for m in persons if m.start <= head.idx < m.end]
        if on_head:
            return phrase, self.sp.full_name(on_head[0]), "PERSON"
        if head.pos_ == "PROPN" and head.text[:1].isupper():
            # "An acerbic critic of ..., Yitzhak Rabin, Sharon attacked": the subject's own name
            # (a surname the model did not tag here) before a name in apposition to it
            own = self._by_surname(self._np(head, propn_only=True))
            if own:
                return phrase, own, "PERSON"
        appos = ([m for m in persons if self._via_appos(m, head)] or self._appos_after(hi)
                 or (self._appos_of(head) if relative else []))
        if appos:
            return phrase, self.sp.full_name(appos[0]), "PERSON"
        # a capitalised word inside the sentence that the tagger took for a common noun ("Suttles said")
        named_word = head.pos_ == "PROPN" or (head.pos_ == "NOUN" and head.text[:1].isupper() and
                                              head.i != head.sent.start and head.lower_ not in ROLE_SYNONYMS
                                              and head.lower_ not in ORG_NOUNS)
        if named_word:  # a surname the tagger took for a body or a noun: the person named so earlier
            person = self._by_surname(self._np(head, propn_only=True))
            if person:
                return phrase, person, "PERSON"
        noun = head.lower_
        if noun in ("source", "sources", "interlocutor"):
            return phrase, None, "PERSON"  # an unnamed source stays unnamed
        if head.pos_ == "NOUN" and not persons:
            # "the representative of the Ministry of Defense Ivan Orlov", the name glued to a body by the tagger
            trailing = self._trailing_name(head)
            if trailing and any(clean_name(m.text) == trailing for m in self.sp.overlapping(lo, hi, ORG_TYPES)):
                return phrase, trailing, "ORG"  # "A statement from Apple Computer": the body's name
            if trailing:
                return phrase, self._by_surname(trailing) or trailing, "PERSON"
        determiners = {c.lower_ for c in head.children if c.dep_ == "det"}
        called = _NAMED_AS.search(phrase) if head.pos_ == "NOUN" and noun not in ORG_NOUNS else None
        if called:  # "said a young man who gave his name only as Sami": the name he gave
            return phrase, called.group(1), "PERSON"
        if noun in ROLE_SYNONYMS or (head.pos_ == "NOUN" and persons):
            definite = any(c.dep_ in ("det", "poss") and c.lower_ not in _INDEFINITE | {"one"} for c in head.children)
            # "said a senior White House official who spoke on condition of anonymity": someone new
            named = None if determiners & _INDEFINITE else self.sp.description(phrase, noun, at, fallback=definite)
            if persons and (named is None or named not in {self.sp.full_name(m) for m in persons}):
                named = self.sp.full_name(persons[-1])
            if named is None:  # "a spokesman for the Foreign Ministry": the body speaks
                # ... but "a rebel spokesman in Misrata" speaks for no body called Misrata
                bodies = [b for b in self.sp.overlapping(lo, hi, ORG_TYPES)
                          if not re.search(r"\b(?:in|near)\s+(?:the\s+)?$", self.text[max(lo, b.start - 12):b.start])]
                if bodies:
                    return phrase, clean_name(bodies[-1].text), "ORG"
                if definite:  # "the spokesperson" after "A spokesperson for Nortex Holding ...": that body
                    body = self.sp.represented(noun, at)
                    if body:
                        return phrase, body, "ORG"
            return phrase, named, "PERSON"
        if orgs:
            return phrase, clean_name(orgs[0].text), "ORG"
        if noun in ORG_NOUNS or head.lower_ == "kremlin":
            named = self.sp.description(phrase, noun, at) if not head.text[:1].isupper() else None
            # "The company that runs the AMAs, Dick Clark Productions": the body in apposition
            beside = [m for m in self.sp.overlapping(lo, hi, ORG_TYPES) if m.start > head.idx and
                      (self._via_appos(m, head) or (self._comma_before(m.start)
                                                    and self.text[m.end:hi].strip() in ("", ",")))]
            named = clean_name(beside[0].text) if beside else named
            np = clean_name(self._np(head))
            # "the Russian Foreign Ministry" names a body even when the tagger missed it; "the ministry" alone does not
            # ... while "an official Syrian newspaper" names none: indefinite, and only a nationality capitalised
            indefinite = bool(determiners & (_INDEFINITE | {"one"}))
            proper = [w for w in np.split() if w[:1].isupper() and not _DEMONYM_WORD.match(w)]
            named = named or (np if not indefinite and (proper or len(np.split()) > 1) else None)
            owner = [c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"
                     and self.sp.overlapping(c.idx, c.idx + len(c.text), PLACE_TYPES)]
            if owner and not named:  # "Dubai's government": the body of a named place
                lo_owner = min(t.idx for t in owner[0].subtree)
                named = " ".join(self.text[lo_owner:head.idx + len(head.text)].split())
            return phrase, named, "ORG"
        places = self.sp.overlapping(head.idx, head.idx + len(head.text), PLACE_TYPES)
        if places:
            return phrase, clean_name(places[0].text), "PLACE"
        if named_word:
            np = clean_name(self._np(head, propn_only=head.pos_ == "PROPN"))
            last = np.split()[-1] if np.split() else ""
            if last in _BODY_WORDS or last.lower() in ROLE_SYNONYMS or last.lower().endswith("secretary"):
                return phrase, None, ""  # a title alone ("Civilian Deputy Undersecretary") names no one
            return phrase, np, "PERSON"
        return phrase, None, ""

    def _issuer(self, writing: Any) -> tuple[str | None, str | None, str]:
        """Who issued "the statement" or "the letter": the subject of the nearest earlier sentence
        that issued one ("The company denied the allegations in a statement"), resolved as a
        speaker is; a sentence whose subject is a writing itself tells no issuer and is passed."""
        if any(c.dep_ in ("compound", "poss") for c in writing.children):
            return None, None, ""  # "the commission letter": whose it is, the words before it say
        for tok in reversed(self.doc[max(0, writing.i - 300):writing.sent.start]):
            if tok.lower_ != writing.lower_ or self.in_quote[tok.i] >= 0:
                continue
            # issued ("in a statement", "released a letter"), not disputed ("disputing the letter")
            if not ((tok.dep_ == "pobj" and tok.head.lower_ in ("in", "through"))
                    or (tok.dep_ == "dobj" and tok.head.lemma_ in _ISSUE)):
                continue
            root = tok.sent.root
            subjects = [t for t in root.children if t.dep_ in SUBJ and t.lower_ not in _WRITINGS]
            if subjects:
                return self.name(subjects[:1], subjects[0].idx)
        return None, None, ""

    def _bearer(self, word: str, at: int) -> str | None:
        """The fuller name, named before `at`, that has `word` for its first or last word."""
        best = None
        for m in self.sp.mentions:
            words = clean_name(m.text).split()
            if m.start < at and m.type in PERSON_TYPES and len(words) > 1 and word in (words[0], words[-1]):
                best = self.sp.full_name(m)
        return best

    def _body_subject_before(self, pronoun: Any) -> tuple[bool, str | None]:
        """'Big Machine have twice denied it. "…," they said': "it" or "they" is the organisation
        the last sentence before it (outside quotes) has for its subject, and nobody when that
        subject is someone else ("Residents were angry. "…," they said"). (False, None) where that
        sentence tells nothing (no subject, or a pronoun): the speakers before decide. In its own
        sentence, a body or a country before it ("The United States said it was “disappointed”")."""
        sent = pronoun.sent
        own = [t for t in sent if t.dep_ in SUBJ and t.i < pronoun.i and t.head.i == sent.root.i
               and self.in_quote[t.i] < 0 and t.lower_ not in PRONOUNS]
        if own:
            # the subject itself, not a place inside it ("the heads of America's tobacco companies")
            head_at = own[0].idx
            bodies = self.sp.overlapping(head_at, head_at + len(own[0].text), ORG_TYPES | PLACE_TYPES)
            if bodies:
                return True, clean_name(bodies[0].text)
            np = clean_name(self._np(own[0], propn_only=True))
            if len(np.split()) > 1 and country_code(np):  # a country the model typed a person
                return True, np
        for _ in range(3):
            if sent.start == 0:
                break
            sent = self.doc[sent.start - 1].sent
            if is_speech_verb(sent.root) and any(self.in_quote[t.i] >= 0 for t in sent):
                break  # a sentence that gives a quote its speaker: the speakers before hold it
            subj = [t for t in sent if t.dep_ in SUBJ and t.head.i == sent.root.i and self.in_quote[t.i] < 0]
            if not subj:
                continue
            if subj[0].lower_ in PRONOUNS:
                break
            if self.sp.overlapping(subj[0].idx, subj[0].idx + len(subj[0].text), PERSON_TYPES):
                # "Dr. Ana Vell of the Korven Institute and Dr. Ivo Lind of Arlow Hospital said ...
                # "…," they wrote': people, whose bodies are no speakers of theirs
                return True, None
            lo, hi = self._extent(subj[0])
            bodies = self.sp.overlapping(lo, hi, ORG_TYPES)
            if bodies:
                return True, clean_name(bodies[0].text)
            # the model tagged the body where the article first named it, not here
            np = clean_name(self._np(subj[0], propn_only=True))
            return True, np if any(m.type in ORG_TYPES and clean_name(m.text) == np for m in self.sp.mentions) else None
        return False, None

    def _appos_of(self, head: Any) -> list[Any]:
        """'Charles O'Reilly, a management expert at Stanford, who stated': the person the
        description a relative clause hangs on stands beside."""
        if head.dep_ != "appos":
            return []
        named = head.head
        return [m for m in self.sp.overlapping(named.idx, named.idx + len(named.text), PERSON_TYPES)
                if not self._possessive(m)]

    def _appos_after(self, end: int) -> list[Any]:
        """'the head of the delegation, Paul Meyer, …' when the parse hung the name elsewhere."""
        rest = self.text[end:end + 4]
        if not rest.startswith(","):
            return []
        start = end + 1 + len(rest[1:]) - len(rest[1:].lstrip())
        for m in self.sp.overlapping(start, start + 1, PERSON_TYPES):
            if m.start == start and self.text[m.end:m.end + 1] in (",", ".", ")", ""):
                return [m]
        return []

    def _by_surname(self, chain: str) -> str | None:
        """The full name of a person this article named with this surname, as a mention or a speaker."""
        last = clean_name(chain).split()[-1:]
        if not last:
            return None
        for m in self.sp.mentions:
            if m.type in PERSON_TYPES and clean_name(m.text).split()[-1:] == last:
                full = self.sp.full_name(m)
                if len(full.split()) > 1:
                    return full
        for c in self.sp.history:
            if c.type in PERSON_TYPES and c.name.split()[-1:] == last and len(c.name.split()) > 1:
                return c.name
        return None

    def _trailing_name(self, head: Any) -> str | None:
        """A first name and surname closing the subject phrase, after the body or title it follows."""
        toks = [t for t in self._own_tokens(head) if not t.is_space]
        while toks and toks[-1].is_punct:
            toks.pop()
        names: list[Any] = []
        for tok in reversed(toks):
            word = tok.text
            if tok.pos_ != "PROPN" or not word[:1].isupper() or word in _BODY_WORDS or _DEMONYM_WORD.match(word):
                break
            names.insert(0, tok)
        if 2 <= len(names) <= 3 and all(re.match(r"^[A-Z][\w'’.-]+$", t.text) for t in names):
            return " ".join(t.text for t in names)
        return None

    def _np(self, head: Any, propn_only: bool = False) -> str:
        left = head.i
        while left > 0:
            prev = self.doc[left - 1]
            if prev.head.i != head.i and prev.head.i < left - 1:
                break
            if prev.dep_ not in ("compound", "amod", "det", "nmod") or (propn_only and prev.pos_ != "PROPN"):
                break
            left -= 1
        return self.doc[left:head.i + 1].text

    def _own_tokens(self, head: Any) -> list[Any]:
        """The subject phrase's tokens outside quotes, without a relative clause's words: "fighters ,
        who do n't trust Gadhafi , believe ..." are the fighters, not Gadhafi; but "a young man who
        gave his name only as Sami" is Sami."""
        clauses = {t.i for c in head.children if c.dep_ == "relcl" and c.i > head.i
                   and not any(t.lower_ in _NAMING for t in c.subtree) for t in c.subtree}
        return [t for t in head.subtree if self.in_quote[t.i] < 0 and t.i not in clauses]

    def _extent(self, head: Any) -> tuple[int, int]:
        toks = self._own_tokens(head) or [head]
        last = toks[-1]
        return toks[0].idx, last.idx + len(last.text)

    def _phrase(self, head: Any) -> str:
        lo, hi = self._extent(head)
        lo = max(lo, self.text.rfind("\n", lo, head.idx) + 1)
        phrase = " ".join(self.text[lo:hi].split()).strip(" ,")
        return phrase if len(phrase) <= 120 else self._np(head)

    def _possessive(self, m: Any) -> bool:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        return root.dep_ == "poss" or (any(c.dep_ == "case" for c in root.children) and root.dep_ != "nsubj")

    def _via_appos(self, m: Any, head: Any) -> bool:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return False
        tok = span.root
        for _ in range(4):
            if tok.dep_ == "appos" and tok.head.i == head.i:
                return True
            if tok.dep_ not in ("appos", "compound") or tok.head.i == tok.i:
                return False
            tok = tok.head
        return False


# Words of a relative clause that gives the name of the one it describes ("who gave his name as Sami").
_NAMING = frozenset({"name", "names", "named", "identified", "identifies", "called", "calls"})
