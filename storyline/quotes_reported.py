"""Reported speech in English, and the vocabulary of speech both kinds of quote share.

Reported speech is the clause a speech verb governs (`X said that …`, `X believes …`, and the
attribution that closes a wire sentence: `CLAUSE, the minister said.`), the clause beside
`according to X` / `in the words of X` / `as X noted`, and the sentence before a machine-translated
`This was stated by X`. The speech verbs are matched as written, by stem (the shared pipeline
skips the lemmatizer), which also catches the odd verbs of machine translation ("he excludes").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

_STEMS = ("say", "said", "tell", "told", "add", "stress", "note", "emphasi", "emphasiz", "explain", "declar",
          "state", "stat", "warn", "insist", "claim", "announc", "report", "repl", "answer", "wrote", "writ",
          "comment", "indicat", "assert", "argu", "admit", "acknowledg", "confirm", "den", "recall", "underlin",
          "mention", "assur", "promis", "suggest", "clarif", "remark", "observ", "predict", "affirm",
          "reiterat", "believ", "think", "thought", "consider", "exclud", "conclud", "specif", "quot",
          "point", "accus", "urg", "call", "hope", "expect", "fear", "doubt", "agre", "recogni", "assum",
          "estimat", "describ", "add", "insist", "emphas", "highlight", "lament", "complain", "boast", "vow",
          "pledg", "predict", "threaten", "rul", "dismiss", "reject", "maintain", "contend", "allege",
          # machine translation from French and Russian: a martelé, a lancé, a jugé, a plaidé, a regretté
          "judg", "plead", "hammer", "launch", "regret", "welcom", "denounc", "deplor", "castigat", "detail",
          "summari", "retort", "quip", "exclaim", "shout", "sigh", "whisper", "murmur", "confid", "reveal",
          "conced", "recount", "testif", "tweet", "posted", "wrote", "informed", "advis", "complain",
          "chant", "yell", "scream", "cried", "radioed", "counter")
_VERB_RE = re.compile(r"^(?:" + "|".join(sorted(set(_STEMS), key=len, reverse=True)) + r")[a-z]*$")
# The same words found in running text, so only their tokens are looked at (iterating a spaCy Doc
# builds a Python object per token, the dearest part of this stage on long articles).
_STANCE_ADJ = frozenset({"convinced", "sure", "confident", "certain", "persuaded"})
_STANCE_NOUNS = frozenset({"confidence", "hope", "belief", "concern", "fear", "conviction", "doubt", "opinion",
                           "view", "regret", "fears", "hopes", "doubts", "concerns"})
_EXPRESS = frozenset({"expressed", "expresses", "voiced", "voices", "expressing", "voicing"})
_CUE_IN_TEXT = re.compile(r"\b(?:(?:" + "|".join(sorted(set(_STEMS), key=len, reverse=True)) + r")[a-z]*|according|"
                          r"convinced|sure|confident|certain|persuaded|expresse[sd]|expressing|voic(?:ed|es|ing)|"
                          r"[Ii]n\s+(?:the|his|her)\s+(?:words|opinion|view|assessment|statement|remarks|comments)"
                          r"\s+of)\b", re.IGNORECASE)
# Verbs that only report speech with a clause after them or a quote beside them.
WEAK = frozenset({"call", "calls", "called", "urge", "urges", "urged", "point", "points", "pointed", "hope", "hopes",
                   "hoped", "expect", "expects", "expected", "agree", "agreed", "agrees", "rule", "ruled", "rules",
                   "reject", "rejected", "dismissed", "accused", "accuses", "quoted", "quotes", "state", "states",
                   "thought", "fear", "feared", "fears", "recognized", "recognised", "described", "estimated",
                   "launched", "launch", "launches", "posted", "welcomed", "welcomes", "detailed", "informed",
                   "advised", "advises", "regretted", "judged"})
_NOT_VERBS = frozenset({"statement", "statements", "station", "stations", "status", "report", "reports", "quota",
                        "stated", "addition", "denmark", "saying"})
PRONOUNS = frozenset({"he", "she", "him", "her", "it", "they", "them"})
SUBJ = ("nsubj", "nsubjpass", "csubj")
WORDS_OF = frozenset({"words", "opinion", "view", "assessment", "statement", "remarks", "comments"})
DEMONSTRATIVE = frozenset({"this", "that", "it", "so"})
QUOTED = frozenset({"quoted", "cited", "quotes", "cites", "quoting", "citing"})
SENTENCE_END = frozenset({".", "!", "?", "…"})


# What a reported clause needs to be a statement on its own.
_CLAUSE_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def is_speech_verb(tok: Any) -> bool:
    low = tok.lower_
    if tok.pos_ not in ("VERB", "AUX") and not (tok.dep_ == "ROOT" and tok.pos_ not in ("PUNCT", "PROPN")):
        return False
    if low in _NOT_VERBS and tok.pos_ != "VERB":
        return False
    if low in ("read", "reads"):  # "the statement read": a writing's words, not a reader's
        return any(c.dep_ == "nsubj" and c.lower_ in _READ_BY for c in tok.children)
    return bool(_VERB_RE.match(low))


# What "reads" words out: "the statement read", "a sign reads".
_READ_BY = frozenset({"statement", "letter", "release", "communique", "communiqué", "note", "message", "sign",
                      "banner", "placard", "post", "tweet", "caption", "headline", "text", "notice", "memo"})


def _not_said(verb: Any) -> bool:
    """A speech verb denied ("would not say what", "did not clarify whether") or declined ("declined
    to say which", "refused to confirm"): what it governs was not said."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lower_ in _DECLINED


_DECLINED = frozenset({"decline", "declines", "declined", "declining", "refuse", "refuses", "refused", "refusing"})


@dataclass
class Found:
    """A quote while it is being attributed: offsets into the article text, and the cue's span."""

    start: int
    end: int
    text: str
    kind: str
    speaker_text: str | None = None
    speaker: str | None = None
    speaker_type: str = ""
    cue_start: int = -1
    cue_end: int = -1
    via: str | None = None
    heads: list[Any] = field(default_factory=list, repr=False)  # subject tokens, named in text order


class ReportedSpeech:
    """The reported-speech half of the English reader (`quotes_en._English` supplies the parse)."""

    doc: Any
    text: str
    in_quote: list[int]
    sp: Any
    subjects_of: Callable[[Any], list[Any]]
    _agents: Callable[[Any], list[Any]]
    _according_heads: Callable[[Any], list[Any]]
    _np: Callable[..., str]
    _token_at: Callable[[int], int]

    def this_was_said(self, verb: Any) -> bool:
        """'This was stated by X', 'X said this', 'About this said X': the speech is the sentence before."""
        if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children) or verb.dep_ == "xcomp":
            return False
        passive = [c for c in verb.children if c.lower_ in ("this", "that") and c.dep_ == "nsubjpass"]
        if passive and self._agents(verb):
            return True
        demo = [c for c in verb.children if c.lower_ == "this" and c.dep_ == "dobj"]
        about = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("about", "of", "on")
                 and any(g.lower_ == "this" for g in c.children)]
        return bool(demo or about) and bool(self.subjects_of(verb))

    # --- reported speech ------------------------------------------------------------------------
    def indirect(self) -> list[Found]:
        out: list[Found] = []
        for match in _CUE_IN_TEXT.finditer(self.text):
            i = self._token_at(match.start())
            if i >= len(self.doc) or self.doc[i].idx != match.start():
                continue
            tok = self.doc[i]
            if self.in_quote[tok.i] >= 0:
                continue
            if self._opens_reporter_phrase(tok):
                found = self._according_clause(tok)
            elif tok.lower_ in _STANCE_ADJ or tok.lower_ in _EXPRESS:
                found = self._stance_clause(tok)
            elif is_speech_verb(tok) and self.this_was_said(tok):
                found = self._sentence_before(tok)
            elif is_speech_verb(tok):
                found = self._reported_clause(tok)
            else:
                continue
            if found is not None:
                out.append(found)
        return out

    def _stance_clause(self, tok: Any) -> Found | None:
        """'X is convinced/sure that …', 'X expressed confidence/hope that …': X's view, reported."""
        if tok.lower_ in _STANCE_ADJ:
            if tok.dep_ != "acomp":
                return None
            holder, subject_of = tok, tok.head
        else:
            nouns = [c for c in tok.children if c.dep_ == "dobj" and c.lower_ in _STANCE_NOUNS]
            if not nouns:
                return None
            holder, subject_of = nouns[0], tok
        clauses = [c for c in holder.children if c.dep_ in ("ccomp", "acl") and self.in_quote[c.i] < 0
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
        if not clauses:
            return None
        toks = [t for t in clauses[0].subtree if not t.is_space]
        if toks and toks[0].lower_ == "that":
            toks = toks[1:]
        if len(toks) < 3:
            return None
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        while end > start and self.text[end - 1] in ".,;:":
            end -= 1
        found = Found(start, end, " ".join(self.text[start:end].split()), "indirect")
        found.cue_start, found.cue_end = tok.sent.start_char, start
        found.heads = [c for c in subject_of.children if c.dep_ in SUBJ]
        return found if found.heads else None

    def _sentence_before(self, verb: Any) -> Found | None:
        """The sentence a 'This was stated by X' refers to, as reported speech, unless it is a quote."""
        sent = verb.sent
        if sent.start == 0:
            return None
        prev = self.doc[sent.start - 1].sent
        toks = [t for t in prev if not t.is_space]
        if len(toks) < 4 or any(self.in_quote[t.i] >= 0 for t in toks):
            return None
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        while end > start and self.text[end - 1] in ".,;:":
            end -= 1
        found = Found(start, end, " ".join(self.text[start:end].split()), "indirect")
        found.cue_start, found.cue_end = sent.start_char, sent.end_char
        found.heads = self.subjects_of(verb)
        return found

    def _reported_clause(self, verb: Any) -> Found | None:
        if _not_said(verb):
            return None  # "The official , who would not clarify what is seeping near the well"
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and self.in_quote[c.i] < 0]
        after = [c for c in clauses if c.i > verb.i]
        # "CLAUSE, the minister said." / "CLAUSE, said the minister.": attribution closing the sentence
        before = [c for c in clauses if c.i < verb.i and verb.sent.end - verb.i <= 14
                  and any(t.text == "," for t in self.doc[c.right_edge.i + 1:verb.i + 1])]
        if not after and not before:
            return self._as_clause(verb)
        clause = after[0] if after else before[-1]
        if not after and any(self.in_quote[t.i] >= 0 for t in (clause.left_edge, clause.right_edge)):
            return None  # a direct quote's own attribution
        if not any(c.dep_ in _CLAUSE_SUBJECTS for c in clause.children):
            return None  # "the progress he claimed had been made": the clause's subject is outside it
        toks = list(clause.subtree)
        if not after:
            # "... were Tamiflu-resistant , Dr. Dharan reported": the parser may hang the clause's
            # last words on the subject after it; the clause runs to its comma
            comma = next(t.i for t in self.doc[clause.right_edge.i:verb.i] if t.text == ",")
            hung = self.doc[clause.right_edge.i + 1:comma]
            if not any(self.in_quote[t.i] >= 0 or t.is_sent_start or "\n" in t.text for t in hung):
                toks = list(self.doc[clause.left_edge.i:comma])
        if toks and toks[0].lower_ == "that":
            toks = toks[1:]
        toks = [t for t in toks if not t.is_space]
        if len(toks) < 3:
            return None
        heads = self.subjects_of(verb)
        if any(h.lower_ in ("it", "there", "this", "which") and h.dep_ != "nsubj" for h in heads) or \
                any(h.lower_ == "it" for h in heads):
            return None
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        while end > start and self.text[end - 1] in ".,;:":
            end -= 1
        found = Found(start, end, " ".join(self.text[start:end].split()), "indirect")
        sent = verb.sent
        found.cue_start, found.cue_end = (sent.start_char, start) if after else (end, sent.end_char)
        found.heads = heads
        return found

    def _as_clause(self, verb: Any) -> Found | None:
        """'As X noted, CLAUSE' (Russian «Как отметил X, …»): the main clause is X's."""
        if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
            return None
        own = {t.i for t in verb.subtree}
        rest = [t for t in verb.head.subtree if t.i not in own and not t.is_space and self.in_quote[t.i] < 0]
        rest = [t for t in rest if (t.i > max(own) if verb.i < verb.head.i else t.i < min(own))]
        while rest and rest[0].is_punct:
            rest = rest[1:]
        if len(rest) < 3:
            return None
        start, end = rest[0].idx, rest[-1].idx + len(rest[-1].text)
        while end > start and self.text[end - 1] in ".,;: ":
            end -= 1
        found = Found(start, end, " ".join(self.text[start:end].split()), "indirect")
        found.cue_start = self.doc[min(own)].idx
        found.cue_end = self.doc[max(own)].idx + len(self.doc[max(own)].text)
        found.heads = self.subjects_of(verb)
        return found

    def _opens_reporter_phrase(self, tok: Any) -> bool:
        """'according to X' or 'in the words/opinion of X'."""
        n = len(self.doc)
        if tok.lower_ == "according":
            return tok.i + 1 < n and tok.nbor(1).lower_ == "to"
        return tok.lower_ == "in" and tok.i + 3 < n and tok.nbor(1).lower_ in ("the", "his", "her") and \
            tok.nbor(2).lower_ in WORDS_OF and tok.nbor(3).lower_ == "of"

    def _according_clause(self, tok: Any) -> Found | None:
        if tok.lower_ == "in":  # "In the words of X,"
            heads = [g for g in tok.nbor(3).children if g.dep_ == "pobj"]
        else:
            heads = self._according_heads(tok)
        if not heads or self._is_medium(heads[0]):
            return None
        sent = tok.sent
        phrase_end = max(t.i for h in heads for t in h.subtree)
        if tok.i <= sent.start + 1:  # According to X, CLAUSE.
            rest = [t for t in self.doc[phrase_end + 1:sent.end] if not t.is_punct or t.text in "“”\"«»"]
            if len(rest) < 3:
                return None
            first = next(t for t in self.doc[phrase_end + 1:sent.end] if not t.is_punct or t.text in "“\"«")
            start, end = first.idx, sent[-1].idx + len(sent[-1].text)
        else:  # CLAUSE, according to X.
            start, end = max(sent.start_char, self.text.rfind("\n", 0, tok.idx) + 1), tok.idx
        while end > start and self.text[end - 1] in ".,;: ":
            end -= 1
        if len(self.text[start:end].split()) < 3 and tok.i <= sent.start + 1:
            return None
        words = " ".join(self.text[start:end].split())
        after = [t for t in self.doc[phrase_end + 1:sent.end] if not t.is_punct]
        if tok.i > sent.start + 1 and phrase_end + 1 < sent.end and self.doc[phrase_end + 1].text == "," \
                and len(after) >= 2 and sent.root.i > phrase_end:  # the clause's verb after it, not an apposition
            # "President Donald Trump, according to the White House, made an unscheduled trip ...":
            # what X says is the whole sentence around its attribution
            last = sent[-1] if not sent[-1].is_punct else sent[-2]
            end = last.idx + len(last.text)
            words = f"{words} {' '.join(self.text[after[0].idx:end].split())}"
        if len(words.split()) < 3:
            return None
        found = Found(start, end, words, "indirect")
        found.cue_start, found.cue_end = tok.idx, tok.idx + len(self.doc[tok.i:phrase_end + 1].text)
        found.heads = heads
        found.via = "" # named later; an according-to clause without a speaker is dropped then
        return found

    def _is_medium(self, head: Any) -> bool:
        low = head.lower_
        if low in ("reports", "report", "data", "sources", "source", "information", "media", "estimates", "figures",
                   "agency", "newspaper", "resources", "accounts", "television", "radio", "survey", "poll",
                   "statistics", "website"):
            return True
        from storyline.clean.media import load_media

        known = load_media(None).canonical
        return head.text in known or self._np(head, propn_only=True) in known
