"""English direct speech from spaCy's dependency parse: who is attributed each quote.

A direct quote is attributed by the speech verb nearest to it outside the quote marks, in the
order a reader looks: right after it (`“…,” said X`, `“…,” he told AFP`), then before it
(`X said: “…”`, `X told Y that “…”`, `According to X, “…”`, `X: «…»`), then anywhere later in
its sentence; a quote with no verb of its own continues the previous quote when it follows it
closely. The speaker is named from the verb's subject: a person named there (or in apposition),
a pronoun or a description resolved in `quotes_speakers`, a body, or a proper noun the tagger
missed (`quotes_en_names`). Reported speech is read by the `quotes_reported` half of the same class.

What `bench/quotes.py` (speakers of 1,092 hand-annotated quote-mark spans) taught it: a sentence
that follows a quote closed by a full stop is no attribution of it when its verb reports something
of its own ("``… tragic results.'' Greece accused Turkey of …"); a short phrase in the clause of a
verb that characterises ("called it", "accused him of") is that clause's subject's, the nearest
such verb's; a title of a work, a slogan or a name in quote marks is no quote, but a one-word
quote with its speech verb after it is; a name before a colon speaks, as in captions, unless it is
spoken to, and so does one signed after the quote with a dash; a participle with no one doing it
("as currently written") reports no speech. The benchmark keeps a held-out part, never read, to
tell such rules from overfitting: on it, most of these gained little.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from storyline.model import Mention
from storyline.quotes_en_names import EnglishNames
from storyline.quotes_marks import QuoteSpan
from storyline.quotes_reported import (
    SENTENCE_END,
    SUBJ,
    WEAK,
    WORDS_OF,
    Found,
    ReportedSpeech,
    is_speech_verb,
)
from storyline.quotes_speakers import (
    PERSON_TYPES,
    PRONOUN_GENDER,
    Speakers,
    clean_name,
)

_HE_SHE = re.compile(r"\b(?:[Hh]e|[Ss]he|HE|SHE)\b")
_PLACE_PREPS = frozenset({"in", "at", "from", "near", "into", "across", "around", "outside", "inside", "towards",
                          "toward", "through"})


class _English(EnglishNames, ReportedSpeech):
    def __init__(self, text: str, doc: Any, spans: list[QuoteSpan], speakers: Speakers) -> None:
        self.text, self.doc, self.spans, self.sp = text, doc, spans, speakers
        speakers.quoted = [(s.start, s.end) for s in spans]
        self._token_starts = [t.idx for t in doc]
        self.in_quote = [-1] * len(doc)
        for k, span in enumerate(spans):
            for i in range(self._token_at(span.start), self._token_at(span.end)):
                self.in_quote[i] = k
        self.subjects = self._person_subjects()
        self.sp.pronoun_subjects = self._pronoun_subjects()

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
            head = root if root.dep_ not in ("appos", "compound") else root.head
            if head.dep_ in SUBJ and _infinitive(head.head):
                continue  # "called for Tony Blair to be tried": the subject of a wish, not of the sentence
            dep = head.dep_
            if dep in SUBJ and head.head.dep_ == "ROOT":
                self.sp.main_subjects.add(m.start)
            if dep in SUBJ or (dep == "pobj" and root.head.lower_ in ("to", "by") and root.head.i > 0 and \
                    self.doc[root.head.i - 1].lower_ in ("according", "by")):
                out.append((m.start, m))
        surnames = {clean_name(m.text).split()[-1] for m in self.sp.mentions if m.type in PERSON_TYPES
                    and clean_name(m.text).split()}
        # a known person's surname the tagger took for a body there ("Figgins declined to ...") is theirs
        covered = {m.start for m in self.sp.mentions if m.type in PERSON_TYPES or clean_name(m.text) not in surnames}
        for surname in surnames:  # "Ibrahim dismissed the allegations": a surname the tagger did not tag there
            for hit in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", self.text):  # not in "Al-Marzouki"
                i = self._token_at(hit.start())
                if i >= len(self.doc) or hit.start() in covered or self.in_quote[i] >= 0:
                    continue
                tok = self.doc[i]
                # a surname opening a sentence may be tagged a common noun ("Figgins declined to ...")
                if tok.idx == hit.start() and tok.dep_ in SUBJ and (tok.pos_ == "PROPN" or (tok.pos_ == "NOUN"
                                                                    and tok.text[:1].isupper())) \
                        and not _infinitive(tok.head):
                    if tok.head.dep_ == "ROOT":
                        self.sp.main_subjects.add(tok.idx)
                    out.append((tok.idx, Mention("", tok.text, tok.idx, tok.idx + len(tok.text), "PERSON")))
        return out

    def _pronoun_subjects(self) -> list[tuple[int, str]]:
        """(position, gender) of each "he" and "she" in subject position outside quotes: found in the
        text, so that only their tokens are looked at, not every token of the article."""
        out = []
        for hit in _HE_SHE.finditer(self.text):
            i = self._token_at(hit.start())
            if i < len(self.doc) and self.doc[i].idx == hit.start():
                tok = self.doc[i]
                if tok.lower_ in ("he", "she") and tok.dep_ in SUBJ and self.in_quote[i] < 0:  # not "he/she"
                    out.append((tok.idx, PRONOUN_GENDER[tok.lower_]))
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
        verb_after = [t for t in after if is_speech_verb(t) or _put_it(t)]  # ``…'', as Hayward put it
        if _sentence_end(quoted) and verb_after and self._own_content(verb_after[0]):
            # '``... tragic results.'' Greece accused Turkey of ...': a new sentence, with what its
            # verb reports of its own, is no attribution of the quote before it
            verb_after = []
        verb_before = [t for t in before if ((is_speech_verb(t) and t.lower_ not in WEAK) or _put_it(t))
                       and not _bare_participle(t)]
        if verb_before and verb_after and verb_after[0].tag_ == "VBG" and self._own_content(verb_after[0]):
            # '… had concluded the settlements were "not inconsistent with law", saying he trusted …':
            # a participle with a clause of its own reports that, not the quote before it
            verb_after = []
        short = len(quoted.split()) <= 3
        beside = self._last_word(before) if not verb_before and not short else None
        if beside is not None and is_speech_verb(beside):
            verb_before = [beside]  # "He states “…”": a weak verb reports a sentence right after it
        acc_after, acc_before = self._according(after), self._according(before)
        attr: Any = None
        if before and before[-1].text == ":" and not short and not verb_before and self._named_at_colon(before):
            return self._colon(found, before)  # "Arnold Schwarzenegger: “It will not happen here”" (a caption)
        if _title_of_work(quoted) or self._named_by_noun(before):
            return None
        # A quote that runs on into its sentence, with no comma, stop or dash at its end ('It said
        # Netanyahu has sent ``a clear message to those deluding themselves'' into thinking ...'):
        # a speech verb before it reports it, rather than one in the rest of that sentence.
        runs_on = not any(ch in ",.!?;:…—–-" for ch in self.text[max(span.start, span.end - 4):span.end + 3])
        # a phrase quoted in the clause of a verb that characterises what someone said ("she
        # described this as the “worst case scenario” and accused him of “manipulative bullying”)
        characterising = [t for t in before if _characterises(t)] if short or runs_on else []
        # "he ... said, “somebody ought to ...,” the prosecutor's office said": the verb the quote is
        # the object of says whose words they are; the one after, who reports them
        object_of = bool(verb_before) and all(t.is_punct for t in before[before.index(verb_before[-1]) + 1:]) \
            and any(c.dep_ == "nsubj" and c.lower_ not in ("that", "this", "it", "which")
                    for c in self.subjects_of(verb_before[-1]))  # not "That being said, “…”"
        if verb_after and verb_after[0].i - after[0].i <= 8 and not ((runs_on or object_of) and verb_before):
            attr, region = verb_after[0], after
        elif acc_after is not None and acc_after.i - after[0].i <= 8:
            attr, region = acc_after, after
        elif acc_before is not None and not (verb_before and verb_before[-1].i > acc_before.i
                                             and self.subjects_of(verb_before[-1])):
            # "According to AFP, one user on Weibo posted: “…”": the one who posted said it, through AFP
            attr, region = acc_before, before
        elif verb_before:
            attr, region = verb_before[-1], before
            # "It said Netanyahu has sent “a clear message”": a phrase quoted inside what someone
            # is reported to say is that reporter's wording
            while attr.dep_ == "ccomp" and attr.head.i < attr.i and is_speech_verb(attr.head) \
                    and self.in_quote[attr.head.i] < 0 and attr.head.sent == attr.sent:
                attr = attr.head
            # ... but "are expecting lawsuits over the slick, which Obama described as a ``potentially
            # unprecedented'' disaster": a verb that characterises, nearer the phrase, is whose it is
            if characterising and characterising[-1].i > verb_before[-1].i:
                attr = characterising[-1]
        elif before and before[-1].text in (":", "—", "-", "–") and not short:
            return self._colon(found, before)
        elif verb_after and not _sentence_end(quoted):
            attr, region = verb_after[0], after
        if attr is None and characterising:
            attr, region = characterising[-1], before
        if attr is None and not span.closed and _TERM_BEFORE.search(self.text, max(0, span.start - 12), span.start):
            # a mark never closed after an article or a preposition, in a sentence no verb reports
            # ("otherwise known as the ‘black death - which affects lymph nodes ..."): a term's stray
            # mark, not speech (a quote the wire's convention leaves open opens a sentence)
            return None
        if attr is None:
            signed = self._signature(span)
            if signed is not None:  # “Very talented people!” – Ali***; a tweet “…” — Mike Beauvais (@mikeb)
                found.speaker_text, found.speaker, found.speaker_type = signed
                return found
            if short and not (prev is not None and span.start - prev.end < 40 and _sentence(quoted)):
                return None  # a phrase in quote marks; but ``Stupendous work.'' after a quote goes on with it
            viewer = self._for_whom(before)
            if viewer is not None:  # "For union leader Felicio, the swap ``is a clear sign of despair''"
                found.speaker_text, found.speaker, found.speaker_type = self.name([viewer], span.start)
                return found
            subjects = [t for t in before if t.dep_ in SUBJ and self.in_quote[t.head.i] < 0]
            if subjects:
                # a phrase quoted in a clause of its own subject, with no speech verb: that subject's
                # wording ("Coffman called it “…”", "The committee has excoriated Mubarak for “…”")
                found.speaker_text, found.speaker, found.speaker_type = self.name(subjects[-1:], span.start)
                return found
            return self._continue(found, prev, span)
        # a name in quote marks ("Interfax", “Minsk group”) is no speech; “Amazing,” Davis said is,
        # and so is ``Great show, Endeavour,'' mission control radioed, though it names no one
        said_so = region is after and self.text[span.start:span.inner_end].rstrip(" '\"”’")[-1:] in ",.!?"
        if short and all(w[:1].isupper() for w in quoted.split()) and not said_so:
            return None
        found.cue_start, found.cue_end = region[0].idx, region[-1].idx + len(region[-1].text)
        if attr.lower_ == "according":
            heads = self._according_heads(attr)
        elif attr.lower_ == "words":
            heads = self._words_of([attr])
        else:
            heads = self._named_before_verb(attr, region, before) or self.subjects_of(attr)
        found.speaker_text, found.speaker, found.speaker_type = self.name(heads, span.start)
        if short and found.speaker is None:
            return None  # a phrase in quote marks with no one to say it: a term, not speech
        return found

    def _named_before_verb(self, verb: Any, region: list[Any], before: list[Any]) -> list[Any]:
        """The person named right before the speech verb that a colon ends ("... Obama complains :
        ``I did not appreciate ...''"): in a headline run into the text the parser may give the
        verb the first noun of the run as its subject (BP, of "BP using undersea robots ...")."""
        if region is not before or len(before) < 2 or before[-1].text != ":" or before[-2].i != verb.i:
            return []
        people = [m for m in self.sp.overlapping(max(0, verb.idx - 80), verb.idx, PERSON_TYPES)
                  if not self.text[m.end:verb.idx].strip()]
        span = self.doc.char_span(people[-1].start, people[-1].end, alignment_mode="expand") if people else None
        return [span.root] if span is not None else []

    def _signature(self, span: QuoteSpan) -> tuple[str, str, str] | None:
        """A name signed after the quote with a dash, as reviews, pull quotes and embedded posts
        are: a few capitalised words and nothing else before the line, the next quote, a bracket
        or a comma."""
        sign = _SIGNED.match(self.text, span.end, min(len(self.text), span.end + 120))
        if sign is None:
            return None
        words = sign.group(1).split()
        if not 1 <= len(words) <= 5 or not all(w[:1].isupper() or w[:1] == "@" for w in words):
            return None
        start, end = sign.start(1), sign.end(1)
        people = [m for m in self.sp.overlapping(start, end, PERSON_TYPES) if m.start <= start and m.end >= end]
        name = self.sp.full_name(people[0]) if people else " ".join(words)
        return " ".join(words), name, "PERSON"

    def _for_whom(self, before: list[Any]) -> Any:
        """The person a sentence opens on as whose view it gives ("For Felicio, ..."), or None."""
        words = [t for t in before if not t.is_space]
        if len(words) < 3 or words[0].lower_ != "for":
            return None
        comma = next((t for t in words[1:8] if t.text == ","), None)
        if comma is None:
            return None
        persons = self.sp.overlapping(words[1].idx, comma.idx, PERSON_TYPES)
        if not persons or self.text[persons[-1].end:comma.idx].strip():
            return None
        span = self.doc.char_span(persons[-1].start, persons[-1].end, alignment_mode="expand")
        return span.root if span is not None else None

    @staticmethod
    def _named_by_noun(before: list[Any]) -> bool:
        """The quote is what a noun right before it names ("the slogan “Meth, we’re on it.”", "the
        hashtag"), not what anyone said there."""
        words = [t for t in before[-3:] if not t.is_punct and not t.is_space]
        return bool(words) and words[-1] is before[-1] and words[-1].lower_ in _NAMING_NOUNS

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
            if tok.lower_ == "words" and region[i + 1].lower_ == "of" and i > 0 and region[i - 1].lower_ == "the":
                return tok  # "in the words of Dubai's government, to ``develop …''"
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
# The word before a term's opening mark: "known as the ‘black death", "a so-called ‘safe zone".
_TERM_BEFORE = re.compile(r"\b(?:the|a|an|as|of|its|their|his|her|our|this|that|so-called|called|dubbed|in|on|for|"
                          r"to|with|by|from|and|or)\s*$", re.IGNORECASE)
# Short words a title of a work leaves in lower case ("Takin' It to the Streets").
_TITLE_SMALL = frozenset("a an the and or but nor of to in on at by for from with as is vs".split())


# Whom a speaker tells, as the object of "told": never what is told.
_AUDIENCE = frozenset({"reporters", "journalists", "us", "me", "him", "her", "them", "audience", "crowd",
                       "supporters", "lawmakers", "parliament", "listeners", "viewers", "readers", "residents"})


def _infinitive(verb: Any) -> bool:
    """Whether a verb stands in a "to" clause, whose subject is what someone wants or asks of them."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _put_it(tok: Any) -> bool:
    """'as Brokaw put it, “a political ploy”'."""
    return tok.lower_ == "put" and any(c.lower_ == "it" for c in tok.children) \
        and any(c.lower_ == "as" for c in tok.children)


# "” – Ali***", "” — Mike Beauvais (@MikeBeauvais) November 18, 2019": a dash, then the signer.
_SIGNED = re.compile(r"[ \t\u00a0]*[–—][ \t\u00a0]*([^\n“”\"(,;–—]+?)[ \t\u00a0]*(?=$|\n|[“\"(,;]|\s{2,})", re.M)
# Nouns whose quoted complement is a name or a wording on show, not speech.
_NAMING_NOUNS = frozenset({"slogan", "slogans", "tagline", "taglines", "motto", "mottos", "mottoes", "hashtag",
                           "hashtags", "catchphrase", "nickname", "nicknamed", "moniker", "headline", "headlined",
                           "titled", "entitled"})


def _characterises(tok: Any) -> bool:
    """A verb that puts a quoted word to what someone said or did; also one the parse took for a
    noun after a name ("with Foreign Minister Ayman Safadi warning of “dangerous consequences”")."""
    if tok.lower_ not in _CHARACTERISE or _bare_participle(tok):  # "a team described as ``mudloggers''"
        return False
    return tok.pos_ in ("VERB", "AUX") or (tok.lower_.endswith("ing") and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children))


def _bare_participle(tok: Any) -> bool:
    """A participle that modifies with no one doing it ("the deal, as currently written, ``is
    simply unfair''"; "the plan as stated"): it reports no speech, the verb before it does."""
    if tok.tag_ not in ("VBN", "VBD") or any(c.dep_ in ("agent", "aux", "auxpass", *SUBJ) for c in tok.children):
        return False
    if tok.tag_ == "VBD" and tok.dep_ not in ("acl", "amod"):  # "a team described as": a participle misread
        return False
    # "Michael Moore's tweeted sarcasm": the noun's owner did it
    return not (tok.dep_ == "amod" and any(c.dep_ == "poss" for c in tok.head.children))


def _sentence_end(quoted: str) -> bool:
    """The quote closes its own sentence ("… tragic results."): what follows it is another one."""
    return quoted.rstrip(" '\"”’")[-1:] in (".", "!", "?", "…")


def _sentence(quoted: str) -> bool:
    words = quoted.strip()
    return bool(words) and words[:1].isupper() and words.rstrip(" '\"”’")[-1:] in (".", "!", "?")


def _title_of_work(quoted: str) -> bool:
    """A song's, a book's or a show's title in quote marks ("What a Fool Believes"), which no one
    is said to say: each word capitalised but the short ones titles leave small, up to a headline's
    or a book's with its subtitle ("Obama 's Budget Faces Challenge by Party Barons ; Panel Chairmen
    Oppose a Tax Plan but Want to Reduce Debt")."""
    # clitics a token corpus sets apart ("Baker Tony 's Pizza") are no words of their own
    words = [w for w in re.findall(r"(?<!['’])[^\W\d_][\w'’-]*", quoted)]
    return 2 <= len(words) <= 24 and all(w[:1].isupper() or w.casefold() in _TITLE_SMALL for w in words) \
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
        speakers.remember(found.start, found.speaker, found.speaker_type or "PERSON", found.speaker_text or "",
                          unnamed=found.speaker is None and found.speaker_type == "PERSON")
    return out
