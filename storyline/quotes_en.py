"""English direct speech from spaCy's dependency parse: who is attributed each quote.

A direct quote is attributed by the speech verb nearest to it outside the quote marks, in the
order a reader looks: right after it (`“…,” said X`, `“…,” he told AFP`), then before it
(`X said: “…”`, `X told Y that “…”`, `According to X, “…”`, `X: «…»`), then anywhere later in
its sentence; a quote with no verb of its own continues the previous quote when it follows it
closely. The speaker is named from the verb's subject: a person named there (or in apposition),
a pronoun or a description resolved in `quotes_speakers`, a body, or a proper noun the tagger
missed. Reported speech is read by the `quotes_reported` half of the same class.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from storyline.entities.countries import country_code
from storyline.model import Mention
from storyline.quotes_marks import QuoteSpan
from storyline.quotes_reported import (
    DEMONSTRATIVE,
    PRONOUNS,
    QUOTED,
    SENTENCE_END,
    SUBJ,
    WEAK,
    WORDS_OF,
    Found,
    ReportedSpeech,
    is_speech_verb,
)
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
_PLACE_PREPS = frozenset({"in", "at", "from", "near", "into", "across", "around", "outside", "inside", "towards",
                          "toward", "through"})
# What a person writes or posts in: its participle ("a letter ... stating") speaks for its writer.
_DOCUMENTS = frozenset({"letter", "statement", "note", "message", "post", "tweet", "email", "e-mail", "memo",
                        "communique", "communiqué", "release", "video", "blog", "column", "op-ed", "speech"})
# What a paper or a body prints, spoken for by whoever printed it.
_WRITINGS = frozenset({"editorial", "editorials", "commentary", "article", "report", "statement", "communique",
                       "communiqué", "column", "letter", "release"})
_DEMONYM_WORD = re.compile(r"^[A-Z][a-z]+(?:ian|ean|ese|ish|ic|ch)$")


class _English(ReportedSpeech):
    def __init__(self, text: str, doc: Any, spans: list[QuoteSpan], speakers: Speakers) -> None:
        self.text, self.doc, self.spans, self.sp = text, doc, spans, speakers
        speakers.quoted = [(s.start, s.end) for s in spans]
        self._token_starts = [t.idx for t in doc]
        self.in_quote = [-1] * len(doc)
        for k, span in enumerate(spans):
            for i in range(self._token_at(span.start), self._token_at(span.end)):
                self.in_quote[i] = k
        self.subjects = self._person_subjects()

    def _person_subjects(self) -> list[tuple[int, Any]]:
        """Persons in subject position (preferred referents of a pronoun); marks as unlikely the
        'persons' that stand where places do ("in Misrata"), a tagger's usual confusion."""
        out = []
        for m in self.sp.mentions:
            if m.type not in PERSON_TYPES:
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or self.in_quote[span.root.i] >= 0:
                continue
            root = span.root
            if root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS:
                self.sp.unlikely.add(m.start)
            dep = root.dep_ if root.dep_ not in ("appos", "compound") else root.head.dep_
            if dep in SUBJ or (dep == "pobj" and root.head.lower_ in ("to", "by") and root.head.i > 0 and \
                    self.doc[root.head.i - 1].lower_ in ("according", "by")):
                out.append((m.start, m))
        surnames = {clean_name(m.text).split()[-1] for m in self.sp.mentions if m.type in PERSON_TYPES
                    and clean_name(m.text).split()}
        covered = {m.start for m in self.sp.mentions}
        for surname in surnames:  # "Ibrahim dismissed the allegations": a surname the tagger did not tag there
            for hit in re.finditer(rf"(?<!\w){re.escape(surname)}(?!\w)", self.text):
                i = self._token_at(hit.start())
                if i >= len(self.doc) or hit.start() in covered or self.in_quote[i] >= 0:
                    continue
                tok = self.doc[i]
                if tok.idx == hit.start() and tok.dep_ in SUBJ and tok.pos_ == "PROPN":
                    out.append((tok.idx, Mention("", tok.text, tok.idx, tok.idx + len(tok.text), "PERSON")))
        return out

    # --- regions around a quote -----------------------------------------------------------------
    def _token_at(self, char: int) -> int:
        """Index of the first token starting at or after `char` (len(doc) past the end)."""
        return bisect_left(self._token_starts, char)

    def _boundary(self, tok: Any) -> bool:
        return (tok.text in SENTENCE_END or (tok.is_space and "\n" in tok.text)) and self.in_quote[tok.i] < 0

    def _after(self, k: int) -> list[Any]:
        out = []
        i = self._token_at(self.spans[k].end)
        while i < len(self.doc) and len(out) < 30:
            tok = self.doc[i]
            if self.in_quote[tok.i] >= 0 or self._boundary(tok):
                break
            out.append(tok)
            i += 1
        return out

    def _before(self, k: int) -> list[Any]:
        out: list[Any] = []
        first = self._token_at(self.spans[k].start)
        i = first - 1
        while i >= 0 and len(out) < 45:
            tok = self.doc[i]
            if self.in_quote[tok.i] >= 0 and len(self.spans[self.in_quote[tok.i]].text(self.text).split()) > 3:
                break
            if self._boundary(tok):
                break
            out.append(tok)
            i -= 1
        return out[::-1]

    def _lead_in(self, k: int) -> list[Any]:
        """The sentence that ends the previous paragraph with a colon, for a quote opening a paragraph."""
        first = self._token_at(self.spans[k].start)
        i = first - 1
        while i >= 0 and self.doc[i].is_space:
            i -= 1
        if i < 0 or i == first - 1 or self.doc[i].text != ":" or self.in_quote[i] >= 0:
            return []
        out = [self.doc[i]]
        i -= 1
        while i >= 0 and len(out) < 45 and not self._boundary(self.doc[i]) and self.in_quote[i] < 0:
            out.append(self.doc[i])
            i -= 1
        return out[::-1]

    # --- naming the speaker ---------------------------------------------------------------------
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
        inverted = [c for c in verb.children if c.dep_ in ("dobj", "attr", "npadvmod") and c.i > verb.i
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
        if not self.text[:verb.idx].rstrip().endswith(","):
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
            if printed:
                said = self.name(printed[:1], at)
                if said[1]:
                    return " ".join(self.text[head.idx:printed[0].idx + len(printed[0].text)].split()), said[1], \
                        said[2]
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
            return phrase, None, ""  # an unnamed source stays unnamed
        if head.pos_ == "NOUN" and not persons:
            # "the representative of the Ministry of Defense Ivan Orlov", the name glued to a body by the tagger
            trailing = self._trailing_name(head)
            if trailing and any(clean_name(m.text) == trailing for m in self.sp.overlapping(lo, hi, ORG_TYPES)):
                return phrase, trailing, "ORG"  # "A statement from Apple Computer": the body's name
            if trailing:
                return phrase, self._by_surname(trailing) or trailing, "PERSON"
        if noun in ROLE_SYNONYMS or (head.pos_ == "NOUN" and persons):
            definite = any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "one", "another")
                           for c in head.children)
            indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in head.children)
            # "said a senior White House official who spoke on condition of anonymity": someone new
            named = None if indefinite else self.sp.description(phrase, noun, at, fallback=definite)
            if persons and (named is None or named not in {self.sp.full_name(m) for m in persons}):
                named = self.sp.full_name(persons[-1])
            if named is None:  # "a spokesman for the Foreign Ministry": the body speaks
                bodies = self.sp.overlapping(lo, hi, ORG_TYPES)
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
                      (self._via_appos(m, head) or (self.text[:m.start].rstrip().endswith(",")
                                                    and self.text[m.end:hi].strip() in ("", ",")))]
            named = clean_name(beside[0].text) if beside else named
            np = clean_name(self._np(head))
            # "the Russian Foreign Ministry" names a body even when the tagger missed it; "the ministry" alone does not
            # ... while "an official Syrian newspaper" names none: indefinite, and only a nationality capitalised
            indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an", "one", "another") for c in head.children)
            proper = [w for w in np.split() if w[:1].isupper() and not _DEMONYM_WORD.match(w)]
            return phrase, named or (np if not indefinite and (proper or len(np.split()) > 1) else None), "ORG"
        places = self.sp.overlapping(head.idx, head.idx + len(head.text), PLACE_TYPES)
        if places:
            return phrase, clean_name(places[0].text), "PLACE"
        if named_word:
            return phrase, clean_name(self._np(head, propn_only=head.pos_ == "PROPN")), "PERSON"
        return phrase, None, ""

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
            lo, hi = self._extent(subj[0])
            bodies = self.sp.overlapping(lo, hi, ORG_TYPES)
            if bodies:
                return True, clean_name(bodies[0].text)
            # the model tagged the body where the article first named it, not here
            np = clean_name(self._np(subj[0], propn_only=True))
            named = {clean_name(m.text) for m in self.sp.mentions if m.type in ORG_TYPES}
            return True, np if np in named else None
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
        toks = [t for t in head.subtree if self.in_quote[t.i] < 0 and not t.is_space]
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

    def _extent(self, head: Any) -> tuple[int, int]:
        toks = [t for t in head.subtree if self.in_quote[t.i] < 0]
        toks = toks or [head]
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

    # --- direct quotes --------------------------------------------------------------------------
    def direct(self, k: int, prev: Found | None) -> Found | None:
        span = self.spans[k]
        quoted = span.text(self.text)
        found = Found(span.start, span.end, quoted, "direct")
        after, before = self._after(k), self._before(k)
        # the marks themselves, where the tokenizer left them outside the span (`` and '' read as ` ` and ' ')
        while before and _MARKS_ONLY.match(before[-1].text):
            before.pop()
        while after and _MARKS_ONLY.match(after[0].text):
            after.pop(0)
        if not before:
            before = self._lead_in(k)  # "Peskov told reporters:" closing the paragraph before
        verb_after = [t for t in after if is_speech_verb(t)]
        if _sentence_end(quoted) and verb_after and self._own_content(verb_after[0]):
            # '``... tragic results.'' Greece accused Turkey of ...': a new sentence, with what its
            # verb reports of its own, is no attribution of the quote before it
            verb_after = []
        verb_before = [t for t in before if (is_speech_verb(t) and t.lower_ not in WEAK) or _put_it(t)]
        short = len(quoted.split()) <= 3
        beside = self._last_word(before) if not verb_before and not short else None
        if beside is not None and is_speech_verb(beside):
            verb_before = [beside]  # "He states “…”": a weak verb reports a sentence right after it
        acc_after, acc_before = self._according(after), self._according(before)
        attr: Any = None
        if before and before[-1].text == ":" and not short and not verb_before and self._named_at_colon(before):
            return self._colon(found, before)  # "Arnold Schwarzenegger: “It will not happen here”" (a caption)
        # A quote that runs on into its sentence, with no comma, stop or dash at its end ('It said
        # Netanyahu has sent ``a clear message to those deluding themselves'' into thinking ...'):
        # a speech verb before it reports it, rather than one in the rest of that sentence.
        runs_on = not any(ch in ",.!?;:…—–-" for ch in self.text[max(span.start, span.end - 4):span.end + 3])
        if verb_after and verb_after[0].i - after[0].i <= 8 and not (runs_on and verb_before):
            attr, region = verb_after[0], after
        elif acc_after is not None and acc_after.i - after[0].i <= 8:
            attr, region = acc_after, after
        elif acc_before is not None:
            attr, region = acc_before, before
        elif verb_before:
            attr, region = verb_before[-1], before
            # "It said Netanyahu has sent “a clear message”": a phrase quoted inside what someone
            # is reported to say is that reporter's wording
            while attr.dep_ == "ccomp" and attr.head.i < attr.i and is_speech_verb(attr.head) \
                    and self.in_quote[attr.head.i] < 0 and attr.head.sent == attr.sent:
                attr = attr.head
        elif before and before[-1].text in (":", "—", "-", "–") and not short:
            return self._colon(found, before)
        elif verb_after and not _sentence_end(quoted):
            attr, region = verb_after[0], after
        if _title_of_work(quoted):
            return None
        if attr is None and (short or runs_on):
            # a phrase quoted in the clause of a verb that characterises what someone said ("she
            # described this as the “worst case scenario” and accused him of “manipulative bullying”)
            weak = [t for t in before if t.lower_ in _CHARACTERISE and t.pos_ in ("VERB", "AUX")]
            if weak:
                attr, region = weak[-1], before
        if attr is None:
            if short and not (prev is not None and span.start - prev.end < 40 and _sentence(quoted)):
                return None  # a phrase in quote marks; but ``Stupendous work.'' after a quote goes on with it
            subjects = [t for t in before if t.dep_ in SUBJ and self.in_quote[t.head.i] < 0]
            if subjects:
                # a phrase quoted in a clause of its own subject, with no speech verb: that subject's
                # wording ("Coffman called it “…”", "The committee has excoriated Mubarak for “…”")
                found.speaker_text, found.speaker, found.speaker_type = self.name(subjects[-1:], span.start)
                return found
            return self._continue(found, prev, span)
        if short and all(w[:1].isupper() for w in quoted.split()):
            return None  # a name in quote marks ("Interfax", “Minsk group”), not speech
        found.cue_start, found.cue_end = region[0].idx, region[-1].idx + len(region[-1].text)
        heads = self._according_heads(attr) if attr.lower_ == "according" else self.subjects_of(attr)
        found.speaker_text, found.speaker, found.speaker_type = self.name(heads, span.start)
        if short and found.speaker is None:
            return None  # a phrase in quote marks with no one to say it: a term, not speech
        return found

    def _own_content(self, verb: Any) -> bool:
        """The verb reports something of its own: a clause, or an object that is no audience."""
        return any(c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and c.lower_ not in _AUDIENCE)
                   or (c.dep_ == "prep" and c.lower_ == "of") for c in verb.children if self.in_quote[c.i] < 0) \
            or verb.dep_ in ("relcl", "acl")

    @staticmethod
    def _last_word(region: list[Any]) -> Any:
        """The region's last word, past a comma or colon, where it stands right before the quote."""
        words = [t for t in region if not t.is_space and t.text not in (",", ":")]
        return words[-1] if words and len(region) - region.index(words[-1]) <= 3 else None

    def _named_at_colon(self, before: list[Any]) -> list[Any]:
        """The persons named right before the colon that closes `before`."""
        colon = before[-1].idx
        return [m for m in self.sp.overlapping(before[0].idx, colon, PERSON_TYPES)
                if not self.text[m.end:colon].strip() and not self._addressed(m)]

    def _addressed(self, m: Any) -> bool:
        """The name is spoken to ("I would say to Chairman Bernanke:"), not speaking."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return False
        tok = span.root
        while tok.dep_ == "conj" and tok.head.i != tok.i:  # "to Secretary Paulson and Chairman Bernanke"
            tok = tok.head
        return tok.dep_ in ("pobj", "dobj", "dative")

    def _colon(self, found: Found, before: list[Any]) -> Found:
        toks = [t for t in before[:-1] if not t.is_punct]
        colon = before[-1].idx
        named = self._named_at_colon(before)
        if named:  # "Secretary of the Air Force James Roche: “…”": the name the colon follows
            found.speaker_text = " ".join(self.text[before[0].idx:colon].split())
            found.speaker, found.speaker_type = self.sp.full_name(named[-1]), "PERSON"
            found.cue_start, found.cue_end = before[0].idx, colon + 1
        elif toks:
            head = max(toks, key=lambda t: (t.head.i == t.i or t.head.i not in {x.i for x in toks}, t.i))
            # "Professor Tad Patzek ... was blunt in his assessment: “…”": the clause's subject
            subj = [c for c in head.children if c.dep_ in SUBJ and self.in_quote[c.i] < 0] \
                if head.pos_ in ("VERB", "AUX") else []
            found.speaker_text, found.speaker, found.speaker_type = self.name(subj or [head], found.start)
            found.cue_start, found.cue_end = before[0].idx, before[-1].idx + 1
        return found

    def _continue(self, found: Found, prev: Found | None, span: QuoteSpan) -> Found:
        """A quote with no verb of its own: the previous speaker goes on, or the speaker announced
        at the end of the previous paragraph (`X said:`)."""
        # the speaker reported just before, directly or not, where this quote opens a paragraph
        # ("BP spokesman Toby Odone told Reuters that ...\n``We've always said ...''")
        reported = prev is not None and (prev.kind == "direct" or "\n" in self.text[prev.end:span.start])
        if prev is not None and prev.speaker and reported and span.start - prev.end < 600 \
                and self.text.count("\n", prev.end, span.start) <= 2:
            found.speaker_text, found.speaker, found.speaker_type = prev.speaker_text, prev.speaker, prev.speaker_type
            found.via, found.cue_start, found.cue_end = prev.via, prev.cue_start, prev.cue_end
        return found

    def _according(self, region: list[Any]) -> Any:
        for i, tok in enumerate(region[:-1]):
            if tok.lower_ == "according" and region[i + 1].lower_ == "to":
                return tok
        return None

    def _according_heads(self, tok: Any) -> list[Any]:
        to = tok.nbor(1) if tok.i + 1 < len(self.doc) else None
        if to is None:
            return []
        objs = [c for c in to.children if c.dep_ == "pobj"]
        objs = objs or ([to.nbor(1)] if to.i + 1 < len(self.doc) else [])
        return self._words_of(objs)

    def _words_of(self, objs: list[Any]) -> list[Any]:
        """'the words of X', 'the opinion of X': X."""
        if objs and objs[0].lower_ in WORDS_OF:
            inner = [g for c in objs[0].children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"]
            return inner or objs
        return objs

# Verbs that put a quoted word to what someone said or did ("called it “a disaster”").
_CHARACTERISE = frozenset({"call", "calls", "called", "describe", "describes", "described", "accuse", "accuses",
                           "accused", "dismiss", "dismisses", "dismissed", "term", "termed", "dub", "dubbed",
                           "brand", "branded", "label", "labelled", "labeled", "attack", "attacks", "attacked",
                           "condemn", "condemns", "condemned", "denounce", "denounces", "denounced", "hail",
                           "hails", "hailed", "praise", "praises", "praised", "criticise", "criticised",
                           "criticize", "criticized", "slam", "slams", "slammed", "warn", "warns", "warned",
                           "warning", "cite", "cites", "cited"})
_MARKS_ONLY = re.compile(r"^[`'\"“”‘’«»„‚‹›]+$")
# Short words a title of a work leaves in lower case ("Takin' It to the Streets").
_TITLE_SMALL = frozenset("a an the and or but nor of to in on at by for from with as is vs".split())


# Whom a speaker tells, as the object of "told": never what is told.
_AUDIENCE = frozenset({"reporters", "journalists", "us", "me", "him", "her", "them", "audience", "crowd",
                       "supporters", "lawmakers", "parliament", "listeners", "viewers", "readers", "residents"})


def _put_it(tok: Any) -> bool:
    """'as Brokaw put it, “a political ploy”'."""
    return tok.lower_ == "put" and any(c.lower_ == "it" for c in tok.children) \
        and any(c.lower_ == "as" for c in tok.children)


def _sentence_end(quoted: str) -> bool:
    """The quote closes its own sentence ("… tragic results."): what follows it is another one."""
    return quoted.rstrip(" '\"”’")[-1:] in (".", "!", "?", "…")


def _sentence(quoted: str) -> bool:
    words = quoted.strip()
    return bool(words) and words[:1].isupper() and words.rstrip(" '\"”’")[-1:] in (".", "!", "?")


def _title_of_work(quoted: str) -> bool:
    """A song's, a book's or a show's title in quote marks ("What a Fool Believes"), which no one
    is said to say: ten words or fewer, each capitalised but the short ones titles leave small."""
    # clitics a token corpus sets apart ("Baker Tony 's Pizza") are no words of their own
    words = [w for w in re.findall(r"(?<!['’])[^\W\d_][\w'’-]*", quoted)]
    return 2 <= len(words) <= 10 and all(w[:1].isupper() or w.casefold() in _TITLE_SMALL for w in words) \
        and quoted.rstrip(" ,.").count(".") == 0


def english_quotes(text: str, doc: Any, spans: list[QuoteSpan], speakers: Speakers) -> list[Found]:
    """Direct and reported speech of one English article, attributed, in text order."""
    eng = _English(text, doc, spans, speakers)
    direct: list[Found] = []
    indirect = eng.indirect()
    events: list[tuple[int, int, Any]] = [(s.start, 0, k) for k, s in enumerate(spans)]
    events += [(f.start, 1, f) for f in indirect]
    prev: Found | None = None
    out: list[Found] = []
    # Text order, so a pronoun or description refers back to speakers already resolved.
    for _, kind, item in sorted(events, key=lambda e: (e[0], e[1])):
        if kind == 0:
            found = eng.direct(item, prev)
            if found is None:
                continue
            direct.append(found)
        else:
            found = item
            found.speaker_text, found.speaker, found.speaker_type = eng.name(found.heads, found.cue_start)
            if found.via == "":
                found.via = None
                if found.speaker is None:
                    continue
        prev = found
        out.append(found)
        speakers.remember(found.start, found.speaker, found.speaker_type or "PERSON", found.speaker_text or "")
    return out
