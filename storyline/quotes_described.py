"""Speakers named by a description in the languages the rules read: "dijo el ministro", "sagte der
Regierungschef", "a indiqué la société", "El Presidente comentó que …", "odparł szef KPRM".

A description is an article, then a title or a body's noun within three words (Polish and Turkish
have no article: the title alone). It stands for the person the article titled so before (by the
role the rules read for a name, not the words before it, which may be another's: "la portavoz del
ministro Juan Pérez"; `Speakers.description`), or the body whose name holds the noun; where it fits
no one, it names no one, and a name further on in the sentence is not the speaker either ("sentenció
el dirigente socialista …, la investidura de Sánchez"; the languages that drop a subject may still
give the quote to the speaker just before, whom an epithet often stands for).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from storyline.entities import ner_german
from storyline.entities.name_shape import is_title_word
from storyline.entities.rule_words import ADDRESS_FORMS
from storyline.quotes_speakers import FOREIGN_ORG_NOUNS, ROLE_SYNONYMS, Speakers
from storyline.quotes_verbs import VERB_RE

_DESCRIBED = re.compile(r"[\s,]*(?:(?:el|la|il|lo|le|der|die|das|o|a|het)\s+|l['’])"
                        r"(?P<phrase>[^\W\d][\w-]*(?:\s+[^\W\d][\w-]*){0,2})", re.IGNORECASE)
_DESCRIBED_BARE = re.compile(r"[\s,]*(?P<phrase>[^\W\d][\w-]*)")
# Languages without articles, whose description of a speaker is its title alone.
_NO_ARTICLES = frozenset({"pl", "tr"})
_CLAUSE_END = re.compile(r"[.;:!?\n]|,(?!\s*[A-ZÀ-ÖØ-ÞĀ-Ž])")


class Description(NamedTuple):
    phrase_end: int  # where the phrase ends, at its head
    clause_end: int  # where its clause ends: an apposition's name is in it ("el portavoz del PNV, Aitor Esteban")
    phrase: str
    head: str  # the title or the body's noun ("senator" of "Wissenschaftssenatorin")


def description_at(text: str, lo: int, hi: int, lang: str) -> Description | None:
    """The description that opens at `lo` (spaces and a comma before it aside), or None."""
    m = (_DESCRIBED_BARE if lang in _NO_ARTICLES else _DESCRIBED).match(text, lo, hi)
    words = m.group("phrase").split() if m else []
    k = next((k for k, w in enumerate(words) if w.casefold() in FOREIGN_ORG_NOUNS or (
        is_title_word(w) and w.casefold() not in ADDRESS_FORMS) or (lang == "de" and ner_german.is_title(w))), None)
    if m is None or k is None:
        return None
    phrase_end = text.index(words[k], m.start("phrase")) + len(words[k])
    head = words[k]
    if lang == "de" and head.casefold() not in ROLE_SYNONYMS:
        head = ner_german.title_head(head) or head  # "die Hamburger Wissenschaftssenatorin": a senator
    stop = _CLAUSE_END.search(text, phrase_end, hi)
    return Description(phrase_end, stop.start() if stop else hi, text[m.start("phrase"):phrase_end], head)


def described_after(text: str, lo: int, hi: int, lang: str) -> Description | None:
    """The description right after the verb that follows a quote at `lo`, or None."""
    verb = VERB_RE.search(text, lo, min(hi, lo + 60))
    return description_at(text, verb.end(), hi, lang) if verb else None


def described_subject(text: str, lo: int, hi: int, lang: str) -> Description | None:
    """A description that opens the sentence at `lo` as the subject of a speech verb a few words on
    ("El Presidente comentó que", "Der Minister sagte:"), or None."""
    found = description_at(text, lo, hi, lang)
    return found if found and VERB_RE.search(text, found.phrase_end, min(hi, found.phrase_end + 40)) else None


def described_speaker(speakers: Speakers, described: Description, at: int) -> tuple[str | None, str | None, str]:
    """(speaker_text, speaker, speaker_type) of a description at `at`: whom it stands for, else no one."""
    name = speakers.description(described.phrase, described.head, at, fallback=False, role_only=True)
    if name is None:
        return None, None, ""
    return described.phrase, name, "ORG" if described.head.casefold() in FOREIGN_ORG_NOUNS else "PERSON"
